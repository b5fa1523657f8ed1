namespace CustomerRetention.Health;

/// <summary>One factor's part in a health score: its risk, its weight, the points it takes off the baseline, and why. Immutable.</summary>
public sealed class HealthContribution
{
    internal HealthContribution(HealthFactor factor, double risk, double weight, double points, string reason)
    {
        Factor = factor;
        Risk = risk;
        Weight = weight;
        Points = points;
        Reason = reason;
    }

    /// <summary>The factor.</summary>
    public HealthFactor Factor { get; }

    /// <summary>Its risk r in [0, 1].</summary>
    public double Risk { get; }

    /// <summary>Its weight w in [0, 1]: the share of health it takes alone at full risk.</summary>
    public double Weight { get; }

    /// <summary>
    /// The points it takes off the baseline, ≥ 0: its share of the distance 100 − health in proportion to −ln(1 − w·r),
    /// so that the points of all factors add up to that distance (<see cref="HealthScorer"/>).
    /// </summary>
    public double Points { get; }

    /// <summary>The reason in words a customer-success manager can act on.</summary>
    public string Reason { get; }

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"{Reason} (-{Points:0.#})");
}
