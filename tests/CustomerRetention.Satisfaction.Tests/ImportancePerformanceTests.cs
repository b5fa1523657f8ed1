using FsCheck;
using FsCheck.Fluent;

namespace CustomerRetention.Satisfaction.Tests;

public class ImportancePerformanceTests
{
    [Fact]
    public void Analyze_AtTheMeans()
    {
        // Hand-worked: importance 4.5, 4.0, 2.0, 2.5 (mean 3.25); performance 2.5, 4.5, 2.0, 4.0 (mean 3.25).
        SurveyItem[] items =
        [
            new("waiting time", 4.5, 2.5),
            new("reliability", 4.0, 4.5),
            new("parking", 2.0, 2.0),
            new("decor", 2.5, 4.0),
        ];
        ImportancePerformanceResult r = ImportancePerformance.Analyze(RatingScale.FivePoint, items);
        Assert.Equal(3.25, r.ImportanceCross);
        Assert.Equal(3.25, r.PerformanceCross);
        // Martilla & James (1977), Figure 1: A concentrate here, B keep up the good work, C low priority, D possible overkill.
        Assert.Equal(
            [IpaQuadrant.ConcentrateHere, IpaQuadrant.KeepUpTheGoodWork, IpaQuadrant.LowPriority, IpaQuadrant.PossibleOverkill],
            r.Items.Select(i => i.Quadrant).ToArray());
    }

    [Fact]
    public void Analyze_AtTheScaleMidpoint()
    {
        SurveyItem[] items = [new("a", 3.5, 3.5), new("b", 4.0, 5.0)];
        ImportancePerformanceResult r = ImportancePerformance.Analyze(RatingScale.FivePoint, items, IpaCrosshair.ScaleMidpoint);
        Assert.Equal(3, r.ImportanceCross);
        Assert.All(r.Items, i => Assert.Equal(IpaQuadrant.KeepUpTheGoodWork, i.Quadrant));
        Assert.Equal("items", Assert.Throws<ArgumentOutOfRangeException>(() => ImportancePerformance.Analyze(RatingScale.FivePoint, [new SurveyItem("a", 40, 3)], IpaCrosshair.ScaleMidpoint)).ParamName);
        Assert.Equal("items", Assert.Throws<ArgumentException>(() => ImportancePerformance.Analyze(RatingScale.FivePoint, [])).ParamName);
    }

    [Fact]
    public void Quadrant_IsMonotone_Meets_Specification() =>
        Properties.ForAll(
            Gen.Zip(Gen.Zip(Generators.Between(1, 5), Generators.Between(1, 5)), Generators.Between(0, 2)).ToArbitrary(),
            t =>
            {
                (double i, double p) = t.Item1;
                IpaQuadrant q = ImportancePerformance.Quadrant(i, p, 3, 3);
                IpaQuadrant morePerformance = ImportancePerformance.Quadrant(i, p + t.Item2, 3, 3);
                bool high(IpaQuadrant x) => x is IpaQuadrant.KeepUpTheGoodWork or IpaQuadrant.PossibleOverkill;
                bool important(IpaQuadrant x) => x is IpaQuadrant.KeepUpTheGoodWork or IpaQuadrant.ConcentrateHere;
                return (!high(q) || high(morePerformance)) && important(q) == important(morePerformance)
                    && important(q) == (i >= 3) && high(q) == (p >= 3);
            });
}
