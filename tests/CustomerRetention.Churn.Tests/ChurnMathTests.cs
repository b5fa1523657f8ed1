using FsCheck.Fluent;

namespace CustomerRetention.Churn.Tests;

public sealed class ChurnMathTests
{
    [Fact]
    public void Source_Example_Excludes_New_Customers()
    {
        // reference-values.md, "Deterministic formulas" (domain.md §3): 1,000 at the start, 850 of
        // them left at the end, 300 new of whom 15 left → 15 %, not 16.5 %.
        PeriodChurn period = ChurnMath.Period(customersAtStart: 1000, lost: 150, newCustomers: 300, newLost: 15);

        Tolerance.Close(0.15, period.Churn.Value);
        Tolerance.Close(0.165, period.RateCountingNewCustomers);
        Tolerance.Close(0.05, period.NewCustomerChurn!.Value.Value);
        Assert.Equal(1135, period.CustomersAtEnd);
        Tolerance.Close(0.15, ChurnMath.Rate(1000, 150).Value);
    }

    [Fact]
    public void Average_Denominator_Understates_Churn_Under_Growth()
    {
        // docs/churn.md worked example: 150 / ((1000 + 1135) / 2) = 150 / 1067.5 = 0.140515...
        PeriodChurn period = ChurnMath.Period(1000, 150, 300, 15);

        Tolerance.Close(150 / 1067.5, period.AverageDenominatorRate);
        Tolerance.Decimals(14.05, period.AverageDenominatorRate * 100, 2);
        Assert.True(period.AverageDenominatorRate < period.Churn.Value);
    }

    [Fact]
    public void No_New_Customers_Means_No_New_Customer_Churn()
    {
        Assert.Null(ChurnMath.Period(10, 1, 0, 0).NewCustomerChurn);
    }

    [Fact]
    public void Bad_Counts_Are_Rejected_Naming_The_Parameter()
    {
        Assert.Equal("customersAtStart", Assert.Throws<ArgumentOutOfRangeException>(() => ChurnMath.Rate(-1, 0)).ParamName);
        Assert.Equal("lost", Assert.Throws<ArgumentOutOfRangeException>(() => ChurnMath.Rate(10, -1)).ParamName);
        Assert.Equal("lost", Assert.Throws<ArgumentOutOfRangeException>(() => ChurnMath.Rate(10, 11)).ParamName);
        Assert.Equal("customersAtStart", Assert.Throws<ArgumentOutOfRangeException>(() => ChurnMath.Rate(0, 0)).ParamName);
        Assert.Equal("newCustomers", Assert.Throws<ArgumentOutOfRangeException>(() => ChurnMath.Period(10, 1, -3, 0)).ParamName);
        Assert.Equal("newLost", Assert.Throws<ArgumentOutOfRangeException>(() => ChurnMath.Period(10, 1, 3, 4)).ParamName);
        Assert.Equal("lost", Assert.Throws<ArgumentOutOfRangeException>(() => ChurnMath.AverageDenominatorRate(1, 1, 3)).ParamName);
    }

    [Fact]
    public void Period_Rates_Stay_In_0_1_Meets_Specification()
    {
        FsCheck.Gen<(int Start, int Lost, int Fresh, int NewLost)> counts =
            from start in FsCheck.Fluent.Gen.Choose(1, 10_000)
            from lost in FsCheck.Fluent.Gen.Choose(0, start)
            from fresh in FsCheck.Fluent.Gen.Choose(0, 10_000)
            from newLost in FsCheck.Fluent.Gen.Choose(0, fresh)
            select (start, lost, fresh, newLost);
        Properties.ForAll(FsCheck.Fluent.Arb.From(counts), c =>
        {
            PeriodChurn p = ChurnMath.Period(c.Start, c.Lost, c.Fresh, c.NewLost);
            return p.Churn.Value is >= 0 and <= 1
                && (p.NewCustomerChurn is null || p.NewCustomerChurn.Value.Value is >= 0 and <= 1)
                && p.RateCountingNewCustomers >= p.Churn.Value
                && p.CustomersAtEnd >= 0;
        });
    }
}
