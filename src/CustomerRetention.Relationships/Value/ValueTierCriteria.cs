namespace CustomerRetention.Relationships;

/// <summary>
/// The thresholds of the value-tier rules. The source (domain brief §1) names the tiers and what
/// each rests on but gives no numbers: <see cref="Default"/> holds this library's starting values,
/// meant to be replaced by the caller's own.
/// </summary>
public sealed record ValueTierCriteria
{
    /// <summary>Creates criteria.</summary>
    /// <param name="minimumResolutionRate">Functional: the least share of problems solved. Range: 0 ≤ r ≤ 1.</param>
    /// <param name="minimumEmotionalBalance">Emotional: the least emotional-account balance (points), reached when balance ≥ it. Range: finite.</param>
    /// <param name="minimumSharedValues">Ideal: the least number of shared beliefs or purposes. Range: ≥ 1.</param>
    public ValueTierCriteria(double minimumResolutionRate, double minimumEmotionalBalance, int minimumSharedValues)
    {
        MinimumResolutionRate = Guard.Probability(minimumResolutionRate);
        MinimumEmotionalBalance = Guard.Finite(minimumEmotionalBalance);
        MinimumSharedValues = Guard.Positive(minimumSharedValues);
    }

    /// <summary>
    /// The library's starting thresholds (not from the source): functional at 80 % of problems
    /// solved, emotional at a balance of 10 points, ideal at 2 shared values.
    /// </summary>
    public static ValueTierCriteria Default { get; } = new(0.8, 10.0, 2);

    /// <summary>Functional: the least share of the customer's problems solved, in [0, 1].</summary>
    public double MinimumResolutionRate { get; }

    /// <summary>Emotional: the least emotional-account balance, in points.</summary>
    public double MinimumEmotionalBalance { get; }

    /// <summary>Ideal: the least number of shared beliefs or purposes.</summary>
    public int MinimumSharedValues { get; }
}
