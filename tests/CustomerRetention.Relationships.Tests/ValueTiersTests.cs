using CustomerRetention.Relationships;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerRetention.Relationships.Tests;

/// <summary>The value-tier rules of the domain brief §1 (functional → emotional → ideal).</summary>
public sealed class ValueTiersTests
{
    [Fact]
    public void Assess_AllCriteriaMet_ReachesIdeal()
    {
        // Hand-worked: 0.9 ≥ 0.8, 12 ≥ 10, 3 ≥ 2 with the default criteria.
        ValueTierAssessment result = ValueTiers.Assess(new ValueTierSignals(0.9, 12, 3));

        Assert.Equal(RelationshipValue.Ideal, result.Reached);
        Assert.All(result.Checks, c => Assert.True(c.Met));
        Assert.Equal(new[] { RelationshipValue.Functional, RelationshipValue.Emotional, RelationshipValue.Ideal }, result.Checks.Select(c => c.Tier));
    }

    [Fact]
    public void Assess_SharedValuesWithoutEmotionalCredit_StopsAtFunctional_AndSaysWhy()
    {
        // Hand-worked: functional met (0.85 ≥ 0.8), emotional not (4 < 10), ideal's own criterion met (5 ≥ 2)
        // but not counted because the tiers build on one another.
        ValueTierAssessment result = ValueTiers.Assess(new ValueTierSignals(0.85, 4, 5));

        Assert.Equal(RelationshipValue.Functional, result.Reached);
        Assert.Equal("emotional balance 4 < 10", result.Checks[1].Reason);
        Assert.True(result.Checks[2].Met);
        Assert.Contains("not counted", result.Checks[2].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_ResolutionBelowThreshold_ReachesNothing()
    {
        ValueTierAssessment result = ValueTiers.Assess(new ValueTierSignals(0.5, 50, 5), new ValueTierCriteria(0.6, 10, 1));

        Assert.Equal(RelationshipValue.None, result.Reached);
        Assert.Equal("problem resolution rate 0.5 < 0.6", result.Checks[0].Reason);
    }

    [Fact]
    public void Assess_ThresholdsAreInclusive()
    {
        ValueTierAssessment result = ValueTiers.Assess(new ValueTierSignals(0.8, 10, 2));

        Assert.Equal(RelationshipValue.Ideal, result.Reached);
    }

    [Theory]
    [InlineData(-0.1, 0, 0)]
    [InlineData(1.1, 0, 0)]
    [InlineData(double.NaN, 0, 0)]
    [InlineData(0.5, double.PositiveInfinity, 0)]
    [InlineData(0.5, 0, -1)]
    public void Signals_OutOfRange_Throw(double rate, double balance, int shared)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ValueTierSignals(rate, balance, shared));
    }

    [Fact]
    public void Criteria_ZeroSharedValues_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ValueTierCriteria(0.5, 0, 0));
    }

    [Fact]
    public void Assess_Reached_Meets_Specification()
    {
        // The tier reached is the length of the prefix of met checks.
        Arbitrary<(double Rate, int Balance, int Shared)> signals =
            (from rate in Gen.Choose(0, 100)
             from balance in Gen.Choose(-30, 30)
             from shared in Gen.Choose(0, 5)
             select (rate / 100.0, balance, shared)).ToArbitrary();
        Properties.ForAll(signals, s =>
        {
            ValueTierAssessment a = ValueTiers.Assess(new ValueTierSignals(s.Rate, s.Balance, s.Shared));
            int prefix = 0;
            while (prefix < 3 && a.Checks[prefix].Met)
            {
                prefix++;
            }

            return (int)a.Reached == prefix;
        });
    }
}
