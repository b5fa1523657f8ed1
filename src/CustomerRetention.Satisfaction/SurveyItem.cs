namespace CustomerRetention.Satisfaction;

/// <summary>
/// One item of a satisfaction survey (delivery speed, staff courtesy …) with its importance to
/// customers and their (mean) satisfaction with it: the input of <see cref="Csi"/> and
/// <see cref="ImportancePerformance"/>.
/// </summary>
/// <remarks>
/// Importance is a weight: any non-negative number (a mean importance rating, points allocated
/// out of 100, a regression coefficient); <see cref="Csi"/> normalises the weights. Satisfaction is
/// checked against the scale where it is used. Immutable.
/// </remarks>
public sealed record SurveyItem
{
    /// <summary>Creates an item.</summary>
    /// <param name="name">The item's name. Range: not empty.</param>
    /// <param name="importance">Its importance weight. Range: ≥ 0, finite.</param>
    /// <param name="satisfaction">Its (mean) satisfaction on the survey's scale. Range: finite (checked against the scale where used).</param>
    public SurveyItem(string name, double importance, double satisfaction)
    {
        Name = Guard.NotNullOrWhiteSpace(name);
        Importance = Guard.NonNegative(importance);
        Satisfaction = Guard.Finite(satisfaction);
    }

    /// <summary>The item's name.</summary>
    public string Name { get; }

    /// <summary>The importance weight (≥ 0).</summary>
    public double Importance { get; }

    /// <summary>The (mean) satisfaction on the survey's scale.</summary>
    public double Satisfaction { get; }
}

/// <summary>
/// One respondent's satisfaction ratings, one per survey item in the survey's item order.
/// </summary>
/// <remarks>Immutable: the ratings are copied.</remarks>
public sealed class SurveyResponse
{
    private readonly double[] _ratings;

    /// <summary>Creates a response.</summary>
    /// <param name="respondentId">Who answered. Range: not empty.</param>
    /// <param name="ratings">The ratings, one per item, in item order. Range: finite (checked against the scale where used).</param>
    public SurveyResponse(string respondentId, IReadOnlyList<double> ratings)
    {
        RespondentId = Guard.NotNullOrWhiteSpace(respondentId);
        Guard.NotNull(ratings);
        _ratings = new double[ratings.Count];
        for (int i = 0; i < _ratings.Length; i++)
        {
            _ratings[i] = ratings[i];
        }

        Guard.AllFinite(_ratings, nameof(ratings));
    }

    /// <summary>Who answered.</summary>
    public string RespondentId { get; }

    /// <summary>The ratings, one per item, in item order.</summary>
    public IReadOnlyList<double> Ratings => _ratings;

    internal ReadOnlySpan<double> Span => _ratings;
}
