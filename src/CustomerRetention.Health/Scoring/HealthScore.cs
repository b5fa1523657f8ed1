namespace CustomerRetention.Health;

/// <summary>
/// A customer's health: <see cref="Value"/> in [0, 100] (higher is healthier), and every known factor's contribution, ranked
/// from the largest; the contributions' points add up to <see cref="Baseline"/> − <see cref="Value"/>. Immutable.
/// </summary>
public sealed class HealthScore
{
    /// <summary>The baseline: the health of a customer with no risk in any known signal.</summary>
    public const double Baseline = 100;

    private readonly HealthContribution[] _contributions;

    internal HealthScore(double value, HealthContribution[] contributions)
    {
        Value = value;
        _contributions = contributions;
    }

    /// <summary>The health, 0–100.</summary>
    public double Value { get; }

    /// <summary>Every known factor's contribution, the largest first (ties in factor order).</summary>
    public IReadOnlyList<HealthContribution> Contributions => _contributions;

    /// <summary>The reasons of the <paramref name="count"/> largest contributions that take points off (fewer when fewer do).</summary>
    /// <param name="count">How many. Range: ≥ 0.</param>
    /// <returns>The reasons, the largest first.</returns>
    public IReadOnlyList<string> TopReasons(int count)
    {
        Guard.NonNegative(count);
        return _contributions.Where(c => c.Points > 0).Take(count).Select(c => c.Reason).ToArray();
    }

    /// <inheritdoc />
    public override string ToString() =>
        FormattableString.Invariant($"{Value:0.#}") + (_contributions.Any(c => c.Points > 0) ? ": " + string.Join("; ", _contributions.Where(c => c.Points > 0)) : string.Empty);
}
