using NodaTime;

namespace CustomerRetention.Relationships;

/// <summary>The follow-up class of a prospect after a first contact (domain brief §1).</summary>
public enum ProspectClass
{
    /// <summary>Very promising: already focused on a model (a particular product).</summary>
    VeryPromising = 0,

    /// <summary>Promising: a budget and a clear need, high interest.</summary>
    Promising = 1,

    /// <summary>Ordinary: a clear need, average interest.</summary>
    Ordinary = 2,

    /// <summary>No intent: an explicit refusal, or neither a clear need nor interest.</summary>
    NoIntent = 3,
}

/// <summary>How interested a prospect showed themselves at the first contact.</summary>
public enum InterestLevel
{
    /// <summary>Little or no interest.</summary>
    Low = 0,

    /// <summary>Average interest.</summary>
    Average = 1,

    /// <summary>High interest.</summary>
    High = 2,
}

/// <summary>The channel of a follow-up (domain brief §1: message, call, visit).</summary>
public enum FollowUpChannel
{
    /// <summary>A written message (text, e-mail, chat).</summary>
    Message = 0,

    /// <summary>A telephone call.</summary>
    Call = 1,

    /// <summary>A visit in person.</summary>
    Visit = 2,
}

/// <summary>What to talk about in a follow-up (domain brief §1). Flags: a plan may name several.</summary>
[Flags]
public enum FollowUpTopic
{
    /// <summary>No topic.</summary>
    None = 0,

    /// <summary>An open question left over from the last contact.</summary>
    OpenQuestion = 1,

    /// <summary>Help with a personal need of the customer.</summary>
    PersonalNeed = 2,

    /// <summary>News the customer cares about.</summary>
    News = 4,

    /// <summary>Small talk, to keep in touch.</summary>
    SmallTalk = 8,
}

/// <summary>What a first contact showed about a prospect: need, interest, budget, focus, refusal.</summary>
/// <param name="ClearNeed">Whether the prospect has a clear need.</param>
/// <param name="Interest">How interested the prospect showed themselves.</param>
/// <param name="HasBudget">Whether the prospect has a budget.</param>
/// <param name="FocusedOnModel">Whether the prospect is already focused on a particular model or product.</param>
/// <param name="ExplicitRefusal">Whether the prospect refused explicitly.</param>
public readonly record struct ProspectSignals(bool ClearNeed, InterestLevel Interest, bool HasBudget, bool FocusedOnModel, bool ExplicitRefusal);

/// <summary>A prospect's class and the rule that put it there.</summary>
/// <param name="Class">The follow-up class.</param>
/// <param name="Reason">The rule that decided, in words.</param>
public sealed record ProspectClassification(ProspectClass Class, string Reason)
{
    /// <summary>The rule that decided, in words.</summary>
    public string Reason { get; } = Guard.NotNullOrWhiteSpace(Reason);

    /// <summary>The follow-up class.</summary>
    public ProspectClass Class { get; } = Guard.Defined(Class);
}

/// <summary>How to follow up one class of prospect: by which channel, how often, about what.</summary>
public sealed record FollowUpPlan
{
    /// <summary>Creates a plan.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="cadence">The time between follow-ups. Range: a positive period of days, weeks, months or years.</param>
    /// <param name="topics">What to talk about (at least one topic).</param>
    public FollowUpPlan(FollowUpChannel channel, Period cadence, FollowUpTopic topics)
    {
        Guard.NotNull(cadence);
        Channel = Guard.Defined(channel);
        if (cadence.HasTimeComponent || cadence.Normalize() == Period.Zero
            || cadence.Years < 0 || cadence.Months < 0 || cadence.Weeks < 0 || cadence.Days < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(cadence), cadence, "Value must be a positive period of whole days, weeks, months or years.");
        }

        if (topics == FollowUpTopic.None || ((int)topics & ~15) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(topics), topics, "Value must name at least one defined topic.");
        }

        Cadence = cadence;
        Topics = topics;
    }

    /// <summary>The channel.</summary>
    public FollowUpChannel Channel { get; }

    /// <summary>The time between follow-ups.</summary>
    public Period Cadence { get; }

    /// <summary>What to talk about.</summary>
    public FollowUpTopic Topics { get; }

    /// <summary>The day of the next follow-up after a contact on <paramref name="lastContact"/>.</summary>
    /// <param name="lastContact">The day of the latest contact.</param>
    /// <returns><paramref name="lastContact"/> + <see cref="Cadence"/>.</returns>
    public LocalDate NextContact(LocalDate lastContact) => lastContact.Plus(Cadence);
}

/// <summary>
/// Classifies prospects after a first contact and gives each class its follow-up plan (domain brief §1:
/// very promising, promising, ordinary, no intent; channels message, call, visit; topics an open
/// question, a personal need, news, small talk).
/// </summary>
public static class Prospects
{
    /// <summary>
    /// The library's default follow-up plans (the source names the channels and topics, not the pairing
    /// or the cadence): very promising — visit every 3 days, open question and personal need; promising —
    /// call weekly, open question and news; ordinary — message every 2 weeks, news and small talk;
    /// no intent — message every 3 months, small talk.
    /// </summary>
    public static IReadOnlyDictionary<ProspectClass, FollowUpPlan> DefaultPlans { get; } = new System.Collections.ObjectModel.ReadOnlyDictionary<ProspectClass, FollowUpPlan>(new Dictionary<ProspectClass, FollowUpPlan>
    {
        [ProspectClass.VeryPromising] = new(FollowUpChannel.Visit, Period.FromDays(3), FollowUpTopic.OpenQuestion | FollowUpTopic.PersonalNeed),
        [ProspectClass.Promising] = new(FollowUpChannel.Call, Period.FromWeeks(1), FollowUpTopic.OpenQuestion | FollowUpTopic.News),
        [ProspectClass.Ordinary] = new(FollowUpChannel.Message, Period.FromWeeks(2), FollowUpTopic.News | FollowUpTopic.SmallTalk),
        [ProspectClass.NoIntent] = new(FollowUpChannel.Message, Period.FromMonths(3), FollowUpTopic.SmallTalk),
    });

    /// <summary>
    /// Applies the rules in order: an explicit refusal → no intent; focused on a model → very promising;
    /// a budget, a clear need and high interest → promising; a clear need and at least average
    /// interest → ordinary; anything else → no intent.
    /// </summary>
    /// <param name="signals">What the first contact showed.</param>
    /// <returns>The class and the rule that decided.</returns>
    public static ProspectClassification Classify(ProspectSignals signals)
    {
        Guard.Defined(signals.Interest, nameof(signals));
        if (signals.ExplicitRefusal)
        {
            return new(ProspectClass.NoIntent, "explicit refusal");
        }

        if (signals.FocusedOnModel)
        {
            return new(ProspectClass.VeryPromising, "focused on a model");
        }

        if (signals.HasBudget && signals.ClearNeed && signals.Interest == InterestLevel.High)
        {
            return new(ProspectClass.Promising, "budget, clear need and high interest");
        }

        if (signals.ClearNeed && signals.Interest >= InterestLevel.Average)
        {
            return new(ProspectClass.Ordinary, signals.Interest == InterestLevel.High
                ? "clear need and high interest but no budget"
                : "clear need and average interest");
        }

        return new(ProspectClass.NoIntent, signals.ClearNeed ? "clear need but low interest" : "no clear need");
    }

    /// <summary>The default follow-up plan of <paramref name="prospectClass"/> (<see cref="DefaultPlans"/>).</summary>
    /// <param name="prospectClass">A defined class.</param>
    /// <returns>The plan.</returns>
    public static FollowUpPlan PlanFor(ProspectClass prospectClass) => DefaultPlans[Guard.Defined(prospectClass)];
}
