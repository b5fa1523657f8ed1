using FsCheck;
using FsCheck.Fluent;

namespace CustomerRetention.Satisfaction.Tests;

public class NpsTests
{
    [Theory]
    [InlineData(0, NpsCategory.Detractor)]
    [InlineData(6, NpsCategory.Detractor)]
    [InlineData(7, NpsCategory.Passive)]
    [InlineData(8, NpsCategory.Passive)]
    [InlineData(9, NpsCategory.Promoter)]
    [InlineData(10, NpsCategory.Promoter)]
    public void Categorize_FollowsReichheld(int answer, NpsCategory expected) =>
        Assert.Equal(expected, Nps.Categorize(answer)); // Reichheld (2003): 9–10 promoters, 7–8 passives, 0–6 detractors

    [Fact]
    public void FromCounts_VarianceAndMargin_FollowTheReferenceFormula()
    {
        // reference-values.md: NPS = 100·(p − d); Var = 100²·(p + d − (p − d)²)/n; margin 1.96·√Var.
        // 50 promoters, 30 passives, 20 detractors: NPS = 30, Var = 10⁴·(0.7 − 0.09)/100 = 61,
        // margin = 1.96·√61 = 15.31.
        NpsResult r = Nps.FromCounts(50, 30, 20);
        Tolerance.Close(30, r.Score, 1e-12);
        Tolerance.Close(61, r.Variance, 1e-12);
        Tolerance.Decimals(15.31, r.MarginOfError(), 2);
        Tolerance.Close(1.959963984540054 * Math.Sqrt(61), r.MarginOfError(), 1e-12);
        ConfidenceInterval ci = r.Interval();
        Tolerance.Decimals(14.69, ci.Lower, 2);
        Tolerance.Decimals(45.31, ci.Upper, 2);
    }

    [Theory]
    // docs/satisfaction.md, "How many answers": p = 0.5, d = 0.2 → Var·n = 10⁴·0.61 = 6,100; margin 1.96·√(6100/n).
    [InlineData(100, 15.3)]
    [InlineData(400, 7.7)]
    [InlineData(1000, 4.8)]
    [InlineData(2500, 3.1)]
    public void MarginOfError_ShrinksWithTheSquareRootOfN(int n, double margin) =>
        Tolerance.Decimals(margin, Nps.FromCounts(n / 2, 3 * n / 10, n / 5).MarginOfError(), 1);

    [Fact]
    public void Compute_CountsTheAnswers()
    {
        NpsResult r = Nps.Compute([10, 9, 8, 7, 6, 0, 10, 3]);
        Assert.Equal(3, r.Promoters);
        Assert.Equal(2, r.Passives);
        Assert.Equal(3, r.Detractors);
        Assert.Equal(0, r.Score);
    }

    [Fact]
    public void Compare_TwoSamples()
    {
        // Hand-worked: A = (50, 30, 20): NPS 30, Var 61; B = (30, 30, 40): NPS −10, Var 10⁴·(0.7 − 0.01)/100 = 69.
        // z = 40/√130 = 3.5082, two-sided p = 2·Φ(−3.5082) ≈ 4.5e-4 (Φ(−3.5) = 2.326e-4, A&S Table 26.1).
        NpsComparison c = Nps.Compare(Nps.FromCounts(50, 30, 20), Nps.FromCounts(30, 30, 40));
        Tolerance.Close(40, c.Difference, 1e-12);
        Tolerance.Close(Math.Sqrt(130), c.StandardError, 1e-12);
        Tolerance.Decimals(3.5082, c.Z, 4);
        Tolerance.Significant(4.5e-4, c.PValue, 2);
        Assert.True(c.IsSignificant);

        // 52/30/18 vs 50/30/20 on 100 each: a 4-point change is noise.
        NpsComparison small = Nps.Compare(Nps.FromCounts(52, 30, 18), Nps.FromCounts(50, 30, 20));
        Assert.False(small.IsSignificant);
        Assert.True(small.Interval.Contains(0));
    }

    [Fact]
    public void Compare_UnanimousSamples_DoNotReturnNaN()
    {
        NpsComparison same = Nps.Compare(Nps.FromCounts(10, 0, 0), Nps.FromCounts(5, 0, 0));
        Assert.Equal(0, same.Z);
        Assert.Equal(1, same.PValue);
        NpsComparison apart = Nps.Compare(Nps.FromCounts(10, 0, 0), Nps.FromCounts(0, 0, 5));
        Assert.Equal(0, apart.PValue);
        Assert.True(apart.IsSignificant);
    }

    [Fact]
    public void BadInput_NamesTheParameter()
    {
        Assert.Equal("answers", Assert.Throws<ArgumentException>(() => Nps.Compute([])).ParamName);
        Assert.Equal("answers", Assert.Throws<ArgumentOutOfRangeException>(() => Nps.Compute([3, 11])).ParamName);
        Assert.Equal("answers", Assert.Throws<ArgumentOutOfRangeException>(() => Nps.Compute([-1])).ParamName);
        Assert.Equal("answer", Assert.Throws<ArgumentOutOfRangeException>(() => Nps.Categorize(11)).ParamName);
        Assert.Equal("passives", Assert.Throws<ArgumentOutOfRangeException>(() => Nps.FromCounts(1, -1, 0)).ParamName);
        Assert.Equal("detractors", Assert.Throws<ArgumentException>(() => Nps.FromCounts(0, 0, 0)).ParamName);
        Assert.Equal("first", Assert.Throws<ArgumentException>(() => Nps.Compare(default, Nps.FromCounts(1, 0, 0))).ParamName);
        Assert.Equal("level", Assert.Throws<ArgumentOutOfRangeException>(() => Nps.FromCounts(1, 0, 0).MarginOfError(0)).ParamName);
    }

    [Fact]
    public void Score_IsWithinBounds_Meets_Specification() =>
        Properties.ForAll(Generators.NpsAnswers, answers =>
        {
            NpsResult r = Nps.Compute(answers);
            ConfidenceInterval ci = r.Interval();
            return r.Score >= -100 && r.Score <= 100
                && r.Variance >= 0
                && r.Promoters + r.Passives + r.Detractors == answers.Length
                && ci.Lower >= -100 && ci.Upper <= 100 && ci.Contains(r.Score)
                && Math.Abs(r.PromoterShare + r.PassiveShare + r.DetractorShare - 1) < 1e-12;
        });

    [Fact]
    public void Score_RisesWhenAnAnswerRises_Meets_Specification() =>
        Properties.ForAll(Generators.NpsAnswers, answers =>
        {
            double before = Nps.Compute(answers).Score;
            int[] raised = (int[])answers.Clone();
            raised[0] = Math.Min(10, raised[0] + 1);
            return Nps.Compute(raised).Score >= before;
        });

    [Fact]
    public void Variance_MatchesTheSampleVarianceOfScores_Meets_Specification() =>
        // Each answer scored +100 / 0 / −100: the NPS is their mean and Var(NPS) their population variance / n.
        Properties.ForAll(Generators.NpsAnswers, answers =>
        {
            double[] scores = answers.Select(a => a >= 9 ? 100.0 : (a >= 7 ? 0.0 : -100.0)).ToArray();
            double mean = scores.Average();
            double populationVariance = scores.Select(s => (s - mean) * (s - mean)).Average();
            NpsResult r = Nps.Compute(answers);
            return Math.Abs(r.Score - mean) < 1e-9 && Math.Abs(r.Variance - (populationVariance / answers.Length)) < 1e-7;
        });
}
