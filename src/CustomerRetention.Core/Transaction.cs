using NodaTime;

namespace CustomerRetention;

/// <summary>
/// One purchase: a customer, a calendar date (no time zone) and an amount. Negative amounts
/// (refunds) are allowed and count toward monetary totals.
/// </summary>
/// <remarks>
/// The friendly, row-shaped input of <see cref="PurchaseAggregator"/>; the columnar
/// <see cref="TransactionTable"/> holds the same data for the fast paths.
/// </remarks>
/// <param name="Customer">Who bought.</param>
/// <param name="Date">The calendar date of the purchase.</param>
/// <param name="Amount">The amount, any sign, in the currency of the data.</param>
public readonly record struct Transaction(CustomerId Customer, LocalDate Date, decimal Amount);
