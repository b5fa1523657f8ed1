using FsCheck;
using FsCheck.Fluent;

namespace CustomerRetention.Health.Tests;

/// <summary>Bands and their hysteresis (docs/health.md, "Bands").</summary>
public sealed class HealthBandsTests
{
    private static readonly Gen<double> Score = Gen.Choose(0, 10000).Select(k => k / 100.0);

    private static readonly Gen<HealthBand> Band = Gen.Elements(HealthBand.Healthy, HealthBand.Watch, HealthBand.AtRisk, HealthBand.Critical);

    [Theory]
    [InlineData(100, HealthBand.Healthy)]
    [InlineData(75, HealthBand.Healthy)]
    [InlineData(74.99, HealthBand.Watch)]
    [InlineData(50, HealthBand.Watch)]
    [InlineData(49.99, HealthBand.AtRisk)]
    [InlineData(25, HealthBand.AtRisk)]
    [InlineData(24.99, HealthBand.Critical)]
    [InlineData(0, HealthBand.Critical)]
    public void Classify_WithoutHistory_UsesTheRanges(double health, HealthBand expected) =>
        Assert.Equal(expected, HealthBands.Default.Classify(health));

    [Fact]
    public void Hysteresis_StaysWithinTheMargin_MovesBeyondIt() =>
        Properties.ForAll(Gen.Zip(Score, Band).ToArbitrary(), t =>
        {
            (double health, HealthBand previous) = t;
            HealthBands bands = HealthBands.Default;
            (double lower, double upper) = bands.RangeOf(previous);
            HealthBand band = bands.Classify(health, previous);
            bool near = health >= lower - bands.Margin && health < upper + bands.Margin;
            return near ? band == previous : band == bands.Classify(health);
        });

    [Fact]
    public void Hysteresis_AScoreWobblingAcrossABoundary_DoesNotFlap() =>
        Properties.ForAll(Gen.Choose(-499, 499).Select(k => k / 100.0).ListOf().ToArbitrary(), wobbles =>
        {
            // Starting healthy at 80, then scores within 5 points of the 75 boundary: the customer stays healthy.
            HealthBands bands = HealthBands.Default;
            HealthBand band = bands.Classify(80);
            foreach (double w in wobbles)
            {
                band = bands.Classify(75 + w, band);
            }

            return band == HealthBand.Healthy;
        });

    [Fact]
    public void Hysteresis_AClearDrop_MovesAtOnce()
    {
        Assert.Equal(HealthBand.Healthy, HealthBands.Default.Classify(70.5, HealthBand.Healthy)); // within 5 of 75
        Assert.Equal(HealthBand.Watch, HealthBands.Default.Classify(69.9, HealthBand.Healthy));
        Assert.Equal(HealthBand.Critical, HealthBands.Default.Classify(10, HealthBand.Healthy));
        Assert.Equal(HealthBand.Critical, HealthBands.Default.Classify(29.9, HealthBand.Critical)); // recovering, within 5 of 25
        Assert.Equal(HealthBand.AtRisk, HealthBands.Default.Classify(30, HealthBand.Critical));
    }

    [Fact]
    public void Names_RoundTrip()
    {
        foreach (HealthBand b in Enum.GetValues<HealthBand>())
        {
            Assert.True(HealthBands.TryParse(HealthBands.NameOf(b), out HealthBand parsed));
            Assert.Equal(b, parsed);
        }

        Assert.Equal("at-risk", HealthBands.NameOf(HealthBand.AtRisk));
        Assert.False(HealthBands.TryParse("fine", out _));
    }

    [Fact]
    public void Constructor_RejectsBadLimits()
    {
        Assert.Equal("atRiskBelow", Assert.Throws<ArgumentOutOfRangeException>(() => new HealthBands(50, 60, 25)).ParamName);
        Assert.Equal("margin", Assert.Throws<ArgumentOutOfRangeException>(() => new HealthBands(margin: 13)).ParamName);
        Assert.Equal("health", Assert.Throws<ArgumentOutOfRangeException>(() => HealthBands.Default.Classify(101)).ParamName);
        Assert.Equal("health", Assert.Throws<ArgumentOutOfRangeException>(() => HealthBands.Default.Classify(double.NaN)).ParamName);
    }
}
