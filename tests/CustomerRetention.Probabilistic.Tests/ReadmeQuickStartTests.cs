using CustomerRetention.Csv;
using NodaTime;

namespace CustomerRetention.Probabilistic.Tests;

/// <summary>The C# quick start of the repository's README.md: quoted verbatim and run here with its numbers.</summary>
public sealed class ReadmeQuickStartTests
{
    [Fact]
    public void Quick_Start_Runs_And_Gives_The_Published_Numbers()
    {
        string csv = TestData.Path("cdnow_sample_transactions.csv");

        var calibrationEnd = new LocalDate(1997, 9, 30);
        TransactionTable table = TransactionCsv.ReadFile(csv).Table;
        ModelInputs inputs = PurchaseAggregator.Summarize(table, through: calibrationEnd).ToModelInputs(calibrationEnd, TimeUnit.Week);
        var histories = PurchaseHistories.FromSpans(inputs.Frequency, inputs.Recency, inputs.T, weights: default);
        BetaGeoParameters fit = BetaGeo.Fit(histories).Parameters;
        double alive = BetaGeo.ProbabilityAlive(fit, frequency: 26, recency: 30.86, age: 31);
        double next52 = BetaGeo.ConditionalExpectedPurchases(fit, horizon: 52, frequency: 26, recency: 30.86, age: 31);

        // Fader, Hardie & Lee (2005), "Counting your customers the easy way": r 0.2426, α 4.4136, a 0.7929, b 2.4259;
        // customer x = 26, t_x = 30.86, T = 31: P(alive) 0.9689, E[next 52 weeks] 25.76 (reference-values.md).
        Tolerance.Close(0.2426, fit.R, relative: 2e-3);
        Tolerance.Close(4.4136, fit.Alpha, relative: 2e-3);
        Tolerance.Close(0.7929, fit.A, relative: 2e-3);
        Tolerance.Close(2.4259, fit.B, relative: 2e-3);
        Tolerance.Decimals(0.9689, alive, 4);
        Tolerance.Decimals(25.76, next52, 2);
    }

    [Fact]
    public void Readme_Quotes_The_Code_Above()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));

        foreach (string line in new[]
        {
            "TransactionTable table = TransactionCsv.ReadFile(\"cdnow_sample_transactions.csv\").Table;",
            "ModelInputs inputs = PurchaseAggregator.Summarize(table, through: calibrationEnd).ToModelInputs(calibrationEnd, TimeUnit.Week);",
            "var histories = PurchaseHistories.FromSpans(inputs.Frequency, inputs.Recency, inputs.T, weights: default);",
            "BetaGeoParameters fit = BetaGeo.Fit(histories).Parameters;",
            "double alive = BetaGeo.ProbabilityAlive(fit, frequency: 26, recency: 30.86, age: 31);",
            "double next52 = BetaGeo.ConditionalExpectedPurchases(fit, horizon: 52, frequency: 26, recency: 30.86, age: 31);",
        })
        {
            Assert.Contains(line, readme, StringComparison.Ordinal);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CustomerRetention.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("CustomerRetention.sln not found above " + AppContext.BaseDirectory);
    }
}
