namespace CustomerRetention.Orleans.Client;

/// <summary>A transaction with the idempotency key that makes it count once however often it is sent.</summary>
/// <param name="Transaction">The purchase.</param>
/// <param name="IdempotencyKey">Its unique key, e.g. the order number or <c>file#row</c>. Range: not null or empty.</param>
public readonly record struct KeyedTransaction(Transaction Transaction, string IdempotencyKey);
