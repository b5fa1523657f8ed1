namespace CustomerRetention.Orleans.Aggregation;

/// <summary>
/// Aggregates one partition of a batch where the grain runs: reads the rows and returns their mergeable
/// <see cref="PurchaseAggregate"/> (one row per customer and day), never the rows themselves. Key: the job
/// and the partition, e.g. <c>job-42/7</c>; stateless, so a retry after a silo loss simply reads again.
/// </summary>
[Alias("CustomerRetention.IPartitionGrain")]
public interface IPartitionGrain : IGrainWithStringKey
{
    /// <summary>The aggregate of the partition's rows.</summary>
    /// <param name="partition">The partition.</param>
    /// <returns>The aggregate's rows.</returns>
    [Alias("Aggregate")]
    Task<AggregateRows> Aggregate(FilePartition partition);

    /// <summary>The aggregate of the rows of a table partition, read through the silo's <see cref="Hosting.TableConnectionFactory"/>.</summary>
    /// <param name="partition">The partition.</param>
    /// <returns>The aggregate's rows.</returns>
    [Alias("AggregateTable")]
    Task<AggregateRows> AggregateTable(TablePartition partition);
}
