using CustomerRetention.Relationships;
using NodaTime;

namespace CustomerRetention.Relationships.Tests;

/// <summary>
/// The code examples of docs/relationships.md, docs/lock-in.md and docs/win-back.md. Each example sits between
/// <c>// begin-snippet: NAME</c> and <c>// end-snippet</c>; <see cref="Docs_Quote_The_Snippets_Verbatim"/> checks that
/// the pages quote them exactly, so the documented code is the code that compiles and runs here.
/// </summary>
public sealed class DocExamplesTests
{
    [Fact]
    public void Relationships_Example()
    {
        // begin-snippet: relationships
        // 1. The emotional account: deposits and withdrawals on dates.
        var day = new LocalDate(2026, 3, 2);
        EmotionalAccount account = EmotionalAccount.Empty
            .Deposit(day, EmotionalEntryKind.UnderstandingFirst, 5)
            .Deposit(day.PlusDays(7), EmotionalEntryKind.KeptPromise, 8)
            .Withdraw(day.PlusDays(20), EmotionalEntryKind.BrokenPromise, 6)
            .Deposit(day.PlusDays(21), EmotionalEntryKind.AdmittedMistake, 4);
        Assert.Equal(11, account.Balance);                       // 5 + 8 − 6 + 4
        Assert.Equal(13, account.BalanceOn(day.PlusDays(19)));   // before the broken promise

        // 2. Which value does the relationship rest on? 90 % of problems solved, balance 11, one shared value.
        ValueTierAssessment value = ValueTiers.Assess(new ValueTierSignals(0.9, account.Balance, 1));
        Assert.Equal(RelationshipValue.Emotional, value.Reached);
        Assert.Equal("shared values 1 < 2", value.Checks[2].Reason);

        // 3. From stranger to trust, one stage at a time.
        TrustTracker trust = TrustTracker.Initial
            .Observe(day, TrustSignal.ConcreteBenefit | TrustSignal.PlaceableIdentity)   // guard lowered
            .Observe(day.PlusDays(7), TrustSignal.GaveFirst | TrustSignal.Similarity)     // favour
            .Observe(day.PlusDays(14), TrustSignal.Expertise | TrustSignal.DiagnosticQuestions); // trust
        Assert.Equal(TrustStage.Trust, trust.Stage);
        trust = trust.Regress(day.PlusDays(20), TrustStage.Favour, "broken promise on delivery");
        Assert.True(trust.History[^1].IsRegression);

        // 4. A prospect after a first contact, and how to follow up.
        ProspectClassification prospect = Prospects.Classify(
            new ProspectSignals(ClearNeed: true, Interest: InterestLevel.High, HasBudget: true, FocusedOnModel: false, ExplicitRefusal: false));
        FollowUpPlan plan = Prospects.PlanFor(prospect.Class);
        Assert.Equal(ProspectClass.Promising, prospect.Class);
        Assert.Equal(FollowUpChannel.Call, plan.Channel);
        Assert.Equal(day.PlusDays(7), plan.NextContact(day));

        // 5. Customer tiers by 12-month revenue, with a margin of 500 against flapping.
        TierScheme tiers = TierScheme.Standard(TierMeasure.Revenue, vip: 10_000, key: 5_000, regular: 1_000, margin: 500);
        IReadOnlyList<CustomerTier> path = tiers.Track([9_800, 10_300, 10_600, 9_700, 9_400]);
        Assert.Equal(new[] { "Key", "Key", "VIP", "VIP", "Key" }, path.Select(t => t.Name));
        Assert.True(path[2].Privileges.HasFlag(Privilege.VipHotline));
        // end-snippet
    }

    [Fact]
    public void LockIn_Example()
    {
        // begin-snippet: lock-in
        var asOf = new LocalDate(2026, 6, 30);

        // Habit: purchases every 28, 35, 28, 33 days → CV of the intervals 0.10, score 1/(1 + CV) ≈ 0.91.
        HabitMeasure habit = LockIn.Habit(
        [
            new LocalDate(2026, 1, 5), new LocalDate(2026, 2, 2), new LocalDate(2026, 3, 9),
            new LocalDate(2026, 4, 6), new LocalDate(2026, 5, 9),
        ]);
        Assert.Equal(31.0, habit.MeanIntervalDays);

        // Product penetration: a bank customer holding a card and a mortgage, out of 4 products in 3 categories.
        var catalogue = new Dictionary<string, string>
        {
            ["card"] = "payments", ["mortgage"] = "loans", ["car loan"] = "loans", ["deposit"] = "savings",
        };
        PenetrationMeasure penetration = LockIn.Penetration(["card", "mortgage"], catalogue);
        Assert.Equal((0.5 + (2.0 / 3)) / 2, penetration.Score); // (2/4 + 2/3) / 2

        // Policy bundling: a two-year plan with 12 months left and 400 points redeemable only here.
        BundlingMeasure bundling = LockIn.Bundling(
            [new Contract("24-month plan", asOf.PlusMonths(12))], exclusivePoints: 400, asOf, BundlingScales.Default);

        // The switching-cost index along Burnham, Frels & Mahajan's families; the relationship is not measured here.
        SwitchingCostIndex index = LockIn.SwitchingCost(
            new LockInLevers(habit.Score, penetration.Score, bundling.Score),
            new SwitchingCostWeights(procedural: 1, financial: 2, relational: 0));
        double total = index.Levers.Sum(l => l.Contribution);
        Assert.Equal(index.Value, total, 12);                   // the contributions add up
        Assert.Equal(LockInLever.PolicyBundling, index.MostHeadroom);
        // end-snippet
    }

    [Fact]
    public void WinBack_Example()
    {
        // begin-snippet: win-back
        Departure[] departures =
        [
            new("C-17", new LocalDate(2026, 1, 10), 1_200m, [ChurnReason.PoorValue]),
            new("C-42", new LocalDate(2026, 2, 4), 900m, [ChurnReason.Untimely, ChurnReason.Unfriendly]),
            new("C-08", new LocalDate(2026, 2, 19), 600m, [ChurnReason.Untimely]),
        ];

        // Step 4: which reasons cost most? A departure with two reasons gives each half its revenue.
        ReasonRanking ranking = WinBack.RankReasons(departures);
        Assert.Equal(ChurnReason.PoorValue, ranking.Reasons[0].Reason);    // 1,200
        Assert.Equal(1_050m, ranking.Reasons[1].RevenueLost);              // untimely: 450 + 600

        // Step 2: whom to call first — value × chance of return.
        IReadOnlyList<WinBackProspect> calls = WinBack.Prioritise(
            [new("C-17", 1_200m, 0.2), new("C-42", 900m, 0.5), new("C-08", 600m, 0.3)]);
        Assert.Equal("C-42", calls[0].CustomerId);                         // 450 > 240 > 180

        // Steps 3 and 5 for one customer: a state machine on NodaTime dates.
        WinBackCase c = WinBackCase.Track(departures[1], new LocalDate(2026, 2, 5))
            .MoveTo(WinBackState.Selected, new LocalDate(2026, 2, 6))
            .MoveTo(WinBackState.Contacted, new LocalDate(2026, 2, 9))
            .Diagnose(new LocalDate(2026, 2, 9), [ChurnReason.Untimely])
            .MoveTo(WinBackState.OfferMade, new LocalDate(2026, 2, 12))
            .MoveTo(WinBackState.WonBack, new LocalDate(2026, 3, 1))
            .MoveTo(WinBackState.IntensiveCare, new LocalDate(2026, 3, 1));
        Assert.Equal(new LocalDate(2026, 9, 1), c.NextReviewDue);         // every six months
        Assert.Throws<InvalidOperationException>(() => c.MoveTo(WinBackState.Declined, new LocalDate(2026, 3, 2)));

        // The programme's figures.
        WinBackMetrics metrics = WinBack.Metrics([c, WinBackCase.Track(departures[0], new LocalDate(2026, 1, 11))]);
        Assert.Equal(0.5, metrics.RecoveryRate);
        Assert.Equal(900m, metrics.RecoveredRevenue);
        Assert.Equal(25.0, metrics.MeanDaysToWinBack);                     // 4 Feb → 1 Mar
        // end-snippet
    }

    [Theory]
    [InlineData("relationships", "relationships.md")]
    [InlineData("lock-in", "lock-in.md")]
    [InlineData("win-back", "win-back.md")]
    public void Docs_Quote_The_Snippets_Verbatim(string snippet, string page)
    {
        Repository.AssertDocQuotesSnippet("tests/CustomerRetention.Relationships.Tests/DocExamplesTests.cs", snippet, Path.Combine("docs", page));
    }
}
