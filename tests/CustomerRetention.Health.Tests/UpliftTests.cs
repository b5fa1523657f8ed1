namespace CustomerRetention.Health.Tests;

/// <summary>The uplift and Newcombe's hybrid score interval.</summary>
public sealed class UpliftTests
{
    /// <summary>
    /// Reference values: Newcombe RG (1998), "Interval estimation for the difference between independent proportions:
    /// comparison of eleven methods", Statistics in Medicine 17:873–890, Table II, method 10 (score, no continuity
    /// correction), 95 %, to the 4 decimals published.
    /// </summary>
    [Theory]
    [InlineData(56, 70, 48, 80, 0.0524, 0.3339)]
    [InlineData(9, 10, 3, 10, 0.1705, 0.8090)]
    [InlineData(6, 7, 2, 7, 0.0582, 0.8062)]
    [InlineData(5, 56, 0, 29, -0.0381, 0.1926)]
    [InlineData(0, 10, 0, 20, -0.1611, 0.2775)]
    [InlineData(10, 10, 0, 20, 0.6791, 1.0000)]
    public void Newcombe_MatchesPublishedTable(int x1, int n1, int x2, int n2, double lower, double upper)
    {
        UpliftEstimate e = UpliftEstimate.FromCounts(x1, n1, x2, n2);

        Assert.Equal(lower, e.Lower, 4);
        Assert.Equal(upper, e.Upper, 4);
        Assert.Equal(((double)x1 / n1) - ((double)x2 / n2), e.Uplift, 12);
    }

    [Fact]
    public void SimulatedCases_WithAKnownEffect_AreCoveredAtTheNominalRate()
    {
        // Simulation: hold-out customers stay with p = 0.40, treated ones with p = 0.55 (true uplift 0.15), 200 cases per
        // group per trial, 2,000 trials. The 95 % interval must cover 0.15 in about 95 % of trials: with 2,000 trials
        // the binomial standard error is 0.49 points, so [93.5 %, 96.5 %] is a ±3 SE band. The mean estimate must be
        // unbiased within 0.005 (its SE is about 0.05 / √2000 = 0.0011).
        const double pHoldOut = 0.40;
        const double pTreated = 0.55;
        const int perGroup = 200;
        const int trials = 2000;
        var random = new Random(20261208);
        int covered = 0;
        double sum = 0;
        for (int t = 0; t < trials; t++)
        {
            var cases = new List<RetentionCase>(2 * perGroup);
            var day = new NodaTime.LocalDate(2026, 1, 1);
            for (int i = 0; i < perGroup; i++)
            {
                cases.Add(Close(RetentionCase.Open("T" + i, day, "w", 100m).Record(new Intervention(day, "call")), random.NextDouble() < pTreated));
                cases.Add(Close(RetentionCase.Open("H" + i, day, "w", 100m, CaseGroup.HoldOut), random.NextDouble() < pHoldOut));
            }

            UpliftEstimate e = CaseAnalysis.Analyze(cases).Uplift!;
            covered += e.Lower <= 0.15 && 0.15 <= e.Upper ? 1 : 0;
            sum += e.Uplift;
        }

        Assert.InRange((double)covered / trials, 0.935, 0.965);
        Assert.InRange(sum / trials, 0.145, 0.155);

        static RetentionCase Close(RetentionCase c, bool saved) =>
            saved ? c.CloseSaved(c.OpenedOn.PlusDays(7), "stayed", 100m) : c.CloseLost(c.OpenedOn.PlusDays(7), "left");
    }

    [Fact]
    public void SimulatedCases_WithNoEffect_IntervalHoldsZero_AndWithALargeEffect_ExcludesIt()
    {
        var none = UpliftEstimate.FromCounts(80, 200, 79, 200);
        var large = UpliftEstimate.FromCounts(150, 200, 80, 200);

        Assert.True(none.Lower < 0 && none.Upper > 0);
        Assert.True(large.Lower > 0);
    }

    /// <summary>
    /// Reference values: Newcombe RG (1998), "Two-sided confidence intervals for the single proportion: comparison of
    /// seven methods", Statistics in Medicine 17:857–872, Table I, method 3 (Wilson score, no continuity correction), 95 %.
    /// </summary>
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0000, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    [InlineData(29, 29, 0.8830, 1.0000)]
    public void Wilson_MatchesPublishedTable(int x, int n, double lower, double upper)
    {
        (double l, double u) = UpliftEstimate.Wilson(x, n);

        Assert.Equal(lower, l, 4);
        Assert.Equal(upper, u, 4);
    }

    [Fact]
    public void FromCounts_RejectsBadCounts()
    {
        Assert.Equal("treated", Assert.Throws<ArgumentOutOfRangeException>(() => UpliftEstimate.FromCounts(0, 0, 1, 2)).ParamName);
        Assert.Equal("treatedSaved", Assert.Throws<ArgumentOutOfRangeException>(() => UpliftEstimate.FromCounts(3, 2, 1, 2)).ParamName);
        Assert.Equal("z", Assert.Throws<ArgumentOutOfRangeException>(() => UpliftEstimate.FromCounts(1, 2, 1, 2, 0)).ParamName);
    }
}
