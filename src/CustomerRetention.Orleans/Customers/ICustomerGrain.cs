using NodaTime;

namespace CustomerRetention.Orleans.Customers;

/// <summary>
/// One customer (key: the customer id): their purchase days, persisted, and their scores under the
/// current model, answered from the grain's memory.
/// </summary>
[Alias("CustomerRetention.ICustomerGrain")]
public interface ICustomerGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records purchases exactly once: purchases whose idempotency key was recorded before are ignored,
    /// the others are added and persisted before the call returns. A call that fails records nothing
    /// durable that a retry would then miss: retry it with the same keys.
    /// </summary>
    /// <param name="purchases">The purchases. Range: not null; each key not null or empty.</param>
    /// <returns>How many were recorded and how many were duplicates.</returns>
    [Alias("Record")]
    Task<RecordOutcome> Record(IReadOnlyList<Purchase> purchases);

    /// <summary>The customer's purchase summary, of the purchases on or before <paramref name="through"/> when given.</summary>
    /// <param name="through">The cut-off, inclusive; null for all purchases.</param>
    /// <returns>The summary; the default (no purchases) for an unknown customer.</returns>
    [Alias("GetSummary")]
    Task<PurchaseSummary> GetSummary(LocalDate? through);

    /// <summary>The customer's RFM values, P(alive), expected purchases and CLV under the current model.</summary>
    /// <param name="request">The scoring day, horizon and discount rate.</param>
    /// <returns>The score, or null when the customer has no purchase on or before the scoring day.</returns>
    /// <exception cref="InvalidOperationException">There is no model yet (refit first).</exception>
    [Alias("Score")]
    Task<CustomerScore?> Score(ScoreRequest request);
}
