using FsCheck;
using FsCheck.Fluent;

namespace CustomerRetention.Churn.Tests;

public sealed class ChurnRateTests
{
    // Reference values: ../shared/design/reference-values.md, "Deterministic formulas":
    // A = 1 − (1 − m)^12; 1 % → 11.36 %, 3 % → 30.62 %, 5 % → 45.96 %, 10 % → 71.76 %.
    [Theory]
    [InlineData(0.01, 11.36)]
    [InlineData(0.03, 30.62)]
    [InlineData(0.05, 45.96)]
    [InlineData(0.10, 71.76)]
    public void Monthly_To_Annual_Matches_Reference(double monthly, double annualPercent)
    {
        ChurnRate annual = new ChurnRate(monthly).ToAnnual(12);

        Tolerance.Decimals(annualPercent, annual.Value * 100, 2);
    }

    [Fact]
    public void Annual_To_Monthly_Inverts_The_Reference()
    {
        // 30.62 % a year is 3 % a month (reference-values.md, monthly ↔ annual), to the printed precision.
        Tolerance.Close(0.03, ChurnRate.FromAnnual(0.3062, 12).Value, relative: 1e-3);
    }

    [Fact]
    public void Expected_Lifetime_Of_3_Percent_Monthly_Is_33_3_Months()
    {
        // reference-values.md: expected lifetime = 1 / churn, 3 % monthly → 33.3 months.
        Tolerance.Decimals(33.3, new ChurnRate(0.03).ExpectedLifetime, 1);
    }

    [Fact]
    public void Half_Life_Is_Where_Survival_Is_One_Half()
    {
        var rate = new ChurnRate(0.03);

        // ln 0.5 / ln 0.97 = −0.6931472 / −0.0304592 = 22.7566 months (by hand).
        Tolerance.Decimals(22.7566, rate.HalfLife, 4);
        Tolerance.Close(0.5, rate.Survival(rate.HalfLife), relative: 1e-12);
    }

    [Fact]
    public void Edge_Rates_Have_Defined_Lifetimes()
    {
        Assert.Equal(double.PositiveInfinity, new ChurnRate(0).ExpectedLifetime);
        Assert.Equal(double.PositiveInfinity, new ChurnRate(0).HalfLife);
        Assert.Equal(1.0, new ChurnRate(1).ExpectedLifetime);
        Assert.Equal(0.0, new ChurnRate(1).HalfLife);
        Assert.Equal(1.0, new ChurnRate(1).Survival(0));
        Assert.Equal(0.0, new ChurnRate(1).Survival(1));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Rates_Outside_0_1_Are_Rejected(double value)
    {
        Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => new ChurnRate(value)).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => new RetentionRate(value)).ParamName);
    }

    [Fact]
    public void Conversions_Reject_Bad_Period_Counts()
    {
        Assert.Equal("periodsPerYear", Assert.Throws<ArgumentOutOfRangeException>(() => new ChurnRate(0.1).ToAnnual(0)).ParamName);
        Assert.Equal("periods", Assert.Throws<ArgumentOutOfRangeException>(() => new ChurnRate(0.1).ToPeriods(-1)).ParamName);
        Assert.Equal("periods", Assert.Throws<ArgumentOutOfRangeException>(() => new ChurnRate(0.1).Survival(double.NaN)).ParamName);
        Assert.Equal("annualRate", Assert.Throws<ArgumentOutOfRangeException>(() => ChurnRate.FromAnnual(1.5, 12)).ParamName);
    }

    [Fact]
    public void Monthly_Annual_Monthly_Round_Trip_Meets_Specification()
    {
        Properties.Check(Prop.ForAll(
            Arb.From(Generators.OpenProbability),
            Arb.From(Generators.PeriodsPerSpan),
            (monthly, n) =>
            {
                ChurnRate annual = new ChurnRate(monthly).ToAnnual(n);
                if (annual.Value >= 1.0)
                {
                    return true; // saturated in double precision: the round trip cannot recover it
                }

                double back = ChurnRate.FromAnnual(annual.Value, n).Value;
                return Math.Abs(back - monthly) <= 1e-9 * Math.Max(1.0, 1.0 / (1.0 - annual.Value));
            }));
    }

    [Fact]
    public void Converted_Rates_Stay_In_0_1_Meets_Specification()
    {
        Properties.Check(Prop.ForAll(
            Arb.From(Generators.Probability),
            Arb.From(Generators.PeriodsPerSpan),
            (c, n) =>
            {
                var rate = new ChurnRate(c);
                double[] values = [rate.ToAnnual(n).Value, ChurnRate.FromAnnual(c, n).Value, rate.ToPeriods(1 / n).Value, rate.Retention.ToAnnual(n).Value, rate.Survival(n)];
                return values.All(v => v is >= 0 and <= 1) && (n < 1 || rate.ToAnnual(n).Value >= c - 1e-15);
            }));
    }

    [Fact]
    public void Survival_Never_Increases_Meets_Specification()
    {
        Properties.Check(Prop.ForAll(
            Arb.From(Generators.Probability),
            Arb.From(Gen.Choose(0, 500)),
            Arb.From(Gen.Choose(0, 500)),
            (c, a, b) =>
            {
                var rate = new ChurnRate(c);
                double t1 = Math.Min(a, b) / 10.0, t2 = Math.Max(a, b) / 10.0;
                return rate.Survival(t2) <= rate.Survival(t1) && rate.Survival(0) == 1.0;
            }));
    }

    [Fact]
    public void Retention_Is_The_Complement_Meets_Specification()
    {
        Properties.ForAll(Arb.From(Generators.Probability), c =>
        {
            var churn = new ChurnRate(c);
            return churn.Retention.Churn.Value == 1 - (1 - c) && Math.Abs(churn.Retention.Value + c - 1) < 1e-15
                && Math.Abs(churn.Retention.Survival(3) - churn.Survival(3)) < 1e-12;
        });
    }

    [Fact]
    public void Retention_Conversions_Compound()
    {
        // r^12 for r = 0.97 is 0.6938 = 1 − 30.62 % (reference-values.md, 3 % monthly → 30.62 % annual).
        Tolerance.Decimals(0.6938, new RetentionRate(0.97).ToAnnual(12).Value, 4);
        Tolerance.Close(0.97, RetentionRate.FromAnnual(Math.Pow(0.97, 12), 12).Value, relative: 1e-12);
        Tolerance.Close(1 / 0.03, new RetentionRate(0.97).ExpectedLifetime, relative: 1e-12);
    }

    [Fact]
    public void Equality_And_Ordering()
    {
        Assert.Equal(new ChurnRate(0.1), ChurnRate.FromValue(0.1));
        Assert.True(new ChurnRate(0.1) < new ChurnRate(0.2));
        Assert.True(new RetentionRate(0.9) > new RetentionRate(0.8));
        Assert.Equal("0.25", new ChurnRate(0.25).ToString());
        Assert.Equal(0.0, default(ChurnRate).Value);
    }
}
