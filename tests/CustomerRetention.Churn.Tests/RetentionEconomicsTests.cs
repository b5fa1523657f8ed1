namespace CustomerRetention.Churn.Tests;

public sealed class RetentionEconomicsTests
{
    [Fact]
    public void Five_Points_More_Retention_Scenario()
    {
        // docs/churn.md worked example: 1,000 customers, margin 100, d = 10 %, first payment excluded:
        // 0.80 → 1000·100·0.8/0.3 = 266,666.67; 0.85 → 1000·100·0.85/0.25 = 340,000; +27.5 %, inside the
        // 25–95 % range that Reichheld & Sasser (1990) report for a 5-point rise.
        RetentionScenario s = RetentionEconomics.BaseValue(1000, 100, new RetentionRate(0.80), new RetentionRate(0.85), 0.10, ClvTiming.FirstPaymentExcluded);

        Tolerance.Decimals(266_666.67, s.ValueBefore, 2);
        Tolerance.Close(340_000, s.ValueAfter, relative: 1e-12);
        Tolerance.Close(0.275, s.RelativeChange, relative: 1e-12);
        Assert.InRange(s.RelativeChange, 0.25, 0.95);
    }

    [Fact]
    public void Steady_State_Grows_By_A_Third()
    {
        // N* = A / (1 − r): 100 / 0.2 = 500 → 100 / 0.15 = 666.67 (docs/churn.md).
        Tolerance.Close(500, RetentionEconomics.SteadyStateCustomers(100, new RetentionRate(0.8)), relative: 1e-12);
        Tolerance.Close(2000 / 3.0, RetentionEconomics.SteadyStateCustomers(100, new RetentionRate(0.85)), relative: 1e-12);
        Assert.Equal("retention", Assert.Throws<ArgumentOutOfRangeException>(() => RetentionEconomics.SteadyStateCustomers(1, new RetentionRate(1))).ParamName);
    }

    [Fact]
    public void Acquisition_Versus_Retention_Spend()
    {
        // docs/churn.md: 10,000 customers, churn 20 % → 18 % saves 200 customers; replacing them at 300
        // each costs 60,000; a programme of 40,000 nets 20,000 (the acquisition cost is 6 times a
        // retention cost of 50 a customer, the sources' "5 to 6 times").
        SpendComparison c = RetentionEconomics.CompareSpend(10_000, new ChurnRate(0.20), new ChurnRate(0.18), 40_000, 300);

        Tolerance.Close(200, c.CustomersSaved, relative: 1e-9);
        Tolerance.Close(60_000, c.AcquisitionCostAvoided, relative: 1e-9);
        Tolerance.Close(20_000, c.NetSaving, relative: 1e-9);
        Tolerance.Close(200, c.CostPerCustomerSaved, relative: 1e-9);
        Assert.Equal(c.AcquisitionCostAvoided, c.BreakEvenSpend);
    }

    [Fact]
    public void Bad_Input_Is_Rejected()
    {
        Assert.Equal("customers", Assert.Throws<ArgumentOutOfRangeException>(() => RetentionEconomics.BaseValue(-1, 1, default, default, 0.1, ClvTiming.FirstPaymentIncluded)).ParamName);
        Assert.Equal("discountRate", Assert.Throws<ArgumentOutOfRangeException>(() => RetentionEconomics.BaseValue(1, 1, default, default, -1, ClvTiming.FirstPaymentIncluded)).ParamName);
        Assert.Equal("retentionSpend", Assert.Throws<ArgumentOutOfRangeException>(() => RetentionEconomics.CompareSpend(1, default, default, -5, 1)).ParamName);
    }
}
