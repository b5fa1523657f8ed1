using NodaTime;

namespace CustomerRetention.Orleans.Serialization;

/// <summary>The wire form of a <see cref="PurchaseSummary"/>: its parts (all zero for the summary of no purchase).</summary>
[GenerateSerializer]
[Alias("CustomerRetention.PurchaseSummary")]
internal struct PurchaseSummarySurrogate
{
    /// <summary>The first purchase day (ignored when <see cref="Transactions"/> is 0).</summary>
    [Id(0)]
    public LocalDate FirstPurchase;

    /// <summary>The last purchase day.</summary>
    [Id(1)]
    public LocalDate LastPurchase;

    /// <summary>Number of transactions; 0 for the summary of no purchase.</summary>
    [Id(2)]
    public long Transactions;

    /// <summary>Number of distinct purchase days.</summary>
    [Id(3)]
    public int PurchaseDays;

    /// <summary>Sum of all amounts.</summary>
    [Id(4)]
    public decimal TotalAmount;

    /// <summary>Sum of the first purchase day's amounts.</summary>
    [Id(5)]
    public decimal FirstDayAmount;
}

/// <summary>Converts <see cref="PurchaseSummary"/> to and from <see cref="PurchaseSummarySurrogate"/> for Orleans' serializer.</summary>
[RegisterConverter]
internal sealed class PurchaseSummarySurrogateConverter : IConverter<PurchaseSummary, PurchaseSummarySurrogate>
{
    /// <inheritdoc/>
    public PurchaseSummary ConvertFromSurrogate(in PurchaseSummarySurrogate surrogate) => surrogate.Transactions == 0
        ? default
        : new PurchaseSummary(surrogate.FirstPurchase, surrogate.LastPurchase, surrogate.Transactions, surrogate.PurchaseDays, surrogate.TotalAmount, surrogate.FirstDayAmount);

    /// <inheritdoc/>
    public PurchaseSummarySurrogate ConvertToSurrogate(in PurchaseSummary value) => value.HasPurchases
        ? new()
        {
            FirstPurchase = value.FirstPurchase,
            LastPurchase = value.LastPurchase,
            Transactions = value.Transactions,
            PurchaseDays = value.PurchaseDays,
            TotalAmount = value.TotalAmount,
            FirstDayAmount = value.FirstDayAmount,
        }
        : default;
}
