using NodaTime;

namespace CustomerRetention.Health.Tests;

/// <summary>Each signal's risk formula (docs/health.md, "Signals"), hand-worked.</summary>
public sealed class SignalTests
{
    private static readonly LocalDate AsOf = new(2026, 6, 30);
    private static readonly HealthThresholds T = HealthThresholds.Default;

    [Theory]
    [InlineData(30, 30, 0.0)]       // on rhythm
    [InlineData(10, 30, 0.0)]       // early
    [InlineData(75, 30, 0.5)]       // 2.5x: (2.5 − 1) / (4 − 1)
    [InlineData(120, 30, 1.0)]      // 4x
    [InlineData(400, 30, 1.0)]
    public void Cadence_Risk(int days, double gap, double expected) =>
        Assert.Equal(expected, new PurchaseCadenceSignal(days, gap, true).Risk(T), 12);

    [Fact]
    public void Cadence_Describe() =>
        Assert.Equal("no purchase for 120 days, 4.0x the usual gap of 30 days", new PurchaseCadenceSignal(120, 30, true).Describe());

    [Fact]
    public void Alive_LevelAndDrop()
    {
        var s = new AliveSignal(new Probability(0.35), new Probability(0.8));

        Assert.Equal(0.65, s.LevelRisk(), 12);
        Assert.Equal(0.9, s.DropRisk(T)!.Value, 12); // (0.8 − 0.35) / 0.5
        Assert.Null(new AliveSignal(new Probability(0.35)).DropRisk(T));
        Assert.Equal(0, new AliveSignal(new Probability(0.9), new Probability(0.5)).DropRisk(T)); // a rise is no risk
        Assert.Equal("P(alive) fell from 0.80 to 0.35", s.DescribeDrop());
    }

    [Fact]
    public void Tickets_Load_HandWorked()
    {
        SupportTicket[] tickets =
        [
            new(AsOf.PlusDays(-15), TicketSeverity.High),                                      // open 15 days: 4 × (1 + 15/30) = 6
            new(AsOf.PlusDays(-200), TicketSeverity.Medium, TicketKind.Complaint),             // open 200 days: 2 × 1.5 × (1 + 90/30) = 12
            new(AsOf.PlusDays(-40), TicketSeverity.Critical, resolved: AsOf.PlusDays(-10)),    // resolved 10 days ago: 8 × 0.5 = 4
            new(AsOf.PlusDays(-300), TicketSeverity.Critical, resolved: AsOf.PlusDays(-100)),  // resolved 100 days ago: 0
            new(AsOf.PlusDays(3), TicketSeverity.Critical),                                     // opened after the as-of date: ignored
        ];

        var signal = new TicketSignal(tickets, AsOf);

        Assert.Equal(22, signal.Load, 12);
        Assert.Equal(22.0 / 28.0, signal.Risk(T), 12);
        Assert.Equal(2, signal.OpenCount);
        Assert.Equal(1, signal.OpenComplaints);
        Assert.Equal(1, signal.RecentlyResolved);
        Assert.Equal("2 open tickets (1 complaint), oldest 200 days, highest severity high, 1 ticket resolved in the last 90 days", signal.Describe());
        Assert.Equal(0.5, new TicketSignal([tickets[0]], AsOf).Risk(T), 12); // load 6 = the half-risk load
        Assert.Equal(0, new TicketSignal([], AsOf).Risk(T));
    }

    [Fact]
    public void Ticket_ResolvedBeforeOpened_IsRejected() =>
        Assert.Equal("resolved", Assert.Throws<ArgumentOutOfRangeException>(() => new SupportTicket(AsOf, TicketSeverity.Low, resolved: AsOf.PlusDays(-1))).ParamName);

    [Theory]
    [InlineData(10, 0.0)]
    [InlineData(9, 0.0)]
    [InlineData(6, 0.5)]   // (0.9 − 0.6) / (0.9 − 0.3)
    [InlineData(3, 1.0)]
    [InlineData(0, 1.0)]
    public void Satisfaction_Nps_Level(int answer, double expected) =>
        Assert.Equal(expected, SatisfactionSignal.Nps(answer).LevelRisk(T), 12);

    [Fact]
    public void Satisfaction_Csat_AndDrop()
    {
        var csat = new SatisfactionSignal(2, 4, 1, 5); // position 0.25, previous 0.75

        Assert.Equal(1.0, csat.LevelRisk(T), 12);
        Assert.Equal(1.0, csat.DropRisk(T)!.Value, 12); // fall 0.5 ≥ 0.3
        Assert.Equal(0.1 / 0.3, SatisfactionSignal.Nps(7, 8).DropRisk(T)!.Value, 12);
        Assert.Equal("satisfaction fell from 4 to 2", csat.DescribeDrop());
        Assert.Equal("latest", Assert.Throws<ArgumentOutOfRangeException>(() => SatisfactionSignal.Nps(11)).ParamName);
        Assert.Equal("previous", Assert.Throws<ArgumentOutOfRangeException>(() => SatisfactionSignal.Nps(5, -1)).ParamName);
    }

    [Theory]
    [InlineData(120, false, 0.0)]
    [InlineData(90, false, 0.0)]
    [InlineData(45, false, 0.5)]
    [InlineData(45, true, 0.25)]
    [InlineData(0, false, 1.0)]
    [InlineData(-10, false, 1.0)]
    public void Renewal_Risk(int daysAhead, bool engaged, double expected) =>
        Assert.Equal(expected, new RenewalSignal(AsOf.PlusDays(daysAhead), AsOf, engaged).Risk(T), 12);

    [Fact]
    public void Renewal_Describe()
    {
        Assert.Equal("renewal in 20 days, decision-maker not engaged", new RenewalSignal(AsOf.PlusDays(20), AsOf).Describe());
        Assert.Equal("renewal 5 days overdue, decision-maker engaged", new RenewalSignal(AsOf.PlusDays(-5), AsOf, true).Describe());
    }

    [Theory]
    [InlineData(100, 100, 0.0)]
    [InlineData(100, 150, 0.0)]
    [InlineData(100, 60, 0.5)]   // −40 % / 80 %
    [InlineData(100, 0, 1.0)]
    [InlineData(0, 50, 0.0)]     // no earlier spend: no measurable decline
    public void SpendTrend_Risk(double previous, double recent, double expected) =>
        Assert.Equal(expected, new SpendTrendSignal(previous, recent, 90).Risk(T), 12);

    [Fact]
    public void SpendTrend_Describe() =>
        Assert.Equal("spend down 60% (last 90 days 40 vs 100 before)", new SpendTrendSignal(100, 40, 90).Describe());

    [Fact]
    public void RiskWords_SumOfDistinctWeights_CappedAtOne()
    {
        var lexicon = new RiskLexicon([new RiskPhrase("too expensive", 0.5, "en"), new RiskPhrase("disappointed", 0.3, "en")]);

        RiskWordSignal one = RiskWordSignal.Find(lexicon, ["Too expensive!", "way too expensive"]);
        RiskWordSignal two = RiskWordSignal.Find(lexicon, ["too expensive and disappointed"]);

        Assert.Equal(0.5, one.Risk(), 12); // the same phrase twice counts once
        Assert.Equal(0.8, two.Risk(), 12);
        Assert.Equal("risk words: 'too expensive', 'disappointed'", two.Describe());
        Assert.Equal(1.0, RiskWordSignal.Find(RiskLexicon.Default, ["cancel, refund, switching to a competitor"]).Risk());
    }

    [Fact]
    public void Thresholds_AreReplaceable_AndValidated()
    {
        var t = new HealthThresholds { CadenceFullRiskMultiple = 3, RenewalWindowDays = 30 };

        Assert.Equal(0.5, new PurchaseCadenceSignal(60, 30, true).Risk(t), 12); // (2 − 1) / (3 − 1)
        Assert.Equal(0.5, new RenewalSignal(AsOf.PlusDays(15), AsOf).Risk(t), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => new HealthThresholds { CadenceFullRiskMultiple = 1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new HealthThresholds { SpendDropFullRisk = 0 });
        Assert.Throws<ArgumentException>(() => new HealthScorer(thresholds: new HealthThresholds { SatisfactionBad = 0.95 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HealthWeights { Tickets = -1 });
    }
}
