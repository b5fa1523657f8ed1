using CustomerRetention.Rfm;

namespace CustomerRetention.NetStandard.Tests;

/// <summary>
/// The netstandard2.0 build of Rfm has no vectorised kernels: its scalar paths (range pass, quintile
/// scoring) must agree with the hand-worked cases of tests/CustomerRetention.Rfm.Tests.
/// </summary>
public sealed class RfmScalarPathTests
{
    [Fact]
    public void Skewed_Frequencies_Collapse_Quintiles()
    {
        // Sorted 1 1 1 1 1 1 2 2 3 10: cut points 1, 1, 1.4, 2.2 (type 7, h = 9·i/5); scores 1, 4, 5.
        double[] f = [1, 2, 1, 10, 1, 3, 1, 2, 1, 1];
        double[] days = [40, 0, 20, 10, 30, 5, 5, 5, 5, 5];
        var scores = new RfmScore[10];
        RfmScoring scoring = RfmAnalysis.Score(RfmBinning.Quantile(5), days, f, f, scores);

        Assert.Equal([1, 4, 1, 5, 1, 5, 1, 4, 1, 1], scores.Select(s => s.F));
        Assert.Equal([1, 4, 5], scoring.Frequency.ScoresInUse);
        Assert.Equal(1.4, scoring.Frequency.CutPoints[2], 12);
        // Goodness (−days) sorted x0..x9 = −40 −30 −20 −10 −5 −5 −5 −5 −5 0; cut points
        // x1 + 0.8·(x2 − x1) = −22, x3 + 0.6·(x4 − x3) = −7, x5 + 0.4·0 = −5, x7 + 0.2·0 = −5:
        // 0 days → 5; 5 days (−5 > −22, −7) → 3; 10 and 20 days → 2; 30 and 40 days → 1.
        Assert.Equal([1, 5, 2, 2, 1, 3, 3, 3, 3, 3], scores.Select(s => s.R));
    }
}
