using CustomerRetention.Numerics;
using CustomerRetention.Probabilistic.Numerics;

namespace CustomerRetention.Probabilistic.Tests;

public class ParetoNbdDistributionTests
{
    // FHL (2005) "RFM and CLV", CDNOW sample (α < β).
    private static readonly ParetoNbdParameters Cdnow = new(0.5533, 10.578, 0.6061, 11.669);

    public static TheoryData<double, double, double, double, double> Cases => new()
    {
        { 0.5533, 10.578, 0.6061, 11.669, 52 },   // α < β (CDNOW)
        { 0.5533, 11.669, 0.6061, 10.578, 52 },   // α > β
        { 0.9, 5.0, 1.7, 5.0, 30 },               // α = β, s > 1
        { 2.5, 1.5, 1.0, 40, 20 },                // s = 1, many purchases
        { 0.9, 5.4, 0.8, 60, 104 },               // the benchmark population
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ProbabilityOfPurchases_SumsToOne_MeanIsExpectedPurchases(double r, double alpha, double s, double beta, double t)
    {
        var p = new ParetoNbdParameters(r, alpha, s, beta);
        double total = 0, mean = 0;
        for (int n = 0; n < 20_000; n++)
        {
            double pn = ParetoNbd.ProbabilityOfPurchases(p, t, n);
            Assert.InRange(pn, 0.0, 1.0);
            total += pn;
            mean += n * pn;
            if (n > 50 && pn < 1e-18)
            {
                break;
            }
        }

        Tolerance.Close(1.0, total, relative: 1e-10);
        // E[X(t)] in closed form (SMC 1987; FHL 2005), an independent formula.
        Tolerance.Close(ParetoNbd.ExpectedPurchases(p, t), mean, relative: 1e-9);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ProbabilityOfPurchases_MatchesNote012ClosedForm(double r, double alpha, double s, double beta, double t)
    {
        // Fader & Hardie, note 012 (as implemented in CLVTools' pnbd_pmf): P = NB part +
        // α^r β^s B(r+x, s+1)/B(r, s) [B1 − Σ_{i=0}^{x} Γ(r+s+i) t^i/(Γ(r+s) i!) B2(i)], with (α ≥ β)
        // B1 = ₂F₁(r+s, s+1; r+s+x+1; (α−β)/α)/α^{r+s}, B2(i) = ₂F₁(r+s+i, s+1; r+s+x+1; (α−β)/(α+t))/(α+t)^{r+s+i}
        // and (α < β) the same with b = r+x, β in place of α. Summed plainly: fine for small x only.
        var p = new ParetoNbdParameters(r, alpha, s, beta);
        for (int x = 0; x <= 6; x++)
        {
            double part1 = Math.Exp(SpecialFunctions.LogGamma(r + x) - SpecialFunctions.LogGamma(r) - SpecialFunctions.LogGamma(x + 1)
                + (r * Math.Log(alpha / (alpha + t))) + (x * Math.Log(t / (alpha + t))) + (s * Math.Log(beta / (beta + t))));
            double part2 = Math.Exp((r * Math.Log(alpha)) + (s * Math.Log(beta)) + SpecialFunctions.LogBeta(r + x, s + 1) - SpecialFunctions.LogBeta(r, s));
            double max = Math.Max(alpha, beta), absDiff = Math.Abs(alpha - beta);
            double b = alpha >= beta ? s + 1 : r + x;
            double c = r + s + x + 1;
            double b1 = SpecialFunctions.Hyp2F1(r + s, b, c, absDiff / max) / Math.Pow(max, r + s);
            double b2 = 0;
            for (int i = 0; i <= x; i++)
            {
                double factor = Math.Exp(SpecialFunctions.LogGamma(r + s + i) + (i * Math.Log(t)) - SpecialFunctions.LogGamma(r + s) - SpecialFunctions.LogGamma(i + 1));
                b2 += factor * SpecialFunctions.Hyp2F1(r + s + i, b, c, absDiff / (max + t)) / Math.Pow(max + t, r + s + i);
            }

            double expected = part1 + (part2 * (b1 - b2));
            Tolerance.Close(expected, ParetoNbd.ProbabilityOfPurchases(p, t, x), relative: 1e-8, absolute: 1e-14);
        }
    }

    [Fact]
    public void ProbabilityOfPurchases_AgreesWithSimulation()
    {
        // 200,000 seeded simulated customers observed for 52 weeks: every frequency 0..10 within 4 standard errors.
        const int Customers = 200_000;
        const double T = 52;
        double[] ages = new double[Customers];
        Array.Fill(ages, T);
        PurchaseHistories simulated = CustomerBaseSimulator.ParetoNbd(Cdnow, ages, seed: 7);
        int[] counts = new int[11];
        foreach (double x in simulated.Frequency)
        {
            if (x <= 10)
            {
                counts[(int)x]++;
            }
        }

        for (int n = 0; n <= 10; n++)
        {
            double pn = ParetoNbd.ProbabilityOfPurchases(Cdnow, T, n);
            double se = Math.Sqrt(pn * (1 - pn) / Customers);
            Assert.InRange(counts[n] / (double)Customers, pn - (4 * se), pn + (4 * se));
        }
    }

    [Theory]
    [InlineData(0.5143, 2.8845, 0.2856, 14.1087)] // CLVTools #100 parameters (α < β)
    [InlineData(0.5143, 14.1087, 0.2856, 2.8845)] // swapped (α > β)
    [InlineData(0.5143, 3.0, 0.2856, 3.0)]        // α = β
    public void ProbabilityOfPurchases_LargeCounts_AreStable(double r, double alpha, double s, double beta)
    {
        // Heavy buyers over a long horizon: n in the thousands, where B1 − ΣB2 cancels completely.
        var p = new ParetoNbdParameters(r, alpha, s, beta);
        const double T = 2000;
        double total = 0, mean = 0;
        for (int n = 0; n < 200_000; n++)
        {
            double pn = ParetoNbd.ProbabilityOfPurchases(p, T, n);
            Assert.True(pn >= 0 && pn <= 1, $"P(X = {n}) = {pn}");
            total += pn;
            mean += n * pn;
            if (n > 3000 && pn * n < 1e-16)
            {
                break;
            }
        }

        Tolerance.Close(1.0, total, relative: 1e-8);
        Tolerance.Close(ParetoNbd.ExpectedPurchases(p, T), mean, relative: 1e-4);
        Assert.True(ParetoNbd.ProbabilityOfPurchases(p, T, 5000) > 0);
    }

    [Fact]
    public void ProbabilityOfPurchases_EdgeCases()
    {
        Assert.Equal(1.0, ParetoNbd.ProbabilityOfPurchases(Cdnow, 0, 0));
        Assert.Equal(0.0, ParetoNbd.ProbabilityOfPurchases(Cdnow, 0, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => ParetoNbd.ProbabilityOfPurchases(Cdnow, -1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ParetoNbd.ProbabilityOfPurchases(Cdnow, 1, -1));
        Assert.Throws<ArgumentException>(() => ParetoNbd.ProbabilityOfPurchases(default, 1, 0));
    }
}
