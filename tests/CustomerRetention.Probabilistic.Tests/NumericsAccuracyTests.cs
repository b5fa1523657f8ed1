using System.Numerics;
using CustomerRetention.Numerics;

namespace CustomerRetention.Probabilistic.Tests;

/// <summary>
/// The shared numerics core (src/Shared/Numerics) against references computed independently of it: exact
/// rational arithmetic on the double's own value (BigInteger fixed point with 2^-240 resolution) for the Taylor
/// series of expm1 and log1p, exact factorials for ln Γ, exact harmonic sums for ψ (DLMF 5.4.14, 5.4.15),
/// closed forms of ₂F₁ (DLMF 15.4.1, 15.4.6, 15.4.3) and exact integrals of polynomials for the quadrature.
/// Full relative precision is asked wherever the result is not tiny.
/// </summary>
public class NumericsAccuracyTests
{
    private const int FixedBits = 240;
    private static readonly BigInteger One = BigInteger.One << FixedBits;

    /// <summary>The arguments: ±10^k for k = −300 … 2 in steps of 0.05 (exponent grid) plus the decade's odd points.</summary>
    private static IEnumerable<double> Grid(double maxExponent)
    {
        for (double k = -300; k <= maxExponent; k += 0.05)
        {
            double v = Math.Pow(10, k);
            yield return v;
            yield return -v;
        }
    }

    [Fact]
    public void Expm1_HasFullRelativePrecision_OverItsWholeDomain()
    {
        foreach (double x in Grid(2.8).Where(v => v > -700))
        {
            double computed = SpecialFunctions.Expm1(x);
            double error;
            if (Math.Abs(x) < 1)
            {
                // expm1(x)/x = Σ_{n≥0} xⁿ/(n+1)!, summed exactly in fixed point.
                BigInteger reference = Expm1OverX(x);
                error = RelativeError(computed / x, reference);
            }
            else
            {
                // |x| ≥ 1: e^x − 1 has no cancellation (|e^x − 1| ≥ 1 − 1/e), so the platform's exp is a reference.
                double expected = Math.Exp(x) - 1;
                error = Math.Abs(computed - expected) / Math.Abs(expected);
            }

            Assert.True(error < 1e-15, FormattableString.Invariant($"expm1({x:R}) = {computed:R}: relative error {error:G3}"));
        }
    }

    [Fact]
    public void Log1p_HasFullRelativePrecision_OverItsWholeDomain()
    {
        foreach (double x in Grid(300).Where(v => v > -1))
        {
            double computed = SpecialFunctions.Log1p(x);
            double error;
            if (Math.Abs(x) < 0.5)
            {
                // log1p(x)/x = Σ_{n≥0} (−x)ⁿ/(n+1), summed exactly in fixed point.
                BigInteger reference = Log1pOverX(x);
                error = RelativeError(computed / x, reference);
            }
            else
            {
                // |x| ≥ 0.5: 1 + x is exact or its rounding is small against |ln(1 + x)| ≥ 0.405.
                double expected = Math.Log(1 + x);
                error = Math.Abs(computed - expected) / Math.Abs(expected);
            }

            Assert.True(error < 1e-15, FormattableString.Invariant($"log1p({x:R}) = {computed:R}: relative error {error:G3}"));
        }
    }

    [Fact]
    public void CompoundProbability_KeepsSmallRates()
    {
        // 1 − (1 − p)^n ≈ np − n(n−1)p²/2 for small p: at p = 1e-12, n = 3 the plain formula keeps ~4 digits.
        double p = 1e-12;
        double expected = (3 * p) - (3 * p * p) + (p * p * p);
        Tolerance.Close(expected, SpecialFunctions.CompoundProbability(p, 3), relative: 1e-15);
        Assert.Equal(1.0, SpecialFunctions.CompoundProbability(1.0, 2));
        Assert.Equal(0.0, SpecialFunctions.CompoundProbability(1.0, 0));
    }

    [Fact]
    public void LogGamma_MatchesExactFactorials_AndHalfIntegers()
    {
        // ln Γ(n) = ln (n−1)! exactly (BigInteger), n = 1 … 3000; Γ(n + ½) = (2n)! √π / (4ⁿ n!) (DLMF 5.4.6).
        BigInteger factorial = BigInteger.One;
        for (int n = 1; n <= 3000; n++)
        {
            double expected = BigInteger.Log(factorial);
            Tolerance.Close(expected, SpecialFunctions.LogGamma(n), relative: 2e-15, absolute: 1e-15);
            factorial *= n;
        }

        BigInteger twoN = BigInteger.One, nFact = BigInteger.One;
        for (int n = 0; n <= 500; n++)
        {
            if (n > 0)
            {
                twoN *= (2 * n) - 1;
                twoN *= 2 * n;
                nFact *= n;
            }

            double expected = BigInteger.Log(twoN) - BigInteger.Log(nFact) - (n * Math.Log(4)) + (0.5 * Math.Log(Math.PI));
            Tolerance.Close(expected, SpecialFunctions.LogGamma(n + 0.5), relative: 2e-15, absolute: 1e-15);
        }
    }

    [Theory]
    // ln Γ(x) = −ln x − γx + O(x²) for tiny x (DLMF 5.7.3): full precision below 1e-8.
    [InlineData(1e-8)]
    [InlineData(1e-100)]
    [InlineData(1e-300)]
    public void LogGamma_TinyArguments(double x) =>
        Tolerance.Close(-Math.Log(x) - (0.57721566490153286061 * x), SpecialFunctions.LogGamma(x), relative: 1e-15);

    [Fact]
    public void LogGammaDifference_KeepsDigits_WhereLogGammaIsHuge()
    {
        // ln Γ(x + 1) − ln Γ(x) = ln x exactly (the recurrence), at x where ln Γ(x) ~ 1e15.
        foreach (double x in new[] { 1e5, 3.7e8, 1e13, 2.5e14 })
        {
            Tolerance.Close(Math.Log(x), SpecialFunctions.LogGammaDifference(x, 1), relative: 1e-14);
            Tolerance.Close(Math.Log(x) + Math.Log(x + 1), SpecialFunctions.LogGammaDifference(x, 2), relative: 1e-14);
        }
    }

    [Fact]
    public void Digamma_MatchesExactHarmonicSums()
    {
        // ψ(n) = −γ + Σ_{k<n} 1/k (DLMF 5.4.14), ψ(n + ½) = −γ − 2 ln 2 + Σ_{k≤n} 2/(2k − 1) (DLMF 5.4.15), in decimal.
        const decimal EulerGamma = 0.5772156649015328606065120901m;
        const decimal Ln2 = 0.6931471805599453094172321215m;
        decimal harmonic = 0m, odd = 0m;
        for (int n = 1; n <= 2000; n++)
        {
            Tolerance.Close((double)(harmonic - EulerGamma), SpecialFunctions.Digamma(n), relative: 2e-15, absolute: 1e-16);
            odd += 2m / ((2 * n) - 1);
            Tolerance.Close((double)(odd - EulerGamma - (2 * Ln2)), SpecialFunctions.Digamma(n + 0.5), relative: 2e-15, absolute: 1e-16);
            harmonic += 1m / n;
        }

        // ψ(x) = −1/x − γ + O(x) for tiny x (DLMF 5.7.6).
        Tolerance.Close(-1e10 - 0.5772156649015329, SpecialFunctions.Digamma(1e-10), relative: 1e-15);
    }

    [Theory]
    [InlineData(0.3, 1e-14)]
    [InlineData(0.9, 1e-14)]
    [InlineData(0.99, 1e-14)]
    [InlineData(0.999, 1e-12)] // ~40,000 terms: their rounding adds up (the callers transform z away from 1 first)
    public void Hyp2F1_MatchesClosedForms_UpToTheUnitCircle(double z, double tolerance)
    {
        // DLMF 15.4.1: F(1, 1; 2; z) = −ln(1 − z)/z; 15.4.6: F(a, b; b; z) = (1 − z)^{−a};
        // 15.4.3: F(½, 1; 3/2; z²) = artanh(z)/z.
        Tolerance.Close(-SpecialFunctions.Log1p(-z) / z, SpecialFunctions.Hyp2F1(1, 1, 2, z, 10_000_000), relative: tolerance);
        Tolerance.Close(Math.Pow(1 - z, -0.7), SpecialFunctions.Hyp2F1(0.7, 2.3, 2.3, z, 10_000_000), relative: tolerance);
        double atanh = 0.5 * (SpecialFunctions.Log1p(z) - SpecialFunctions.Log1p(-z));
        Tolerance.Close(atanh / z, SpecialFunctions.Hyp2F1(0.5, 1, 1.5, z * z, 10_000_000), relative: tolerance);
        Tolerance.Close(Math.Log(Math.Pow(1 - z, -0.7)), SpecialFunctions.LogHyp2F1(0.7, 2.3, 2.3, z, out double sign), relative: 10 * tolerance, absolute: 1e-14);
        Assert.Equal(1, sign);
    }

    [Fact]
    public void GaussLegendre_IsExactForPolynomials_AndAccurateForSmoothFunctions()
    {
        // ∫_{−1}^{1} x^k dx = 2/(k + 1) for even k (exact for k ≤ 2·96 − 1), ∫ e^x = e − 1/e.
        for (int k = 0; k <= 190; k += 2)
        {
            double sum = 0;
            for (int i = 0; i < GaussLegendre.Nodes.Length; i++)
            {
                sum += GaussLegendre.Weights[i] * Math.Pow(GaussLegendre.Nodes[i], k);
            }

            Tolerance.Close(2.0 / (k + 1), sum, relative: 1e-13);
        }

        double exp = 0;
        for (int i = 0; i < GaussLegendre.Nodes.Length; i++)
        {
            exp += GaussLegendre.Weights[i] * Math.Exp(GaussLegendre.Nodes[i]);
        }

        Tolerance.Close(Math.E - (1 / Math.E), exp, relative: 1e-15);
    }

    /// <summary>Σ_{n≥0} xⁿ/(n + 1)! exactly in fixed point (term_n = term_{n−1}·x/(n + 1)).</summary>
    private static BigInteger Expm1OverX(double x)
    {
        (BigInteger mantissa, int exponent) = Exact(x);
        BigInteger term = One, sum = 0;
        for (int n = 1; !term.IsZero; n++)
        {
            sum += term;
            term = Shift(term * mantissa, exponent) / (n + 1);
        }

        return sum;
    }

    /// <summary>Σ_{n≥0} (−x)ⁿ/(n + 1) exactly in fixed point (|x| &lt; ½).</summary>
    private static BigInteger Log1pOverX(double x)
    {
        (BigInteger mantissa, int exponent) = Exact(-x);
        BigInteger power = One, sum = 0;
        for (int n = 0; !power.IsZero; n++)
        {
            sum += power / (n + 1);
            power = Shift(power * mantissa, exponent);
        }

        return sum;
    }

    /// <summary>|computed − reference| / reference with the reference in fixed point.</summary>
    private static double RelativeError(double computed, BigInteger reference)
    {
        (BigInteger m, int e) = Exact(computed);
        BigInteger value = Shift(m << FixedBits, e);
        return Math.Abs((double)(value - reference)) / (double)reference;
    }

    private static BigInteger Shift(BigInteger v, int exponent) => exponent >= 0 ? v << exponent : v >> -exponent;

    /// <summary>The double as mantissa · 2^exponent, exactly.</summary>
    private static (BigInteger Mantissa, int Exponent) Exact(double d)
    {
        long bits = BitConverter.DoubleToInt64Bits(d);
        bool negative = bits < 0;
        int rawExponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        int exponent;
        if (rawExponent == 0)
        {
            exponent = -1074;
        }
        else
        {
            mantissa |= 1L << 52;
            exponent = rawExponent - 1075;
        }

        return (negative ? -mantissa : mantissa, exponent);
    }
}
