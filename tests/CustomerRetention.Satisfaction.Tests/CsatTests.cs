namespace CustomerRetention.Satisfaction.Tests;

public class CsatTests
{
    [Fact]
    public void Compute_TopTwoBox()
    {
        // Hand-worked: 5,4,3,5,2,4,1,5,4,3 → 6 of 10 answers are 4 or 5 → 60 %; mean 3.6.
        CsatResult r = Csat.Compute(RatingScale.FivePoint, [5, 4, 3, 5, 2, 4, 1, 5, 4, 3]);
        Assert.Equal(10, r.Count);
        Assert.Equal(6, r.TopBoxCount);
        Tolerance.Close(60, r.Percent, 1e-12);
        Tolerance.Close(3.6, r.Mean.Mean, 1e-12);
        Assert.Equal(3, Csat.Compute(RatingScale.FivePoint, [5, 4, 3, 5, 2, 4, 1, 5, 4, 3], topBoxes: 1).TopBoxCount);
    }

    [Theory]
    // Newcombe (1998), Statistics in Medicine 17:857–872, Table II, method 3 (Wilson score, no continuity correction).
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void WilsonInterval_MatchesNewcombe(long x, long n, double lower, double upper)
    {
        ConfidenceInterval ci = Csat.WilsonInterval(x, n);
        Tolerance.Decimals(lower, ci.Lower, 4);
        Tolerance.Decimals(upper, ci.Upper, 4);
    }

    [Fact]
    public void BadInput_NamesTheParameter()
    {
        Assert.Equal("answers", Assert.Throws<ArgumentException>(() => Csat.Compute(RatingScale.FivePoint, [])).ParamName);
        Assert.Equal("answers", Assert.Throws<ArgumentOutOfRangeException>(() => Csat.Compute(RatingScale.FivePoint, [3, 6])).ParamName);
        Assert.Equal("topBoxes", Assert.Throws<ArgumentOutOfRangeException>(() => Csat.Compute(RatingScale.FivePoint, [3], 0)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => Csat.WilsonInterval(0, 0)).ParamName);
        Assert.Equal("successes", Assert.Throws<ArgumentOutOfRangeException>(() => Csat.WilsonInterval(3, 2)).ParamName);
    }

    [Fact]
    public void TopBoxShare_AndInterval_Meet_Specification() =>
        Properties.ForAll(
            FsCheck.Fluent.Arb.ToArbitrary(FsCheck.Fluent.Gen.NonEmptyListOf(FsCheck.Fluent.Gen.Choose(1, 5))),
            answers =>
            {
                CsatResult r = Csat.Compute(RatingScale.FivePoint, answers.ToArray());
                ConfidenceInterval ci = r.TopBoxInterval();
                return r.TopBoxShare >= 0 && r.TopBoxShare <= 1 && ci.Lower >= 0 && ci.Upper <= 1 && ci.Contains(r.TopBoxShare)
                    && r.Mean.Mean >= 1 && r.Mean.Mean <= 5;
            });

    [Fact]
    public void Mean_MatchesMeanEstimate_Meets_Specification() =>
        Properties.ForAll(
            FsCheck.Fluent.Arb.ToArbitrary(FsCheck.Fluent.Gen.NonEmptyListOf(FsCheck.Fluent.Gen.Choose(0, 10))),
            answers =>
            {
                CsatResult r = Csat.Compute(RatingScale.ZeroToTen, answers.ToArray(), topBoxes: 3);
                MeanEstimate m = MeanEstimate.Of(answers.Select(a => (double)a).ToArray());
                return Math.Abs(r.Mean.Mean - m.Mean) < 1e-9 && Math.Abs(r.Mean.StandardDeviation - m.StandardDeviation) < 1e-9
                    && r.TopBoxCount == answers.Count(a => a >= 8);
            });
}
