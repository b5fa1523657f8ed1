namespace CustomerRetention.Health;

/// <summary>
/// The weight of each factor in the health score: the largest share of health that the factor alone can take, when its
/// risk is 1 (<see cref="HealthScorer"/>: health = 100 × Π (1 − wᵢ rᵢ)). Immutable; replace any weight with an object
/// initialiser: <c>new HealthWeights { Tickets = 0.8 }</c> keeps the other defaults.
/// </summary>
/// <remarks>
/// The defaults and why. Behaviour weighs most: a customer four times past their own purchase rhythm (cadence 0.8) or with
/// P(alive) near 0 (0.8) is at most 20 on their own — critical — because what customers do is the strongest evidence.
/// Touchpoints after the sale come next: a heavy ticket load (0.6; the ticket risk only approaches 1) and explicit cancellation
/// words (0.6) each leave at most 40 — at risk. A detractor's answer (satisfaction 0.5), a renewal due with no decision-maker
/// engaged (0.4) and a spend collapse (0.4) each leave 50–60 — watch; they confirm the others more than they decide alone.
/// The two changes (P(alive) drop 0.3, satisfaction drop 0.3) add a little for a customer getting worse rather than one
/// who has always been lukewarm. Two signals compound: renewal due (0.6 kept) and a cancellation word (0.4 kept) leave 24.
/// </remarks>
public sealed class HealthWeights
{
    private readonly double[] _weights = [0.8, 0.8, 0.3, 0.6, 0.5, 0.3, 0.4, 0.4, 0.6];

    /// <summary>The default weights (see the remarks).</summary>
    public static HealthWeights Default { get; } = new();

    /// <summary>Purchase cadence. Default 0.8. Range: 0 ≤ w ≤ 1.</summary>
    public double PurchaseCadence { get => _weights[0]; init => _weights[0] = Guard.InRange(value, 0, 1); }

    /// <summary>P(alive). Default 0.8. Range: 0 ≤ w ≤ 1.</summary>
    public double Alive { get => _weights[1]; init => _weights[1] = Guard.InRange(value, 0, 1); }

    /// <summary>P(alive)'s fall. Default 0.3. Range: 0 ≤ w ≤ 1.</summary>
    public double AliveDrop { get => _weights[2]; init => _weights[2] = Guard.InRange(value, 0, 1); }

    /// <summary>Tickets and complaints. Default 0.6. Range: 0 ≤ w ≤ 1.</summary>
    public double Tickets { get => _weights[3]; init => _weights[3] = Guard.InRange(value, 0, 1); }

    /// <summary>Satisfaction level. Default 0.5. Range: 0 ≤ w ≤ 1.</summary>
    public double Satisfaction { get => _weights[4]; init => _weights[4] = Guard.InRange(value, 0, 1); }

    /// <summary>Satisfaction's fall. Default 0.3. Range: 0 ≤ w ≤ 1.</summary>
    public double SatisfactionDrop { get => _weights[5]; init => _weights[5] = Guard.InRange(value, 0, 1); }

    /// <summary>Renewal. Default 0.4. Range: 0 ≤ w ≤ 1.</summary>
    public double Renewal { get => _weights[6]; init => _weights[6] = Guard.InRange(value, 0, 1); }

    /// <summary>Spend or usage trend. Default 0.4. Range: 0 ≤ w ≤ 1.</summary>
    public double SpendTrend { get => _weights[7]; init => _weights[7] = Guard.InRange(value, 0, 1); }

    /// <summary>Risk words. Default 0.6. Range: 0 ≤ w ≤ 1.</summary>
    public double RiskWords { get => _weights[8]; init => _weights[8] = Guard.InRange(value, 0, 1); }

    /// <summary>The weight of <paramref name="factor"/>.</summary>
    /// <param name="factor">The factor.</param>
    /// <returns>Its weight.</returns>
    public double Of(HealthFactor factor) => _weights[(int)Guard.Defined(factor)];
}
