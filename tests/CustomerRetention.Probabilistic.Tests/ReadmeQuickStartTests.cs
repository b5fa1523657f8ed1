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
        TransactionTable table = TransactionCsv.ReadFile(csv);
        ModelInputs inputs = PurchaseAggregator.Summarize(table, through: calibrationEnd).ToModelInputs(calibrationEnd, TimeUnit.Week);
        FitResult<BetaGeoParameters> fit = BetaGeo.Fit(inputs);
        FitResult<GammaGammaParameters> spend = GammaGamma.Fit(inputs);
        double alive = BetaGeo.ProbabilityAlive(fit, frequency: 26, recency: 30.86, T: 31);
        double next52 = BetaGeo.ConditionalExpectedPurchases(fit, horizon: 52, frequency: 26, recency: 30.86, T: 31);
        ModelInput first = inputs[0];
        double value = GammaGamma.ConditionalExpectedAverageValue(spend, first.Frequency, (double)first.MonetaryValue);
        double clv = CustomerLifetimeValue.Discounted(fit, first.Frequency, first.Recency, first.T, value, horizon: 52, discountRate: 0.01);

        // Fader, Hardie & Lee (2005), "Counting your customers the easy way": r 0.2426, α 4.4136, a 0.7929, b 2.4259,
        // LL −9582.43; customer x = 26, t_x = 30.86, T = 31: P(alive) 0.9689, E[next 52 weeks] 25.76; Gamma-Gamma
        // ("RFM and CLV") p 6.25, q 3.74, γ 15.44 and customer 1's expected average spend 24.65 (reference-values.md).
        BetaGeoParameters p = fit.Parameters;
        Tolerance.Close(0.2426, p.R, relative: 2e-3);
        Tolerance.Close(4.4136, p.Alpha, relative: 2e-3);
        Tolerance.Close(0.7929, p.A, relative: 2e-3);
        Tolerance.Close(2.4259, p.B, relative: 2e-3);
        Tolerance.Decimals(-9582.43, fit.LogLikelihood, 2);
        Assert.Equal(2357, fit.Customers);
        Tolerance.Decimals(0.9689, alive, 4);
        Tolerance.Decimals(25.76, next52, 2);
        Tolerance.Decimals(6.25, spend.Parameters.P, 2);
        Tolerance.Decimals(3.74, spend.Parameters.Q, 2);
        Tolerance.Decimals(15.44, spend.Parameters.Gamma, 2);
        Assert.Equal(2, first.Frequency);
        Tolerance.Decimals(24.65, value, 2);

        // The CLV lies between the undiscounted and the fully discounted value of the next 52 weeks' purchases.
        double undiscounted = value * BetaGeo.ConditionalExpectedPurchases(fit, 52, first.Frequency, first.Recency, first.T);
        Assert.InRange(clv, undiscounted / Math.Pow(1.01, 52), undiscounted);
    }

    [Fact]
    public void Readme_Quotes_The_Code_Above()
    {
        string readme = File.ReadAllText(Path.Combine(Repository.Root(), "README.md"));

        foreach (string line in new[]
        {
            "TransactionTable table = TransactionCsv.ReadFile(\"cdnow_sample_transactions.csv\");",
            "ModelInputs inputs = PurchaseAggregator.Summarize(table, through: calibrationEnd).ToModelInputs(calibrationEnd, TimeUnit.Week);",
            "FitResult<BetaGeoParameters> fit = BetaGeo.Fit(inputs);",
            "FitResult<GammaGammaParameters> spend = GammaGamma.Fit(inputs);",
            "double alive = BetaGeo.ProbabilityAlive(fit, frequency: 26, recency: 30.86, T: 31);",
            "double next52 = BetaGeo.ConditionalExpectedPurchases(fit, horizon: 52, frequency: 26, recency: 30.86, T: 31);",
            "ModelInput first = inputs[0];",
            "double value = GammaGamma.ConditionalExpectedAverageValue(spend, first.Frequency, (double)first.MonetaryValue);",
            "double clv = CustomerLifetimeValue.Discounted(fit, first.Frequency, first.Recency, first.T, value, horizon: 52, discountRate: 0.01);",
        })
        {
            Assert.Contains(line, readme, StringComparison.Ordinal);
        }
    }
}
