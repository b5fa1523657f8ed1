using CustomerRetention.Relationships;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerRetention.Relationships.Tests;

/// <summary>Lock-in levers and the switching-cost index (domain brief §5; Burnham, Frels &amp; Mahajan 2003).</summary>
public sealed class LockInTests
{
    private static readonly LocalDate Jan1 = new(2026, 1, 1);

    [Fact]
    public void Habit_RegularWeeklyPurchases_ScoreOne()
    {
        HabitMeasure h = LockIn.Habit([Jan1, Jan1.PlusDays(7), Jan1.PlusDays(14), Jan1.PlusDays(21), Jan1.PlusDays(21)]);

        Assert.Equal(4, h.PurchaseDays);
        Assert.Equal(7.0, h.MeanIntervalDays);
        Assert.Equal(0.0, h.IntervalVariation);
        Assert.Equal(1.0, h.Score);
    }

    [Fact]
    public void Habit_IrregularPurchases_HandWorked()
    {
        // Hand-worked: intervals 10, 5, 15 days → mean 10, population variance (0 + 25 + 25)/3 = 50/3,
        // CV = √(50/3)/10 = 0.408248, score = 1/1.408248 = 0.710102.
        HabitMeasure h = LockIn.Habit([Jan1.PlusDays(30), Jan1, Jan1.PlusDays(10), Jan1.PlusDays(15)]);

        Tolerance.Close(10.0, h.MeanIntervalDays);
        Tolerance.Close(Math.Sqrt(50.0 / 3) / 10, h.IntervalVariation!.Value, 1e-12);
        Tolerance.Decimals(0.710102, h.Score, 6);
    }

    [Fact]
    public void Habit_TooFewPurchaseDays_ScoreZero()
    {
        Assert.Equal(0.0, LockIn.Habit([]).Score);
        HabitMeasure two = LockIn.Habit([Jan1, Jan1.PlusDays(30)]);
        Assert.Equal(0.0, two.Score);
        Assert.Null(two.IntervalVariation);
        Assert.Equal(30.0, two.MeanIntervalDays);
    }

    [Fact]
    public void Penetration_HandWorked()
    {
        // Hand-worked: 3 of 12 products (0.25), 2 of 4 categories (0.5) → 0.375.
        Assert.Equal(new PenetrationMeasure(0.25, 0.5, 0.375), LockIn.Penetration(3, 12, 2, 4));

        var catalogue = new Dictionary<string, string>
        {
            ["card"] = "payments", ["mortgage"] = "loans", ["car loan"] = "loans", ["deposit"] = "savings",
        };
        PenetrationMeasure p = LockIn.Penetration(["card", "mortgage", "card"], catalogue);
        Assert.Equal(new PenetrationMeasure(0.5, 2.0 / 3, (0.5 + (2.0 / 3)) / 2), p);
    }

    [Fact]
    public void Penetration_EmptyCatalogue_OrMoreThanHeld_Throws()
    {
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => LockIn.Penetration(0, 0, 0, 1));
        Assert.Equal("catalogueProducts", e.ParamName);
        Assert.Contains("catalogue is empty", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => LockIn.Penetration(0, 1, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LockIn.Penetration(2, 1, 0, 1));
        Assert.Throws<ArgumentException>(() => LockIn.Penetration([], new Dictionary<string, string>()));
        Assert.Throws<ArgumentException>(() => LockIn.Penetration(["tv"], new Dictionary<string, string> { ["card"] = "payments" }));
    }

    [Fact]
    public void Bundling_HandWorked()
    {
        // Hand-worked: one contract ending a year (365 days = 365/30.4375 = 11.99179 months) after the as-of date, one
        // already ended; 250 exclusive points. Contract part 11.99179/24 = 0.499658, points part 250/1000 = 0.25,
        // score 0.374829.
        Contract[] contracts = [new("24-month plan", Jan1.PlusDays(365)), new("old plan", Jan1.PlusDays(-1))];
        BundlingMeasure b = LockIn.Bundling(contracts, 250, Jan1, BundlingScales.Default);

        Assert.Equal(1, b.ActiveContracts);
        Tolerance.Close(365 / 30.4375, b.MonthsLeft, 1e-12);
        Tolerance.Decimals(0.374829, b.Score, 6);
        Assert.Equal(1.0, LockIn.Bundling(contracts, 5_000, Jan1, new BundlingScales(6, 100)).Score);
        Assert.Throws<ArgumentOutOfRangeException>(() => LockIn.Bundling(contracts, -1, Jan1, BundlingScales.Default));
    }

    [Fact]
    public void SwitchingCost_WithoutRelationship_HandWorked()
    {
        // Hand-worked, equal weights over procedural and financial (relationship not measured):
        // procedural = (1·0.6 + ½·0.5)/1.5 = 0.566667; financial = (½·0.5 + 1·0.3)/1.5 = 0.366667; index = 0.466667.
        // Coefficients: 1/3 each; headroom 0.4/3, 0.5/3, 0.7/3 → policy bundling has most.
        SwitchingCostIndex index = LockIn.SwitchingCost(new LockInLevers(0.6, 0.5, 0.3), SwitchingCostWeights.Equal);

        Tolerance.Close(0.7 / 1.5, index.Value, 1e-12);
        Assert.Equal(3, index.Levers.Count);
        Assert.Equal(2, index.Families.Count);
        Tolerance.Close(0.85 / 1.5, index.Families[0].Score, 1e-12);
        Tolerance.Close(0.2, index.Levers[0].Contribution, 1e-12);
        Tolerance.Close(0.7 / 3, index.Levers[2].Headroom, 1e-12);
        Assert.Equal(LockInLever.PolicyBundling, index.MostHeadroom);
    }

    [Fact]
    public void SwitchingCost_WithRelationship_AndWeights_HandWorked()
    {
        // Hand-worked, weights (2, 1, 1) → (0.5, 0.25, 0.25): 0.5·0.566667 + 0.25·0.366667 + 0.25·0.75 = 0.5625.
        SwitchingCostIndex index = LockIn.SwitchingCost(new LockInLevers(0.6, 0.5, 0.3, 0.75), new SwitchingCostWeights(2, 1, 1));

        Tolerance.Close(0.5625, index.Value, 1e-12);
        Assert.Equal(4, index.Levers.Count);
        // Coefficients 0.5/1.5, 0.5·0.5/1.5 + 0.25·0.5/1.5, 0.25/1.5, 0.25 → headroom 0.1333, 0.125, 0.1167, 0.0625.
        Tolerance.Close(0.25, index.Levers[1].Coefficient, 1e-12);
        Assert.Equal(LockInLever.Habit, index.MostHeadroom);
    }

    [Fact]
    public void SwitchingCost_BadInput_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LockInLevers(1.2, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LockInLevers(0, 0, 0, double.NaN));
        Assert.Throws<ArgumentException>(() => new SwitchingCostWeights(0, 0, 0));
        Assert.Throws<ArgumentException>(() => LockIn.SwitchingCost(new LockInLevers(0.1, 0.1, 0.1), new SwitchingCostWeights(0, 0, 1)));
    }

    [Fact]
    public void Typologies_MapToFamilies()
    {
        // Burnham, Frels & Mahajan (2003): four procedural, two financial, two relational types.
        SwitchingCostType[] types = Enum.GetValues<SwitchingCostType>();
        Assert.Equal(4, types.Count(t => SwitchingCostTypes.FamilyOf(t) == SwitchingCostFamily.Procedural));
        Assert.Equal(2, types.Count(t => SwitchingCostTypes.FamilyOf(t) == SwitchingCostFamily.Financial));
        Assert.Equal(SwitchingCostFamily.Financial, SwitchingCostTypes.FamilyOf(LockInType.LoyaltyProgrammes));
        Assert.Equal(7, Enum.GetValues<LockInType>().Length); // Shapiro & Varian (1999), Table 5.1
    }

    private static Gen<double> Unit => Gen.Choose(0, 1000).Select(i => i / 1000.0);

    private static Arbitrary<(LockInLevers Levers, SwitchingCostWeights Weights, int Lever, double Raise)> Cases =>
        (from h in Unit
         from p in Unit
         from b in Unit
         from r in Unit
         from measured in Gen.Elements(true, false)
         from w1 in Gen.Choose(0, 5)
         from w2 in Gen.Choose(0, 5)
         from w3 in Gen.Choose(0, 5)
         where measured ? w1 + w2 + w3 > 0 : w1 + w2 > 0
         from lever in Gen.Choose(0, measured ? 3 : 2)
         from raise in Unit
         select (new LockInLevers(h, p, b, measured ? r : null), new SwitchingCostWeights(w1, w2, w3), lever, raise))
        .ToArbitrary();

    [Fact]
    public void SwitchingCost_ContributionsAddUp_Meets_Specification()
    {
        Properties.ForAll(Cases, c =>
        {
            SwitchingCostIndex index = LockIn.SwitchingCost(c.Levers, c.Weights);
            double sum = index.Levers.Sum(l => l.Contribution);
            double coefficients = index.Levers.Sum(l => l.Coefficient);
            double bestHeadroom = index.Levers.Max(l => l.Headroom);
            return Math.Abs(sum - index.Value) <= 1e-12
                && Math.Abs(coefficients - 1) <= 1e-12
                && index.Value is >= 0 and <= 1
                && index.Levers[(int)index.MostHeadroom].Headroom == bestHeadroom;
        });
    }

    [Fact]
    public void SwitchingCost_MonotoneInEachLever_Meets_Specification()
    {
        Properties.ForAll(Cases, c =>
        {
            LockInLevers l = c.Levers;
            double Raised(LockInLever lever) => Math.Min(1.0, l.Of(lever) + (lever == (LockInLever)c.Lever ? c.Raise : 0.0));
            var higher = new LockInLevers(
                Raised(LockInLever.Habit),
                Raised(LockInLever.ProductPenetration),
                Raised(LockInLever.PolicyBundling),
                l.Relationship is null ? null : Raised(LockInLever.Relationship));
            return LockIn.SwitchingCost(higher, c.Weights).Value >= LockIn.SwitchingCost(l, c.Weights).Value - 1e-15;
        });
    }
}
