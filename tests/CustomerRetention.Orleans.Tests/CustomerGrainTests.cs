using CustomerRetention.Orleans.Customers;
using NodaTime;

namespace CustomerRetention.Orleans.Tests;

[Collection(ClusterCollection.Name)]
public sealed class CustomerGrainTests(InProcessCluster cluster)
{
    private static readonly LocalDate Day1 = new(2024, 3, 1);
    private static readonly LocalDate Day2 = new(2024, 3, 9);

    private ICustomerGrain Grain(string id) => cluster.Cluster.Client.GetGrain<ICustomerGrain>(id);

    [Fact]
    public async Task Record_SameKeysTwice_CountsThemOnce()
    {
        ICustomerGrain grain = Grain("idempotent-" + Guid.NewGuid());
        Purchase[] purchases = [new("k1", Day1, 10.50m), new("k2", Day1, 4.25m), new("k3", Day2, 7m)];

        RecordOutcome first = await grain.Record(purchases);
        RecordOutcome replay = await grain.Record(purchases);

        Assert.Equal(new RecordOutcome(3, 0), first);
        Assert.Equal(new RecordOutcome(0, 3), replay);
        Assert.Equal(new PurchaseSummary(Day1, Day2, 3, 2, 21.75m, 14.75m), await grain.GetSummary(null));
    }

    [Fact]
    public async Task Record_KeyRepeatedInOneBatch_CountsItOnce()
    {
        ICustomerGrain grain = Grain("repeated-" + Guid.NewGuid());

        RecordOutcome outcome = await grain.Record([new("k", Day1, 5m), new("k", Day1, 5m), new("j", Day2, 1m)]);

        Assert.Equal(new RecordOutcome(2, 1), outcome);
        Assert.Equal(new PurchaseSummary(Day1, Day2, 2, 2, 6m, 5m), await grain.GetSummary(null));
    }

    [Fact]
    public async Task Record_PartlyKnownBatch_AddsOnlyTheNewKeys()
    {
        ICustomerGrain grain = Grain("partly-" + Guid.NewGuid());
        await grain.Record([new("a", Day1, 1m)]);

        RecordOutcome outcome = await grain.Record([new("a", Day1, 1m), new("b", Day2, 2m)]);

        Assert.Equal(new RecordOutcome(1, 1), outcome);
        Assert.Equal(new PurchaseSummary(Day1, Day2, 2, 2, 3m, 1m), await grain.GetSummary(null));
    }

    [Fact]
    public async Task Record_EmptyKey_ThrowsNamingThePurchasesAndRecordsNothing()
    {
        ICustomerGrain grain = Grain("bad-key-" + Guid.NewGuid());

        var e = await Assert.ThrowsAsync<ArgumentException>(() => grain.Record([new("ok", Day1, 1m), new("", Day1, 2m)]));

        // Orleans carries the exception's type and message across the wire, not ParamName.
        Assert.Contains("(Parameter 'purchases')", e.Message, StringComparison.Ordinal);
        Assert.False((await grain.GetSummary(null)).HasPurchases);
    }

    [Fact]
    public async Task GetSummary_Cutoff_CountsOnlyPurchasesThrough()
    {
        ICustomerGrain grain = Grain("cutoff-" + Guid.NewGuid());
        await grain.Record([new("a", Day1, 1m), new("b", Day2, 2m)]);

        Assert.Equal(new PurchaseSummary(Day1, Day1, 1, 1, 1m, 1m), await grain.GetSummary(Day2.PlusDays(-1)));
        Assert.False((await grain.GetSummary(Day1.PlusDays(-1))).HasPurchases);
        Assert.Equal(new PurchaseSummary(Day1, Day2, 2, 2, 3m, 1m), await grain.GetSummary(Day2));
    }

    [Fact]
    public async Task GetSummary_UnknownCustomer_IsTheSummaryOfNoPurchase()
    {
        Assert.Equal(default, await Grain("never-bought-" + Guid.NewGuid()).GetSummary(null));
    }

    [Fact]
    public async Task Score_InvalidHorizonOrRate_ThrowsNamingTheRequest()
    {
        ICustomerGrain grain = Grain("horizon-" + Guid.NewGuid());
        await grain.Record([new("h1", Day1, 1m)]);

        var fromGrain = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.Score(new ScoreRequest(null, -1, 0)));
        var fromClient = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => cluster.Client.ScoreAsync(new CustomerId("x"), new ScoreRequest(null, 1, double.NaN)));

        Assert.Contains("(Parameter 'request')", fromGrain.Message, StringComparison.Ordinal);
        Assert.Equal("request", fromClient.ParamName);
    }

    [Fact]
    public async Task Ingest_EmptyKey_ThrowsNamingTheTransactionsBeforeSending()
    {
        CustomerId customer = new("client-key-" + Guid.NewGuid());

        var e = await Assert.ThrowsAsync<ArgumentException>(() => cluster.Client.IngestAsync([new(new Transaction(customer, Day1, 1m), "")]));

        Assert.Equal("transactions", e.ParamName);
        Assert.False((await cluster.Client.GetSummaryAsync(customer)).HasPurchases);
    }

    [Fact]
    public async Task Score_BeforeAnyRefit_ThrowsInvalidOperation()
    {
        // Nobody refits in this collection's cluster.
        ICustomerGrain grain = Grain("no-model-" + Guid.NewGuid());
        await grain.Record([new("m1", Day1, 1m)]);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Score(new ScoreRequest(Day2, 10, 0)));

        Assert.Contains("refit", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refit_NoCustomerBeforeTheCalibrationEnd_ThrowsInvalidOperationAndKeepsNoModel()
    {
        // Every customer of this collection bought in 2024.
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => cluster.Client.RefitAsync(new LocalDate(1990, 1, 1), TimeUnit.Week));

        Assert.Contains("1990-01-01", e.Message, StringComparison.Ordinal);
        Assert.Null(await cluster.Client.GetModelAsync());
    }
}
