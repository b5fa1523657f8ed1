namespace CustomerRetention.Health.Tests;

/// <summary>Randomised, reproducible hold-out assignment.</summary>
public sealed class HoldOutTests
{
    [Fact]
    public void SameIdAndSeed_SameAnswer_AndTheShareApproachesTheFraction()
    {
        int held = 0;
        const int n = 20000;
        for (int i = 0; i < n; i++)
        {
            string id = "customer-" + i;
            bool a = HoldOut.IsHeldOut(id, 0.2, seed: 7);
            Assert.Equal(a, HoldOut.IsHeldOut(id, 0.2, seed: 7));
            held += a ? 1 : 0;
        }

        // Binomial(20000, 0.2): SE = √(0.2 · 0.8 / 20000) = 0.0028; ±4 SE.
        Assert.InRange((double)held / n, 0.2 - 0.0113, 0.2 + 0.0113);
    }

    [Fact]
    public void AnotherSeed_DrawsAnotherSplit()
    {
        int differ = Enumerable.Range(0, 1000).Count(i => HoldOut.IsHeldOut("c" + i, 0.5, 1) != HoldOut.IsHeldOut("c" + i, 0.5, 2));

        // Independent splits at 0.5 differ for half the ids: Binomial(1000, 0.5), ±5 SE (SE 15.8).
        Assert.InRange(differ, 421, 579);
    }

    [Fact]
    public void Fraction_EndsAndValidation()
    {
        Assert.False(HoldOut.IsHeldOut("x", 0));
        Assert.True(HoldOut.IsHeldOut("x", 1));
        Assert.Equal("fraction", Assert.Throws<ArgumentOutOfRangeException>(() => HoldOut.IsHeldOut("x", 1.5)).ParamName);
    }
}
