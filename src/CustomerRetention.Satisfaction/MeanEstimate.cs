using System.Globalization;
using CustomerRetention.Satisfaction.Internal;

namespace CustomerRetention.Satisfaction;

/// <summary>
/// The mean of a sample with its sample standard deviation (n − 1 in the denominator), its
/// standard error and Student-t confidence intervals: the statistics that tell a real change of
/// a CSI, CSAT or ACSI mean from noise.
/// </summary>
/// <remarks>
/// Immutable value. The default value has <see cref="Count"/> 0 and no interval.
/// Interval: mean ± t_{(1+level)/2, n−1}·s/√n (Student 1908; any statistics text, e.g.
/// Moore, McCabe &amp; Craig, <i>Introduction to the Practice of Statistics</i>, ch. 7).
/// </remarks>
public readonly struct MeanEstimate : IEquatable<MeanEstimate>
{
    /// <summary>Creates an estimate from its summary statistics.</summary>
    /// <param name="count">The sample size. Range: ≥ 1.</param>
    /// <param name="mean">The sample mean. Range: finite.</param>
    /// <param name="standardDeviation">The sample standard deviation (n − 1). Range: ≥ 0; 0 when count is 1.</param>
    public MeanEstimate(long count, double mean, double standardDeviation)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "A mean needs at least one observation.");
        }

        Count = count;
        Mean = Guard.Finite(mean);
        StandardDeviation = Guard.NonNegative(standardDeviation);
    }

    /// <summary>The sample size n.</summary>
    public long Count { get; }

    /// <summary>The sample mean.</summary>
    public double Mean { get; }

    /// <summary>The sample standard deviation s, with n − 1 in the denominator (0 for one observation).</summary>
    public double StandardDeviation { get; }

    /// <summary>The standard error of the mean, s/√n.</summary>
    public double StandardError => Count == 0 ? 0 : StandardDeviation / Math.Sqrt(Count);

    /// <summary>
    /// The mean and standard deviation of <paramref name="values"/> (Welford's one-pass update).
    /// </summary>
    /// <param name="values">The observations. Range: at least one, all finite.</param>
    public static MeanEstimate Of(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("The sample is empty.", nameof(values));
        }

        Guard.AllFinite(values);
        double mean = 0;
        double m2 = 0;
        for (int i = 0; i < values.Length; i++)
        {
            double delta = values[i] - mean;
            mean += delta / (i + 1);
            m2 += delta * (values[i] - mean);
        }

        double sd = values.Length > 1 ? Math.Sqrt(Math.Max(0, m2) / (values.Length - 1)) : 0;
        return new MeanEstimate(values.Length, mean, sd);
    }

    /// <summary>
    /// The two-sided Student-t interval mean ± t·s/√n with n − 1 degrees of freedom.
    /// </summary>
    /// <param name="level">The confidence level. Range: 0 &lt; level &lt; 1; default 0.95.</param>
    /// <exception cref="InvalidOperationException">The sample has fewer than two observations.</exception>
    public ConfidenceInterval Interval(double level = 0.95)
    {
        ConfidenceLevel.Check(level);
        if (Count < 2)
        {
            throw new InvalidOperationException("A confidence interval for a mean needs at least two observations.");
        }

        double half = MarginOfError(level);
        return new ConfidenceInterval(Mean - half, Mean + half, level);
    }

    /// <summary>The half-width t_{(1+level)/2, n−1}·s/√n of <see cref="Interval"/>.</summary>
    /// <param name="level">The confidence level. Range: 0 &lt; level &lt; 1; default 0.95.</param>
    /// <exception cref="InvalidOperationException">The sample has fewer than two observations.</exception>
    public double MarginOfError(double level = 0.95)
    {
        ConfidenceLevel.Check(level);
        if (Count < 2)
        {
            throw new InvalidOperationException("A margin of error for a mean needs at least two observations.");
        }

        return Distributions.StudentTCritical(level, Count - 1) * StandardError;
    }

    /// <summary>This estimate on another scale: mean and standard deviation multiplied by <paramref name="factor"/> after shifting by <paramref name="shift"/>.</summary>
    internal MeanEstimate Rescale(double shift, double factor) => new(Count, (Mean + shift) * factor, StandardDeviation * Math.Abs(factor));

    /// <inheritdoc/>
    public bool Equals(MeanEstimate other) => Count == other.Count && Mean.Equals(other.Mean) && StandardDeviation.Equals(other.StandardDeviation);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is MeanEstimate other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Count.GetHashCode() ^ (Mean.GetHashCode() * 31) ^ (StandardDeviation.GetHashCode() * 17);

    /// <summary>Equality of count, mean and standard deviation.</summary>
    public static bool operator ==(MeanEstimate left, MeanEstimate right) => left.Equals(right);

    /// <summary>Inequality of count, mean or standard deviation.</summary>
    public static bool operator !=(MeanEstimate left, MeanEstimate right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "mean {0:R} (sd {1:R}, n {2})", Mean, StandardDeviation, Count);
}
