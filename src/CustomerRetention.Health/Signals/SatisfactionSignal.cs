using System.Globalization;

namespace CustomerRetention.Health;

/// <summary>
/// The latest satisfaction or NPS answer on its scale and, optionally, the answer before it. Immutable.
/// </summary>
/// <remarks>
/// Scale: the answer's position on its scale, u = (answer − min) / (max − min) in [0, 1] (an NPS answer 0–10, a CSAT
/// answer 1–5, …). Two risks: the level, r = clamp((g − u) / (g − b), 0, 1) with g = <see cref="HealthThresholds.SatisfactionGood"/>
/// (default 0.9: a 9 or 10 of 10, an NPS promoter, is no risk) and b = <see cref="HealthThresholds.SatisfactionBad"/>
/// (default 0.3: a 3 of 10 or worse is the full risk; a 6, the best detractor, is 0.5) (<see cref="LevelRisk"/>); and the fall since the
/// previous answer, r = clamp((u_previous − u) / f, 0, 1) with f = <see cref="HealthThresholds.SatisfactionDropFullRisk"/>
/// (default 0.3: three points on 0–10) (<see cref="DropRisk"/>).
/// </remarks>
public readonly struct SatisfactionSignal : IEquatable<SatisfactionSignal>
{
    /// <summary>Creates the signal.</summary>
    /// <param name="latest">The latest answer. Range: scaleMin ≤ latest ≤ scaleMax.</param>
    /// <param name="previous">The answer before it, or null. Range: scaleMin ≤ previous ≤ scaleMax.</param>
    /// <param name="scaleMin">The scale's lowest answer. Range: finite.</param>
    /// <param name="scaleMax">The scale's highest answer. Range: finite, &gt; scaleMin.</param>
    public SatisfactionSignal(double latest, double? previous, double scaleMin, double scaleMax)
    {
        ScaleMin = Guard.Finite(scaleMin);
        ScaleMax = Guard.Finite(scaleMax);
        if (!(scaleMax > scaleMin))
        {
            throw new ArgumentOutOfRangeException(nameof(scaleMax), scaleMax, "The scale's highest answer must be above its lowest.");
        }

        Latest = Guard.InRange(latest, scaleMin, scaleMax);
        Previous = previous is { } p ? Guard.InRange(p, scaleMin, scaleMax, nameof(previous)) : null;
    }

    /// <summary>An NPS answer ("how likely are you to recommend us", 0–10) and the one before it.</summary>
    /// <param name="latest">The latest answer. Range: 0–10.</param>
    /// <param name="previous">The answer before it, or null. Range: 0–10.</param>
    /// <returns>The signal.</returns>
    public static SatisfactionSignal Nps(double latest, double? previous = null) => new(latest, previous, 0, 10);

    /// <summary>The latest answer.</summary>
    public double Latest { get; }

    /// <summary>The answer before it, or null.</summary>
    public double? Previous { get; }

    /// <summary>The scale's lowest answer.</summary>
    public double ScaleMin { get; }

    /// <summary>The scale's highest answer.</summary>
    public double ScaleMax { get; }

    /// <summary>The latest answer's position on the scale, in [0, 1].</summary>
    public double Position => (Latest - ScaleMin) / (ScaleMax - ScaleMin);

    /// <summary>The level risk clamp((g − u) / (g − b), 0, 1).</summary>
    /// <param name="thresholds">The thresholds.</param>
    /// <returns>The risk.</returns>
    public double LevelRisk(HealthThresholds thresholds)
    {
        Guard.NotNull(thresholds);
        return Clamp.Unit((thresholds.SatisfactionGood - Position) / thresholds.SatisfactionSpan);
    }

    /// <summary>The drop risk clamp((u_previous − u) / f, 0, 1), or null without a previous answer.</summary>
    /// <param name="thresholds">The thresholds.</param>
    /// <returns>The risk, or null.</returns>
    public double? DropRisk(HealthThresholds thresholds)
    {
        Guard.NotNull(thresholds);
        if (Previous is not { } p)
        {
            return null;
        }

        double previousPosition = (p - ScaleMin) / (ScaleMax - ScaleMin);
        return Clamp.Unit((previousPosition - Position) / thresholds.SatisfactionDropFullRisk);
    }

    /// <summary>The level in words, e.g. "last satisfaction answer 4 on 0-10".</summary>
    /// <returns>The reason.</returns>
    public string DescribeLevel() => string.Format(CultureInfo.InvariantCulture, "last satisfaction answer {0:0.##} on {1:0.##}-{2:0.##}", Latest, ScaleMin, ScaleMax);

    /// <summary>The fall in words, e.g. "satisfaction fell from 8 to 4".</summary>
    /// <returns>The reason.</returns>
    public string DescribeDrop() => Previous is { } p
        ? string.Format(CultureInfo.InvariantCulture, "satisfaction fell from {0:0.##} to {1:0.##}", p, Latest)
        : DescribeLevel();

    /// <inheritdoc />
    public bool Equals(SatisfactionSignal other) =>
        Latest.Equals(other.Latest) && Nullable.Equals(Previous, other.Previous) && ScaleMin.Equals(other.ScaleMin) && ScaleMax.Equals(other.ScaleMax);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SatisfactionSignal other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Latest.GetHashCode() ^ (Previous.GetHashCode() * 31) ^ (ScaleMin.GetHashCode() * 7) ^ ScaleMax.GetHashCode();
}
