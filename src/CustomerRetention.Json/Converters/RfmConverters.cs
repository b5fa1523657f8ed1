using CustomerRetention.Rfm;

namespace CustomerRetention.Json.Converters;

/// <summary><see cref="RfmValues"/>: <c>{ "recencyDays", "frequency", "monetary" }</c>.</summary>
internal sealed class RfmValuesJsonConverter : ObjectJsonConverter<RfmValues>
{
    protected override RfmValues Read(JsonMembers m) => new(m.Int32("recencyDays"), m.Int32("frequency"), m.Decimal("monetary"));

    protected override void Write(JsonMemberWriter w, RfmValues value)
    {
        w.Int32("recencyDays", value.RecencyDays);
        w.Int32("frequency", value.Frequency);
        w.Decimal("monetary", value.Monetary);
    }
}

/// <summary>
/// <see cref="RfmScore"/>: <c>{ "r", "f", "m", "code" }</c> (<c>code</c> is written for readers and
/// ignored when reading). The unscored value is <c>0, 0, 0</c>.
/// </summary>
internal sealed class RfmScoreJsonConverter : ObjectJsonConverter<RfmScore>
{
    protected override RfmScore Read(JsonMembers m)
    {
        int r = m.Int32("r"), f = m.Int32("f"), mm = m.Int32("m");
        return r == 0 && f == 0 && mm == 0 ? default : new RfmScore(r, f, mm);
    }

    protected override void Write(JsonMemberWriter w, RfmScore value)
    {
        w.Int32("r", value.R);
        w.Int32("f", value.F);
        w.Int32("m", value.M);
        w.Int32("code", value.Code);
    }
}

/// <summary><see cref="ScoreRange"/>: <c>{ "min", "max" }</c>.</summary>
internal sealed class ScoreRangeJsonConverter : ObjectJsonConverter<ScoreRange>
{
    protected override ScoreRange Read(JsonMembers m) => new(m.Int32("min"), m.Int32("max"));

    protected override void Write(JsonMemberWriter w, ScoreRange value)
    {
        w.Int32("min", value.Min);
        w.Int32("max", value.Max);
    }
}

/// <summary><see cref="PurchaseCadence"/>: <c>{ "purchaseDays", "meanGapDays" }</c>.</summary>
internal sealed class PurchaseCadenceJsonConverter : ObjectJsonConverter<PurchaseCadence>
{
    protected override PurchaseCadence Read(JsonMembers m) => new(m.Int32("purchaseDays"), m.Double("meanGapDays"));

    protected override void Write(JsonMemberWriter w, PurchaseCadence value)
    {
        w.Int32("purchaseDays", value.PurchaseDays);
        w.Double("meanGapDays", value.MeanGapDays);
    }
}

/// <summary><see cref="CustomerSignals"/>: <c>{ "values", "score", "previousScore", "cadence" }</c>.</summary>
internal sealed class CustomerSignalsJsonConverter : ObjectJsonConverter<CustomerSignals>
{
    protected override CustomerSignals Read(JsonMembers m) => new(
        m.Value<RfmValues>("values"), m.Value<RfmScore>("score"), m.Value<RfmScore>("previousScore"), m.Value<PurchaseCadence>("cadence"));

    protected override void Write(JsonMemberWriter w, CustomerSignals value)
    {
        w.Value("values", value.Values);
        w.Value("score", value.Score);
        w.Value("previousScore", value.PreviousScore);
        w.Value("cadence", value.Cadence);
    }
}

/// <summary><see cref="ThresholdCondition"/>: <c>{ "dimension", "target", "atLeast", "limit" }</c>.</summary>
internal sealed class ThresholdConditionJsonConverter : ObjectJsonConverter<ThresholdCondition>
{
    protected override ThresholdCondition Read(JsonMembers m) => new(
        m.Value<RfmDimension>("dimension"), m.Value<ThresholdTarget>("target"), m.Boolean("atLeast"), m.Double("limit"));

    protected override void Write(JsonMemberWriter w, ThresholdCondition value)
    {
        w.Value("dimension", value.Dimension);
        w.Value("target", value.Target);
        w.Boolean("atLeast", value.AtLeast);
        w.Double("limit", value.Limit);
    }
}

/// <summary><see cref="SegmentRule"/>: <c>{ "segment", "recency", "frequency", "monetary" }</c> (<c>monetary</c> null for any).</summary>
internal sealed class SegmentRuleJsonConverter : ObjectJsonConverter<SegmentRule>
{
    protected override SegmentRule Read(JsonMembers m) => new(
        m.Value<Segment>("segment"), m.Value<ScoreRange>("recency"), m.Value<ScoreRange>("frequency"), m.NullableValue<ScoreRange>("monetary"));

    protected override void Write(JsonMemberWriter w, SegmentRule value)
    {
        w.Value("segment", value.Segment);
        w.Value("recency", value.Recency);
        w.Value("frequency", value.Frequency);
        w.NullableValue("monetary", value.Monetary);
    }
}

/// <summary><see cref="SegmentMap"/>: <c>{ "bins", "rules", "fallback" }</c> (<c>fallback</c> null for none; the list of segments is derived from the rules).</summary>
internal sealed class SegmentMapJsonConverter : ObjectJsonConverter<SegmentMap>
{
    protected override SegmentMap Read(JsonMembers m) => new(
        m.Int32("bins"), m.Value<IReadOnlyList<SegmentRule>>("rules"), m.NullableReference<Segment>("fallback"));

    protected override void Write(JsonMemberWriter w, SegmentMap value)
    {
        w.Int32("bins", value.Bins);
        w.Value("rules", value.Rules);
        w.Value("fallback", value.Fallback);
    }
}

/// <summary>
/// <see cref="RfmBinning"/>: <c>{ "method", "bins", "recencyThresholds", "frequencyThresholds",
/// "monetaryThresholds" }</c>, rebuilt through <see cref="RfmBinning.Quantile"/>,
/// <see cref="RfmBinning.Ntile"/> or <see cref="RfmBinning.Thresholds"/>.
/// </summary>
internal sealed class RfmBinningJsonConverter : ObjectJsonConverter<RfmBinning>
{
    protected override RfmBinning Read(JsonMembers m)
    {
        BinningMethod method = m.Value<BinningMethod>("method");
        int bins = m.Int32("bins");
        RfmBinning binning = method switch
        {
            BinningMethod.Quantile => RfmBinning.Quantile(bins),
            BinningMethod.Ntile => RfmBinning.Ntile(bins),
            BinningMethod.Thresholds => RfmBinning.Thresholds(
                m.Value<IReadOnlyList<double>>("recencyThresholds"),
                m.Value<IReadOnlyList<double>>("frequencyThresholds"),
                m.Value<IReadOnlyList<double>>("monetaryThresholds")),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown binning method."),
        };
        return binning.Bins == bins
            ? binning
            : throw new ArgumentException($"{bins} bins do not match the {binning.Bins} the thresholds give.", nameof(bins));
    }

    protected override void Write(JsonMemberWriter w, RfmBinning value)
    {
        w.Value("method", value.Method);
        w.Int32("bins", value.Bins);
        w.Value("recencyThresholds", value.RecencyThresholds);
        w.Value("frequencyThresholds", value.FrequencyThresholds);
        w.Value("monetaryThresholds", value.MonetaryThresholds);
    }
}
