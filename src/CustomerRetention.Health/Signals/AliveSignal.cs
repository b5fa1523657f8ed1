using System.Globalization;

namespace CustomerRetention.Health;

/// <summary>
/// The customer-base model's P(alive) (e.g. BG/NBD or Pareto/NBD from <c>CustomerRetention.Probabilistic</c>,
/// or <c>retention predict</c>'s <c>p_alive</c> column) and, optionally, its value at the last snapshot. Immutable.
/// </summary>
/// <remarks>
/// Scale: probabilities in [0, 1]. Two risks: the level, r = 1 − P(alive) (<see cref="LevelRisk"/>), and the
/// drop since the last snapshot, r = clamp((previous − now) / d, 0, 1) with d =
/// <see cref="HealthThresholds.AliveDropFullRisk"/> (default 0.5: losing half the chance of being alive is
/// the full risk) (<see cref="DropRisk"/>); a rise is no risk.
/// </remarks>
public readonly struct AliveSignal : IEquatable<AliveSignal>
{
    /// <summary>Creates the signal.</summary>
    /// <param name="pAlive">P(alive) now.</param>
    /// <param name="previous">P(alive) at the last snapshot, or null when unknown.</param>
    public AliveSignal(Probability pAlive, Probability? previous = null)
    {
        PAlive = pAlive;
        Previous = previous;
    }

    /// <summary>P(alive) now.</summary>
    public Probability PAlive { get; }

    /// <summary>P(alive) at the last snapshot, or null when unknown.</summary>
    public Probability? Previous { get; }

    /// <summary>The change since the last snapshot (now − previous), or null when unknown.</summary>
    public double? Change => Previous is { } p ? PAlive.Value - p.Value : null;

    /// <summary>The level risk 1 − P(alive).</summary>
    /// <returns>The risk.</returns>
    public double LevelRisk() => 1.0 - PAlive.Value;

    /// <summary>The drop risk clamp((previous − now) / d, 0, 1), or null when the previous value is unknown.</summary>
    /// <param name="thresholds">The thresholds.</param>
    /// <returns>The risk, or null.</returns>
    public double? DropRisk(HealthThresholds thresholds)
    {
        Guard.NotNull(thresholds);
        return Change is { } change ? Clamp.Unit(-change / thresholds.AliveDropFullRisk) : null;
    }

    /// <summary>The level in words, e.g. "P(alive) 0.35".</summary>
    /// <returns>The reason.</returns>
    public string DescribeLevel() => string.Format(CultureInfo.InvariantCulture, "P(alive) {0:0.00}", PAlive.Value);

    /// <summary>The drop in words, e.g. "P(alive) fell from 0.80 to 0.35".</summary>
    /// <returns>The reason.</returns>
    public string DescribeDrop() => Previous is { } p
        ? string.Format(CultureInfo.InvariantCulture, "P(alive) fell from {0:0.00} to {1:0.00}", p.Value, PAlive.Value)
        : DescribeLevel();

    /// <inheritdoc />
    public bool Equals(AliveSignal other) => PAlive == other.PAlive && Nullable.Equals(Previous, other.Previous);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AliveSignal other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => PAlive.GetHashCode() ^ (Previous.GetHashCode() * 31);
}
