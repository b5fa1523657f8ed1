using System.Globalization;

namespace CustomerRetention.Satisfaction;

/// <summary>
/// The customer satisfaction index (CSI): satisfaction per item weighted by the item's importance.
/// </summary>
/// <remarks>
/// <para>CSI = Σᵢ wᵢ·sᵢ with wᵢ = importanceᵢ / Σⱼ importanceⱼ and sᵢ the satisfaction with item i
/// on the survey's scale; the index therefore lies on the same scale, and on 0–100 it is
/// 100·(CSI − min)/(max − min). The procedure — choose the items, measure importance and
/// satisfaction per item, weight by importance, show, analyse, pick priorities — is the CSI
/// method of the domain brief (§6); the weighting is the usual importance-weighted average (e.g.
/// Hill, Roche &amp; Allen, <i>Customer Satisfaction: The customer experience through the customer's
/// eyes</i>, 2007, ch. 10).</para>
/// </remarks>
public static class Csi
{
    /// <summary>
    /// Normalises importance weights so they sum to 1: wᵢ = importanceᵢ / Σ importance.
    /// </summary>
    /// <param name="importance">The weights. Range: each ≥ 0 and finite, the sum &gt; 0.</param>
    /// <param name="weights">Receives the normalised weights. Range: the same length as <paramref name="importance"/>.</param>
    public static void NormalizeWeights(ReadOnlySpan<double> importance, Span<double> weights)
    {
        Guard.SameLength(importance.Length, weights.Length, nameof(weights));
        double total = TotalImportance(importance, nameof(importance));
        for (int i = 0; i < importance.Length; i++)
        {
            weights[i] = importance[i] / total;
        }
    }

    /// <summary>
    /// The importance-weighted index on the scale: Σ importanceᵢ·satisfactionᵢ / Σ importance.
    /// </summary>
    /// <param name="scale">The satisfaction scale.</param>
    /// <param name="importance">Importance per item. Range: each ≥ 0, the sum &gt; 0.</param>
    /// <param name="satisfaction">Satisfaction per item. Range: on <paramref name="scale"/>; the same length as <paramref name="importance"/>.</param>
    /// <returns>The index, within [scale.Minimum, scale.Maximum].</returns>
    public static double Index(RatingScale scale, ReadOnlySpan<double> importance, ReadOnlySpan<double> satisfaction)
    {
        Guard.NotNull(scale);
        Guard.SameLength(importance.Length, satisfaction.Length, nameof(satisfaction));
        double total = TotalImportance(importance, nameof(importance));
        double sum = 0;
        for (int i = 0; i < satisfaction.Length; i++)
        {
            sum += importance[i] * scale.Validate(satisfaction[i], nameof(satisfaction));
        }

        return Within(scale, sum / total);
    }

    /// <summary>
    /// The CSI of a list of items: the weights, the index on the scale and on 0–100.
    /// </summary>
    /// <param name="scale">The satisfaction scale of the items.</param>
    /// <param name="items">The items. Range: at least one; importances ≥ 0 with a positive sum; satisfactions on <paramref name="scale"/>.</param>
    public static CsiResult Compute(RatingScale scale, IReadOnlyList<SurveyItem> items)
    {
        Guard.NotNull(scale);
        Guard.NotNull(items);
        if (items.Count == 0)
        {
            throw new ArgumentException("At least one item is needed.", nameof(items));
        }

        var importance = new double[items.Count];
        var satisfaction = new double[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            SurveyItem item = items[i] ?? throw new ArgumentException("An item must not be null.", nameof(items));
            importance[i] = item.Importance;
            satisfaction[i] = scale.Validate(item.Satisfaction, nameof(items));
        }

        var weights = new double[items.Count];
        NormalizeWeights(importance, weights);
        double index = Index(scale, importance, satisfaction);
        return new CsiResult(scale, index, weights);
    }

    /// <summary>
    /// The CSI from individual responses: each respondent's index Σ wᵢ·rᵢ, then their mean with
    /// its standard deviation, so that a confidence interval can be drawn
    /// (<see cref="MeanEstimate.Interval"/>). Equal to <see cref="Index"/> of the item means.
    /// </summary>
    /// <param name="scale">The rating scale.</param>
    /// <param name="importance">Importance per item. Range: each ≥ 0, the sum &gt; 0.</param>
    /// <param name="responses">The responses, each with one rating per item on <paramref name="scale"/>. Range: at least one.</param>
    /// <returns>The mean per-respondent index on the scale.</returns>
    public static MeanEstimate FromResponses(RatingScale scale, IReadOnlyList<double> importance, IReadOnlyList<SurveyResponse> responses)
    {
        Guard.NotNull(scale);
        Guard.NotNull(importance);
        Guard.NotNull(responses);
        if (responses.Count == 0)
        {
            throw new ArgumentException("The sample is empty.", nameof(responses));
        }

        var weights = new double[importance.Count];
        var imp = new double[importance.Count];
        for (int i = 0; i < imp.Length; i++)
        {
            imp[i] = importance[i];
        }

        NormalizeWeights(imp, weights);
        var perRespondent = new double[responses.Count];
        for (int r = 0; r < responses.Count; r++)
        {
            SurveyResponse response = responses[r] ?? throw new ArgumentException("A response must not be null.", nameof(responses));
            ReadOnlySpan<double> ratings = response.Span;
            if (ratings.Length != weights.Length)
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "Response '{0}' has {1} ratings; the survey has {2} items.", response.RespondentId, ratings.Length, weights.Length),
                    nameof(responses));
            }

            double sum = 0;
            for (int i = 0; i < ratings.Length; i++)
            {
                sum += weights[i] * scale.Validate(ratings[i], nameof(responses));
            }

            perRespondent[r] = Within(scale, sum);
        }

        return MeanEstimate.Of(perRespondent);
    }

    internal static double TotalImportance(ReadOnlySpan<double> importance, string paramName)
    {
        if (importance.IsEmpty)
        {
            throw new ArgumentException("At least one importance weight is needed.", paramName);
        }

        double total = 0;
        for (int i = 0; i < importance.Length; i++)
        {
            double w = importance[i];
            if (double.IsNaN(w) || double.IsInfinity(w) || w < 0)
            {
                throw new ArgumentOutOfRangeException(paramName, w, string.Format(CultureInfo.InvariantCulture, "Importance {0} must be zero or greater and finite.", i));
            }

            total += w;
        }

        if (!(total > 0))
        {
            throw new ArgumentException("The total importance must be greater than zero.", paramName);
        }

        return total;
    }

    // Rounding can put a weighted mean a hair outside the scale; keep it on the scale.
    private static double Within(RatingScale scale, double value) =>
        value < scale.Minimum ? scale.Minimum : (value > scale.Maximum ? scale.Maximum : value);
}

/// <summary>The result of <see cref="Csi.Compute"/>: the normalised weights and the index.</summary>
/// <remarks>Immutable.</remarks>
public sealed class CsiResult
{
    private readonly double[] _weights;

    /// <summary>A result from its parts (what <see cref="Csi.Compute"/> computes, or a stored result holds).</summary>
    /// <param name="scale">The satisfaction scale.</param>
    /// <param name="index">The index. Range: on the scale (to rounding).</param>
    /// <param name="weights">The normalised weights, in item order. Range: at least one, each ≥ 0, summing to 1 (within 1e-9).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The index is off the scale or a weight is negative or not finite.</exception>
    /// <exception cref="ArgumentException">The weights are empty or do not sum to 1.</exception>
    public CsiResult(RatingScale scale, double index, IReadOnlyList<double> weights)
    {
        Guard.NotNull(scale);
        Guard.NotNull(weights);
        double slack = 1e-9 * scale.Points; // a weighted mean of ratings at an end of the scale may round past it
        Guard.InRange(index, scale.Minimum - slack, scale.Maximum + slack);
        var copy = new double[weights.Count];
        double sum = 0;
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = Guard.NonNegative(weights[i], nameof(weights));
            sum += copy[i];
        }

        if (copy.Length == 0 || Math.Abs(sum - 1) > 1e-9)
        {
            throw new ArgumentException("The weights are normalised: at least one, summing to 1.", nameof(weights));
        }

        Scale = scale;
        Index = index;
        _weights = copy;
    }

    /// <summary>The satisfaction scale.</summary>
    public RatingScale Scale { get; }

    /// <summary>The index on the scale, Σ wᵢ·sᵢ.</summary>
    public double Index { get; }

    /// <summary>The index on 0–100: 100·(Index − min)/(max − min).</summary>
    public double Normalized => Scale.ToHundred(Index);

    /// <summary>The normalised weights, in item order; they sum to 1.</summary>
    public IReadOnlyList<double> Weights => _weights;
}
