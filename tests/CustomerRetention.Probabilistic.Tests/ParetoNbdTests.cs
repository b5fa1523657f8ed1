namespace CustomerRetention.Probabilistic.Tests;

public class ParetoNbdTests
{
    // Fader, Hardie & Lee (2005) "RFM and CLV", CDNOW sample.
    private static readonly ParetoNbdParameters Published = new(0.5533, 10.578, 0.6061, 11.669);

    // shared/data/expected/fits.json "pareto-nbd --transactions": the same estimates to full precision.
    private static readonly ParetoNbdParameters Precise = new(0.5532770463888939, 10.577683459301806, 0.6062399917386181, 11.66873538501105);

    [Fact]
    public void LogLikelihood_AtPublishedParameters() =>
        // FHL (2005) "RFM and CLV": LL −9594.98.
        Tolerance.Close(-9594.98, ParetoNbd.LogLikelihood(Published, CdnowData.Histories), absolute: 0.01);

    [Fact]
    public void Fit_CdnowSample_ReproducesPublishedEstimates()
    {
        FitResult<ParetoNbdParameters> fit = ParetoNbd.Fit(CdnowData.Histories.Compress());
        // FHL (2005) "RFM and CLV"; BTYD; CLVTools: r 0.5533, α 10.578, s 0.6061, β 11.669, LL −9594.98.
        Tolerance.Close(0.5533, fit.Parameters.R, relative: 1e-3);
        Tolerance.Close(10.578, fit.Parameters.Alpha, relative: 1e-3);
        Tolerance.Close(0.6061, fit.Parameters.S, relative: 1e-3);
        Tolerance.Close(11.669, fit.Parameters.Beta, relative: 1e-3);
        Tolerance.Close(-9594.98, fit.LogLikelihood, absolute: 0.01);
        // fits.json "pareto-nbd --summary": −9594.973929826861.
        Tolerance.Close(-9594.973929826861, fit.LogLikelihood, absolute: 1e-4);
    }

    [Fact]
    public void Predictions_PublishedValues()
    {
        // reference-values.md (FHL 2005; BTYD): E[X(52)] = 1.4734; x = 26, t_x = 30.86, T = 31: 25.46 in 52 weeks, P(alive) 0.9979.
        Tolerance.Decimals(1.4734, ParetoNbd.ExpectedPurchases(Precise, 52), 4);
        Tolerance.Decimals(25.46, ParetoNbd.ConditionalExpectedPurchases(Precise, 52, 26, 30.86, 31), 2);
        Tolerance.Decimals(0.9979, ParetoNbd.ProbabilityAlive(Precise, 26, 30.86, 31), 4);
    }

    [Theory]
    // CLVTools issue #100: cases that made other implementations return NaN.
    [InlineData(221, 103.43, 103.57)]
    [InlineData(254, 97.14, 97.29)]
    [InlineData(161, 94.71, 98)]
    [InlineData(204, 98.57, 99.43)]
    public void ProbabilityAlive_ClvTools100_IsFiniteProbability(double x, double tx, double t)
    {
        var p = new ParetoNbdParameters(0.5143, 2.8845, 0.2856, 14.1087);
        double alive = ParetoNbd.ProbabilityAlive(p, x, tx, t);
        Assert.InRange(alive, 0.0, 1.0);
        Assert.True(double.IsFinite(ParetoNbd.LogLikelihood(p, x, tx, t)));
        Assert.True(double.IsFinite(ParetoNbd.ConditionalExpectedPurchases(p, 52, x, tx, t)));
    }

    [Theory]
    [InlineData(3, 20, 38, 0.5533, 10.578, 0.6061, 11.669)]
    [InlineData(3, 20, 38, 0.5533, 11.669, 0.6061, 10.578)]
    [InlineData(0, 0, 30, 1.2, 3, 0.4, 50)]
    public void LogLikelihood_MatchesNumericalIntegral(double x, double tx, double t, double r, double alpha, double s, double beta)
    {
        // L = Γ(r+x)α^r β^s/Γ(r) [(α+T)^{−(r+x)}(β+T)^{−s} + s ∫_{t_x}^{T} (α+τ)^{−(r+x)} (β+τ)^{−(s+1)} dτ]
        // (the lifetime integrated out), checked by Simpson's rule: independent of the ₂F₁ formulation.
        const int steps = 20_000;
        double h = (t - tx) / steps;
        double integral = 0;
        for (int i = 0; i <= steps; i++)
        {
            double tau = tx + (i * h);
            double f = Math.Pow(alpha + tau, -(r + x)) * Math.Pow(beta + tau, -(s + 1));
            integral += f * (i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2);
        }

        integral *= h / 3;
        double bracket = (Math.Pow(alpha + t, -(r + x)) * Math.Pow(beta + t, -s)) + (s * integral);
        double expected = CustomerRetention.Numerics.SpecialFunctions.LogGamma(r + x) - CustomerRetention.Numerics.SpecialFunctions.LogGamma(r)
            + (r * Math.Log(alpha)) + (s * Math.Log(beta)) + Math.Log(bracket);
        Tolerance.Close(expected, ParetoNbd.LogLikelihood(new ParetoNbdParameters(r, alpha, s, beta), x, tx, t), relative: 1e-10);
    }
}

public class ParetoNbdSeriesTests
{
    [Theory]
    [InlineData(0.7, 2.3, 0.3)]
    [InlineData(0.7, 2.3, 0.61)]
    [InlineData(30.5, 31.8, 0.9)]
    [InlineData(1.6, 5.2, 0.999)]
    [InlineData(201.6, 202.9, 0.99)]
    public void SeriesOne_ContinuedFractionMatchesPlainSeries(double b, double c, double z)
    {
        // Plain series Σ (b)ₙ/(c)ₙ zⁿ summed to convergence (slow but simple) versus the implementation.
        double term = 1, sum = 1;
        for (int n = 0; n < 2_000_000 && term > 1e-18 * sum; n++)
        {
            term *= (b + n) / (c + n) * z;
            sum += term;
        }

        Tolerance.Close(sum, ParetoNbd.SeriesOne(b, c, z), relative: 1e-11);
    }
}
