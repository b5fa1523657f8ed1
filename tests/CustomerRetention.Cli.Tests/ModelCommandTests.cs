using System.Text.Json;

namespace CustomerRetention.Cli.Tests;

public class ModelCommandTests
{
    private static JsonElement Fit(params string[] args)
    {
        CliResult result = CliRunner.Run(["fit", .. args]);
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonDocument.Parse(result.Output).RootElement.Clone();
    }

    [Fact]
    public void FitBgNbd_Summary_ReproducesPublishedFit()
    {
        JsonElement json = Fit("bg-nbd", "--summary", TestData.Path("cdnow_sample_summary_weeks.csv"));
        Assert.Equal("bg-nbd", json.GetProperty("model").GetString());
        // Fader, Hardie & Lee (2005): r 0.2426, α 4.4136, a 0.7929, b 2.4259, LL −9582.43; 2,357 customers.
        Tolerance.Close(0.2426, json.GetProperty("parameters").GetProperty("r").GetDouble(), relative: 1e-3);
        Tolerance.Close(4.4136, json.GetProperty("parameters").GetProperty("alpha").GetDouble(), relative: 1e-3);
        Tolerance.Close(-9582.43, json.GetProperty("logLikelihood").GetDouble(), absolute: 0.01);
        Assert.Equal(2357, json.GetProperty("customers").GetInt32());
    }

    [Fact]
    public void FitGammaGamma_Transactions_CountsExcluded()
    {
        JsonElement json = Fit("gamma-gamma", "--transactions", TestData.Path("cdnow_sample_transactions.csv"), "--calibration-end", "1997-09-30", "--time-unit", "week");
        // FHL (2005) "RFM and CLV": 946 repeat buyers, p 6.25, q 3.74, γ 15.44, LL −4055.92.
        Assert.Equal(946, json.GetProperty("customers").GetInt32());
        Assert.Equal(0, json.GetProperty("excluded").GetInt32());
        Tolerance.Close(-4055.92, json.GetProperty("logLikelihood").GetDouble(), absolute: 0.01);
    }

    [Fact]
    public void FitParetoNbd_GermanCulture_SameNumbers()
    {
        CliResult result = CliRunner.RunInCulture("de-DE", "fit", "pareto-nbd", "--summary", TestData.Path("cdnow_sample_summary_weeks.csv"));
        Assert.Equal(0, result.ExitCode);
        JsonElement json = JsonDocument.Parse(result.Output).RootElement;
        // FHL (2005) "RFM and CLV": LL −9594.98.
        Tolerance.Close(-9594.98, json.GetProperty("logLikelihood").GetDouble(), absolute: 0.01);
    }

    [Fact]
    public void FitBgBb_Donations()
    {
        JsonElement json = Fit("bg-bb", "--summary", TestData.Path("donations_bgbb_summary.csv"));
        // Fader, Hardie & Shang (2010): LL −33225.58, 11,104 donors.
        Tolerance.Close(-33225.58, json.GetProperty("logLikelihood").GetDouble(), absolute: 0.01);
        Assert.Equal(11104, json.GetProperty("customers").GetInt32());
    }

    [Fact]
    public void Fit_UnknownModel_IsUsageError()
    {
        CliResult result = CliRunner.Run("fit", "weibull", "--summary", TestData.Path("cdnow_sample_summary_weeks.csv"));
        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.ErrorLines);
    }

    [Fact]
    public void Fit_BadSummaryRow_NamesLineAndField()
    {
        string path = Path.Combine(Path.GetTempPath(), "retention-bad-summary-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, "x,t_x,T\n1,2,3\n1,5,3\n");
        try
        {
            CliResult result = CliRunner.Run("fit", "bg-nbd", "--summary", path);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains(":3", result.Error, StringComparison.Ordinal);
            Assert.Contains("recency", result.Error, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void PredictBgNbd_WithSpendModel_WritesColumns()
    {
        CliResult result = CliRunner.RunInCulture("de-DE", "predict", "bg-nbd", "--summary", TestData.Path("cdnow_sample_summary_weeks.csv"), "--horizon", "39", "--spend-model", "gamma-gamma", "--discount-rate", "0.001");
        Assert.True(result.ExitCode == 0, result.Error);
        string[] lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("customer_id,p_alive,expected_purchases,expected_average_value,clv", lines[0]);
        Assert.Equal(2358, lines.Length);
        double total = lines.Skip(1).Sum(l => double.Parse(l.Split(',')[2], System.Globalization.CultureInfo.InvariantCulture));
        // FHL (2005): the 39-week holdout expectation summed over the customers is 1653.4 (fitted on the 2-decimal file).
        Tolerance.Close(1653.4, total, absolute: 0.1);
    }

    [Fact]
    public void Predict_ReusesFitParameters()
    {
        string path = Path.Combine(Path.GetTempPath(), "retention-fit-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            Assert.Equal(0, CliRunner.Run("fit", "pareto-nbd", "--summary", TestData.Path("cdnow_sample_summary_weeks.csv"), "--out", path).ExitCode);
            CliResult result = CliRunner.Run("predict", "pareto-nbd", "--summary", TestData.Path("cdnow_sample_summary_weeks.csv"), "--horizon", "52", "--parameters", path, "--format", "json");
            Assert.True(result.ExitCode == 0, result.Error);
            JsonElement rows = JsonDocument.Parse(result.Output).RootElement;
            Assert.Equal(2357, rows.GetArrayLength());
            CliResult wrong = CliRunner.Run("predict", "bg-nbd", "--summary", TestData.Path("cdnow_sample_summary_weeks.csv"), "--horizon", "52", "--parameters", path);
            Assert.Equal(2, wrong.ExitCode);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
