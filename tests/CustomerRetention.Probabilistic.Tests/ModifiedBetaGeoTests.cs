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
}
