using System.Globalization;

namespace CustomerRetention.Relationships;

/// <summary>
/// Assesses which kind of value a relationship rests on (domain brief §1): functional ("you are
/// useful to me"), emotional ("I like you") and ideal (shared values), each building on the one below.
/// </summary>
public static class ValueTiers
{
    /// <summary>
    /// Applies the rules: functional when the resolution rate ≥ <see cref="ValueTierCriteria.MinimumResolutionRate"/>;
    /// emotional when, in addition, the emotional balance ≥ <see cref="ValueTierCriteria.MinimumEmotionalBalance"/>;
    /// ideal when, in addition, shared values ≥ <see cref="ValueTierCriteria.MinimumSharedValues"/>.
    /// A tier whose own criterion is met but whose lower tier is not reached is reported as met and not counted.
    /// </summary>
    /// <param name="signals">The caller's facts about the relationship.</param>
    /// <param name="criteria">The thresholds, e.g. <see cref="ValueTierCriteria.Default"/>.</param>
    /// <returns>The tier reached and one check per tier explaining it.</returns>
    public static ValueTierAssessment Assess(ValueTierSignals signals, ValueTierCriteria criteria)
    {
        Guard.NotNull(criteria);
        bool functional = signals.ProblemResolutionRate >= criteria.MinimumResolutionRate;
        bool emotional = signals.EmotionalBalance >= criteria.MinimumEmotionalBalance;
        bool ideal = signals.SharedValues >= criteria.MinimumSharedValues;

        var checks = new ValueTierCheck[]
        {
            new(RelationshipValue.Functional, functional, Invariant(
                $"problem resolution rate {signals.ProblemResolutionRate:0.###} {(functional ? "≥" : "<")} {criteria.MinimumResolutionRate:0.###}")),
            new(RelationshipValue.Emotional, emotional, Invariant(
                $"emotional balance {signals.EmotionalBalance:0.###} {(emotional ? "≥" : "<")} {criteria.MinimumEmotionalBalance:0.###}")
                + (emotional && !functional ? " (not counted: functional value not reached)" : string.Empty)),
            new(RelationshipValue.Ideal, ideal, Invariant(
                $"shared values {signals.SharedValues} {(ideal ? "≥" : "<")} {criteria.MinimumSharedValues}")
                + (ideal && !(functional && emotional) ? " (not counted: emotional value not reached)" : string.Empty)),
        };

        RelationshipValue reached = !functional ? RelationshipValue.None
            : !emotional ? RelationshipValue.Functional
            : !ideal ? RelationshipValue.Emotional
            : RelationshipValue.Ideal;
        return new ValueTierAssessment(reached, checks);
    }

    /// <summary>Applies <see cref="ValueTierCriteria.Default"/>; see <see cref="Assess(ValueTierSignals, ValueTierCriteria)"/>.</summary>
    /// <param name="signals">The caller's facts about the relationship.</param>
    /// <returns>The tier reached and one check per tier explaining it.</returns>
    public static ValueTierAssessment Assess(ValueTierSignals signals) => Assess(signals, ValueTierCriteria.Default);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
