using System.Globalization;
using NodaTime;

namespace CustomerRetention.Health;

/// <summary>
/// A contract or subscription renewal: the renewal date seen from the as-of date, and whether the
/// decision-maker is engaged (the practitioner's advice: renew with the person who decides, not only the user). Immutable.
/// </summary>
/// <remarks>
/// Scale: days until the renewal (negative once it has passed without a new date). Risk: the proximity
/// p = clamp(1 − days / w, 0, 1) with w = <see cref="HealthThresholds.RenewalWindowDays"/> (default 90: a quarter ahead
/// is when renewal work starts), 1 once the date is reached or passed; halved
/// (<see cref="HealthThresholds.RenewalEngagedFactor"/>, default 0.5) when the decision-maker is engaged.
/// </remarks>
public readonly struct RenewalSignal : IEquatable<RenewalSignal>
{
    /// <summary>Creates the signal.</summary>
    /// <param name="renewalDate">The renewal date.</param>
    /// <param name="asOf">The as-of date.</param>
    /// <param name="decisionMakerEngaged">Whether the decision-maker has been met about the renewal.</param>
    public RenewalSignal(LocalDate renewalDate, LocalDate asOf, bool decisionMakerEngaged = false)
    {
        RenewalDate = renewalDate;
        AsOf = asOf;
        DecisionMakerEngaged = decisionMakerEngaged;
    }

    /// <summary>The renewal date.</summary>
    public LocalDate RenewalDate { get; }

    /// <summary>The as-of date.</summary>
    public LocalDate AsOf { get; }

    /// <summary>Whether the decision-maker has been met about the renewal.</summary>
    public bool DecisionMakerEngaged { get; }

    /// <summary>Days from the as-of date to the renewal (negative when it has passed).</summary>
    public int DaysUntilRenewal => Period.Between(AsOf, RenewalDate, PeriodUnits.Days).Days;

    /// <summary>The risk: clamp(1 − days / w, 0, 1), times the engaged factor when the decision-maker is engaged.</summary>
    /// <param name="thresholds">The thresholds.</param>
    /// <returns>The risk.</returns>
    public double Risk(HealthThresholds thresholds)
    {
        Guard.NotNull(thresholds);
        double proximity = Clamp.Unit(1.0 - (DaysUntilRenewal / (double)thresholds.RenewalWindowDays));
        return DecisionMakerEngaged ? proximity * thresholds.RenewalEngagedFactor : proximity;
    }

    /// <summary>The reason in words, e.g. "renewal in 20 days, decision-maker not engaged".</summary>
    /// <returns>The reason.</returns>
    public string Describe()
    {
        int days = DaysUntilRenewal;
        string when = days > 0
            ? string.Format(CultureInfo.InvariantCulture, "renewal in {0} days", days)
            : days == 0 ? "renewal due today" : string.Format(CultureInfo.InvariantCulture, "renewal {0} days overdue", -days);
        return when + (DecisionMakerEngaged ? ", decision-maker engaged" : ", decision-maker not engaged");
    }

    /// <inheritdoc />
    public bool Equals(RenewalSignal other) =>
        RenewalDate == other.RenewalDate && AsOf == other.AsOf && DecisionMakerEngaged == other.DecisionMakerEngaged;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RenewalSignal other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => RenewalDate.GetHashCode() ^ (AsOf.GetHashCode() * 31) ^ (DecisionMakerEngaged ? 1 : 0);
}
