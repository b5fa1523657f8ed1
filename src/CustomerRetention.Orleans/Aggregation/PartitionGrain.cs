using System.Data.Common;
using CustomerRetention.Data;
using CustomerRetention.Orleans.Csv;
using CustomerRetention.Orleans.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerRetention.Orleans.Aggregation;

/// <summary>A partition grain (see <see cref="IPartitionGrain"/>); deactivates after each job step.</summary>
public sealed class PartitionGrain : Grain, IPartitionGrain
{
    private readonly IServiceProvider _services;

    /// <summary>A partition grain.</summary>
    /// <param name="services">The silo's services, where the <see cref="TableConnectionFactory"/> is when tables are configured.</param>
    public PartitionGrain(IServiceProvider services)
    {
        _services = services;
    }

    /// <inheritdoc/>
    public Task<AggregateRows> Aggregate(FilePartition partition)
    {
        ArgumentNullException.ThrowIfNull(partition);
        if (partition.Start < 0 || partition.End < partition.Start)
        {
            throw new ArgumentOutOfRangeException(nameof(partition), partition, "The byte range must satisfy 0 ≤ start ≤ end.");
        }

        TransactionTable rows;
        try
        {
            rows = TransactionFiles.ReadRange(partition.Path, partition.Start, partition.End);
        }
        catch (CustomerRetention.Csv.CsvFormatException e)
        {
            // As for tables: the Csv package's exception type is not one Orleans can send back; the message names the line.
            throw new FormatException(e.Message);
        }

        DeactivateOnIdle();
        return Task.FromResult(AggregateRows.From(PurchaseAggregate.FromTable(rows)));
    }

    /// <inheritdoc/>
    public async Task<AggregateRows> AggregateTable(TablePartition partition)
    {
        ArgumentNullException.ThrowIfNull(partition);
        TableConnectionFactory connections = _services.GetService<TableConnectionFactory>()
            ?? throw new InvalidOperationException("This silo has no table connection factory: configure it with AddCustomerRetentionTables.");

        // ADO.NET reads block: off the grain's scheduler, so the silo keeps serving other grains meanwhile.
        // A bad row comes back as a FormatException with the same message (which names the row, its key and
        // the column): the Data package's own exception type is not one Orleans can send back to the caller.
        PurchaseAggregate aggregate = await Task.Run(() =>
        {
            using DbConnection connection = connections.Open();
            try
            {
                return partition.Aggregate(connection);
            }
            catch (DataSourceException e)
            {
                throw new FormatException(e.Message);
            }
        }).ConfigureAwait(true);
        DeactivateOnIdle();
        return AggregateRows.From(aggregate);
    }
}
