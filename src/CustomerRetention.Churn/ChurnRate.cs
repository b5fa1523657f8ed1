using System.Globalization;
using CustomerRetention.Numerics;

namespace CustomerRetention.Churn;

/// <summary>
/// The share of the customers present at the start of a period who are gone at its end: a
/// probability per period (per month, per year: the period is the caller's, and conversions
/// between period lengths are named methods). Its complement is <see cref="RetentionRate"/>.
/// </summary>
/// <remarks>
/// <para>A churn rate is tied to its period length: a 3 % monthly rate is a 30.62 % annual rate,
/// not 36 % (<see cref="ToPeriods"/>, <see cref="ToAnnual"/>). Under a constant rate c, the
/// number of periods a customer stays is geometric: expected lifetime 1/c
/// (<see cref="ExpectedLifetime"/>), survival S(t) = (1 − c)^t (<see cref="Survival"/>).</para>
/// <para>Default value: churn 0 (nobody leaves). Immutable and thread-safe.
/// Contrast: <see cref="RetentionRate"/> is 1 − churn; <see cref="ChurnMath"/> computes a rate
/// from counts.</para>
/// </remarks>
public readonly struct ChurnRate : IEquatable<ChurnRate>, IComparable<ChurnRate>
{
    /// <summary>Creates a churn rate per period.</summary>
    /// <param name="value">The share of customers lost per period. Range: 0 ≤ value ≤ 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, 1], NaN or infinite.</exception>
    public ChurnRate(double value) => Value = Guard.Probability(value);

    /// <summary>The share of customers lost per period, in [0, 1].</summary>
    public double Value { get; }

    /// <summary>The complementary retention rate, 1 − churn.</summary>
    public RetentionRate Retention => new(1.0 - Value);

    /// <summary>
    /// Expected number of periods a customer stays under this constant rate, counting the period
    /// in which they leave: E[T] = 1/c, T geometric on 1, 2, … . Positive infinity when the rate is 0.
    /// A 3 % monthly churn gives 33.3 months.
    /// </summary>
    public double ExpectedLifetime => Value == 0 ? double.PositiveInfinity : 1.0 / Value;

    /// <summary>
    /// Number of periods after which half of a group of customers is left under this constant rate:
    /// ln 0.5 / ln(1 − c). Zero when the rate is 1, positive infinity when it is 0.
    /// </summary>
    public double HalfLife => Value == 0
        ? double.PositiveInfinity
        : (Value >= 1.0 ? 0.0 : Math.Log(0.5) / SpecialFunctions.Log1p(-Value));

    /// <summary>Creates a churn rate; the same as the constructor.</summary>
    /// <param name="value">The share of customers lost per period. Range: 0 ≤ value ≤ 1.</param>
    /// <returns>The churn rate.</returns>
    public static ChurnRate FromValue(double value) => new(value);

    /// <summary>
    /// The churn rate per period from a rate over a longer (or shorter) span of
    /// <paramref name="periods"/> periods: c = 1 − (1 − C)^(1/n). An annual churn of 30.62 %
    /// gives 3 % per month with <paramref name="periods"/> = 12.
    /// </summary>
    /// <param name="rateOverSpan">The churn over the whole span. Range: 0 ≤ rateOverSpan ≤ 1.</param>
    /// <param name="periods">How many periods the span holds (12 for a year of months). Range: periods &gt; 0.</param>
    /// <returns>The equivalent constant churn per period.</returns>
    public static ChurnRate FromSpan(double rateOverSpan, double periods)
    {
        Guard.Probability(rateOverSpan);
        Guard.Positive(periods);
        return new ChurnRate(SpecialFunctions.CompoundProbability(rateOverSpan, 1.0 / periods));
    }

    /// <summary>The per-period rate from an annual rate: <see cref="FromSpan"/> over <paramref name="periodsPerYear"/> periods.</summary>
    /// <param name="annualRate">The annual churn. Range: 0 ≤ annualRate ≤ 1.</param>
    /// <param name="periodsPerYear">Periods in a year (12 for months, 4 for quarters, 52 for weeks). Range: &gt; 0.</param>
    /// <returns>The equivalent constant churn per period.</returns>
    public static ChurnRate FromAnnual(double annualRate, double periodsPerYear)
    {
        Guard.Probability(annualRate);
        Guard.Positive(periodsPerYear);
        return FromSpan(annualRate, periodsPerYear);
    }

    /// <summary>
    /// The churn over a span of <paramref name="periods"/> periods under this constant rate:
    /// C = 1 − (1 − c)^n (compounding, not multiplication: 3 % monthly → 30.62 % a year, not 36 %).
    /// Fractional <paramref name="periods"/> convert to shorter spans.
    /// </summary>
    /// <param name="periods">How many periods the span holds. Range: periods ≥ 0.</param>
    /// <returns>The churn over the span.</returns>
    public ChurnRate ToPeriods(double periods)
    {
        Guard.NonNegative(periods);
        return new ChurnRate(SpecialFunctions.CompoundProbability(Value, periods));
    }

    /// <summary>The annual churn of this per-period rate: A = 1 − (1 − c)^n with n = <paramref name="periodsPerYear"/>.</summary>
    /// <param name="periodsPerYear">Periods in a year (12 for months). Range: periodsPerYear &gt; 0.</param>
    /// <returns>The annual churn.</returns>
    public ChurnRate ToAnnual(double periodsPerYear)
    {
        Guard.Positive(periodsPerYear);
        return ToPeriods(periodsPerYear);
    }

    /// <summary>Share of a group still there after <paramref name="periods"/> periods under this constant rate: S(t) = (1 − c)^t.</summary>
    /// <param name="periods">Elapsed periods. Range: periods ≥ 0.</param>
    /// <returns>The surviving share, in [0, 1], non-increasing in <paramref name="periods"/>.</returns>
    public double Survival(double periods)
    {
        Guard.NonNegative(periods);
        return 1.0 - SpecialFunctions.CompoundProbability(Value, periods);
    }

    /// <inheritdoc/>
    public bool Equals(ChurnRate other) => Value.Equals(other.Value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ChurnRate other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode();

    /// <inheritdoc/>
    public int CompareTo(ChurnRate other) => Value.CompareTo(other.Value);

    /// <summary>The rate as a round-trippable invariant number, e.g. <c>0.03</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Equality of the values.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(ChurnRate left, ChurnRate right) => left.Equals(right);

    /// <summary>Inequality of the values.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(ChurnRate left, ChurnRate right) => !left.Equals(right);

    /// <summary>Whether <paramref name="left"/> is the lower rate.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(ChurnRate left, ChurnRate right) => left.Value < right.Value;

    /// <summary>Whether <paramref name="left"/> is the higher rate.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(ChurnRate left, ChurnRate right) => left.Value > right.Value;

    /// <summary>Whether <paramref name="left"/> is lower or equal.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(ChurnRate left, ChurnRate right) => left.Value <= right.Value;

    /// <summary>Whether <paramref name="left"/> is higher or equal.</summary>
    /// <param name="left">The first rate.</param>
    /// <param name="right">The second rate.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(ChurnRate left, ChurnRate right) => left.Value >= right.Value;
}
