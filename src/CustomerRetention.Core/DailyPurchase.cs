using NodaTime;

namespace CustomerRetention;

/// <summary>
/// One customer's purchases on one day, merged: the sum of the amounts and the number of
/// transactions. The row a distributed engine produces with
/// <c>GROUP BY customer_id, date</c>, and the unit <see cref="PurchaseAggregate"/> is made of.
/// </summary>
/// <param name="Customer">Who bought.</param>
/// <param name="Date">The purchase day.</param>
/// <param name="Amount">The sum of that day's amounts, any sign.</param>
/// <param name="Transactions">The number of transactions that day. Range: ≥ 1 (0 is treated as 1 by the aggregate).</param>
public readonly record struct DailyPurchase(CustomerId Customer, LocalDate Date, decimal Amount, long Transactions);
