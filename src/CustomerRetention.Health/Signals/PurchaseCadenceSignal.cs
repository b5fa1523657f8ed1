using System.Globalization;

namespace CustomerRetention.Health;

/// <summary>
/// Purchase cadence against the customer's own rhythm: the days since the last purchase and the
/// usual gap between purchase days. The same idea as the RFM early warning's cadence rule (a
/// weekly buyer silent for a month is a warning, a yearly buyer silent for a month is not), taken
/// here as an input: the caller computes the usual gap (e.g. <c>CustomerRetention.Rfm.PurchaseCadence.MeanGapDays</c>),
/// so the library has one copy of that computation. Immutable.
/// </summary>
/// <remarks>
/// Scale: the overdue ratio x = days since the last purchase ÷ usual gap (1 = on rhythm).
/// Risk (<see cref="Risk"/>): 0 for x ≤ 1, rising linearly to 1 at x = <see cref="HealthThresholds.CadenceFullRiskMultiple"/>
/// (default 4, the RFM early warning's critical multiple): r = clamp((x − 1) / (m − 1), 0, 1).
/// </remarks>
public readonly struct PurchaseCadenceSignal : IEquatable<PurchaseCadenceSignal>
{
    /// <summary>Creates the signal.</summary>
    /// <param name="daysSinceLastPurchase">Days from the last purchase to the as-of date. Range: ≥ 0.</param>
    /// <param name="usualGapDays">The usual gap between purchase days, in days. Range: finite, &gt; 0.</param>
    /// <param name="isOwnRhythm">True when the gap is the customer's own (at least two purchase days); false when it is a
    /// stand-in such as the typical gap of all customers (a one-time buyer has no rhythm of their own).</param>
    public PurchaseCadenceSignal(int daysSinceLastPurchase, double usualGapDays, bool isOwnRhythm)
    {
        DaysSinceLastPurchase = Guard.NonNegative(daysSinceLastPurchase);
        UsualGapDays = Guard.Positive(usualGapDays);
        IsOwnRhythm = isOwnRhythm;
    }

    /// <summary>Days from the last purchase to the as-of date.</summary>
    public int DaysSinceLastPurchase { get; }

    /// <summary>The usual gap between purchase days, in days.</summary>
    public double UsualGapDays { get; }

    /// <summary>Whether <see cref="UsualGapDays"/> is the customer's own rhythm rather than a stand-in.</summary>
    public bool IsOwnRhythm { get; }

    /// <summary>The overdue ratio: days since the last purchase ÷ usual gap (1 = on rhythm).</summary>
    public double OverdueRatio => DaysSinceLastPurchase / UsualGapDays;

    /// <summary>The risk in [0, 1]: clamp((x − 1) / (m − 1), 0, 1) with x the overdue ratio and m the full-risk multiple.</summary>
    /// <param name="thresholds">The thresholds.</param>
    /// <returns>The risk.</returns>
    public double Risk(HealthThresholds thresholds)
    {
        Guard.NotNull(thresholds);
        return Clamp.Unit((OverdueRatio - 1.0) / (thresholds.CadenceFullRiskMultiple - 1.0));
    }

    /// <summary>The reason in words, e.g. "no purchase for 120 days, 4.0x the usual gap of 30 days".</summary>
    /// <returns>The reason.</returns>
    public string Describe() => string.Format(
        CultureInfo.InvariantCulture,
        "no purchase for {0} days, {1:0.0}x {2} of {3:0.#} days",
        DaysSinceLastPurchase,
        OverdueRatio,
        IsOwnRhythm ? "the usual gap" : "the typical customer's gap",
        UsualGapDays);

    /// <inheritdoc />
    public bool Equals(PurchaseCadenceSignal other) =>
        DaysSinceLastPurchase == other.DaysSinceLastPurchase && UsualGapDays.Equals(other.UsualGapDays) && IsOwnRhythm == other.IsOwnRhythm;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PurchaseCadenceSignal other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (DaysSinceLastPurchase * 397) ^ UsualGapDays.GetHashCode() ^ (IsOwnRhythm ? 1 : 0);
}
