using CustomerRetention.Numerics;

namespace CustomerRetention.Satisfaction.Internal;

/// <summary>
/// The few distribution functions the survey statistics need: the standard normal CDF and
/// quantile, and Student's t CDF and quantile. Written here because the library takes no
/// numerical dependency; ln B comes from the shared numerics core (src/Shared/Numerics).
/// Each is checked against published table values in the tests.
/// </summary>
internal static class Distributions
{
    private const double InvSqrt2Pi = 0.39894228040143267794;

    /// <summary>
    /// Φ(x), the standard normal CDF, by Marsaglia's (2004) Taylor series
    /// Φ(x) = ½ + φ(x)·(x + x³/3 + x⁵/(3·5) + …), absolute error about 1e-15; 0 or 1 beyond |x| &gt; 37.
    /// Source: G. Marsaglia, "Evaluating the Normal Distribution", J. Stat. Software 11(4), 2004.
    /// </summary>
    public static double NormalCdf(double x)
    {
        if (x < -37)
        {
            return 0;
        }

        if (x > 37)
        {
            return 1;
        }

        if (x < -8 || x > 8)
        {
            // The series converges slowly this far out; the continued fraction of the Mills ratio does it.
            double tail = NormalUpperTail(Math.Abs(x));
            return x < 0 ? tail : 1 - tail;
        }

        double sum = x;
        double term = x;
        double x2 = x * x;
        for (int i = 3; i < 1000; i += 2)
        {
            term *= x2 / i;
            double next = sum + term;
            if (next == sum)
            {
                break;
            }

            sum = next;
        }

        double p = 0.5 + (sum * InvSqrt2Pi * Math.Exp(-0.5 * x2));
        return p < 0 ? 0 : (p > 1 ? 1 : p);
    }

    /// <summary>The standard normal density φ(x).</summary>
    public static double NormalPdf(double x) => InvSqrt2Pi * Math.Exp(-0.5 * x * x);

    /// <summary>
    /// Φ⁻¹(p) for 0 &lt; p &lt; 1: Acklam's rational approximation, then Newton steps on Φ to full precision.
    /// </summary>
    public static double NormalQuantile(double p)
    {
        if (p <= 0 || p >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "Probability must be strictly between 0 and 1.");
        }

        const double pLow = 0.02425;
        double x;
        if (p < pLow)
        {
            double q = Math.Sqrt(-2 * Math.Log(p));
            x = (((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6) / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
        }
        else if (p <= 1 - pLow)
        {
            double q = p - 0.5;
            double r = q * q;
            x = (((((A1 * r + A2) * r + A3) * r + A4) * r + A5) * r + A6) * q / (((((B1 * r + B2) * r + B3) * r + B4) * r + B5) * r + 1);
        }
        else
        {
            double q = Math.Sqrt(-2 * Math.Log(1 - p));
            x = -(((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6) / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
        }

        // Newton refinement: Φ is smooth and the start is within 1.15e-9 (relative).
        for (int i = 0; i < 3; i++)
        {
            double density = NormalPdf(x);
            if (density <= 0)
            {
                break;
            }

            x -= (NormalCdf(x) - p) / density;
        }

        return x;
    }

    /// <summary>The two-sided critical value z with Φ(z) = (1 + confidence)/2 (1.959964 for 95 %).</summary>
    public static double NormalCritical(double confidence) => NormalQuantile(0.5 + (0.5 * confidence));

    /// <summary>
    /// Student's t CDF with <paramref name="degreesOfFreedom"/> ν &gt; 0:
    /// for t &gt; 0, 1 − ½·I_{ν/(ν+t²)}(ν/2, ½) with the regularized incomplete beta I.
    /// </summary>
    public static double StudentTCdf(double t, double degreesOfFreedom)
    {
        double x = degreesOfFreedom / (degreesOfFreedom + (t * t));
        double tail = 0.5 * RegularizedIncompleteBeta(0.5 * degreesOfFreedom, 0.5, x);
        return t > 0 ? 1 - tail : tail;
    }

    /// <summary>The two-sided critical value of Student's t (2.262157 for 95 % and ν = 9), by bisection on the CDF.</summary>
    public static double StudentTCritical(double confidence, double degreesOfFreedom)
    {
        double target = 0.5 + (0.5 * confidence);
        double lo = 0;
        double hi = 1;
        while (StudentTCdf(hi, degreesOfFreedom) < target)
        {
            lo = hi;
            hi *= 2;
            if (hi > 1e12)
            {
                return hi;
            }
        }

        for (int i = 0; i < 200 && hi - lo > 1e-14 * hi; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (StudentTCdf(mid, degreesOfFreedom) < target)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return 0.5 * (lo + hi);
    }

    /// <summary>
    /// The regularized incomplete beta I_x(a, b) by its continued fraction (modified Lentz),
    /// using the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where the fraction converges slowly.
    /// </summary>
    public static double RegularizedIncompleteBeta(double a, double b, double x)
    {
        if (x <= 0)
        {
            return 0;
        }

        if (x >= 1)
        {
            return 1;
        }

        double lnFront = -SpecialFunctions.LogBeta(a, b) + (a * Math.Log(x)) + (b * Math.Log(1 - x));
        if (x < (a + 1) / (a + b + 2))
        {
            return Math.Exp(lnFront) * BetaContinuedFraction(a, b, x) / a;
        }

        return 1 - (Math.Exp(lnFront) * BetaContinuedFraction(b, a, 1 - x) / b);
    }

    private static double BetaContinuedFraction(double a, double b, double x)
    {
        const double tiny = 1e-300;
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = 1 - (qab * x / qap);
        d = Math.Abs(d) < tiny ? tiny : d;
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= 1000; m++)
        {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + (aa * d);
            d = Math.Abs(d) < tiny ? tiny : d;
            c = 1 + (aa / c);
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + (aa * d);
            d = Math.Abs(d) < tiny ? tiny : d;
            c = 1 + (aa / c);
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.Abs(del - 1) < 1e-15)
            {
                break;
            }
        }

        return h;
    }

    private static double NormalUpperTail(double x)
    {
        // Q(x) = φ(x) / (x + 1/(x + 2/(x + 3/(x + …)))), evaluated from the back.
        double f = x;
        for (int k = 60; k >= 1; k--)
        {
            f = x + (k / f);
        }

        return NormalPdf(x) / f;
    }

    private const double A1 = -3.969683028665376e+01;
    private const double A2 = 2.209460984245205e+02;
    private const double A3 = -2.759285104469687e+02;
    private const double A4 = 1.383577518672690e+02;
    private const double A5 = -3.066479806614716e+01;
    private const double A6 = 2.506628277459239e+00;
    private const double B1 = -5.447609879822406e+01;
    private const double B2 = 1.615858368580409e+02;
    private const double B3 = -1.556989798598866e+02;
    private const double B4 = 6.680131188771972e+01;
    private const double B5 = -1.328068155288572e+01;
    private const double C1 = -7.784894002430293e-03;
    private const double C2 = -3.223964580411365e-01;
    private const double C3 = -2.400758277161838e+00;
    private const double C4 = -2.549732539343734e+00;
    private const double C5 = 4.374664141464968e+00;
    private const double C6 = 2.938163982698783e+00;
    private const double D1 = 7.784695709041462e-03;
    private const double D2 = 3.224671290700398e-01;
    private const double D3 = 2.445134137142996e+00;
    private const double D4 = 3.754408661907416e+00;
}
