using CustomerRetention.Satisfaction.Internal;

namespace CustomerRetention.Satisfaction;

/// <summary>
/// Customer satisfaction (CSAT) from one rating question: the top-box share (the share of answers
/// in the top <c>k</c> points, "top-two-box" by default: 4 and 5 on a 1–5 scale) and the mean rating.
/// </summary>
/// <remarks>
/// The top-box share's interval is Wilson's score interval (Wilson 1927, JASA 22, 209–212),
/// which, unlike p̂ ± z·√(p̂(1 − p̂)/n), stays within [0, 1] and behaves at 0 and 1
/// (Newcombe 1998, <i>Statistics in Medicine</i> 17, 857–872, method 3). The mean's interval is
/// Student's t (<see cref="MeanEstimate"/>).
/// </remarks>
public static class Csat
{
    /// <summary>Computes the CSAT of <paramref name="answers"/> on <paramref name="scale"/>.</summary>
    /// <param name="scale">The rating scale.</param>
    /// <param name="answers">The answers. Range: whole points on <paramref name="scale"/>; at least one.</param>
    /// <param name="topBoxes">How many top points count as satisfied. Range: 1 ≤ topBoxes ≤ scale.Points; default 2.</param>
    public static CsatResult Compute(RatingScale scale, ReadOnlySpan<int> answers, int topBoxes = 2)
    {
        Guard.NotNull(scale);
        if (answers.IsEmpty)
        {
            throw new ArgumentException("The sample is empty.", nameof(answers));
        }

        Guard.InRange(topBoxes, 1, scale.Points);
        int threshold = scale.Maximum - topBoxes + 1;
        int min = scale.Minimum;
        uint width = (uint)(scale.Maximum - min);

        // A histogram of the points (at most 1001): one indexed increment per answer; the mean and the
        // standard deviation then come from the histogram in two short, stable passes.
        Span<long> counts = scale.Points <= 128 ? stackalloc long[scale.Points] : new long[scale.Points];
        for (int i = 0; i < answers.Length; i++)
        {
            uint offset = (uint)(answers[i] - min);
            if (offset > width)
            {
                scale.Validate(answers[i], nameof(answers));
            }

            counts[(int)offset]++;
        }

        long top = 0;
        double sum = 0;
        for (int k = 0; k < counts.Length; k++)
        {
            sum += (double)counts[k] * (min + k);
            if (min + k >= threshold)
            {
                top += counts[k];
            }
        }

        double mean = sum / answers.Length;
        double m2 = 0;
        for (int k = 0; k < counts.Length; k++)
        {
            double d = min + k - mean;
            m2 += counts[k] * d * d;
        }

        double sd = answers.Length > 1 ? Math.Sqrt(m2 / (answers.Length - 1)) : 0;
        return new CsatResult(scale, topBoxes, top, new MeanEstimate(answers.Length, mean, sd));
    }

    /// <summary>
    /// Wilson's score interval for a proportion x/n:
    /// (p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n).
    /// </summary>
    /// <param name="successes">x. Range: 0 ≤ x ≤ n.</param>
    /// <param name="count">n. Range: ≥ 1.</param>
    /// <param name="level">The confidence level. Range: 0 &lt; level &lt; 1; default 0.95.</param>
    public static ConfidenceInterval WilsonInterval(long successes, long count, double level = 0.95)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "The sample is empty.");
        }

        if (successes < 0 || successes > count)
        {
            throw new ArgumentOutOfRangeException(nameof(successes), successes, "Successes must be between 0 and the count.");
        }

        ConfidenceLevel.Check(level);
        double z = Distributions.NormalCritical(level);
        double n = count;
        double p = successes / n;
        double z2 = z * z;
        double denominator = 1 + (z2 / n);
        double centre = (p + (z2 / (2 * n))) / denominator;
        double half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / denominator;
        double lower = Math.Max(0, centre - half);
        double upper = Math.Min(1, centre + half);
        return new ConfidenceInterval(successes == 0 ? 0 : lower, successes == count ? 1 : upper, level);
    }
}

/// <summary>The result of <see cref="Csat.Compute"/>.</summary>
/// <remarks>Immutable.</remarks>
public sealed class CsatResult
{
    /// <summary>A result from its parts (what <see cref="Csat.Compute"/> computes, or a stored result holds).</summary>
    /// <param name="scale">The rating scale.</param>
    /// <param name="topBoxes">How many top points count as satisfied. Range: 1 ≤ topBoxes ≤ scale points.</param>
    /// <param name="topBoxCount">Answers in the top boxes. Range: 0 ≤ topBoxCount ≤ mean.Count.</param>
    /// <param name="mean">The mean rating (at least one answer), on the scale.</param>
    /// <exception cref="ArgumentNullException"><paramref name="scale"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range or the mean is off the scale.</exception>
    public CsatResult(RatingScale scale, int topBoxes, long topBoxCount, MeanEstimate mean)
    {
        Guard.NotNull(scale);
        Guard.InRange(topBoxes, 1, scale.Points);
        if (mean.Count < 1 || topBoxCount < 0 || topBoxCount > mean.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(topBoxCount), topBoxCount, "The top-box count must be between 0 and the number of answers (at least one).");
        }

        if (!scale.Contains(mean.Mean))
        {
            throw new ArgumentOutOfRangeException(nameof(mean), mean.Mean, "The mean rating must be on the scale.");
        }

        Scale = scale;
        TopBoxes = topBoxes;
        TopBoxCount = topBoxCount;
        Mean = mean;
    }

    /// <summary>The rating scale.</summary>
    public RatingScale Scale { get; }

    /// <summary>How many top points counted as satisfied.</summary>
    public int TopBoxes { get; }

    /// <summary>The number of answers.</summary>
    public long Count => Mean.Count;

    /// <summary>The number of answers in the top boxes.</summary>
    public long TopBoxCount { get; }

    /// <summary>The top-box share in [0, 1]: TopBoxCount / Count.</summary>
    public double TopBoxShare => (double)TopBoxCount / Count;

    /// <summary>The CSAT score as a percentage, 100·TopBoxShare.</summary>
    public double Percent => 100.0 * TopBoxShare;

    /// <summary>The mean rating with its standard deviation.</summary>
    public MeanEstimate Mean { get; }

    /// <summary>Wilson's score interval for the top-box share.</summary>
    /// <param name="level">The confidence level. Range: 0 &lt; level &lt; 1; default 0.95.</param>
    public ConfidenceInterval TopBoxInterval(double level = 0.95) => Csat.WilsonInterval(TopBoxCount, Count, level);
}
