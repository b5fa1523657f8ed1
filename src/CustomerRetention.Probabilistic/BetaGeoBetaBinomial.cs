using CustomerRetention.Numerics;
using CustomerRetention.Probabilistic.Numerics;

namespace CustomerRetention.Probabilistic;

/// <summary>
/// The parameters of the BG/BB model (Fader, Hardie &amp; Shang 2010): while alive a customer transacts at each
/// discrete opportunity with probability p ~ Beta(α, β), and dies before each opportunity with probability
/// θ ~ Beta(γ, δ). Immutable value.
/// </summary>
public readonly record struct BetaGeoBetaBinomialParameters
{
    /// <summary>Creates the parameters.</summary>
    /// <param name="alpha">First shape of the transaction-probability beta distribution. Range: α &gt; 0.</param>
    /// <param name="beta">Second shape of the transaction-probability beta distribution. Range: β &gt; 0.</param>
    /// <param name="gamma">First shape of the drop-out-probability beta distribution. Range: γ &gt; 0.</param>
    /// <param name="delta">Second shape of the drop-out-probability beta distribution. Range: δ &gt; 0.</param>
    public BetaGeoBetaBinomialParameters(double alpha, double beta, double gamma, double delta)
    {
        Alpha = Guard.Positive(alpha);
        Beta = Guard.Positive(beta);
        Gamma = Guard.Positive(gamma);
        Delta = Guard.Positive(delta);
    }

    /// <summary>α.</summary>
    public double Alpha { get; }

    /// <summary>β.</summary>
    public double Beta { get; }

    /// <summary>γ.</summary>
    public double Gamma { get; }

    /// <summary>δ.</summary>
    public double Delta { get; }

    /// <summary>
    /// The parameters of a fit report, so that a fit goes wherever parameters do, e.g.
    /// <c>ProbabilityAlive(fit, x, t_x, T)</c>. The same as <see cref="FromFit"/>.
    /// </summary>
    /// <param name="fit">The fit report.</param>
    public static implicit operator BetaGeoBetaBinomialParameters(FitResult<BetaGeoBetaBinomialParameters> fit) => FromFit(fit);

    /// <summary>The parameters of a fit report (<see cref="FitResult{TParameters}.Parameters"/>).</summary>
    /// <param name="fit">The fit report.</param>
    /// <returns>Its parameters.</returns>
    public static BetaGeoBetaBinomialParameters FromFit(FitResult<BetaGeoBetaBinomialParameters> fit) => Guard.NotNull(fit).Parameters;

    internal BetaGeoBetaBinomialParameters Checked(string paramName) =>
        Alpha > 0 ? this : throw new ArgumentException("The parameters are the default value (all zero); create them with the constructor.", paramName);
}

/// <summary>
/// The BG/BB model for discrete transaction opportunities (Fader, Hardie &amp; Shang 2010, "Customer-base analysis
/// in a discrete-time noncontractual setting", Marketing Science 29(6)): likelihood, fit, P(alive), conditional
/// expectations and the expected frequency distribution. A history is (x, t_x, n): x transactions in n
/// opportunities, the last at opportunity t_x (use <see cref="PurchaseHistories"/> with Age = n). Thread-safe.
/// </summary>
public static class BetaGeoBetaBinomial
{
    /// <summary>
    /// ln L = ln[B(α+x, β+n−x)/B(α,β) · B(γ, δ+n)/B(γ,δ) + Σ_{i=0}^{n−t_x−1} B(α+x, β+t_x−x+i)/B(α,β) ·
    /// B(γ+1, δ+t_x+i)/B(γ,δ)] (FHS 2010, eq. 5), by log-sum-exp.
    /// </summary>
    /// <param name="parameters">The model parameters.</param>
    /// <param name="frequency">x, whole. Range: 0 ≤ x ≤ t_x.</param>
    /// <param name="recency">t_x, whole. Range: x ≤ t_x ≤ n (0 when x = 0).</param>
    /// <param name="opportunities">n, whole. Range: n ≥ 0.</param>
    /// <returns>ln L.</returns>
    public static double LogLikelihood(BetaGeoBetaBinomialParameters parameters, int frequency, int recency, int opportunities)
    {
        BetaGeoBetaBinomialParameters p = parameters.Checked(nameof(parameters));
        Check(frequency, recency, opportunities);
        return LogL(p.Alpha, p.Beta, p.Gamma, p.Delta, frequency, recency, opportunities);
    }

    /// <summary>
    /// Fits by maximum likelihood. Published fit on the donation data (11,104 donors, 6 opportunities):
    /// α 1.204, β 0.750, γ 0.657, δ 2.783, LL −33225.58 (FHS 2010).
    /// </summary>
    /// <param name="data">Rows (x, t_x, n) with weights; x, t_x and n must be whole numbers with x ≤ t_x ≤ n.</param>
    /// <param name="options">Fit options, or null for the defaults.</param>
    /// <returns>The fit report.</returns>
    public static FitResult<BetaGeoBetaBinomialParameters> Fit(PurchaseHistories data, FitOptions? options = null)
    {
        Guard.NotNull(data);
        if (data.TotalWeight <= 0)
        {
            throw new ArgumentException("The data hold no customers (all weights are zero).", nameof(data));
        }

        PurchaseHistories rows = data.Compress();
        int count = rows.Count;
        int[] x = new int[count], tx = new int[count], n = new int[count];
        for (int i = 0; i < count; i++)
        {
            x[i] = ToWhole(rows.Frequency[i], nameof(data));
            tx[i] = ToWhole(rows.Recency[i], nameof(data));
            n[i] = ToWhole(rows.T[i], nameof(data));
            if (x[i] > tx[i] || (x[i] > 0 && tx[i] == 0))
            {
                throw new ArgumentException(FormattableString.Invariant($"Row {i}: BG/BB needs x ≤ t_x ≤ n."), nameof(data));
            }
        }

        double[] w = rows.WeightArray;
        double total = rows.TotalWeight;
        Objective objective = theta =>
        {
            double a = Math.Exp(theta[0]), b = Math.Exp(theta[1]), g = Math.Exp(theta[2]), d = Math.Exp(theta[3]);
            double sum = 0;
            for (int i = 0; i < count; i++)
            {
                sum += w[i] * LogL(a, b, g, d, x[i], tx[i], n[i]);
            }

            return -sum / total;
        };
        var starts = new List<double[]> { new[] { 0.0, 0.0, 0.0, 0.0 }, new[] { 0.0, 0.0, Math.Log(0.5), Math.Log(3.0) } };
        return MaximumLikelihood.Fit(NumericGradient.Wrap(objective), total, starts, options ?? FitOptions.Default, ["alpha", "beta", "gamma", "delta"], t => new BetaGeoBetaBinomialParameters(t[0], t[1], t[2], t[3]), count, 0);
    }

    /// <summary>
    /// P(alive at opportunity n+1 | x, t_x, n) = B(α+x, β+n−x)/B(α,β) · B(γ, δ+n+1)/B(γ,δ) / L (FHS 2010, eq. 11).
    /// </summary>
    /// <param name="parameters">The model parameters.</param>
    /// <param name="frequency">x. Range: 0 ≤ x ≤ t_x.</param>
    /// <param name="recency">t_x. Range: x ≤ t_x ≤ n.</param>
    /// <param name="opportunities">n. Range: n ≥ 0.</param>
    /// <returns>A probability in [0, 1].</returns>
    public static double ProbabilityAlive(BetaGeoBetaBinomialParameters parameters, int frequency, int recency, int opportunities)
    {
        BetaGeoBetaBinomialParameters p = parameters.Checked(nameof(parameters));
        Check(frequency, recency, opportunities);
        double a = p.Alpha, b = p.Beta, g = p.Gamma, d = p.Delta;
        double logNum = SpecialFunctions.LogBeta(a + frequency, b + opportunities - frequency) - SpecialFunctions.LogBeta(a, b)
            + SpecialFunctions.LogBeta(g, d + opportunities + 1) - SpecialFunctions.LogBeta(g, d);
        return BetaGeo.Clamp01(Math.Exp(logNum - LogL(a, b, g, d, frequency, recency, opportunities)));
    }

    /// <summary>
    /// E[X(n, n+n*) | x, t_x, n], the expected transactions in the next n* opportunities (FHS 2010, eq. 13):
    /// B(α+x+1, β+n−x)/B(α,β) · δ/(γ−1) · Γ(γ+δ)/Γ(1+δ) · [Γ(1+δ+n)/Γ(γ+δ+n) − Γ(1+δ+n+n*)/Γ(γ+δ+n+n*)] / L.
    /// </summary>
    /// <param name="parameters">The model parameters.</param>
    /// <param name="futureOpportunities">n*. Range: n* ≥ 0.</param>
    /// <param name="frequency">x. Range: 0 ≤ x ≤ t_x.</param>
    /// <param name="recency">t_x. Range: x ≤ t_x ≤ n.</param>
    /// <param name="opportunities">n. Range: n ≥ 0.</param>
    /// <returns>The expected number of transactions.</returns>
    public static double ConditionalExpectedPurchases(BetaGeoBetaBinomialParameters parameters, int futureOpportunities, int frequency, int recency, int opportunities)
    {
        BetaGeoBetaBinomialParameters p = parameters.Checked(nameof(parameters));
        Guard.NonNegative(futureOpportunities);
        Check(frequency, recency, opportunities);
        double a = p.Alpha, b = p.Beta, g = p.Gamma, d = p.Delta;
        double logL = LogL(a, b, g, d, frequency, recency, opportunities);
        double logLead = SpecialFunctions.LogBeta(a + frequency + 1, b + opportunities - frequency) - SpecialFunctions.LogBeta(a, b) - logL;
        // Σ_{k=1}^{n*} P(alive at n+k) summed directly: B(γ, δ+n+k)/B(γ, δ) ratios avoid the γ = 1 singularity.
        double sum = 0;
        double logBgd = SpecialFunctions.LogBeta(g, d);
        for (int k = 1; k <= futureOpportunities; k++)
        {
            sum += Math.Exp(SpecialFunctions.LogBeta(g, d + opportunities + k) - logBgd);
        }

        double v = Math.Exp(logLead) * sum;
        return double.IsNaN(v) ? 0 : v;
    }

    /// <summary>
    /// P(X(n) = x), the probability that a new customer makes x transactions in n opportunities (FHS 2010, eq. 7):
    /// C(n,x) B(α+x, β+n−x)/B(α,β) · B(γ, δ+n)/B(γ,δ) + Σ_{i=x}^{n−1} C(i,x) B(α+x, β+i−x)/B(α,β) · B(γ+1, δ+i)/B(γ,δ).
    /// Multiplied by the number of customers it gives the expected frequency distribution.
    /// </summary>
    /// <param name="parameters">The model parameters.</param>
    /// <param name="opportunities">n. Range: n ≥ 0.</param>
    /// <param name="count">x. Range: 0 ≤ x ≤ n.</param>
    /// <returns>A probability in [0, 1].</returns>
    public static double ProbabilityOfPurchases(BetaGeoBetaBinomialParameters parameters, int opportunities, int count)
    {
        BetaGeoBetaBinomialParameters p = parameters.Checked(nameof(parameters));
        Guard.NonNegative(opportunities);
        Guard.InRange(count, 0, opportunities);
        double a = p.Alpha, b = p.Beta, g = p.Gamma, d = p.Delta;
        double logBab = SpecialFunctions.LogBeta(a, b), logBgd = SpecialFunctions.LogBeta(g, d);
        double v = Math.Exp(LogChoose(opportunities, count) + SpecialFunctions.LogBeta(a + count, b + opportunities - count) - logBab
            + SpecialFunctions.LogBeta(g, d + opportunities) - logBgd);
        for (int i = count; i < opportunities; i++)
        {
            v += Math.Exp(LogChoose(i, count) + SpecialFunctions.LogBeta(a + count, b + i - count) - logBab
                + SpecialFunctions.LogBeta(g + 1, d + i) - logBgd);
        }

        return BetaGeo.Clamp01(v);
    }

    /// <summary>
    /// DERT, the discounted expected residual transactions of a customer with history (x, t_x, n) over all future
    /// opportunities n+1, n+2, …, each discounted by (1+d)^{−k} (Fader, Hardie &amp; Shang 2010, eq. 14):
    /// DERT = B(α+x+1, β+n−x)/B(α,β) · B(γ, δ+n+1)/((1+d) B(γ,δ)) · ₂F₁(1, δ+n+1; γ+δ+n+1; 1/(1+d)) / L.
    /// Multiplied by the value per transaction it is the residual CLV
    /// (<see cref="CustomerLifetimeValue.DiscountedResidual(BetaGeoBetaBinomialParameters, int, int, int, double, double)"/>).
    /// </summary>
    /// <param name="parameters">The model parameters.</param>
    /// <param name="discountRate">d per opportunity (e.g. 0.1 a year for yearly opportunities). Range: d &gt; 0.</param>
    /// <param name="frequency">x. Range: 0 ≤ x ≤ t_x.</param>
    /// <param name="recency">t_x. Range: x ≤ t_x ≤ n.</param>
    /// <param name="opportunities">n. Range: n ≥ 0.</param>
    /// <returns>The discounted expected number of future transactions.</returns>
    public static double DiscountedExpectedResidualTransactions(BetaGeoBetaBinomialParameters parameters, double discountRate, int frequency, int recency, int opportunities)
    {
        BetaGeoBetaBinomialParameters p = parameters.Checked(nameof(parameters));
        Guard.Positive(discountRate);
        Check(frequency, recency, opportunities);
        double a = p.Alpha, b = p.Beta, g = p.Gamma, d = p.Delta;
        double logL = LogL(a, b, g, d, frequency, recency, opportunities);
        double logLead = SpecialFunctions.LogBeta(a + frequency + 1, b + opportunities - frequency) - SpecialFunctions.LogBeta(a, b)
            + SpecialFunctions.LogBeta(g, d + opportunities + 1) - SpecialFunctions.LogBeta(g, d) - Math.Log(1 + discountRate) - logL;
        double series = SpecialFunctions.Hyp2F1(1, d + opportunities + 1, g + d + opportunities + 1, 1 / (1 + discountRate), 100_000_000);
        return Math.Exp(logLead) * series;
    }

    private static double LogChoose(int n, int k) =>
        SpecialFunctions.LogGamma(n + 1.0) - SpecialFunctions.LogGamma(k + 1.0) - SpecialFunctions.LogGamma(n - k + 1.0);

    internal static double LogL(double a, double b, double g, double d, int x, int tx, int n)
    {
        double logBab = SpecialFunctions.LogBeta(a, b), logBgd = SpecialFunctions.LogBeta(g, d);
        double value = SpecialFunctions.LogBeta(a + x, b + n - x) - logBab + SpecialFunctions.LogBeta(g, d + n) - logBgd;
        for (int i = 0; i < n - tx; i++)
        {
            value = SpecialFunctions.LogAddExp(value, SpecialFunctions.LogBeta(a + x, b + tx - x + i) - logBab + SpecialFunctions.LogBeta(g + 1, d + tx + i) - logBgd);
        }

        return value;
    }

    private static void Check(int frequency, int recency, int opportunities)
    {
        Guard.NonNegative(opportunities);
        Guard.InRange(recency, 0, opportunities);
        Guard.InRange(frequency, 0, recency);
    }

    internal static int ToWhole(double v, string paramName) =>
        v == Math.Floor(v) && v <= int.MaxValue
            ? (int)v
            : throw new ArgumentException(FormattableString.Invariant($"BG/BB needs whole numbers of opportunities; got {v}."), paramName);
}
