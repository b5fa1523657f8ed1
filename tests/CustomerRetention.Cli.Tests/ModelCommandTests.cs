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

    [Theory]
    [InlineData("bg-nbd", "cdnow_sample_summary_weeks.csv", 4)]
    [InlineData("mbg-nbd", "cdnow_sample_summary_weeks.csv", 4)]
    [InlineData("pareto-nbd", "cdnow_sample_summary_weeks.csv", 4)]
    [InlineData("gamma-gamma", "cdnow_sample_summary_weeks.csv", 3)]
    [InlineData("bg-bb", "donations_bgbb_summary.csv", 4)]
    public void Every_Model_Prints_Its_Uncertainty_And_Criteria(string model, string file, int k)
    {
        // docs/cli.md: standardErrors, covariance {names, matrix}, aic = 2k − 2LL, bic = k ln(customers) − 2LL, warnings.
        JsonElement json = Fit(model, "--summary", TestData.Path(file));
        AssertReport(json, k);
    }

    [Fact]
    public void Sbg_Prints_Its_Uncertainty_And_Criteria()
    {
        JsonElement json = Fit("sbg", "--survivors", "1000,631,468,382,326,289,262,241");
        AssertReport(json, 2);
        Assert.Equal(1000, json.GetProperty("customers").GetInt32());
    }

    [Fact]
    public void Fit_Auto_Compares_The_Three_Models_On_The_Holdout()
    {
        JsonElement json = Fit("auto", "--transactions", TestData.Path("cdnow_sample_transactions.csv"), "--calibration-end", "1997-09-30", "--holdout-end", "1998-06-30", "--time-unit", "week");
        JsonElement[] models = json.GetProperty("models").EnumerateArray().ToArray();
        Assert.Equal(["bg-nbd", "mbg-nbd", "pareto-nbd"], models.Select(m => m.GetProperty("model").GetString()));

        // FHL (2005): 1,882 repeat transactions in the 39-week holdout (reference-values.md); the fits are the published ones.
        Assert.All(models, m => Assert.Equal(1882, m.GetProperty("holdout").GetProperty("actual").GetDouble()));
        Tolerance.Decimals(-9582.43, models[0].GetProperty("logLikelihood").GetDouble(), 2);
        Tolerance.Decimals(-9594.98, models[2].GetProperty("logLikelihood").GetDouble(), 2);
        Assert.Equal(39, json.GetProperty("holdoutLength").GetDouble());

        // The documented rule: the lowest MAE among the converged fits, ties within 1 % to the lowest BIC.
        double best = models.Min(m => m.GetProperty("holdout").GetProperty("mae").GetDouble());
        JsonElement chosen = models.Single(m => m.GetProperty("model").GetString() == json.GetProperty("chosen").GetString());
        Assert.True(chosen.GetProperty("holdout").GetProperty("mae").GetDouble() <= best * 1.01);
        foreach (JsonElement m in models.Where(m => m.GetProperty("holdout").GetProperty("mae").GetDouble() <= best * 1.01))
        {
            Assert.True(chosen.GetProperty("bic").GetDouble() <= m.GetProperty("bic").GetDouble());
        }

        foreach (JsonElement m in models)
        {
            JsonElement h = m.GetProperty("holdout");
            Assert.True(h.GetProperty("rmse").GetDouble() >= h.GetProperty("mae").GetDouble());
        }
    }

    [Fact]
    public void Fit_Auto_Needs_A_Holdout_After_The_Calibration_End()
    {
        CliResult result = CliRunner.Run("fit", "auto", "--transactions", TestData.Path("cdnow_sample_transactions.csv"), "--calibration-end", "1997-09-30", "--holdout-end", "1997-09-01");
        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Contains("--holdout-end", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Fit_That_Cannot_Be_Trusted_Says_So_In_The_Json_And_On_Standard_Error()
    {
        // Every customer with frequency 0: the purchase rate cannot be identified.
        string path = Path.Combine(Path.GetTempPath(), "retention-zero-" + Guid.NewGuid().ToString("N") + ".csv");
        try
        {
            File.WriteAllLines(path, ["frequency,recency,T", .. Enumerable.Range(0, 100).Select(i => FormattableString.Invariant($"0,0,{10 + (i % 20)}"))]);
            CliResult result = CliRunner.Run("fit", "bg-nbd", "--summary", path);
            Assert.Equal(0, result.ExitCode);
            JsonElement json = JsonDocument.Parse(result.Output).RootElement;
            Assert.Equal("not-identified", json.GetProperty("status").GetString());
            Assert.NotEqual(0, json.GetProperty("warnings").GetArrayLength());
            Assert.Contains("bg-nbd: warning:", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void AssertReport(JsonElement json, int k)
    {
        string[] names = json.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(k, names.Length);
        JsonElement covariance = json.GetProperty("covariance");
        Assert.Equal(names, covariance.GetProperty("names").EnumerateArray().Select(n => n.GetString()));
        JsonElement[] matrix = covariance.GetProperty("matrix").EnumerateArray().ToArray();
        Assert.Equal(k, matrix.Length);
        for (int i = 0; i < k; i++)
        {
            double se = json.GetProperty("standardErrors").GetProperty(names[i]).GetDouble();
            Assert.True(se > 0);
            Tolerance.Close(se * se, matrix[i][i].GetDouble(), relative: 1e-12);
        }

        double ll = json.GetProperty("logLikelihood").GetDouble();
        double customers = json.GetProperty("customers").GetDouble();
        Tolerance.Close((2.0 * k) - (2 * ll), json.GetProperty("aic").GetDouble(), relative: 1e-12);
        Tolerance.Close((k * Math.Log(customers)) - (2 * ll), json.GetProperty("bic").GetDouble(), relative: 1e-12);
        Assert.Equal(0, json.GetProperty("warnings").GetArrayLength());
        Assert.Equal("converged", json.GetProperty("status").GetString());
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
