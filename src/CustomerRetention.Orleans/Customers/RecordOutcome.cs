namespace CustomerRetention.Orleans.Customers;

/// <summary>What a call to <see cref="ICustomerGrain.Record"/> did.</summary>
/// <param name="Recorded">Purchases recorded now (new keys).</param>
/// <param name="Duplicates">Purchases ignored because their key was recorded before (a retry or a replay) or repeated in the batch.</param>
[GenerateSerializer]
[Alias("CustomerRetention.RecordOutcome")]
public readonly record struct RecordOutcome(
    [property: Id(0)] int Recorded,
    [property: Id(1)] int Duplicates);
