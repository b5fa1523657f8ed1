using CustomerRetention.Numerics;
using CustomerRetention.Probabilistic.Numerics;

namespace CustomerRetention.Probabilistic.Tests;

public class ParetoNbdDertTests
{
    // FHL (2005) "RFM and CLV", CDNOW sample; δ = 15 % a year compounded continuously, weekly: ln(1.15)/52.
    private static readonly ParetoNbdParameters Cdnow = new(0.5533, 10.578, 0.6061, 11.669);
    private static readonly double WeeklyDelta = Math.Log(1.15) / 52;

    /// <summary>
    /// The definition, integrated numerically: DERT = ∫₀^∞ e^{−δt} E[λ | x, T] P(alive at T+t | x, t_x, T) dt with
    /// E[λ | x, T] = (r+x)/(α+T) and P(alive at T+t) = P(alive at T)·((β+T)/(β+T+t))^s — the derivative of
    /// E[Y(t) | x, t_x, T] (FHL 2005) — by Simpson's rule after t = −ln(1−w)/δ. Independent of Γ(1−s, z).
    /// </summary>
    private static double DertByIntegration(ParetoNbdParameters p, double delta, double x, double tx, double t)
    {
        double alive = ParetoNbd.ProbabilityAlive(p, x, tx, t);
        double rate = (p.R + x) / (p.Alpha + t);
        double bt = p.Beta + t;
        const int Steps = 400_000;
        double upper = 1 - 1e-13;
        double h = upper / Steps;
        double sum = 0;
        for (int i = 0; i <= Steps; i++)
        {
            double w = i * h;
            double tau = -Math.Log(1 - w) / delta;
            // e^{−δτ} dτ = dw/δ.
            double f = Math.Pow(bt / (bt + tau), p.S) / delta;
            sum += f * (i == 0 || i == Steps ? 1 : i % 2 == 1 ? 4 : 2);
        }

        return alive * rate * sum * h / 3;
    }

    [Theory]
    [InlineData(26, 30.86, 31, 0.5533, 10.578, 0.6061, 11.669)] // the CDNOW walkthrough customer
    [InlineData(0, 0, 38, 0.5533, 10.578, 0.6061, 11.669)]
    [InlineData(7, 35, 77.86, 0.5629966, 12.5590370, 0.4081095, 10.5148048)] // BTYD pnbd.DERT example inputs
    [InlineData(2, 10, 39, 0.5533, 11.669, 1.0, 10.578)]       // s = 1: Γ(0, z) = E₁(z)
    [InlineData(4, 20, 39, 0.9, 5.4, 2.0, 60)]                 // s = 2: Γ(−1, z)
    [InlineData(4, 20, 39, 0.9, 5.4, 3.7, 60)]                 // s = 3.7
    [InlineData(4, 20, 39, 0.9, 5.4, 0.05, 60)]                // s near 0
    public void Dert_MatchesNumericalIntegralOfTheDefinition(double x, double tx, double t, double r, double alpha, double s, double beta)
    {
        var p = new ParetoNbdParameters(r, alpha, s, beta);
        foreach (double delta in new[] { WeeklyDelta, 0.0027, 0.05 })
        {
            if (s < 0.2 && delta < 0.01)
            {
                continue; // the integrand decays too slowly for plain Simpson's rule
            }

            Tolerance.Close(DertByIntegration(p, delta, x, tx, t), ParetoNbd.DiscountedExpectedResidualTransactions(p, delta, x, tx, t), relative: 1e-6);
        }
    }

    [Theory]
    [InlineData(0.6061)]
    [InlineData(0.25)]
    [InlineData(1.5)]
    [InlineData(2.3)]
    public void Dert_MatchesKummerUFormulation(double s)
    {
        // CLVTools' pnbd_DERT: Ψ(s, s; z) = z^{1−s}/(s−1) ₁F₁(1; 2−s; z) + Γ(1−s) ₁F₁(s; s; z), ₁F₁(s; s; z) = e^z
        // (DLMF 13.2.42 for non-integral s), with ₁F₁ summed here as a plain series.
        var p = new ParetoNbdParameters(0.5533, 10.578, s, 11.669);
        double x = 26, tx = 30.86, t = 31, delta = WeeklyDelta;
        double z = delta * (p.Beta + t);
        double m = 1, term = 1;
        for (int k = 0; k < 500; k++)
        {
            term *= z / (2 - s + k);
            m += term;
        }

        double gamma1ms = Math.PI / (Math.Sin(Math.PI * (1 - s)) * Math.Exp(SpecialFunctions.LogGamma(s))); // Γ(1−s) by reflection
        double psi = (Math.Pow(z, 1 - s) / (s - 1) * m) + (gamma1ms * Math.Exp(z));
        double logL = ParetoNbd.LogLikelihood(p, x, tx, t);
        double expected = Math.Exp((p.R * Math.Log(p.Alpha)) + (p.S * Math.Log(p.Beta)) + ((s - 1) * Math.Log(delta))
            + SpecialFunctions.LogGamma(p.R + x + 1) + Math.Log(psi) - SpecialFunctions.LogGamma(p.R) - ((p.R + x + 1) * Math.Log(p.Alpha + t)) - logL);
        Tolerance.Close(expected, ParetoNbd.DiscountedExpectedResidualTransactions(p, delta, x, tx, t), relative: 1e-10);
    }

    [Fact]
    public void Dert_VanishingDiscount_TendsToExpectedResidualPurchases()
    {
        // s > 1: as δ → 0, DERT → lim_{t→∞} E[Y(t) | x, t_x, T] = (r+x)(β+T)/((α+T)(s−1)) P(alive) (FHL 2005).
        var p = new ParetoNbdParameters(0.9, 5.4, 2.5, 60);
        double limit = (p.R + 3) * (p.Beta + 40) / ((p.Alpha + 40) * (p.S - 1)) * ParetoNbd.ProbabilityAlive(p, 3, 20, 40);
        Tolerance.Close(limit, ParetoNbd.DiscountedExpectedResidualTransactions(p, 1e-9, 3, 20, 40), relative: 1e-6);
        Tolerance.Close(ParetoNbd.ConditionalExpectedPurchases(p, 1e9, 3, 20, 40), limit, relative: 1e-6);
    }

    [Fact]
    public void Dert_Cdnow_WalkthroughCustomer_AndClv()
    {
        // The CDNOW customer x = 26, t_x = 30.86, T = 31 at δ = ln(1.15)/52: checked against the definition above;
        // the residual value is DERT × value per purchase.
        double dert = ParetoNbd.DiscountedExpectedResidualTransactions(Cdnow, WeeklyDelta, 26, 30.86, 31);
        Tolerance.Close(DertByIntegration(Cdnow, WeeklyDelta, 26, 30.86, 31), dert, relative: 1e-6);
        Assert.True(dert > ParetoNbd.ConditionalExpectedPurchases(Cdnow, 52, 26, 30.86, 31));
        Tolerance.Close(35.0 * dert, CustomerLifetimeValue.DiscountedResidual(Cdnow, 26, 30.86, 31, 35.0, WeeklyDelta), relative: 1e-15);
        Assert.Throws<ArgumentOutOfRangeException>(() => ParetoNbd.DiscountedExpectedResidualTransactions(Cdnow, 0, 1, 1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => CustomerLifetimeValue.DiscountedResidual(Cdnow, 1, 1, 2, double.NaN, 0.01));
    }

    [Theory]
    // CLVTools issue #100: heavy buyers that made other implementations return NaN.
    [InlineData(221, 103.43, 103.57)]
    [InlineData(254, 97.14, 97.29)]
    [InlineData(161, 94.71, 98)]
    public void Dert_ClvTools100_IsFiniteAndMatchesTheDefinition(double x, double tx, double t)
    {
        var p = new ParetoNbdParameters(0.5143, 2.8845, 0.2856, 14.1087);
        double delta = 0.01;
        double dert = ParetoNbd.DiscountedExpectedResidualTransactions(p, delta, x, tx, t);
        Assert.True(double.IsFinite(dert) && dert > 0);
        Tolerance.Close(DertByIntegration(p, delta, x, tx, t), dert, relative: 1e-6);
    }

    [Theory]
    [InlineData(0.394, 0.115)]
    [InlineData(0.0, 0.3)]
    [InlineData(0.0, 2.0)]
    [InlineData(-1.0, 0.7)]
    [InlineData(-1.0, 3.0)]
    [InlineData(-2.7, 0.05)]
    [InlineData(-0.3, 1.4)]
    [InlineData(0.95, 1.6)]
    [InlineData(1e-7, 0.9)]
    [InlineData(-1e-7, 0.9)]
    [InlineData(-12.5, 0.4)]
    public void IncompleteGamma_MatchesNumericalIntegral(double a, double z)
    {
        // Γ(a, z) = ∫_z^∞ t^{a−1} e^{−t} dt = ∫_0^∞ e^{(a)u} z^{a} e^{−z e^u} du (t = z e^u), Simpson over u ∈ [0, 6].
        const int Steps = 200_000;
        double h = 6.0 / Steps;
        double sum = 0;
        for (int i = 0; i <= Steps; i++)
        {
            double u = i * h;
            double f = Math.Exp((a * u) - (z * Math.Exp(u)) + z);
            sum += f * (i == 0 || i == Steps ? 1 : i % 2 == 1 ? 4 : 2);
        }

        // R = Γ(a, z) e^z z^{−a}.
        double expected = sum * h / 3;
        Tolerance.Close(Math.Log(expected), IncompleteGamma.LogScaledUpper(a, z), absolute: 1e-11);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0)]
    [InlineData(1.4999)]
    [InlineData(1.5)]
    [InlineData(5.0)]
    public void IncompleteGamma_ExponentialIntegral(double z)
    {
        // Γ(0, z) = E₁(z) (the s = 1 case of the DERT).
        double e1 = E1(z);
        Tolerance.Close(Math.Log(e1 * Math.Exp(z)), IncompleteGamma.LogScaledUpper(0, z), absolute: 1e-12);
    }

    private static double E1(double z)
    {
        // E₁(z) = −γ − ln z − Σ_{k≥1} (−z)^k/(k·k!) (DLMF 6.6.2), summed plainly for z ≤ 5.
        double sum = 0, term = 1;
        for (int k = 1; k < 200; k++)
        {
            term *= -z / k;
            sum += term / k;
        }

        return -0.57721566490153286 - Math.Log(z) - sum;
    }
}
