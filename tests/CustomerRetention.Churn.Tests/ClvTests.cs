using FsCheck;
using FsCheck.Fluent;

namespace CustomerRetention.Churn.Tests;

public sealed class ClvTests
{
    private static readonly RetentionRate R80 = new(0.8);

    [Fact]
    public void Note_024_Multiples_At_r_08_d_01()
    {
        // reference-values.md (Fader & Hardie note 024): r/(1+d−r) with r = 0.8, d = 0.1 → 2.67.
        Tolerance.Decimals(2.67, Clv.MarginMultiple(R80, 0.1, ClvTiming.FirstPaymentExcluded), 2);

        // The other two variants of note 024 by the same formulas: (1+d)/(1+d−r) = 1.1/0.3, 1/(1+d−r) = 1/0.3.
        Tolerance.Close(1.1 / 0.3, Clv.MarginMultiple(R80, 0.1, ClvTiming.FirstPaymentIncluded), relative: 1e-12);
        Tolerance.Close(1 / 0.3, Clv.MarginMultiple(R80, 0.1, ClvTiming.PaymentsAtPeriodEnd), relative: 1e-12);
    }

    [Fact]
    public void Value_Is_Margin_Times_Multiple()
    {
        // docs/clv-formulas.md worked example: margin 50, r = 0.8, d = 0.1 → 133.33, 183.33, 166.67.
        Tolerance.Decimals(133.33, Clv.Value(50, R80, 0.1, ClvTiming.FirstPaymentExcluded), 2);
        Tolerance.Decimals(183.33, Clv.Value(50, R80, 0.1, ClvTiming.FirstPaymentIncluded), 2);
        Tolerance.Decimals(166.67, Clv.Value(50, R80, 0.1, ClvTiming.PaymentsAtPeriodEnd), 2);
    }

    [Fact]
    public void Finite_Horizon_Sums_The_Payments_By_Hand()
    {
        // Three payments, r = 0.8, d = 0.1, q = 0.8/1.1: included 1 + q + q², excluded q + q² + q³, end (1 + q + q²)/1.1.
        double q = 0.8 / 1.1;
        Tolerance.Close(1 + q + (q * q), Clv.MarginMultiple(R80, 0.1, ClvTiming.FirstPaymentIncluded, 3), relative: 1e-12);
        Tolerance.Close(q + (q * q) + (q * q * q), Clv.MarginMultiple(R80, 0.1, ClvTiming.FirstPaymentExcluded, 3), relative: 1e-12);
        Tolerance.Close((1 + q + (q * q)) / 1.1, Clv.MarginMultiple(R80, 0.1, ClvTiming.PaymentsAtPeriodEnd, 3), relative: 1e-12);
        Assert.Equal(0.0, Clv.MarginMultiple(R80, 0.1, ClvTiming.FirstPaymentIncluded, 0));
        Assert.Equal(5.0, Clv.MarginMultiple(new RetentionRate(1), 0, ClvTiming.FirstPaymentIncluded, 5));
        Tolerance.Close(10 * 1.5, Clv.Value(10, R80, 0.1, ClvTiming.FirstPaymentIncluded, 1) * 1.5, relative: 1e-12);
    }

    [Fact]
    public void Finite_Horizon_Tends_To_The_Infinite_One_Meets_Specification()
    {
        Properties.Check(Prop.ForAll(
            Arb.From(Gen.Choose(0, 990).Select(i => i / 1000.0)),
            Arb.From(Gen.Choose(0, 500).Select(i => i / 1000.0)),
            Arb.From(Gen.Elements(ClvTiming.FirstPaymentExcluded, ClvTiming.FirstPaymentIncluded, ClvTiming.PaymentsAtPeriodEnd)),
            (r, d, timing) =>
            {
                var retention = new RetentionRate(r);
                double infinite = Clv.MarginMultiple(retention, d, timing);
                double shortHorizon = Clv.MarginMultiple(retention, d, timing, 5);
                double longHorizon = Clv.MarginMultiple(retention, d, timing, 20_000);
                return shortHorizon <= longHorizon + 1e-12 && Math.Abs(longHorizon - infinite) <= 1e-9 * Math.Max(1, infinite);
            }));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(-1.5)]
    [InlineData(double.NaN)]
    public void Discount_At_Or_Below_Minus_One_Is_Rejected(double discount)
    {
        Assert.Equal("discountRate", Assert.Throws<ArgumentOutOfRangeException>(() => Clv.MarginMultiple(R80, discount, ClvTiming.FirstPaymentExcluded)).ParamName);
        Assert.Equal("discountRate", Assert.Throws<ArgumentOutOfRangeException>(() => Clv.MarginMultiple(R80, discount, ClvTiming.FirstPaymentExcluded, 3)).ParamName);
    }

    [Fact]
    public void Divergent_Infinite_Horizon_Is_Rejected()
    {
        // r = 1, d = 0: 1 + d − r = 0, the infinite sum diverges.
        Assert.Equal("discountRate", Assert.Throws<ArgumentOutOfRangeException>(() => Clv.MarginMultiple(new RetentionRate(1), 0, ClvTiming.FirstPaymentExcluded)).ParamName);
        Assert.Equal("timing", Assert.Throws<ArgumentOutOfRangeException>(() => Clv.MarginMultiple(R80, 0.1, (ClvTiming)7)).ParamName);
        Assert.Equal("payments", Assert.Throws<ArgumentOutOfRangeException>(() => Clv.MarginMultiple(R80, 0.1, ClvTiming.FirstPaymentExcluded, -1)).ParamName);
        Assert.Equal("margin", Assert.Throws<ArgumentOutOfRangeException>(() => Clv.Value(double.NaN, R80, 0.1, ClvTiming.FirstPaymentExcluded)).ParamName);
    }
}
