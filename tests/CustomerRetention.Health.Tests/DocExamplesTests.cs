using NodaTime;

namespace CustomerRetention.Health.Tests;

/// <summary>The C# examples of docs/health.md and the package README: run here, quoted there verbatim.</summary>
public sealed class DocExamplesTests
{
    [Fact]
    public void HealthScore_Example()
    {
        // begin-snippet: health-score
        var asOf = new LocalDate(2026, 6, 30);
        var signals = new CustomerHealthSignals
        {
            Cadence = new PurchaseCadenceSignal(daysSinceLastPurchase: 75, usualGapDays: 30, isOwnRhythm: true),
            Tickets = new TicketSignal([new SupportTicket(asOf.PlusDays(-15), TicketSeverity.High)], asOf),
            Satisfaction = SatisfactionSignal.Nps(latest: 6, previous: 9),
            Renewal = new RenewalSignal(renewalDate: asOf.PlusDays(45), asOf),
            RiskWords = RiskWordSignal.Find(RiskLexicon.Default, ["We are thinking of switching to another vendor"]),
        };

        HealthScore score = HealthScorer.Default.Score(signals);
        HealthBand band = HealthBands.Default.Classify(score.Value, previous: HealthBand.Watch);
        IReadOnlyList<string> reasons = score.TopReasons(3);

        // Risks: cadence 2.5x the gap (2.5 − 1)/3 = 0.5; ticket load 4 × (1 + 15/30) = 6, 6/(6 + 6) = 0.5;
        // NPS 6: (0.9 − 0.6)/0.6 = 0.5, fell by 3 points: 1; renewal in 45 of 90 days: 0.5; 'switching to': 0.5.
        // health = 100 × (1 − 0.8·0.5)(1 − 0.6·0.5)(1 − 0.5·0.5)(1 − 0.3·1)(1 − 0.4·0.5)(1 − 0.6·0.5) = 12.348
        Assert.Equal(12.348, score.Value, 9);
        Assert.Equal(HealthBand.Critical, band);          // far below the watch band's margin
        Assert.Equal("no purchase for 75 days, 2.5x the usual gap of 30 days", reasons[0]);
        Assert.Equal("1 open ticket, oldest 15 days, highest severity high", reasons[1]);
        Assert.Equal("satisfaction fell from 9 to 6", reasons[2]);
        Assert.Equal(100 - score.Value, score.Contributions.Sum(c => c.Points), 9);
        // end-snippet
    }

    [Fact]
    public void ThreePhases_Example()
    {
        // begin-snippet: three-phases
        var day = new LocalDate(2026, 7, 1);
        RetentionCase warned = RetentionCase.Open("C-17", day, "no purchase for 75 days; 1 open ticket", revenueAtRisk: 1200m);
        RetentionCase recovering = warned
            .Record(new Intervention(day.PlusDays(1), "call from the account manager"))
            .Record(new Intervention(day.PlusDays(6), "ticket solved, one month free", "apology and compensation"));
        RetentionCase saved = recovering.CloseSaved(day.PlusDays(20), "renewed after the fix", revenueKept: 1200m);
        Assert.Equal(CasePhase.Warning, warned.Phase);
        Assert.Equal(CasePhase.Recovery, recovering.Phase);
        Assert.Equal(CasePhase.Analysis, saved.Phase);

        // A year of cases: 120 of 200 treated customers saved, 45 of 100 in the randomised hold-out stayed anyway.
        UpliftEstimate uplift = UpliftEstimate.FromCounts(treatedSaved: 120, treated: 200, holdOutSaved: 45, holdOut: 100);
        Assert.Equal(0.15, uplift.Uplift, 12);              // 0.60 − 0.45
        Assert.Equal(0.0304, uplift.Lower, 4);              // Newcombe's hybrid score interval, 95 %: the uplift is
        Assert.Equal(0.2644, uplift.Upper, 4);              // real, somewhere between 3 and 26 points
        // end-snippet
    }

    [Theory]
    [InlineData("health-score", "docs/health.md")]
    [InlineData("three-phases", "docs/health.md")]
    [InlineData("health-score", "src/CustomerRetention.Health/README.md")]
    public void Docs_Quote_The_Snippets_Verbatim(string snippet, string page)
    {
        Repository.AssertDocQuotesSnippet("tests/CustomerRetention.Health.Tests/DocExamplesTests.cs", snippet, page);
    }
}
