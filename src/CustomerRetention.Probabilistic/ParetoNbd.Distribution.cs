using CustomerRetention.Numerics;
using CustomerRetention.Probabilistic.Numerics;

namespace CustomerRetention.Probabilistic;

/// <content>The purchase-count distribution and the discounted expected residual transactions.</content>
public static partial class ParetoNbd
{
    /// <summary>
    /// P(X(t) = n), the probability that a new (randomly chosen) customer makes exactly n repeat purchases in
    /// (0, t] (Fader &amp; Hardie 2006/2020, "Deriving an expression for P(X(t) = x) under the Pareto/NBD model",
    /// note 012): the customer is either alive at t, NB(n; r, α/(α+t)) · (β/(β+t))^s, or died at τ ≤ t after n
    /// purchases, Γ(r+n)/(Γ(r) n!) · s α^r β^s ∫₀ᵗ τⁿ (α+τ)^{−(r+n)} (β+τ)^{−(s+1)} dτ. Note 012 writes the
    /// integral as a complete ₂F₁ term minus n+1 incomplete ones, which cancel catastrophically for large n;
    /// here the integral is taken directly (its integrand is positive), after u = τ/(m+τ) with m = max(α, β),
    /// by double-exponential (tanh-sinh) quadrature in log space, so the result is accurate for α ≠ β, α = β and
    /// n in the thousands.
    /// </summary>
    /// <param name="parameters">The model parameters.</param>
    /// <param name="horizon">t. Range: t ≥ 0.</param>
    /// <param name="count">n. Range: n ≥ 0.</param>
    /// <returns>A probability in [0, 1].</returns>
    public static double ProbabilityOfPurchases(ParetoNbdParameters parameters, double horizon, int count)
    {
        ParetoNbdParameters p = parameters.Checked(nameof(parameters));
        Guard.NonNegative(horizon);
        Guard.NonNegative(count);
        if (horizon == 0)
        {
            return count == 0 ? 1.0 : 0.0;
        }

        double r = p.R, alpha = p.Alpha, s = p.S, beta = p.Beta, t = horizon, n = count;
        double logAlpha = Math.Log(alpha), logBeta = Math.Log(beta);
        double logNb = SpecialFunctions.LogGamma(r + n) - SpecialFunctions.LogGamma(r) - SpecialFunctions.LogGamma(n + 1);
        double logAt = Math.Log(alpha + t);
        double alive = logNb + (r * (logAlpha - logAt)) + (count == 0 ? 0 : n * (Math.Log(t) - logAt)) + (s * (logBeta - Math.Log(beta + t)));
        double dead = logNb + Math.Log(s) + (r * logAlpha) + (s * logBeta) + LogDeathIntegral(r, alpha, s, beta, count, t);
        return BetaGeo.Clamp01(Math.Exp(alive) + Math.Exp(dead));
    }

    /// <summary>
    /// ln ∫₀ᵗ τⁿ (α+τ)^{−(r+n)} (β+τ)^{−(s+1)} dτ. With m = max(α, β), u = τ/(m+τ) and z = |α−β|/m it is
    /// m^{−(r+s)} ∫₀^U uⁿ (1−u)^{r+s−1} (1 − z(1−u))^{−c} du, U = t/(m+t), c = s+1 when α ≥ β and r+n otherwise.
    /// </summary>
    internal static double LogDeathIntegral(double r, double alpha, double s, double beta, int n, double t)
    {
        bool alphaLarger = alpha >= beta;
        double m = alphaLarger ? alpha : beta;
        double ratio = (alphaLarger ? beta : alpha) / m; // 1 − z
        double z = 1 - ratio;
        double c = alphaLarger ? s + 1 : r + n;
        double upper = t / (m + t);
        double oneMinusUpper = m / (m + t);
        double e1 = r + s - 1;

        // Tanh-sinh: ∫₀^U f = (U/2) h Σ_k w_k f(u_k), u_k = U/2 (1 + tanh(π/2 sinh(kh))), refined by halving h.
        double logSum = double.NegativeInfinity;
        double previous = double.NaN;
        double logHalfU = Math.Log(upper) - Math.Log(2);
        for (int level = 0; level <= 9; level++)
        {
            double h = Math.Pow(2, -level);
            int step = level == 0 ? 1 : 2;
            int start = level == 0 ? 0 : 1;
            for (int k = start; k * h <= 4.5; k += step)
            {
                double kh = k * h;
                double sinh = Math.Sinh(kh);
                double q = Math.Exp(-Math.PI * sinh);
                double logW = Math.Log(2 * Math.PI * Math.Cosh(kh)) + Math.Log(q) - (2 * SpecialFunctions.Log1p(q));
                double near = upper * q / (1 + q); // distance of the node from the nearer endpoint
                // Right node: u = U − near.
                double uR = upper - near;
                double logF = LogIntegrand(n, e1, c, z, ratio, uR, oneMinusUpper + near);
                logSum = SpecialFunctions.LogAddExp(logSum, logW + logF);
                if (k > 0)
                {
                    double uL = near;
                    double logFL = LogIntegrand(n, e1, c, z, ratio, uL, 1 - uL);
                    logSum = SpecialFunctions.LogAddExp(logSum, logW + logFL);
                }
            }

            double estimate = logSum + Math.Log(h);
            if (level >= 3 && Math.Abs(estimate - previous) < 1e-14)
            {
                previous = estimate;
                break;
            }

            previous = estimate;
        }

        return (-(r + s) * Math.Log(m)) + logHalfU + previous;
    }

    private static double LogIntegrand(int n, double e1, double c, double z, double ratio, double u, double oneMinusU)
    {
        if (u <= 0 || oneMinusU <= 0)
        {
            return n == 0 && u <= 0 ? (e1 * Math.Log(oneMinusU)) - (c * Math.Log(ratio + (z * u))) : double.NegativeInfinity;
        }

        double v = (e1 * Math.Log(oneMinusU)) - (c * Math.Log(ratio + (z * u)));
        return n == 0 ? v : v + (n * Math.Log(u));
    }

    /// <summary>
    /// DERT, the discounted expected residual transactions of a customer with history (x, t_x, T) (Fader,
    /// Hardie &amp; Lee 2005, "RFM and CLV: using iso-value curves for customer base analysis", JMR 42(4), eq. 2):
    /// DERT(δ) = ∫₀^∞ e^{−δt} E[purchase rate at T+t] dt
    /// = α^r β^s δ^{s−1} Γ(r+x+1) Ψ(s, s; δ(β+T)) / [Γ(r) (α+T)^{r+x+1} L(r, α, s, β | x, t_x, T)],
    /// with Ψ the confluent hypergeometric function of the second kind, Ψ(s, s; z) = e^z Γ(1−s, z) (DLMF 13.6.6).
    /// Computed in log space: ln DERT = ln(r+x) − (r+x+1) ln(α+T) + (1−s) ln(β+T) + ln R(1−s, δ(β+T)) − ln B, with
    /// Γ(a, z) = z^a e^{−z} R(a, z) and B the likelihood's bracket (so P(alive) = (α+T)^{−(r+x)}(β+T)^{−s}/B);
    /// Γ(1−s, z) for any s &gt; 0 (1−s negative or zero included) by Legendre's continued fraction for z ≥ 1.5,
    /// else by its series and the recurrence. Multiply by the expected value per purchase for the residual
    /// lifetime value (<see cref="CustomerLifetimeValue.DiscountedResidual(ParetoNbdParameters, double, double, double, double, double)"/>).
    /// </summary>
    /// <param name="parameters">The model parameters.</param>
    /// <param name="discountRate">
    /// δ, the continuously compounded discount rate per model time unit (e.g. 15 % a year on weekly data:
    /// δ = ln(1.15)/52 ≈ 0.00269). Range: δ &gt; 0.
    /// </param>
    /// <param name="frequency">x. Range: x ≥ 0.</param>
    /// <param name="recency">t_x. Range: 0 ≤ t_x ≤ T.</param>
    /// <param name="T">T, the customer's age: time from the first purchase to the end of calibration. Range: T ≥ 0.</param>
    /// <returns>The present value, in transactions, of the customer's expected future purchases (≥ 0).</returns>
    public static double DiscountedExpectedResidualTransactions(ParetoNbdParameters parameters, double discountRate, double frequency, double recency, double T)
    {
        ParetoNbdParameters p = parameters.Checked(nameof(parameters));
        Guard.Positive(discountRate);
        BetaGeo.CheckCustomer(frequency, recency, T);
        return Dert(p, discountRate, frequency, recency, T);
    }

    internal static double Dert(ParetoNbdParameters p, double delta, double x, double tx, double t)
    {
        double r = p.R, alpha = p.Alpha, s = p.S, beta = p.Beta;
        double bracket = LogBracket(r, alpha, s, beta, x, tx, t, out _);
        double logBt = Math.Log(beta + t);
        double value = Math.Log(r + x) - ((r + x + 1) * Math.Log(alpha + t)) + ((1 - s) * logBt)
            + IncompleteGamma.LogScaledUpper(1 - s, delta * (beta + t)) - bracket;
        double v = Math.Exp(value);
        return double.IsNaN(v) ? 0 : Math.Min(v, double.MaxValue);
    }
}
