using NodaTime;

namespace CustomerRetention.Orleans.Customers;

/// <summary>
/// One purchase sent to a customer's grain: the day, the amount and the caller's idempotency key,
/// which names the purchase uniquely (e.g. <c>orders.csv#1734</c> or the order number), so that a
/// retried or replayed purchase is recognised and changes nothing.
/// </summary>
/// <param name="IdempotencyKey">The purchase's unique key. Range: not null, not empty.</param>
/// <param name="Date">The purchase day.</param>
/// <param name="Amount">The amount, any sign (refunds count toward totals).</param>
[GenerateSerializer]
[Alias("CustomerRetention.Purchase")]
public readonly record struct Purchase(
    [property: Id(0)] string IdempotencyKey,
    [property: Id(1)] LocalDate Date,
    [property: Id(2)] decimal Amount);
