using CustomerRetention.Relationships;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerRetention.Relationships.Tests;

/// <summary>Churn reasons and the win-back pipeline (domain brief §4).</summary>
public sealed class WinBackTests
{
    private static readonly LocalDate Jan10 = new(2026, 1, 10);

    private static Departure[] Departures =>
    [
        new("A", Jan10, 1_200m, [ChurnReason.PoorValue]),
        new("B", Jan10.PlusDays(25), 900m, [ChurnReason.Untimely, ChurnReason.Unfriendly]),
        new("C", Jan10.PlusDays(40), 600m, [ChurnReason.Untimely]),
        new("D", Jan10.PlusDays(80), 300m, []),
        new("E", Jan10.PlusDays(100), 1_000m, [ChurnReason.BrokenPromises, ChurnReason.PoorValue]),
    ];

    [Fact]
    public void Reasons_AreTheSeven_WithNamesAndDescriptions()
    {
        // Domain brief §4: inconvenient, untimely, unfriendly, unprofessional, poor value, dislike, broken promises.
        Assert.Equal(7, ChurnReasons.All.Count);
        Assert.Equal("poor-value", ChurnReasons.NameOf(ChurnReason.PoorValue));
        Assert.Equal(ChurnReason.BrokenPromises, ChurnReasons.Parse("Broken_Promises"));
        Assert.Equal(ChurnReason.PoorValue, ChurnReasons.Parse("PoorValue"));
        Assert.All(ChurnReasons.All, r => Assert.False(string.IsNullOrWhiteSpace(ChurnReasons.Describe(r))));
        ArgumentException e = Assert.Throws<ArgumentException>(() => ChurnReasons.Parse("too-expensive"));
        Assert.Contains("'too-expensive' is not a churn reason", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RankReasons_EqualShare_HandWorked()
    {
        // Hand-worked: poor value 1,200 + 1,000/2 = 1,700; untimely 900/2 + 600 = 1,050; broken promises 500;
        // unfriendly 450; total 4,000 of which 300 undiagnosed.
        ReasonRanking r = WinBack.RankReasons(Departures);

        Assert.Equal(
            new[]
            {
                new ReasonRevenue(ChurnReason.PoorValue, 2, 1_700m, 0.425),
                new ReasonRevenue(ChurnReason.Untimely, 2, 1_050m, 0.2625),
                new ReasonRevenue(ChurnReason.BrokenPromises, 1, 500m, 0.125),
                new ReasonRevenue(ChurnReason.Unfriendly, 1, 450m, 0.1125),
            },
            r.Reasons);
        Assert.Equal(4_000m, r.TotalRevenueLost);
        Assert.Equal(1, r.UndiagnosedDepartures);
        Assert.Equal(300m, r.UndiagnosedRevenueLost);
    }

    [Fact]
    public void RankReasons_Full_CountsTheWholeRevenuePerReason()
    {
        // Hand-worked: poor value 2,200; untimely 1,500; broken promises 1,000; unfriendly 900.
        ReasonRanking r = WinBack.RankReasons(Departures, ReasonAttribution.Full);

        Assert.Equal(new[] { 2_200m, 1_500m, 1_000m, 900m }, r.Reasons.Select(x => x.RevenueLost));
        Assert.Equal(ChurnReason.Unfriendly, r.Reasons[^1].Reason);
    }

    [Fact]
    public void Count_ByMonthAndQuarter()
    {
        IReadOnlyList<DepartureCount> months = WinBack.Count(Departures, TrackingPeriod.Month);
        Assert.Equal(
            new[]
            {
                new DepartureCount(new LocalDate(2026, 1, 1), 1, 1_200m),
                new DepartureCount(new LocalDate(2026, 2, 1), 2, 1_500m),
                new DepartureCount(new LocalDate(2026, 3, 1), 1, 300m),
                new DepartureCount(new LocalDate(2026, 4, 1), 1, 1_000m),
            },
            months);
        IReadOnlyList<DepartureCount> quarters = WinBack.Count(Departures, TrackingPeriod.Quarter);
        Assert.Equal(new[] { 4, 1 }, quarters.Select(q => q.Departures));
    }

    [Fact]
    public void Prioritise_ValueTimesChance()
    {
        // Hand-worked priorities: A 1,200·0.2 = 240; B 900·0.5 = 450; C 600·0.75 = 450; E 1,000·0.1 = 100.
        // B and C tie at 450: the higher value (B) first.
        IReadOnlyList<WinBackProspect> order = WinBack.Prioritise(
        [
            new("A", 1_200m, 0.2), new("E", 1_000m, 0.1), new("C", 600m, 0.75), new("B", 900m, 0.5),
        ]);

        Assert.Equal(new[] { "B", "C", "A", "E" }, order.Select(p => p.CustomerId));
        Assert.Equal(450.0, order[0].Priority);
    }

    [Fact]
    public void Case_WalksThePipeline_AndSchedulesReviews()
    {
        Departure d = Departures[0];
        WinBackCase c = WinBackCase.Track(d, Jan10.PlusDays(5))
            .MoveTo(WinBackState.Selected, Jan10.PlusDays(6))
            .MoveTo(WinBackState.Contacted, Jan10.PlusDays(10))
            .Diagnose(Jan10.PlusDays(10), [ChurnReason.Untimely])
            .MoveTo(WinBackState.OfferMade, Jan10.PlusDays(12))
            .MoveTo(WinBackState.WonBack, Jan10.PlusDays(30))
            .MoveTo(WinBackState.IntensiveCare, new LocalDate(2026, 2, 28));

        Assert.Equal(WinBackState.IntensiveCare, c.State);
        Assert.Equal(new[] { ChurnReason.Untimely }, c.Departure.Reasons);
        Assert.Equal(30, c.DaysToWinBack);

        // Six-monthly reviews from 28 Feb 2026: 28 Aug 2026, 28 Feb 2027, 28 Aug 2027.
        Assert.Equal(new LocalDate(2026, 8, 28), c.NextReviewDue);
        Assert.Equal(
            new[] { new LocalDate(2026, 8, 28), new LocalDate(2027, 2, 28), new LocalDate(2027, 8, 28) },
            c.ReviewSchedule(new LocalDate(2027, 12, 31)));
        WinBackCase reviewed = c.RecordReview(new LocalDate(2026, 9, 2));
        Assert.Equal(new LocalDate(2027, 3, 2), reviewed.NextReviewDue);
    }

    [Fact]
    public void Case_ReviewScheduleFromMonthEnd_DoesNotDrift()
    {
        // NodaTime clamps 31 Aug + 6 months to 28 Feb; counting each review from the start keeps 31 Aug a year on.
        WinBackCase c = WinBackCase.Track(new Departure("X", new LocalDate(2026, 6, 1), 10m, []), new LocalDate(2026, 6, 1))
            .MoveTo(WinBackState.Selected, new LocalDate(2026, 6, 2))
            .MoveTo(WinBackState.Contacted, new LocalDate(2026, 6, 3))
            .MoveTo(WinBackState.Diagnosed, new LocalDate(2026, 6, 4))
            .MoveTo(WinBackState.OfferMade, new LocalDate(2026, 6, 5))
            .MoveTo(WinBackState.WonBack, new LocalDate(2026, 8, 1))
            .MoveTo(WinBackState.IntensiveCare, new LocalDate(2026, 8, 31));

        Assert.Equal(
            new[] { new LocalDate(2027, 2, 28), new LocalDate(2027, 8, 31) },
            c.ReviewSchedule(new LocalDate(2027, 12, 1)));
    }

    [Fact]
    public void Metrics_HandWorked()
    {
        LocalDate t = Jan10.PlusDays(200);
        WinBackCase Won(Departure d, int days) => WinBackCase.Track(d, d.Date)
            .MoveTo(WinBackState.Selected, d.Date).MoveTo(WinBackState.Contacted, d.Date)
            .MoveTo(WinBackState.Diagnosed, d.Date).MoveTo(WinBackState.OfferMade, d.Date)
            .MoveTo(WinBackState.WonBack, d.Date.PlusDays(days));
        Departure[] ds = Departures;
        WinBackCase[] cases =
        [
            Won(ds[0], 20),
            Won(ds[1], 50).MoveTo(WinBackState.IntensiveCare, t),
            WinBackCase.Track(ds[2], ds[2].Date).MoveTo(WinBackState.Selected, t).MoveTo(WinBackState.Contacted, t).MoveTo(WinBackState.Declined, t),
            WinBackCase.Track(ds[3], ds[3].Date),
            Won(ds[4], 35),
        ];

        // Hand-worked: 5 departed, 4 contacted, 3 won back,
        // recovery 3/5 = 0.6, recovered 1,200 + 900 + 1,000 = 3,100; days 20, 50, 35 → mean 35, median 35.
        WinBackMetrics m = WinBack.Metrics(cases);
        Assert.Equal(5, m.Departed);
        Assert.Equal(4, m.Contacted);
        Assert.Equal(3, m.WonBack);
        Assert.Equal(1, m.Declined);
        Assert.Equal(0.6, m.RecoveryRate);
        Assert.Equal(0.75, m.ContactSuccessRate);
        Assert.Equal(3_100m, m.RecoveredRevenue);
        Assert.Equal(35.0, m.MeanDaysToWinBack);
        Assert.Equal(35.0, m.MedianDaysToWinBack);
        Assert.Null(WinBack.Metrics([]).MeanDaysToWinBack);
    }

    [Fact]
    public void Departure_HasValueEquality()
    {
        Assert.Equal(new Departure("A", Jan10, 5m, [ChurnReason.Dislike, ChurnReason.Untimely]), new Departure("A", Jan10, 5.0m, [ChurnReason.Dislike, ChurnReason.Untimely, ChurnReason.Dislike]));
        Assert.NotEqual(new Departure("A", Jan10, 5m, [ChurnReason.Dislike]), new Departure("A", Jan10, 5m, [ChurnReason.Untimely]));
        Assert.Equal(
            new Departure("A", Jan10, 5m, [ChurnReason.Dislike]).GetHashCode(),
            new Departure("A", Jan10, 5m, []).WithReasons([ChurnReason.Dislike]).GetHashCode());
    }

    [Fact]
    public void BadInput_Throws()
    {
        ArgumentOutOfRangeException negative = Assert.Throws<ArgumentOutOfRangeException>(() => new Departure("A", Jan10, -1m, []));
        Assert.Equal("revenueLost", negative.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Departure("A", Jan10, 1m, [(ChurnReason)7]));
        Assert.Throws<ArgumentException>(() => new Departure(" ", Jan10, 1m, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WinBackProspect("A", 1m, 1.5));
        ArgumentException unknown = Assert.Throws<ArgumentException>(() => WinBackStates.Parse("lost-forever"));
        Assert.Contains("not a win-back state", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(WinBackState.OfferMade, WinBackStates.Parse("offer_made"));
        WinBackCase c = WinBackCase.Track(Departures[0], Jan10);
        Assert.Throws<ArgumentOutOfRangeException>(() => c.MoveTo((WinBackState)99, Jan10));
        Assert.Throws<ArgumentOutOfRangeException>(() => c.MoveTo(WinBackState.Selected, Jan10.PlusDays(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => WinBackCase.Track(Departures[0], Jan10.PlusDays(-1)));
        InvalidOperationException skip = Assert.Throws<InvalidOperationException>(() => c.MoveTo(WinBackState.OfferMade, Jan10));
        Assert.Equal("A win-back case cannot move from tracked to offer-made.", skip.Message);
        Assert.Throws<InvalidOperationException>(() => c.RecordReview(Jan10));
        Assert.Throws<ArgumentException>(() => c.MoveTo(WinBackState.Selected, Jan10).MoveTo(WinBackState.Contacted, Jan10).Diagnose(Jan10, []));
    }

    // The legal moves written out independently of the library (domain brief §4, the five steps).
    private static readonly HashSet<(WinBackState, WinBackState)> Legal =
    [
        (WinBackState.Tracked, WinBackState.Selected),
        (WinBackState.Selected, WinBackState.Contacted),
        (WinBackState.Contacted, WinBackState.Diagnosed),
        (WinBackState.Diagnosed, WinBackState.OfferMade),
        (WinBackState.OfferMade, WinBackState.WonBack),
        (WinBackState.WonBack, WinBackState.IntensiveCare),
        (WinBackState.Contacted, WinBackState.Declined),
        (WinBackState.Diagnosed, WinBackState.Declined),
        (WinBackState.OfferMade, WinBackState.Declined),
    ];

    [Fact]
    public void Pipeline_AcceptsExactlyTheLegalMoves_Meets_Specification()
    {
        Arbitrary<int[]> attempts = Gen.ArrayOf(Gen.Choose(0, 7)).ToArbitrary();
        Properties.ForAll(attempts, targets =>
        {
            WinBackCase c = WinBackCase.Track(new Departure("X", Jan10, 100m, []), Jan10);
            int day = 0;
            foreach (int target in targets)
            {
                var to = (WinBackState)target;
                WinBackState from = c.State;
                bool legal = Legal.Contains((from, to));
                if (WinBackStates.IsLegal(from, to) != legal)
                {
                    return false;
                }

                try
                {
                    c = c.MoveTo(to, Jan10.PlusDays(++day));
                    if (!legal || c.State != to)
                    {
                        return false;
                    }
                }
                catch (InvalidOperationException)
                {
                    if (legal || c.State != from)
                    {
                        return false;
                    }
                }
            }

            return true;
        });
    }

    [Fact]
    public void RankReasons_EqualShareAddsUp_Meets_Specification()
    {
        Arbitrary<(int Revenue, int Reasons)[]> departures = Gen.ArrayOf(
            from revenue in Gen.Choose(0, 100_000)
            from reasons in Gen.Choose(0, 127)
            select (revenue, reasons)).ToArbitrary();
        Properties.ForAll(departures, rows =>
        {
            Departure[] ds = rows.Select((r, i) => new Departure(
                "c" + i, Jan10, r.Revenue / 100m, ChurnReasons.All.Where(x => (r.Reasons & (1 << (int)x)) != 0))).ToArray();
            ReasonRanking ranking = WinBack.RankReasons(ds);
            decimal attributed = ranking.Reasons.Sum(x => x.RevenueLost) + ranking.UndiagnosedRevenueLost;
            bool sorted = ranking.Reasons.Zip(ranking.Reasons.Skip(1)).All(p => p.First.RevenueLost >= p.Second.RevenueLost);
            return Math.Abs(attributed - ranking.TotalRevenueLost) < 1e-20m && sorted;
        });
    }
}
