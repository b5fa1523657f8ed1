namespace CustomerRetention.Rfm;

/// <summary>
/// How one dimension was binned: the cut points used (on the original scale, ascending), the scores
/// that occur and how many customers got each. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Cut points are ascending on the original scale. For frequency and monetary the i-th cut point
/// separates score i from score i + 1; for recency (fewer days is better) the order is reversed:
/// the first cut point (fewest days) separates score k from k − 1.
/// </remarks>
public sealed class DimensionBins
{
    private readonly double[] _cuts;
    private readonly int[] _counts;
    private readonly int[] _inUse;

    internal DimensionBins(RfmDimension dimension, BinningMethod method, int bins, double[] cutPoints, int[] counts)
    {
        Dimension = dimension;
        Method = method;
        Bins = bins;
        _cuts = cutPoints;
        _counts = counts;
        int used = 0;
        for (int s = 0; s < counts.Length; s++)
        {
            used += counts[s] > 0 ? 1 : 0;
        }

        _inUse = new int[used];
        for (int s = 0, j = 0; s < counts.Length; s++)
        {
            if (counts[s] > 0)
            {
                _inUse[j++] = s + 1;
            }
        }
    }

    /// <summary>The dimension.</summary>
    public RfmDimension Dimension { get; }

    /// <summary>The method that found the cut points.</summary>
    public BinningMethod Method { get; }

    /// <summary>The number of scores k.</summary>
    public int Bins { get; }

    /// <summary>
    /// The k − 1 cut points, ascending on the original scale (days for recency); empty when there
    /// were no customers to bin (quantile and ntile).
    /// </summary>
    public IReadOnlyList<double> CutPoints => _cuts;

    /// <summary>The number of customers with each score: element s − 1 counts score s (k elements).</summary>
    public IReadOnlyList<int> Counts => _counts;

    /// <summary>
    /// The scores at least one customer got, ascending. With quantile binning, repeated values can make
    /// cut points coincide so that some scores never occur (e.g. when most customers bought once).
    /// </summary>
    public IReadOnlyList<int> ScoresInUse => _inUse;

    /// <summary>
    /// Scores a value (of this or another customer) by these cut points: 1 + the number of cut points
    /// strictly below its goodness, i.e. for recency 1 + the number of cut points strictly above the
    /// days, otherwise 1 + the number strictly below the value. For ntile bins this reproduces the
    /// assignment except where a tie was split.
    /// </summary>
    /// <param name="value">The value on the original scale. Range: finite.</param>
    /// <returns>The score in 1..k.</returns>
    public int Score(double value)
    {
        Guard.Finite(value);
        int score = 1;
        if (Dimension == RfmDimension.Recency)
        {
            for (int i = 0; i < _cuts.Length; i++)
            {
                score += _cuts[i] > value ? 1 : 0;
            }
        }
        else
        {
            for (int i = 0; i < _cuts.Length; i++)
            {
                score += _cuts[i] < value ? 1 : 0;
            }
        }

        return score;
    }

    /// <inheritdoc />
    public override string ToString() =>
        Dimension + ": " + string.Join(", ", _cuts.Select(c => c.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
}

/// <summary>
/// The outcome of scoring a set of customers: the binning used and, per dimension, the cut points
/// and the scores in use. Immutable and thread-safe.
/// </summary>
public sealed class RfmScoring
{
    internal RfmScoring(RfmBinning binning, int customers, DimensionBins recency, DimensionBins frequency, DimensionBins monetary)
    {
        Binning = binning;
        Customers = customers;
        Recency = recency;
        Frequency = frequency;
        Monetary = monetary;
    }

    /// <summary>The binning (method and k).</summary>
    public RfmBinning Binning { get; }

    /// <summary>The number of customers scored.</summary>
    public int Customers { get; }

    /// <summary>The recency bins (cut points in days).</summary>
    public DimensionBins Recency { get; }

    /// <summary>The frequency bins.</summary>
    public DimensionBins Frequency { get; }

    /// <summary>The monetary bins.</summary>
    public DimensionBins Monetary { get; }

    /// <summary>The bins of one dimension.</summary>
    /// <param name="dimension">Which dimension.</param>
    /// <returns>Its bins.</returns>
    public DimensionBins For(RfmDimension dimension) => Guard.Defined(dimension) switch
    {
        RfmDimension.Recency => Recency,
        RfmDimension.Frequency => Frequency,
        _ => Monetary,
    };

    /// <summary>Scores new values with these cut points (see <see cref="DimensionBins.Score(double)"/>).</summary>
    /// <param name="values">The values.</param>
    /// <returns>The score.</returns>
    public RfmScore Score(RfmValues values) => RfmScore.Unchecked(
        Recency.Score(values.RecencyDays),
        Frequency.Score(values.Frequency),
        Monetary.Score((double)values.Monetary));
}
