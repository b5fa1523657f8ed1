namespace CustomerRetention.Orleans.Serialization;

/// <summary>
/// The wire form of a <see cref="PurchaseAggregate"/>: its daily rows as columns, customer by customer
/// in the aggregate's customer order (so that the round trip keeps that order, which
/// <see cref="PurchaseAggregate.Merge(IEnumerable{PurchaseAggregate})"/> relies on).
/// </summary>
[GenerateSerializer]
[Alias("CustomerRetention.PurchaseAggregate")]
public struct PurchaseAggregateSurrogate
{
    /// <summary>The customer of each row.</summary>
    [Id(0)]
    public string[] Customers;

    /// <summary>The day of each row (days since 0001-01-01).</summary>
    [Id(1)]
    public int[] Days;

    /// <summary>The amount of each row.</summary>
    [Id(2)]
    public decimal[] Amounts;

    /// <summary>The transactions of each row.</summary>
    [Id(3)]
    public long[] Transactions;
}

/// <summary>Converts <see cref="PurchaseAggregate"/> to and from <see cref="PurchaseAggregateSurrogate"/> for Orleans' serializer.</summary>
[RegisterConverter]
public struct PurchaseAggregateSurrogateConverter : IConverter<PurchaseAggregate, PurchaseAggregateSurrogate>
{
    /// <inheritdoc/>
    public PurchaseAggregate ConvertFromSurrogate(in PurchaseAggregateSurrogate surrogate)
    {
        PurchaseAggregateSurrogate s = surrogate;
        if (s.Customers is null)
        {
            return PurchaseAggregate.Empty;
        }

        return PurchaseAggregate.FromDailyPurchases(Enumerable.Range(0, s.Customers.Length)
            .Select(i => new DailyPurchase(new CustomerId(s.Customers[i]), DayNumbers.ToDate(s.Days[i]), s.Amounts[i], s.Transactions[i])));
    }

    /// <inheritdoc/>
    public PurchaseAggregateSurrogate ConvertToSurrogate(in PurchaseAggregate value)
    {
        int n = value.PurchaseDayCount;
        var result = new PurchaseAggregateSurrogate
        {
            Customers = new string[n],
            Days = new int[n],
            Amounts = new decimal[n],
            Transactions = new long[n],
        };
        int i = 0;
        foreach (DailyPurchase row in value.ToDailyPurchases())
        {
            result.Customers[i] = row.Customer.Value;
            result.Days[i] = DayNumbers.FromDate(row.Date);
            result.Amounts[i] = row.Amount;
            result.Transactions[i] = row.Transactions;
            i++;
        }

        return result;
    }
}
