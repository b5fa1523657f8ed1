using System.Diagnostics;
using System.Globalization;
using CustomerRetention.Orleans.Aggregation;
using CustomerRetention.Orleans.Client;
using CustomerRetention.Orleans.Model;
using CustomerRetention.Orleans.Samples;
using NodaTime;
using Xunit.Abstractions;

namespace CustomerRetention.Orleans.Tests.EndToEnd;

/// <summary>
/// Three silo processes on 127.0.0.1 with Redis membership and grain storage; the CDNOW sample and a
/// synthetic set streamed through the client with retries; one silo killed with SIGKILL mid-ingest. After
/// the cluster recovers, every customer's summary and the BG/NBD refit must equal the single-machine
/// results. Fails (never skips) when Redis or a silo cannot start.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class SiloKillEndToEndTests(ITestOutputHelper output)
{
    /// <summary>Synthetic rows; RETENTION_E2E_ROWS overrides (docs/orleans.md gives the timings).</summary>
    private static readonly int SyntheticRows = int.TryParse(Environment.GetEnvironmentVariable("RETENTION_E2E_ROWS"), NumberStyles.None, CultureInfo.InvariantCulture, out int rows) ? rows : 1_000_000;

    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task ThreeSilos_OneKilledMidIngest_SummariesAndRefitEqualTheSingleMachine()
    {
        await Run().WaitAsync(Budget);
    }

    private async Task Run()
    {
        var clock = Stopwatch.StartNew();
        string directory = Directory.CreateTempSubdirectory("retention-e2e-").FullName;
        string cdnow = TestData.Path("cdnow_sample_transactions.csv");
        string synthetic = Path.Combine(directory, "synthetic.csv");
        int syntheticRows = SyntheticTransactions.Write(synthetic, SyntheticRows, seed: 20);
        LocalDate end = SingleMachine.CdnowCalibrationEnd;

        // The single-machine results.
        PurchaseSummaries singleCdnow = SingleMachine.SummarizeFile(cdnow);
        PurchaseSummaries singleSynthetic = SingleMachine.SummarizeFile(synthetic);
        PopulationCounts singleCounts = PopulationCounts.Merge([
            PopulationCounts.FromSummaries(SingleMachine.SummarizeFile(cdnow, end), end),
            PopulationCounts.FromSummaries(SingleMachine.SummarizeFile(synthetic, end), end)]);
        BetaGeoFit singleFit = SingleMachine.FitCounts(singleCounts, TimeUnit.Week);
        Log(clock, $"single machine: {singleCdnow.Count} + {singleSynthetic.Count} customers, {syntheticRows} synthetic rows");

        string cluster = "e2e-" + Guid.NewGuid().ToString("N")[..12];
        var silos = new List<SiloProcess>();
        try
        {
            for (int i = 0; i < 3; i++)
            {
                silos.Add(await SiloProcess.StartAsync(RedisServer.Connection, cluster, cluster, TimeSpan.FromSeconds(90)));
            }

            Log(clock, $"3 silos ready (pids {string.Join(", ", silos.Select(s => s.ProcessId))}), Redis {RedisServer.Connection}");
            await using ClusterConnection connection = await ClusterConnection.ConnectAsync(RedisServer.Connection, cluster, cluster);
            var client = new CustomerBaseClient(connection.Client);

            IngestReport cdnowReport = await client.IngestFileAsync(cdnow, "cdnow", new IngestOptions { BatchSize = 2000 });
            Log(clock, $"CDNOW ingested: {cdnowReport}");

            // The synthetic set; the second silo dies with SIGKILL once 30% of it is in.
            SiloProcess victim = silos[1];
            bool killed = false;
            var progress = new Inline(done =>
            {
                if (!killed && done >= syntheticRows * 3L / 10)
                {
                    killed = true;
                    victim.KillHard();
                    Log(clock, $"SIGKILL to silo pid {victim.ProcessId} after {done} synthetic rows");
                }
            });
            IngestReport syntheticReport = await client.IngestFileAsync(synthetic, "synthetic", new IngestOptions { BatchSize = 50_000, Progress = progress });
            Log(clock, $"synthetic ingested: {syntheticReport}");
            Assert.True(killed, "the silo was not killed during the ingest");
            Assert.True(syntheticReport.Retries > 0, "no grain call failed: the kill did not hit the ingest");
            Assert.Equal(cdnowReport.Rows, cdnowReport.Recorded + cdnowReport.Duplicates);
            Assert.Equal(syntheticReport.Rows, syntheticReport.Recorded + syntheticReport.Duplicates);

            // Replaying everything records nothing: every purchase is there exactly once.
            IngestReport replay = await client.IngestFileAsync(synthetic, "synthetic", new IngestOptions { BatchSize = 50_000 });
            Log(clock, $"synthetic replayed: {replay}");
            Assert.Equal(((long)syntheticRows, 0L), (replay.Rows, replay.Recorded));

            // Every customer, and only they, with the single-machine summary.
            List<CustomerId> expectedCustomers = singleCdnow.Customers.Concat(singleSynthetic.Customers).ToList();
            expectedCustomers.Sort();
            Assert.Equal(expectedCustomers, await client.CustomersAsync());
            await AssertSummaries(client, singleCdnow);
            await AssertSummaries(client, singleSynthetic);
            Log(clock, $"{expectedCustomers.Count} summaries equal the single machine's");

            // The refit reads the grains' summaries only, and equals the single-machine fit of the same counts.
            CustomerBaseModel model = await client.RefitAsync(end, TimeUnit.Week);
            Log(clock, $"refit: {model}");
            Assert.Equal(singleCounts.Rows, (await client.GetCountsAsync())!.Rows);
            Assert.Equal(singleFit, model.BetaGeo);

            // Partitioned aggregation on the surviving silos equals the one-pass reader.
            PurchaseSummaries aggregated = await client.AggregateAsync(FilePartition.Split(synthetic, 8));
            Assert.Equal(singleSynthetic.Customers, aggregated.Customers);
            Assert.Equal(singleSynthetic.ToArray(), aggregated.ToArray());
            Log(clock, "partitioned aggregation equals the single machine's");
        }
        catch
        {
            foreach (SiloProcess silo in silos)
            {
                output.WriteLine($"--- silo pid {silo.ProcessId} output ---\n{silo.Output}");
            }

            throw;
        }
        finally
        {
            foreach (SiloProcess silo in silos)
            {
                silo.Dispose();
            }

            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task AssertSummaries(CustomerBaseClient client, PurchaseSummaries expected)
    {
        const int Chunk = 5000;
        for (int from = 0; from < expected.Count; from += Chunk)
        {
            int to = Math.Min(expected.Count, from + Chunk);
            PurchaseSummary[] actual = await Task.WhenAll(Enumerable.Range(from, to - from).Select(i => client.GetSummaryAsync(expected.Customers[i])));
            for (int i = from; i < to; i++)
            {
                if (actual[i - from] != expected[i])
                {
                    Assert.Fail($"customer {expected.Customers[i]}: cluster {actual[i - from]}, single machine {expected[i]}");
                }
            }
        }
    }

    private void Log(Stopwatch clock, string message) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{clock.Elapsed.TotalSeconds,7:F1} s] {message}"));

    /// <summary>A progress sink called on the reporting thread (Progress&lt;T&gt; would post it elsewhere, late).</summary>
    private sealed class Inline(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
