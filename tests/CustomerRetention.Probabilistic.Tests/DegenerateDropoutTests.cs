using System.Diagnostics;
using CustomerRetention.Numerics;
using CustomerRetention.Probabilistic.Numerics;

namespace CustomerRetention.Probabilistic.Tests;

/// <summary>
/// Issue #6, item 1: data without dropout drive the BG/NBD fit to the boundary (a/(a+b) → 0, or a+b → ∞), and the
/// predictions must stay fast and accurate for any a, b in 1e-3 … 1e15.
/// </summary>
public class DegenerateDropoutTests
{
    private static readonly double[] Extremes = [1e-3, 0.1, 1.5, 10, 1e3, 1e6, 1e9, 1e13, 1e15];

    /// <summary>E[Y(t) | alive] = E_p[(1 − (1+pu)^{−R})/p], p ~ Beta(a, B), summed as the Euler-form series in plain doubles.</summary>
    private static double EulerSeries(double rr, double a, double bb, double u)
    {
        double c = a + bb - 1, z = u / (1 + u);
        double term = 1, sum = 1;
        for (int n = 0; n < 200_000; n++)
        {
            term *= (c - rr + n) * (a - 1 + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            if (Math.Abs(term) < 1e-18 * Math.Abs(sum) && n > 10)
            {
                break;
            }
        }

        return c / (a - 1) * (1 - (Math.Pow(1 - z, a - 1) * sum));
    }

    [Theory]
    [InlineData(0.9, 1e-3, 1e15, 3, 52, 30)]
    [InlineData(0.9, 0.5, 1e13, 3, 52, 30)]
    [InlineData(3, 1e-9, 1e6, 50, 500, 30)]
    [InlineData(0.2, 1e-27, 4e18, 0, 52, 10)]
    public void ConditionalExpected_NoDropout_TendsToTheNbd(double r, double a, double b, double x, double horizon, double age)
    {
        // As a/(a+b) → 0 the BG/NBD is the NBD: E[Y(t) | alive, x, T] → (r+x) t/(α+T) (FHL 2005, eq. 10 with p = 0:
        // a gamma-Poisson whose posterior rate has mean (r+x)/(α+T)); the gap is O(a/(a+b)·R·u). P(alive) (eq. 11, a
        // closed form) may still be below 1 for a customer with a long hiatus, so the limit is P(alive)·(r+x)t/(α+T).
        const double alpha = 5;
        var p = new BetaGeoParameters(r, alpha, a, b);
        double nbd = (r + x) * horizon / (alpha + age);
        double tx = x == 0 ? 0 : age / 2;
        double alive = BetaGeo.ProbabilityAlive(p, x, tx, age);
        Tolerance.Close(nbd * alive, BetaGeo.ConditionalExpectedPurchases(p, horizon, x, tx, age), relative: 1e-9 + (1e3 * a / (a + b)));
    }

    [Theory]
    [InlineData(0.3, 1e13)]
    [InlineData(0.05, 1e15)]
    [InlineData(0.7, 1e9)]
    public void ConditionalExpected_PointMassDropout_TendsToFixedP(double meanDropout, double concentration)
    {
        // As a+b → ∞ at fixed a/(a+b) = p the Beta is a point mass: E[Y(t) | alive] = (1 − (α+T)^R/(α+T+pt)^R)/p
        // (FHL 2005, eq. 7 integrated over λ ~ Gamma(R, α+T)); the gap is O(1/(a+b)).
        const double r = 0.9, alpha = 5, x = 4, tx = 20, age = 30, horizon = 52;
        double a = meanDropout * concentration, b = concentration - a;
        var parameters = new BetaGeoParameters(r, alpha, a, b);
        double rr = r + x, bb = b + x, pMean = a / (a + bb);
        double expected = (1 - Math.Pow((alpha + age) / (alpha + age + (pMean * horizon)), rr)) / pMean;
        double alive = BetaGeo.ProbabilityAlive(parameters, x, tx, age);
        Tolerance.Close(expected * alive, BetaGeo.ConditionalExpectedPurchases(parameters, horizon, x, tx, age), relative: 1e-9);
    }

    [Theory]
    [InlineData(2.5, 0.3, 5000, 0.8)] // little dropout: the ₃F₂ series in −u
    [InlineData(1.2, 3000, 4, 0.7)] // dropout almost sure: the published form
    [InlineData(1.7, 60, 90, 1.3)] // a and B both large: quadrature
    [InlineData(3.1, 25, 400, 9)] // skewed Beta near its smallest allowed shape
    [InlineData(0.4, 40, 25, 0.2)]
    public void RobustForms_AgreeWithTheDirectSeries_AtModerateValues(double rr, double a, double bb, double u)
    {
        // At moderate values the Euler-form series (summed here independently, in plain doubles) is accurate,
        // so each bounded form can be checked against it.
        double z = u / (1 + u);
        double robust = BetaGeoFamily.ExpectedWhileAliveRobust(rr, a, bb, u, z, Math.Log(1 - z));
        Assert.False(double.IsNaN(robust));
        Tolerance.Close(EulerSeries(rr, a, bb, u), robust, relative: 1e-12);
    }

    [Fact]
    public void BetaQuadrature_AgreesWithTheDirectSeries() =>
        // The quadrature alone (also used where no series applies), at a moderate point.
        Tolerance.Close(EulerSeries(2, 150, 300, 3), BetaGeoFamily.BetaQuadrature(2, 150, 300, 3), relative: 1e-12);

    [Fact]
    public void ConditionalExpected_AnyDropoutParameters_FiniteFastAndBounded()
    {
        // Every (a, b) in 1e-3 … 1e15: finite, non-negative, at most the NBD value (dropout only removes purchases),
        // and fast (the old series needed ~a·z terms, i.e. 1e13 for a = 1e13).
        var watch = Stopwatch.StartNew();
        foreach (double a in Extremes)
        {
            foreach (double b in Extremes)
            {
                foreach ((double x, double tx) in new[] { (0.0, 0.0), (3.0, 20.0), (50.0, 29.0) })
                {
                    foreach (double horizon in new[] { 1.0, 52, 500 })
                    {
                        var p = new BetaGeoParameters(0.9, 5, a, b);
                        double e = BetaGeo.ConditionalExpectedPurchases(p, horizon, x, tx, 30);
                        double nbd = (0.9 + x) * horizon / 35;
                        Assert.True(e >= 0 && e <= nbd * (1 + 1e-12), FormattableString.Invariant($"a {a} b {b} x {x} t {horizon}: {e} vs NBD {nbd}"));
                        var q = new ModifiedBetaGeoParameters(0.9, 5, a, b);
                        double em = ModifiedBetaGeo.ConditionalExpectedPurchases(q, horizon, x, tx, 30);
                        Assert.True(em >= 0 && em <= nbd * (1 + 1e-12), FormattableString.Invariant($"MBG a {a} b {b} x {x} t {horizon}: {em} vs NBD {nbd}"));
                    }
                }
            }
        }

        Assert.True(watch.Elapsed.TotalSeconds < 10, $"took {watch.Elapsed.TotalSeconds} s");
    }

    [Fact]
    public void ProbabilityOfPurchases_HugeDropoutParameters_TendsToTheNbd()
    {
        // a/(a+b) → 0: P(X(t) = n) → the NBD(r, α/(α+t)) probability (FHL 2005, eq. 8 with B(a, b+n)/B(a, b) → 1).
        const double r = 0.9, alpha = 5, t = 20;
        var p = new BetaGeoParameters(r, alpha, 1e-3, 1e13);
        for (int n = 0; n < 6; n++)
        {
            double nbd = Math.Exp(SpecialFunctions.LogGamma(r + n) - SpecialFunctions.LogGamma(r) - SpecialFunctions.LogGamma(n + 1))
                * Math.Pow(alpha / (alpha + t), r) * Math.Pow(t / (alpha + t), n);
            Tolerance.Close(nbd, BetaGeo.ProbabilityOfPurchases(p, t, n), relative: 1e-9);
        }
    }

    [Fact]
    public void LogGammaDifference_LargeArguments_MatchesTheProductForm()
    {
        // ln Γ(x+n) − ln Γ(x) = Σ_{j<n} ln(x+j) for whole n (the recurrence Γ(x+1) = x Γ(x)).
        foreach (double x in new[] { 1e5, 3.7e9, 1e15 })
        {
            double sum = 0;
            for (int j = 0; j < 7; j++)
            {
                sum += Math.Log(x + j);
            }

            Tolerance.Close(sum, SpecialFunctions.LogGammaDifference(x, 7), relative: 1e-14);
        }
    }

    [Fact]
    public void Fit_DataWithoutDropout_WarnsAndPredictsTheNbd()
    {
        // Customers who (almost) never drop out: BG/NBD with p ~ Beta(1e-3, 1e3), E[p] = 1e-6 per purchase, seeded.
        var random = new Random(11);
        double[] ages = new double[20_000];
        for (int i = 0; i < ages.Length; i++)
        {
            ages[i] = 20 + (40 * random.NextDouble());
        }

        PurchaseHistories data = CustomerBaseSimulator.BetaGeo(new BetaGeoParameters(0.9, 5.4, 1e-3, 1e3), ages, 11);
        var watch = Stopwatch.StartNew();
        FitResult<BetaGeoParameters> fit = BetaGeo.Fit(data.Compress());
        Assert.True(fit.Converged);
        Assert.Single(fit.Warnings);
        Assert.Contains("dropout is not identified", fit.Warnings[0], StringComparison.Ordinal);
        BetaGeoParameters p = fit.Parameters;
        Assert.True(p.A / (p.A + p.B) < 1e-6);

        // The gamma part is still the data's NBD: r, α near the simulated 0.9, 5.4.
        Assert.InRange(p.R, 0.8, 1.0);
        Assert.InRange(p.Alpha, 4.8, 6.0);

        double[] alive = new double[ages.Length], expected = new double[ages.Length];
        BetaGeo.Predict(p, 52, data.Frequency, data.Recency, data.T, alive, expected);
        for (int i = 0; i < ages.Length; i++)
        {
            double nbd = (p.R + data.Frequency[i]) * 52 / (p.Alpha + data.T[i]);
            Assert.False(double.IsNaN(expected[i]));
            Tolerance.Close(BetaGeo.ProbabilityAlive(p, data.Frequency[i], data.Recency[i], data.T[i]), alive[i], relative: 1e-15);
            Tolerance.Close(nbd * alive[i], expected[i], relative: 1e-6);
        }

        Assert.True(watch.Elapsed.TotalSeconds < 20, $"took {watch.Elapsed.TotalSeconds} s");
    }

    [Theory]
    [InlineData(1e-9, 1e6, "dropout is not identified")]
    [InlineData(1.1e4, 1e9, "heterogeneity is not identified")]
    [InlineData(2e-11, 2e-8, "two groups")]
    [InlineData(0.79, 2.43, null)]
    public void BoundaryWarnings_NameTheDegenerateLimit(double a, double b, string? expected)
    {
        IReadOnlyList<string> warnings = BetaGeoFamily.BoundaryWarnings(a, b);
        if (expected is null)
        {
            Assert.Empty(warnings);
        }
        else
        {
            Assert.Contains(expected, Assert.Single(warnings), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Fit_CdnowSample_HasNoWarning() =>
        Assert.Empty(BetaGeo.Fit(CdnowData.Histories.Compress()).Warnings);
}
