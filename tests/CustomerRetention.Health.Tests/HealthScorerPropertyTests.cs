using FsCheck;
using FsCheck.Fluent;

namespace CustomerRetention.Health.Tests;

/// <summary>The health score's invariants (docs/health.md): range, monotone in every risk signal, reasons add up.</summary>
public sealed class HealthScorerPropertyTests
{
    private static double Health(SignalInputs inputs) => HealthScorer.Default.Score(inputs.Build()).Value;

    [Fact]
    public void Score_IsIn0To100() => Properties.ForAll(SignalInputs.Arbitrary, inputs =>
    {
        double h = Health(inputs);
        return h >= 0 && h <= 100 && !double.IsNaN(h);
    });

    [Fact]
    public void Contributions_AddUpToTheDistanceFromTheBaseline() => Properties.ForAll(SignalInputs.Arbitrary, inputs =>
    {
        HealthScore score = HealthScorer.Default.Score(inputs.Build());
        double points = score.Contributions.Sum(c => c.Points);
        bool ranked = score.Contributions.Zip(score.Contributions.Skip(1), (a, b) => a.Points >= b.Points).All(x => x);
        return Math.Abs(HealthScore.Baseline - score.Value - points) < 1e-9 && ranked && score.Contributions.All(c => c.Points >= 0);
    });

    [Fact]
    public void Score_IsTheProductOfWhatEachFactorLeaves() => Properties.ForAll(SignalInputs.Arbitrary, inputs =>
    {
        // health = 100 × Π (1 − w·r) (HealthScorer's definition), recomputed from the contributions.
        HealthScore score = HealthScorer.Default.Score(inputs.Build());
        double product = 100 * score.Contributions.Aggregate(1.0, (acc, c) => acc * (1 - (c.Weight * c.Risk)));
        return Math.Abs(product - score.Value) < 1e-9;
    });

    [Fact]
    public void Score_WithReplacedWeights_StillAddsUp_AndCertaintyIsZero() => Properties.ForAll(SignalInputs.Arbitrary, inputs =>
    {
        var scorer = new HealthScorer(new HealthWeights { Tickets = 1, RiskWords = 0, Alive = 1, PurchaseCadence = 1 });
        HealthScore score = scorer.Score(inputs.Build());
        bool certain = score.Contributions.Any(c => c.Weight * c.Risk >= 1);
        return Math.Abs(100 - score.Value - score.Contributions.Sum(c => c.Points)) < 1e-9
            && score.Value is >= 0 and <= 100
            && (!certain || score.Value == 0);
    });

    [Fact]
    public void ASignalWithNoRisk_ChangesNothing() => Properties.ForAll(SignalInputs.Arbitrary, inputs =>
    {
        // No dilution: adding an empty ticket history, no risk words and a far renewal leaves health as it was.
        CustomerHealthSignals without = inputs.Build();
        var with = new CustomerHealthSignals
        {
            Cadence = without.Cadence,
            Alive = without.Alive,
            Satisfaction = without.Satisfaction,
            SpendTrend = without.SpendTrend,
            Tickets = without.Tickets ?? new TicketSignal([], SignalInputs.AsOf),
            RiskWords = without.RiskWords ?? new RiskWordSignal([]),
            Renewal = without.Renewal ?? new RenewalSignal(SignalInputs.AsOf.PlusDays(365), SignalInputs.AsOf),
        };

        return HealthScorer.Default.Score(with).Value == HealthScorer.Default.Score(without).Value;
    });

    [Fact]
    public void MoreDaysSilent_NeverRaisesHealth() => Monotone((i, k) => i.With(0, i.V[0] + k));

    [Fact]
    public void LowerPAlive_NeverRaisesHealth() => Monotone((i, k) => i.With(3, Math.Max(0, i.V[3] - k)));

    [Fact]
    public void HigherPreviousPAlive_NeverRaisesHealth() =>
        Monotone((i, k) => i.PreviousPAlive is null ? i : i.With(4, NextWithSameResidue(i.V[4], k, 3, 1000)));

    [Fact]
    public void AnotherTicket_NeverRaisesHealth() =>
        Monotone((i, k) => i with { Tickets = [.. i.Tickets, [k % 200, k % 4, k % 2, k]] });

    [Fact]
    public void OlderOpenTicket_NeverRaisesHealth() =>
        Monotone((i, k) => i.Tickets.Length == 0 ? i : i with { Tickets = [[Math.Min(199, i.Tickets[0][0] + k), i.Tickets[0][1], i.Tickets[0][2], 0], .. i.Tickets.Skip(1)] },
            prepare: i => i.Tickets.Length == 0 ? i : i with { Tickets = [[i.Tickets[0][0] % 100, i.Tickets[0][1], i.Tickets[0][2], 0], .. i.Tickets.Skip(1)] });

    [Fact]
    public void HigherSeverity_NeverRaisesHealth() =>
        Monotone((i, k) => i.Tickets.Length == 0 ? i : i with { Tickets = [[i.Tickets[0][0], Math.Min(3, (i.Tickets[0][1] % 4) + (k % 4)), i.Tickets[0][2], i.Tickets[0][3]], .. i.Tickets.Skip(1)] });

    [Fact]
    public void LeavingATicketUnresolved_NeverRaisesHealth() =>
        Monotone((i, k) => i.Tickets.Length == 0 ? i : i with { Tickets = [[i.Tickets[0][0], i.Tickets[0][1], i.Tickets[0][2], 0], .. i.Tickets.Skip(1)] });

    [Fact]
    public void ComplaintInsteadOfTicket_NeverRaisesHealth() =>
        Monotone((i, k) => i.Tickets.Length == 0 ? i : i with { Tickets = [[i.Tickets[0][0], i.Tickets[0][1], 1, i.Tickets[0][3]], .. i.Tickets.Skip(1)] });

    [Fact]
    public void LowerSatisfaction_NeverRaisesHealth() =>
        Monotone((i, k) => i.With(5, Math.Max(0, (i.V[5] % 11) - (k % 11))), prepare: i => i.With(5, i.V[5] % 11));

    [Fact]
    public void HigherPreviousSatisfaction_NeverRaisesHealth() =>
        Monotone((i, k) => i.PreviousAnswer is not { } p ? i : i.With(6, Math.Min(10, p + (k % 11))), prepare: i => i.PreviousAnswer is { } p ? i.With(6, p) : i);

    [Fact]
    public void NearerRenewal_NeverRaisesHealth() =>
        Monotone((i, k) => i.With(7, Math.Max(0, (i.V[7] % 500) - k)), prepare: i => i.With(7, i.V[7] % 500));

    [Fact]
    public void DecisionMakerNotEngaged_NeverRaisesHealth() => Monotone((i, k) => i.With(8, 0));

    [Fact]
    public void LowerRecentSpend_NeverRaisesHealth() => Monotone((i, k) => i.With(10, Math.Max(0, i.V[10] - k)));

    [Fact]
    public void MoreRiskWords_NeverRaiseHealth() => Monotone((i, k) => i with { Words = [.. i.Words, k] });

    [Fact]
    public void NoKnownSignal_IsFullHealthWithNoReasons()
    {
        HealthScore score = HealthScorer.Default.Score(new CustomerHealthSignals());

        Assert.Equal(100, score.Value);
        Assert.Empty(score.Contributions);
        Assert.Empty(score.TopReasons(3));
    }

    // x' ≥ x with the same residue mod m (so a "none" encoded by the residue stays "some"), capped at max.
    private static int NextWithSameResidue(int x, int k, int m, int max)
    {
        int y = x + (m * (k % 50));
        return y <= max ? y : x;
    }

    private static void Monotone(Func<SignalInputs, int, SignalInputs> worsen, Func<SignalInputs, SignalInputs>? prepare = null)
    {
        Arbitrary<(SignalInputs, int)> arbitrary = Gen.Zip(SignalInputs.Arbitrary.Generator, Gen.Choose(0, 400)).ToArbitrary();
        Properties.ForAll(arbitrary, t =>
        {
            SignalInputs before = prepare is null ? t.Item1 : prepare(t.Item1);
            SignalInputs after = worsen(before, t.Item2);
            double h0 = Health(before);
            double h1 = Health(after);
            return h1 <= h0 + 1e-9;
        });
    }
}
