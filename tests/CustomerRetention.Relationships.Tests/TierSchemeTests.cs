using CustomerRetention.Relationships;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerRetention.Relationships.Tests;

/// <summary>Customer tiers and privileges with hysteresis (domain brief §2, "value-added service by tier").</summary>
public sealed class TierSchemeTests
{
    // Revenue tiers: VIP ≥ 10,000, Key ≥ 5,000, Regular ≥ 1,000, Basic below; margin 500.
    private static readonly TierScheme Scheme = TierScheme.Standard(TierMeasure.Revenue, 10_000, 5_000, 1_000, 500);

    private static CustomerTier Tier(string name) => Scheme.Tiers.Single(t => t.Name == name);

    [Theory]
    [InlineData(12_000, "VIP")]
    [InlineData(10_000, "VIP")]
    [InlineData(9_999.99, "Key")]
    [InlineData(1_000, "Regular")]
    [InlineData(0, "Basic")]
    [InlineData(-50, "Basic")]
    public void Assign_TakesTheHighestTierReached(double value, string expected)
    {
        Assert.Equal(expected, Scheme.Assign(value).Name);
    }

    [Fact]
    public void Reassign_HandWorkedSequence_DoesNotFlap()
    {
        // Hand-worked: a Key customer at 10,200 stays Key (10,200 < 10,000 + 500); at 10,500 is promoted to VIP;
        // at 9,600 stays VIP (≥ 10,000 − 500); at 9,499 is demoted to Key; at 4,600 stays Key; at 200 drops to Basic
        // (200 < 1,000 − 500).
        IReadOnlyList<CustomerTier> path = Scheme.Track([7_000, 10_200, 10_500, 9_600, 9_499, 4_600, 200]);

        Assert.Equal(new[] { "Key", "Key", "VIP", "VIP", "Key", "Key", "Basic" }, path.Select(t => t.Name));
    }

    [Fact]
    public void Reassign_ExplainsTheRule()
    {
        TierDecision up = Scheme.Reassign(Tier("Regular"), 10_600);
        Assert.Equal(TierChange.Promoted, up.Change);
        Assert.Equal("VIP", up.Tier.Name);
        Assert.Equal("value 10600 ≥ VIP threshold 10000 + margin 500", up.Reason);

        TierDecision down = Scheme.Reassign(Tier("VIP"), 4_700);
        Assert.Equal(TierChange.Demoted, down.Change);
        Assert.Equal("Key", down.Tier.Name); // 4,700 ≥ 5,000 − 500: lands in Key's band
        Assert.Equal(TierChange.Kept, Scheme.Reassign(Tier("Basic"), -1e6).Change);
    }

    [Fact]
    public void Privileges_ByTier()
    {
        Assert.Equal(Privilege.All, Tier("VIP").Privileges);
        Assert.True(Tier("Key").Privileges.HasFlag(Privilege.GreenChannel));
        Assert.False(Tier("Key").Privileges.HasFlag(Privilege.VipHotline));
        Assert.Equal(Privilege.None, Tier("Basic").Privileges);
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => new TierScheme(TierMeasure.Clv, 0, []));
        Assert.Throws<ArgumentException>(() => new TierScheme(TierMeasure.Clv, 100, [new("A", 100, Privilege.None), new("B", 150, Privilege.None)]));
        Assert.Throws<ArgumentException>(() => new TierScheme(TierMeasure.Clv, 0, [new("A", 100, Privilege.None), new("A", 50, Privilege.None)]));
        Assert.Throws<ArgumentException>(() => new TierScheme(TierMeasure.Clv, 0, [new("A", 100, Privilege.None), new("B", 100, Privilege.None)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TierScheme(TierMeasure.Clv, -1, [new("A", 100, Privilege.None)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CustomerTier("A", double.NaN, Privilege.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CustomerTier("A", 1, (Privilege)1024));
        Assert.Throws<ArgumentException>(() => Scheme.Reassign(new CustomerTier("Gold", 10_000, Privilege.All), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Scheme.Assign(double.PositiveInfinity));
    }

    [Fact]
    public void Hysteresis_NoFlappingWithinTheBand_Meets_Specification()
    {
        // Any sequence of values inside the open band (T − m, T + m) around any threshold keeps the first tier.
        Arbitrary<(int Threshold, double[] Offsets)> cases =
            (from k in Gen.Choose(0, 2)
             from offsets in Gen.NonEmptyListOf(Gen.Choose(-499_999, 499_999))
             select (k, offsets.Select(o => o / 1000.0).ToArray())).ToArbitrary();
        Properties.ForAll(cases, c =>
        {
            double threshold = Scheme.Tiers[c.Threshold].Threshold;
            IReadOnlyList<CustomerTier> path = Scheme.Track(c.Offsets.Select(o => threshold + o));
            return path.All(t => ReferenceEquals(t, path[0]));
        });
    }

    [Fact]
    public void Hysteresis_ChangesOnlyBeyondTheBand_Meets_Specification()
    {
        // Every promotion is to a tier whose threshold + m the value reaches; every demotion leaves a tier
        // whose threshold − m the value is below.
        Arbitrary<int[]> sequences = Gen.ArrayOf(Gen.Choose(-2_000, 14_000)).ToArbitrary();
        Properties.ForAll(sequences, values =>
        {
            CustomerTier? current = null;
            foreach (int v in values)
            {
                if (current is null)
                {
                    current = Scheme.Assign(v);
                    continue;
                }

                TierDecision d = Scheme.Reassign(current, v);
                bool ok = d.Change switch
                {
                    TierChange.Promoted => v >= d.Tier.Threshold + Scheme.Margin && d.Tier.Threshold > current.Threshold,
                    TierChange.Demoted => v < current.Threshold - Scheme.Margin && d.Tier.Threshold < current.Threshold,
                    _ => ReferenceEquals(d.Tier, current),
                };
                if (!ok)
                {
                    return false;
                }

                current = d.Tier;
            }

            return true;
        });
    }
}
