using FsCheck;
using FsCheck.Fluent;

namespace CustomerRetention.Satisfaction.Tests;

public class AcsiTests
{
    [Fact]
    public void Score_Unweighted_IsTheReferenceFormula()
    {
        // reference-values.md (Fornell et al. 1996): unweighted ACSI = (S + E + P − 3)/27·100;
        // S = 8, E = 7, P = 6 → 18/27·100 = 66.67.
        Tolerance.Close(1800.0 / 27, Acsi.Score(8, 7, 6), 1e-12);
        Tolerance.Decimals(66.67, Acsi.Score(8, 7, 6), 2);
        Assert.Equal(0, Acsi.Score(1, 1, 1));
        Assert.Equal(100, Acsi.Score(10, 10, 10));
    }

    [Fact]
    public void Score_Weighted_IsTheReferenceFormula()
    {
        // reference-values.md: ACSI = Σ wⱼ·(meanⱼ − 1)/9·100; w = (0.5, 0.25, 0.25), means 8, 7, 6:
        // (0.5·7 + 0.25·6 + 0.25·5)/9·100 = 6.25/9·100 = 69.44.
        Tolerance.Close(625.0 / 9, Acsi.Score(8, 7, 6, new AcsiWeights(2, 1, 1)), 1e-12);
    }

    [Fact]
    public void DefaultWeights_AreEqual()
    {
        Assert.Equal(AcsiWeights.Equal, default);
        Tolerance.Close(1.0 / 3, default(AcsiWeights).Ideal);
    }

    [Fact]
    public void FromResponses_MeanEqualsScoreOfMeans()
    {
        MeanEstimate m = Acsi.FromResponses([8, 10, 6], [7, 9, 5], [6, 8, 7], AcsiWeights.Equal);
        Tolerance.Close(Acsi.Score(8, 7, 7), m.Mean, 1e-12);
        Assert.Equal(3, m.Count);
    }

    [Fact]
    public void BadInput_NamesTheParameter()
    {
        Assert.Equal("overall", Assert.Throws<ArgumentOutOfRangeException>(() => Acsi.Score(0, 5, 5)).ParamName);
        Assert.Equal("ideal", Assert.Throws<ArgumentOutOfRangeException>(() => Acsi.Score(5, 5, 11)).ParamName);
        Assert.Equal("expectations", Assert.Throws<ArgumentOutOfRangeException>(() => new AcsiWeights(1, -1, 1)).ParamName);
        Assert.Throws<ArgumentException>(() => new AcsiWeights(0, 0, 0));
        Assert.Equal("overall", Assert.Throws<ArgumentException>(() => Acsi.FromResponses([], [], [], AcsiWeights.Equal)).ParamName);
    }

    [Fact]
    public void Score_IsWithin0And100_Meets_Specification() =>
        Properties.ForAll(
            Gen.Zip(Gen.Zip(Generators.Between(1, 10), Generators.Between(1, 10)), Gen.Zip(Generators.Between(1, 10), Generators.Between(0.01, 5))).ToArbitrary(),
            t =>
            {
                double s = Acsi.Score(t.Item1.Item1, t.Item1.Item2, t.Item2.Item1, new AcsiWeights(t.Item2.Item2, 1, 2));
                double higher = Acsi.Score(Math.Min(10, t.Item1.Item1 + 1), t.Item1.Item2, t.Item2.Item1, new AcsiWeights(t.Item2.Item2, 1, 2));
                return s >= 0 && s <= 100 && higher >= s;
            });
}
