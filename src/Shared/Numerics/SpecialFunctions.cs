namespace CustomerRetention.Numerics;

/// <summary>
/// Special functions the models need, written for positive arguments and double precision:
/// log-gamma, log-beta, digamma, the log-sum-exp family and Gauss's hypergeometric series.
/// </summary>
internal static class SpecialFunctions
{
    private const double HalfLog2Pi = 0.91893853320467274178032973640562;

    private const double EulerGamma = 0.57721566490153286060651209008240243;

    /// <summary>ζ(k) − 1 for k = 0 … 63 (0 below 2): k ≤ 10 from DLMF table 25.2 (to 19 digits), larger k summed.</summary>
    private static readonly double[] ZetaMinusOne = BuildZetaMinusOne();

    /// <summary>
    /// ln Γ(x) for x &gt; 0 to full relative precision away from its zeros at 1 and 2 (and to ~1e-16 absolute
    /// there): the series ln Γ(1+a) = −ln(1+a) + a(1−γ) + Σ_{k≥2} (−1)^k (ζ(k)−1) a^k/k (Abramowitz &amp; Stegun
    /// 6.1.33) on |a| ≤ ½, ln Γ(x) = ln Γ(x+1) − ln x below ½, ln Γ(2+a) = ln(1+a) + ln Γ(1+a) on [1.5, 2.5), the
    /// recurrence downwards to [1.5, 2.5) below 15 (a sum of positive logarithms: no cancellation) and Stirling's
    /// series from 15 on.
    /// </summary>
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

        if (x < 0.5)
        {
            return LogGammaOnePlus(x) - Math.Log(x);
        }

        if (x <= 1.5)
        {
            return LogGammaOnePlus(x - 1);
        }

        if (x < 2.5)
        {
            return Log1p(x - 2) + LogGammaOnePlus(x - 2);
        }

        // x in [2.5, 15): ln Γ(x) = ln[(x−1)(x−2)…y] + ln Γ(y), y in [1.5, 2.5).
        double product = 1.0;
        double y = x;
        while (y >= 2.5)
        {
            y -= 1.0;
            product *= y;
        }

        return Math.Log(product) + Log1p(y - 2) + LogGammaOnePlus(y - 2);
    }

    /// <summary>
    /// ln Γ(1 + a) for |a| ≤ ½ by −ln(1+a) + a(1−γ) + Σ_{k≥2} (−1)^k (ζ(k)−1) a^k/k (Abramowitz &amp; Stegun 6.1.33;
    /// the terms fall like (a/2)^k, so at most 30 of them).
    /// </summary>
    public static double LogGammaOnePlus(double a)
    {
        double sum = 0;
        double power = a; // a^{k−1}·(−1)^k … built below
        for (int k = 2; k < ZetaMinusOne.Length; k++)
        {
            power *= -a;
            double term = ZetaMinusOne[k] * power / k;
            sum += term;
            if (Math.Abs(term) <= 1e-18 * Math.Abs(sum) || term == 0)
            {
                break;
            }
        }

        // power starts at a and is multiplied by −a: (−1)^{k−1} a^k; the series wants (−1)^k a^k.
        return -Log1p(a) + (a * (1 - EulerGamma)) - sum;
    }

    private static double[] BuildZetaMinusOne()
    {
        double[] z = new double[64];
        double[] known =
        [
            0, 0, 0.6449340668482264365, 0.2020569031595942854, 0.0823232337111381915, 0.0369277551433699263,
            0.0173430619844491397, 0.0083492773819228268, 0.0040773561979443394, 0.0020083928260822144, 0.0009945751278180853,
        ];
        Array.Copy(known, z, known.Length);
        for (int k = known.Length; k < z.Length; k++)
        {
            // Σ_{2≤n<N} n^{−k} + N^{1−k}/(k−1) + N^{−k}/2 + k N^{−k−1}/12 (Euler–Maclaurin, DLMF 25.2.9; the next
            // term, k(k+1)(k+2) N^{−k−3}/720, is below 1e-18 relative to ζ(k) − 1 for k ≥ 11 at N = 40).
            const int N = 40;
            double sum = 0;
            for (int n = N - 1; n >= 2; n--)
            {
                sum += Math.Pow(n, -k);
            }

            z[k] = sum + (Math.Pow(N, 1 - k) / (k - 1)) + (0.5 * Math.Pow(N, -k)) + (k * Math.Pow(N, -k - 1) / 12);
        }

        return z;
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

    /// <summary>
    /// ψ(x) = d ln Γ(x)/dx for x &gt; 0, to full relative precision away from its root at 1.4616 (~1e-16 absolute
    /// there): ψ(1+a) = −1/(1+a) + 1 − γ + Σ_{k≥2} (−1)^k (ζ(k)−1) a^{k−1} on 0 ≤ a ≤ 1 (the derivative of the
    /// series of <see cref="LogGammaOnePlus"/>; ζ(k) − 1 ~ 2^{−k}, so the terms fall at least like 2^{−k}),
    /// ψ(x) = ψ(x+1) − 1/x below 1, the recurrence ψ(x) = ψ(x−1) + 1/(x−1) downwards to [1, 2] below 12 and the
    /// asymptotic series from 12 on (DLMF 5.11.2).
    /// </summary>
    public static double Digamma(double x)
    {
        if (x <= 0 || double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x < 12)
        {
            double shift = 0;
            if (x < 1)
            {
                shift = -1.0 / x;
                x += 1.0;
            }

            while (x > 2)
            {
                x -= 1.0;
                shift += 1.0 / x;
            }

            double a = x - 1;
            double sum = 0;
            double power = 1; // (−1)^k a^{k−1}
            for (int k = 2; k < ZetaMinusOne.Length; k++)
            {
                power = k == 2 ? a : power * -a;
                double term = ZetaMinusOne[k] * power;
                sum += term;
                if (Math.Abs(term) <= 1e-18 * Math.Abs(sum) || term == 0)
                {
                    break;
                }
            }

            return (-1.0 / x) + (1 - EulerGamma) + sum + shift;
        }

        double inv = 1.0 / x;
        double inv2 = inv * inv;
        return Math.Log(x) - (0.5 * inv)
            - (inv2 * ((1.0 / 12) - (inv2 * ((1.0 / 120) - (inv2 * ((1.0 / 252) - (inv2 * ((1.0 / 240) - (inv2 * (1.0 / 132))))))))));
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

    /// <summary>
    /// ln(1 + x) for x &gt; −1 to full relative precision (Goldberg's trick: ln(u)·x/(u − 1) with u = 1 + x,
    /// D. Goldberg, "What every computer scientist should know about floating-point arithmetic", 1991, thm. 4;
    /// netstandard2.0 has no Math.Log1P).
    /// </summary>
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

    /// <summary>
    /// e^x − 1 to full relative precision for every x (Kahan's trick: (u − 1)·x/ln u with u = e^x, W. Kahan,
    /// "Mathematics written in sand", 1983; netstandard2.0 has no Math.Expm1) below |x| = ½: the rounding error of
    /// u − 1 is cancelled by that of ln u, so the result keeps ~1 ulp where plain e^x − 1 loses log10(1/|x|) digits.
    /// From |x| = ½ on, e^x − 1 itself is accurate to a few ulps (and costs no logarithm on the prediction paths).
    /// </summary>
    public static double Expm1(double x)
    {
        if (!(Math.Abs(x) < 0.5))
        {
            // |e^x − 1| ≥ 0.39 here: the subtraction loses at most a bit, and the logarithm of Kahan's form is saved.
            return Math.Exp(x) - 1.0;
        }

        double u = Math.Exp(x);
        if (u == 1.0)
        {
            return x;
        }

        double um1 = u - 1.0;
        return um1 == -1.0 || double.IsInfinity(u) ? um1 : um1 * x / Math.Log(u);
    }

    /// <summary>1 − (1 − p)^n = −expm1(n·ln(1 − p)) for p in [0, 1] and n ≥ 0, accurate when p is small; clamped to [0, 1].</summary>
    public static double CompoundProbability(double p, double n)
    {
        if (p >= 1.0)
        {
            return n == 0 ? 0.0 : 1.0;
        }

        double result = -Expm1(n * Log1p(-p));
        return result < 0 ? 0 : (result > 1 ? 1 : result);
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
