namespace CustomerRetention.Health;

/// <summary>
/// A customer's health: <see cref="Value"/> = <see cref="Baseline"/> − the sum of the contributions' points, in [0, 100]
/// (higher is healthier), and the contributions ranked from the largest. Immutable.
/// </summary>
public sealed class HealthScore
{
    /// <summary>The baseline: the health of a customer with no risk in any known signal.</summary>
    public const double Baseline = 100;

    private readonly HealthContribution[] _contributions;

    internal HealthScore(HealthContribution[] contributions)
    {
        _contributions = contributions;
        double points = 0;
        foreach (HealthContribution c in contributions)
        {
            points += c.Points;
        }

        // The shares sum to 1 and each risk is at most 1, so the points sum to at most 100 up to rounding.
        Value = Math.Max(0, Math.Min(Baseline, Baseline - points));
    }

    /// <summary>The health, 0–100.</summary>
    public double Value { get; }

    /// <summary>Every known factor's contribution, the largest first (ties in factor order); their points add up to <see cref="Baseline"/> − <see cref="Value"/>.</summary>
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
    public override string ToString() => FormattableString.Invariant($"{Value:0.#}") + (_contributions.Length > 0 ? ": " + string.Join("; ", _contributions.Where(c => c.Points > 0)) : string.Empty);
}
