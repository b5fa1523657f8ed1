namespace CustomerRetention.Health;

/// <summary>
/// The health bands and their hysteresis. Without a previous band, a score falls in the band whose range holds it:
/// healthy [<see cref="WatchBelow"/>, 100], watch [<see cref="AtRiskBelow"/>, <see cref="WatchBelow"/>), at risk
/// [<see cref="CriticalBelow"/>, <see cref="AtRiskBelow"/>), critical [0, <see cref="CriticalBelow"/>). With a previous
/// band, the customer stays in it while the score is within <see cref="Margin"/> points outside its range, and moves to
/// the band of the score only when it leaves the range by more than the margin — so a score wobbling around a boundary
/// does not make the customer flap between bands. Immutable and thread-safe.
/// </summary>
public sealed class HealthBands
{
    /// <summary>Creates the bands.</summary>
    /// <param name="watchBelow">Below this, not healthy. Range: atRiskBelow &lt; watchBelow ≤ 100.</param>
    /// <param name="atRiskBelow">Below this, at risk. Range: criticalBelow &lt; atRiskBelow.</param>
    /// <param name="criticalBelow">Below this, critical. Range: 0 &lt; criticalBelow.</param>
    /// <param name="margin">The hysteresis margin in points. Range: 0 ≤ margin, less than half the width of the watch and at-risk bands.</param>
    public HealthBands(double watchBelow = 75, double atRiskBelow = 50, double criticalBelow = 25, double margin = 5)
    {
        CriticalBelow = Guard.InRange(criticalBelow, 0, 100);
        AtRiskBelow = Guard.InRange(atRiskBelow, 0, 100);
        WatchBelow = Guard.InRange(watchBelow, 0, 100);
        Margin = Guard.NonNegative(margin);
        if (!(criticalBelow > 0 && atRiskBelow > criticalBelow && watchBelow > atRiskBelow))
        {
            throw new ArgumentOutOfRangeException(nameof(atRiskBelow), atRiskBelow, "The limits must rise: 0 < criticalBelow < atRiskBelow < watchBelow ≤ 100.");
        }

        if (!(2 * margin < Math.Min(atRiskBelow - criticalBelow, watchBelow - atRiskBelow)))
        {
            throw new ArgumentOutOfRangeException(nameof(margin), margin, "The margin must be less than half the width of the watch and at-risk bands.");
        }
    }

    /// <summary>The default bands: healthy ≥ 75, watch ≥ 50, at risk ≥ 25, critical below, with a margin of 5 points.</summary>
    public static HealthBands Default { get; } = new();

    /// <summary>Below this, not healthy.</summary>
    public double WatchBelow { get; }

    /// <summary>Below this, at risk.</summary>
    public double AtRiskBelow { get; }

    /// <summary>Below this, critical.</summary>
    public double CriticalBelow { get; }

    /// <summary>The hysteresis margin in points.</summary>
    public double Margin { get; }

    /// <summary>The band's name as the tool writes it: <c>healthy</c>, <c>watch</c>, <c>at-risk</c>, <c>critical</c>.</summary>
    /// <param name="band">The band.</param>
    /// <returns>The name.</returns>
    public static string NameOf(HealthBand band) => Guard.Defined(band) switch
    {
        HealthBand.Healthy => "healthy",
        HealthBand.Watch => "watch",
        HealthBand.AtRisk => "at-risk",
        _ => "critical",
    };

    /// <summary>The band named <paramref name="name"/> (as <see cref="NameOf"/> writes it, case-insensitive).</summary>
    /// <param name="name">The name.</param>
    /// <param name="band">The band, when found.</param>
    /// <returns>Whether the name is a band's.</returns>
    public static bool TryParse(string name, out HealthBand band)
    {
        Guard.NotNull(name);
        foreach (HealthBand b in new[] { HealthBand.Healthy, HealthBand.Watch, HealthBand.AtRisk, HealthBand.Critical })
        {
            if (string.Equals(NameOf(b), name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                band = b;
                return true;
            }
        }

        band = default;
        return false;
    }

    /// <summary>The band whose range holds <paramref name="health"/>.</summary>
    /// <param name="health">The health. Range: 0–100.</param>
    /// <returns>The band.</returns>
    public HealthBand Classify(double health)
    {
        Guard.InRange(health, 0, HealthScore.Baseline);
        return health >= WatchBelow ? HealthBand.Healthy
            : health >= AtRiskBelow ? HealthBand.Watch
            : health >= CriticalBelow ? HealthBand.AtRisk
            : HealthBand.Critical;
    }

    /// <summary>The band with hysteresis: <paramref name="previous"/> while <paramref name="health"/> is within the margin of its range, otherwise <see cref="Classify(double)"/>.</summary>
    /// <param name="health">The health. Range: 0–100.</param>
    /// <param name="previous">The band at the last snapshot.</param>
    /// <returns>The band.</returns>
    public HealthBand Classify(double health, HealthBand previous)
    {
        HealthBand plain = Classify(health);
        (double lower, double upper) = RangeOf(previous);
        bool withinMargin = health >= lower - Margin && health < upper + Margin;
        return withinMargin ? previous : plain;
    }

    /// <summary>The range [lower, upper) of <paramref name="band"/> (the healthy band's upper end is +∞, the critical band's lower end −∞).</summary>
    /// <param name="band">The band.</param>
    /// <returns>The range.</returns>
    public (double Lower, double Upper) RangeOf(HealthBand band) => Guard.Defined(band) switch
    {
        HealthBand.Healthy => (WatchBelow, double.PositiveInfinity),
        HealthBand.Watch => (AtRiskBelow, WatchBelow),
        HealthBand.AtRisk => (CriticalBelow, AtRiskBelow),
        _ => (double.NegativeInfinity, CriticalBelow),
    };
}
