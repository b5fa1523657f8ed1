using CustomerRetention.Numerics;

namespace CustomerRetention.Churn;

/// <summary>
/// The shifted-beta-geometric (sBG) model of contractual retention (Fader &amp; Hardie 2007,
/// "How to project customer retention", Journal of Interactive Marketing 21(1)): each customer
/// renews each period with her own constant probability 1 − θ, θ ~ Beta(α, β) across customers.
/// Heterogeneity makes the aggregate retention rate rise with tenure — the careless-and-loyal
/// sorting a constant-rate model misses.
/// </summary>
/// <remarks>
/// <para>T is the period in which a customer churns (T ≥ 1):
/// P(T = t) = B(α + 1, β + t − 1) / B(α, β), S(t) = P(T &gt; t) = B(α, β + t) / B(α, β),
/// r_t = S(t)/S(t − 1) = (β + t − 1)/(α + β + t − 1) (equations 4, 5 and 7 of the paper).
/// Computed by the recursions S(t) = S(t − 1)·(β + t − 1)/(α + β + t − 1),
/// P(t) = S(t − 1)·α/(α + β + t − 1), in logarithms, so no Beta function is needed.</para>
/// <para>Immutable and thread-safe. Fit it with <see cref="Fit(ReadOnlySpan{double}, FitOptions?)"/> (survivor
/// counts) or <see cref="FitDurations"/> (individual durations, right-censored); both return the library's common
/// <see cref="FitResult{TParameters}"/>.</para>
/// </remarks>
public sealed class ShiftedBetaGeometric : IEquatable<ShiftedBetaGeometric>
{
    private const double MinLogParameter = -30.0;
    private const double MaxLogParameter = 30.0;

    /// <summary>The ₂F₁ series at z = 1/(1 + d) needs ~1/d terms; enough for d down to ~1e-7.</summary>
    private const int MaxSeriesTerms = 100_000_000;

    /// <summary>Creates the model from its parameters.</summary>
    /// <param name="alpha">α of the Beta mixing distribution of churn probabilities. Range: α &gt; 0.</param>
    /// <param name="beta">β of the Beta mixing distribution. Range: β &gt; 0.</param>
    public ShiftedBetaGeometric(double alpha, double beta)
    {
        Alpha = Guard.Positive(alpha);
        Beta = Guard.Positive(beta);
    }

    /// <summary>Creates the model from fitted (or stored) parameters, e.g. <c>new ShiftedBetaGeometric(fit.Parameters)</c>.</summary>
    /// <param name="parameters">α and β; the default value (all zero) is rejected.</param>
    public ShiftedBetaGeometric(ShiftedBetaGeometricParameters parameters)
        : this(parameters.Alpha, parameters.Beta)
    {
    }

    /// <summary>The parameters (α, β).</summary>
    public ShiftedBetaGeometricParameters Parameters => new(Alpha, Beta);

    /// <summary>α: with β, the Beta(α, β) distribution of the churn probability θ; mean churn α/(α + β).</summary>
    public double Alpha { get; }

    /// <summary>β: with α, the Beta(α, β) distribution of the churn probability θ.</summary>
    public double Beta { get; }

    /// <summary>Mean churn probability across customers, α/(α + β) — also the churn of the first period, 1 − r_1.</summary>
    public double MeanChurn => Alpha / (Alpha + Beta);

    /// <summary>P(T = t): the probability that a new customer churns in period t (Fader &amp; Hardie 2007, eq. 4).</summary>
    /// <param name="period">The period t. Range: t ≥ 1.</param>
    /// <returns>The probability, in [0, 1].</returns>
    public double ChurnProbability(int period)
    {
        Guard.Positive(period);
        return Math.Exp(LogSurvival(Alpha, Beta, period - 1) + Math.Log(Alpha / (Alpha + Beta + period - 1)));
    }

    /// <summary>S(t) = P(T &gt; t): the probability that a new customer is still there after t periods (eq. 5).</summary>
    /// <param name="periods">Elapsed periods t. Range: t ≥ 0.</param>
    /// <returns>The survival probability, non-increasing in t, 1 at t = 0.</returns>
    public double Survival(int periods)
    {
        Guard.NonNegative(periods);
        return Math.Exp(LogSurvival(Alpha, Beta, periods));
    }

    /// <summary>
    /// The retention rate of period t among the customers alive at its start:
    /// r_t = (β + t − 1)/(α + β + t − 1) (Fader &amp; Hardie 2007, eq. 7); it rises with t.
    /// </summary>
    /// <param name="period">The period t. Range: t ≥ 1.</param>
    /// <returns>The retention rate of that period.</returns>
    public RetentionRate RetentionRate(int period)
    {
        Guard.Positive(period);
        return new RetentionRate((Beta + period - 1) / (Alpha + Beta + period - 1));
    }

    /// <summary>Projected survivors N0·S(t) for t = 0..<paramref name="periods"/>.</summary>
    /// <param name="customers">Customers at the start, N0. Range: ≥ 0.</param>
    /// <param name="periods">The last period to project. Range: ≥ 0.</param>
    /// <returns><paramref name="periods"/> + 1 values, the first equal to <paramref name="customers"/>.</returns>
    public IReadOnlyList<double> ProjectSurvivors(double customers, int periods)
    {
        Guard.NonNegative(customers);
        Guard.NonNegative(periods);
        var result = new double[periods + 1];
        double logS = 0;
        result[0] = customers;
        for (int t = 1; t <= periods; t++)
        {
            logS += Math.Log((Beta + t - 1) / (Alpha + Beta + t - 1));
            result[t] = customers * Math.Exp(logS);
        }

        return result;
    }

    /// <summary>
    /// Discounted expected lifetime of a customer at acquisition, the first payment at t = 0
    /// undiscounted: DEL(d) = Σ_{t≥0} S(t)/(1 + d)^t = ₂F₁(1, β; α + β; 1/(1 + d))
    /// (Fader &amp; Hardie 2010, "Customer-base valuation in a contractual setting: the perils of
    /// ignoring heterogeneity", Marketing Science 29(1), eq. 4). Multiply by the margin per period
    /// for the expected CLV.
    /// </summary>
    /// <param name="discountRate">Discount rate per period, d. Range: d &gt; 0.</param>
    /// <returns>The discounted expected number of payments.</returns>
    public double DiscountedExpectedLifetime(double discountRate)
    {
        Guard.Positive(discountRate);
        return SpecialFunctions.Hyp2F1(1, Beta, Alpha + Beta, 1.0 / (1.0 + discountRate), MaxSeriesTerms);
    }

    /// <summary>
    /// Discounted expected residual lifetime of a customer who has made <paramref name="renewals"/>
    /// = n − 1 renewals, evaluated just before her next renewal decision (so the next payment is
    /// undiscounted): DERL(d | n − 1) = (β + n − 1)/(α + β + n − 1) · ₂F₁(1, β + n; α + β + n; 1/(1 + d))
    /// (Fader &amp; Hardie 2010, eq. 6). It rises with <paramref name="renewals"/>: long-standing
    /// customers are worth more.
    /// </summary>
    /// <param name="discountRate">Discount rate per period, d. Range: d &gt; 0.</param>
    /// <param name="renewals">Renewals the customer has made, n − 1. Range: ≥ 0.</param>
    /// <returns>The discounted expected number of remaining payments.</returns>
    public double DiscountedExpectedResidualLifetime(double discountRate, int renewals)
    {
        Guard.Positive(discountRate);
        Guard.NonNegative(renewals);
        double n = renewals + 1.0;
        return (Beta + n - 1) / (Alpha + Beta + n - 1) * SpecialFunctions.Hyp2F1(1, Beta + n, Alpha + Beta + n, 1.0 / (1.0 + discountRate), MaxSeriesTerms);
    }

    /// <summary>
    /// The log-likelihood of survivor counts N0 ≥ N1 ≥ … ≥ Nn of one cohort:
    /// Σ_{t=1}^{n} (N_{t−1} − N_t)·ln P(T = t) + N_n·ln S(n) (Fader &amp; Hardie 2007, eq. 6).
    /// </summary>
    /// <param name="survivors">Customers still there at t = 0, 1, …, n. Range: at least two values, each finite ≥ 0, N0 &gt; 0, never increasing.</param>
    /// <returns>The log-likelihood (−∞ is never returned for valid counts and parameters).</returns>
    public double LogLikelihood(ReadOnlySpan<double> survivors)
    {
        ValidateSurvivors(survivors);
        return SurvivorLogLikelihood(Alpha, Beta, survivors);
    }

    /// <summary>
    /// Fits α and β by maximum likelihood to the survivor counts of one cohort (Fader &amp; Hardie
    /// 2007, eq. 6), BFGS with the analytic gradient on (ln α, ln β). On the paper's regular customers, years 0..7
    /// (1000, 631, 468, 382, 326, 289, 262, 241): α = 0.704, β = 1.182, LL = −1680.27.
    /// </summary>
    /// <param name="survivors">Customers still there at t = 0, 1, …, n (counts; fractional values such as survivors per 1,000 are accepted). Range: at least two values, each finite ≥ 0, N0 &gt; 0, never increasing, some churn.</param>
    /// <param name="options">Fit options, or null for <see cref="FitOptions.Default"/>.</param>
    /// <returns>The fit report (the same for every model of the library): α and β, the full log-likelihood, their covariance and standard errors, AIC/BIC, status and warnings; <see cref="FitResult.Customers"/> is N0 and <see cref="FitResult.Rows"/> the number of periods n.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, NaN or infinite.</exception>
    /// <exception cref="ArgumentException">Fewer than two counts, N0 = 0, the counts increase, or nobody churned.</exception>
    public static FitResult<ShiftedBetaGeometricParameters> Fit(ReadOnlySpan<double> survivors, FitOptions? options = null)
    {
        ValidateSurvivors(survivors);
        if (survivors[survivors.Length - 1] == survivors[0])
        {
            throw new ArgumentException("Nobody churned: the sBG likelihood has no maximum (β grows without bound).", nameof(survivors));
        }

        int n = survivors.Length - 1;
        var churned = new double[n + 1];
        var censored = new double[n + 1];
        for (int t = 1; t <= n; t++)
        {
            churned[t] = survivors[t - 1] - survivors[t];
        }

        censored[n] = survivors[n];
        return FitCounts(churned, censored, survivors[0], options ?? FitOptions.Default);
    }

    /// <summary>
    /// Fits α and β by maximum likelihood to individual customers: customer i was observed for
    /// <paramref name="durations"/>[i] periods and either churned in the last of them
    /// (contributing ln P(T = t)) or is still a customer (right-censored, contributing ln S(t)).
    /// </summary>
    /// <param name="durations">Periods observed per customer. Range: each ≥ 1 for a churned customer, ≥ 0 for a censored one.</param>
    /// <param name="censored">Per customer: true when still a customer at the end of observation. Same length.</param>
    /// <param name="options">Fit options, or null for <see cref="FitOptions.Default"/>.</param>
    /// <returns>The fit report; <see cref="FitResult.Customers"/> is the number of customers, <see cref="FitResult.Rows"/> the longest duration.</returns>
    /// <exception cref="ArgumentException">The lengths differ, the spans are empty, or nobody churned.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A duration is negative, or 0 for a churned customer.</exception>
    public static FitResult<ShiftedBetaGeometricParameters> FitDurations(ReadOnlySpan<int> durations, ReadOnlySpan<bool> censored, FitOptions? options = null)
    {
        Guard.SameLength(durations.Length, censored.Length, nameof(censored));
        if (durations.Length == 0)
        {
            throw new ArgumentException("No customers to fit.", nameof(durations));
        }

        int max = 0;
        for (int i = 0; i < durations.Length; i++)
        {
            int t = durations[i];
            if (t < 0 || (t == 0 && !censored[i]))
            {
                throw new ArgumentOutOfRangeException(nameof(durations), t, FormattableString.Invariant($"Element {i} must be ≥ 1 for a churned customer and ≥ 0 for a censored one."));
            }

            max = Math.Max(max, t);
        }

        var churnedCounts = new double[max + 1];
        var censoredCounts = new double[max + 1];
        bool anyChurn = false;
        for (int i = 0; i < durations.Length; i++)
        {
            if (censored[i])
            {
                censoredCounts[durations[i]]++;
            }
            else
            {
                churnedCounts[durations[i]]++;
                anyChurn = true;
            }
        }

        if (!anyChurn)
        {
            throw new ArgumentException("Nobody churned: the sBG likelihood has no maximum (β grows without bound).", nameof(censored));
        }

        return FitCounts(churnedCounts, censoredCounts, durations.Length, options ?? FitOptions.Default);
    }

    /// <inheritdoc/>
    public bool Equals(ShiftedBetaGeometric? other) => other is not null && Alpha.Equals(other.Alpha) && Beta.Equals(other.Beta);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ShiftedBetaGeometric);

    /// <inheritdoc/>
    public override int GetHashCode() => unchecked((Alpha.GetHashCode() * 397) ^ Beta.GetHashCode());

    /// <summary>The parameters, e.g. <c>sBG(α=0.704, β=1.182)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => FormattableString.Invariant($"sBG(α={Alpha:R}, β={Beta:R})");

    internal static double LogSurvival(double alpha, double beta, int periods)
    {
        double logS = 0;
        for (int t = 1; t <= periods; t++)
        {
            logS += Math.Log((beta + t - 1) / (alpha + beta + t - 1));
        }

        return logS;
    }

    private static double SurvivorLogLikelihood(double alpha, double beta, ReadOnlySpan<double> survivors)
    {
        double ll = 0;
        double logS = 0;
        for (int t = 1; t < survivors.Length; t++)
        {
            double denominator = alpha + beta + t - 1;
            double lost = survivors[t - 1] - survivors[t];
            if (lost > 0)
            {
                ll += lost * (logS + Math.Log(alpha / denominator));
            }

            logS += Math.Log((beta + t - 1) / denominator);
        }

        double last = survivors[survivors.Length - 1];
        return last > 0 ? ll + (last * logS) : ll;
    }

    /// <summary>
    /// ln L for churn counts d_t and censored counts c_t, t = 0..n (d_0 unused; customers censored at t = 0
    /// contribute ln S(0) = 0), and its gradient: with D_t = α + β + t − 1,
    /// ∂ ln S(t)/∂α = −Σ_{j≤t} 1/D_j, ∂ ln S(t)/∂β = Σ_{j≤t} (1/(β + j − 1) − 1/D_j),
    /// ∂ ln P(T = t)/∂α = ∂ ln S(t − 1)/∂α + 1/α − 1/D_t, ∂ ln P(T = t)/∂β = ∂ ln S(t − 1)/∂β − 1/D_t.
    /// </summary>
    internal static double CountLogLikelihood(double alpha, double beta, ReadOnlySpan<double> churned, ReadOnlySpan<double> censored, out double dAlpha, out double dBeta)
    {
        double ll = 0, logS = 0, sAlpha = 0, sBeta = 0;
        dAlpha = 0;
        dBeta = 0;
        for (int t = 1; t < churned.Length; t++)
        {
            double denominator = alpha + beta + t - 1;
            if (churned[t] > 0)
            {
                ll += churned[t] * (logS + Math.Log(alpha / denominator));
                dAlpha += churned[t] * (sAlpha + (1 / alpha) - (1 / denominator));
                dBeta += churned[t] * (sBeta - (1 / denominator));
            }

            logS += Math.Log((beta + t - 1) / denominator);
            sAlpha -= 1 / denominator;
            sBeta += (1 / (beta + t - 1)) - (1 / denominator);
            if (censored[t] > 0)
            {
                ll += censored[t] * logS;
                dAlpha += censored[t] * sAlpha;
                dBeta += censored[t] * sBeta;
            }
        }

        return ll;
    }

    private static FitResult<ShiftedBetaGeometricParameters> FitCounts(double[] churned, double[] censored, double customers, FitOptions options)
    {
        // −ln L / N over (ln α, ln β), flat beyond e^±30 (so that a run to the boundary stops there and is reported).
        double Objective(ReadOnlySpan<double> x, Span<double> gradient)
        {
            double a = Math.Exp(Clamp(x[0]));
            double b = Math.Exp(Clamp(x[1]));
            double ll = CountLogLikelihood(a, b, churned, censored, out double da, out double db);
            gradient[0] = x[0] == Clamp(x[0]) ? -da * a / customers : 0;
            gradient[1] = x[1] == Clamp(x[1]) ? -db * b / customers : 0;
            return -ll / customers;
        }

        return MaximumLikelihood.Fit(
            Objective, customers, [[0.0, 0.0]], options, ["alpha", "beta"],
            p => new ShiftedBetaGeometricParameters(p[0], p[1]), churned.Length - 1, 0);
    }

    private static double Clamp(double logParameter) =>
        logParameter < MinLogParameter ? MinLogParameter : (logParameter > MaxLogParameter ? MaxLogParameter : logParameter);

    private static void ValidateSurvivors(ReadOnlySpan<double> survivors)
    {
        if (survivors.Length < 2)
        {
            throw new ArgumentException("At least two survivor counts are needed (t = 0 and t = 1).", nameof(survivors));
        }

        for (int t = 0; t < survivors.Length; t++)
        {
            double n = survivors[t];
            if (!(n >= 0) || double.IsInfinity(n))
            {
                throw new ArgumentOutOfRangeException(nameof(survivors), n, FormattableString.Invariant($"Element {t} must be a finite count ≥ 0."));
            }

            if (t > 0 && n > survivors[t - 1])
            {
                throw new ArgumentException(FormattableString.Invariant($"Survivor counts must never increase, but element {t} ({n}) exceeds element {t - 1} ({survivors[t - 1]})."), nameof(survivors));
            }
        }

        if (survivors[0] <= 0)
        {
            throw new ArgumentException("The first survivor count (the cohort size N0) must be greater than zero.", nameof(survivors));
        }
    }
}
