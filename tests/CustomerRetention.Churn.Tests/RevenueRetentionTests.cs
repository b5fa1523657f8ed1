using FsCheck;
using FsCheck.Fluent;

namespace CustomerRetention.Churn.Tests;

public sealed class RevenueRetentionTests
{
    [Fact]
    public void Worked_Example_From_The_Docs()
    {
        // docs/churn.md "Revenue retention": five customers. A 100 → 120 (expansion 20), B 200 → 150
        // (contraction 50), C 100 → 0 (churned 100), D 100 → 100, E new 0 → 80 (excluded).
        // Start 500; NRR = (500 + 20 − 50 − 100) / 500 = 0.74; GRR = (500 − 50 − 100) / 500 = 0.70.
        RevenueRetention r = RevenueRetention.Compute([100, 200, 100, 100, 0], [120, 150, 0, 100, 80]);

        Tolerance.Close(500, r.StartingRevenue);
        Tolerance.Close(20, r.Expansion);
        Tolerance.Close(50, r.Contraction);
        Tolerance.Close(100, r.ChurnedRevenue);
        Tolerance.Close(80, r.NewRevenue);
        Tolerance.Close(0.74, r.NetRevenueRetention);
        Tolerance.Close(0.70, r.GrossRevenueRetention);
        Assert.Equal(4, r.Customers);
        Assert.Equal(1, r.ChurnedCustomers);
    }

    [Fact]
    public void Gross_Retention_Is_Capped_At_100_Percent_While_Net_Is_Not()
    {
        RevenueRetention r = RevenueRetention.FromComponents(1000, expansion: 300, contraction: 0, churnedRevenue: 0);

        Assert.Equal(1.0, r.GrossRevenueRetention);
        Tolerance.Close(1.3, r.NetRevenueRetention);
    }

    [Fact]
    public void Bad_Input_Is_Rejected()
    {
        Assert.Equal("previousRevenue", Assert.Throws<ArgumentOutOfRangeException>(() => RevenueRetention.Compute([-1.0], [1.0])).ParamName);
        Assert.Equal("currentRevenue", Assert.Throws<ArgumentOutOfRangeException>(() => RevenueRetention.Compute([1.0], [double.NaN])).ParamName);
        Assert.Equal("currentRevenue", Assert.Throws<ArgumentException>(() => RevenueRetention.Compute([1.0], [1.0, 2.0])).ParamName);
        Assert.Equal("previousRevenue", Assert.Throws<ArgumentException>(() => RevenueRetention.Compute([0.0], [1.0])).ParamName);
        Assert.Equal("churnedRevenue", Assert.Throws<ArgumentOutOfRangeException>(() => RevenueRetention.FromComponents(10, 0, 6, 5)).ParamName);
        Assert.Equal("startingRevenue", Assert.Throws<ArgumentOutOfRangeException>(() => RevenueRetention.FromComponents(0, 0, 0, 0)).ParamName);
    }

    [Fact]
    public void Net_Retention_Is_At_Least_Gross_Meets_Specification()
    {
        Gen<double[]> revenues = Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0.0)), (3, Gen.Choose(1, 10_000).Select(i => i / 10.0))), 20);
        Properties.Check(Prop.ForAll(Arb.From(revenues), Arb.From(revenues), (previous, current) =>
        {
            if (previous.All(p => p == 0))
            {
                return true;
            }

            RevenueRetention r = RevenueRetention.Compute(previous, current);
            return r.NetRevenueRetention >= r.GrossRevenueRetention - 1e-12
                && r.GrossRevenueRetention is >= 0 and <= 1
                && r.NetRevenueRetention >= 0;
        }));
    }
}
