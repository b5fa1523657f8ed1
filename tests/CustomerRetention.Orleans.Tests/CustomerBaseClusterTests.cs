using CustomerRetention.Orleans.Aggregation;
using CustomerRetention.Orleans.Client;
using CustomerRetention.Orleans.Customers;
using CustomerRetention.Orleans.Model;
using NodaTime;

namespace CustomerRetention.Orleans.Tests;

/// <summary>
/// The CDNOW sample through a three-silo cluster: ingest, replay, summaries, refit, scores, partitioned
/// aggregation, each against the single-machine result, on a cluster of its own (so that its registry
/// holds exactly the sample's customers). One test, because the steps build on each other.
/// </summary>
public sealed class CustomerBaseClusterTests(InProcessCluster cluster) : IClassFixture<InProcessCluster>
{
    [Fact]
    public async Task CdnowSample_IngestReplayRefitScoreAggregate_EqualsTheSingleMachineResults()
    {
        CustomerBaseClient client = cluster.Client;
        string path = TestData.Path("cdnow_sample_transactions.csv");
        TransactionTable table = SingleMachine.CdnowTable();
        PurchaseSummaries single = SingleMachine.SummarizeFile(path);

        // Ingest, then replay the same keys: every row recorded once.
        IngestReport first = await client.IngestAsync(CustomerBaseClient.Keyed(table, "cdnow"), new IngestOptions { BatchSize = 1000 });
        IngestReport replay = await client.IngestFileAsync(path, "cdnow");
        Assert.Equal((6919L, 6919L, 0L), (first.Rows, first.Recorded, first.Duplicates));
        Assert.Equal((6919L, 0L, 6919L), (replay.Rows, replay.Recorded, replay.Duplicates));

        // Every customer's summary is the single-machine summary, and the registry lists exactly them.
        Assert.Equal(2357, single.Count);
        Assert.Equal(single.Customers.OrderBy(c => c), await client.CustomersAsync());
        for (int i = 0; i < single.Count; i++)
        {
            Assert.Equal(single[i], await client.GetSummaryAsync(single.Customers[i]));
        }

        // Refit at the calibration end in weeks: the counts and the fit are the single machine's.
        LocalDate end = SingleMachine.CdnowCalibrationEnd;
        CustomerBaseModel model = await client.RefitAsync(end, TimeUnit.Week);
        PopulationCounts counts = (await client.GetCountsAsync())!;
        PurchaseSummaries calibration = SingleMachine.SummarizeFile(path, end);
        PopulationCounts singleCounts = PopulationCounts.FromSummaries(calibration, end);
        Assert.Equal(singleCounts.Rows, counts.Rows);
        Assert.Equal(2457, counts.RepeatPurchaseDays); // reference-values.md: 2,457 repeat purchase days in calibration
        Assert.Equal(2357, model.Customers);
        Assert.Equal(SingleMachine.FitCounts(singleCounts, TimeUnit.Week), model.BetaGeo);
        BetaGeoFit perCustomer = SingleMachine.FitPerCustomer(calibration, end, TimeUnit.Week);
        Assert.Equal(perCustomer.R, model.BetaGeo.R, 1e-6 * perCustomer.R);
        Assert.Equal(perCustomer.Alpha, model.BetaGeo.Alpha, 1e-6 * perCustomer.Alpha);
        Assert.Equal(perCustomer.A, model.BetaGeo.A, 1e-6 * perCustomer.A);
        Assert.Equal(perCustomer.B, model.BetaGeo.B, 1e-6 * perCustomer.B);
        // Fader, Hardie & Lee (2005): r 0.2426, α 4.4136, a 0.7929, b 2.4259, LL −9582.43 (reference-values.md).
        Assert.Equal(0.2426, model.BetaGeo.R, 4);
        Assert.Equal(4.4136, model.BetaGeo.Alpha, 4);
        Assert.Equal(0.7929, model.BetaGeo.A, 4);
        Assert.Equal(2.4259, model.BetaGeo.B, 4);
        Assert.Equal(-9582.43, model.BetaGeo.LogLikelihood, 2);

        // Scores from the grains equal the Probabilistic package's values for the same inputs.
        var request = new ScoreRequest(null, 39, 0.01);
        foreach (CustomerId customer in calibration.Customers.Take(50))
        {
            CustomerScore score = (await client.ScoreAsync(customer, request))!;
            calibration.TryGet(customer, out PurchaseSummary summary);
            ModelInput input = summary.ToModelInput(end, TimeUnit.Week);
            double value = (double)(input.Frequency > 0 ? input.MonetaryValue : counts.MeanRepeatSpend);
            var (alive, expected, clv) = SingleMachine.Predict(model.BetaGeo, input, 39, value, 0.01);
            Assert.Equal(summary, score.Summary);
            Assert.Equal(input, score.Input);
            Assert.Equal((alive, expected, clv), (score.ProbabilityAlive, score.ExpectedPurchases, score.LifetimeValue));
            Assert.Equal(Period.DaysBetween(summary.LastPurchase, end), score.RecencyDays);
            Assert.Equal((summary.Transactions, summary.TotalAmount, model.Version), (score.Frequency, score.Monetary, score.ModelVersion));
        }

        // A customer whose first purchase is after the scoring day has no score.
        Assert.Null(await client.ScoreAsync(single.Customers[0], request with { AsOf = single[0].FirstPurchase.PlusDays(-1) }));

        // Partitioned aggregation: 7 partition grains, merged in file order, equal the one-pass reader bit for bit.
        IReadOnlyList<FilePartition> partitions = FilePartition.Split(path, 7);
        PurchaseSummaries aggregated = await client.AggregateAsync(partitions);
        Assert.Equal(single.Customers, aggregated.Customers);
        Assert.Equal(single.ToArray(), aggregated.ToArray());
        PurchaseSummaries aggregatedThrough = await client.AggregateAsync(partitions, end);
        Assert.Equal(calibration.Customers, aggregatedThrough.Customers);
        Assert.Equal(calibration.ToArray(), aggregatedThrough.ToArray());
    }
}
