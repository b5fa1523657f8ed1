using System.Globalization;
using CustomerRetention.Satisfaction.Internal;

namespace CustomerRetention.Satisfaction;

/// <summary>The three groups of the Net Promoter Score.</summary>
public enum NpsCategory
{
    /// <summary>Answers 0–6.</summary>
    Detractor = 0,

    /// <summary>Answers 7–8.</summary>
    Passive = 1,

    /// <summary>Answers 9–10.</summary>
    Promoter = 2,
}

/// <summary>
/// The Net Promoter Score from answers to "How likely is it that you would recommend us to a
/// friend or colleague?" on 0–10: promoters 9–10, passives 7–8, detractors 0–6;
/// NPS = 100·(p − d) with p and d the promoter and detractor shares, in [−100, 100].
/// </summary>
/// <remarks>
/// Source: Reichheld (2003), "The One Number You Need to Grow", <i>Harvard Business Review</i>
/// 81(12). Sampling variance of the score (a difference of two multinomial shares):
/// Var(NPS) = 100²·(p + d − (p − d)²)/n, margin of error z·√Var (1.96·√Var at 95 %);
/// see e.g. Rocks (2016), "Understanding the variance of the Net Promoter Score", and the project's
/// <c>reference-values.md</c>.
/// </remarks>
public static class Nps
{
    /// <summary>The group of one answer: 0–6 detractor, 7–8 passive, 9–10 promoter.</summary>
    /// <param name="answer">The answer. Range: 0 ≤ answer ≤ 10.</param>
    public static NpsCategory Categorize(int answer)
    {
        Guard.InRange(answer, 0, 10);
        return answer >= 9 ? NpsCategory.Promoter : (answer >= 7 ? NpsCategory.Passive : NpsCategory.Detractor);
    }

    /// <summary>Counts the groups of <paramref name="answers"/> and computes the score.</summary>
    /// <param name="answers">The answers. Range: each 0–10; at least one.</param>
    public static NpsResult Compute(ReadOnlySpan<int> answers)
    {
        if (answers.IsEmpty)
        {
            throw new ArgumentException("The sample is empty.", nameof(answers));
        }

        // A histogram of the 11 answers: one indexed increment per answer, no branch on the group.
        Span<long> counts = stackalloc long[11];
        for (int i = 0; i < answers.Length; i++)
        {
            int a = answers[i];
            if ((uint)a > 10u)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(answers),
                    a,
                    string.Format(CultureInfo.InvariantCulture, "Answer {0} must be on the 0–10 scale.", i));
            }

            counts[a]++;
        }

        long detractors = 0;
        for (int a = 0; a <= 6; a++)
        {
            detractors += counts[a];
        }

        long passives = counts[7] + counts[8];
        long promoters = counts[9] + counts[10];
        return new NpsResult(promoters, passives, detractors);
    }

    /// <summary>The score from the three counts.</summary>
    /// <param name="promoters">Answers 9–10. Range: ≥ 0.</param>
    /// <param name="passives">Answers 7–8. Range: ≥ 0.</param>
    /// <param name="detractors">Answers 0–6. Range: ≥ 0; the three sum to more than 0.</param>
    public static NpsResult FromCounts(long promoters, long passives, long detractors) =>
        new(promoters, passives, detractors);

    /// <summary>
    /// Whether two independent NPS differ significantly: z = (NPS₁ − NPS₂)/√(Var₁ + Var₂), two-sided
    /// p-value 2·(1 − Φ(|z|)), and the interval of the difference.
    /// </summary>
    /// <param name="first">The first sample's result (e.g. this quarter).</param>
    /// <param name="second">The second, independent sample's result (e.g. last quarter).</param>
    /// <param name="level">The confidence level. Range: 0 &lt; level &lt; 1; default 0.95 (5 % significance).</param>
    public static NpsComparison Compare(NpsResult first, NpsResult second, double level = 0.95)
    {
        ConfidenceLevel.Check(level);
        if (first.Count == 0)
        {
            throw new ArgumentException("The first result is empty (default).", nameof(first));
        }

        if (second.Count == 0)
        {
            throw new ArgumentException("The second result is empty (default).", nameof(second));
        }

        return new NpsComparison(first.Score - second.Score, Math.Sqrt(first.Variance + second.Variance), level);
    }
}

/// <summary>A Net Promoter Score with its counts, variance, margin of error and interval.</summary>
/// <remarks>
/// Immutable value. The default value has no answers (<see cref="Count"/> 0) and a score of 0;
/// <see cref="Nps.Compare"/> rejects it.
/// </remarks>
public readonly struct NpsResult : IEquatable<NpsResult>
{
    /// <summary>Creates a result from the three counts.</summary>
    /// <param name="promoters">Answers 9–10. Range: ≥ 0.</param>
    /// <param name="passives">Answers 7–8. Range: ≥ 0.</param>
    /// <param name="detractors">Answers 0–6. Range: ≥ 0; the three sum to more than 0.</param>
    public NpsResult(long promoters, long passives, long detractors)
    {
        Guard.NonNegative(promoters);
        Guard.NonNegative(passives);
        Guard.NonNegative(detractors);
        if (promoters + passives + detractors == 0)
        {
            throw new ArgumentException("The sample is empty: no promoters, passives or detractors.", nameof(detractors));
        }

        Promoters = promoters;
        Passives = passives;
        Detractors = detractors;
    }

    /// <summary>Answers 9–10.</summary>
    public long Promoters { get; }

    /// <summary>Answers 7–8.</summary>
    public long Passives { get; }

    /// <summary>Answers 0–6.</summary>
    public long Detractors { get; }

    /// <summary>The number of answers n.</summary>
    public long Count => Promoters + Passives + Detractors;

    /// <summary>The promoter share p in [0, 1].</summary>
    public double PromoterShare => Count == 0 ? 0 : (double)Promoters / Count;

    /// <summary>The passive share in [0, 1].</summary>
    public double PassiveShare => Count == 0 ? 0 : (double)Passives / Count;

    /// <summary>The detractor share d in [0, 1].</summary>
    public double DetractorShare => Count == 0 ? 0 : (double)Detractors / Count;

    /// <summary>NPS = 100·(p − d), in [−100, 100].</summary>
    public double Score => Count == 0 ? 0 : 100.0 * (Promoters - Detractors) / Count;

    /// <summary>The sampling variance of the score: 100²·(p + d − (p − d)²)/n (points²).</summary>
    public double Variance
    {
        get
        {
            if (Count == 0)
            {
                return 0;
            }

            double p = PromoterShare;
            double d = DetractorShare;
            double v = 10000.0 * (p + d - ((p - d) * (p - d))) / Count;
            return v < 0 ? 0 : v;
        }
    }

    /// <summary>The standard error of the score, √Variance (points).</summary>
    public double StandardError => Math.Sqrt(Variance);

    /// <summary>The margin of error z·√Var with z = Φ⁻¹((1 + level)/2) (1.959964 at 95 %).</summary>
    /// <param name="level">The confidence level. Range: 0 &lt; level &lt; 1; default 0.95.</param>
    public double MarginOfError(double level = 0.95) => Distributions.NormalCritical(ConfidenceLevel.Check(level)) * StandardError;

    /// <summary>The interval Score ± MarginOfError, clipped to [−100, 100].</summary>
    /// <param name="level">The confidence level. Range: 0 &lt; level &lt; 1; default 0.95.</param>
    public ConfidenceInterval Interval(double level = 0.95)
    {
        double half = MarginOfError(level);
        return new ConfidenceInterval(Math.Max(-100, Score - half), Math.Min(100, Score + half), level);
    }

    /// <inheritdoc/>
    public bool Equals(NpsResult other) => Promoters == other.Promoters && Passives == other.Passives && Detractors == other.Detractors;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is NpsResult other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Promoters.GetHashCode() ^ (Passives.GetHashCode() * 31) ^ (Detractors.GetHashCode() * 17);

    /// <summary>Equality of the three counts.</summary>
    public static bool operator ==(NpsResult left, NpsResult right) => left.Equals(right);

    /// <summary>Inequality of the counts.</summary>
    public static bool operator !=(NpsResult left, NpsResult right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "NPS {0:0.##} (n {1})", Score, Count);
}

/// <summary>The two-sample test of <see cref="Nps.Compare"/>.</summary>
/// <remarks>Immutable value.</remarks>
public readonly struct NpsComparison : IEquatable<NpsComparison>
{
    /// <summary>
    /// A comparison from its parts (what <see cref="Nps.Compare"/> computes, or a stored result
    /// holds); the z statistic and p-value are derived.
    /// </summary>
    /// <param name="difference">NPS₁ − NPS₂ in points. Range: −200 ≤ difference ≤ 200.</param>
    /// <param name="standardError">The standard error of the difference. Range: ≥ 0, finite.</param>
    /// <param name="level">The confidence level. Range: 0 &lt; level &lt; 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range or NaN.</exception>
    public NpsComparison(double difference, double standardError, double level)
    {
        Guard.InRange(difference, -200, 200);
        Guard.NonNegative(standardError);
        ConfidenceLevel.Check(level);
        Difference = difference;
        StandardError = standardError;
        Level = level;
        if (standardError > 0)
        {
            Z = difference / standardError;
            PValue = Math.Min(1, 2 * Distributions.NormalCdf(-Math.Abs(Z)));
        }
        else
        {
            // Both samples unanimous: any difference is certain, none is no evidence.
            Z = difference == 0 ? 0 : (difference > 0 ? double.MaxValue : -double.MaxValue);
            PValue = difference == 0 ? 1 : 0;
        }
    }

    /// <summary>NPS₁ − NPS₂ (points).</summary>
    public double Difference { get; }

    /// <summary>The standard error of the difference, √(Var₁ + Var₂).</summary>
    public double StandardError { get; }

    /// <summary>The confidence level of the test (0.95: a 5 % two-sided significance level).</summary>
    public double Level { get; }

    /// <summary>The z statistic Difference / StandardError (±double.MaxValue when both samples are unanimous and differ).</summary>
    public double Z { get; }

    /// <summary>The two-sided p-value 2·(1 − Φ(|z|)).</summary>
    public double PValue { get; }

    /// <summary>Whether the difference is significant: PValue &lt; 1 − Level.</summary>
    public bool IsSignificant => PValue < 1 - Level;

    /// <summary>The interval of the difference, Difference ± z·StandardError.</summary>
    public ConfidenceInterval Interval
    {
        get
        {
            double half = Distributions.NormalCritical(Level) * StandardError;
            return new ConfidenceInterval(Difference - half, Difference + half, Level);
        }
    }

    /// <inheritdoc/>
    public bool Equals(NpsComparison other) => Difference.Equals(other.Difference) && StandardError.Equals(other.StandardError) && Level.Equals(other.Level);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is NpsComparison other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Difference.GetHashCode() ^ (StandardError.GetHashCode() * 31);

    /// <summary>Equality of difference, standard error and level.</summary>
    public static bool operator ==(NpsComparison left, NpsComparison right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(NpsComparison left, NpsComparison right) => !left.Equals(right);
}
