using CustomerRetention.Churn;
using CustomerRetention.Relationships;
using CustomerRetention.Rfm;
using CustomerRetention.Satisfaction;
using NodaTime;

namespace CustomerRetention.Json.Tests;

/// <summary>
/// The wire format, pinned: each value written (indented) must equal its file in <c>golden/</c>
/// byte for byte, and each readable file must read back to a value that writes the same file.
/// A deliberate format change regenerates the files with <c>RETENTION_UPDATE_GOLDEN=1</c>; the
/// diff is then reviewed like code. docs/json.md quotes these files.
/// </summary>
public sealed class GoldenFileTests
{
    private static readonly LocalDate D = new(2024, 3, 1);

    [Fact] public void Probability_MatchesGoldenFile() => Check("probability", new Probability(0.25), readable: true);

    [Fact] public void CustomerId_MatchesGoldenFile() => Check("customer-id", new CustomerId("C-001"), readable: true);

    [Fact] public void TimeUnit_MatchesGoldenFile() => Check("time-units", new[] { TimeUnit.Day, TimeUnit.Week, TimeUnit.OfDays(30.4375) }, readable: true);

    [Fact] public void Transaction_MatchesGoldenFile() => Check("transactions", new[] { new Transaction(new CustomerId("C-001"), D, 12.50m), new Transaction(new CustomerId("C-002"), D.PlusDays(3), 7m) }, readable: true);

    [Fact]
    public void PurchaseSummaries_MatchesGoldenFile()
    {
        PurchaseSummaries summaries = PurchaseSummaries.Create(
            new[] { new CustomerId("C-001"), new CustomerId("C-002") },
            new[] { new PurchaseSummary(D, D.PlusDays(40), 5, 3, 120.00m, 30.00m), new PurchaseSummary(D.PlusDays(2), D.PlusDays(2), 1, 1, 9.99m, 9.99m) },
            D.PlusDays(60));
        Check("purchase-summaries", summaries, readable: true);
    }

    [Fact] public void ModelInput_MatchesGoldenFile() => Check("model-input", new ModelInput(2, 38.0 / 7, 58.0 / 7, 45.00m), readable: true);

    [Fact] public void RfmScore_MatchesGoldenFile() => Check("rfm-scores", new[] { new RfmScore(5, 4, 3), default }, readable: true);

    [Fact] public void EarlyWarningRules_MatchesGoldenFile() => Check("early-warning-rules", EarlyWarningRules.Default, readable: true);

    [Fact] public void RfmBinning_MatchesGoldenFile() => Check("rfm-binning", RfmBinning.Thresholds(new[] { 30.0, 90, 180, 365 }, new[] { 1.0, 2, 4, 8 }, new[] { 50.0, 100, 250, 500 }), readable: true);

    [Fact] public void SpendComparison_WithInfiniteCost_MatchesGoldenFile() => Check("spend-comparison-infinite", new SpendComparison(0, 0, 5_000), readable: true);

    [Fact] public void PeriodChurn_MatchesGoldenFile() => Check("period-churn", ChurnMath.Period(1_000, 50, 200, 30), readable: true);

    [Fact] public void NpsComparison_MatchesGoldenFile() => Check("nps-comparison", Nps.Compare(Nps.FromCounts(60, 25, 15), Nps.FromCounts(45, 30, 25)), readable: true);

    [Fact]
    public void TierScheme_MatchesGoldenFile() => Check(
        "tier-scheme",
        new TierScheme(TierMeasure.Revenue, 0.1, new[] { new CustomerTier("Silver", 500, Privilege.None), new CustomerTier("Gold", 2_000, (Privilege)3) }),
        readable: true);

    [Fact]
    public void CohortTable_MatchesGoldenFile()
    {
        int[] customers = { 0, 0, 1, 1, 2 };
        int[] days = { DayNumbers.FromDate(D), DayNumbers.FromDate(D.PlusMonths(1)), DayNumbers.FromDate(D.PlusDays(5)), DayNumbers.FromDate(D.PlusMonths(2)), DayNumbers.FromDate(D.PlusMonths(1)) };
        decimal[] amounts = { 10m, 20m, 5m, 5m, 40m };
        Check("cohort-table", Cohorts.Build(customers, days, amounts, 3, CalendarPeriod.Month), readable: true);
    }

    private static void Check<T>(string name, T value, bool readable)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "golden", name + ".json");
        string json = RetentionJson.Serialize(value, indented: true).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
        if (Environment.GetEnvironmentVariable("RETENTION_UPDATE_GOLDEN") == "1")
        {
            string source = Path.Combine(SourceDirectory(), "golden", name + ".json");
            File.WriteAllText(source, json);
            return;
        }

        Assert.True(File.Exists(path), $"golden/{name}.json is missing; run the tests with RETENTION_UPDATE_GOLDEN=1 once and review it.");
        string golden = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(golden, json);
        if (readable)
        {
            T back = RetentionJson.Deserialize<T>(golden);
            Assert.Equal(golden, RetentionJson.Serialize(back, indented: true).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        }
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;
}
