namespace CustomerRetention.Orleans.Customers;

/// <summary>
/// The persisted state of one customer's grain: the purchase days (day number → that day's amount and
/// transactions, the mergeable form of <see cref="PurchaseAggregate"/>), the idempotency keys already
/// recorded, and whether the customer is registered in the <see cref="Registry.ICustomerRegistryGrain">registry</see>.
/// </summary>
[MutableByDesign]
[GenerateSerializer]
[Alias("CustomerRetention.CustomerState")]
public sealed class CustomerState
{
    /// <summary>The purchase days: day number (days since 0001-01-01) → the day's totals.</summary>
    [Id(0)]
    public Dictionary<int, DayTotal> Days { get; set; } = [];

    /// <summary>The idempotency keys of every purchase recorded.</summary>
    [Id(1)]
    public HashSet<string> RecordedKeys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Whether the customer has been registered in its registry shard.</summary>
    [Id(2)]
    public bool Registered { get; set; }
}

/// <summary>One purchase day's totals.</summary>
/// <param name="Amount">The sum of the day's amounts.</param>
/// <param name="Transactions">The number of the day's transactions.</param>
[GenerateSerializer]
[Alias("CustomerRetention.DayTotal")]
public readonly record struct DayTotal(
    [property: Id(0)] decimal Amount,
    [property: Id(1)] long Transactions);
