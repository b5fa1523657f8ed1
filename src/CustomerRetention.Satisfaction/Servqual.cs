using System.Globalization;

namespace CustomerRetention.Satisfaction;

/// <summary>The five SERVQUAL dimensions (Parasuraman, Zeithaml &amp; Berry 1988).</summary>
public enum ServqualDimension
{
    /// <summary>Physical facilities, equipment and appearance of personnel.</summary>
    Tangibles = 0,

    /// <summary>Ability to perform the promised service dependably and accurately.</summary>
    Reliability = 1,

    /// <summary>Willingness to help customers and provide prompt service.</summary>
    Responsiveness = 2,

    /// <summary>Knowledge and courtesy of employees and their ability to inspire trust and confidence.</summary>
    Assurance = 3,

    /// <summary>Caring, individualised attention the firm provides its customers.</summary>
    Empathy = 4,
}

/// <summary>One SERVQUAL item: a dimension with an expectation and a perception rating.</summary>
/// <remarks>Immutable value.</remarks>
/// <param name="Dimension">The dimension the item belongs to.</param>
/// <param name="Expectation">Expected service (E) on the survey's scale.</param>
/// <param name="Perception">Perceived service (P) on the survey's scale.</param>
public readonly record struct ServqualItem(ServqualDimension Dimension, double Expectation, double Perception)
{
    /// <summary>The gap score P − E: negative when service falls short of expectations.</summary>
    public double Gap => Perception - Expectation;
}

/// <summary>The mean expectation, perception and gap of one dimension.</summary>
/// <remarks>Immutable.</remarks>
public sealed class ServqualDimensionGap
{
    /// <summary>A dimension's gap from its parts (what <see cref="Servqual.Gaps"/> computes, or a stored result holds).</summary>
    /// <param name="dimension">The dimension.</param>
    /// <param name="items">How many items measured it. Range: ≥ 1.</param>
    /// <param name="expectation">The mean expectation. Range: finite.</param>
    /// <param name="perception">The mean perception. Range: finite.</param>
    /// <param name="weight">The normalised weight. Range: 0 ≤ weight ≤ 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public ServqualDimensionGap(ServqualDimension dimension, int items, double expectation, double perception, double weight)
    {
        Guard.Defined(dimension);
        Guard.Positive(items);
        Guard.Finite(expectation);
        Guard.Finite(perception);
        Guard.Probability(weight);
        Dimension = dimension;
        Items = items;
        Expectation = expectation;
        Perception = perception;
        Weight = weight;
    }

    /// <summary>The dimension.</summary>
    public ServqualDimension Dimension { get; }

    /// <summary>How many items measured it.</summary>
    public int Items { get; }

    /// <summary>The mean expectation.</summary>
    public double Expectation { get; }

    /// <summary>The mean perception.</summary>
    public double Perception { get; }

    /// <summary>The mean gap P − E.</summary>
    public double Gap => Perception - Expectation;

    /// <summary>The dimension's normalised weight (equal unless weights were given).</summary>
    public double Weight { get; }
}

/// <summary>The result of <see cref="Servqual.Gaps"/>.</summary>
/// <remarks>Immutable.</remarks>
public sealed class ServqualResult
{
    private readonly ServqualDimensionGap[] _dimensions;

    /// <summary>A result from its dimensions (what <see cref="Servqual.Gaps"/> computes, or a stored result holds); the scores are derived.</summary>
    /// <param name="dimensions">The measured dimensions, each once. Range: at least one; the weights sum to 1 (within 1e-9).</param>
    /// <exception cref="ArgumentNullException"><paramref name="dimensions"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">No dimension, a repeated one, or weights that do not sum to 1.</exception>
    public ServqualResult(IReadOnlyList<ServqualDimensionGap> dimensions)
        : this(Checked(dimensions))
    {
    }

    private ServqualResult(ServqualDimensionGap[] dimensions)
    {
        _dimensions = dimensions;
        double u = 0;
        double w = 0;
        foreach (ServqualDimensionGap d in dimensions)
        {
            u += d.Gap;
            w += d.Weight * d.Gap;
        }

        UnweightedScore = u / dimensions.Length;
        WeightedScore = w;
    }

    /// <summary>The measured dimensions, in the order of <see cref="ServqualDimension"/>.</summary>
    public IReadOnlyList<ServqualDimensionGap> Dimensions => _dimensions;

    /// <summary>The unweighted SERVQUAL score: the mean of the dimension gaps.</summary>
    public double UnweightedScore { get; }

    /// <summary>The weighted SERVQUAL score Σ wₖ·gapₖ (equal to the unweighted score without weights).</summary>
    public double WeightedScore { get; }

    private static ServqualDimensionGap[] Checked(IReadOnlyList<ServqualDimensionGap> dimensions)
    {
        Guard.NotNull(dimensions);
        var copy = new ServqualDimensionGap[dimensions.Count];
        var seen = new HashSet<ServqualDimension>();
        double weights = 0;
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = dimensions[i] ?? throw new ArgumentNullException(nameof(dimensions), $"Dimension {i} is null.");
            if (!seen.Add(copy[i].Dimension))
            {
                throw new ArgumentException($"Dimension {copy[i].Dimension} appears more than once.", nameof(dimensions));
            }

            weights += copy[i].Weight;
        }

        if (copy.Length == 0 || Math.Abs(weights - 1) > 1e-9)
        {
            throw new ArgumentException("At least one dimension, with weights summing to 1.", nameof(dimensions));
        }

        return copy;
    }
}

/// <summary>
/// SERVQUAL gap scores: perception − expectation per item, averaged per dimension, and the
/// unweighted and importance-weighted overall scores.
/// </summary>
/// <remarks>
/// Source: A. Parasuraman, V. A. Zeithaml &amp; L. L. Berry (1988), "SERVQUAL: A Multiple-Item Scale
/// for Measuring Consumer Perceptions of Service Quality", <i>Journal of Retailing</i> 64(1), 12–40
/// (22 items on a 7-point scale, five dimensions; weights from 100 points allocated by customers).
/// </remarks>
public static class Servqual
{
    /// <summary>Gap scores per dimension and overall.</summary>
    /// <param name="scale">The rating scale of expectations and perceptions (7-point in the original).</param>
    /// <param name="items">The items (item means or individual answers). Range: at least one; ratings on the scale.</param>
    /// <param name="weights">Importance per dimension in <see cref="ServqualDimension"/> order (5 values, ≥ 0), or null for equal weights; normalised over the measured dimensions.</param>
    public static ServqualResult Gaps(RatingScale scale, IReadOnlyList<ServqualItem> items, IReadOnlyList<double>? weights = null)
    {
        Guard.NotNull(scale);
        Guard.NotNull(items);
        if (items.Count == 0)
        {
            throw new ArgumentException("At least one item is needed.", nameof(items));
        }

        if (weights is not null && weights.Count != 5)
        {
            throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "Expected 5 weights (one per dimension), got {0}.", weights.Count), nameof(weights));
        }

        var count = new int[5];
        var sumE = new double[5];
        var sumP = new double[5];
        foreach (ServqualItem item in items)
        {
            int k = (int)Guard.Defined(item.Dimension, nameof(items));
            sumE[k] += scale.Validate(item.Expectation, nameof(items));
            sumP[k] += scale.Validate(item.Perception, nameof(items));
            count[k]++;
        }

        var importance = new double[5];
        int measured = 0;
        for (int k = 0; k < 5; k++)
        {
            if (count[k] > 0)
            {
                importance[measured++] = weights is null ? 1 : weights[k];
            }
        }

        if (weights is not null)
        {
            for (int k = 0; k < 5; k++)
            {
                Guard.NonNegative(weights[k], nameof(weights));
            }
        }

        double total = Csi.TotalImportance(importance.AsSpan(0, measured), nameof(weights));
        var dims = new ServqualDimensionGap[measured];
        int j = 0;
        for (int k = 0; k < 5; k++)
        {
            if (count[k] > 0)
            {
                dims[j] = new ServqualDimensionGap((ServqualDimension)k, count[k], sumE[k] / count[k], sumP[k] / count[k], importance[j] / total);
                j++;
            }
        }

        return new ServqualResult(dims);
    }
}

/// <summary>The five gaps of the service-quality gap model.</summary>
public enum ServiceGap
{
    /// <summary>Gap 1, knowledge: customers' expectations vs management's perception of them.</summary>
    Knowledge = 1,

    /// <summary>Gap 2, standards: management's perception vs the service-quality specifications.</summary>
    Standards = 2,

    /// <summary>Gap 3, delivery: the specifications vs the service delivered.</summary>
    Delivery = 3,

    /// <summary>Gap 4, communication: the service delivered vs what external communications promised.</summary>
    Communication = 4,

    /// <summary>Gap 5, perceived quality: expected service vs perceived service — the one SERVQUAL measures.</summary>
    Perception = 5,
}

/// <summary>One gap of the five-gap model: its ends and what managing it means.</summary>
/// <remarks>Immutable.</remarks>
public sealed class ServiceGapDescription
{
    internal ServiceGapDescription(ServiceGap gap, string name, string from, string to, string manage)
    {
        Gap = gap;
        Name = name;
        From = from;
        To = to;
        Manage = manage;
    }

    /// <summary>The gap.</summary>
    public ServiceGap Gap { get; }

    /// <summary>The gap's number, 1–5.</summary>
    public int Number => (int)Gap;

    /// <summary>Its short name.</summary>
    public string Name { get; }

    /// <summary>The first end of the gap.</summary>
    public string From { get; }

    /// <summary>The second end of the gap.</summary>
    public string To { get; }

    /// <summary>What managing the gap means (the domain brief's wording).</summary>
    public string Manage { get; }
}

/// <summary>
/// The five-gap model of service quality: gaps 1–4 on the provider's side cause gap 5 between
/// expected and perceived service.
/// </summary>
/// <remarks>
/// Source: A. Parasuraman, V. A. Zeithaml &amp; L. L. Berry (1985), "A Conceptual Model of Service
/// Quality and Its Implications for Future Research", <i>Journal of Marketing</i> 49(4), 41–50,
/// Figure 1; Gap 5 = f(Gap 1, Gap 2, Gap 3, Gap 4).
/// </remarks>
public static class ServiceGapModel
{
    private static readonly ServiceGapDescription[] Gaps =
    [
        new(ServiceGap.Knowledge, "Knowledge gap", "Customer expectations", "Management perceptions of customer expectations", "Understand the customer's expectations."),
        new(ServiceGap.Standards, "Standards gap", "Management perceptions of customer expectations", "Service-quality specifications", "Set the right service standards."),
        new(ServiceGap.Delivery, "Delivery gap", "Service-quality specifications", "Service delivery", "Deliver to the standards."),
        new(ServiceGap.Communication, "Communication gap", "Service delivery", "External communications to customers", "Keep the promises made to customers."),
        new(ServiceGap.Perception, "Perceived-service gap", "Expected service", "Perceived service", "Close the gap between perceived service and expectation (measured by SERVQUAL)."),
    ];

    /// <summary>All five gaps, 1 to 5.</summary>
    public static IReadOnlyList<ServiceGapDescription> All => Gaps;

    /// <summary>The description of one gap.</summary>
    /// <param name="gap">The gap.</param>
    public static ServiceGapDescription Describe(ServiceGap gap) => Gaps[(int)Guard.Defined(gap) - 1];
}
