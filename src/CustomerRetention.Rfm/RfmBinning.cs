namespace CustomerRetention.Rfm;

/// <summary>
/// How RFM values become scores 1..k: the method (<see cref="BinningMethod"/>), the number of scores
/// k and, for <see cref="BinningMethod.Thresholds"/>, the user's cut points. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Every method scores each dimension on its <em>goodness</em> (−recency, frequency, monetary), so
/// that a higher score is always better, and a value equal to a cut point gets the lower (worse) score.
/// <see cref="Quantile(int)"/> with k = 5 is the default and the <c>retention rfm</c> contract.
/// </remarks>
public sealed class RfmBinning
{
    /// <summary>The smallest number of scores, 2.</summary>
    public const int MinBins = 2;

    /// <summary>The largest number of scores, 10.</summary>
    public const int MaxBins = 10;

    private static readonly double[] NoCuts = [];

    private RfmBinning(BinningMethod method, int bins, double[] recency, double[] frequency, double[] monetary)
    {
        Method = method;
        Bins = bins;
        RecencyThresholds = recency;
        FrequencyThresholds = frequency;
        MonetaryThresholds = monetary;
    }

    /// <summary>The default: quintiles (<see cref="BinningMethod.Quantile"/>, k = 5).</summary>
    public static RfmBinning Default { get; } = Quantile(5);

    /// <summary>The method.</summary>
    public BinningMethod Method { get; }

    /// <summary>The number of scores k. Range: 2 ≤ k ≤ 10.</summary>
    public int Bins { get; }

    /// <summary>For <see cref="BinningMethod.Thresholds"/>: the recency cut points in days, ascending (empty otherwise).</summary>
    public IReadOnlyList<double> RecencyThresholds { get; }

    /// <summary>For <see cref="BinningMethod.Thresholds"/>: the frequency cut points, ascending (empty otherwise).</summary>
    public IReadOnlyList<double> FrequencyThresholds { get; }

    /// <summary>For <see cref="BinningMethod.Thresholds"/>: the monetary cut points, ascending (empty otherwise).</summary>
    public IReadOnlyList<double> MonetaryThresholds { get; }

    /// <summary>
    /// Quantile binning: the cut points are the i/k quantiles, i = 1..k − 1, of the customers' goodness
    /// values with linear interpolation between order statistics (Hyndman &amp; Fan 1996 type 7, R's and
    /// numpy's default): with the goodness values sorted x₀ ≤ … ≤ xₙ₋₁, h = (n − 1)·i/k,
    /// q = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋). The score is 1 + the number of cut points strictly below
    /// the value: ties are never split, and when repeated values make cut points coincide some
    /// scores do not occur (see <see cref="DimensionBins.ScoresInUse"/>).
    /// </summary>
    /// <param name="bins">The number of scores k. Range: 2 ≤ k ≤ 10.</param>
    /// <returns>The binning.</returns>
    public static RfmBinning Quantile(int bins = 5) =>
        new(BinningMethod.Quantile, Guard.InRange(bins, MinBins, MaxBins), NoCuts, NoCuts, NoCuts);

    /// <summary>
    /// Equal-count binning as SQL <c>NTILE(k)</c> and dplyr's <c>ntile</c>: customers ordered by goodness,
    /// then by position (customer id in the friendly overloads), are dealt into k bins whose sizes differ
    /// by at most one, the larger bins first. Unlike <see cref="Quantile(int)"/> this can split ties:
    /// two customers with equal values may get different scores.
    /// </summary>
    /// <param name="bins">The number of scores k. Range: 2 ≤ k ≤ 10.</param>
    /// <returns>The binning.</returns>
    public static RfmBinning Ntile(int bins = 5) =>
        new(BinningMethod.Ntile, Guard.InRange(bins, MinBins, MaxBins), NoCuts, NoCuts, NoCuts);

    /// <summary>
    /// Fixed cut points per dimension, on the original scale and strictly ascending, the same number
    /// (k − 1) for each dimension. Recency cut points are days: with 30, 90, 180, 365 a customer
    /// whose last purchase was under 30 days ago gets R = 5, exactly 30 days R = 4, 365 days or more
    /// R = 1. For frequency and monetary the score is 1 + the number of cut points strictly below.
    /// </summary>
    /// <param name="recencyDays">Recency cut points in days. Range: 1 ≤ count ≤ 9, finite, strictly ascending.</param>
    /// <param name="frequency">Frequency cut points. Range: same count as recency, finite, strictly ascending.</param>
    /// <param name="monetary">Monetary cut points. Range: same count as recency, finite, strictly ascending.</param>
    /// <returns>The binning, with k = count + 1.</returns>
    public static RfmBinning Thresholds(IReadOnlyList<double> recencyDays, IReadOnlyList<double> frequency, IReadOnlyList<double> monetary)
    {
        Guard.NotNull(recencyDays);
        Guard.NotNull(frequency);
        Guard.NotNull(monetary);
        double[] r = Ascending(recencyDays, nameof(recencyDays));
        double[] f = Ascending(frequency, nameof(frequency));
        double[] m = Ascending(monetary, nameof(monetary));
        if (r.Length < MinBins - 1 || r.Length > MaxBins - 1)
        {
            throw new ArgumentOutOfRangeException(nameof(recencyDays), r.Length, "Give between 1 and 9 cut points.");
        }

        if (f.Length != r.Length)
        {
            throw new ArgumentException("Every dimension needs the same number of cut points.", nameof(frequency));
        }

        if (m.Length != r.Length)
        {
            throw new ArgumentException("Every dimension needs the same number of cut points.", nameof(monetary));
        }

        return new RfmBinning(BinningMethod.Thresholds, r.Length + 1, r, f, m);
    }

    /// <summary>The user's cut points of one dimension (empty unless <see cref="BinningMethod.Thresholds"/>).</summary>
    /// <param name="dimension">Which dimension.</param>
    /// <returns>The cut points, ascending on the original scale.</returns>
    public IReadOnlyList<double> ThresholdsOf(RfmDimension dimension) => Guard.Defined(dimension) switch
    {
        RfmDimension.Recency => RecencyThresholds,
        RfmDimension.Frequency => FrequencyThresholds,
        _ => MonetaryThresholds,
    };

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"{Method} ({Bins} scores)");

    private static double[] Ascending(IReadOnlyList<double> values, string paramName)
    {
        var copy = new double[values.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            double v = values[i];
            if (double.IsNaN(v) || double.IsInfinity(v))
            {
                throw new ArgumentOutOfRangeException(paramName, v, FormattableString.Invariant($"Cut point {i} must be a finite number."));
            }

            if (i > 0 && v <= copy[i - 1])
            {
                throw new ArgumentException(FormattableString.Invariant($"Cut points must be strictly ascending: {copy[i - 1]} is followed by {v}."), paramName);
            }

            copy[i] = v;
        }

        return copy;
    }
}
