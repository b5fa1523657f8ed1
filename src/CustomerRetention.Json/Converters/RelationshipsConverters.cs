using CustomerRetention.Relationships;
using NodaTime;

namespace CustomerRetention.Json.Converters;

/// <summary><see cref="EmotionalEntry"/>: <c>{ "date", "kind", "points" }</c> plus the derived <c>isDeposit</c> and <c>signedPoints</c>.</summary>
internal sealed class EmotionalEntryJsonConverter : ObjectJsonConverter<EmotionalEntry>
{
    protected override EmotionalEntry Read(JsonMembers m) =>
        new(m.Value<LocalDate>("date"), m.Value<EmotionalEntryKind>("kind"), m.Double("points"));

    protected override void Write(JsonMemberWriter w, EmotionalEntry value)
    {
        w.Value("date", value.Date);
        w.Value("kind", value.Kind);
        w.Double("points", value.Points);
        w.Boolean("isDeposit", value.IsDeposit);
        w.Double("signedPoints", value.SignedPoints);
    }
}

/// <summary><see cref="LockInLevers"/>: <c>{ "habit", "productPenetration", "policyBundling", "relationship" }</c> (<c>relationship</c> null when not measured).</summary>
internal sealed class LockInLeversJsonConverter : ObjectJsonConverter<LockInLevers>
{
    protected override LockInLevers Read(JsonMembers m) =>
        new(m.Double("habit"), m.Double("productPenetration"), m.Double("policyBundling"), m.NullableDouble("relationship"));

    protected override void Write(JsonMemberWriter w, LockInLevers value)
    {
        w.Double("habit", value.Habit);
        w.Double("productPenetration", value.ProductPenetration);
        w.Double("policyBundling", value.PolicyBundling);
        w.NullableDouble("relationship", value.Relationship);
    }
}

/// <summary><see cref="TrustRule"/>: <c>{ "required", "anyOf", "minimumOfAny" }</c>.</summary>
internal sealed class TrustRuleJsonConverter : ObjectJsonConverter<TrustRule>
{
    protected override TrustRule Read(JsonMembers m) =>
        new(m.Value<TrustSignal>("required"), m.Value<TrustSignal>("anyOf"), m.Int32("minimumOfAny"));

    protected override void Write(JsonMemberWriter w, TrustRule value)
    {
        w.Value("required", value.Required);
        w.Value("anyOf", value.AnyOf);
        w.Int32("minimumOfAny", value.MinimumOfAny);
    }
}

/// <summary><see cref="ValueTierSignals"/>: <c>{ "problemResolutionRate", "emotionalBalance", "sharedValues" }</c>.</summary>
internal sealed class ValueTierSignalsJsonConverter : ObjectJsonConverter<ValueTierSignals>
{
    protected override ValueTierSignals Read(JsonMembers m) =>
        new(m.Double("problemResolutionRate"), m.Double("emotionalBalance"), m.Int32("sharedValues"));

    protected override void Write(JsonMemberWriter w, ValueTierSignals value)
    {
        w.Double("problemResolutionRate", value.ProblemResolutionRate);
        w.Double("emotionalBalance", value.EmotionalBalance);
        w.Int32("sharedValues", value.SharedValues);
    }
}

/// <summary><see cref="Departure"/>: <c>{ "customerId", "date", "revenueLost", "reasons" }</c>.</summary>
internal sealed class DepartureJsonConverter : ObjectJsonConverter<Departure>
{
    protected override Departure Read(JsonMembers m) => new(
        m.String("customerId"), m.Value<LocalDate>("date"), m.Decimal("revenueLost"), m.Value<IReadOnlyList<ChurnReason>>("reasons"));

    protected override void Write(JsonMemberWriter w, Departure value)
    {
        w.String("customerId", value.CustomerId);
        w.Value("date", value.Date);
        w.Decimal("revenueLost", value.RevenueLost);
        w.Value("reasons", value.Reasons);
    }
}

/// <summary><see cref="TierScheme"/>: <c>{ "measure", "margin", "tiers" }</c>.</summary>
internal sealed class TierSchemeJsonConverter : ObjectJsonConverter<TierScheme>
{
    protected override TierScheme Read(JsonMembers m) =>
        new(m.Value<TierMeasure>("measure"), m.Double("margin"), m.Value<IReadOnlyList<CustomerTier>>("tiers"));

    protected override void Write(JsonMemberWriter w, TierScheme value)
    {
        w.Value("measure", value.Measure);
        w.Double("margin", value.Margin);
        w.Value("tiers", value.Tiers);
    }
}

/// <summary>
/// <see cref="EmotionalAccount"/>: <c>{ "entries", "balance" }</c> (<c>balance</c> derived); read
/// back through <see cref="EmotionalAccount.FromEntries"/>.
/// </summary>
internal sealed class EmotionalAccountJsonConverter : ObjectJsonConverter<EmotionalAccount>
{
    protected override EmotionalAccount Read(JsonMembers m) =>
        EmotionalAccount.FromEntries(m.Value<IReadOnlyList<EmotionalEntry>>("entries"));

    protected override void Write(JsonMemberWriter w, EmotionalAccount value)
    {
        w.Value("entries", value.Entries);
        w.Double("balance", value.Balance);
    }
}

/// <summary>
/// <see cref="WinBackCase"/>: <c>{ "departure", "steps": [ { "state", "date" } ], "reviews" }</c>
/// plus the derived <c>state</c>, <c>lastDate</c>, <c>wonBackOn</c>, <c>daysToWinBack</c> and
/// <c>nextReviewDue</c>; read back by replaying the case through <see cref="WinBackCase.Track"/>,
/// <see cref="WinBackCase.MoveTo"/>, <see cref="WinBackCase.Diagnose"/> (with the departure's
/// reasons) and <see cref="WinBackCase.RecordReview"/> (each review while the case is in intensive
/// care, before its next step), so every move is checked as when it was made.
/// </summary>
internal sealed class WinBackCaseJsonConverter : ObjectJsonConverter<WinBackCase>
{
    protected override WinBackCase Read(JsonMembers m)
    {
        Departure departure = m.Value<Departure>("departure");
        IReadOnlyList<WinBackStep> steps = m.Value<IReadOnlyList<WinBackStep>>("steps");
        IReadOnlyList<LocalDate> reviews = m.Value<IReadOnlyList<LocalDate>>("reviews");
        if (steps.Count == 0 || steps[0].State != WinBackState.Tracked)
        {
            throw new ArgumentException("A win-back case starts with its 'tracked' step.", "steps");
        }

        WinBackCase replay = WinBackCase.Track(departure, steps[0].Date);
        int review = 0;
        for (int i = 1; i <= steps.Count; i++)
        {
            LocalDate? next = i < steps.Count ? steps[i].Date : null;
            while (replay.State == WinBackState.IntensiveCare && review < reviews.Count && (next is null || reviews[review] <= next))
            {
                replay = replay.RecordReview(reviews[review++]);
            }

            if (i < steps.Count)
            {
                replay = steps[i].State == WinBackState.Diagnosed
                    ? replay.Diagnose(steps[i].Date, departure.Reasons)
                    : replay.MoveTo(steps[i].State, steps[i].Date);
            }
        }

        return review == reviews.Count
            ? replay
            : throw new ArgumentException("Every review is held while the case is in intensive care.", "reviews");
    }

    protected override void Write(JsonMemberWriter w, WinBackCase value)
    {
        w.Value("departure", value.Departure);
        w.Value("state", value.State);
        w.Value("steps", value.Steps);
        w.Value("reviews", value.Reviews);
        w.Value("lastDate", value.LastDate);
        w.NullableValue("wonBackOn", value.WonBackOn);
        w.NullableValue("daysToWinBack", value.DaysToWinBack);
        w.NullableValue("nextReviewDue", value.NextReviewDue);
    }
}
