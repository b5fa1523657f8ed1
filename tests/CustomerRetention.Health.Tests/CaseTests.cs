using NodaTime;

namespace CustomerRetention.Health.Tests;

/// <summary>A case through the three phases, and the post-analysis (docs/health.md, "The three phases").</summary>
public sealed class CaseTests
{
    private static readonly LocalDate Day = new(2026, 3, 1);

    [Fact]
    public void Case_MovesThroughThePhases()
    {
        RetentionCase opened = RetentionCase.Open("C1", Day, "2 open tickets, renewal in 20 days", 1200m);
        RetentionCase acting = opened.Record(new Intervention(Day.PlusDays(2), "call from the account manager"))
            .Record(new Intervention(Day.PlusDays(9), "compensation", "one month free"));
        RetentionCase saved = acting.CloseSaved(Day.PlusDays(14), "problem solved, renewed", 1000m);

        Assert.Equal(CasePhase.Warning, opened.Phase);
        Assert.Equal(CasePhase.Recovery, acting.Phase);
        Assert.Equal(CasePhase.Analysis, saved.Phase);
        Assert.Equal(CaseOutcome.Saved, saved.Outcome);
        Assert.Equal(14, saved.DaysOpen);
        Assert.Equal(2, saved.Interventions.Count);
        Assert.Empty(opened.Interventions); // immutable: each step is a new case
        Assert.Null(opened.DaysOpen);
    }

    [Fact]
    public void Case_RejectsWhatCannotHappen()
    {
        RetentionCase opened = RetentionCase.Open("C1", Day, "warning", 100m);
        RetentionCase held = RetentionCase.Open("C2", Day, "warning", 100m, CaseGroup.HoldOut);
        RetentionCase lost = opened.CloseLost(Day.PlusDays(3), "moved to a competitor");

        Assert.Throws<InvalidOperationException>(() => held.Record(new Intervention(Day, "call")));
        Assert.Throws<InvalidOperationException>(() => lost.Record(new Intervention(Day.PlusDays(4), "call")));
        Assert.Throws<InvalidOperationException>(() => lost.CloseSaved(Day.PlusDays(4), "came back", 1m));
        Assert.Equal("intervention", Assert.Throws<ArgumentOutOfRangeException>(() => opened.Record(new Intervention(Day.PlusDays(-1), "call"))).ParamName);
        Assert.Equal("closedOn", Assert.Throws<ArgumentOutOfRangeException>(() => opened.CloseLost(Day.PlusDays(-1), "gone")).ParamName);
        Assert.Equal("revenueAtRisk", Assert.Throws<ArgumentOutOfRangeException>(() => RetentionCase.Open("C", Day, "w", -1m)).ParamName);
        Assert.Equal("reason", Assert.Throws<ArgumentException>(() => opened.CloseLost(Day, " ")).ParamName);
    }

    [Fact]
    public void Analysis_SaveRate_TimeToSave_RevenueKept()
    {
        RetentionCase[] cases =
        [
            RetentionCase.Open("A", Day, "w", 500m).CloseSaved(Day.PlusDays(10), "fixed", 400m),
            RetentionCase.Open("B", Day, "w", 300m).CloseSaved(Day.PlusDays(20), "discount", 250m),
            RetentionCase.Open("C", Day, "w", 800m).CloseSaved(Day.PlusDays(60), "new contact", 800m),
            RetentionCase.Open("D", Day, "w", 200m).CloseLost(Day.PlusDays(5), "price"),
            RetentionCase.Open("E", Day, "w", 200m),
            RetentionCase.Open("F", Day, "w", 100m, CaseGroup.HoldOut).CloseLost(Day.PlusDays(30), "left"),
            RetentionCase.Open("G", Day, "w", 100m, CaseGroup.HoldOut).CloseSaved(Day.PlusDays(30), "stayed", 100m),
        ];

        CaseAnalysis a = CaseAnalysis.Analyze(cases);

        // Hand-worked: 3 of 4 closed treated cases saved; days 10, 20, 60 (mean 30, median 20); kept 400 + 250 + 800.
        Assert.Equal(1, a.OpenCases);
        Assert.Equal(0.75, a.SaveRate);
        Assert.Equal(30, a.MeanDaysToSave);
        Assert.Equal(20, a.MedianDaysToSave);
        Assert.Equal(1450m, a.RevenueKept);
        Assert.Equal(0.5, a.HoldOutSaveRate);
        Assert.Equal(0.25, a.Uplift!.Uplift, 12);
        Assert.Null(CaseAnalysis.Analyze(cases.Take(5)).Uplift); // no hold-out group
        Assert.Null(CaseAnalysis.Analyze([]).SaveRate);
    }
}
