using FsCheck;
using FsCheck.Fluent;

namespace CustomerRetention.Satisfaction.Tests;

public class SatisfactionLoyaltyZonesTests
{
    [Theory]
    // Domain brief §6 / Jones & Sasser (1995): defection 1–2, indifference 3–4, affection 5.
    [InlineData(1, SatisfactionZone.Defection)]
    [InlineData(2, SatisfactionZone.Defection)]
    [InlineData(3, SatisfactionZone.Indifference)]
    [InlineData(4, SatisfactionZone.Indifference)]
    [InlineData(5, SatisfactionZone.Affection)]
    public void WholeAnswers_FallAsTheSourceSays(int answer, SatisfactionZone zone) =>
        Assert.Equal(zone, SatisfactionLoyaltyZones.Default.Zone(answer));

    [Fact]
    public void Extremes_AtTheEndsOfTheCurve()
    {
        Assert.Equal(new ZonePlacement(SatisfactionZone.Defection, LoyaltyExtreme.Terrorist), SatisfactionLoyaltyZones.Default.Classify(1, 0.1));
        Assert.Equal(new ZonePlacement(SatisfactionZone.Defection, LoyaltyExtreme.None), SatisfactionLoyaltyZones.Default.Classify(2, 0.1));
        Assert.Equal(new ZonePlacement(SatisfactionZone.Affection, LoyaltyExtreme.Apostle), SatisfactionLoyaltyZones.Default.Classify(5, 0.9));
        Assert.Equal(new ZonePlacement(SatisfactionZone.Affection, LoyaltyExtreme.None), SatisfactionLoyaltyZones.Default.Classify(5, 0.5));
    }

    [Fact]
    public void BadInput_NamesTheParameter()
    {
        Assert.Equal("satisfaction", Assert.Throws<ArgumentOutOfRangeException>(() => SatisfactionLoyaltyZones.Default.Classify(6, 0.5)).ParamName);
        Assert.Equal("loyalty", Assert.Throws<ArgumentOutOfRangeException>(() => SatisfactionLoyaltyZones.Default.Classify(3, 1.5)).ParamName);
        Assert.Equal("affectionFrom", Assert.Throws<ArgumentOutOfRangeException>(() => new SatisfactionLoyaltyZones(RatingScale.FivePoint, 3, 2.5)).ParamName);
    }

    [Fact]
    public void Zone_IsMonotone_Meets_Specification() =>
        Properties.ForAll(
            Gen.Zip(Gen.Zip(Generators.Between(1, 5), Generators.Between(1, 5)), Generators.Between(0, 1)).ToArbitrary(),
            t =>
            {
                double lo = Math.Min(t.Item1.Item1, t.Item1.Item2);
                double hi = Math.Max(t.Item1.Item1, t.Item1.Item2);
                ZonePlacement a = SatisfactionLoyaltyZones.Default.Classify(lo, t.Item2);
                ZonePlacement b = SatisfactionLoyaltyZones.Default.Classify(hi, t.Item2);
                bool oneZone = Enum.IsDefined(a.Zone);
                bool apostleIsAffection = a.Extreme != LoyaltyExtreme.Apostle || a.Zone == SatisfactionZone.Affection;
                bool terroristIsDefection = a.Extreme != LoyaltyExtreme.Terrorist || a.Zone == SatisfactionZone.Defection;
                return oneZone && apostleIsAffection && terroristIsDefection && b.Zone >= a.Zone;
            });
}

public class LoyaltyTests
{
    [Fact]
    public void FromIntention_AveragesOnZeroToOne()
    {
        // Repurchase 5 and recommend 3 on 1–5 → (1 + 0.5)/2 = 0.75.
        Tolerance.Close(0.75, Loyalty.FromIntention(RatingScale.FivePoint, 5, 3));
        Assert.Equal("recommend", Assert.Throws<ArgumentOutOfRangeException>(() => Loyalty.FromIntention(RatingScale.FivePoint, 5, 0)).ParamName);
    }

    [Fact]
    public void FromBehaviour_IsShareOfActivePeriods()
    {
        Tolerance.Close(0.75, Loyalty.FromBehaviour(9, 12));
        Assert.Equal("periodsActive", Assert.Throws<ArgumentOutOfRangeException>(() => Loyalty.FromBehaviour(13, 12)).ParamName);
        Assert.Equal("periodsObserved", Assert.Throws<ArgumentOutOfRangeException>(() => Loyalty.FromBehaviour(0, 0)).ParamName);
    }
}

public class JonesSasserMatrixTests
{
    [Theory]
    // Jones & Sasser (1995), "Four types of customer behavior": loyalist (high S, high L), mercenary
    // (high S, low L), hostage (low S, high L), defector (low S, low L).
    [InlineData(4, 0.7, JonesSasserQuadrant.Loyalist)]
    [InlineData(5, 0.2, JonesSasserQuadrant.Mercenary)]
    [InlineData(2, 0.9, JonesSasserQuadrant.Hostage)]
    [InlineData(3, 0.3, JonesSasserQuadrant.Defector)]
    public void Quadrants(double s, double l, JonesSasserQuadrant q) =>
        Assert.Equal(q, JonesSasserMatrix.Default.Classify(s, l).Quadrant);

    [Fact]
    public void Extremes()
    {
        Assert.Equal(LoyaltyExtreme.Apostle, JonesSasserMatrix.Default.Classify(5, 0.95).Extreme);
        Assert.Equal(LoyaltyExtreme.None, JonesSasserMatrix.Default.Classify(4, 0.95).Extreme);
        Assert.Equal(LoyaltyExtreme.Terrorist, JonesSasserMatrix.Default.Classify(1, 0.0).Extreme);
        Assert.Equal(LoyaltyExtreme.None, JonesSasserMatrix.Default.Classify(1, 0.4).Extreme);
        Assert.Equal("terroristLoyaltyAtMost", Assert.Throws<ArgumentOutOfRangeException>(() => new JonesSasserMatrix(RatingScale.FivePoint, 4, 0.5, 0.8, 0.6)).ParamName);
    }

    [Fact]
    public void Quadrant_IsMonotone_Meets_Specification() =>
        Properties.ForAll(
            Gen.Zip(Gen.Zip(Generators.Between(1, 5), Generators.Between(0, 1)), Gen.Zip(Generators.Between(0, 1), Generators.Between(0, 1))).ToArbitrary(),
            t =>
            {
                (double s, double l) = t.Item1;
                double ds = t.Item2.Item1 * (5 - s);
                double dl = t.Item2.Item2 * (1 - l);
                JonesSasserPlacement a = JonesSasserMatrix.Default.Classify(s, l);
                JonesSasserPlacement b = JonesSasserMatrix.Default.Classify(s + ds, l + dl);
                bool highS(JonesSasserQuadrant q) => q is JonesSasserQuadrant.Loyalist or JonesSasserQuadrant.Mercenary;
                bool highL(JonesSasserQuadrant q) => q is JonesSasserQuadrant.Loyalist or JonesSasserQuadrant.Hostage;
                return (!highS(a.Quadrant) || highS(b.Quadrant)) && (!highL(a.Quadrant) || highL(b.Quadrant))
                    && (a.Extreme != LoyaltyExtreme.Apostle || a.Quadrant == JonesSasserQuadrant.Loyalist)
                    && (a.Extreme != LoyaltyExtreme.Terrorist || a.Quadrant == JonesSasserQuadrant.Defector);
            });
}

public class DickBasuMatrixTests
{
    [Theory]
    // Dick & Basu (1994), Figure 2: relative attitude × repeat patronage.
    [InlineData(0.9, 0.9, DickBasuLoyalty.True)]
    [InlineData(0.9, 0.1, DickBasuLoyalty.Latent)]
    [InlineData(0.1, 0.9, DickBasuLoyalty.Spurious)]
    [InlineData(0.1, 0.1, DickBasuLoyalty.NoLoyalty)]
    public void Cells(double attitude, double patronage, DickBasuLoyalty expected) =>
        Assert.Equal(expected, DickBasuMatrix.Default.Classify(attitude, patronage));

    [Fact]
    public void Cell_IsMonotone_Meets_Specification() =>
        Properties.ForAll(
            Gen.Zip(Gen.Zip(Generators.Between(0, 1), Generators.Between(0, 1)), Gen.Zip(Generators.Between(0, 1), Generators.Between(0, 1))).ToArbitrary(),
            t =>
            {
                (double a, double p) = t.Item1;
                DickBasuLoyalty before = DickBasuMatrix.Default.Classify(a, p);
                DickBasuLoyalty after = DickBasuMatrix.Default.Classify(a + (t.Item2.Item1 * (1 - a)), p + (t.Item2.Item2 * (1 - p)));
                bool attitude(DickBasuLoyalty x) => x is DickBasuLoyalty.True or DickBasuLoyalty.Latent;
                bool patronage(DickBasuLoyalty x) => x is DickBasuLoyalty.True or DickBasuLoyalty.Spurious;
                return Enum.IsDefined(before) && attitude(before) == (a >= 0.5) && patronage(before) == (p >= 0.5)
                    && (!attitude(before) || attitude(after)) && (!patronage(before) || patronage(after));
            });

    [Fact]
    public void BadInput_NamesTheParameter() =>
        Assert.Equal("repeatPatronage", Assert.Throws<ArgumentOutOfRangeException>(() => DickBasuMatrix.Default.Classify(0.5, -0.1)).ParamName);
}

public class LoyaltyContributionMatrixTests
{
    [Theory]
    [InlineData(0.9, 0.9, LoyaltyGrade.A)]
    [InlineData(0.9, 0.5, LoyaltyGrade.B)]
    [InlineData(0.9, 0.1, LoyaltyGrade.C)]
    [InlineData(0.1, 0.9, LoyaltyGrade.D)]
    [InlineData(0.1, 0.5, LoyaltyGrade.E)]
    [InlineData(0.1, 0.1, LoyaltyGrade.F)]
    public void Grades(double loyalty, double contribution, LoyaltyGrade expected) =>
        Assert.Equal(expected, LoyaltyContributionMatrix.Default.Classify(loyalty, contribution));

    [Fact]
    public void MoneyThresholds_AndTreatments()
    {
        var m = new LoyaltyContributionMatrix(0.6, 500, 2000);
        Assert.Equal(LoyaltyGrade.D, m.Classify(0.5, 2000));
        Assert.Equal(LoyaltyGrade.F, m.Classify(0.5, -40));
        Assert.Equal(6, LoyaltyContributionMatrix.AllTreatments.Count);
        GradeTreatment a = LoyaltyContributionMatrix.Treatment(LoyaltyGrade.A);
        Assert.True(a.HighLoyalty);
        Assert.Equal(ContributionLevel.High, a.Contribution);
        Assert.All(LoyaltyContributionMatrix.AllTreatments, t => Assert.False(string.IsNullOrWhiteSpace(t.Treatment)));
        Assert.Equal("contributionHighFrom", Assert.Throws<ArgumentOutOfRangeException>(() => new LoyaltyContributionMatrix(0.5, 10, 5)).ParamName);
    }

    [Fact]
    public void PercentileRanks_HandWorked()
    {
        // 10, 30, 20, 20 → sorted 10, 20, 20, 30: ranks 0, (1 + 0.5)/3 = 0.5 (tie), 1.
        var ranks = new double[4];
        LoyaltyContributionMatrix.PercentileRanks([10, 30, 20, 20], ranks);
        Assert.Equal([0, 1, 0.5, 0.5], ranks);
    }

    [Fact]
    public void Grade_IsMonotoneAndTotal_Meets_Specification() =>
        Properties.ForAll(
            Gen.Zip(Gen.Zip(Generators.Between(0, 1), Generators.Between(0, 1)), Gen.Zip(Generators.Between(0, 1), Generators.Between(0, 1))).ToArbitrary(),
            t =>
            {
                (double l, double c) = t.Item1;
                double l2 = l + (t.Item2.Item1 * (1 - l));
                double c2 = c + t.Item2.Item2;
                LoyaltyGrade g = LoyaltyContributionMatrix.Default.Classify(l, c);
                LoyaltyGrade better = LoyaltyContributionMatrix.Default.Classify(l2, c2);
                GradeTreatment cell = LoyaltyContributionMatrix.Treatment(g);
                bool cellMatches = cell.HighLoyalty == (l >= 0.5) && cell.Contribution == LoyaltyContributionMatrix.Default.Level(c);
                return Enum.IsDefined(g) && cellMatches && better <= g
                    && LoyaltyContributionMatrix.Default.Classify(l, c2) <= g
                    && LoyaltyContributionMatrix.Default.Classify(l2, c) <= g;
            });
}
