namespace CustomerRetention.Health;

/// <summary>
/// Combines a customer's signals into one explainable health figure. Each known factor i has a risk rᵢ in [0, 1]
/// (the signal's documented formula with <see cref="Thresholds"/>) and a weight wᵢ (<see cref="Weights"/>); with
/// W the sum of the known factors' weights,
/// <c>health = 100 − Σᵢ 100 · (wᵢ / W) · rᵢ</c>,
/// so health is in [0, 100], 100 when no known factor carries risk, never higher when a risk rises, and each
/// factor's points 100 · (wᵢ / W) · rᵢ add up to the distance from the baseline 100. A customer with no known
/// factor (or only zero weights) is at 100 with no reasons. Immutable and thread-safe.
/// </summary>
public sealed class HealthScorer
{
    /// <summary>Creates the scorer.</summary>
    /// <param name="weights">The weights (default <see cref="HealthWeights.Default"/>).</param>
    /// <param name="thresholds">The thresholds (default <see cref="HealthThresholds.Default"/>).</param>
    public HealthScorer(HealthWeights? weights = null, HealthThresholds? thresholds = null)
    {
        Weights = weights ?? HealthWeights.Default;
        Thresholds = thresholds ?? HealthThresholds.Default;
        _ = Thresholds.SatisfactionSpan;
    }

    /// <summary>The scorer with the default weights and thresholds.</summary>
    public static HealthScorer Default { get; } = new();

    /// <summary>The weights.</summary>
    public HealthWeights Weights { get; }

    /// <summary>The thresholds.</summary>
    public HealthThresholds Thresholds { get; }

    /// <summary>The health of a customer with <paramref name="signals"/>.</summary>
    /// <param name="signals">What is known about the customer.</param>
    /// <returns>The score with its contributions.</returns>
    public HealthScore Score(CustomerHealthSignals signals)
    {
        Guard.NotNull(signals);
        var risks = new List<(HealthFactor Factor, double Risk, string Reason)>(9);
        HealthThresholds t = Thresholds;
        if (signals.Cadence is { } cadence)
        {
            risks.Add((HealthFactor.PurchaseCadence, cadence.Risk(t), cadence.Describe()));
        }

        if (signals.Alive is { } alive)
        {
            risks.Add((HealthFactor.Alive, alive.LevelRisk(), alive.DescribeLevel()));
            if (alive.DropRisk(t) is { } drop)
            {
                risks.Add((HealthFactor.AliveDrop, drop, alive.DescribeDrop()));
            }
        }

        if (signals.Tickets is { } tickets)
        {
            risks.Add((HealthFactor.Tickets, tickets.Risk(t), tickets.Describe()));
        }

        if (signals.Satisfaction is { } satisfaction)
        {
            risks.Add((HealthFactor.Satisfaction, satisfaction.LevelRisk(t), satisfaction.DescribeLevel()));
            if (satisfaction.DropRisk(t) is { } drop)
            {
                risks.Add((HealthFactor.SatisfactionDrop, drop, satisfaction.DescribeDrop()));
            }
        }

        if (signals.Renewal is { } renewal)
        {
            risks.Add((HealthFactor.Renewal, renewal.Risk(t), renewal.Describe()));
        }

        if (signals.SpendTrend is { } trend)
        {
            risks.Add((HealthFactor.SpendTrend, trend.Risk(t), trend.Describe()));
        }

        if (signals.RiskWords is { } words)
        {
            risks.Add((HealthFactor.RiskWords, words.Risk(), words.Describe()));
        }

        double totalWeight = 0;
        foreach (var r in risks)
        {
            totalWeight += Weights.Of(r.Factor);
        }

        if (totalWeight <= 0)
        {
            return new HealthScore([]);
        }

        var contributions = new HealthContribution[risks.Count];
        for (int i = 0; i < contributions.Length; i++)
        {
            var r = risks[i];
            contributions[i] = new HealthContribution(r.Factor, r.Risk, Weights.Of(r.Factor) / totalWeight, r.Reason);
        }

        // Largest first; a stable sort keeps ties in factor order.
        return new HealthScore(contributions.OrderByDescending(c => c.Points).ToArray());
    }
}
