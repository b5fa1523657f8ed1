using CustomerRetention.Numerics;
using CustomerRetention.Probabilistic.Numerics;

namespace CustomerRetention.Probabilistic;

/// <summary>
/// The parameters of the Pareto/NBD model (Schmittlein, Morrison &amp; Colombo 1987): while alive a customer buys as
/// a Poisson process with rate λ ~ Gamma(r, α); the lifetime is exponential with rate μ ~ Gamma(s, β).
/// Immutable value.
/// </summary>
public readonly record struct ParetoNbdParameters
{
    /// <summary>Creates the parameters.</summary>
    /// <param name="r">Shape of the purchase-rate gamma distribution. Range: r &gt; 0.</param>
    /// <param name="alpha">Rate of the purchase-rate gamma distribution. Range: α &gt; 0.</param>
    /// <param name="s">Shape of the drop-out-rate gamma distribution. Range: s &gt; 0.</param>
    /// <param name="beta">Rate of the drop-out-rate gamma distribution. Range: β &gt; 0.</param>
    public ParetoNbdParameters(double r, double alpha, double s, double beta)
    {
        R = Guard.Positive(r);
        Alpha = Guard.Positive(alpha);
        S = Guard.Positive(s);
        Beta = Guard.Positive(beta);
    }

    /// <summary>r, shape of the purchase-rate distribution.</summary>
    public double R { get; }

    /// <summary>α, rate of the purchase-rate distribution.</summary>
    public double Alpha { get; }

    /// <summary>s, shape of the drop-out-rate distribution.</summary>
    public double S { get; }

    /// <summary>β, rate of the drop-out-rate distribution.</summary>
    public double Beta { get; }

    /// <summary>
    /// The parameters of a fit report, so that a fit goes wherever parameters do, e.g.
    /// <c>ProbabilityAlive(fit, x, t_x, T)</c>. The same as <see cref="FromFit"/>.
    /// </summary>
    /// <param name="fit">The fit report.</param>
    public static implicit operator ParetoNbdParameters(FitResult<ParetoNbdParameters> fit) => FromFit(fit);

    /// <summary>The parameters of a fit report (<see cref="FitResult{TParameters}.Parameters"/>).</summary>
    /// <param name="fit">The fit report.</param>
    /// <returns>Its parameters.</returns>
    public static ParetoNbdParameters FromFit(FitResult<ParetoNbdParameters> fit) => Guard.NotNull(fit).Parameters;

    internal ParetoNbdParameters Checked(string paramName) =>
        R > 0 ? this : throw new ArgumentException("The parameters are the default value (all zero); create them with the constructor.", paramName);
}

/// <summary>
/// The Pareto/NBD model (Schmittlein, Morrison &amp; Colombo 1987; Fader, Hardie &amp; Lee 2005 "RFM and CLV";
/// Hardie notes 008/009): likelihood, fit and predictions. The likelihood's ₂F₁ terms are evaluated after Euler's
/// transformation, ₂F₁(a, b; a+1; z) = (1−z)^{1−b} ₂F₁(1, a+1−b; a+1; z), whose series has positive terms bounded
/// by zⁿ, and combined in log space, so nothing overflows for x in the thousands (the CLVTools #100 cases).
/// </summary>
public static partial class ParetoNbd
{
    /// <summary>
    /// ln L = ln Γ(r+x) − ln Γ(r) + r ln α + s ln β + ln[(α+T)^{−(r+x)}(β+T)^{−s} + s/(r+s+x) · A₀], with A₀ the
    /// difference of the ₂F₁ terms at t_x and T (FHL 2005 "RFM and CLV", appendix; Hardie note 008).
    /// </summary>
    /// <param name="parameters">The model parameters.</param>
    /// <param name="frequency">x. Range: x ≥ 0.</param>
    /// <param name="recency">t_x. Range: 0 ≤ t_x ≤ T.</param>
    /// <param name="T">T, the customer's age: time from the first purchase to the end of calibration. Range: T ≥ 0.</param>
    /// <returns>ln L.</returns>
    public static double LogLikelihood(ParetoNbdParameters parameters, double frequency, double recency, double T)
    {
        ParetoNbdParameters p = parameters.Checked(nameof(parameters));
        BetaGeo.CheckCustomer(frequency, recency, T);
        double r = p.R, alpha = p.Alpha, s = p.S, beta = p.Beta;
        return SpecialFunctions.LogGamma(r + frequency) - SpecialFunctions.LogGamma(r) + (r * Math.Log(alpha)) + (s * Math.Log(beta))
            + LogBracket(r, alpha, s, beta, frequency, recency, T, out _);
    }

    /// <summary>The total log-likelihood Σ wᵢ ln Lᵢ.</summary>
    /// <param name="parameters">The model parameters.</param>
    /// <param name="data">The rows.</param>
    /// <returns>The weighted sum.</returns>
    public static double LogLikelihood(ParetoNbdParameters parameters, PurchaseHistories data)
    {
        Guard.NotNull(data);
        ParetoNbdParameters p = parameters.Checked(nameof(parameters));
        return new Evaluator(data).Total(p.R, p.Alpha, p.S, p.Beta);
    }

    /// <summary>
    /// Fits by maximum likelihood: BFGS over log-parameters with the analytic gradient, restarts, standard errors
    /// from the Hessian by central differences of the analytic gradient (8 gradient passes), and for 40,000 rows or
    /// more a warm start from a 10,000-row subsample. Published fit on the CDNOW sample: r 0.5533, α 10.578,
    /// s 0.6061, β 11.669, LL −9594.98.
    /// </summary>
    /// <param name="data">The rows (compress them first to fit on the distinct rows).</param>
    /// <param name="options">Fit options, or null for the defaults.</param>
    /// <returns>The fit report.</returns>
    public static FitResult<ParetoNbdParameters> Fit(PurchaseHistories data, FitOptions? options = null)
    {
        Guard.NotNull(data);
        if (data.TotalWeight <= 0)
        {
            throw new ArgumentException("The data hold no customers (all weights are zero).", nameof(data));
        }

        data = data.Compress();
        var evaluator = new Evaluator(data);
        double sumX = 0, sumT = 0;
        for (int i = 0; i < data.Count; i++)
        {
            sumX += data.WeightArray[i] * data.FrequencyArray[i];
            sumT += data.WeightArray[i] * data.TArray[i];
        }

        double n = data.TotalWeight;
        double rate = sumX > 0 && sumT > 0 ? sumX / sumT : 1.0;
        double meanT = Math.Max(sumT / n, 1e-3);
        var starts = new List<double[]>
        {
            new[] { Math.Log(0.5), Math.Log(0.5 / rate), Math.Log(0.5), Math.Log(meanT) },
            new[] { 0.0, Math.Log(1.0 / rate), 0.0, Math.Log(meanT) },
            new[] { 0.0, 0.0, 0.0, 0.0 },
        };
        FitOptions chosen = options ?? FitOptions.Default;
        MinimizerResult? warm = Fitting.WarmStart(sample => new Evaluator(sample).NegativeMean, data, starts, chosen);
        if (warm is { } w)
        {
            starts.Insert(0, w.Point);
        }

        return MaximumLikelihood.Fit(evaluator.NegativeMean, n, starts, chosen, ["r", "alpha", "s", "beta"], t => new ParetoNbdParameters(t[0], t[1], t[2], t[3]), data.Count, 0, firstInverseHessian: warm?.InverseHessian);
    }

    /// <summary>
    /// P(alive | x, t_x, T) = 1 / (1 + s/(r+s+x) (α+T)^{r+x} (β+T)^s A₀) (Hardie note 008), in log space: always a
    /// number in [0, 1].
    /// </summary>
    /// <param name="parameters">The model parameters.</param>
    /// <param name="frequency">x. Range: x ≥ 0.</param>
    /// <param name="recency">t_x. Range: 0 ≤ t_x ≤ T.</param>
    /// <param name="T">T, the customer's age: time from the first purchase to the end of calibration. Range: T ≥ 0.</param>
    /// <returns>A probability in [0, 1].</returns>
    public static double ProbabilityAlive(ParetoNbdParameters parameters, double frequency, double recency, double T)
    {
        ParetoNbdParameters p = parameters.Checked(nameof(parameters));
        BetaGeo.CheckCustomer(frequency, recency, T);
        return Alive(p, frequency, recency, T);
    }

    /// <summary>E[X(t)] = rβ/(α(s−1)) [1 − (β/(β+t))^{s−1}] (SMC 1987; FHL 2005); (rβ/α) ln(1 + t/β) at s = 1.</summary>
    /// <param name="parameters">The model parameters.</param>
    /// <param name="horizon">t. Range: t ≥ 0.</param>
    /// <returns>The expected repeat purchases of a new customer in (0, t].</returns>
    public static double ExpectedPurchases(ParetoNbdParameters parameters, double horizon)
    {
        ParetoNbdParameters p = parameters.Checked(nameof(parameters));
        Guard.NonNegative(horizon);
        return p.R / p.Alpha * p.Beta * Growth(p.S, Math.Log(p.Beta) - Math.Log(p.Beta + horizon));
    }

    /// <summary>
    /// E[Y(t) | x, t_x, T] = (r+x)(β+T)/((α+T)(s−1)) [1 − ((β+T)/(β+T+t))^{s−1}] · P(alive) (FHL 2005 "RFM and CLV").
    /// </summary>
    /// <param name="parameters">The model parameters.</param>
    /// <param name="horizon">t. Range: t ≥ 0.</param>
    /// <param name="frequency">x. Range: x ≥ 0.</param>
    /// <param name="recency">t_x. Range: 0 ≤ t_x ≤ T.</param>
    /// <param name="T">T, the customer's age: time from the first purchase to the end of calibration. Range: T ≥ 0.</param>
    /// <returns>The expected purchases in the next t.</returns>
    public static double ConditionalExpectedPurchases(ParetoNbdParameters parameters, double horizon, double frequency, double recency, double T)
    {
        ParetoNbdParameters p = parameters.Checked(nameof(parameters));
        Guard.NonNegative(horizon);
        BetaGeo.CheckCustomer(frequency, recency, T);
        return Conditional(p, horizon, frequency, recency, T);
    }

    /// <summary>P(alive) and expected purchases in the next <paramref name="horizon"/> for many customers (no allocation per customer).</summary>
    /// <param name="parameters">The model parameters.</param>
    /// <param name="horizon">t. Range: t ≥ 0.</param>
    /// <param name="frequency">x per customer.</param>
    /// <param name="recency">t_x per customer.</param>
    /// <param name="T">T per customer: the customer's age, time from the first purchase to the end of calibration.</param>
    /// <param name="probabilityAlive">Receives P(alive).</param>
    /// <param name="expectedPurchases">Receives the expected purchases.</param>
    public static void Predict(
        ParetoNbdParameters parameters, double horizon,
        ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> T,
        Span<double> probabilityAlive, Span<double> expectedPurchases)
    {
        ParetoNbdParameters p = parameters.Checked(nameof(parameters));
        Guard.NonNegative(horizon);
        Guard.SameLength(frequency.Length, recency.Length);
        Guard.SameLength(frequency.Length, T.Length);
        Guard.SameLength(frequency.Length, probabilityAlive.Length);
        Guard.SameLength(frequency.Length, expectedPurchases.Length);
        for (int i = 0; i < frequency.Length; i++)
        {
            BetaGeo.CheckCustomer(frequency[i], recency[i], T[i]);
            double alive = Alive(p, frequency[i], recency[i], T[i]);
            probabilityAlive[i] = alive;
            expectedPurchases[i] = alive * ExpectedIfAlive(p, horizon, frequency[i], T[i]);
        }
    }

    internal static double Conditional(ParetoNbdParameters p, double horizon, double x, double tx, double t) =>
        Alive(p, x, tx, t) * ExpectedIfAlive(p, horizon, x, t);

    private static double ExpectedIfAlive(ParetoNbdParameters p, double horizon, double x, double t)
    {
        double v = (p.R + x) / (p.Alpha + t) * (p.Beta + t) * Growth(p.S, Math.Log(p.Beta + t) - Math.Log(p.Beta + t + horizon));
        return double.IsNaN(v) ? 0 : Math.Min(v, double.MaxValue);
    }

    /// <summary>[1 − q^{s−1}]/(s−1) with ln q = <paramref name="logQ"/> ≤ 0; −ln q at s = 1.</summary>
    private static double Growth(double s, double logQ)
    {
        double sm1 = s - 1;
        return Math.Abs(sm1 * logQ) < 1e-12 ? -logQ : -SpecialFunctions.Expm1(sm1 * logQ) / sm1;
    }

    internal static double Alive(ParetoNbdParameters p, double x, double tx, double t)
    {
        double bracket = LogBracket(p.R, p.Alpha, p.S, p.Beta, x, tx, t, out double logFirst);
        // P(alive) = first / (first + second) = exp(logFirst − bracket).
        double v = Math.Exp(logFirst - bracket);
        return v > 1 ? 1 : v < 0 || double.IsNaN(v) ? 0 : v;
    }

    /// <summary>ln[(α+T)^{−(r+x)}(β+T)^{−s} + s/(r+s+x) A₀]; <paramref name="logFirst"/> receives the log of the first term.</summary>
    internal static double LogBracket(double r, double alpha, double s, double beta, double x, double tx, double t, out double logFirst)
    {
        logFirst = (-(r + x) * Math.Log(alpha + t)) - (s * Math.Log(beta + t));
        double second = Math.Log(s) - Math.Log(r + s + x)
            + SpecialFunctions.LogSubExp(LogTerm(r, alpha, s, beta, x, tx), LogTerm(r, alpha, s, beta, x, t));
        return SpecialFunctions.LogAddExp(logFirst, second);
    }

    /// <summary>
    /// ln of ₂F₁(r+s+x, s+1; r+s+x+1; (α−β)/(α+t)) (α+t)^{−(r+s+x)} when α ≥ β, or of
    /// ₂F₁(r+s+x, r+x; r+s+x+1; (β−α)/(β+t)) (β+t)^{−(r+s+x)} when α &lt; β, through Euler's transformation.
    /// </summary>
    internal static double LogTerm(double r, double alpha, double s, double beta, double x, double t)
    {
        double c = r + s + x + 1;
        if (alpha >= beta)
        {
            double z = (alpha - beta) / (alpha + t);
            return (-s * Math.Log(beta + t)) - ((r + x) * Math.Log(alpha + t)) + Math.Log(SeriesOne(r + x, c, z));
        }
        else
        {
            double z = (beta - alpha) / (beta + t);
            return ((1 - r - x) * Math.Log(alpha + t)) - ((s + 1) * Math.Log(beta + t)) + Math.Log(SeriesOne(s + 1, c, z));
        }
    }

    /// <summary>
    /// ₂F₁(1, b; c; z) for 0 ≤ z &lt; 1 and b &lt; c. Small z: the series, whose positive terms shrink by at least z.
    /// z near 1: Gauss's continued fraction ₂F₁(1, b; c; z) = 1/(1 − k₁z/(1 − k₂z/(1 − ...))) with
    /// k_{2j+1} = (b+j)(c−1+j)/((c−1+2j)(c+2j)), k_{2j} = j(c−1−b+j)/((c−2+2j)(c−1+2j)), evaluated by the modified
    /// Lentz method; it needs about 1/√(1−z) terms where the series needs 1/(1−z).
    /// </summary>
    internal static double SeriesOne(double b, double c, double z)
    {
        if (z <= 0.6)
        {
            double term = 1.0;
            double sum = 1.0;
            for (int n = 0; n < 10_000; n++)
            {
                term *= (b + n) / (c + n) * z;
                sum += term;
                if (term <= 1e-16 * sum)
                {
                    break;
                }
            }

            return sum;
        }

        const double Tiny = 1e-300;
        double c0 = c - 1;
        double f = 1.0;
        double cc = f;
        double d = 0;
        for (int n = 1; n < 1_000_000; n++)
        {
            double k;
            if ((n & 1) == 1)
            {
                int j = (n - 1) / 2;
                k = (b + j) * (c0 + j) / ((c0 + (2 * j)) * (c0 + (2 * j) + 1));
            }
            else
            {
                int j = n / 2;
                k = j * (c0 - b + j) / ((c0 + (2 * j) - 1) * (c0 + (2 * j)));
            }

            double an = -k * z;
            d = 1.0 + (an * d);
            if (Math.Abs(d) < Tiny)
            {
                d = Tiny;
            }

            cc = 1.0 + (an / cc);
            if (Math.Abs(cc) < Tiny)
            {
                cc = Tiny;
            }

            d = 1.0 / d;
            double delta = cc * d;
            f *= delta;
            if (Math.Abs(delta - 1.0) < 1e-16)
            {
                break;
            }
        }

        return 1.0 / f;
    }

    /// <summary>
    /// Evaluates the total log-likelihood (and its gradient), in parallel over row chunks for large inputs. The
    /// gradient pass first evaluates the ₂F₁ terms A(x, t) (with their derivatives) once per distinct (x, t) pair
    /// of the data — summaries of dated transactions have few distinct ages and recencies, so a million customers
    /// share tens of thousands of pairs — and then combines them per row at the cost of a few logarithms.
    /// </summary>
    internal sealed class Evaluator
    {
        private const int TermWidth = 7; // A, ∂A/∂(r, α, s, β), ln(α+t), ln(β+t)
        private readonly PurchaseHistories _data;
        private readonly GradientObjective _total;
        private readonly GammaTable _r = new();
        private readonly int _tableSize;
        private readonly RowKernel _kernel;
        private readonly RowKernel _gradientKernel;
        private readonly RowKernel _termKernel;
        private readonly int[]? _keyTx;
        private readonly int[]? _keyT;
        private readonly double[] _termX = [];
        private readonly double[] _termT = [];
        private readonly double[] _terms = [];
        private double _pr, _palpha, _ps, _pbeta, _logAlpha, _logBeta;

        public Evaluator(PurchaseHistories data)
        {
            _data = data;
            _tableSize = GammaTable.SizeFor(data.MaxFrequency, data.IntegerFrequencies, data.Count);
            _total = (p, g) => TotalWithGradient(p[0], p[1], p[2], p[3], g);
            _kernel = Kernel;
            _gradientKernel = GradientKernel;
            _termKernel = TermKernel;

            // Distinct (x, t) pairs: worth it only when rows share them.
            double[] xs = data.FrequencyArray, txs = data.RecencyArray, ts = data.TArray, ws = data.WeightArray;
            int n = data.Count;
            var index = new Dictionary<(double X, double T), int>();
            var keyTx = new int[n];
            var keyT = new int[n];
            var termX = new List<double>();
            var termT = new List<double>();
            int needed = 0;
            for (int i = 0; i < n; i++)
            {
                if (ws[i] == 0)
                {
                    keyT[i] = -1;
                    keyTx[i] = -1;
                    continue;
                }

                keyT[i] = Key(index, termX, termT, xs[i], ts[i]);
                keyTx[i] = txs[i] < ts[i] ? Key(index, termX, termT, xs[i], txs[i]) : -1;
                needed += keyTx[i] >= 0 ? 2 : 1;
                if (i == 4096 && termX.Count > 0.75 * needed)
                {
                    return; // nearly all pairs distinct so far: evaluate per row instead
                }
            }

            if (termX.Count > 0.75 * needed)
            {
                return;
            }

            _keyTx = keyTx;
            _keyT = keyT;
            _termX = termX.ToArray();
            _termT = termT.ToArray();
            _terms = new double[_termX.Length * TermWidth];
        }

        private static int Key(Dictionary<(double X, double T), int> index, List<double> termX, List<double> termT, double x, double t)
        {
            if (!index.TryGetValue((x, t), out int k))
            {
                k = termX.Count;
                index.Add((x, t), k);
                termX.Add(x);
                termT.Add(t);
            }

            return k;
        }

        public double Total(double r, double alpha, double s, double beta)
        {
            if (_keyT is not null)
            {
                Span<double> unused = stackalloc double[4];
                return TotalWithGradient(r, alpha, s, beta, unused);
            }

            _pr = r;
            _palpha = alpha;
            _ps = s;
            _pbeta = beta;
            _r.Build(r, _tableSize, false);
            Span<double> sums = stackalloc double[1];
            RowSums.Run(_data.Count, 1, _kernel, sums);
            return sums[0] + (_data.TotalWeight * ((r * Math.Log(alpha)) + (s * Math.Log(beta))));
        }

        /// <summary>Σ wᵢ ln Lᵢ and its gradient with respect to (r, α, s, β).</summary>
        public double TotalWithGradient(double r, double alpha, double s, double beta, Span<double> gradient)
        {
            _pr = r;
            _palpha = alpha;
            _ps = s;
            _pbeta = beta;
            _logAlpha = Math.Log(alpha);
            _logBeta = Math.Log(beta);
            _r.Build(r, _tableSize, true);
            Span<double> sums = stackalloc double[5];
            if (_keyT is not null)
            {
                RowSums.Run(_termX.Length, 1, _termKernel, sums);
            }

            RowSums.Run(_data.Count, 5, _gradientKernel, sums);
            sums.Slice(1).CopyTo(gradient);
            return sums[0];
        }

        /// <summary>−LL/N and its gradient over (ln r, ln α, ln s, ln β): the fit's objective.</summary>
        public double NegativeMean(ReadOnlySpan<double> logParameters, Span<double> gradient) =>
            MaximumLikelihood.NegativeMeanOverLogParameters(logParameters, gradient, _data.TotalWeight, _total);

        private void Kernel(int start, int end, Span<double> sums)
        {
            double[] xs = _data.FrequencyArray, txs = _data.RecencyArray, ts = _data.TArray, ws = _data.WeightArray;
            double sum = 0;
            for (int i = start; i < end; i++)
            {
                if (ws[i] == 0)
                {
                    continue;
                }

                sum += ws[i] * (_r.LogRatio(xs[i]) + LogBracket(_pr, _palpha, _ps, _pbeta, xs[i], txs[i], ts[i], out _));
            }

            sums[0] += sum;
        }

        private void TermKernel(int start, int end, Span<double> sums)
        {
            double r = _pr, alpha = _palpha, s = _ps, beta = _pbeta;
            double[] terms = _terms;
            for (int k = start; k < end; k++)
            {
                double t = _termT[k];
                int o = k * TermWidth;
                terms[o] = LogTermGradient(r, alpha, s, beta, _termX[k], t, out terms[o + 1], out terms[o + 2], out terms[o + 3], out terms[o + 4]);
                terms[o + 5] = Math.Log(alpha + t);
                terms[o + 6] = Math.Log(beta + t);
            }
        }

        private void GradientKernel(int start, int end, Span<double> sums)
        {
            double[] xs = _data.FrequencyArray, txs = _data.RecencyArray, ts = _data.TArray, ws = _data.WeightArray;
            double r = _pr, alpha = _palpha, s = _ps, beta = _pbeta, logAlpha = _logAlpha, logBeta = _logBeta;
            double logS = Math.Log(s);
            int[]? keyT = _keyT, keyTx = _keyTx;
            double[] terms = _terms;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0;
            for (int i = start; i < end; i++)
            {
                double w = ws[i];
                if (w == 0)
                {
                    continue;
                }

                double x = xs[i];
                double value, gr, galpha, gs, gbeta;
                if (keyT is null)
                {
                    value = RowGradient(
                        r, alpha, s, beta, logAlpha, logBeta, x, txs[i], ts[i], _r.LogRatio(x), _r.DigammaDifference(x),
                        out gr, out galpha, out gs, out gbeta);
                }
                else
                {
                    int oT = keyT[i] * TermWidth;
                    int kTx = keyTx![i];
                    value = Combine(
                        r, alpha, s, beta, logAlpha, logBeta, logS, x, ts[i], _r.LogRatio(x), _r.DigammaDifference(x),
                        terms, oT, kTx < 0 ? -1 : kTx * TermWidth, out gr, out galpha, out gs, out gbeta);
                }

                s0 += w * value;
                s1 += w * gr;
                s2 += w * galpha;
                s3 += w * gs;
                s4 += w * gbeta;
            }

            sums[0] += s0;
            sums[1] += s1;
            sums[2] += s2;
            sums[3] += s3;
            sums[4] += s4;
        }
    }
}
