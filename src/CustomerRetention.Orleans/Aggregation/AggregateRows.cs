using CustomerRetention.Orleans.Serialization;

namespace CustomerRetention.Orleans.Aggregation;

/// <summary>
/// A <see cref="PurchaseAggregate"/> on the wire: its daily rows (customer, day, amount, transactions) as
/// columns, customer by customer in the aggregate's customer order, so that <see cref="ToAggregate"/>
/// rebuilds the same aggregate with the same customer order (which the merge in partition order relies on).
/// </summary>
[GenerateSerializer]
[Alias("CustomerRetention.AggregateRows")]
public sealed class AggregateRows
{
    [Id(0)]
    private readonly string[] _customers;

    [Id(1)]
    private readonly int[] _days;

    [Id(2)]
    private readonly decimal[] _amounts;

    [Id(3)]
    private readonly long[] _transactions;

    private AggregateRows(string[] customers, int[] days, decimal[] amounts, long[] transactions)
    {
        _customers = customers;
        _days = days;
        _amounts = amounts;
        _transactions = transactions;
    }

    /// <summary>The number of daily rows.</summary>
    public int Count => _days.Length;

    /// <summary>The rows of <paramref name="aggregate"/>.</summary>
    /// <param name="aggregate">The aggregate.</param>
    /// <returns>Its rows.</returns>
    public static AggregateRows From(PurchaseAggregate aggregate)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        int n = aggregate.PurchaseDayCount;
        var rows = new AggregateRows(new string[n], new int[n], new decimal[n], new long[n]);
        int i = 0;
        foreach (DailyPurchase row in aggregate.ToDailyPurchases())
        {
            rows._customers[i] = row.Customer.Value;
            rows._days[i] = DayNumbers.FromDate(row.Date);
            rows._amounts[i] = row.Amount;
            rows._transactions[i] = row.Transactions;
            i++;
        }

        return rows;
    }

    /// <summary>The aggregate again.</summary>
    /// <returns>The aggregate, customers in the original order.</returns>
    public PurchaseAggregate ToAggregate() => PurchaseAggregate.FromDailyPurchases(Enumerable.Range(0, Count)
        .Select(i => new DailyPurchase(new CustomerId(_customers[i]), DayNumbers.ToDate(_days[i]), _amounts[i], _transactions[i])));
}
