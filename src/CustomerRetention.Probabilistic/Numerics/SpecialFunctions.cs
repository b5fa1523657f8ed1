namespace CustomerRetention.Probabilistic.Numerics;

/// <summary>
/// Special functions the models need, written for positive arguments and double precision:
/// log-gamma, log-beta, digamma, the log-sum-exp family and Gauss's hypergeometric series.
/// </summary>
internal static class SpecialFunctions
{
    private const double HalfLog2Pi = 0.91893853320467274178032973640562;

    /// <summary>ln Γ(x) for x &gt; 0 (Stirling series after an upward shift to x ≥ 15; relative error ≈ 1e-15).</summary>
    public static double LogGamma(double x)
    {
        if (x <= 0 || double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x >= 15)
        {
            return Stirling(x);
        }

        // Shift up: ln Γ(x) = ln Γ(x + k) − ln(x (x+1) ... (x+k−1)).
        double product = 1.0;
        double y = x;
        while (y < 15)
        {
            product *= y;
            y += 1.0;
        }

        return Stirling(y) - Math.Log(product);
    }

    private static double Stirling(double x)
    {
        double inv = 1.0 / x;
        double inv2 = inv * inv;
        double series = inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 * (1.0 / 1680 - inv2 * (1.0 / 1188)))));
        return ((x - 0.5) * Math.Log(x)) - x + HalfLog2Pi + series;
    }

    /// <summary>ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b) for a, b &gt; 0.</summary>
    public static double LogBeta(double a, double b) => LogGamma(a) + LogGamma(b) - LogGamma(a + b);

    /// <summary>ψ(x) = d ln Γ(x) / dx for x &gt; 0 (recurrence up to x ≥ 12, then the asymptotic series).</summary>
    public static double Digamma(double x)
    {
        if (x <= 0 || double.IsNaN(x))
        {
            return double.NaN;
        }

        double result = 0;
        while (x < 12)
        {
            result -= 1.0 / x;
            x += 1.0;
        }

        double inv = 1.0 / x;
        double inv2 = inv * inv;
        result += Math.Log(x) - (0.5 * inv)
            - (inv2 * ((1.0 / 12) - (inv2 * ((1.0 / 120) - (inv2 * ((1.0 / 252) - (inv2 * ((1.0 / 240) - (inv2 * (1.0 / 132))))))))));
        return result;
    }

    /// <summary>ln(e^a + e^b) without overflow; −∞ arguments are allowed.</summary>
    public static double LogAddExp(double a, double b)
    {
        if (double.IsNegativeInfinity(a))
        {
            return b;
        }

        if (double.IsNegativeInfinity(b))
        {
            return a;
        }

        return a > b ? a + Log1p(Math.Exp(b - a)) : b + Log1p(Math.Exp(a - b));
    }

    /// <summary>ln(e^a − e^b) for a ≥ b; −∞ when they are equal.</summary>
    public static double LogSubExp(double a, double b)
    {
        if (double.IsNegativeInfinity(b))
        {
            return a;
        }

        if (b >= a)
        {
            return double.NegativeInfinity;
        }

        return a + Log1mExp(b - a);
    }

    /// <summary>ln(1 − e^x) for x &lt; 0, accurate near 0 and for large |x| (Mächler 2012).</summary>
    public static double Log1mExp(double x) =>
        x > -0.6931471805599453 ? Math.Log(-Expm1(x)) : Log1p(-Math.Exp(x));

    /// <summary>ln Σ e^{v_i} without overflow.</summary>
    public static double LogSumExp(ReadOnlySpan<double> values)
    {
        double max = double.NegativeInfinity;
        foreach (double v in values)
        {
            if (v > max)
            {
                max = v;
            }
        }

        if (double.IsNegativeInfinity(max) || double.IsPositiveInfinity(max))
        {
            return max;
        }

        double sum = 0;
        foreach (double v in values)
        {
            sum += Math.Exp(v - max);
        }

        return max + Math.Log(sum);
    }

    /// <summary>1 / (1 + e^x) without overflow.</summary>
    public static double InverseOnePlusExp(double x) =>
        x >= 0 ? Math.Exp(-x) / (1.0 + Math.Exp(-x)) : 1.0 / (1.0 + Math.Exp(x));

    /// <summary>ln(1 + x), accurate for small x (netstandard2.0 has no Math.Log1P).</summary>
    public static double Log1p(double x)
    {
        double u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>ln(1 + x) − x for x &gt; −1, without the cancellation of the two terms for small x (series below |x| = 0.01).</summary>
    public static double Log1pMinusX(double x)
    {
        if (Math.Abs(x) < 0.01)
        {
            // −x²/2 + x³/3 − … to x⁹ (the next term is below 1e-19 relative to x²).
            double x2 = x * x;
            return x2 * (-0.5 + (x * ((1.0 / 3) + (x * (-0.25 + (x * (0.2 + (x * ((-1.0 / 6) + (x * ((1.0 / 7) + (x * (-0.125 + (x / 9))))))))))))));
        }

        return Log1p(x) - x;
    }

    /// <summary>
    /// ln Γ(x + d) − ln Γ(x) for x, x + d &gt; 0. Below x = 1e5 it is the plain difference (bit-identical to the two
    /// calls); above, Stirling's series is differenced term by term, (x−½) ln(1 + d/x) + d ln(x+d) − d + S(x+d) − S(x),
    /// which keeps full precision where ln Γ(x) itself is ~1e15 and the plain difference would lose every digit.
    /// </summary>
    public static double LogGammaDifference(double x, double d)
    {
        if (x < 1e5 || x + d < 1e5)
        {
            return LogGamma(x + d) - LogGamma(x);
        }

        double y = x + d;
        return ((x - 0.5) * Log1p(d / x)) + (d * Math.Log(y)) - d + StirlingTail(y) - StirlingTail(x);
    }

    private static double StirlingTail(double x)
    {
        double inv = 1.0 / x;
        double inv2 = inv * inv;
        return inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260)));
    }

    /// <summary>e^x − 1, accurate for small x.</summary>
    public static double Expm1(double x)
    {
        if (Math.Abs(x) < 1e-5)
        {
            return x + (0.5 * x * x) + (x * x * x / 6.0);
        }

        return Math.Exp(x) - 1.0;
    }

    /// <summary>
    /// Gauss's hypergeometric series ₂F₁(a, b; c; z) = Σ (a)ₙ(b)ₙ/(c)ₙ zⁿ/n! for 0 ≤ z &lt; 1, summed until the
    /// terms stop mattering (at most <paramref name="maxTerms"/>). The callers transform their arguments first
    /// (Euler: ₂F₁(a,b;c;z) = (1−z)^{c−a−b} ₂F₁(c−a, c−b; c; z)) so that the series has small parameters.
    /// </summary>
    public static double Hyp2F1(double a, double b, double c, double z, int maxTerms = 100_000)
    {
        double term = 1.0;
        double sum = 1.0;
        for (int n = 0; n < maxTerms; n++)
        {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            if (Math.Abs(term) <= 1e-17 * Math.Abs(sum))
            {
                // Once the ratio is below one in magnitude the rest is bounded by a geometric tail.
                double ratio = Math.Abs((a + n + 1) * (b + n + 1) / ((c + n + 1) * (n + 2)) * z);
                if (ratio < 1)
                {
                    break;
                }
            }

            if (term == 0)
            {
                break;
            }
        }

        return sum;
    }

    /// <summary>
    /// ln |₂F₁(a, b; c; z)| by the series, rescaled so that neither the terms nor the sum overflow;
    /// <paramref name="sign"/> receives the sign of the sum.
    /// </summary>
    public static double LogHyp2F1(double a, double b, double c, double z, out double sign, int maxTerms = 10_000_000)
    {
        double term = 1.0;
        double sum = 1.0;
        double logScale = 0;
        for (int n = 0; n < maxTerms; n++)
        {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            if (Math.Abs(sum) > 1e250 || Math.Abs(term) > 1e250)
            {
                sum *= 1e-250;
                term *= 1e-250;
                logScale += 250 * 2.302585092994046;
            }

            if (term == 0 || (Math.Abs(term) <= 1e-17 * Math.Abs(sum)
                && Math.Abs((a + n + 1) * (b + n + 1) * z) < Math.Abs((c + n + 1) * (n + 2))))
            {
                break;
            }
        }

        sign = sum < 0 ? -1 : 1;
        return Math.Log(Math.Abs(sum)) + logScale;
    }
}
