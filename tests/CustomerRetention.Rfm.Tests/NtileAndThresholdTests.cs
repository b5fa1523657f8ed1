namespace CustomerRetention.Rfm.Tests;

/// <summary>Hand-worked ntile and threshold cases.</summary>
public sealed class NtileAndThresholdTests
{
    [Fact]
    public void Ntile_Deals_Larger_Bins_First_Like_Sql_Ntile()
    {
        // 7 customers in 3 bins: 7 = 3·2 + 1 → sizes 3, 2, 2 (SQL NTILE gives the first 7 mod 3 = 1 bin one more).
        double[] m = [70, 10, 30, 20, 60, 40, 50];
        var zeros = new double[7];
        var scores = new RfmScore[7];
        RfmScoring scoring = RfmAnalysis.Score(RfmBinning.Ntile(3), zeros, zeros, m, scores);

        // Sorted 10 20 30 | 40 50 | 60 70.
        Assert.Equal([3, 1, 1, 1, 3, 2, 2], scores.Select(s => s.M));
        Assert.Equal([3, 2, 2], scoring.Monetary.Counts);
        // Cut points: the largest value of bins 1 and 2.
        Assert.Equal([30.0, 50.0], scoring.Monetary.CutPoints);
    }

    [Fact]
    public void Ntile_Splits_Ties_By_Position()
    {
        // Five equal values in 2 bins: sizes 3, 2, by position → 1 1 1 2 2 (quantile would give all five score 1).
        double[] f = [4, 4, 4, 4, 4];
        var zeros = new double[5];
        var scores = new RfmScore[5];
        RfmAnalysis.Score(RfmBinning.Ntile(2), zeros, f, zeros, scores);

        Assert.Equal([1, 1, 1, 2, 2], scores.Select(s => s.F));
    }

    [Fact]
    public void Ntile_Breaks_Ties_By_Customer_Id_In_The_List_Overload()
    {
        // Equal values: ordered by id "a" < "b" < "c" < "d" whatever the list order; 2 bins of 2.
        var values = new RfmValues(5, 2, 10m);
        CustomerValues[] customers = [new("d", values), new("b", values), new("a", values), new("c", values)];
        RfmResult result = RfmAnalysis.Score(customers, RfmBinning.Ntile(2));

        Assert.Equal([2, 1, 1, 2], result.Customers.Select(c => c.Score.M));
        Assert.Equal(["d", "b", "a", "c"], result.Customers.Select(c => c.CustomerId));
    }

    [Fact]
    public void Ntile_With_Fewer_Customers_Than_Bins_Uses_The_First_Scores()
    {
        // 2 customers, 5 bins: sizes 1, 1, 0, 0, 0.
        var zeros = new double[2];
        var scores = new RfmScore[2];
        RfmScoring scoring = RfmAnalysis.Score(RfmBinning.Ntile(5), zeros, zeros, [2.0, 1.0], scores);

        Assert.Equal([2, 1], scores.Select(s => s.M));
        Assert.Equal([1, 2], scoring.Monetary.ScoresInUse);
        Assert.Equal(4, scoring.Monetary.CutPoints.Count);
    }

    [Fact]
    public void Recency_Thresholds_In_Days()
    {
        // Cut points 30, 90, 180, 365 days; equal to a cut point → the worse score:
        // 0 → 5; 29 → 5; 30 → 4; 89 → 4; 90 → 3; 180 → 2; 364 → 2; 365 → 1; 1000 → 1.
        RfmBinning binning = RfmBinning.Thresholds([30, 90, 180, 365], [1, 2, 5, 10], [50, 100, 500, 1000]);
        double[] days = [0, 29, 30, 89, 90, 180, 364, 365, 1000];
        var zeros = new double[days.Length];
        var scores = new RfmScore[days.Length];
        RfmScoring scoring = RfmAnalysis.Score(binning, days, zeros, zeros, scores);

        Assert.Equal(5, binning.Bins);
        Assert.Equal([5, 5, 4, 4, 3, 2, 2, 1, 1], scores.Select(s => s.R));
        Assert.Equal([30.0, 90, 180, 365], scoring.Recency.CutPoints);
    }

    [Fact]
    public void Frequency_And_Monetary_Thresholds()
    {
        // Frequency cut points 1, 2, 5, 10: 1 → 1 (equal); 2 → 2; 3 → 3; 10 → 4; 11 → 5.
        // Monetary cut points 50, 100, 500, 1000: 49.99 → 1; 100 → 2; 100.01 → 3; 5000 → 5; −20 (refunds) → 1.
        RfmBinning binning = RfmBinning.Thresholds([30, 90, 180, 365], [1, 2, 5, 10], [50, 100, 500, 1000]);
        double[] f = [1, 2, 3, 10, 11];
        double[] m = [49.99, 100, 100.01, 5000, -20];
        var zeros = new double[5];
        var scores = new RfmScore[5];
        RfmAnalysis.Score(binning, zeros, f, m, scores);

        Assert.Equal([1, 2, 3, 4, 5], scores.Select(s => s.F));
        Assert.Equal([1, 2, 3, 5, 1], scores.Select(s => s.M));
    }

    [Fact]
    public void Thresholds_Are_Validated()
    {
        Assert.Throws<ArgumentException>(() => RfmBinning.Thresholds([90, 30], [1, 2], [1, 2]));
        Assert.Throws<ArgumentException>(() => RfmBinning.Thresholds([30, 30], [1, 2], [1, 2]));
        Assert.Throws<ArgumentException>(() => RfmBinning.Thresholds([30, 90], [1], [1, 2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => RfmBinning.Thresholds([30, double.NaN], [1, 2], [1, 2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => RfmBinning.Thresholds([], [], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => RfmBinning.Thresholds(
            [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    }
}
