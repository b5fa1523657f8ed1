namespace CustomerRetention.Numerics;

/// <summary>
/// The upper incomplete gamma function Γ(a, z) = ∫_z^∞ t^{a−1} e^{−t} dt for real a &lt; 1 (negative and zero
/// included: Γ(0, z) = E₁(z)) and z &gt; 0, returned scaled, as ln R with Γ(a, z) = z^a e^{−z} R, so that nothing
/// overflows for very negative a or small z. Used by the Pareto/NBD DERT through
/// Ψ(s, s; z) = e^z Γ(1−s, z) (DLMF 13.6.6), i.e. ln Ψ(s, s; z) = (1−s) ln z + ln R(1−s, z).
/// </summary>
internal static class IncompleteGamma
{
    private const double EulerGamma = 0.57721566490153286060651209008240243;

    /// <summary>ln R(a, z) with Γ(a, z) = z^a e^{−z} R, for a &lt; 1 and z &gt; 0.</summary>
    public static double LogScaledUpper(double a, double z)
    {
        if (z >= 1.5)
        {
            return Math.Log(ContinuedFraction(a, z));
        }

        // Small z: the series at a₀ = a + m in (−0.5, 1), then m steps of the recurrence
        // R(a−1) = (1 − z R(a)) / (1 − a) downwards (scaled form of Γ(a, z) = (a−1)Γ(a−1, z) + z^{a−1}e^{−z}),
        // every step with 1 − a ≥ 1.5 so that at most a fraction of a digit is lost per step.
        int m = a < -0.5 ? (int)Math.Ceiling(-0.5 - a) : 0;
        double a0 = a + m;
        double lnz = Math.Log(z);
        double gammaA0 = SeriesUpper(a0, z, lnz);
        double rr = gammaA0 * Math.Exp(z - (a0 * lnz));
        double current = a0;
        for (int k = 0; k < m; k++)
        {
            rr = (1 - (z * rr)) / (1 - current);
            current -= 1;
        }

        return Math.Log(rr);
    }

    /// <summary>
    /// Γ(a, z) for −0.5 &lt; a &lt; 1 and 0 &lt; z &lt; 1.5: Γ(a) − z^a Σ_{k≥0} (−z)^k/(k!(a+k)) rearranged as
    /// (Γ(1+a) − 1)/a − (z^a − 1)/a − z^a Σ_{k≥1} (−z)^k/(k!(a+k)), which has no pole at a = 0 (where it is
    /// E₁(z) = −γ − ln z − Σ_{k≥1} (−z)^k/(k·k!)).
    /// </summary>
    internal static double SeriesUpper(double a, double z, double lnz)
    {
        double za = Math.Exp(a * lnz);
        double sum = 0;
        double term = 1;
        for (int k = 1; k < 200; k++)
        {
            term *= -z / k;
            double add = term / (a + k);
            sum += add;
            if (Math.Abs(add) < 1e-17 * Math.Abs(sum))
            {
                break;
            }
        }

        double u = a * lnz;
        double zaMinus1OverA = u == 0 ? lnz : SpecialFunctions.Expm1(u) / a;
        return GammaOnePlusMinusOneOverA(a) - zaMinus1OverA - (za * sum);
    }

    /// <summary>(Γ(1+a) − 1)/a = expm1(ln Γ(1+a))/a for −0.5 &lt; a &lt; 1 (−γ at a = 0), through the series of <see cref="SpecialFunctions.LogGammaOnePlus"/> for |a| ≤ 0.5.</summary>
    internal static double GammaOnePlusMinusOneOverA(double a)
    {
        if (Math.Abs(a) > 0.5)
        {
            return (Math.Exp(SpecialFunctions.LogGamma(1 + a)) - 1) / a;
        }

        return a == 0 ? -EulerGamma : SpecialFunctions.Expm1(SpecialFunctions.LogGammaOnePlus(a)) / a;
    }

    /// <summary>
    /// R = Γ(a, z) e^z z^{−a} by Legendre's continued fraction 1/(z+1−a− 1(1−a)/(z+3−a− 2(2−a)/(z+5−a− …)))
    /// (DLMF 8.9.2), evaluated by the modified Lentz method; for z ≥ 1.5 and a &lt; 1 every partial denominator is positive.
    /// </summary>
    internal static double ContinuedFraction(double a, double z)
    {
        const double Tiny = 1e-300;
        double b = z + 1 - a;
        double c = 1 / Tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 100_000; i++)
        {
            double an = -i * (i - a);
            b += 2;
            d = (an * d) + b;
            if (Math.Abs(d) < Tiny)
            {
                d = Tiny;
            }

            c = b + (an / c);
            if (Math.Abs(c) < Tiny)
            {
                c = Tiny;
            }

            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }

        return h;
    }
}
