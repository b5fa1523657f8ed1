using CustomerRetention.Numerics;
using CustomerRetention.Probabilistic.Numerics;

namespace CustomerRetention.Probabilistic;

/// <content>
/// The analytic gradient of the Pareto/NBD log-likelihood. With B = LSE(F₁, F₂) the bracket's log,
/// F₁ = −(r+x) ln(α+T) − s ln(β+T) and F₂ = ln s − ln(r+s+x) + ln(e^{A(t_x)} − e^{A(T)}), where A(t) is the log of
/// one ₂F₁ term (see <see cref="ParetoNbd.LogTerm"/>): ∂ ln L = ∂[ln Γ(r+x) − ln Γ(r) + r ln α + s ln β]
/// + p₁ ∂F₁ + p₂ ∂F₂ with p₁ = e^{F₁−B}, p₂ = 1 − p₁ (p₁ is P(alive)), and
/// ∂F₂ = ∂[ln s − ln(r+s+x)] + (∂A(t_x) − e^{A(T)−A(t_x)} ∂A(T)) / (1 − e^{A(T)−A(t_x)}).
/// Each A(t) = (powers) + ln ₂F₁(1, b; c; z) after Euler's transformation; the derivatives of ln ₂F₁ with respect
/// to b, c and z are carried along the same series (term by term) or the same continued fraction (forward-mode
/// differentiation of the Lentz recursion), so value and gradient cost one pass.
/// </content>
public static partial class ParetoNbd
{
    /// <summary>
    /// ln L of one row and its partial derivatives with respect to (r, α, s, β). <paramref name="logGammaRatio"/> is
    /// ln Γ(r+x) − ln Γ(r) and <paramref name="digammaDifference"/> ψ(r+x) − ψ(r).
    /// </summary>
    internal static double RowGradient(
        double r, double alpha, double s, double beta, double logAlpha, double logBeta,
        double x, double tx, double t, double logGammaRatio, double digammaDifference,
        out double gr, out double galpha, out double gs, out double gbeta)
    {
        double logAt = Math.Log(alpha + t);
        double logBt = Math.Log(beta + t);
        if (tx >= t)
        {
            return Core(
                r, alpha, s, beta, logAlpha, logBeta, Math.Log(s), x, t, logAt, logBt, logGammaRatio, digammaDifference,
                false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, out gr, out galpha, out gs, out gbeta);
        }

        double aTx = LogTermGradient(r, alpha, s, beta, x, tx, out double aTxR, out double aTxAlpha, out double aTxS, out double aTxBeta);
        double aT = LogTermGradient(r, alpha, s, beta, x, t, out double aTR, out double aTAlpha, out double aTS, out double aTBeta);
        return Core(
            r, alpha, s, beta, logAlpha, logBeta, Math.Log(s), x, t, logAt, logBt, logGammaRatio, digammaDifference,
            true, aTx, aTxR, aTxAlpha, aTxS, aTxBeta, aT, aTR, aTAlpha, aTS, aTBeta, out gr, out galpha, out gs, out gbeta);
    }

    /// <summary>
    /// <see cref="RowGradient"/> from precomputed terms: <paramref name="terms"/>[<paramref name="offsetT"/> + 0..6] hold
    /// A(x, T), its four partials, ln(α+T) and ln(β+T); <paramref name="offsetTx"/> likewise for A(x, t_x), or −1 when t_x = T.
    /// </summary>
    internal static double Combine(
        double r, double alpha, double s, double beta, double logAlpha, double logBeta, double logS,
        double x, double t, double logGammaRatio, double digammaDifference, double[] terms, int offsetT, int offsetTx,
        out double gr, out double galpha, out double gs, out double gbeta)
    {
        double logAt = terms[offsetT + 5], logBt = terms[offsetT + 6];
        if (offsetTx < 0)
        {
            return Core(
                r, alpha, s, beta, logAlpha, logBeta, logS, x, t, logAt, logBt, logGammaRatio, digammaDifference,
                false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, out gr, out galpha, out gs, out gbeta);
        }

        return Core(
            r, alpha, s, beta, logAlpha, logBeta, logS, x, t, logAt, logBt, logGammaRatio, digammaDifference, true,
            terms[offsetTx], terms[offsetTx + 1], terms[offsetTx + 2], terms[offsetTx + 3], terms[offsetTx + 4],
            terms[offsetT], terms[offsetT + 1], terms[offsetT + 2], terms[offsetT + 3], terms[offsetT + 4],
            out gr, out galpha, out gs, out gbeta);
    }

    private static double Core(
        double r, double alpha, double s, double beta, double logAlpha, double logBeta, double logS,
        double x, double t, double logAt, double logBt, double logGammaRatio, double digammaDifference, bool hasSecond,
        double aTx, double aTxR, double aTxAlpha, double aTxS, double aTxBeta,
        double aT, double aTR, double aTAlpha, double aTS, double aTBeta,
        out double gr, out double galpha, out double gs, out double gbeta)
    {
        double rx = r + x;
        double first = (-rx * logAt) - (s * logBt);
        double value = logGammaRatio + (r * logAlpha) + (s * logBeta);
        gr = digammaDifference + logAlpha;
        galpha = r / alpha;
        gs = logBeta;
        gbeta = s / beta;
        double diff = aT - aTx; // ≤ 0
        if (!hasSecond || !(diff < 0))
        {
            // t_x = T: the second term vanishes.
            gr -= logAt;
            galpha -= rx / (alpha + t);
            gs -= logBt;
            gbeta -= s / (beta + t);
            return value + first;
        }

        double ratio = Math.Exp(diff);
        double oneMinus = diff > -0.6931471805599453 ? -SpecialFunctions.Expm1(diff) : 1 - ratio;
        double wTx = 1 / oneMinus;
        double wT = ratio * wTx;
        double rsx = rx + s;
        double second = logS - Math.Log(rsx) + aTx + Math.Log(oneMinus);
        double d2r = (-1 / rsx) + (wTx * aTxR) - (wT * aTR);
        double d2alpha = (wTx * aTxAlpha) - (wT * aTAlpha);
        double d2s = (1 / s) - (1 / rsx) + (wTx * aTxS) - (wT * aTS);
        double d2beta = (wTx * aTxBeta) - (wT * aTBeta);

        double p1, p2, lse;
        if (first >= second)
        {
            double e = Math.Exp(second - first);
            lse = first + SpecialFunctions.Log1p(e);
            p2 = e / (1 + e);
            p1 = 1 - p2;
        }
        else
        {
            double e = Math.Exp(first - second);
            lse = second + SpecialFunctions.Log1p(e);
            p1 = e / (1 + e);
            p2 = 1 - p1;
        }

        gr += (p1 * -logAt) + (p2 * d2r);
        galpha += (p1 * (-rx / (alpha + t))) + (p2 * d2alpha);
        gs += (p1 * -logBt) + (p2 * d2s);
        gbeta += (p1 * (-s / (beta + t))) + (p2 * d2beta);
        return value + lse;
    }

    /// <summary><see cref="LogTerm"/> with its partial derivatives with respect to (r, α, s, β).</summary>
    internal static double LogTermGradient(
        double r, double alpha, double s, double beta, double x, double t,
        out double dr, out double dalpha, out double ds, out double dbeta)
    {
        double c = r + s + x + 1;
        double at = alpha + t, bt = beta + t;
        double logAt = Math.Log(at), logBt = Math.Log(bt);
        if (alpha >= beta)
        {
            // A = −s ln(β+t) − (r+x) ln(α+t) + ln F(b = r+x, c, z = (α−β)/(α+t)).
            double z = (alpha - beta) / at;
            double lnF = LogSeriesOneGradient(r + x, c, z, out double fb, out double fc, out double fz);
            dr = -logAt + fb + fc;
            dalpha = (-(r + x) / at) + (fz * bt / (at * at));
            ds = -logBt + fc;
            dbeta = (-s / bt) - (fz / at);
            return (-s * logBt) - ((r + x) * logAt) + lnF;
        }
        else
        {
            // A = (1−r−x) ln(α+t) − (s+1) ln(β+t) + ln F(b = s+1, c, z = (β−α)/(β+t)).
            double z = (beta - alpha) / bt;
            double lnF = LogSeriesOneGradient(s + 1, c, z, out double fb, out double fc, out double fz);
            dr = -logAt + fc;
            dalpha = ((1 - r - x) / at) - (fz / bt);
            ds = -logBt + fb + fc;
            dbeta = (-(s + 1) / bt) + (fz * at / (bt * bt));
            return ((1 - r - x) * logAt) - ((s + 1) * logBt) + lnF;
        }
    }

    /// <summary>
    /// ln ₂F₁(1, b; c; z) (as <see cref="SeriesOne"/>) and its partial derivatives with respect to b, c and z:
    /// the series differentiated term by term, or the continued fraction's Lentz recursion differentiated in
    /// forward mode.
    /// </summary>
    internal static double LogSeriesOneGradient(double b, double c, double z, out double db, out double dc, out double dz)
    {
        if (z <= 0)
        {
            db = 0;
            dc = 0;
            dz = b / c;
            return 0;
        }

        if (z <= 0.6)
        {
            // F = Σ tₙ, tₙ₊₁ = tₙ (b+n)/(c+n) z; ∂_b ln tₙ = Σ_{k<n} 1/(b+k), ∂_c ln tₙ = −Σ_{k<n} 1/(c+k), ∂_z tₙ = n tₙ / z.
            double term = 1.0, sum = 1.0, sb = 0, sc = 0, sn = 0, lb = 0, lc = 0;
            for (int n = 0; n < 10_000; n++)
            {
                double bn = b + n, cn = c + n;
                term *= bn / cn * z;
                lb += 1 / bn;
                lc += 1 / cn;
                sum += term;
                sb += term * lb;
                sc += term * lc;
                sn += term * (n + 1);
                if (term <= 1e-17 * sum)
                {
                    break;
                }
            }

            db = sb / sum;
            dc = -sc / sum;
            dz = sn / (z * sum);
            return Math.Log(sum);
        }

        // Gauss's continued fraction as in SeriesOne: F = 1/f, f = Π Δₙ, with tangents of every Lentz quantity
        // (index 0: b, 1: c, 2: z).
        const double Tiny = 1e-300;
        double c0 = c - 1;
        double cc = 1.0, ccB = 0, ccC = 0, ccZ = 0;
        double d = 0, dB = 0, dC = 0, dZ = 0;
        double logF = 0, lB = 0, lC = 0, lZ = 0;
        for (int n = 1; n < 1_000_000; n++)
        {
            double k, kB, kC;
            if ((n & 1) == 1)
            {
                int j = (n - 1) / 2;
                double p = c0 + (2 * j), q = p + 1, den = p * q;
                k = (b + j) * (c0 + j) / den;
                kB = (c0 + j) / den;
                kC = ((b + j) / den) - (k * ((1 / p) + (1 / q)));
            }
            else
            {
                int j = n / 2;
                double p = c0 + (2 * j) - 1, q = p + 1, den = p * q;
                k = j * (c0 - b + j) / den;
                kB = -j / den;
                kC = (j / den) - (k * ((1 / p) + (1 / q)));
            }

            double an = -k * z, anB = -kB * z, anC = -kC * z, anZ = -k;

            // D = 1 + a d; d ← 1/D.
            double big = 1.0 + (an * d);
            double bigB = (anB * d) + (an * dB), bigC = (anC * d) + (an * dC), bigZ = (anZ * d) + (an * dZ);
            if (Math.Abs(big) < Tiny)
            {
                big = Tiny;
            }

            d = 1.0 / big;
            double d2 = d * d;
            dB = -bigB * d2;
            dC = -bigC * d2;
            dZ = -bigZ * d2;

            // C ← 1 + a/C.
            double inv = 1.0 / cc, inv2 = inv * inv;
            double ccNewB = (anB * inv) - (an * ccB * inv2);
            double ccNewC = (anC * inv) - (an * ccC * inv2);
            double ccNewZ = (anZ * inv) - (an * ccZ * inv2);
            cc = 1.0 + (an * inv);
            if (Math.Abs(cc) < Tiny)
            {
                cc = Tiny;
            }

            ccB = ccNewB;
            ccC = ccNewC;
            ccZ = ccNewZ;

            double delta = cc * d;
            double ic = 1.0 / cc;
            double tB = (ccB * ic) - (bigB * d), tC = (ccC * ic) - (bigC * d), tZ = (ccZ * ic) - (bigZ * d);
            logF += Math.Log(delta);
            lB += tB;
            lC += tC;
            lZ += tZ;
            if (Math.Abs(delta - 1.0) < 1e-16
                && Math.Abs(tB) <= 1e-15 * (1 + Math.Abs(lB))
                && Math.Abs(tC) <= 1e-15 * (1 + Math.Abs(lC))
                && Math.Abs(tZ) <= 1e-15 * (1 + Math.Abs(lZ)))
            {
                break;
            }
        }

        db = -lB;
        dc = -lC;
        dz = -lZ;
        return -logF;
    }
}
