using CustomerRetention.Satisfaction;

namespace CustomerRetention.Json.Converters;

/// <summary><see cref="AcsiWeights"/>: <c>{ "overall", "expectations", "ideal" }</c>.</summary>
internal sealed class AcsiWeightsJsonConverter : ObjectJsonConverter<AcsiWeights>
{
    protected override AcsiWeights Read(JsonMembers m) => new(m.Double("overall"), m.Double("expectations"), m.Double("ideal"));

    protected override void Write(JsonMemberWriter w, AcsiWeights value)
    {
        w.Double("overall", value.Overall);
        w.Double("expectations", value.Expectations);
        w.Double("ideal", value.Ideal);
    }
}

/// <summary><see cref="ConfidenceInterval"/>: <c>{ "lower", "upper", "level" }</c> plus the derived <c>halfWidth</c>.</summary>
internal sealed class ConfidenceIntervalJsonConverter : ObjectJsonConverter<ConfidenceInterval>
{
    protected override ConfidenceInterval Read(JsonMembers m) => new(m.Double("lower"), m.Double("upper"), m.Double("level"));

    protected override void Write(JsonMemberWriter w, ConfidenceInterval value)
    {
        w.Double("lower", value.Lower);
        w.Double("upper", value.Upper);
        w.Double("level", value.Level);
        w.Double("halfWidth", value.HalfWidth);
    }
}

/// <summary><see cref="MeanEstimate"/>: <c>{ "count", "mean", "standardDeviation" }</c> plus the derived <c>standardError</c>.</summary>
internal sealed class MeanEstimateJsonConverter : ObjectJsonConverter<MeanEstimate>
{
    protected override MeanEstimate Read(JsonMembers m) => new(m.Int64("count"), m.Double("mean"), m.Double("standardDeviation"));

    protected override void Write(JsonMemberWriter w, MeanEstimate value)
    {
        w.Int64("count", value.Count);
        w.Double("mean", value.Mean);
        w.Double("standardDeviation", value.StandardDeviation);
        w.Double("standardError", value.StandardError);
    }
}

/// <summary>
/// <see cref="KanoTally"/>: the six counts (<c>attractive</c>, <c>oneDimensional</c>,
/// <c>mustBe</c>, <c>indifferent</c>, <c>reverse</c>, <c>questionable</c>) plus the derived
/// <c>count</c>, <c>better</c>, <c>worse</c> and <c>category</c>.
/// </summary>
internal sealed class KanoTallyJsonConverter : ObjectJsonConverter<KanoTally>
{
    protected override KanoTally Read(JsonMembers m) => new(
        m.Int64("attractive"), m.Int64("oneDimensional"), m.Int64("mustBe"), m.Int64("indifferent"), m.Int64("reverse"), m.Int64("questionable"));

    protected override void Write(JsonMemberWriter w, KanoTally value)
    {
        w.Int64("attractive", value.Attractive);
        w.Int64("oneDimensional", value.OneDimensional);
        w.Int64("mustBe", value.MustBe);
        w.Int64("indifferent", value.Indifferent);
        w.Int64("reverse", value.Reverse);
        w.Int64("questionable", value.Questionable);
        w.Int64("count", value.Count);
        w.Double("better", value.Better);
        w.Double("worse", value.Worse);
        w.Value("category", value.Category);
    }
}

/// <summary>
/// <see cref="NpsResult"/>: <c>{ "promoters", "passives", "detractors" }</c> plus the derived
/// <c>count</c>, shares, <c>score</c>, <c>variance</c> and <c>standardError</c>.
/// </summary>
internal sealed class NpsResultJsonConverter : ObjectJsonConverter<NpsResult>
{
    protected override NpsResult Read(JsonMembers m) => new(m.Int64("promoters"), m.Int64("passives"), m.Int64("detractors"));

    protected override void Write(JsonMemberWriter w, NpsResult value)
    {
        w.Int64("promoters", value.Promoters);
        w.Int64("passives", value.Passives);
        w.Int64("detractors", value.Detractors);
        w.Int64("count", value.Count);
        w.Double("promoterShare", value.PromoterShare);
        w.Double("passiveShare", value.PassiveShare);
        w.Double("detractorShare", value.DetractorShare);
        w.Double("score", value.Score);
        w.Double("variance", value.Variance);
        w.Double("standardError", value.StandardError);
    }
}

/// <summary>
/// <see cref="NpsComparison"/>: <c>{ "difference", "standardError", "level" }</c> plus the derived
/// <c>z</c>, <c>pValue</c>, <c>isSignificant</c> and <c>interval</c>.
/// </summary>
internal sealed class NpsComparisonJsonConverter : ObjectJsonConverter<NpsComparison>
{
    protected override NpsComparison Read(JsonMembers m) => new(m.Double("difference"), m.Double("standardError"), m.Double("level"));

    protected override void Write(JsonMemberWriter w, NpsComparison value)
    {
        w.Double("difference", value.Difference);
        w.Double("standardError", value.StandardError);
        w.Double("level", value.Level);
        w.Double("z", value.Z);
        w.Double("pValue", value.PValue);
        w.Boolean("isSignificant", value.IsSignificant);
        w.Value("interval", value.Interval);
    }
}

/// <summary>
/// <see cref="ComplaintCase"/>: <c>{ "caseId", "customerId", "steps": [ { "step", "note" } ] }</c>
/// plus the derived <c>nextStep</c> and <c>isClosed</c>; read back by replaying the steps through
/// <see cref="ComplaintCase.Record"/>, which checks their order.
/// </summary>
internal sealed class ComplaintCaseJsonConverter : ObjectJsonConverter<ComplaintCase>
{
    protected override ComplaintCase Read(JsonMembers m)
    {
        var complaint = new ComplaintCase(m.String("caseId"), m.Has("customerId") ? m.String("customerId") : null);
        foreach (ComplaintStepNote step in m.Value<IReadOnlyList<ComplaintStepNote>>("steps"))
        {
            complaint = complaint.Record(step.Step, step.Note);
        }

        return complaint;
    }

    protected override void Write(JsonMemberWriter w, ComplaintCase value)
    {
        w.String("caseId", value.CaseId);
        w.NullableString("customerId", value.CustomerId);
        w.Value<IReadOnlyList<ComplaintStepNote>>("steps", value.Steps.Select(s => new ComplaintStepNote(s.Step, s.Note)).ToArray());
        w.NullableValue("nextStep", value.NextStep);
        w.Boolean("isClosed", value.IsClosed);
    }
}

/// <summary>One step of a <see cref="ComplaintCase"/> on the wire (the shape of <see cref="ComplaintStepRecord"/>).</summary>
internal readonly record struct ComplaintStepNote(ComplaintStep Step, string Note);

/// <summary>
/// <see cref="GradeTreatment"/>: its members as written; read back as the library's own
/// description of the <c>grade</c> (<see cref="LoyaltyContributionMatrix.Treatment"/>), and only
/// when every stored member agrees with it.
/// </summary>
internal sealed class GradeTreatmentJsonConverter : ObjectJsonConverter<GradeTreatment>
{
    protected override GradeTreatment Read(JsonMembers m)
    {
        GradeTreatment known = LoyaltyContributionMatrix.Treatment(m.Value<LoyaltyGrade>("grade"));
        bool same = m.Boolean("highLoyalty") == known.HighLoyalty
            && m.Value<ContributionLevel>("contribution") == known.Contribution
            && m.String("name") == known.Name
            && m.String("treatment") == known.Treatment;
        return same ? known : throw new ArgumentException($"The members differ from the library's description of grade {known.Grade}.", "grade");
    }

    protected override void Write(JsonMemberWriter w, GradeTreatment value)
    {
        w.Value("grade", value.Grade);
        w.Boolean("highLoyalty", value.HighLoyalty);
        w.Value("contribution", value.Contribution);
        w.String("name", value.Name);
        w.String("treatment", value.Treatment);
    }
}

/// <summary>
/// <see cref="ServiceGapDescription"/>: its members as written; read back as the library's own
/// description of the <c>gap</c> (<see cref="ServiceGapModel.Describe"/>), and only when every
/// stored member agrees with it.
/// </summary>
internal sealed class ServiceGapDescriptionJsonConverter : ObjectJsonConverter<ServiceGapDescription>
{
    protected override ServiceGapDescription Read(JsonMembers m)
    {
        ServiceGapDescription known = ServiceGapModel.Describe(m.Value<ServiceGap>("gap"));
        bool same = m.Int32("number") == known.Number
            && m.String("name") == known.Name
            && m.String("from") == known.From
            && m.String("to") == known.To
            && m.String("manage") == known.Manage;
        return same ? known : throw new ArgumentException($"The members differ from the library's description of gap {known.Gap}.", "gap");
    }

    protected override void Write(JsonMemberWriter w, ServiceGapDescription value)
    {
        w.Value("gap", value.Gap);
        w.Int32("number", value.Number);
        w.String("name", value.Name);
        w.String("from", value.From);
        w.String("to", value.To);
        w.String("manage", value.Manage);
    }
}
