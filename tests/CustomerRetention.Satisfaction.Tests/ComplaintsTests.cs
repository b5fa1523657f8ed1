using FsCheck;
using FsCheck.Fluent;

namespace CustomerRetention.Satisfaction.Tests;

public class ComplaintIcebergTests
{
    [Fact]
    public void Estimate_WithTheDomainBriefRates()
    {
        // Domain brief §4: 4 % complain, 96 % silent, 90 % of them never return, each tells 8–12 (10), who tell 20.
        // 40 complaints → 1,000 dissatisfied, 960 silent, 864 lost; 10,000 told first-hand, 200,000 second-hand.
        IcebergEstimate e = ComplaintIceberg.Estimate(40);
        Tolerance.Close(1000, e.Dissatisfied, 1e-12);
        Tolerance.Close(960, e.Silent, 1e-12);
        Tolerance.Close(864, e.Lost, 1e-12);
        Tolerance.Close(10000, e.FirstHandReach, 1e-12);
        Tolerance.Close(200000, e.SecondHandReach, 1e-12);
        Tolerance.Close(210000, e.WordOfMouthReach, 1e-12);
        Tolerance.Close(8000, ComplaintIceberg.Estimate(40, IcebergRates.SourceLow).FirstHandReach, 1e-12);
        Tolerance.Close(12000, ComplaintIceberg.Estimate(40, IcebergRates.SourceHigh).FirstHandReach, 1e-12);
    }

    [Fact]
    public void Estimate_WithUserRates()
    {
        // 50 complaints, half of the dissatisfied complain, a third of the silent leave, each tells 5, nobody retells.
        IcebergEstimate e = ComplaintIceberg.Estimate(50, new IcebergRates(0.5, 1.0 / 3, 5, 0));
        Tolerance.Close(100, e.Dissatisfied, 1e-12);
        Tolerance.Close(50.0 / 3, e.Lost, 1e-12);
        Tolerance.Close(500, e.WordOfMouthReach, 1e-12);
    }

    [Fact]
    public void BadInput_NamesTheParameter()
    {
        Assert.Equal("complainShare", Assert.Throws<ArgumentOutOfRangeException>(() => new IcebergRates(0, 0.9, 10, 20)).ParamName);
        Assert.Equal("neverReturnShare", Assert.Throws<ArgumentOutOfRangeException>(() => new IcebergRates(0.04, 1.1, 10, 20)).ParamName);
        Assert.Equal("complaintsReceived", Assert.Throws<ArgumentOutOfRangeException>(() => ComplaintIceberg.Estimate(-1)).ParamName);
        Assert.Equal("rates", Assert.Throws<ArgumentNullException>(() => ComplaintIceberg.Estimate(1, null!)).ParamName);
    }

    [Fact]
    public void Estimate_GrowsWithComplaints_Meets_Specification() =>
        Properties.ForAll(
            Gen.Zip(Gen.Choose(0, 10000), Generators.Between(0.01, 1)).ToArbitrary(),
            t =>
            {
                var rates = new IcebergRates(t.Item2, 0.9, 10, 20);
                IcebergEstimate a = ComplaintIceberg.Estimate(t.Item1, rates);
                IcebergEstimate b = ComplaintIceberg.Estimate(t.Item1 + 1, rates);
                return a.Dissatisfied >= a.Complaints && a.Silent >= 0 && a.Lost <= a.Silent + 1e-9
                    && Math.Abs(a.Silent + a.Complaints - a.Dissatisfied) < 1e-6
                    && b.Dissatisfied > a.Dissatisfied && b.Lost >= a.Lost && b.WordOfMouthReach >= a.WordOfMouthReach;
            });
}

public class RepurchaseRatesTests
{
    [Fact]
    public void Tarp_RatesAndExpectedRepurchasers()
    {
        // TARP (1986), problems over US$100, as quoted by Albrecht & Zemke (1985): 9 %, 19 %, 54 %, 82 %.
        RepurchaseRates r = RepurchaseRates.Tarp;
        Assert.Equal(0.09, r.Rate(ComplaintResolution.NoComplaint));
        Assert.Equal(0.82, r.Rate(ComplaintResolution.ResolvedQuickly));
        Assert.True(r.ResolvedQuickly > r.NoComplaint); // resolved well → more loyal than never complained
        // 100 of each → 9 + 19 + 54 + 82 = 164.
        Tolerance.Close(164, r.ExpectedRepurchasers(100, 100, 100, 100), 1e-12);
        Assert.Equal("resolved", Assert.Throws<ArgumentOutOfRangeException>(() => new RepurchaseRates(0.1, 0.2, 1.2, 0.8)).ParamName);
        Assert.Equal("unresolved", Assert.Throws<ArgumentOutOfRangeException>(() => r.ExpectedRepurchasers(1, -1, 0, 0)).ParamName);
    }
}

public class ComplaintCaseTests
{
    [Fact]
    public void Steps_AreRecordedInOrder()
    {
        var c = new ComplaintCase("C-1", "cust-9");
        Assert.Equal(ComplaintStep.Listen, c.NextStep);
        c = c.Record(ComplaintStep.Listen, "heard the whole story")
            .Record(ComplaintStep.Share, "acknowledged the frustration")
            .Advance("parcel went to the old address")
            .Advance("customer confirms: redeliver to the new address")
            .Advance("courier booked for tomorrow 9–12")
            .Advance("delivered; address record fixed");
        Assert.True(c.IsClosed);
        Assert.Null(c.NextStep);
        Assert.Equal(
            [ComplaintStep.Listen, ComplaintStep.Share, ComplaintStep.Probe, ComplaintStep.Check, ComplaintStep.Act, ComplaintStep.Satisfy],
            c.Steps.Select(s => s.Step).ToArray());
        Assert.Equal("cust-9", c.CustomerId);
    }

    [Fact]
    public void OutOfOrder_Throws_AndLeavesTheCaseUnchanged()
    {
        var c = new ComplaintCase("C-2").Record(ComplaintStep.Listen, "heard");
        Assert.Throws<InvalidOperationException>(() => c.Record(ComplaintStep.Act, "refund"));
        Assert.Throws<InvalidOperationException>(() => c.Record(ComplaintStep.Listen, "again"));
        Assert.Single(c.Steps);
        Assert.Equal("note", Assert.Throws<ArgumentException>(() => c.Record(ComplaintStep.Share, " ")).ParamName);
        ComplaintCase closed = c.Advance("s").Advance("p").Advance("c").Advance("a").Advance("done");
        Assert.Throws<InvalidOperationException>(() => closed.Advance("more"));
    }
}

public class ExpectationsTests
{
    [Theory]
    // Domain brief §4: able to serve within 18 h → promise 24 h; on site within 2 h → promise 3 h.
    [InlineData(18, 24)]
    [InlineData(2, 3)]
    [InlineData(0.5, 1)]
    [InlineData(150, 336)]
    public void Promise_ALittleLessThanYouCanDeliver(double capability, double promise) =>
        Assert.Equal(promise, Expectations.Promise(capability));

    [Fact]
    public void Promise_CustomLadder()
    {
        // Days: able to deliver in 4 days, ladder 1, 2, 3, 5, 7, 10, 14 → 4·1.2 = 4.8 → 5.
        Assert.Equal(5, Expectations.Promise(4, 0.2, [1, 2, 3, 5, 7, 10, 14]));
        Assert.Equal("steps", Assert.Throws<ArgumentException>(() => Expectations.Promise(4, 0.2, [2, 1])).ParamName);
        Assert.Equal("capability", Assert.Throws<ArgumentOutOfRangeException>(() => Expectations.Promise(0)).ParamName);
    }

    [Fact]
    public void Promise_ExceedsCapabilityAndIsMonotone_Meets_Specification() =>
        Properties.ForAll(
            Gen.Zip(Generators.Between(0.1, 500), Generators.Between(0, 50)).ToArbitrary(),
            t =>
            {
                double p = Expectations.Promise(t.Item1);
                return p >= t.Item1 * 1.2 && Expectations.Promise(t.Item1 + t.Item2) >= p;
            });
}
