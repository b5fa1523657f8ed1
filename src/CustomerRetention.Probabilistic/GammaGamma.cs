using CustomerRetention.Numerics;
using CustomerRetention.Probabilistic.Numerics;

namespace CustomerRetention.Probabilistic;

/// <summary>
/// The parameters of the Gamma-Gamma spend model (Fader, Hardie &amp; Lee 2005, "RFM and CLV"; Hardie note 025):
/// a customer's transaction values are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers. Immutable value.
/// </summary>
public readonly record struct GammaGammaParameters
{
    /// <summary>Creates the parameters.</summary>
    /// <param name="p">Shape of a customer's transaction-value distribution. Range: p &gt; 0.</param>
    /// <param name="q">Shape of the gamma mixing distribution of ν. Range: q &gt; 0 (q &gt; 1 for a finite population mean).</param>
    /// <param name="gamma">Scale γ of the gamma mixing distribution, in money. Range: γ &gt; 0.</param>
    public GammaGammaParameters(double p, double q, double gamma)
    {
        P = Guard.Positive(p);
        Q = Guard.Positive(q);
        Gamma = Guard.Positive(gamma);
    }

    /// <summary>p, shape of the transaction-value distribution.</summary>
    public double P { get; }

    /// <summary>q, shape of the mixing distribution.</summary>
    public double Q { get; }

    /// <summary>γ, scale of the mixing distribution.</summary>
    public double Gamma { get; }

    /// <summary>
    /// The parameters of a fit report, so that a fit goes wherever parameters do, e.g.
    /// <c>ProbabilityAlive(fit, x, t_x, T)</c>. The same as <see cref="FromFit"/>.
    /// </summary>
    /// <param name="fit">The fit report.</param>
    public static implicit operator GammaGammaParameters(FitResult<GammaGammaParameters> fit) => FromFit(fit);

    /// <summary>The parameters of a fit report (<see cref="FitResult{TParameters}.Parameters"/>).</summary>
    /// <param name="fit">The fit report.</param>
    /// <returns>Its parameters.</returns>
    public static GammaGammaParameters FromFit(FitResult<GammaGammaParameters> fit) => Guard.NotNull(fit).Parameters;

    internal GammaGammaParameters Checked(string paramName) =>
        P > 0 ? this : throw new ArgumentException("The parameters are the default value (all zero); create them with the constructor.", paramName);
}

/// <summary>
/// The Gamma-Gamma model of the mean transaction value (Fader, Hardie &amp; Lee 2005, "RFM and CLV: using iso-value
/// curves for customer base analysis", JMR 42(4); Hardie note 025): likelihood, fit and the conditional expected
/// average value. Fitted on repeat buyers (x &gt; 0) with a positive mean repeat spend; the others are excluded
/// and counted. Thread-safe.
/// </summary>
public static class GammaGamma
{
    /// <summary>
    /// ln f(z̄ | x) = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln z̄ + px ln x − (px+q) ln(γ + x z̄)
    /// (Hardie note 025), the density of a customer's mean spend z̄ over x transactions.
    /// </summary>
    /// <param name="parameters">The model parameters.</param>
    /// <param name="frequency">x, the number of transactions averaged. Range: x &gt; 0.</param>
    /// <param name="meanSpend">z̄, their mean value. Range: z̄ &gt; 0.</param>
    /// <returns>The log-density.</returns>
    public static double LogLikelihood(GammaGammaParameters parameters, double frequency, double meanSpend)
    {
        GammaGammaParameters g = parameters.Checked(nameof(parameters));
        Guard.Positive(frequency);
        Guard.Positive(meanSpend);
        return Row(g.P, g.Q, g.Gamma, frequency, meanSpend, Math.Log(g.Gamma), SpecialFunctions.LogGamma(g.Q), default);
    }

    /// <summary>
    /// Fits by maximum likelihood on the customers with frequency &gt; 0 and mean spend &gt; 0; repeat buyers with a
    /// zero or negative mean spend (refunds) are left out and counted in <see cref="FitResult.Excluded"/>.
    /// Published fit on the 946 CDNOW repeat buyers: p 6.25, q 3.74, γ 15.44, LL −4055.92.
    /// </summary>
    /// <param name="frequency">x per row (repeat transactions). Range: x ≥ 0 (rows with x = 0 are ignored).</param>
    /// <param name="meanSpend">z̄ per row, the mean value of the repeat transactions. Any finite value.</param>
    /// <param name="weights">Customers per row (≥ 0), or empty for all ones.</param>
    /// <param name="options">Fit options, or null for the defaults.</param>
    /// <returns>The fit report; <see cref="FitResult.Customers"/> counts the customers fitted.</returns>
    public static FitResult<GammaGammaParameters> Fit(ReadOnlySpan<double> frequency, ReadOnlySpan<double> meanSpend, ReadOnlySpan<double> weights, FitOptions? options = null)
    {
        Guard.SameLength(frequency.Length, meanSpend.Length);
        if (!weights.IsEmpty)
        {
            Guard.SameLength(frequency.Length, weights.Length);
        }

        Guard.AllFinite(frequency);
        Guard.AllFinite(meanSpend);
        Guard.AllFinite(weights);
        var xs = new List<double>();
        var ms = new List<double>();
        var ws = new List<double>();
        double excluded = 0;
        for (int i = 0; i < frequency.Length; i++)
        {
            double w = weights.IsEmpty ? 1.0 : weights[i];
            if (frequency[i] < 0 || w < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(frequency), FormattableString.Invariant($"Row {i}: frequency and weight must be ≥ 0."));
            }

            if (frequency[i] == 0 || w == 0)
            {
                continue;
            }

            if (meanSpend[i] <= 0)
            {
                excluded += w;
                continue;
            }

            xs.Add(frequency[i]);
            ms.Add(meanSpend[i]);
            ws.Add(w);
        }

        double total = 0;
        double sumM = 0, sumM2 = 0;
        for (int i = 0; i < xs.Count; i++)
        {
            total += ws[i];
            sumM += ws[i] * ms[i];
            sumM2 += ws[i] * ms[i] * ms[i];
        }

        if (total <= 0)
        {
            throw new ArgumentException("No repeat buyer with a positive mean spend: the Gamma-Gamma model cannot be fitted.", nameof(frequency));
        }

        double[] x = xs.ToArray(), m = ms.ToArray(), wt = ws.ToArray();
        GradientObjective objective = (theta, gradient) =>
        {
            double p = Math.Exp(theta[0]), q = Math.Exp(theta[1]), g = Math.Exp(theta[2]);
            double logG = Math.Log(g), lgQ = SpecialFunctions.LogGamma(q), dgQ = SpecialFunctions.Digamma(q);
            double f = 0, gp = 0, gq = 0, gg = 0;
            for (int i = 0; i < x.Length; i++)
            {
                double px = p * x[i];
                double logDen = Math.Log(g + (x[i] * m[i]));
                double dSum = SpecialFunctions.Digamma(px + q);
                f += wt[i] * Row(p, q, g, x[i], m[i], logG, lgQ, default);
                gp += wt[i] * x[i] * (dSum - SpecialFunctions.Digamma(px) + Math.Log(m[i]) + Math.Log(x[i]) - logDen);
                gq += wt[i] * (dSum - dgQ + logG - logDen);
                gg += wt[i] * ((q / g) - ((px + q) / (g + (x[i] * m[i]))));
            }

            gradient[0] = -gp * p / total;
            gradient[1] = -gq * q / total;
            gradient[2] = -gg * g / total;
            return -f / total;
        };

        // Method-of-moments style start: mean spend ≈ pγ/(q−1).
        double mean = sumM / total;
        var starts = new List<double[]>
        {
            new[] { Math.Log(4.0), Math.Log(3.0), Math.Log(mean * 2.0 / 4.0) },
            new[] { 0.0, 0.0, 0.0 },
        };
        return MaximumLikelihood.Fit(objective, total, starts, options ?? FitOptions.Default, ["p", "q", "gamma"], t => new GammaGammaParameters(t[0], t[1], t[2]), x.Length, (int)Math.Round(excluded));
    }

    /// <summary>
    /// Fits on the model inputs of a summary (<see cref="PurchaseSummaries.ToModelInputs"/>): x and z̄ per customer;
    /// see <see cref="Fit(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, FitOptions?)"/>.
    /// </summary>
    /// <param name="inputs">The inputs (z̄ is converted from decimal to double).</param>
    /// <param name="options">Fit options, or null for the defaults.</param>
    /// <returns>The fit report.</returns>
    public static FitResult<GammaGammaParameters> Fit(ModelInputs inputs, FitOptions? options = null)
    {
        Guard.NotNull(inputs);
        double[] spend = new double[inputs.Count];
        ReadOnlySpan<decimal> monetary = inputs.MonetaryValue;
        for (int i = 0; i < spend.Length; i++)
        {
            spend[i] = (double)monetary[i];
        }

        return Fit(inputs.Frequency, spend, ReadOnlySpan<double>.Empty, options);
    }

    /// <summary>Fits from lists; see <see cref="Fit(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, FitOptions?)"/>.</summary>
    /// <param name="frequency">x per customer.</param>
    /// <param name="meanSpend">z̄ per customer.</param>
    /// <param name="options">Fit options, or null for the defaults.</param>
    /// <returns>The fit report.</returns>
    public static FitResult<GammaGammaParameters> Fit(IReadOnlyList<double> frequency, IReadOnlyList<double> meanSpend, FitOptions? options = null)
    {
        Guard.NotNull(frequency);
        Guard.NotNull(meanSpend);
        return Fit(frequency.ToArray(), meanSpend.ToArray(), ReadOnlySpan<double>.Empty, options);
    }

    /// <summary>
    /// E[Z | x, z̄] = p(γ + x z̄)/(px + q − 1), the conditional expected average transaction value
    /// (FHL 2005 "RFM and CLV", eq. 5): a weighted mean of the population mean pγ/(q−1) and the customer's z̄.
    /// For x = 0 it is the population mean. +∞ when px + q ≤ 1 (the mean does not exist).
    /// </summary>
    /// <param name="parameters">The model parameters.</param>
    /// <param name="frequency">x. Range: x ≥ 0.</param>
    /// <param name="meanSpend">z̄ (ignored when x = 0). Range: finite.</param>
    /// <returns>The expected average value.</returns>
    public static double ConditionalExpectedAverageValue(GammaGammaParameters parameters, double frequency, double meanSpend)
    {
        GammaGammaParameters g = parameters.Checked(nameof(parameters));
        Guard.NonNegative(frequency);
        Guard.Finite(meanSpend);
        double denominator = (g.P * frequency) + g.Q - 1;
        if (denominator <= 0)
        {
            return double.PositiveInfinity;
        }

        return g.P * (g.Gamma + (frequency * (frequency > 0 ? meanSpend : 0))) / denominator;
    }

    /// <summary>The population mean transaction value pγ/(q − 1); +∞ when q ≤ 1.</summary>
    /// <param name="parameters">The model parameters.</param>
    /// <returns>The mean.</returns>
    public static double PopulationMean(GammaGammaParameters parameters)
    {
        GammaGammaParameters g = parameters.Checked(nameof(parameters));
        return g.Q > 1 ? g.P * g.Gamma / (g.Q - 1) : double.PositiveInfinity;
    }

    private static double Row(double p, double q, double g, double x, double m, double logG, double lgQ, byte unused)
    {
        _ = unused;
        double px = p * x;
        return SpecialFunctions.LogGamma(px + q) - SpecialFunctions.LogGamma(px) - lgQ + (q * logG)
            + ((px - 1) * Math.Log(m)) + (px * Math.Log(x)) - ((px + q) * Math.Log(g + (x * m)));
    }
}
