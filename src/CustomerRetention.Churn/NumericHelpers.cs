namespace CustomerRetention.Churn;

/// <summary>
/// Accurate log(1 + x) and exp(x) − 1 for small x (netstandard2.0 has neither), used wherever a
/// rate close to 0 is raised to a power: 1 − (1 − m)^n = −expm1(n·log1p(−m)).
/// </summary>
internal static class NumericHelpers
{
    /// <summary>log(1 + x) without cancellation for small |x| (Goldberg's trick). Range: x &gt; −1.</summary>
    public static double Log1P(double x)
    {
        double u = 1.0 + x;
        if (u == 1.0)
        {
            return x;
        }

        return Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>exp(x) − 1 without cancellation for small |x| (Kahan's trick).</summary>
    public static double ExpM1(double x)
    {
        double u = Math.Exp(x);
        if (u == 1.0)
        {
            return x;
        }

        double um1 = u - 1.0;
        if (um1 == -1.0)
        {
            return -1.0;
        }

        return double.IsInfinity(u) ? u : um1 * x / Math.Log(u);
    }

    /// <summary>1 − (1 − p)^n for p in [0, 1] and n ≥ 0, accurate when p is small.</summary>
    public static double CompoundProbability(double p, double n)
    {
        if (p >= 1.0)
        {
            return n == 0 ? 0.0 : 1.0;
        }

        double result = -ExpM1(n * Log1P(-p));
        return result < 0 ? 0 : (result > 1 ? 1 : result);
    }
}
