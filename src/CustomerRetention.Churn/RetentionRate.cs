using System.Globalization;

namespace CustomerRetention.Churn;

/// <summary>
/// The share of the customers present at the start of a period who are still there at its end:
/// a probability per period, the complement of <see cref="ChurnRate"/>. Retention over n periods
/// compounds: R_n = r^n.
/// </summary>
/// <remarks>
/// Default value: retention 0 (everybody leaves). Immutable and thread-safe. Used by the CLV
/// formulas (<see cref="Clv"/>) and the retention-economics scenarios (<see cref="RetentionEconomics"/>).
/// </remarks>
public readonly struct RetentionRate : IEquatable<RetentionRate>, IComparable<RetentionRate>
{
    /// <summary>Creates a retention rate per period.</summary>
    /// <param name="value">The share of customers kept per period. Range: 0 ≤ value ≤ 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, 1], NaN or infinite.</exception>
    public RetentionRate(double value) => Value = Guard.Probability(value);

    /// <summary>The share of customers kept per period, in [0, 1].</summary>
    public double Value { get; }

    /// <summary>The complementary churn rate, 1 − retention.</summary>
    public ChurnRate Churn => new(1.0 - Value);

    /// <summary>Expected periods a customer stays: 1 / (1 − r) (see <see cref="ChurnRate.ExpectedLifetime"/>).</summary>
    public double ExpectedLifetime => Churn.ExpectedLifetime;

    /// <summary>Periods until half a group is left: ln 0.5 / ln r (see <see cref="ChurnRate.HalfLife"/>).</summary>
    public double HalfLife => Churn.HalfLife;

    /// <summary>Creates a retention rate; the same as the constructor.</summary>
    /// <param name="value">The share of customers kept per period. Range: 0 ≤ value ≤ 1.</param>
    /// <returns>The retention rate.</returns>
    public static RetentionRate FromValue(double value) => new(value);

    /// <summary>The per-period retention from the retention over a span of <paramref name="periods"/> periods: r = R^(1/n).</summary>
    /// <param name="rateOverSpan">Retention over the whole span. Range: 0 ≤ rateOverSpan ≤ 1.</param>
    /// <param name="periods">How many periods the span holds. Range: periods &gt; 0.</param>
    /// <returns>The equivalent constant retention per period.</returns>
    public static RetentionRate FromSpan(double rateOverSpan, double periods)
    {
        Guard.Probability(rateOverSpan);
        Guard.Positive(periods);
        return ChurnRate.FromSpan(1.0 - rateOverSpan, periods).Retention;
    }

    /// <summary>The per-period retention from an annual retention: r = A^(1/n).</summary>
    /// <param name="annualRate">Annual retention. Range: 0 ≤ annualRate ≤ 1.</param>
    /// <param name="periodsPerYear">Periods in a year (12 for months). Range: periodsPerYear &gt; 0.</param>
    /// <returns>The equivalent constant retention per period.</returns>
    public static RetentionRate FromAnnual(double annualRate, double periodsPerYear)
    {
        Guard.Probability(annualRate);
        Guard.Positive(periodsPerYear);
        return FromSpan(annualRate, periodsPerYear);
    }

    /// <summary>Retention over a span of <paramref name="periods"/> periods: R = r^n.</summary>
    /// <param name="periods">How many periods the span holds. Range: periods ≥ 0.</param>
    /// <returns>The retention over the span.</returns>
    public RetentionRate ToPeriods(double periods)
    {
        Guard.NonNegative(periods);
        return Churn.ToPeriods(periods).Retention;
    }

    /// <summary>Annual retention of this per-period rate: r^n with n = <paramref name="periodsPerYear"/>.</summary>
    /// <param name="periodsPerYear">Periods in a year. Range: periodsPerYear &gt; 0.</param>
    /// <returns>The annual retention.</returns>
    public RetentionRate ToAnnual(double periodsPerYear)
    {
        Guard.Positive(periodsPerYear);
        return ToPeriods(periodsPerYear);
    }

    /// <summary>Share of a group still there after <paramref name="periods"/> periods: S(t) = r^t.</summary>
    /// <param name="periods">Elapsed periods. Range: periods ≥ 0.</param>
    /// <returns>The surviving share, in [0, 1].</returns>
    public double Survival(double periods)
    {
        Guard.NonNegative(periods);
        return Churn.Survival(periods);
    }

    /// <inheritdoc/>
    public bool Equals(RetentionRate other) => Value.Equals(other.Value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RetentionRate other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode();

    /// <inheritdoc/>
    public int CompareTo(RetentionRate other) => Value.CompareTo(other.Value);

    /// <summary>The rate as a round-trippable invariant number, e.g. <c>0.8</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Equality of the values.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(RetentionRate left, RetentionRate right) => left.Equals(right);

    /// <summary>Inequality of the values.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(RetentionRate left, RetentionRate right) => !left.Equals(right);

    /// <summary>Whether <paramref name="left"/> is the lower rate.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(RetentionRate left, RetentionRate right) => left.Value < right.Value;

    /// <summary>Whether <paramref name="left"/> is the higher rate.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(RetentionRate left, RetentionRate right) => left.Value > right.Value;

    /// <summary>Whether <paramref name="left"/> is lower or equal.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(RetentionRate left, RetentionRate right) => left.Value <= right.Value;

    /// <summary>Whether <paramref name="left"/> is higher or equal.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(RetentionRate left, RetentionRate right) => left.Value >= right.Value;
}
