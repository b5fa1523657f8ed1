namespace CustomerRetention.Satisfaction;

/// <summary>
/// The weights of the three ACSI questions. They are normalised to sum to 1; the default is equal
/// weights (⅓ each), which gives the unweighted index (S + E + P − 3)/27·100.
/// </summary>
/// <remarks>
/// The published ACSI estimates the weights each year with a PLS structural model (Fornell et al.
/// 1996); a user who has them passes them here. Immutable value; the default value (all zero) is
/// treated as <see cref="Equal"/>.
/// </remarks>
public readonly struct AcsiWeights : IEquatable<AcsiWeights>
{
    private readonly double _overall;
    private readonly double _expectations;
    private readonly double _ideal;

    /// <summary>Creates weights; they are normalised to sum to 1 (weights that already do, to rounding, are kept as given).</summary>
    /// <param name="overall">Weight of overall satisfaction. Range: ≥ 0.</param>
    /// <param name="expectations">Weight of confirmation of expectations. Range: ≥ 0.</param>
    /// <param name="ideal">Weight of closeness to the ideal. Range: ≥ 0; the three sum to more than 0.</param>
    public AcsiWeights(double overall, double expectations, double ideal)
    {
        Guard.NonNegative(overall);
        Guard.NonNegative(expectations);
        Guard.NonNegative(ideal);
        double total = overall + expectations + ideal;
        if (!(total > 0))
        {
            throw new ArgumentException("The total weight must be greater than zero.", nameof(ideal));
        }

        // Weights that already sum to 1 (to rounding) are kept as given: dividing them by their
        // rounded sum again would move them by an ulp, so a stored set would not read back equal.
        bool normalised = Math.Abs(total - 1.0) <= 4 * 1.1102230246251565E-16;
        _overall = normalised ? overall : overall / total;
        _expectations = normalised ? expectations : expectations / total;
        _ideal = normalised ? ideal : ideal / total;
    }

    /// <summary>Equal weights, ⅓ each.</summary>
    public static AcsiWeights Equal => new(1, 1, 1);

    private bool IsDefault => _overall == 0 && _expectations == 0 && _ideal == 0;

    /// <summary>The normalised weight of overall satisfaction.</summary>
    public double Overall => IsDefault ? 1.0 / 3 : _overall;

    /// <summary>The normalised weight of confirmation of expectations.</summary>
    public double Expectations => IsDefault ? 1.0 / 3 : _expectations;

    /// <summary>The normalised weight of closeness to the ideal.</summary>
    public double Ideal => IsDefault ? 1.0 / 3 : _ideal;

    /// <inheritdoc/>
    public bool Equals(AcsiWeights other) => Overall.Equals(other.Overall) && Expectations.Equals(other.Expectations) && Ideal.Equals(other.Ideal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AcsiWeights other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Overall.GetHashCode() ^ (Expectations.GetHashCode() * 31) ^ (Ideal.GetHashCode() * 17);

    /// <summary>Equality of the normalised weights.</summary>
    public static bool operator ==(AcsiWeights left, AcsiWeights right) => left.Equals(right);

    /// <summary>Inequality of the normalised weights.</summary>
    public static bool operator !=(AcsiWeights left, AcsiWeights right) => !left.Equals(right);
}

/// <summary>
/// The American Customer Satisfaction Index on 0–100 from its three 10-point questions: overall
/// satisfaction (S), confirmation of expectations (E) and closeness to the ideal product or service (P).
/// </summary>
/// <remarks>
/// ACSI = Σⱼ wⱼ·(meanⱼ − 1)/9·100, unweighted (S + E + P − 3)/27·100.
/// Source: Fornell, Johnson, Anderson, Cha &amp; Bryant (1996), "The American Customer Satisfaction
/// Index: Nature, Purpose, and Findings", <i>Journal of Marketing</i> 60(4), 7–18, with the
/// 10-point items rescaled to 0–100.
/// </remarks>
public static class Acsi
{
    /// <summary>The ACSI from the three item means with equal weights: (S + E + P − 3)/27·100.</summary>
    /// <param name="overall">Mean overall satisfaction S. Range: 1 ≤ S ≤ 10.</param>
    /// <param name="expectations">Mean confirmation of expectations E. Range: 1 ≤ E ≤ 10.</param>
    /// <param name="ideal">Mean closeness to the ideal P. Range: 1 ≤ P ≤ 10.</param>
    /// <returns>The index in [0, 100].</returns>
    public static double Score(double overall, double expectations, double ideal) =>
        Score(overall, expectations, ideal, AcsiWeights.Equal);

    /// <summary>The ACSI from the three item means with weights: Σ wⱼ·(meanⱼ − 1)/9·100.</summary>
    /// <param name="overall">Mean overall satisfaction S. Range: 1 ≤ S ≤ 10.</param>
    /// <param name="expectations">Mean confirmation of expectations E. Range: 1 ≤ E ≤ 10.</param>
    /// <param name="ideal">Mean closeness to the ideal P. Range: 1 ≤ P ≤ 10.</param>
    /// <param name="weights">The item weights (normalised).</param>
    /// <returns>The index in [0, 100].</returns>
    public static double Score(double overall, double expectations, double ideal, AcsiWeights weights)
    {
        RatingScale scale = RatingScale.OneToTen;
        double s = scale.Validate(overall, nameof(overall));
        double e = scale.Validate(expectations, nameof(expectations));
        double p = scale.Validate(ideal, nameof(ideal));
        double score = ((weights.Overall * (s - 1)) + (weights.Expectations * (e - 1)) + (weights.Ideal * (p - 1))) / 9.0 * 100.0;
        return score < 0 ? 0 : (score > 100 ? 100 : score);
    }

    /// <summary>
    /// The ACSI from individual answers: each respondent's 0–100 index, then their mean with its
    /// standard deviation for a confidence interval. Its mean equals <see cref="Score(double, double, double, AcsiWeights)"/> of the item means.
    /// </summary>
    /// <param name="overall">Each respondent's overall satisfaction. Range: 1–10; at least one respondent.</param>
    /// <param name="expectations">Each respondent's confirmation of expectations. Range: 1–10; same length.</param>
    /// <param name="ideal">Each respondent's closeness to the ideal. Range: 1–10; same length.</param>
    /// <param name="weights">The item weights.</param>
    public static MeanEstimate FromResponses(ReadOnlySpan<double> overall, ReadOnlySpan<double> expectations, ReadOnlySpan<double> ideal, AcsiWeights weights)
    {
        Guard.SameLength(overall.Length, expectations.Length, nameof(expectations));
        Guard.SameLength(overall.Length, ideal.Length, nameof(ideal));
        if (overall.IsEmpty)
        {
            throw new ArgumentException("The sample is empty.", nameof(overall));
        }

        var scores = new double[overall.Length];
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = Score(overall[i], expectations[i], ideal[i], weights);
        }

        return MeanEstimate.Of(scores);
    }
}
