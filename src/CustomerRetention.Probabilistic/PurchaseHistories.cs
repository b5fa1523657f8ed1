using NodaTime;

namespace CustomerRetention.Probabilistic;

/// <summary>
/// The input of the non-contractual models, one row per customer (or per group of customers with the same
/// history): frequency <c>x</c> (number of repeat purchases), recency <c>t_x</c> (time of the last repeat
/// purchase, measured from the first purchase), age <c>T</c> (time from the first purchase to the end of the
/// calibration period) and a weight (how many customers share the row). Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Customers with the same (x, t_x, T) may share one weighted row (<see cref="Compress"/>): the likelihood is a
/// weighted sum, so fitting the compressed rows is fitting the customers, at the cost of the distinct rows.
/// For BG/BB the three columns are counts of transaction opportunities: x repeat transactions, the last in
/// opportunity t_x, out of n = T opportunities (Fader, Hardie &amp; Shang 2010).
/// </remarks>
public sealed class PurchaseHistories
{
    private readonly double[] _frequency;
    private readonly double[] _recency;
    private readonly double[] _t;
    private readonly double[] _weight;

    /// <summary>Creates the rows from lists; <paramref name="weights"/> null means one customer per row.</summary>
    /// <param name="frequency">x, repeat purchases per row. Range: x ≥ 0.</param>
    /// <param name="recency">t_x, time of the last repeat purchase since the first purchase. Range: 0 ≤ t_x ≤ T; 0 when x = 0 (not used then by BG/NBD and Pareto/NBD).</param>
    /// <param name="T">T, the customer's age: time from the first purchase to the end of calibration. Range: T ≥ 0.</param>
    /// <param name="weights">Customers per row. Range: w ≥ 0; null for all ones.</param>
    public PurchaseHistories(IReadOnlyList<double> frequency, IReadOnlyList<double> recency, IReadOnlyList<double> T, IReadOnlyList<double>? weights = null)
    {
        Guard.NotNull(frequency);
        Guard.NotNull(recency);
        Guard.NotNull(T);
        Guard.SameLength(frequency.Count, recency.Count);
        Guard.SameLength(frequency.Count, T.Count);
        if (weights is not null)
        {
            Guard.SameLength(frequency.Count, weights.Count);
        }

        int n = frequency.Count;
        _frequency = new double[n];
        _recency = new double[n];
        _t = new double[n];
        _weight = new double[n];
        for (int i = 0; i < n; i++)
        {
            _frequency[i] = frequency[i];
            _recency[i] = recency[i];
            _t[i] = T[i];
            _weight[i] = weights is null ? 1.0 : weights[i];
        }

        (TotalWeight, MaxFrequency, IntegerFrequencies) = Validate(_frequency, _recency, _t, _weight);
    }

    private PurchaseHistories(double[] frequency, double[] recency, double[] t, double[] weight)
    {
        _frequency = frequency;
        _recency = recency;
        _t = t;
        _weight = weight;
        (TotalWeight, MaxFrequency, IntegerFrequencies) = Validate(_frequency, _recency, _t, _weight);
    }

    /// <summary>Creates the rows from spans (copied); an empty <paramref name="weights"/> means one customer per row.</summary>
    /// <param name="frequency">x per row. Range: x ≥ 0.</param>
    /// <param name="recency">t_x per row. Range: 0 ≤ t_x ≤ T.</param>
    /// <param name="T">T per row. Range: T ≥ 0.</param>
    /// <param name="weights">Customers per row (w ≥ 0), or empty for all ones.</param>
    /// <returns>The validated rows.</returns>
    public static PurchaseHistories FromSpans(ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> T, ReadOnlySpan<double> weights)
    {
        Guard.SameLength(frequency.Length, recency.Length);
        Guard.SameLength(frequency.Length, T.Length);
        if (!weights.IsEmpty)
        {
            Guard.SameLength(frequency.Length, weights.Length);
        }

        double[] w = new double[frequency.Length];
        if (weights.IsEmpty)
        {
            w.AsSpan().Fill(1.0);
        }
        else
        {
            weights.CopyTo(w);
        }

        return new PurchaseHistories(frequency.ToArray(), recency.ToArray(), T.ToArray(), w);
    }

    /// <summary>
    /// The rows of model inputs (x, t_x, T) as computed by <see cref="PurchaseSummaries.ToModelInputs"/>, one
    /// customer per row (the fits merge equal rows themselves).
    /// </summary>
    /// <param name="inputs">The inputs.</param>
    /// <returns>The rows.</returns>
    public static PurchaseHistories FromInputs(ModelInputs inputs)
    {
        Guard.NotNull(inputs);
        return FromSpans(inputs.Frequency, inputs.Recency, inputs.T, ReadOnlySpan<double>.Empty);
    }

    /// <summary>
    /// The model inputs of <paramref name="summaries"/> at <paramref name="calibrationEnd"/> in <paramref name="unit"/>
    /// (<see cref="PurchaseSummaries.ToModelInputs"/>), as rows.
    /// </summary>
    /// <param name="summaries">The customers' purchase summaries.</param>
    /// <param name="calibrationEnd">The end of the calibration period.</param>
    /// <param name="unit">The time unit of t_x and T (e.g. <see cref="TimeUnit.Week"/>).</param>
    /// <returns>The rows, one customer each.</returns>
    public static PurchaseHistories FromSummaries(PurchaseSummaries summaries, LocalDate calibrationEnd, TimeUnit unit)
    {
        Guard.NotNull(summaries);
        return FromInputs(summaries.ToModelInputs(calibrationEnd, unit));
    }

    /// <summary>
    /// Model inputs go straight into a fit or a batch prediction: <c>BetaGeo.Fit(inputs)</c>. The same as
    /// <see cref="FromInputs"/>.
    /// </summary>
    /// <param name="inputs">The inputs.</param>
    public static implicit operator PurchaseHistories(ModelInputs inputs) => FromInputs(inputs);

    /// <summary>Number of rows.</summary>
    public int Count => _frequency.Length;

    /// <summary>The number of customers: the sum of the weights.</summary>
    public double TotalWeight { get; }

    /// <summary>The largest frequency.</summary>
    public double MaxFrequency { get; }

    /// <summary>Whether every frequency is a whole number (the usual case; it enables table look-ups in the likelihoods).</summary>
    public bool IntegerFrequencies { get; }

    /// <summary>x per row.</summary>
    public ReadOnlySpan<double> Frequency => _frequency;

    /// <summary>t_x per row.</summary>
    public ReadOnlySpan<double> Recency => _recency;

    /// <summary>T per row: the customer's age, time from the first purchase to the end of calibration.</summary>
    public ReadOnlySpan<double> T => _t;

    /// <summary>Customers per row.</summary>
    public ReadOnlySpan<double> Weight => _weight;

    /// <summary>
    /// Every <paramref name="step"/>-th row (from row 0) with its weight: a deterministic subsample for starting
    /// values. Rows of weight zero are kept (they cost nothing).
    /// </summary>
    internal PurchaseHistories Every(int step)
    {
        int n = (Count + step - 1) / step;
        double[] x = new double[n], tx = new double[n], t = new double[n], w = new double[n];
        for (int j = 0, i = 0; j < n; j++, i += step)
        {
            x[j] = _frequency[i];
            tx[j] = _recency[i];
            t[j] = _t[i];
            w[j] = _weight[i];
        }

        return new PurchaseHistories(x, tx, t, w);
    }

    internal double[] FrequencyArray => _frequency;

    internal double[] RecencyArray => _recency;

    internal double[] TArray => _t;

    internal double[] WeightArray => _weight;

    /// <summary>
    /// Merges rows with identical (x, t_x, T) into one row whose weight is the sum; rows of weight 0 are dropped.
    /// Rows keep the order of their first occurrence.
    /// </summary>
    /// <returns>The compressed rows (this instance when nothing merges).</returns>
    public PurchaseHistories Compress()
    {
        var index = new Dictionary<(double, double, double), int>(Math.Min(Count, 1 << 20));
        var x = new List<double>();
        var tx = new List<double>();
        var t = new List<double>();
        var w = new List<double>();
        for (int i = 0; i < Count; i++)
        {
            if (_weight[i] == 0)
            {
                continue;
            }

            var key = (_frequency[i], _recency[i], _t[i]);
            if (index.TryGetValue(key, out int at))
            {
                w[at] += _weight[i];
            }
            else
            {
                index.Add(key, x.Count);
                x.Add(_frequency[i]);
                tx.Add(_recency[i]);
                t.Add(_t[i]);
                w.Add(_weight[i]);
            }
        }

        return x.Count == Count ? this : new PurchaseHistories(x.ToArray(), tx.ToArray(), t.ToArray(), w.ToArray());
    }

    private static (double Total, double MaxX, bool Integer) Validate(double[] x, double[] tx, double[] t, double[] w)
    {
        double total = 0;
        double maxX = 0;
        bool integer = true;
        for (int i = 0; i < x.Length; i++)
        {
            if (!(x[i] >= 0) || double.IsInfinity(x[i]))
            {
                throw new ArgumentOutOfRangeException("frequency", x[i], FormattableString.Invariant($"Row {i}: frequency must be a finite number ≥ 0."));
            }

            if (!(t[i] >= 0) || double.IsInfinity(t[i]))
            {
                throw new ArgumentOutOfRangeException("T", t[i], FormattableString.Invariant($"Row {i}: T (the customer's age) must be a finite number ≥ 0."));
            }

            if (!(tx[i] >= 0) || !(tx[i] <= t[i]))
            {
                throw new ArgumentOutOfRangeException("recency", tx[i], FormattableString.Invariant($"Row {i}: recency must be between 0 and T = {t[i]}."));
            }

            if (!(w[i] >= 0) || double.IsInfinity(w[i]))
            {
                throw new ArgumentOutOfRangeException("weights", w[i], FormattableString.Invariant($"Row {i}: weight must be a finite number ≥ 0."));
            }

            total += w[i];
            maxX = Math.Max(maxX, x[i]);
            integer &= x[i] == Math.Floor(x[i]);
        }

        return (total, maxX, integer);
    }
}
