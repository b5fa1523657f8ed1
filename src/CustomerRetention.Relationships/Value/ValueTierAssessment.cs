namespace CustomerRetention.Relationships;

/// <summary>One rule of a value-tier assessment: the tier it tests, whether its own criterion is met, and why.</summary>
public sealed record ValueTierCheck
{
    /// <summary>Creates a check.</summary>
    /// <param name="tier">The tier the rule tests (not <see cref="RelationshipValue.None"/>).</param>
    /// <param name="met">Whether the tier's own criterion is met (whatever the tiers below).</param>
    /// <param name="reason">The explanation, naming the signal and the threshold.</param>
    public ValueTierCheck(RelationshipValue tier, bool met, string reason)
    {
        Reason = Guard.NotNullOrWhiteSpace(reason);
        Tier = Guard.Defined(tier);
        Met = met;
    }

    /// <summary>The tier the rule tests.</summary>
    public RelationshipValue Tier { get; }

    /// <summary>Whether the tier's own criterion is met.</summary>
    public bool Met { get; }

    /// <summary>The explanation, naming the signal and the threshold.</summary>
    public string Reason { get; }
}

/// <summary>
/// The result of <see cref="ValueTiers.Assess(ValueTierSignals, ValueTierCriteria)"/>: the tier reached
/// and the checks that explain it, one per tier from functional to ideal.
/// </summary>
public sealed record ValueTierAssessment
{
    /// <summary>Creates an assessment.</summary>
    /// <param name="reached">The highest tier whose criterion and every lower tier's criterion are met.</param>
    /// <param name="checks">The checks, functional first.</param>
    public ValueTierAssessment(RelationshipValue reached, IReadOnlyList<ValueTierCheck> checks)
    {
        Checks = Guard.NotNull(checks);
        Reached = Guard.Defined(reached);
    }

    /// <summary>The highest tier whose criterion and every lower tier's criterion are met.</summary>
    public RelationshipValue Reached { get; }

    /// <summary>The checks, functional first; each says whether its criterion is met and why.</summary>
    public IReadOnlyList<ValueTierCheck> Checks { get; }
}
