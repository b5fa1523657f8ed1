namespace CustomerRetention.Rfm.Tests;

/// <summary>Hand-worked quantile cases; the arithmetic is in the comments (Hyndman &amp; Fan 1996, type 7).</summary>
public sealed class QuantileBinningTests
{
    private static RfmScoring ScoreFrequency(double[] frequency, int bins, out RfmScore[] scores)
    {
        var zeros = new double[frequency.Length];
        scores = new RfmScore[frequency.Length];
        return RfmAnalysis.Score(RfmBinning.Quantile(bins), zeros, frequency, zeros, scores);
    }

    [Fact]
    public void One_To_Ten_In_Quintiles()
    {
        // n = 10, h = (n − 1)·i/5 = 1.8, 3.6, 5.4, 7.2 (0-based order statistics x0..x9 = 1..10):
        // q1 = x1 + 0.8·(x2 − x1) = 2 + 0.8 = 2.8; q2 = 4 + 0.6 = 4.6; q3 = 6 + 0.4 = 6.4; q4 = 8 + 0.2 = 8.2.
        double[] f = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        RfmScoring scoring = ScoreFrequency(f, 5, out RfmScore[] scores);

        Tolerance.Close(2.8, scoring.Frequency.CutPoints[0]);
        Tolerance.Close(4.6, scoring.Frequency.CutPoints[1]);
        Tolerance.Close(6.4, scoring.Frequency.CutPoints[2]);
        Tolerance.Close(8.2, scoring.Frequency.CutPoints[3]);
        // Score = 1 + cut points strictly below: 1, 2 → 1; 3, 4 → 2; 5, 6 → 3; 7, 8 → 4; 9, 10 → 5.
        Assert.Equal([1, 1, 2, 2, 3, 3, 4, 4, 5, 5], scores.Select(s => s.F));
        Assert.Equal([1, 2, 3, 4, 5], scoring.Frequency.ScoresInUse);
        Assert.Equal([2, 2, 2, 2, 2], scoring.Frequency.Counts);
    }

    [Fact]
    public void Skewed_Frequencies_Collapse_Quintiles_Without_Crashing()
    {
        // Sorted: 1 1 1 1 1 1 2 2 3 10 (six one-time buyers). h = 9·i/5 = 1.8, 3.6, 5.4, 7.2:
        // q1 = x1 + 0.8·(x2 − x1) = 1 + 0 = 1; q2 = x3 + 0.6·0 = 1; q3 = x5 + 0.4·(x6 − x5) = 1 + 0.4 = 1.4;
        // q4 = x7 + 0.2·(x8 − x7) = 2 + 0.2 = 2.2.
        double[] f = [1, 2, 1, 10, 1, 3, 1, 2, 1, 1];
        RfmScoring scoring = ScoreFrequency(f, 5, out RfmScore[] scores);

        Assert.Equal(1.0, scoring.Frequency.CutPoints[0]);
        Assert.Equal(1.0, scoring.Frequency.CutPoints[1]);
        Tolerance.Close(1.4, scoring.Frequency.CutPoints[2]);
        Tolerance.Close(2.2, scoring.Frequency.CutPoints[3]);
        // 1: no cut point strictly below → 1. 2: 1, 1, 1.4 below → 4. 3 and 10: all four below → 5.
        Assert.Equal([1, 4, 1, 5, 1, 5, 1, 4, 1, 1], scores.Select(s => s.F));
        // Scores 2 and 3 do not occur: the result says so.
        Assert.Equal([1, 4, 5], scoring.Frequency.ScoresInUse);
        Assert.Equal([6, 0, 0, 2, 2], scoring.Frequency.Counts);
    }

    [Fact]
    public void Value_Equal_To_A_Cut_Point_Gets_The_Lower_Score()
    {
        // 1..5 in two bins: h = 4·1/2 = 2 exactly, so the cut point is x2 = 3 itself.
        // 3 is not strictly above 3 → score 1; 4 and 5 → 2.
        RfmScoring scoring = ScoreFrequency([1, 2, 3, 4, 5], 2, out RfmScore[] scores);

        Assert.Equal(3.0, scoring.Frequency.CutPoints[0]);
        Assert.Equal([1, 1, 1, 2, 2], scores.Select(s => s.F));
    }

    [Fact]
    public void Recency_Is_Scored_On_Its_Goodness_With_Cut_Points_In_Days()
    {
        // Days 0, 10, 20, 30, 40 → goodness −40, −30, −20, −10, 0 (sorted). h = 4·i/5 = 0.8, 1.6, 2.4, 3.2:
        // q1 = −40 + 0.8·10 = −32; q2 = −30 + 0.6·10 = −24; q3 = −20 + 0.4·10 = −16; q4 = −10 + 0.2·10 = −8.
        // In days, ascending: 8, 16, 24, 32.
        double[] days = [40, 0, 20, 10, 30];
        var zeros = new double[5];
        var scores = new RfmScore[5];
        RfmScoring scoring = RfmAnalysis.Score(RfmBinning.Quantile(5), days, zeros, zeros, scores);

        Tolerance.Close(8, scoring.Recency.CutPoints[0]);
        Tolerance.Close(16, scoring.Recency.CutPoints[1]);
        Tolerance.Close(24, scoring.Recency.CutPoints[2]);
        Tolerance.Close(32, scoring.Recency.CutPoints[3]);
        // 0 days: goodness 0 above all four → R 5; 10 → −10 above −32, −24, −16 → 4; 20 → 3; 30 → 2; 40 → 1.
        Assert.Equal([1, 5, 3, 4, 2], scores.Select(s => s.R));
    }

    [Fact]
    public void Recency_Equal_To_A_Cut_Point_Gets_The_Worse_Score()
    {
        // Days 10, 10, 20, 30, 30 → goodness sorted −30, −30, −20, −10, −10; two bins: h = 4·1/2 = 2 → q = −20 (20 days).
        // 20 days: −20 is not strictly above −20 → R 1 (R's rfm package would give it the better score, 2).
        double[] days = [10, 10, 20, 30, 30];
        var zeros = new double[5];
        var scores = new RfmScore[5];
        RfmScoring scoring = RfmAnalysis.Score(RfmBinning.Quantile(2), days, zeros, zeros, scores);

        Assert.Equal(20.0, scoring.Recency.CutPoints[0]);
        Assert.Equal([2, 2, 1, 1, 1], scores.Select(s => s.R));
    }

    [Fact]
    public void Zero_Days_Cut_Point_Is_Printed_As_Zero_Not_Minus_Zero()
    {
        // Days all 0 → goodness −0 everywhere; every cut point is 0 days, never −0.
        var zeros = new double[4];
        var scores = new RfmScore[4];
        RfmScoring scoring = RfmAnalysis.Score(RfmBinning.Quantile(3), zeros, zeros, zeros, scores);

        Assert.All(scoring.Recency.CutPoints, c => Assert.False(double.IsNegative(c)));
        Assert.All(scores, s => Assert.Equal(1, s.R));
        Assert.Equal([1], scoring.Recency.ScoresInUse);
    }

    [Fact]
    public void Single_Customer_Gets_The_Lowest_Scores_And_No_Customer_Gives_No_Cut_Points()
    {
        // n = 1: every cut point is the one value; it is not strictly above itself → 1.
        RfmScoring one = ScoreFrequency([7], 5, out RfmScore[] scores);
        Assert.Equal([7.0, 7.0, 7.0, 7.0], one.Frequency.CutPoints);
        Assert.Equal(1, scores[0].F);

        RfmScoring none = ScoreFrequency([], 5, out _);
        Assert.Empty(none.Frequency.CutPoints);
        Assert.Empty(none.Frequency.ScoresInUse);
        Assert.Equal(0, none.Customers);
    }

    [Fact]
    public void Non_Finite_Values_Are_Rejected_Naming_The_Column()
    {
        double[] ok = [1, 2];
        var scores = new RfmScore[2];
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RfmAnalysis.Score(RfmBinning.Quantile(), ok, ok, [1, double.NaN], scores));
        Assert.Equal("monetary", e.ParamName);
    }

    [Fact]
    public void Mismatched_Lengths_Are_Rejected()
    {
        double[] two = [1, 2];
        Assert.Throws<ArgumentException>(() => RfmAnalysis.Score(RfmBinning.Quantile(), two, two, [1.0], new RfmScore[2]));
        Assert.Throws<ArgumentException>(() => RfmAnalysis.Score(RfmBinning.Quantile(), two, two, two, new RfmScore[3]));
    }

    [Fact]
    public void Bins_Outside_Two_To_Ten_Are_Rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RfmBinning.Quantile(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => RfmBinning.Quantile(11));
        Assert.Throws<ArgumentOutOfRangeException>(() => RfmBinning.Ntile(1));
    }

    [Fact]
    public void Cut_Points_Score_New_Values_Like_The_Sample()
    {
        // Cut points 2.8, 4.6, 6.4, 8.2 (first case): a new customer with 5 transactions → 1 + 2 = 3; 8.2 itself → 4.
        RfmScoring scoring = ScoreFrequency([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5, out _);
        Assert.Equal(3, scoring.Frequency.Score(5));
        Assert.Equal(4, scoring.Frequency.Score(8.2));
        Assert.Equal(1, scoring.Frequency.Score(-3));
    }
}
