using CustomerRetention.Numerics;
using CustomerRetention.Probabilistic.Numerics;

namespace CustomerRetention.Probabilistic.Tests;

public class MinimizerTests
{
    private static double Rosenbrock(ReadOnlySpan<double> x, Span<double> g)
    {
        double a = 1 - x[0];
        double b = x[1] - (x[0] * x[0]);
        g[0] = (-2 * a) - (400 * x[0] * b);
        g[1] = 200 * b;
        return (a * a) + (100 * b * b);
    }

    [Fact]
    public void Bfgs_FindsRosenbrockMinimum()
    {
        MinimizerResult result = Minimizer.Bfgs(Rosenbrock, [-1.2, 1.0]);
        Assert.True(result.Converged);
        Tolerance.Close(1.0, result.Point[0], relative: 1e-7);
        Tolerance.Close(1.0, result.Point[1], relative: 1e-7);
    }

    [Fact]
    public void Bfgs_BacksAwayFromNonFiniteRegion()
    {
        // f = x − ln(x) is +∞ (NaN) for x ≤ 0 and minimal at x = 1.
        MinimizerResult result = Minimizer.Bfgs((x, g) => { g[0] = 1 - (1 / x[0]); return x[0] - Math.Log(x[0]); }, [5.0]);
        Tolerance.Close(1.0, result.Point[0], relative: 1e-7);
    }

    [Fact]
    public void Hessian_OfQuadratic_IsExact()
    {
        // f = x² + 3xy + 5y²: Hessian [[2, 3], [3, 10]].
        double[] h = Minimizer.Hessian((x, g) => { g[0] = (2 * x[0]) + (3 * x[1]); g[1] = (3 * x[0]) + (10 * x[1]); return 0; }, [0.3, -0.2]);
        Tolerance.Close(2, h[0], relative: 1e-8);
        Tolerance.Close(3, h[1], relative: 1e-8);
        Tolerance.Close(10, h[3], relative: 1e-8);
        Assert.True(Minimizer.TryInvert(h, 2, out double[] inverse));
        Tolerance.Close(10.0 / 11, inverse[0], relative: 1e-8);
    }

    [Fact]
    public void NumericalGradient_MatchesAnalytic()
    {
        Span<double> g = stackalloc double[2];
        Minimizer.NumericalGradient(x => Math.Sin(x[0]) * Math.Exp(x[1]), [0.4, 0.2], g);
        Tolerance.Close(Math.Cos(0.4) * Math.Exp(0.2), g[0], relative: 1e-8);
        Tolerance.Close(Math.Sin(0.4) * Math.Exp(0.2), g[1], relative: 1e-8);
    }
}
