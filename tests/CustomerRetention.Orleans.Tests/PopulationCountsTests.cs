using CustomerRetention.Orleans.Model;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerRetention.Orleans.Tests;

public sealed class PopulationCountsTests
{
    private static readonly LocalDate End = new(2024, 6, 30);

    [Fact]
    public void FromSummaries_CountsEqualHistoriesAndSkipsTheEmptySummary()
    {
        var d = new LocalDate(2024, 1, 1);
        PurchaseSummary once = new(d, d, 1, 1, 10m, 10m);
        PurchaseSummary twice = new(d, d.PlusDays(14), 3, 2, 30m, 12m);

        PopulationCounts counts = PopulationCounts.FromSummaries([twice, once, default, once], End);

        int age = Period.DaysBetween(d, End);
        Assert.Equal([new HistoryCount(0, 0, age, 2), new HistoryCount(1, 14, age, 1)], counts.Rows);
        Assert.Equal((3L, 1L, 18m), (counts.Customers, counts.RepeatPurchaseDays, counts.RepeatAmount));
    }

    [Fact]
    public void FromSummaries_PurchaseAfterTheCalibrationEnd_ThrowsNamingTheSummaries()
    {
        PurchaseSummary late = new(End.PlusDays(1), End.PlusDays(1), 1, 1, 1m, 1m);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => PopulationCounts.FromSummaries([late], End));

        Assert.Equal("summaries", e.ParamName);
    }

    [Fact]
    public void Merge_DifferentCalibrationEnds_ThrowsNamingTheParts()
    {
        var e = Assert.Throws<ArgumentException>(() => PopulationCounts.Merge([PopulationCounts.Empty(End), PopulationCounts.Empty(End.PlusDays(1))]));

        Assert.Equal("parts", e.ParamName);
    }

    [Fact]
    public void Merge_OfAnySplitOfTheCustomers_EqualsTheCountsOfAll()
    {
        // Any customers, split at random into shards: the merged counts are the counts of all, in the same canonical order.
        Arbitrary<(int First, int Span, int Days, int Shard)[]> customers =
            (from first in Gen.Choose(0, 150)
             from span in Gen.Choose(0, 30)
             from days in Gen.Choose(1, 5)
             from shard in Gen.Choose(0, 3)
             select (first, span, days, shard)).ArrayOf().ToArbitrary();
        Properties.ForAll(customers, cs =>
        {
            PurchaseSummary[] summaries = cs.Select(c => Summary(c.First, c.Span, c.Days)).ToArray();
            PopulationCounts whole = PopulationCounts.FromSummaries(summaries, End);
            PopulationCounts merged = PopulationCounts.Merge(Enumerable.Range(0, 4)
                .Select(s => PopulationCounts.FromSummaries(summaries.Where((_, i) => cs[i].Shard == s), End)).ToArray());
            return whole.Rows.SequenceEqual(merged.Rows) && whole.RepeatAmount == merged.RepeatAmount && whole.RepeatPurchaseDays == merged.RepeatPurchaseDays;
        });
    }

    private static PurchaseSummary Summary(int firstOffset, int span, int days)
    {
        LocalDate first = End.PlusDays(-200 + firstOffset);
        int purchaseDays = span == 0 ? 1 : Math.Min(days, span + 1);
        return new PurchaseSummary(first, first.PlusDays(span), purchaseDays, purchaseDays, purchaseDays * 2.5m, 2.5m);
    }
}
