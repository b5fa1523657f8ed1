namespace CustomerRetention.Health;

/// <summary>
/// The weight of each factor in the health score. Only the ratios matter: the score uses the weights of the
/// factors a customer has, divided by their sum. Immutable; replace any weight with an object initialiser:
/// <c>new HealthWeights { Tickets = 0.3 }</c> keeps the other defaults.
/// </summary>
/// <remarks>
/// The defaults (sum 1) and why: behaviour first — the purchase cadence (0.20) and P(alive) (0.15) are what the customer
/// does, not what they say; support trouble (0.20) is the touchpoint where practitioners see churn coming after the sale
/// (complaints, objections, claims); satisfaction (0.10), a renewal coming up (0.10), a spend decline (0.10) and risk words
/// (0.10) confirm it; the two changes (P(alive) drop 0.025, satisfaction drop 0.025) add a little for a customer getting worse
/// rather than one who has always been lukewarm.
/// </remarks>
public sealed class HealthWeights
{
    private readonly double[] _weights = [0.20, 0.15, 0.025, 0.20, 0.10, 0.025, 0.10, 0.10, 0.10];

    /// <summary>The default weights (see the remarks).</summary>
    public static HealthWeights Default { get; } = new();

    /// <summary>Purchase cadence. Default 0.20. Range: finite, ≥ 0.</summary>
    public double PurchaseCadence { get => _weights[0]; init => _weights[0] = Guard.NonNegative(value); }

    /// <summary>P(alive). Default 0.15. Range: finite, ≥ 0.</summary>
    public double Alive { get => _weights[1]; init => _weights[1] = Guard.NonNegative(value); }

    /// <summary>P(alive)'s fall. Default 0.025. Range: finite, ≥ 0.</summary>
    public double AliveDrop { get => _weights[2]; init => _weights[2] = Guard.NonNegative(value); }

    /// <summary>Tickets and complaints. Default 0.20. Range: finite, ≥ 0.</summary>
    public double Tickets { get => _weights[3]; init => _weights[3] = Guard.NonNegative(value); }

    /// <summary>Satisfaction level. Default 0.10. Range: finite, ≥ 0.</summary>
    public double Satisfaction { get => _weights[4]; init => _weights[4] = Guard.NonNegative(value); }

    /// <summary>Satisfaction's fall. Default 0.025. Range: finite, ≥ 0.</summary>
    public double SatisfactionDrop { get => _weights[5]; init => _weights[5] = Guard.NonNegative(value); }

    /// <summary>Renewal. Default 0.10. Range: finite, ≥ 0.</summary>
    public double Renewal { get => _weights[6]; init => _weights[6] = Guard.NonNegative(value); }

    /// <summary>Spend or usage trend. Default 0.10. Range: finite, ≥ 0.</summary>
    public double SpendTrend { get => _weights[7]; init => _weights[7] = Guard.NonNegative(value); }

    /// <summary>Risk words. Default 0.10. Range: finite, ≥ 0.</summary>
    public double RiskWords { get => _weights[8]; init => _weights[8] = Guard.NonNegative(value); }

    /// <summary>The weight of <paramref name="factor"/>.</summary>
    /// <param name="factor">The factor.</param>
    /// <returns>Its weight.</returns>
    public double Of(HealthFactor factor) => _weights[(int)Guard.Defined(factor)];
}
