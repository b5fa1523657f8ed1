namespace CustomerRetention.Probabilistic.Tests;

public class ModifiedBetaGeoTests
{
    [Fact]
    public void Fit_CdnowSample_ReproducesPublishedEstimates()
    {
        FitResult<ModifiedBetaGeoParameters> fit = ModifiedBetaGeo.Fit(CdnowData.Histories.Compress());
        // Batislam et al. (2007); BTYDplus: r 0.525, α 6.183, a 0.891, b 1.614, LL −9582.13.
        Tolerance.Decimals(0.525, fit.Parameters.R, 3);
        Tolerance.Decimals(6.183, fit.Parameters.Alpha, 3);
        Tolerance.Decimals(0.891, fit.Parameters.A, 3);
        Tolerance.Decimals(1.614, fit.Parameters.B, 3);
        Tolerance.Close(-9582.13, fit.LogLikelihood, absolute: 0.01);
        // fits.json "mbg-nbd --summary": −9582.132684899902.
        Tolerance.Close(-9582.132684899902, fit.LogLikelihood, absolute: 1e-4);
        Assert.True(fit.Converged);
    }

    [Fact]
    public void ProbabilityAlive_BelowOneWithoutRepeatPurchase()
    {
        var p = new ModifiedBetaGeoParameters(0.525, 6.183, 0.891, 1.614);
        // Batislam et al. (2007): a customer may drop out right after the first purchase: P(alive | x = 0, T = 0) = b/(a+b).
        Tolerance.Close(1.614 / (0.891 + 1.614), ModifiedBetaGeo.ProbabilityAlive(p, 0, 0, 0), relative: 1e-12);
    }

    [Fact]
    public void ExpectedPurchases_MatchesConditionalAtBirth()
    {
        var p = new ModifiedBetaGeoParameters(0.525, 6.183, 0.891, 1.614);
        // E[X(t)] = b/(a−1)[1 − (α/(α+t))^r ₂F₁(r, b+1; a+b; t/(α+t))], summed here as the plain series.
        double t = 52, z = t / (p.Alpha + t);
        double term = 1, sum = 1;
        for (int n = 0; n < 5000; n++)
        {
            term *= (p.R + n) * (p.B + 1 + n) / ((p.A + p.B + n) * (n + 1)) * z;
            sum += term;
        }

        double expected = p.B / (p.A - 1) * (1 - (Math.Pow(p.Alpha / (p.Alpha + t), p.R) * sum));
        Tolerance.Close(expected, ModifiedBetaGeo.ExpectedPurchases(p, t), relative: 1e-10);
    }

    [Theory]
    [InlineData(0.525, 6.183, 0.891, 1.614, 39)]
    [InlineData(2.5, 1.5, 3.2, 0.7, 52)]
    [InlineData(0.1, 20, 0.2, 8, 5)]
    public void ProbabilityOfPurchases_SumsToOneAndHasTheExpectedMean(double r, double alpha, double a, double b, double t)
    {
        // A distribution: Σ_n P(X(t) = n) = 1, and its mean is E[X(t)] = b/(a−1)[1 − (α/(α+t))^r ₂F₁(r, b+1; a+b; t/(α+t))]
        // (Batislam et al. 2007), which ExpectedPurchases evaluates by another route (the ₂F₁, not the pmf).
        var p = new ModifiedBetaGeoParameters(r, alpha, a, b);
        double total = 0, mean = 0, compensation = 0;
        for (int n = 0; n < 20_000; n++)
        {
            double pn = ModifiedBetaGeo.ProbabilityOfPurchases(p, t, n);
            Assert.InRange(pn, 0, 1);
            total += pn;
            double y = (n * pn) - compensation;
            double sum = mean + y;
            compensation = sum - mean - y;
            mean = sum;
        }

        Tolerance.Close(1, total, relative: 1e-9);
        Tolerance.Close(ModifiedBetaGeo.ExpectedPurchases(p, t), mean, relative: 1e-7);
    }

    [Fact]
    public void ProbabilityOfPurchases_AtZeroHorizon_IsAPointMassAtZero()
    {
        // X(0) = 0 whatever happens at time 0.
        var p = new ModifiedBetaGeoParameters(0.525, 6.183, 0.891, 1.614);
        Assert.Equal(1.0, ModifiedBetaGeo.ProbabilityOfPurchases(p, 0, 0));
        Assert.Equal(0.0, ModifiedBetaGeo.ProbabilityOfPurchases(p, 0, 3));
    }

    [Fact]
    public void ProbabilityOfPurchases_LargeCounts_StayFiniteInLogSpace()
    {
        // n in the thousands: Γ(r+n) and B(a, b+n) overflow as plain numbers, not in log space.
        var p = new ModifiedBetaGeoParameters(20, 0.5, 0.5, 300);
        double sum = 0;
        for (int n = 0; n < 8_000; n++)
        {
            double pn = ModifiedBetaGeo.ProbabilityOfPurchases(p, 52, n);
            Assert.False(double.IsNaN(pn));
            sum += pn;
        }

        Tolerance.Close(1, sum, relative: 1e-8);
    }

    [Fact]
    public void ProbabilityOfPurchases_AgreesWithSeededSimulation()
    {
        // The MBG/NBD story simulated directly (Batislam et al. 2007): λ ~ Gamma(r, α), p ~ Beta(a, b); the coin
        // (probability p) is tossed at time 0 and after every purchase. Frequencies within 4 standard errors.
        var p = new ModifiedBetaGeoParameters(0.525, 6.183, 0.891, 1.614);
        const int Customers = 200_000;
        const double T = 39;
        var random = new Random(2007);
        int[] counts = new int[8];
        for (int i = 0; i < Customers; i++)
        {
            double lambda = Gamma(random, p.R) / p.Alpha;
            double ga = Gamma(random, p.A);
            double dropout = ga / (ga + Gamma(random, p.B));
            int n = 0;
            if (random.NextDouble() >= dropout)
            {
                double time = 0;
                while (true)
                {
                    time += -Math.Log(1 - random.NextDouble()) / lambda;
                    if (time > T)
                    {
                        break;
                    }

                    n++;
                    if (random.NextDouble() < dropout)
                    {
                        break;
                    }
                }
            }

            counts[Math.Min(n, counts.Length - 1)]++;
        }

        for (int n = 0; n < counts.Length - 1; n++)
        {
            double pn = ModifiedBetaGeo.ProbabilityOfPurchases(p, T, n);
            double se = Math.Sqrt(pn * (1 - pn) / Customers);
            Assert.InRange((double)counts[n] / Customers, pn - (4 * se), pn + (4 * se));
        }
    }

    /// <summary>Marsaglia &amp; Tsang (2000) gamma variate, with the shape &lt; 1 boost.</summary>
    private static double Gamma(Random random, double shape)
    {
        if (shape < 1)
        {
            return Gamma(random, shape + 1) * Math.Pow(random.NextDouble(), 1 / shape);
        }

        double d = shape - (1.0 / 3), c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                // Box–Muller normal.
                x = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
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
