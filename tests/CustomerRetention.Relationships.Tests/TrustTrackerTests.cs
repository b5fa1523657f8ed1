using CustomerRetention.Relationships;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerRetention.Relationships.Tests;

/// <summary>The road from stranger to trust (domain brief §1) as a tracker that never skips or regresses silently.</summary>
public sealed class TrustTrackerTests
{
    private static readonly LocalDate Day0 = new(2026, 3, 2);

    [Fact]
    public void Observe_WalksTheRoad_OneStageAtATime()
    {
        // Hand-worked with the default rules: benefit + neutral wording lowers the guard; giving first +
        // praise wins favour; expertise + social proof earn trust; returning unprompted + asking advice → dependence.
        TrustTracker t = TrustTracker.Initial
            .Observe(Day0, TrustSignal.ConcreteBenefit)
            .Observe(Day0.PlusDays(1), TrustSignal.NeutralWording);
        Assert.Equal(TrustStage.GuardLowered, t.Stage);
        Assert.Equal(TrustSignal.None, t.Evidence);

        t = t.Observe(Day0.PlusDays(7), TrustSignal.GaveFirst | TrustSignal.Praise)
             .Observe(Day0.PlusDays(14), TrustSignal.Expertise)
             .Observe(Day0.PlusDays(21), TrustSignal.SocialProof);
        Assert.Equal(TrustStage.Trust, t.Stage);

        t = t.Observe(Day0.PlusDays(60), TrustSignal.ReturnedUnprompted | TrustSignal.SoughtAdvice);
        Assert.Equal(TrustStage.Dependence, t.Stage);
        Assert.Equal(
            new[] { TrustStage.GuardLowered, TrustStage.Favour, TrustStage.Trust, TrustStage.Dependence },
            t.History.Select(h => h.To));
        Assert.Equal(Day0.PlusDays(1), t.History[0].Date);
        Assert.Equal("criteria met: NeutralWording, ConcreteBenefit", t.History[0].Reason);
    }

    [Fact]
    public void Observe_EveryCriterionAtOnce_MovesOnlyOneStage()
    {
        TrustSignal everything = (TrustSignal)((1 << 12) - 1);

        TrustTracker t = TrustTracker.Initial.Observe(Day0, everything);

        Assert.Equal(TrustStage.GuardLowered, t.Stage);
        Assert.Single(t.History);
    }

    [Fact]
    public void Observe_FavourSignalsBeforeTheGuardIsLowered_DoNotCountLater()
    {
        // Evidence is collected per stage: praise given to a stranger does not win favour afterwards.
        TrustTracker t = TrustTracker.Initial
            .Observe(Day0, TrustSignal.GaveFirst | TrustSignal.Praise)
            .Observe(Day0.PlusDays(1), TrustSignal.ConcreteBenefit | TrustSignal.PlaceableIdentity)
            .Observe(Day0.PlusDays(2), TrustSignal.None);

        Assert.Equal(TrustStage.GuardLowered, t.Stage);
    }

    [Fact]
    public void Regress_NeedsAReason_AndIsRecorded()
    {
        TrustTracker t = TrustTracker.Initial.Observe(Day0, TrustSignal.ConcreteBenefit | TrustSignal.NeutralWording)
            .Advance(Day0.PlusDays(3), TrustStage.Favour, "met at a trade fair");

        TrustTracker back = t.Regress(Day0.PlusDays(9), TrustStage.Stranger, "broken promise on delivery");

        Assert.Equal(TrustStage.Stranger, back.Stage);
        TrustTransition last = back.History[^1];
        Assert.True(last.IsRegression);
        Assert.Equal("broken promise on delivery", last.Reason);
        Assert.Throws<ArgumentException>(() => t.Regress(Day0.PlusDays(9), TrustStage.Stranger, " "));
    }

    [Fact]
    public void Advance_SkippingAStage_Throws()
    {
        InvalidOperationException e = Assert.Throws<InvalidOperationException>(
            () => TrustTracker.Initial.Advance(Day0, TrustStage.Favour, "skip"));
        Assert.Contains("one at a time", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TrustTracker.Initial.Advance(Day0, (TrustStage)9, "x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => TrustTracker.Initial.Observe(Day0, (TrustSignal)(1 << 20)));
        TrustTracker later = TrustTracker.Initial.Observe(Day0, TrustSignal.None);
        Assert.Throws<ArgumentOutOfRangeException>(() => later.Observe(Day0.PlusDays(-1), TrustSignal.None));
        Assert.Throws<ArgumentException>(() => new TrustCriteria(default, default, default, default));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrustRule(TrustSignal.None, TrustSignal.Praise, 2));
    }

    [Fact]
    public void Transitions_Meets_Specification()
    {
        // Legal moves, written out independently of the tracker: forward by exactly one, back to any lower stage.
        Arbitrary<(int From, int To, bool Back)> moves =
            (from f in Gen.Choose(0, 4) from t in Gen.Choose(0, 4) from back in Gen.Elements(true, false) select (f, t, back)).ToArbitrary();
        Properties.ForAll(moves, m =>
        {
            TrustTracker tracker = TrustTracker.Initial;
            for (int s = 1; s <= m.From; s++)
            {
                tracker = tracker.Advance(Day0, (TrustStage)s, "setup");
            }

            bool legal = m.Back ? m.To < m.From : m.To == m.From + 1;
            try
            {
                TrustTracker moved = m.Back
                    ? tracker.Regress(Day0, (TrustStage)m.To, "test")
                    : tracker.Advance(Day0, (TrustStage)m.To, "test");
                return legal && (int)moved.Stage == m.To;
            }
            catch (InvalidOperationException)
            {
                return !legal && (int)tracker.Stage == m.From;
            }
        });
    }

    [Fact]
    public void Observe_NeverSkipsNorRegresses_Meets_Specification()
    {
        Arbitrary<int[]> signalSequences = Gen.ArrayOf(Gen.Choose(0, (1 << 12) - 1)).ToArbitrary();
        Properties.ForAll(signalSequences, seq =>
        {
            TrustTracker t = TrustTracker.Initial;
            foreach (int s in seq)
            {
                TrustStage before = t.Stage;
                t = t.Observe(Day0, (TrustSignal)s);
                if (t.Stage != before && t.Stage != before + 1)
                {
                    return false;
                }
            }

            return t.History.All(h => h.To == h.From + 1);
        });
    }
}
