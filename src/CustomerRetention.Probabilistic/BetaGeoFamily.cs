using CustomerRetention.Numerics;
using CustomerRetention.Probabilistic.Numerics;

namespace CustomerRetention.Probabilistic;

/// <summary>
/// The shared mathematics of BG/NBD (shift k = 0) and MBG/NBD (k = 1). With m = x + k:
/// ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln Γ(b+m) − ln Γ(b) + ln Γ(a+b) − ln Γ(a+b+m)
///      + ln[(α+T)^{−(r+x)} + 1{m&gt;0} a/(b+m−1) (α+t_x)^{−(r+x)}].
/// </summary>
internal static class BetaGeoFamily
{
    public static double LogLikelihood(double r, double alpha, double a, double b, int k, double x, double tx, double t)
    {
        double m = x + k;
        double value = a + b < 1e5
            ? SpecialFunctions.LogGamma(r + x) - SpecialFunctions.LogGamma(r) + (r * Math.Log(alpha))
                + SpecialFunctions.LogGamma(b + m) - SpecialFunctions.LogGamma(b)
                + SpecialFunctions.LogGamma(a + b) - SpecialFunctions.LogGamma(a + b + m)
            : SpecialFunctions.LogGamma(r + x) - SpecialFunctions.LogGamma(r) + (r * Math.Log(alpha))
                + SpecialFunctions.LogGammaDifference(b, m) - SpecialFunctions.LogGammaDifference(a + b, m); // huge b: ln Γ differences at equal arguments
        double u1 = -(r + x) * Math.Log(alpha + t);
        double u2 = m > 0 ? Math.Log(a) - Math.Log(b + m - 1) - ((r + x) * Math.Log(alpha + tx)) : double.NegativeInfinity;
        return value + SpecialFunctions.LogAddExp(u1, u2);
    }

    /// <summary>An evaluator of −LL/N and its gradient over (ln r, ln α, ln a, ln b), reusable across calls.</summary>
    internal sealed class Evaluator
    {
        private readonly PurchaseHistories _data;
        private readonly GradientObjective _total;
        private readonly int _k;
        private readonly GammaTable _r = new();
        private readonly GammaTable _b = new();
        private readonly GammaTable _ab = new();
        private readonly int _tableSize;
        private readonly RowKernel _kernel;
        private double _pr;
        private double _palpha;
        private double _pa;
        private double _pb;
        private double _logAlpha;
        private double _logA;
        private double[] _logBm1 = [];

        // ln(α+T) and ln(α+t_x) by distinct value: summaries of dated transactions have whole-day T and t_x, so a
        // million rows hold a few hundred distinct values each, and a pass then costs table look-ups instead of two
        // logarithms per row (the same Math.Log calls on the same arguments: bit-identical).
        private readonly double[]? _ageValues;
        private readonly int[]? _ageIndex;
        private readonly double[]? _recencyValues;
        private readonly int[]? _recencyIndex;
        private double[] _logAge = [];
        private double[] _logRecency = [];

        public Evaluator(PurchaseHistories data, int k)
        {
            _data = data;
            _k = k;
            _total = (p, g) => TotalLogLikelihood(p[0], p[1], p[2], p[3], g);
            _tableSize = GammaTable.SizeFor(data.MaxFrequency + k, data.IntegerFrequencies, data.Count);
            // Worth it only for large data: on ~1,000 rows building the index costs more than the logarithms saved.
            int limit = data.Count >= 16_384 ? Math.Min(MaxDistinct, data.Count / 4) : 0;
            if (limit > 0 && Distinct(data.TArray, limit, out _ageValues, out _ageIndex))
            {
                _logAge = new double[_ageValues!.Length];
            }

            if (limit > 0 && Distinct(data.RecencyArray, limit, out _recencyValues, out _recencyIndex))
            {
                _logRecency = new double[_recencyValues!.Length];
            }

            _kernel = Kernel;
        }

        /// <summary>The most distinct T (or t_x) values kept in a table of logarithms.</summary>
        private const int MaxDistinct = 8192;

        /// <summary>The distinct values of <paramref name="column"/> and each row's index into them; false when there are more than <paramref name="limit"/>.</summary>
        private static bool Distinct(double[] column, int limit, out double[]? values, out int[]? index)
        {
            values = null;
            index = null;
            var map = new Dictionary<long, int>();
            var found = new List<double>();
            int[] rows = new int[column.Length];
            for (int i = 0; i < column.Length; i++)
            {
                double v = column[i];
                long key = BitConverter.DoubleToInt64Bits(v);
                if (!map.TryGetValue(key, out int slot))
                {
                    if (found.Count >= limit)
                    {
                        return false;
                    }

                    slot = found.Count;
                    map.Add(key, slot);
                    found.Add(v);
                }

                rows[i] = slot;
            }

            values = found.ToArray();
            index = rows;
            return true;
        }

        public double TotalLogLikelihood(double r, double alpha, double a, double b, Span<double> gradient)
        {
            Prepare(r, alpha, a, b);
            Span<double> sums = stackalloc double[5];
            RowSums.Run(_data.Count, 5, _kernel, sums);
            sums.Slice(1).CopyTo(gradient);
            return sums[0];
        }

        public double NegativeMean(ReadOnlySpan<double> logParameters, Span<double> gradient) =>
            MaximumLikelihood.NegativeMeanOverLogParameters(logParameters, gradient, _data.TotalWeight, _total);

        private void Prepare(double r, double alpha, double a, double b)
        {
            _pr = r;
            _palpha = alpha;
            _pa = a;
            _pb = b;
            _logAlpha = Math.Log(alpha);
            _logA = Math.Log(a);
            if (_ageValues is not null)
            {
                for (int j = 0; j < _ageValues.Length; j++)
                {
                    _logAge[j] = Math.Log(alpha + _ageValues[j]);
                }
            }

            if (_recencyValues is not null)
            {
                for (int j = 0; j < _recencyValues.Length; j++)
                {
                    _logRecency[j] = Math.Log(alpha + _recencyValues[j]);
                }
            }

            _r.Build(r, _tableSize, true);
            _b.Build(b, _tableSize, true);
            _ab.Build(a + b, _tableSize, true);

            // ln(b + m − 1) for whole m = 1..max (the same expression as the row loop's, so the same bits).
            int max = _tableSize - 1 + _k;
            if (max >= 1)
            {
                if (_logBm1.Length < max + 1)
                {
                    _logBm1 = new double[max + 1];
                }

                for (int m = 1; m <= max; m++)
                {
                    _logBm1[m] = Math.Log(b + (double)m - 1);
                }
            }
        }

        private void Kernel(int start, int end, Span<double> sums)
        {
            double[] xs = _data.FrequencyArray;
            double[] txs = _data.RecencyArray;
            double[] ts = _data.TArray;
            double[] ws = _data.WeightArray;
            double r = _pr;
            double alpha = _palpha;
            double a = _pa;
            double b = _pb;
            double logAlpha = _logAlpha;
            double logA = _logA;
            int k = _k;
            double[] logBm1 = _logBm1;
            int logBm1Max = logBm1.Length - 1;
            double rOverAlpha = r / alpha;
            int[]? ageIndex = _ageIndex;
            int[]? recencyIndex = _recencyIndex;
            double[] logAge = _logAge;
            double[] logRecency = _logRecency;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0;
            for (int i = start; i < end; i++)
            {
                double w = ws[i];
                if (w == 0)
                {
                    continue;
                }

                double x = xs[i];
                double m = x + k;
                double rx = r + x;
                double logAT = ageIndex is null ? Math.Log(alpha + ts[i]) : logAge[ageIndex[i]];
                double u1 = -rx * logAT;
                double value = _r.LogRatio(x) + (r * logAlpha) + _b.LogRatio(m) - _ab.LogRatio(m);
                double dAb = _ab.DigammaDifference(m);
                double gr = _r.DigammaDifference(x) + logAlpha;
                double galpha = rOverAlpha;
                double ga = -dAb;
                double gb = _b.DigammaDifference(m) - dAb;
                if (m > 0)
                {
                    double logATx = recencyIndex is null ? Math.Log(alpha + txs[i]) : logRecency[recencyIndex[i]];
                    double bm1 = b + m - 1;
                    int mi = (int)m;
                    double logBm = mi == m && mi <= logBm1Max ? logBm1[mi] : Math.Log(bm1);
                    double u2 = logA - logBm - (rx * logATx);
                    double w1, w2, lse;
                    if (u1 >= u2)
                    {
                        double e = Math.Exp(u2 - u1);
                        lse = u1 + SpecialFunctions.Log1p(e);
                        w2 = e / (1 + e);
                        w1 = 1 - w2;
                    }
                    else
                    {
                        double e = Math.Exp(u1 - u2);
                        lse = u2 + SpecialFunctions.Log1p(e);
                        w1 = e / (1 + e);
                        w2 = 1 - w1;
                    }

                    value += lse;
                    gr -= (w1 * logAT) + (w2 * logATx);
                    galpha -= rx * ((w1 / (alpha + ts[i])) + (w2 / (alpha + txs[i])));
                    ga += w2 / a;
                    gb -= w2 / bm1;
                }
                else
                {
                    value += u1;
                    gr -= logAT;
                    galpha -= rx / (alpha + ts[i]);
                }

                s0 += w * value;
                s1 += w * gr;
                s2 += w * galpha;
                s3 += w * ga;
                s4 += w * gb;
            }

            sums[0] += s0;
            sums[1] += s1;
            sums[2] += s2;
            sums[3] += s3;
            sums[4] += s4;
        }
    }

    public static FitResult<T> Fit<T>(PurchaseHistories data, FitOptions options, int k, Func<double[], T> build)
        where T : struct
    {
        if (data.TotalWeight <= 0)
        {
            throw new ArgumentException("The data hold no customers (all weights are zero).", nameof(data));
        }

        data = data.Compress();
        var evaluator = new Evaluator(data, k);
        double sumX = 0, sumT = 0;
        for (int i = 0; i < data.Count; i++)
        {
            sumX += data.WeightArray[i] * data.FrequencyArray[i];
            sumT += data.WeightArray[i] * data.TArray[i];
        }

        // Starting points: a purchase rate matching the data's mean rate, then generic ones.
        double rate = sumX > 0 && sumT > 0 ? sumX / sumT : 1.0;
        var starts = new List<double[]>
        {
            new[] { Math.Log(0.5), Math.Log(0.5 / rate), Math.Log(1.0), Math.Log(2.0) },
            new[] { 0.0, Math.Log(1.0 / rate), 0.0, 0.0 },
            new[] { 0.0, 0.0, 0.0, 0.0 },
        };
        MinimizerResult? warm = Fitting.WarmStart(sample => new Evaluator(sample, k).NegativeMean, data, starts, options);
        if (warm is { } w)
        {
            starts.Insert(0, w.Point);
        }

        string[] names = ["r", "alpha", "a", "b"];
        return MaximumLikelihood.Fit(
            evaluator.NegativeMean, data.TotalWeight, starts, options, names, build, data.Count, 0,
            p => [.. MaximumLikelihood.GenericBoundaryWarnings(names.Take(2).ToArray(), p.Take(2).ToArray()), .. BoundaryWarnings(p[2], p[3])],
            warm?.InverseHessian);
    }

    /// <summary>The mean dropout probability per purchase below which dropout counts as not identified.</summary>
    internal const double NegligibleDropout = 1e-6;

    /// <summary>The a + b above which the Beta of the dropout probability counts as a point mass.</summary>
    internal const double PointMassConcentration = 1e8;

    /// <summary>
    /// Warnings for a fitted (a, b) on the boundary: E[p] = a/(a+b) below <see cref="NegligibleDropout"/> (no
    /// dropout in the data: the model is the NBD, and a, b only need a/(a+b) → 0) or a + b above
    /// <see cref="PointMassConcentration"/> (every customer has the same dropout probability, and only a/(a+b)
    /// is identified), or a + b below 1e-6 (p is 0 or 1: two groups of customers, and only their shares are identified).
    /// </summary>
    internal static IReadOnlyList<string> BoundaryWarnings(double a, double b)
    {
        double meanDropout = a / (a + b);
        if (meanDropout < NegligibleDropout)
        {
            return [FormattableString.Invariant(
                $"dropout is not identified: the fit ran to the boundary a/(a+b) = {meanDropout:G3} (a = {a:G4}, b = {b:G4}), i.e. the data show no dropout; the model is effectively the NBD, a and b and their standard errors carry no information, predictions are those of the NBD limit")];
        }

        if (a + b > PointMassConcentration)
        {
            return [FormattableString.Invariant(
                $"the dropout heterogeneity is not identified: the fit ran to the boundary a+b = {a + b:G3} (a = {a:G4}, b = {b:G4}), i.e. every customer has the same dropout probability a/(a+b) = {meanDropout:G4}; only that ratio is meaningful, a and b and their standard errors are not")];
        }

        if (a + b < 1e-6)
        {
            return [FormattableString.Invariant(
                $"the dropout distribution ran to the boundary a+b = {a + b:G3} (a = {a:G4}, b = {b:G4}): the Beta is two groups, a share b/(a+b) = {b / (a + b):G4} of customers who never drop out and one who drop out at their first repeat purchase; a and b are not identified beyond that share")];
        }

        return [];
    }

    /// <summary>ln |Σ_{n≥1} (a)ₙ(b)ₙ/((c)ₙ n!) zⁿ| for a, b &gt; 0 and c &gt; −1 (so the terms share a sign), rescaled against overflow.</summary>
    internal static double ScaledTail(double a, double b, double c, double z, out double sign)
    {
        double term = a * b / c * z;
        sign = term < 0 ? -1 : 1;
        term = Math.Abs(term);
        double logScale = 0;
        double sum = term;
        for (int n = 1; n < 20_000_000; n++)
        {
            term *= (a + n) * (b + n) / (Math.Abs(c + n) * (n + 1)) * z;
            sum += term;
            if (sum > 1e250)
            {
                sum *= 1e-250;
                term *= 1e-250;
                logScale += 250 * 2.302585092994046;
            }

            if (term <= 1e-17 * sum && (a + n + 1) * (b + n + 1) * z < (c + n + 1) * (n + 2))
            {
                break;
            }
        }

        return Math.Log(sum) + logScale;
    }

    public static double ProbabilityAlive(double r, double alpha, double a, double b, int k, double x, double tx, double t)
    {
        double m = x + k;
        if (m == 0)
        {
            return 1.0;
        }

        double logOdds = Math.Log(a) - Math.Log(b + m - 1) + ((r + x) * (Math.Log(alpha + t) - Math.Log(alpha + tx)));
        return SpecialFunctions.InverseOnePlusExp(logOdds);
    }

    /// <summary>
    /// E[X(T, T+t) | x, t_x, T] = P(alive) · E[Y(t) | alive, x, T], see <see cref="ExpectedWhileAlive"/>.
    /// </summary>
    public static double ConditionalExpected(double r, double alpha, double a, double b, int k, double horizon, double x, double tx, double t)
    {
        if (horizon == 0)
        {
            return 0;
        }

        double expected = ExpectedWhileAlive(r, a, b, k, horizon, x, alpha + t, Math.Log(alpha + t));
        double result = expected * ProbabilityAlive(r, alpha, a, b, k, x, tx, t);
        return result > 0 && !double.IsNaN(result) ? (double.IsInfinity(result) ? double.MaxValue : result) : 0.0;
    }

    /// <summary>
    /// E[Y(t) | alive, x, T], the expected purchases in the next t of a customer who is alive at T. With R = r+x,
    /// B = b+m, C = a+B−1 (m = x+k), u = t/(α+T) and z = t/(α+T+t) = u/(1+u), the alive customer's rate is
    /// λ ~ Gamma(R, α+T) and dropout probability p ~ Beta(a, B), and given (λ, p) the expectation is
    /// (1 − e^{−λpt})/p (FHL 2005, eq. 7), so that
    /// Q = E_p[g(p)], g(p) = (1 − (1+pu)^{−R})/p,
    ///   = C/(a−1) [1 − ₂F₁(R, a−1; C; −u)]                        (Euler's integral),
    ///   = C/(a−1) [1 − (1−z)^{a−1} ₂F₁(C−R, a−1; C; z)]            (Pfaff in a−1: "Euler form"),
    ///   = C/(a−1) [1 − (1−z)^R ₂F₁(R, B; C; z)]                   (Pfaff in R: the published form, FHL eq. 10),
    ///   = R u ₃F₂(R+1, a, 1; C+1, 2; −u)                            (the series of g times the Beta moments).
    /// Each form is used where it converges fast and does not cancel; where a and B are both large (the Beta is
    /// concentrated, so none of the series is short) Q is integrated directly by Gauss–Legendre quadrature.
    /// The Euler form is used only when it needs at most <see cref="EulerTermBudget"/> terms or no bounded form
    /// applies (small a with a horizon hundreds of times α+T); the published series only when R &gt; 2C.
    /// </summary>
    internal static double ExpectedWhileAlive(double r, double a, double b, int k, double horizon, double x, double alphaT, double logAT)
    {
        double m = x + k;
        double c = a + b + m - 1;
        double am1 = a - 1;
        if (Math.Abs(am1) < 1e-9)
        {
            am1 = am1 < 0 ? -1e-9 : 1e-9;
        }

        double z = horizon / (alphaT + horizon);
        double logOneMinusZ = logAT - Math.Log(alphaT + horizon);
        double seriesA = c - r - x;
        if (c > 0 && (seriesA >= 0 || c >= -seriesA))
        {
            // Euler form: small parameters, terms that neither overflow nor cancel badly -- as long as a is small
            // (the series needs about a·z/(1−z) terms) and C is not huge against R·u·|a−1| (then the bracket is
            // 1 minus nearly 1). Both are checked: past 200 terms a bounded form is used if one applies (the result
            // agrees to rounding; the ordinary CDNOW-sized parameters stay below), and a cancelling bracket too.
            double az = Math.Abs(am1) * z;
            double eulerTerms = (az + (10 * Math.Sqrt(az)) + 40) / (1 - z);
            double robust = double.NaN;
            if (eulerTerms > EulerTermBudget)
            {
                robust = ExpectedWhileAliveRobust(r + x, a, b + m, horizon / alphaT, z, logOneMinusZ);
                if (!double.IsNaN(robust))
                {
                    return robust;
                }
            }

            double logF = SpecialFunctions.LogHyp2F1(seriesA, am1, c, z, out double sign);
            double exponent = (am1 * logOneMinusZ) + logF;
            if (sign < 0)
            {
                return c / am1 * (1.0 + Math.Exp(exponent));
            }

            // −expm1(exponent) keeps the exponent's relative precision, which is lost in proportion to how much
            // its two terms cancel: past three digits, a bounded form that does not cancel is used if one applies.
            double scale = Math.Abs(am1 * logOneMinusZ) + Math.Abs(logF);
            if (eulerTerms <= EulerTermBudget && scale > 1e3 * Math.Abs(exponent))
            {
                robust = ExpectedWhileAliveRobust(r + x, a, b + m, horizon / alphaT, z, logOneMinusZ);
                if (!double.IsNaN(robust))
                {
                    return robust;
                }
            }

            return c / am1 * -SpecialFunctions.Expm1(exponent);
        }

        // Large r against a small c: the published series ₂F₁(r+x, b+m; c; z), whose terms after the first
        // share one sign, summed with rescaling so that it cannot overflow.
        double logTail = ScaledTail(r + x, b + m, c, z, out double tailSign);
        double lead = (r + x) * logOneMinusZ;
        double bracket = -SpecialFunctions.Expm1(lead) - (tailSign * Math.Exp(lead + logTail));
        return c / am1 * bracket;
    }

    /// <summary>The estimated Euler-form terms past which a bounded form is tried first.</summary>
    internal const int EulerTermBudget = 200;

    /// <summary>Terms of the bounded series in <see cref="ExpectedWhileAliveRobust"/>.</summary>
    private const int SeriesTerms = 64;

    /// <summary>
    /// Q = E_p[(1 − (1+pu)^{−R})/p] for p ~ Beta(a, B), for the parameters where the Euler form is slow or cancels:
    /// (1) C ≫ R·a·u (little dropout, e.g. a → 0 or b → ∞, the NBD limit Q → R u): the ₃F₂ series in −u, whose
    /// term ratio is at most ½ so that it alternates without cancelling; (2) a ≫ R·B (p near 1): the published
    /// form C/(a−1)[−expm1(R ln(1−z)) − (1−z)^R Σ_{n≥1} (R)ₙ(B)ₙ/((C)ₙ n!) zⁿ], ratio at most ½ and a
    /// cancellation of at most C/(a−1); (3) a, B ≥ 20: the Beta is concentrated and bell-shaped, and Q is its
    /// integral against g by Gauss–Legendre quadrature over mean ± 14 sd. Each takes at most a fixed number of
    /// terms or nodes. NaN when none applies (the caller then sums the Euler form to convergence).
    /// </summary>
    internal static double ExpectedWhileAliveRobust(double rr, double a, double bb, double u, double z, double logOneMinusZ)
    {
        double c = a + bb - 1;

        // (1) Little dropout: R u Σ τᵢ, τ₀ = 1, τᵢ₊₁/τᵢ = −(R+1+i)(a+i)u/((C+1+i)(2+i)).
        double bound = Math.Max(1, (rr + 1) / 2) * (a + SeriesTerms) * u / (c + 1);
        if (bound <= 0.5)
        {
            double term = 1, sum = 1;
            for (int i = 0; i < SeriesTerms; i++)
            {
                term *= -(rr + 1 + i) * (a + i) * u / ((c + 1 + i) * (2 + i));
                sum += term;
                if (Math.Abs(term) <= 1e-17 * sum)
                {
                    break;
                }
            }

            return rr * u * sum;
        }

        // (2) Dropout almost sure: the published form, cancellation-free when a − 1 is not small against C.
        if (a >= 2 && 1e3 * (a - 1) >= c && Math.Max(1, rr) * (bb + SeriesTerms) / (c + SeriesTerms) * z <= 0.5)
        {
            double term = 1, sum = 0;
            for (int n = 0; n < SeriesTerms; n++)
            {
                term *= (rr + n) * (bb + n) / ((c + n) * (n + 1)) * z;
                sum += term;
                if (term <= 1e-17 * sum)
                {
                    break;
                }
            }

            double lead = rr * logOneMinusZ;
            double bracket = -SpecialFunctions.Expm1(lead) - (Math.Exp(lead) * sum);
            return c / (a - 1) * bracket;
        }

        // (3) A concentrated Beta: quadrature.
        if (a >= 20 && bb >= 20)
        {
            return BetaQuadrature(rr, a, bb, u);
        }

        return double.NaN;
    }

    /// <summary>
    /// E_p[(1 − (1+pu)^{−R})/p] for p ~ Beta(a, B), a, B ≥ 20, by Gauss–Legendre quadrature of
    /// p^{a−1}(1−p)^{B−1} g(p) over μ ± 14σ (clipped to [0, 1]) divided by the same rule applied to the density
    /// alone. The log density relative to the mean is (a−1) ln(1+d₁) + (B−1) ln(1−d₂) with d₁ = σy/μ,
    /// d₂ = σy/(1−μ), written as its linear part σy(a+B)(1/B − 1/a) plus the remainders ln(1+d) − d, so that it
    /// keeps its precision when a and B are as large as 1e15 (where p itself has only ~1e-8 relative resolution
    /// across the window, the deviation σy is still exact).
    /// </summary>
    internal static double BetaQuadrature(double rr, double a, double bb, double u)
    {
        double n = a + bb;
        double mu = a / n;
        double nu = bb / n;
        double sigma = Math.Sqrt(a * bb / (n * n * (n + 1)));
        const double K = 14;
        double lo = Math.Max(-K, -mu / sigma);
        double hi = Math.Min(K, nu / sigma);
        double half = 0.5 * (hi - lo), mid = 0.5 * (hi + lo);
        double slope = n * ((1 / bb) - (1 / a));
        ReadOnlySpan<double> nodes = GaussLegendre.Nodes;
        ReadOnlySpan<double> weights = GaussLegendre.Weights;
        double num = 0, den = 0;
        for (int i = 0; i < nodes.Length; i++)
        {
            double y = mid + (half * nodes[i]);
            double dev = sigma * y;
            double p = mu + dev;
            if (!(p > 0 && p < 1))
            {
                continue;
            }

            double logDensity = (slope * dev) + ((a - 1) * SpecialFunctions.Log1pMinusX(dev / mu)) + ((bb - 1) * SpecialFunctions.Log1pMinusX(-dev / nu));
            double w = weights[i] * Math.Exp(logDensity);
            double g = -SpecialFunctions.Expm1(-rr * SpecialFunctions.Log1p(p * u)) / p;
            num += w * g;
            den += w;
        }

        return num / den;
    }

    public static void PredictMany(
        double r, double alpha, double a, double b, int k, double horizon,
        ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> T,
        Span<double> probabilityAlive, Span<double> expectedPurchases)
    {
        Guard.SameLength(frequency.Length, recency.Length);
        Guard.SameLength(frequency.Length, T.Length);
        Guard.SameLength(frequency.Length, probabilityAlive.Length);
        Guard.SameLength(frequency.Length, expectedPurchases.Length);
        for (int i = 0; i < frequency.Length; i++)
        {
            double x = frequency[i], tx = recency[i], t = T[i];
            if (!(x >= 0) || !(t >= 0) || !(tx >= 0) || !(tx <= t) || double.IsInfinity(x) || double.IsInfinity(t))
            {
                throw new ArgumentOutOfRangeException(nameof(frequency), FormattableString.Invariant($"Customer {i}: (x, t_x, T) = ({x}, {tx}, {t}) is not a valid history."));
            }
        }

#if NET8_0_OR_GREATER
        const int Chunk = 16_384;
        int n = frequency.Length;
        if (n >= 4 * Chunk && Environment.ProcessorCount > 1)
        {
            unsafe
            {
                fixed (double* px = frequency, ptx = recency, pt = T, pa = probabilityAlive, pe = expectedPurchases)
                {
                    nint ix = (nint)px, itx = (nint)ptx, it = (nint)pt, ia = (nint)pa, ie = (nint)pe;
                    Parallel.For(0, (n + Chunk - 1) / Chunk, c =>
                    {
                        int start = c * Chunk;
                        int length = Math.Min(n, start + Chunk) - start;
                        PredictRange(
                            r, alpha, a, b, k, horizon,
                            new ReadOnlySpan<double>((double*)ix + start, length),
                            new ReadOnlySpan<double>((double*)itx + start, length),
                            new ReadOnlySpan<double>((double*)it + start, length),
                            new Span<double>((double*)ia + start, length),
                            new Span<double>((double*)ie + start, length));
                    });
                }
            }

            return;
        }
#endif
        PredictRange(r, alpha, a, b, k, horizon, frequency, recency, T, probabilityAlive, expectedPurchases);
    }

    private static void PredictRange(
        double r, double alpha, double a, double b, int k, double horizon,
        ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> T,
        Span<double> probabilityAlive, Span<double> expectedPurchases)
    {
        // The same arithmetic as ProbabilityAlive and ConditionalExpected, with the parameter-only logarithms
        // hoisted out of the loop and ln(α+T) and P(alive) computed once per customer instead of two or three times.
        double logA = Math.Log(a);

        // E[Y | x, t_x, T] / P(alive) depends on (x, T) only: a small direct-mapped memo on the stack skips the
        // ₂F₁ series for repeated pairs (summaries of dated transactions have whole-day ages and small counts).
        // 16,384 slots (a chunk's worth) per thread, reused across calls; a slot is valid only when stamped with
        // this call's generation, so nothing has to be cleared.
        Memo memo = Memo.ForThisThread();
        int generation = memo.NextGeneration();
        double[] memoX = memo.X, memoT = memo.T, memoValue = memo.Value;
        int[] memoStamp = memo.Stamp;

        // The logarithms by argument, in direct-mapped caches of the same kind: ln(α+T), ln(α+t_x) and ln(b+m−1)
        // take a few hundred distinct values in a summary of dated transactions (the same Math.Log calls on the
        // same arguments, so the same bits).
        const int LogCacheSize = 1024;
        Span<double> keyT = stackalloc double[LogCacheSize];
        Span<double> logT = stackalloc double[LogCacheSize];
        Span<double> keyTx = stackalloc double[LogCacheSize];
        Span<double> logTx = stackalloc double[LogCacheSize];
        Span<double> keyX = stackalloc double[LogCacheSize];
        Span<double> logBm = stackalloc double[LogCacheSize];
        keyT.Fill(double.NaN);
        keyTx.Fill(double.NaN);
        keyX.Fill(double.NaN);
        for (int i = 0; i < frequency.Length; i++)
        {
            double x = frequency[i], tx = recency[i], t = T[i];
            double m = x + k;
            int st = LogSlot(t);
            double logAT;
            if (keyT[st] == t)
            {
                logAT = logT[st];
            }
            else
            {
                logAT = Math.Log(alpha + t);
                keyT[st] = t;
                logT[st] = logAT;
            }

            double alive = 1.0;
            if (m != 0)
            {
                int stx = LogSlot(tx);
                double logATx;
                if (keyTx[stx] == tx)
                {
                    logATx = logTx[stx];
                }
                else
                {
                    logATx = Math.Log(alpha + tx);
                    keyTx[stx] = tx;
                    logTx[stx] = logATx;
                }

                int sx = LogSlot(x);
                double logB;
                if (keyX[sx] == x)
                {
                    logB = logBm[sx];
                }
                else
                {
                    logB = Math.Log(b + m - 1);
                    keyX[sx] = x;
                    logBm[sx] = logB;
                }

                alive = SpecialFunctions.InverseOnePlusExp(logA - logB + ((r + x) * (logAT - logATx)));
            }

            probabilityAlive[i] = alive;
            if (horizon == 0)
            {
                expectedPurchases[i] = 0;
                continue;
            }

            ulong hx = (ulong)BitConverter.DoubleToInt64Bits(x) * 0x9E3779B97F4A7C15UL;
            ulong ht = (ulong)BitConverter.DoubleToInt64Bits(t) * 0xC2B2AE3D27D4EB4FUL;
            int slot = (int)((hx ^ ht ^ (ht >> 29)) >> (64 - Memo.Bits));
            double expected;
            if (memoStamp[slot] == generation && memoX[slot] == x && memoT[slot] == t)
            {
                expected = memoValue[slot];
            }
            else
            {
                expected = ExpectedWhileAlive(r, a, b, k, horizon, x, alpha + t, logAT);
                memoStamp[slot] = generation;
                memoX[slot] = x;
                memoT[slot] = t;
                memoValue[slot] = expected;
            }

            double result = expected * alive;
            expectedPurchases[i] = result > 0 && !double.IsNaN(result) ? (double.IsInfinity(result) ? double.MaxValue : result) : 0.0;
        }
    }

    private static int LogSlot(double v) => (int)(((ulong)BitConverter.DoubleToInt64Bits(v) * 0x9E3779B97F4A7C15UL) >> 54);

    /// <summary>The per-thread memo of E[Y | alive, x, T] by (x, T) for <see cref="PredictRange"/>.</summary>
    private sealed class Memo
    {
        public const int Bits = 14;

        [ThreadStatic]
        private static Memo? _current;

        private int _generation;

        public double[] X { get; } = new double[1 << Bits];

        public double[] T { get; } = new double[1 << Bits];

        public double[] Value { get; } = new double[1 << Bits];

        public int[] Stamp { get; } = new int[1 << Bits];

        public static Memo ForThisThread() => _current ??= new Memo();

        public int NextGeneration()
        {
            if (++_generation == int.MaxValue)
            {
                Array.Clear(Stamp, 0, Stamp.Length);
                _generation = 1;
            }

            return _generation;
        }
    }
}
