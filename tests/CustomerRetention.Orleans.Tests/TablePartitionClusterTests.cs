using System.Data.Common;
using CustomerRetention.Data;
using CustomerRetention.Orleans.Aggregation;
using CustomerRetention.Orleans.Client;

namespace CustomerRetention.Orleans.Tests;

/// <summary>
/// Partitioned aggregation of a database table on the three-silo cluster: the CDNOW sample in a DuckDB file
/// (<see cref="CdnowDatabase"/>), split into customer-key ranges by the engine, each range aggregated by a
/// partition grain through its silo's connection factory, merged; compared with the single-machine CSV reader.
/// And bad data in a table or a file partition: a <see cref="FormatException"/> with its message, not retried.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class TablePartitionClusterTests(InProcessCluster cluster)
{
    [Fact]
    public async Task CdnowTable_SevenKeyRangePartitions_EqualTheSingleMachineSummaries()
    {
        CustomerBaseClient client = cluster.Client;
        string csv = TestData.Path("cdnow_sample_transactions.csv");
        IReadOnlyList<TablePartition> partitions;
        using (DbConnection connection = CdnowDatabase.OpenReadOnly())
        {
            connection.Open();
            partitions = TablePartition.Split(connection, SqlDialect.DuckDb, CdnowDatabase.Table, 7);
        }

        Assert.Equal(7, partitions.Count);
        foreach (var (through, single) in new[] { (default(NodaTime.LocalDate?), SingleMachine.SummarizeFile(csv)), (SingleMachine.CdnowCalibrationEnd, SingleMachine.SummarizeFile(csv, SingleMachine.CdnowCalibrationEnd)) })
        {
            PurchaseSummaries aggregated = await client.AggregateAsync(partitions, through);

            // Same customers, same values (the order is the key ranges', not the file's).
            Assert.Equal(2357, single.Count);
            Assert.Equal(single.Count, aggregated.Count);
            Assert.Equal(single.Through, aggregated.Through);
            Assert.Equal(single.Customers.Order(), aggregated.Customers.Order());
            for (int i = 0; i < single.Count; i++)
            {
                Assert.True(aggregated.TryGet(single.Customers[i], out PurchaseSummary got), $"customer {single.Customers[i]} is missing");
                Assert.Equal(single[i], got);
            }
        }
    }

    [Fact]
    public async Task BadRowInATablePartition_FailsWithItsRowAndColumn_WithoutRetries()
    {
        CustomerBaseClient client = cluster.Client;
        IReadOnlyList<TablePartition> partitions;
        using (DbConnection connection = CdnowDatabase.OpenReadOnly())
        {
            connection.Open();
            partitions = TablePartition.Split(connection, SqlDialect.DuckDb, CdnowDatabase.BadTable, 3);
        }

        // The first key range takes the NULL id; the default policy would retry for about a minute if it retried.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        FormatException e = await Assert.ThrowsAsync<FormatException>(() => client.AggregateAsync(partitions));
        Assert.Equal("bad_sales: row 1 (date 2024-01-04): column 'customer_id': NULL", e.Message);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task BadLineInAFilePartition_FailsWithItsMessage_WithoutRetries()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("retention-orleans-bad-csv-").FullName, "bad.csv");
        await File.WriteAllTextAsync(path, "customer_id,date,amount\na,2024-01-01,1.00\nb,2024-13-01,2.00\n");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        FormatException e = await Assert.ThrowsAsync<FormatException>(() => cluster.Client.AggregateAsync(FilePartition.Split(path, 1)));
        Assert.Contains("date", e.Message, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20));
    }
}
