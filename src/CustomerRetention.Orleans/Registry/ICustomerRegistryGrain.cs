using CustomerRetention.Orleans.Model;
using NodaTime;

namespace CustomerRetention.Orleans.Registry;

/// <summary>
/// One shard of the list of customers (key 0 … <see cref="CustomerRegistry.ShardCount"/> − 1): the
/// customers whose id hashes to it register here once, persisted, so that a refit reaches every
/// customer grain without scanning storage.
/// </summary>
[Alias("CustomerRetention.ICustomerRegistryGrain")]
public interface ICustomerRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>Adds <paramref name="customer"/> (idempotent); returns once the list with it is persisted.</summary>
    /// <param name="customer">The customer.</param>
    /// <returns>A task that completes when the registration is durable.</returns>
    [Alias("Register")]
    Task Register(CustomerId customer);

    /// <summary>The customers of this shard, in ordinal order.</summary>
    /// <returns>The customers.</returns>
    [Alias("Customers")]
    Task<IReadOnlyList<CustomerId>> Customers();

    /// <summary>
    /// The compressed counts of this shard's customers at <paramref name="calibrationEnd"/>, from each
    /// customer grain's summary cut off there (only summaries travel, never transactions).
    /// </summary>
    /// <param name="calibrationEnd">The calibration end, inclusive.</param>
    /// <returns>The counts.</returns>
    [Alias("Collect")]
    Task<PopulationCounts> Collect(LocalDate calibrationEnd);
}
