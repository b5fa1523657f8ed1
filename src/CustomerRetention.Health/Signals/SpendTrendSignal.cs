using System.Globalization;

namespace CustomerRetention.Health;

/// <summary>
/// A usage or spend trend: the amount in the latest window against the same-length window before it. Immutable.
/// </summary>
/// <remarks>
/// Scale: the relative change c = (recent − previous) / previous (−1 = stopped entirely; defined when previous &gt; 0,
/// otherwise the signal carries no risk). Risk: r = clamp(−c / d, 0, 1) with d = <see cref="HealthThresholds.SpendDropFullRisk"/>
/// (default 0.8: spend down by four fifths is the full risk); growth is no risk.
/// </remarks>
public readonly struct SpendTrendSignal : IEquatable<SpendTrendSignal>
{
    /// <summary>Creates the signal.</summary>
    /// <param name="previous">The amount (spend, logins, units used, …) in the earlier window. Range: ≥ 0.</param>
    /// <param name="recent">The amount in the latest window. Range: ≥ 0.</param>
    /// <param name="windowDays">The length of each window in days. Range: ≥ 1.</param>
    /// <param name="measure">What is measured, in words for the reason (e.g. "spend", "usage").</param>
    public SpendTrendSignal(double previous, double recent, int windowDays, string measure = "spend")
    {
        Guard.NotNullOrWhiteSpace(measure);
        Previous = Guard.NonNegative(previous);
        Recent = Guard.NonNegative(recent);
        WindowDays = Guard.Positive(windowDays);
        Measure = measure;
    }

    /// <summary>The amount in the earlier window.</summary>
    public double Previous { get; }

    /// <summary>The amount in the latest window.</summary>
    public double Recent { get; }

    /// <summary>The length of each window in days.</summary>
    public int WindowDays { get; }

    /// <summary>What is measured, in words.</summary>
    public string Measure { get; }

    /// <summary>The relative change (recent − previous) / previous, or null when the earlier window is 0.</summary>
    public double? Change => Previous > 0 ? (Recent - Previous) / Previous : null;

    /// <summary>The risk clamp(−c / d, 0, 1) (0 when the change is undefined).</summary>
    /// <param name="thresholds">The thresholds.</param>
    /// <returns>The risk.</returns>
    public double Risk(HealthThresholds thresholds)
    {
        Guard.NotNull(thresholds);
        return Change is { } c ? Clamp.Unit(-c / thresholds.SpendDropFullRisk) : 0;
    }

    /// <summary>The reason in words, e.g. "spend down 60% (last 90 days 40 vs 100 before)".</summary>
    /// <returns>The reason.</returns>
    public string Describe()
    {
        double c = Change ?? 0;
        return string.Format(
            CultureInfo.InvariantCulture,
            "{0} {1} {2:0}% (last {3} days {4:0.##} vs {5:0.##} before)",
            Measure,
            c < 0 ? "down" : "up",
            Math.Abs(c) * 100,
            WindowDays,
            Recent,
            Previous);
    }

    /// <inheritdoc />
    public bool Equals(SpendTrendSignal other) =>
        Previous.Equals(other.Previous) && Recent.Equals(other.Recent) && WindowDays == other.WindowDays && string.Equals(Measure, other.Measure, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SpendTrendSignal other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Previous.GetHashCode() ^ (Recent.GetHashCode() * 31) ^ WindowDays ^ StringComparer.Ordinal.GetHashCode(Measure ?? string.Empty);
}
