namespace CustomerRetention.Satisfaction.Tests;

public class MeanEstimateTests
{
    [Fact]
    public void Of_ComputesMeanAndSampleSd()
    {
        // Hand-worked: 2, 4, 4, 4, 5, 5, 7, 9 → mean 5, Σ(x − 5)² = 32, s = √(32/7).
        MeanEstimate m = MeanEstimate.Of([2, 4, 4, 4, 5, 5, 7, 9]);
        Assert.Equal(8, m.Count);
        Tolerance.Close(5, m.Mean);
        Tolerance.Close(Math.Sqrt(32.0 / 7), m.StandardDeviation);
        Tolerance.Close(Math.Sqrt(32.0 / 7) / Math.Sqrt(8), m.StandardError);
    }

    [Fact]
    public void Interval_IsStudentT()
    {
        // n = 10, mean 4, s = 1: half-width t(0.975, 9)·1/√10 = 2.262157·0.316228 = 0.715357 (t from A&S Table 26.10).
        var m = new MeanEstimate(10, 4, 1);
        ConfidenceInterval ci = m.Interval();
        Tolerance.Decimals(4 - 0.715357, ci.Lower, 5);
        Tolerance.Decimals(4 + 0.715357, ci.Upper, 5);
        Assert.Equal(0.95, ci.Level);
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => MeanEstimate.Of([])).ParamName);
        Assert.Throws<InvalidOperationException>(() => new MeanEstimate(1, 3, 0).Interval());
        Assert.Equal("level", Assert.Throws<ArgumentOutOfRangeException>(() => new MeanEstimate(5, 3, 1).Interval(1.0)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => new MeanEstimate(0, 3, 1)).ParamName);
    }
}
