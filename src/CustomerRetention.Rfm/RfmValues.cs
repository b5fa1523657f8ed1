using NodaTime;

namespace CustomerRetention.Rfm;

/// <summary>
/// One customer's RFM values at an as-of date: recency in days since the last purchase, frequency
/// as the number of transactions (rows, as RFM practice counts orders) and the monetary value
/// (total or mean amount). Immutable and thread-safe; the default value is (0, 0, 0).
/// </summary>
/// <remarks>
/// Contrast with the purchase summary of the probabilistic models, which counts repeat purchase
/// <em>days</em> and measures recency from the first purchase (Fader, Hardie &amp; Lee 2005).
/// </remarks>
public readonly struct RfmValues : IEquatable<RfmValues>
{
    /// <summary>Creates the values.</summary>
    /// <param name="recencyDays">Days from the last purchase to the as-of date. Range: recencyDays ≥ 0.</param>
    /// <param name="frequency">Number of transactions. Range: frequency ≥ 0.</param>
    /// <param name="monetary">Total or mean amount; may be negative (refunds).</param>
    public RfmValues(int recencyDays, int frequency, decimal monetary)
    {
        RecencyDays = Guard.NonNegative(recencyDays);
        Frequency = Guard.NonNegative(frequency);
        Monetary = monetary;
    }

    /// <summary>Days from the last purchase to the as-of date (fewer is better).</summary>
    public int RecencyDays { get; }

    /// <summary>Number of transactions (rows) on or before the as-of date (more is better).</summary>
    public int Frequency { get; }

    /// <summary>Total or mean amount (more is better).</summary>
    public decimal Monetary { get; }

    /// <summary>
    /// The values of a customer at <paramref name="asOf"/>: recency = asOf − lastPurchase in days,
    /// frequency = <paramref name="transactions"/>, monetary = <paramref name="totalAmount"/> or
    /// totalAmount / transactions (<see cref="MonetaryMeasure.Mean"/>).
    /// </summary>
    /// <param name="asOf">The as-of date. Range: asOf ≥ lastPurchase.</param>
    /// <param name="lastPurchase">The date of the last purchase on or before <paramref name="asOf"/>.</param>
    /// <param name="transactions">Transactions on or before <paramref name="asOf"/>. Range: transactions ≥ 1.</param>
    /// <param name="totalAmount">Their total amount.</param>
    /// <param name="measure">Total or mean.</param>
    /// <returns>The RFM values.</returns>
    public static RfmValues At(LocalDate asOf, LocalDate lastPurchase, int transactions, decimal totalAmount, MonetaryMeasure measure = MonetaryMeasure.Total)
    {
        Guard.Positive(transactions);
        Guard.Defined(measure);
        if (lastPurchase > asOf)
        {
            throw new ArgumentOutOfRangeException(nameof(lastPurchase), lastPurchase, "The last purchase must be on or before the as-of date.");
        }

        int days = Period.Between(lastPurchase, asOf, PeriodUnits.Days).Days;
        decimal monetary = measure == MonetaryMeasure.Mean ? totalAmount / transactions : totalAmount;
        return new RfmValues(days, transactions, monetary);
    }

    /// <summary>
    /// The values of a customer's purchase summary at <paramref name="asOf"/> (recency from the last purchase,
    /// frequency = <see cref="PurchaseSummary.Transactions"/>, monetary = total or mean amount); see
    /// <see cref="At(LocalDate, LocalDate, int, decimal, MonetaryMeasure)"/>.
    /// </summary>
    /// <param name="summary">The customer's summary; it must hold a purchase on or before <paramref name="asOf"/>.</param>
    /// <param name="asOf">The as-of date.</param>
    /// <param name="measure">Total or mean.</param>
    /// <returns>The RFM values.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The summary holds no purchase, its last purchase is after <paramref name="asOf"/>, or it counts more than int.MaxValue transactions.</exception>
    public static RfmValues At(PurchaseSummary summary, LocalDate asOf, MonetaryMeasure measure = MonetaryMeasure.Total)
    {
        if (!summary.HasPurchases)
        {
            throw new ArgumentOutOfRangeException(nameof(summary), "The summary holds no purchase.");
        }

        if (summary.Transactions > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(summary), summary.Transactions, "More transactions than RFM's frequency holds (int.MaxValue).");
        }

        return At(asOf, summary.LastPurchase, (int)summary.Transactions, summary.TotalAmount, measure);
    }

    /// <summary>The value of one dimension as a double (the scale the binning works on).</summary>
    /// <param name="dimension">Which dimension.</param>
    /// <returns>The value on its original scale.</returns>
    public double Get(RfmDimension dimension) => Guard.Defined(dimension) switch
    {
        RfmDimension.Recency => RecencyDays,
        RfmDimension.Frequency => Frequency,
        _ => (double)Monetary,
    };

    /// <inheritdoc />
    public bool Equals(RfmValues other) =>
        RecencyDays == other.RecencyDays && Frequency == other.Frequency && Monetary == other.Monetary;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RfmValues other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (RecencyDays * 397) ^ (Frequency * 31) ^ Monetary.GetHashCode();

    /// <inheritdoc />
    public override string ToString() =>
        FormattableString.Invariant($"recency {RecencyDays} d, frequency {Frequency}, monetary {Monetary}");

    /// <summary>Equality of all three values.</summary>
    /// <param name="left">The first values.</param>
    /// <param name="right">The second values.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(RfmValues left, RfmValues right) => left.Equals(right);

    /// <summary>Inequality of any of the three values.</summary>
    /// <param name="left">The first values.</param>
    /// <param name="right">The second values.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(RfmValues left, RfmValues right) => !left.Equals(right);
}
