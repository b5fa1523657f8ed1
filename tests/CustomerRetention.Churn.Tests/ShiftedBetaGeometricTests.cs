using System.Globalization;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using TestData = CustomerRetention.TestKit.TestData;

namespace CustomerRetention.Churn.Tests;

public sealed class ShiftedBetaGeometricTests
{
    private static double[] RegularSurvivors() =>
        TestData.Rows("sbg_regular_survivors.csv").Select(r => double.Parse(r[1], CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public void Fit_Reproduces_Fader_Hardie_2007_Regular_Customers()
    {
        double[] survivors = RegularSurvivors();

        FitResult<ShiftedBetaGeometricParameters> fit = ShiftedBetaGeometric.Fit(survivors.AsSpan(0, 8));

        // Fader & Hardie (2007) "How to project customer retention", regular customers, years 0..7:
        // α = 0.704, β = 1.182, LL = −1680.27 (reference-values.md).
        Tolerance.Decimals(0.704, fit.Parameters.Alpha, 3);
        Tolerance.Decimals(1.182, fit.Parameters.Beta, 3);
        Tolerance.Decimals(-1680.27, fit.LogLikelihood, 2);
        Assert.Equal(1000, fit.Customers);
        Assert.Equal(7, fit.Rows);
        Assert.True(fit.Converged);
    }

    [Fact]
    public void Fit_Matches_The_Tight_Optimum_Of_The_Contract_Data()
    {
        // tests/data/expected/fits.json, run "sbg --survivors": a tight maximum of the same likelihood.
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(TestData.Path("expected/fits.json")));
        JsonElement run = doc.RootElement.GetProperty("runs").EnumerateArray().Single(r => r.GetProperty("model").GetString() == "sbg");
        JsonElement expected = run.GetProperty("expected");

        FitResult<ShiftedBetaGeometricParameters> fit = ShiftedBetaGeometric.Fit(RegularSurvivors().AsSpan(0, 8));

        Tolerance.Close(expected.GetProperty("parameters").GetProperty("alpha").GetDouble(), fit.Parameters.Alpha, relative: 1e-5);
        Tolerance.Close(expected.GetProperty("parameters").GetProperty("beta").GetDouble(), fit.Parameters.Beta, relative: 1e-5);
        Tolerance.Close(expected.GetProperty("logLikelihood").GetDouble(), fit.LogLikelihood, absolute: 1e-6);
    }

    [Fact]
    public void Projection_To_Year_12_Is_About_170_Survivors()
    {
        double[] survivors = RegularSurvivors();
        FitResult<ShiftedBetaGeometricParameters> fit = ShiftedBetaGeometric.Fit(survivors.AsSpan(0, 8));

        IReadOnlyList<double> projected = new ShiftedBetaGeometric(fit.Parameters).ProjectSurvivors(1000, 12);

        // Fader & Hardie (2007): projected survivors in year 12 about 170 (actual 173, the data file's last row).
        Assert.Equal(13, projected.Count);
        Assert.Equal(1000, projected[0]);
        Assert.InRange(projected[12], 165, 175);
        Assert.Equal(173, survivors[12]);
    }

    [Fact]
    public void Retention_Rate_Formula_Of_The_Paper()
    {
        var model = new ShiftedBetaGeometric(0.704, 1.182);

        // reference-values.md: r_t = (β + t − 1)/(α + β + t − 1). t = 1: 1.182/1.886; t = 5: 5.182/5.886.
        Tolerance.Close(1.182 / 1.886, model.RetentionRate(1).Value, relative: 1e-12);
        Tolerance.Close(5.182 / 5.886, model.RetentionRate(5).Value, relative: 1e-12);
        Tolerance.Close(0.704 / 1.886, model.MeanChurn, relative: 1e-12);
        Tolerance.Close(model.Survival(5) / model.Survival(4), model.RetentionRate(5).Value, relative: 1e-12);
        Tolerance.Close(model.Survival(4) - model.Survival(5), model.ChurnProbability(5), relative: 1e-12);
    }

    [Fact]
    public void Log_Likelihood_Matches_The_Formula_By_Beta_Functions()
    {
        // ln L = Σ (N_{t−1} − N_t) ln P(T = t) + N_n ln S(n), P and S by the sums of their definitions
        // (P(T = t) = S(t − 1) − S(t), S(t) = Π (β + i)/(α + β + i)), evaluated independently here.
        var model = new ShiftedBetaGeometric(0.7, 1.2);
        double[] n = [1000, 631, 468, 382];
        double S(int t)
        {
            double s = 1;
            for (int i = 0; i < t; i++)
            {
                s *= (1.2 + i) / (1.9 + i);
            }

            return s;
        }

        double expected = 0;
        for (int t = 1; t < n.Length; t++)
        {
            expected += (n[t - 1] - n[t]) * Math.Log(S(t - 1) - S(t));
        }

        expected += n[^1] * Math.Log(S(n.Length - 1));
        Tolerance.Close(expected, model.LogLikelihood(n), relative: 1e-12);
    }

    [Fact]
    public void Fit_From_Durations_Equals_Fit_From_Counts()
    {
        // The same cohort as individual customers: N_{t−1} − N_t churned in year t, N_7 censored after 7 years.
        double[] n = RegularSurvivors()[..8];
        var durations = new List<int>();
        var censored = new List<bool>();
        for (int t = 1; t < n.Length; t++)
        {
            for (int k = 0; k < n[t - 1] - n[t]; k++)
            {
                durations.Add(t);
                censored.Add(false);
            }
        }

        for (int k = 0; k < n[^1]; k++)
        {
            durations.Add(7);
            censored.Add(true);
        }

        FitResult<ShiftedBetaGeometricParameters> fromDurations = ShiftedBetaGeometric.FitDurations(durations.ToArray(), censored.ToArray());
        FitResult<ShiftedBetaGeometricParameters> fromCounts = ShiftedBetaGeometric.Fit(n);

        Tolerance.Close(fromCounts.Parameters.Alpha, fromDurations.Parameters.Alpha, relative: 1e-6);
        Tolerance.Close(fromCounts.Parameters.Beta, fromDurations.Parameters.Beta, relative: 1e-6);
        Tolerance.Close(fromCounts.LogLikelihood, fromDurations.LogLikelihood, absolute: 1e-6);
        Assert.Equal(1000, fromDurations.Customers);
    }

    [Fact]
    public void Fit_From_Durations_With_Mixed_Censoring_Recovers_Simulated_Parameters()
    {
        // 20,000 simulated customers, θ ~ Beta(1.5, 3), observed for 1..10 periods (staggered entry).
        var random = new Random(7);
        int count = 20_000;
        var durations = new int[count];
        var censored = new bool[count];
        for (int i = 0; i < count; i++)
        {
            double theta = SampleBeta(random, 1.5, 3.0);
            int window = 1 + random.Next(10);
            int t = 1;
            while (t <= window && random.NextDouble() >= theta)
            {
                t++;
            }

            censored[i] = t > window;
            durations[i] = censored[i] ? window : t;
        }

        FitResult<ShiftedBetaGeometricParameters> fit = ShiftedBetaGeometric.FitDurations(durations, censored);

        Assert.InRange(fit.Parameters.Alpha, 1.2, 1.8);
        Assert.InRange(fit.Parameters.Beta, 2.4, 3.6);
    }

    [Fact]
    public void Del_And_Derl_Equal_Their_Discounted_Survival_Sums()
    {
        var model = new ShiftedBetaGeometric(0.704, 1.182);
        double d = 0.10;

        // DEL = Σ_{t≥0} S(t)/(1+d)^t; DERL(n−1 renewals) = Σ_{t≥n} S(t)/S(n−1)/(1+d)^(t−n) (Fader & Hardie 2010, eqs. 4 and 6 as series).
        double del = 0, derl4 = 0;
        for (int t = 0; t < 2000; t++)
        {
            del += model.Survival(t) / Math.Pow(1 + d, t);
        }

        for (int t = 5; t < 2000; t++)
        {
            derl4 += model.Survival(t) / model.Survival(4) / Math.Pow(1 + d, t - 5);
        }

        Tolerance.Close(del, model.DiscountedExpectedLifetime(d), relative: 1e-10);
        Tolerance.Close(derl4, model.DiscountedExpectedResidualLifetime(d, 4), relative: 1e-10);
        Tolerance.Close(1 + (model.DiscountedExpectedResidualLifetime(d, 0) / (1 + d)), model.DiscountedExpectedLifetime(d), relative: 1e-12);
        Assert.True(model.DiscountedExpectedResidualLifetime(d, 4) > model.DiscountedExpectedResidualLifetime(d, 0));
    }

    [Fact]
    public void Homogeneous_Limit_Agrees_With_The_Constant_Rate_Clv()
    {
        // α, β → ∞ with α/(α+β) = 0.2: every customer churns with θ = 0.2, so DEL → (1+d)/(1+d−r), r = 0.8
        // (note 024's first-payment-included multiple).
        var model = new ShiftedBetaGeometric(2e6, 8e6);

        Tolerance.Close(Clv.MarginMultiple(new RetentionRate(0.8), 0.1, ClvTiming.FirstPaymentIncluded), model.DiscountedExpectedLifetime(0.1), relative: 1e-5);
    }

    [Fact]
    public void Bad_Survivor_Series_Are_Rejected_Naming_The_Parameter()
    {
        Assert.Equal("survivors", Assert.Throws<ArgumentException>(() => ShiftedBetaGeometric.Fit([1000, 600, 700])).ParamName);
        Assert.Equal("survivors", Assert.Throws<ArgumentOutOfRangeException>(() => ShiftedBetaGeometric.Fit([1000, -1])).ParamName);
        Assert.Equal("survivors", Assert.Throws<ArgumentOutOfRangeException>(() => ShiftedBetaGeometric.Fit([1000, double.NaN])).ParamName);
        Assert.Equal("survivors", Assert.Throws<ArgumentException>(() => ShiftedBetaGeometric.Fit([1000])).ParamName);
        Assert.Equal("survivors", Assert.Throws<ArgumentException>(() => ShiftedBetaGeometric.Fit([0, 0])).ParamName);
        Assert.Equal("survivors", Assert.Throws<ArgumentException>(() => ShiftedBetaGeometric.Fit([100, 100, 100])).ParamName);
        Assert.Equal("durations", Assert.Throws<ArgumentOutOfRangeException>(() => ShiftedBetaGeometric.FitDurations([0], [false])).ParamName);
        Assert.Equal("censored", Assert.Throws<ArgumentException>(() => ShiftedBetaGeometric.FitDurations([1, 2], [false])).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new ShiftedBetaGeometric(0, 1)).ParamName);
        Assert.Equal("discountRate", Assert.Throws<ArgumentOutOfRangeException>(() => new ShiftedBetaGeometric(1, 1).DiscountedExpectedLifetime(0)).ParamName);
        Assert.Equal("period", Assert.Throws<ArgumentOutOfRangeException>(() => new ShiftedBetaGeometric(1, 1).RetentionRate(0)).ParamName);
    }

    [Fact]
    public void Retention_Rises_With_Tenure_Meets_Specification()
    {
        Gen<double> parameter = Gen.Choose(1, 100_000).Select(i => i / 1000.0);
        Properties.Check(Prop.ForAll(Arb.From(parameter), Arb.From(parameter), Arb.From(Gen.Choose(1, 200)), (alpha, beta, t) =>
        {
            var model = new ShiftedBetaGeometric(alpha, beta);
            double r1 = model.RetentionRate(t).Value, r2 = model.RetentionRate(t + 1).Value;
            return r2 >= r1 && r1 is >= 0 and <= 1 && model.Survival(t + 1) <= model.Survival(t) && model.ChurnProbability(t) is >= 0 and <= 1;
        }));
    }

    [Fact]
    public void Fit_Of_Model_Generated_Counts_Recovers_The_Model_Meets_Specification()
    {
        Gen<double> parameter = Gen.Choose(20, 500).Select(i => i / 100.0);
        Properties.Check(
            Prop.ForAll(Arb.From(parameter), Arb.From(parameter), (alpha, beta) =>
            {
                var model = new ShiftedBetaGeometric(alpha, beta);
                double[] expectedCounts = model.ProjectSurvivors(1e6, 8).ToArray();
                FitResult<ShiftedBetaGeometricParameters> fit = ShiftedBetaGeometric.Fit(expectedCounts);
                return Math.Abs(fit.Parameters.Alpha - alpha) < 1e-3 * alpha && Math.Abs(fit.Parameters.Beta - beta) < 1e-3 * beta;
            }),
            maxTest: 40);
    }

    private static double SampleBeta(Random random, double a, double b)
    {
        double x = SampleGamma(random, a), y = SampleGamma(random, b);
        return x / (x + y);
    }

    private static double SampleGamma(Random random, double shape)
    {
        // Marsaglia & Tsang (2000), shape ≥ 1.
        double d = shape - (1.0 / 3.0), c = 1.0 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
                x = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            double u = random.NextDouble();
            if (Math.Log(u) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }
}
