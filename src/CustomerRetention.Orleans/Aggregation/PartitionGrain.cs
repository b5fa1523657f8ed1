using CustomerRetention.Orleans.Csv;

namespace CustomerRetention.Orleans.Aggregation;

/// <summary>A partition grain (see <see cref="IPartitionGrain"/>); deactivates after each job step.</summary>
public sealed class PartitionGrain : Grain, IPartitionGrain
{
    /// <inheritdoc/>
    public Task<AggregateRows> Aggregate(FilePartition partition)
    {
        ArgumentNullException.ThrowIfNull(partition);
        if (partition.Start < 0 || partition.End < partition.Start)
        {
            throw new ArgumentOutOfRangeException(nameof(partition), partition, "The byte range must satisfy 0 ≤ start ≤ end.");
        }

        TransactionTable rows = TransactionFiles.ReadRange(partition.Path, partition.Start, partition.End);
        DeactivateOnIdle();
        return Task.FromResult(AggregateRows.From(PurchaseAggregate.FromTable(rows)));
    }
}
