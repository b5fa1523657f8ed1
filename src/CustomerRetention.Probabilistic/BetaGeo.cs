using CustomerRetention.Numerics;
using CustomerRetention.Probabilistic.Numerics;

namespace CustomerRetention.Probabilistic;

/// <summary>
/// The BG/NBD model of Fader, Hardie &amp; Lee (2005), "Counting your customers the easy way: an alternative to
/// the Pareto/NBD model", Marketing Science 24(2): likelihood, maximum-likelihood fit and predictions.
/// Times (t_x, T, horizons) are in the unit the data were summarised in (e.g. weeks). Thread-safe.
/// </summary>
public static class BetaGeo
{
    private const int Shift = 0;

    /// <summary>
    /// The log-likelihood of one customer, FHL (2005) eq. 6, computed in log space (no overflow for x in the
    /// thousands): ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
    /// + ln[(α+T)^{−(r+x)} + 1{x&gt;0} a/(b+x−1) (α+t_x)^{−(r+x)}].
    /// </summary>
    /// <param name="parameters">The model parameters.</param>
    /// <param name="frequency">x, repeat purchases. Range: x ≥ 0.</param>
    /// <param name="recency">t_x, time of the last repeat purchase. Range: 0 ≤ t_x ≤ T.</param>
    /// <param name="T">T, the customer's age: time from the first purchase to the end of calibration. Range: T ≥ 0.</param>
    /// <returns>ln L (a density in t_x, so it may be positive).</returns>
    public static double LogLikelihood(BetaGeoParameters parameters, double frequency, double recency, double T)
        => Model(parameters).LogLikelihood(frequency, recency, T);

    /// <summary>The total log-likelihood Σ wᵢ ln Lᵢ over weighted rows.</summary>
    /// <param name="parameters">The model parameters.</param>
    /// <param name="data">The rows.</param>
    /// <returns>The weighted sum of the customers' log-likelihoods.</returns>
    public static double LogLikelihood(BetaGeoParameters parameters, PurchaseHistories data)
    {
        Guard.NotNull(data);
        return Model(parameters).LogLikelihood(data);
    }

    /// <summary>
    /// Fits the model by maximum likelihood (BFGS over the log-parameters with the analytic gradient, restarts,
    /// covariance from the Hessian) on the distinct rows (equal rows are merged first, <see cref="PurchaseHistories.Compress"/>;
    /// <see cref="FitResult.Rows"/> counts them). <see cref="ModelInputs"/> convert to the rows implicitly: <c>BetaGeo.Fit(inputs)</c>. Published fit on the CDNOW sample: r 0.2426, α 4.4136, a 0.7929, b 2.4259, LL −9582.43.
    /// </summary>
    /// <param name="data">The rows; their total weight must be positive.</param>
    /// <param name="options">Fit options, or null for <see cref="FitOptions.Default"/>.</param>
    /// <returns>The fit report.</returns>
    public static FitResult<BetaGeoParameters> Fit(PurchaseHistories data, FitOptions? options = null)
    {
        Guard.NotNull(data);
        return BetaGeoFamily.Fit(data, options ?? FitOptions.Default, Shift, t => new BetaGeoParameters(t[0], t[1], t[2], t[3]));
    }

    /// <summary>
    /// P(alive | x, t_x, T) = 1 / (1 + 1{x&gt;0} a/(b+x−1) ((α+T)/(α+t_x))^{r+x}) (FHL 2005, eq. 11; 1 when x = 0).
    /// </summary>
    /// <param name="parameters">The model parameters.</param>
    /// <param name="frequency">x. Range: x ≥ 0.</param>
    /// <param name="recency">t_x. Range: 0 ≤ t_x ≤ T.</param>
    /// <param name="T">T, the customer's age: time from the first purchase to the end of calibration. Range: T ≥ 0.</param>
    /// <returns>A probability in [0, 1].</returns>
    public static double ProbabilityAlive(BetaGeoParameters parameters, double frequency, double recency, double T)
        => Model(parameters).ProbabilityAlive(frequency, recency, T);

    /// <summary>
    /// E[X(t)], the expected number of repeat purchases in (0, t] of a new customer (FHL 2005, eq. 9):
    /// (a+b−1)/(a−1) [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))].
    /// </summary>
    /// <param name="parameters">The model parameters.</param>
    /// <param name="horizon">t. Range: t ≥ 0.</param>
    /// <returns>The expected number of repeat purchases.</returns>
    public static double ExpectedPurchases(BetaGeoParameters parameters, double horizon)
        => Model(parameters).ExpectedPurchases(horizon);

    /// <summary>
    /// E[Y(t) | x, t_x, T], the expected purchases in the next t time units of a customer with history
    /// (x, t_x, T) (FHL 2005, eq. 10), evaluated through Euler's transformation of the ₂F₁ term so that it is
    /// stable for large x.
    /// </summary>
    /// <param name="parameters">The model parameters.</param>
    /// <param name="horizon">t, the length of the future period. Range: t ≥ 0.</param>
    /// <param name="frequency">x. Range: x ≥ 0.</param>
    /// <param name="recency">t_x. Range: 0 ≤ t_x ≤ T.</param>
    /// <param name="T">T, the customer's age: time from the first purchase to the end of calibration. Range: T ≥ 0.</param>
    /// <returns>The expected number of purchases.</returns>
    public static double ConditionalExpectedPurchases(BetaGeoParameters parameters, double horizon, double frequency, double recency, double T)
        => Model(parameters).ConditionalExpectedPurchases(horizon, frequency, recency, T);

    /// <summary>
    /// P(alive) and the expected purchases in the next <paramref name="horizon"/> for many customers at once,
    /// written into the destination spans (no allocation per customer).
    /// </summary>
    /// <param name="parameters">The model parameters.</param>
    /// <param name="horizon">t. Range: t ≥ 0.</param>
    /// <param name="frequency">x per customer.</param>
    /// <param name="recency">t_x per customer.</param>
    /// <param name="T">T per customer: the customer's age, time from the first purchase to the end of calibration.</param>
    /// <param name="probabilityAlive">Receives P(alive) per customer (same length as the inputs).</param>
    /// <param name="expectedPurchases">Receives the expected purchases per customer (same length).</param>
    public static void Predict(
        BetaGeoParameters parameters, double horizon,
        ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> T,
        Span<double> probabilityAlive, Span<double> expectedPurchases)
        => Model(parameters).Predict(horizon, frequency, recency, T, probabilityAlive, expectedPurchases);

    /// <summary>
    /// P(X(t) = n), the probability of exactly n repeat purchases in (0, t] for a new customer (FHL 2005, eq. 8):
    /// B(a, b+n)/B(a, b) · NB(n) + 1{n&gt;0} B(a+1, b+n−1)/B(a, b) · P(NB ≥ n), with NB the negative binomial
    /// (r, α/(α+t)) count; the tail is summed directly where 1 − head would cancel.
    /// </summary>
    /// <param name="parameters">The model parameters.</param>
    /// <param name="horizon">t. Range: t ≥ 0.</param>
    /// <param name="count">n. Range: n ≥ 0.</param>
    /// <returns>A probability in [0, 1].</returns>
    public static double ProbabilityOfPurchases(BetaGeoParameters parameters, double horizon, int count)
        => Model(parameters).ProbabilityOfPurchases(horizon, count);

    /// <summary>
    /// ln[B(a+i, b+j)/B(a, b)] = ln Γ(a+i) − ln Γ(a) + ln Γ(b+j) − ln Γ(b) − ln Γ(a+b+i+j) + ln Γ(a+b): as the
    /// difference of ln B below a+b = 1e5, and as differences of ln Γ at equal arguments above (where ln B(a, b)
    /// is ~1e15 for a, b ~ 1e13 and the plain difference would keep no digit).
    /// </summary>
    /// <param name="a">a.</param>
    /// <param name="b">b.</param>
    /// <param name="i">i ≥ 0.</param>
    /// <param name="j">j ≥ 0.</param>
    /// <param name="ai">a + i as the caller rounds it.</param>
    /// <param name="bj">b + j as the caller rounds it.</param>
    internal static double LogBetaRatio(double a, double b, double i, double j, double ai, double bj)
    {
        if (a + b < 1e5)
        {
            return SpecialFunctions.LogBeta(ai, bj) - SpecialFunctions.LogBeta(a, b);
        }

        return SpecialFunctions.LogGammaDifference(a, i) + SpecialFunctions.LogGammaDifference(b, j) - SpecialFunctions.LogGammaDifference(a + b, i + j);
    }

    internal static double NegativeBinomialLog(double r, double logP, double logQ, double n) =>
        SpecialFunctions.LogGamma(r + n) - SpecialFunctions.LogGamma(r) - SpecialFunctions.LogGamma(n + 1) + (r * logP) + (n * logQ);

    /// <summary>P(N ≥ n) for N ~ NB(r, p): 1 − head when the head is small, else the tail summed upwards.</summary>
    internal static double NegativeBinomialTail(double r, double logP, double logQ, int n)
    {
        double q = Math.Exp(logQ);
        double term = Math.Exp(r * logP);
        double head = 0;
        for (int j = 0; j < n; j++)
        {
            head += term;
            term *= (r + j) / (j + 1) * q;
        }

        if (head < 0.5)
        {
            return 1 - head;
        }

        double tail = 0;
        term = Math.Exp(NegativeBinomialLog(r, logP, logQ, n));
        for (int j = n; j < n + 10_000_000; j++)
        {
            tail += term;
            term *= (r + j) / (j + 1) * q;
            if (term == 0 || (term < 1e-17 * tail && (r + j + 1) / (j + 2) * q < 1))
            {
                break;
            }
        }

        return tail;
    }

    internal static double Clamp01(double v) => v < 0 || double.IsNaN(v) ? 0 : v > 1 ? 1 : v;

    internal static void CheckCustomer(double frequency, double recency, double T)
    {
        Guard.NonNegative(frequency);
        Guard.NonNegative(T);
        Guard.InRange(recency, 0, T);
    }

    /// <summary>The family member of these parameters, validated (the error names <c>parameters</c>).</summary>
    private static BetaGeoFamilyModel Model(BetaGeoParameters parameters)
    {
        BetaGeoParameters p = parameters.Checked(nameof(parameters));
        return new BetaGeoFamilyModel(p.R, p.Alpha, p.A, p.B, Shift);
    }
}
