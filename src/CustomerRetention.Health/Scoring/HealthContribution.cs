namespace CustomerRetention.Health;

/// <summary>One factor's part in a health score: its risk, its share of the weight, the points it takes off the baseline, and why. Immutable.</summary>
public sealed class HealthContribution
{
    internal HealthContribution(HealthFactor factor, double risk, double weightShare, string reason)
    {
        Factor = factor;
        Risk = risk;
        WeightShare = weightShare;
        Points = HealthScore.Baseline * weightShare * risk;
        Reason = reason;
    }

    /// <summary>The factor.</summary>
    public HealthFactor Factor { get; }

    /// <summary>Its risk in [0, 1].</summary>
    public double Risk { get; }

    /// <summary>Its weight divided by the sum of the weights of the customer's factors, in [0, 1].</summary>
    public double WeightShare { get; }

    /// <summary>Points it takes off the baseline: 100 × weight share × risk, ≥ 0.</summary>
    public double Points { get; }

    /// <summary>The reason in words a customer-success manager can act on.</summary>
    public string Reason { get; }

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"{Reason} (-{Points:0.#})");
}
