using System.Text.Json.Serialization;
using CustomerRetention.Churn;
using CustomerRetention.Json.Converters;
using CustomerRetention.Relationships;
using CustomerRetention.Rfm;
using CustomerRetention.Satisfaction;
using NodaTime;

namespace CustomerRetention.Json;

/// <summary>
/// The source-generated contracts of the library's public result and input types: camelCase
/// members, enums as camelCase strings, NodaTime dates as ISO strings, the value types
/// (<see cref="Probability"/>, <see cref="ChurnRate"/>, <see cref="RetentionRate"/>,
/// <see cref="CustomerId"/>, <see cref="TimeUnit"/>) as plain JSON values, and ±∞ and NaN as the
/// strings <c>"Infinity"</c>, <c>"-Infinity"</c> and <c>"NaN"</c>. No reflection at run time, so
/// it is safe under trimming and native AOT.
/// </summary>
/// <remarks>
/// Use it through <see cref="RetentionJson"/>, which adds the rules the generator cannot express
/// (every member a type is built from must be present; the kind of an early-warning rule) and
/// the one type the generator cannot look at, <see cref="CalibrationHoldout"/> (its span
/// properties; see <see cref="SpanHoldingTypes"/>).
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowOutOfOrderMetadataProperties = true,
    Converters = new[]
    {
        typeof(IsoLocalDateJsonConverter),
        typeof(RoundtripPeriodJsonConverter),
        typeof(CustomerIdJsonConverter),
        typeof(ProbabilityJsonConverter),
        typeof(TimeUnitJsonConverter),
        typeof(ChurnRateJsonConverter),
        typeof(RetentionRateJsonConverter),
        typeof(ModelInputJsonConverter),
        typeof(ModelInputsJsonConverter),
        typeof(CustomerModelInputJsonConverter),
        typeof(PurchaseSummariesJsonConverter),
        typeof(CustomerSummaryJsonConverter),
        typeof(PurchaseSummaryJsonConverter),
        typeof(RfmValuesJsonConverter),
        typeof(RfmScoreJsonConverter),
        typeof(ScoreRangeJsonConverter),
        typeof(PurchaseCadenceJsonConverter),
        typeof(CustomerSignalsJsonConverter),
        typeof(ThresholdConditionJsonConverter),
        typeof(SegmentRuleJsonConverter),
        typeof(SegmentMapJsonConverter),
        typeof(RfmBinningJsonConverter),
        typeof(RetentionScenarioJsonConverter),
        typeof(SpendComparisonJsonConverter),
        typeof(PeriodChurnJsonConverter),
        typeof(AcsiWeightsJsonConverter),
        typeof(ConfidenceIntervalJsonConverter),
        typeof(MeanEstimateJsonConverter),
        typeof(KanoTallyJsonConverter),
        typeof(NpsResultJsonConverter),
        typeof(NpsComparisonJsonConverter),
        typeof(DepartureJsonConverter),
        typeof(TierSchemeJsonConverter),
        typeof(ComplaintCaseJsonConverter),
        typeof(EmotionalAccountJsonConverter),
        typeof(EmotionalEntryJsonConverter),
        typeof(LockInLeversJsonConverter),
        typeof(TrustRuleJsonConverter),
        typeof(ValueTierSignalsJsonConverter),
        typeof(CamelCaseEnumJsonConverter<BinningMethod>),
        typeof(CamelCaseEnumJsonConverter<MonetaryMeasure>),
        typeof(CamelCaseEnumJsonConverter<RfmDimension>),
        typeof(CamelCaseEnumJsonConverter<ThresholdTarget>),
        typeof(CamelCaseEnumJsonConverter<WarningLevel>),
        typeof(CamelCaseEnumJsonConverter<CalendarPeriod>),
        typeof(CamelCaseEnumJsonConverter<ClvTiming>),
        typeof(CamelCaseEnumJsonConverter<ComplaintResolution>),
        typeof(CamelCaseEnumJsonConverter<ComplaintStep>),
        typeof(CamelCaseEnumJsonConverter<ContributionLevel>),
        typeof(CamelCaseEnumJsonConverter<DickBasuLoyalty>),
        typeof(CamelCaseEnumJsonConverter<IpaCrosshair>),
        typeof(CamelCaseEnumJsonConverter<IpaQuadrant>),
        typeof(CamelCaseEnumJsonConverter<JonesSasserQuadrant>),
        typeof(CamelCaseEnumJsonConverter<KanoAnswer>),
        typeof(CamelCaseEnumJsonConverter<KanoCategory>),
        typeof(CamelCaseEnumJsonConverter<LoyaltyExtreme>),
        typeof(CamelCaseEnumJsonConverter<LoyaltyGrade>),
        typeof(CamelCaseEnumJsonConverter<NpsCategory>),
        typeof(CamelCaseEnumJsonConverter<SatisfactionZone>),
        typeof(CamelCaseEnumJsonConverter<ServiceGap>),
        typeof(CamelCaseEnumJsonConverter<ServqualDimension>),
        typeof(CamelCaseEnumJsonConverter<ChurnReason>),
        typeof(CamelCaseEnumJsonConverter<EmotionalEntryKind>),
        typeof(CamelCaseEnumJsonConverter<FollowUpChannel>),
        typeof(CamelCaseEnumJsonConverter<FollowUpTopic>),
        typeof(CamelCaseEnumJsonConverter<InterestLevel>),
        typeof(CamelCaseEnumJsonConverter<LockInLever>),
        typeof(CamelCaseEnumJsonConverter<LockInType>),
        typeof(CamelCaseEnumJsonConverter<Privilege>),
        typeof(CamelCaseEnumJsonConverter<ProspectClass>),
        typeof(CamelCaseEnumJsonConverter<ReasonAttribution>),
        typeof(CamelCaseEnumJsonConverter<RelationshipValue>),
        typeof(CamelCaseEnumJsonConverter<SwitchingCostFamily>),
        typeof(CamelCaseEnumJsonConverter<SwitchingCostType>),
        typeof(CamelCaseEnumJsonConverter<TierChange>),
        typeof(CamelCaseEnumJsonConverter<TierMeasure>),
        typeof(CamelCaseEnumJsonConverter<TrackingPeriod>),
        typeof(CamelCaseEnumJsonConverter<TrustSignal>),
        typeof(CamelCaseEnumJsonConverter<TrustStage>),
        typeof(CamelCaseEnumJsonConverter<WinBackState>),
    })]
[JsonSerializable(typeof(CustomerId))]
[JsonSerializable(typeof(DailyPurchase))]
[JsonSerializable(typeof(ModelInput))]
[JsonSerializable(typeof(ModelInputs))]
[JsonSerializable(typeof(Probability))]
[JsonSerializable(typeof(PurchaseSummaries))]
[JsonSerializable(typeof(PurchaseSummary))]
[JsonSerializable(typeof(TimeUnit))]
[JsonSerializable(typeof(Transaction))]
[JsonSerializable(typeof(CadenceRule))]
[JsonSerializable(typeof(CustomerSignals))]
[JsonSerializable(typeof(CustomerValues))]
[JsonSerializable(typeof(DimensionBins))]
[JsonSerializable(typeof(EarlyWarning))]
[JsonSerializable(typeof(EarlyWarningRules))]
[JsonSerializable(typeof(MigrationCell))]
[JsonSerializable(typeof(PurchaseCadence))]
[JsonSerializable(typeof(RfmBinning))]
[JsonSerializable(typeof(RfmResult))]
[JsonSerializable(typeof(RfmScore))]
[JsonSerializable(typeof(RfmScoring))]
[JsonSerializable(typeof(RfmValues))]
[JsonSerializable(typeof(ScoredCustomer))]
[JsonSerializable(typeof(ScoreDropRule))]
[JsonSerializable(typeof(ScoreRange))]
[JsonSerializable(typeof(Segment))]
[JsonSerializable(typeof(SegmentedCustomer))]
[JsonSerializable(typeof(SegmentMap))]
[JsonSerializable(typeof(SegmentMigration))]
[JsonSerializable(typeof(SegmentRule))]
[JsonSerializable(typeof(ThresholdCondition))]
[JsonSerializable(typeof(ThresholdRule))]
[JsonSerializable(typeof(WarningRule))]
[JsonSerializable(typeof(ChurnRate))]
[JsonSerializable(typeof(Cohort))]
[JsonSerializable(typeof(CohortTable))]
[JsonSerializable(typeof(PeriodChurn))]
[JsonSerializable(typeof(RetentionRate))]
[JsonSerializable(typeof(RetentionScenario))]
[JsonSerializable(typeof(RevenueRetention))]
[JsonSerializable(typeof(SpendComparison))]
[JsonSerializable(typeof(TransactionChurnPeriod))]
[JsonSerializable(typeof(TransactionChurnTable))]
[JsonSerializable(typeof(AcsiWeights))]
[JsonSerializable(typeof(ComplaintCase))]
[JsonSerializable(typeof(ComplaintStepRecord))]
[JsonSerializable(typeof(ConfidenceInterval))]
[JsonSerializable(typeof(CsatResult))]
[JsonSerializable(typeof(CsiResult))]
[JsonSerializable(typeof(DickBasuMatrix))]
[JsonSerializable(typeof(GradeTreatment))]
[JsonSerializable(typeof(IcebergEstimate))]
[JsonSerializable(typeof(IcebergRates))]
[JsonSerializable(typeof(ImportancePerformanceResult))]
[JsonSerializable(typeof(IpaPlacement))]
[JsonSerializable(typeof(JonesSasserMatrix))]
[JsonSerializable(typeof(JonesSasserPlacement))]
[JsonSerializable(typeof(KanoResponse))]
[JsonSerializable(typeof(KanoTally))]
[JsonSerializable(typeof(LoyaltyContributionMatrix))]
[JsonSerializable(typeof(MeanEstimate))]
[JsonSerializable(typeof(NpsComparison))]
[JsonSerializable(typeof(NpsResult))]
[JsonSerializable(typeof(RatingScale))]
[JsonSerializable(typeof(RepurchaseRates))]
[JsonSerializable(typeof(SatisfactionLoyaltyZones))]
[JsonSerializable(typeof(ServiceGapDescription))]
[JsonSerializable(typeof(ServqualDimensionGap))]
[JsonSerializable(typeof(ServqualItem))]
[JsonSerializable(typeof(ServqualResult))]
[JsonSerializable(typeof(SurveyItem))]
[JsonSerializable(typeof(SurveyResponse))]
[JsonSerializable(typeof(ZonePlacement))]
[JsonSerializable(typeof(BundlingMeasure))]
[JsonSerializable(typeof(BundlingScales))]
[JsonSerializable(typeof(Contract))]
[JsonSerializable(typeof(CustomerTier))]
[JsonSerializable(typeof(Departure))]
[JsonSerializable(typeof(DepartureCount))]
[JsonSerializable(typeof(EmotionalAccount))]
[JsonSerializable(typeof(EmotionalBalance))]
[JsonSerializable(typeof(EmotionalEntry))]
[JsonSerializable(typeof(FamilyScore))]
[JsonSerializable(typeof(FollowUpPlan))]
[JsonSerializable(typeof(HabitMeasure))]
[JsonSerializable(typeof(LeverContribution))]
[JsonSerializable(typeof(LockInLevers))]
[JsonSerializable(typeof(PenetrationMeasure))]
[JsonSerializable(typeof(ProspectClassification))]
[JsonSerializable(typeof(ProspectSignals))]
[JsonSerializable(typeof(ReasonRanking))]
[JsonSerializable(typeof(ReasonRevenue))]
[JsonSerializable(typeof(SwitchingCostIndex))]
[JsonSerializable(typeof(SwitchingCostWeights))]
[JsonSerializable(typeof(TierDecision))]
[JsonSerializable(typeof(TierScheme))]
[JsonSerializable(typeof(TrustCriteria))]
[JsonSerializable(typeof(TrustRule))]
[JsonSerializable(typeof(TrustTracker))]
[JsonSerializable(typeof(TrustTransition))]
[JsonSerializable(typeof(ValueTierAssessment))]
[JsonSerializable(typeof(ValueTierCheck))]
[JsonSerializable(typeof(ValueTierCriteria))]
[JsonSerializable(typeof(ValueTierSignals))]
[JsonSerializable(typeof(WinBackCase))]
[JsonSerializable(typeof(WinBackMetrics))]
[JsonSerializable(typeof(WinBackProspect))]
[JsonSerializable(typeof(WinBackStep))]
[JsonSerializable(typeof(BinningMethod))]
[JsonSerializable(typeof(MonetaryMeasure))]
[JsonSerializable(typeof(RfmDimension))]
[JsonSerializable(typeof(ThresholdTarget))]
[JsonSerializable(typeof(WarningLevel))]
[JsonSerializable(typeof(CalendarPeriod))]
[JsonSerializable(typeof(ClvTiming))]
[JsonSerializable(typeof(ComplaintResolution))]
[JsonSerializable(typeof(ComplaintStep))]
[JsonSerializable(typeof(ContributionLevel))]
[JsonSerializable(typeof(DickBasuLoyalty))]
[JsonSerializable(typeof(IpaCrosshair))]
[JsonSerializable(typeof(IpaQuadrant))]
[JsonSerializable(typeof(JonesSasserQuadrant))]
[JsonSerializable(typeof(KanoAnswer))]
[JsonSerializable(typeof(KanoCategory))]
[JsonSerializable(typeof(LoyaltyExtreme))]
[JsonSerializable(typeof(LoyaltyGrade))]
[JsonSerializable(typeof(NpsCategory))]
[JsonSerializable(typeof(SatisfactionZone))]
[JsonSerializable(typeof(ServiceGap))]
[JsonSerializable(typeof(ServqualDimension))]
[JsonSerializable(typeof(ChurnReason))]
[JsonSerializable(typeof(EmotionalEntryKind))]
[JsonSerializable(typeof(FollowUpChannel))]
[JsonSerializable(typeof(FollowUpTopic))]
[JsonSerializable(typeof(InterestLevel))]
[JsonSerializable(typeof(LockInLever))]
[JsonSerializable(typeof(LockInType))]
[JsonSerializable(typeof(Privilege))]
[JsonSerializable(typeof(ProspectClass))]
[JsonSerializable(typeof(ReasonAttribution))]
[JsonSerializable(typeof(RelationshipValue))]
[JsonSerializable(typeof(SwitchingCostFamily))]
[JsonSerializable(typeof(SwitchingCostType))]
[JsonSerializable(typeof(TierChange))]
[JsonSerializable(typeof(TierMeasure))]
[JsonSerializable(typeof(TrackingPeriod))]
[JsonSerializable(typeof(TrustSignal))]
[JsonSerializable(typeof(TrustStage))]
[JsonSerializable(typeof(WinBackState))]
[JsonSerializable(typeof(LocalDate))]
[JsonSerializable(typeof(IReadOnlyList<CustomerSummary>))]
[JsonSerializable(typeof(IReadOnlyList<CustomerModelInput>))]
[JsonSerializable(typeof(IReadOnlyList<int>))]
[JsonSerializable(typeof(IReadOnlyList<decimal>))]
[JsonSerializable(typeof(IReadOnlyList<double>))]
[JsonSerializable(typeof(IReadOnlyList<ChurnReason>))]
[JsonSerializable(typeof(IReadOnlyList<CustomerTier>))]
[JsonSerializable(typeof(IReadOnlyList<SegmentRule>))]
[JsonSerializable(typeof(IReadOnlyList<ComplaintStepNote>))]
[JsonSerializable(typeof(IReadOnlyList<EmotionalEntry>))]
[JsonSerializable(typeof(Transaction[]))]
[JsonSerializable(typeof(IReadOnlyList<Transaction>))]
internal sealed partial class RetentionJsonContext : JsonSerializerContext
{
}
