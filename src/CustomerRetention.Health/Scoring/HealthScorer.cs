namespace CustomerRetention.Health;

/// <summary>
/// Combines a customer's signals into one explainable health figure. Each known factor i has a risk rᵢ in [0, 1] (the
/// signal's documented formula with <see cref="Thresholds"/>) and a weight wᵢ in [0, 1] (<see cref="Weights"/>), the share
/// of health it takes on its own at full risk:
/// <code>health = 100 × Π (1 − wᵢ rᵢ)</code>
/// — read as the chance that none of the signals, each an independent threat of strength wᵢ rᵢ, loses the customer (the
/// "noisy-OR" combination of independent causes: J. Pearl, Probabilistic Reasoning in Intelligent Systems, 1988, ch. 4). So health is in [0, 100]; it is 100 when no known factor
/// carries risk; it never rises when a risk rises; a signal with no risk changes nothing (no dilution: a customer without
/// tickets is not made healthier than the other signals say); and two threats compound.
/// The reasons: factor i takes pᵢ = (100 − health) × lᵢ / Σⱼ lⱼ points with lᵢ = −ln(1 − wᵢ rᵢ), the share of the
/// log-health it removes, so the points add up exactly to the distance from the baseline and rank the factors by wᵢ rᵢ.
/// When some factors have wᵢ rᵢ = 1, health is 0 and those factors share the 100 points equally. Immutable and thread-safe.
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

        // l_i = −ln(1 − w_i r_i): factors at certainty (w_i r_i = 1) are counted apart, as their l_i is infinite.
        var logs = new double[risks.Count];
        int certain = 0;
        double sum = 0;
        double health = HealthScore.Baseline;
        for (int i = 0; i < logs.Length; i++)
        {
            double threat = Weights.Of(risks[i].Factor) * risks[i].Risk;
            health *= 1 - threat;
            if (threat >= 1)
            {
                certain++;
                logs[i] = double.PositiveInfinity;
            }
            else
            {
                logs[i] = threat > 0 ? -Math.Log(1 - threat) : 0;
                sum += logs[i];
            }
        }

        health = Math.Max(0, Math.Min(HealthScore.Baseline, health));
        double distance = HealthScore.Baseline - health;
        var contributions = new HealthContribution[risks.Count];
        for (int i = 0; i < contributions.Length; i++)
        {
            double points = certain > 0
                ? (double.IsPositiveInfinity(logs[i]) ? distance / certain : 0)
                : (sum > 0 ? distance * logs[i] / sum : 0);
            var r = risks[i];
            contributions[i] = new HealthContribution(r.Factor, r.Risk, Weights.Of(r.Factor), points, r.Reason);
        }

        // Largest first; a stable sort keeps ties in factor order.
        return new HealthScore(health, contributions.OrderByDescending(c => c.Points).ToArray());
    }
}
