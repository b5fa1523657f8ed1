namespace CustomerRetention.Probabilistic.Tests;

public class StabilityTests
{
    private static readonly double[] Grid = [1e-3, 1e-1, 1, 10, 1e3];
    private static readonly (double X, double Tx, double T)[] Customers =
        [(0, 0, 0), (0, 0, 52), (1, 0.5, 52), (10, 30, 52), (100, 51.9, 52), (1000, 10, 52), (10_000, 51.99, 52), (10_000, 1, 1000)];

    private static IEnumerable<(double, double, double, double)> Parameters()
    {
        foreach (double p1 in Grid)
        {
            foreach (double p2 in Grid)
            {
                foreach (double p3 in Grid)
                {
                    foreach (double p4 in Grid)
                    {
                        yield return (p1, p2, p3, p4);
                    }
                }
            }
        }
    }

    private static void Finite(double value, string what)
    {
        Assert.False(double.IsNaN(value), what + " is NaN");
        Assert.False(double.IsInfinity(value), what + " is infinite");
    }

    [Fact]
    public void BetaGeoFamily_FiniteOverParameterGrid()
    {
        foreach ((double r, double alpha, double a, double b) in Parameters())
        {
            var bg = new BetaGeoParameters(r, alpha, a, b);
            var mbg = new ModifiedBetaGeoParameters(r, alpha, a, b);
            foreach ((double x, double tx, double t) in Customers)
            {
                string at = FormattableString.Invariant($"({r}, {alpha}, {a}, {b}) at ({x}, {tx}, {t})");
                Finite(BetaGeo.LogLikelihood(bg, x, tx, t), "BG/NBD LL " + at);
                Finite(ModifiedBetaGeo.LogLikelihood(mbg, x, tx, t), "MBG/NBD LL " + at);
                Assert.InRange(BetaGeo.ProbabilityAlive(bg, x, tx, t), 0, 1);
                Assert.InRange(ModifiedBetaGeo.ProbabilityAlive(mbg, x, tx, t), 0, 1);
                Finite(BetaGeo.ConditionalExpectedPurchases(bg, 52, x, tx, t), "BG/NBD E " + at);
                Finite(ModifiedBetaGeo.ConditionalExpectedPurchases(mbg, 52, x, tx, t), "MBG/NBD E " + at);
            }
        }
    }

    [Fact]
    public void ParetoNbd_FiniteOverParameterGrid()
    {
        foreach ((double r, double alpha, double s, double beta) in Parameters())
        {
            var p = new ParetoNbdParameters(r, alpha, s, beta);
            foreach ((double x, double tx, double t) in Customers)
            {
                string at = FormattableString.Invariant($"({r}, {alpha}, {s}, {beta}) at ({x}, {tx}, {t})");
                Finite(ParetoNbd.LogLikelihood(p, x, tx, t), "Pareto/NBD LL " + at);
                Assert.InRange(ParetoNbd.ProbabilityAlive(p, x, tx, t), 0, 1);
                Finite(ParetoNbd.ConditionalExpectedPurchases(p, 52, x, tx, t), "Pareto/NBD E " + at);
            }
        }
    }

    [Fact]
    public void BetaGeo_LargeFrequency_MatchesDirectLogGammaFormula()
    {
        // x = 10,000: the log-space likelihood equals the textbook formula evaluated with ln Γ (no overflow either way).
        var p = new BetaGeoParameters(0.25, 4, 0.8, 2.5);
        double x = 10_000, tx = 38, t = 40;
        double lg(double v) => CustomerRetention.Numerics.SpecialFunctions.LogGamma(v);
        double a1 = lg(0.25 + x) - lg(0.25) + (0.25 * Math.Log(4)) + lg(2.5 + x) + lg(3.3) - lg(2.5) - lg(3.3 + x);
        double u1 = -(0.25 + x) * Math.Log(4 + t);
        double u2 = Math.Log(0.8 / (2.5 + x - 1)) - ((0.25 + x) * Math.Log(4 + tx));
        double m = Math.Max(u1, u2);
        Tolerance.Close(a1 + m + Math.Log(Math.Exp(u1 - m) + Math.Exp(u2 - m)), BetaGeo.LogLikelihood(p, x, tx, t), relative: 1e-12);
    }
}
