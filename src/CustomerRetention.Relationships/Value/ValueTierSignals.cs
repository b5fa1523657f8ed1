namespace CustomerRetention.Relationships;

/// <summary>
/// The facts about one relationship that <see cref="ValueTiers.Assess(ValueTierSignals, ValueTierCriteria)"/>
/// judges. The caller measures them; the library only applies the rules. The default value (all zero)
/// is a relationship with no evidence of any tier.
/// </summary>
public readonly record struct ValueTierSignals
{
    /// <summary>Creates the signals.</summary>
    /// <param name="problemResolutionRate">Share of the customer's problems or requests the seller solved. Range: 0 ≤ rate ≤ 1.</param>
    /// <param name="emotionalBalance">The balance of the customer's <see cref="EmotionalAccount"/> (points). Range: any finite number.</param>
    /// <param name="sharedValues">How many beliefs or purposes the customer has said they share with the seller. Range: ≥ 0.</param>
    public ValueTierSignals(double problemResolutionRate, double emotionalBalance, int sharedValues)
    {
        ProblemResolutionRate = Guard.Probability(problemResolutionRate);
        EmotionalBalance = Guard.Finite(emotionalBalance);
        SharedValues = Guard.NonNegative(sharedValues);
    }

    /// <summary>Share of the customer's problems or requests the seller solved, in [0, 1].</summary>
    public double ProblemResolutionRate { get; }

    /// <summary>The balance of the customer's emotional account, in points.</summary>
    public double EmotionalBalance { get; }

    /// <summary>How many beliefs or purposes the customer shares with the seller.</summary>
    public int SharedValues { get; }
}
