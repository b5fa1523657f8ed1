namespace CustomerRetention.Relationships;

/// <summary>
/// The criterion of one forward transition of a <see cref="TrustTracker"/>: every signal in
/// <see cref="Required"/> and at least <see cref="MinimumOfAny"/> of the signals in <see cref="AnyOf"/>,
/// collected since the tracker entered the stage below.
/// </summary>
public readonly record struct TrustRule
{
    /// <summary>Creates a rule.</summary>
    /// <param name="required">Signals that must all be seen.</param>
    /// <param name="anyOf">Signals of which at least <paramref name="minimumOfAny"/> must be seen.</param>
    /// <param name="minimumOfAny">How many of <paramref name="anyOf"/>. Range: 0 ≤ n ≤ the number of flags in <paramref name="anyOf"/>.</param>
    public TrustRule(TrustSignal required, TrustSignal anyOf, int minimumOfAny)
    {
        Guard.NonNegative(minimumOfAny);
        if (minimumOfAny > TrustTracker.CountFlags(anyOf))
        {
            throw new ArgumentOutOfRangeException(nameof(minimumOfAny), minimumOfAny, "Value must not exceed the number of signals in anyOf.");
        }

        if (required == TrustSignal.None && minimumOfAny == 0)
        {
            throw new ArgumentException("A rule must ask for at least one signal.", nameof(required));
        }

        Required = required;
        AnyOf = anyOf;
        MinimumOfAny = minimumOfAny;
    }

    /// <summary>Signals that must all be seen.</summary>
    public TrustSignal Required { get; }

    /// <summary>Signals of which at least <see cref="MinimumOfAny"/> must be seen.</summary>
    public TrustSignal AnyOf { get; }

    /// <summary>How many of <see cref="AnyOf"/> must be seen.</summary>
    public int MinimumOfAny { get; }

    /// <summary>Whether <paramref name="seen"/> satisfies the rule. A default rule (asking for nothing) is never satisfied.</summary>
    /// <param name="seen">The signals collected.</param>
    /// <returns>True when every required signal and enough of the others are in <paramref name="seen"/>.</returns>
    public bool IsMetBy(TrustSignal seen) =>
        (Required != TrustSignal.None || MinimumOfAny > 0)
        && (seen & Required) == Required
        && TrustTracker.CountFlags(seen & AnyOf) >= MinimumOfAny;
}

/// <summary>
/// The rules of the four forward transitions of a <see cref="TrustTracker"/>. <see cref="Default"/>
/// follows the domain brief §1 (the ingredients of each stage); how many of them suffice is this
/// library's choice, documented on <see cref="Default"/>.
/// </summary>
public sealed record TrustCriteria
{
    /// <summary>Creates criteria.</summary>
    /// <param name="toGuardLowered">Stranger → guard lowered.</param>
    /// <param name="toFavour">Guard lowered → favour.</param>
    /// <param name="toTrust">Favour → trust.</param>
    /// <param name="toDependence">Trust → dependence.</param>
    public TrustCriteria(TrustRule toGuardLowered, TrustRule toFavour, TrustRule toTrust, TrustRule toDependence)
    {
        ToGuardLowered = Valid(toGuardLowered, nameof(toGuardLowered));
        ToFavour = Valid(toFavour, nameof(toFavour));
        ToTrust = Valid(toTrust, nameof(toTrust));
        ToDependence = Valid(toDependence, nameof(toDependence));
    }

    /// <summary>
    /// The default rules: guard lowered = a concrete benefit and one of neutral wording or a
    /// placeable identity; favour = gave first and one of appearance, praise, similarity; trust = two
    /// of expertise, social proof, diagnostic questions; dependence = returned unprompted and sought advice.
    /// </summary>
    public static TrustCriteria Default { get; } = new(
        new TrustRule(TrustSignal.ConcreteBenefit, TrustSignal.NeutralWording | TrustSignal.PlaceableIdentity, 1),
        new TrustRule(TrustSignal.GaveFirst, TrustSignal.Appearance | TrustSignal.Praise | TrustSignal.Similarity, 1),
        new TrustRule(TrustSignal.None, TrustSignal.Expertise | TrustSignal.SocialProof | TrustSignal.DiagnosticQuestions, 2),
        new TrustRule(TrustSignal.ReturnedUnprompted | TrustSignal.SoughtAdvice, TrustSignal.None, 0));

    /// <summary>Stranger → guard lowered.</summary>
    public TrustRule ToGuardLowered { get; }

    /// <summary>Guard lowered → favour.</summary>
    public TrustRule ToFavour { get; }

    /// <summary>Favour → trust.</summary>
    public TrustRule ToTrust { get; }

    /// <summary>Trust → dependence.</summary>
    public TrustRule ToDependence { get; }

    /// <summary>The rule that leads out of <paramref name="from"/> to the next stage.</summary>
    /// <param name="from">Any stage below <see cref="TrustStage.Dependence"/>.</param>
    /// <returns>The rule of the transition from → from + 1.</returns>
    public TrustRule RuleFrom(TrustStage from) => Guard.Defined(from) switch
    {
        TrustStage.Stranger => ToGuardLowered,
        TrustStage.GuardLowered => ToFavour,
        TrustStage.Favour => ToTrust,
        TrustStage.Trust => ToDependence,
        _ => throw new ArgumentOutOfRangeException(nameof(from), from, "Dependence is the last stage: no rule leads out of it."),
    };

    private static TrustRule Valid(TrustRule rule, string name) =>
        rule.Required == TrustSignal.None && rule.MinimumOfAny == 0
            ? throw new ArgumentException("A rule must ask for at least one signal (default(TrustRule) asks for none).", name)
            : rule;
}
