namespace CustomerRetention.Rfm;

/// <summary>
/// A customer's RFM scores: R, F and M in 1..k (k ≤ 10), higher is better (recent, frequent, big).
/// Immutable and thread-safe; three bytes. The default value (0, 0, 0) means "not scored".
/// </summary>
public readonly struct RfmScore : IEquatable<RfmScore>
{
    private readonly byte _r;
    private readonly byte _f;
    private readonly byte _m;

    /// <summary>Creates a score.</summary>
    /// <param name="r">Recency score. Range: 1 ≤ r ≤ 10.</param>
    /// <param name="f">Frequency score. Range: 1 ≤ f ≤ 10.</param>
    /// <param name="m">Monetary score. Range: 1 ≤ m ≤ 10.</param>
    public RfmScore(int r, int f, int m)
    {
        _r = (byte)Guard.InRange(r, 1, RfmBinning.MaxBins);
        _f = (byte)Guard.InRange(f, 1, RfmBinning.MaxBins);
        _m = (byte)Guard.InRange(m, 1, RfmBinning.MaxBins);
    }

    private RfmScore(byte r, byte f, byte m, bool unchecked_)
    {
        _ = unchecked_;
        _r = r;
        _f = f;
        _m = m;
    }

    /// <summary>Recency score (higher: bought more recently).</summary>
    public int R => _r;

    /// <summary>Frequency score (higher: bought more often).</summary>
    public int F => _f;

    /// <summary>Monetary score (higher: spent more).</summary>
    public int M => _m;

    /// <summary>Whether the score was set (the default value is not).</summary>
    public bool IsScored => _r != 0;

    /// <summary>
    /// The three-digit code 100·R + 10·F + M (e.g. 545), as R's <c>rfm</c> package writes <c>rfm_score</c>.
    /// Unique for k ≤ 9; with k = 10 a score of 10 carries into the next digit: use
    /// <see cref="CellIndex"/> for a unique key.
    /// </summary>
    public int Code => (100 * _r) + (10 * _f) + _m;

    /// <summary>The score of one dimension.</summary>
    /// <param name="dimension">Which dimension.</param>
    /// <returns>The score in 1..k.</returns>
    public int Get(RfmDimension dimension) => Guard.Defined(dimension) switch
    {
        RfmDimension.Recency => _r,
        RfmDimension.Frequency => _f,
        _ => _m,
    };

    /// <summary>A unique index of the (R, F, M) cell for <paramref name="bins"/> scores: ((R − 1)·k + F − 1)·k + M − 1.</summary>
    /// <param name="bins">The number of scores k. Range: 2 ≤ bins ≤ 10, and every score ≤ bins.</param>
    /// <returns>The index in 0..k³ − 1.</returns>
    public int CellIndex(int bins)
    {
        Guard.InRange(bins, RfmBinning.MinBins, RfmBinning.MaxBins);
        if (_r > bins || _f > bins || _m > bins || _r == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bins), bins, "Every score must be in 1..bins.");
        }

        return (((_r - 1) * bins) + _f - 1) * bins + _m - 1;
    }

    /// <summary>The plain total R + F + M.</summary>
    public int Total => _r + _f + _m;

    /// <summary>The weighted total w_R·R + w_F·F + w_M·M.</summary>
    /// <param name="recencyWeight">Weight of R. Range: finite, ≥ 0.</param>
    /// <param name="frequencyWeight">Weight of F. Range: finite, ≥ 0.</param>
    /// <param name="monetaryWeight">Weight of M. Range: finite, ≥ 0.</param>
    /// <returns>The weighted total.</returns>
    public double WeightedTotal(double recencyWeight, double frequencyWeight, double monetaryWeight)
    {
        Guard.NonNegative(recencyWeight);
        Guard.NonNegative(frequencyWeight);
        Guard.NonNegative(monetaryWeight);
        return (recencyWeight * _r) + (frequencyWeight * _f) + (monetaryWeight * _m);
    }

    internal static RfmScore Unchecked(int r, int f, int m) => new((byte)r, (byte)f, (byte)m, true);

    /// <inheritdoc />
    public bool Equals(RfmScore other) => _r == other._r && _f == other._f && _m == other._m;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RfmScore other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (_r << 16) | (_f << 8) | _m;

    /// <summary>The scores as "R-F-M", e.g. <c>5-4-5</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => FormattableString.Invariant($"{_r}-{_f}-{_m}");

    /// <summary>Equality of all three scores.</summary>
    /// <param name="left">The first score.</param>
    /// <param name="right">The second score.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(RfmScore left, RfmScore right) => left.Equals(right);

    /// <summary>Inequality of any of the three scores.</summary>
    /// <param name="left">The first score.</param>
    /// <param name="right">The second score.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(RfmScore left, RfmScore right) => !left.Equals(right);
}
