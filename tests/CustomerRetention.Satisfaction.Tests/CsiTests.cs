using FsCheck;
using FsCheck.Fluent;

namespace CustomerRetention.Satisfaction.Tests;

public class CsiTests
{
    private static readonly SurveyItem[] Example =
    [
        new("delivery speed", 5, 4),
        new("staff courtesy", 3, 3),
        new("price", 2, 5),
    ];

    [Fact]
    public void Compute_HandWorkedExample()
    {
        // Hand-worked: weights 5/10, 3/10, 2/10; CSI = 0.5·4 + 0.3·3 + 0.2·5 = 3.9 on 1–5,
        // 100·(3.9 − 1)/4 = 72.5 on 0–100.
        CsiResult r = Csi.Compute(RatingScale.FivePoint, Example);
        Tolerance.Close(3.9, r.Index, 1e-12);
        Tolerance.Close(72.5, r.Normalized, 1e-12);
        Assert.Equal([0.5, 0.3, 0.2], r.Weights);
    }

    [Fact]
    public void FromResponses_MeanEqualsIndexOfItemMeans()
    {
        // Two respondents: (4, 3, 5) and (2, 5, 3), weights 0.5/0.3/0.2:
        // 0.5·4 + 0.3·3 + 0.2·5 = 3.9 and 0.5·2 + 0.3·5 + 0.2·3 = 3.1 → mean 3.5, s = 0.8/√2.
        SurveyResponse[] responses = [new("a", [4, 3, 5]), new("b", [2, 5, 3])];
        MeanEstimate m = Csi.FromResponses(RatingScale.FivePoint, [5, 3, 2], responses);
        Tolerance.Close(3.5, m.Mean, 1e-12);
        Tolerance.Close(0.8 / Math.Sqrt(2), m.StandardDeviation, 1e-12);
        Tolerance.Close(Csi.Index(RatingScale.FivePoint, [5, 3, 2], [3, 4, 4]), m.Mean, 1e-12);
    }

    [Fact]
    public void BadInput_NamesTheParameter()
    {
        Assert.Equal("importance", Assert.Throws<ArgumentOutOfRangeException>(() => new SurveyItem("x", -1, 3)).ParamName);
        Assert.Equal("importance", Assert.Throws<ArgumentOutOfRangeException>(() => Csi.Index(RatingScale.FivePoint, [1, -1], [3, 3])).ParamName);
        Assert.Equal("importance", Assert.Throws<ArgumentException>(() => Csi.Index(RatingScale.FivePoint, [0, 0], [3, 3])).ParamName);
        Assert.Equal("importance", Assert.Throws<ArgumentException>(() => Csi.Index(RatingScale.FivePoint, [], [])).ParamName);
        Assert.Equal("satisfaction", Assert.Throws<ArgumentOutOfRangeException>(() => Csi.Index(RatingScale.FivePoint, [1, 1], [3, 6])).ParamName);
        Assert.Equal("satisfaction", Assert.Throws<ArgumentException>(() => Csi.Index(RatingScale.FivePoint, [1, 1], [3])).ParamName);
        Assert.Equal("items", Assert.Throws<ArgumentException>(() => Csi.Compute(RatingScale.FivePoint, [])).ParamName);
        Assert.Equal("items", Assert.Throws<ArgumentOutOfRangeException>(() => Csi.Compute(RatingScale.FivePoint, [new SurveyItem("x", 1, 0)])).ParamName);
        Assert.Equal("responses", Assert.Throws<ArgumentException>(() => Csi.FromResponses(RatingScale.FivePoint, [1], [])).ParamName);
        Assert.Equal("responses", Assert.Throws<ArgumentException>(() => Csi.FromResponses(RatingScale.FivePoint, [1, 1], [new SurveyResponse("a", [3])])).ParamName);
    }

    [Fact]
    public void Index_StaysOnTheScale_Meets_Specification() =>
        Properties.ForAll(Generators.Items, t =>
        {
            double csi = Csi.Index(RatingScale.FivePoint, t.Importance, t.Satisfaction);
            double min = t.Satisfaction.Where((_, i) => t.Importance[i] > 0).Min();
            double max = t.Satisfaction.Where((_, i) => t.Importance[i] > 0).Max();
            return csi >= 1 && csi <= 5 && csi >= min - 1e-12 && csi <= max + 1e-12;
        });

    [Fact]
    public void Weights_Normalise_Meets_Specification() =>
        Properties.ForAll(Generators.Items, t =>
        {
            var w = new double[t.Importance.Length];
            Csi.NormalizeWeights(t.Importance, w);
            return Math.Abs(w.Sum() - 1) < 1e-12 && w.All(x => x >= 0);
        });

    [Fact]
    public void Index_RisesWithSatisfaction_Meets_Specification() =>
        Properties.ForAll(Generators.Items, t =>
        {
            double before = Csi.Index(RatingScale.FivePoint, t.Importance, t.Satisfaction);
            double[] better = t.Satisfaction.Select(s => Math.Min(5, s + 0.5)).ToArray();
            return Csi.Index(RatingScale.FivePoint, t.Importance, better) >= before - 1e-12;
        });

    [Fact]
    public void Index_IsScaleInvariantInImportance_Meets_Specification() =>
        Properties.ForAll(Generators.Items, t =>
        {
            double a = Csi.Index(RatingScale.FivePoint, t.Importance, t.Satisfaction);
            double b = Csi.Index(RatingScale.FivePoint, t.Importance.Select(x => x * 7.5).ToArray(), t.Satisfaction);
            return Math.Abs(a - b) < 1e-12;
        });
}
