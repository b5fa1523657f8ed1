using FsCheck;
using FsCheck.Fluent;

namespace CustomerRetention.Satisfaction.Tests;

public class KanoTests
{
    [Theory]
    // The standard Kano evaluation table (Berger et al. 1993, Table 1; Matzler & Hinterhuber 1998, Table 1).
    [InlineData(KanoAnswer.Like, KanoAnswer.Dislike, KanoCategory.OneDimensional)]
    [InlineData(KanoAnswer.Like, KanoAnswer.Neutral, KanoCategory.Attractive)]
    [InlineData(KanoAnswer.Like, KanoAnswer.MustBe, KanoCategory.Attractive)]
    [InlineData(KanoAnswer.Like, KanoAnswer.LiveWith, KanoCategory.Attractive)]
    [InlineData(KanoAnswer.Neutral, KanoAnswer.Dislike, KanoCategory.MustBe)]
    [InlineData(KanoAnswer.MustBe, KanoAnswer.Dislike, KanoCategory.MustBe)]
    [InlineData(KanoAnswer.LiveWith, KanoAnswer.Dislike, KanoCategory.MustBe)]
    [InlineData(KanoAnswer.Neutral, KanoAnswer.Neutral, KanoCategory.Indifferent)]
    [InlineData(KanoAnswer.Like, KanoAnswer.Like, KanoCategory.Questionable)]
    [InlineData(KanoAnswer.Dislike, KanoAnswer.Dislike, KanoCategory.Questionable)]
    [InlineData(KanoAnswer.Dislike, KanoAnswer.Like, KanoCategory.Reverse)]
    [InlineData(KanoAnswer.Neutral, KanoAnswer.Like, KanoCategory.Reverse)]
    public void Evaluate_FollowsTheTable(KanoAnswer f, KanoAnswer d, KanoCategory expected) =>
        Assert.Equal(expected, Kano.Evaluate(f, d));

    [Fact]
    public void Coefficients_FollowBerger()
    {
        // reference-values.md (Berger et al. 1993): better = (A + O)/(A + O + M + I), worse = −(O + M)/(A + O + M + I).
        // Hand-worked: A 20, O 30, M 25, I 15 (R 5, Q 5 ignored) → better 50/90 = 0.5556, worse −55/90 = −0.6111.
        var t = new KanoTally(20, 30, 25, 15, 5, 5);
        Tolerance.Decimals(0.5556, t.Better, 4);
        Tolerance.Decimals(-0.6111, t.Worse, 4);
        Assert.Equal(KanoCategory.OneDimensional, t.Category);
        Assert.Equal(100, t.Count);
    }

    [Fact]
    public void Tally_CountsAndBreaksTiesMustBeFirst()
    {
        KanoTally t = Kano.Tally(
        [
            new KanoResponse(KanoAnswer.Like, KanoAnswer.Dislike),
            new KanoResponse(KanoAnswer.Neutral, KanoAnswer.Dislike),
            new KanoResponse(KanoAnswer.Like, KanoAnswer.Neutral),
        ]);
        Assert.Equal(1, t.OneDimensional);
        Assert.Equal(1, t.MustBe);
        Assert.Equal(1, t.Attractive);
        Assert.Equal(KanoCategory.MustBe, t.Category); // tie: M > O > A > I (Berger et al. 1993)
        Tolerance.Close(2.0 / 3, t.Better);
        Tolerance.Close(-2.0 / 3, t.Worse);
        Assert.Equal("responses", Assert.Throws<ArgumentException>(() => Kano.Tally([])).ParamName);
        Assert.Equal("functional", Assert.Throws<ArgumentOutOfRangeException>(() => Kano.Evaluate((KanoAnswer)9, KanoAnswer.Like)).ParamName);
    }

    [Fact]
    public void Coefficients_AreBounded_Meets_Specification() =>
        Properties.ForAll(
            Gen.Zip(Gen.Choose(0, 4), Gen.Choose(0, 4)).NonEmptyListOf().ToArbitrary(),
            pairs =>
            {
                KanoResponse[] responses = pairs.Select(p => new KanoResponse((KanoAnswer)p.Item1, (KanoAnswer)p.Item2)).ToArray();
                KanoTally t = Kano.Tally(responses);
                return t.Count == responses.Length && t.Better >= 0 && t.Better <= 1 && t.Worse >= -1 && t.Worse <= 0
                    && t.CountOf(t.Category) == new[] { t.Attractive, t.OneDimensional, t.MustBe, t.Indifferent, t.Reverse, t.Questionable }.Max();
            });
}
