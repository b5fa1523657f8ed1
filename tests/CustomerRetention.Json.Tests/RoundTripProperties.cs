using CustomerRetention.Churn;
using CustomerRetention.Relationships;
using CustomerRetention.Rfm;
using CustomerRetention.Satisfaction;
using FsCheck.Xunit;
using NodaTime;

namespace CustomerRetention.Json.Tests;

/// <summary>
/// value → JSON → value: the value read back equals the original, and writing it again gives the
/// same JSON. One property per type with a generator in <see cref="Arbitraries"/>; FsCheck.Xunit
/// prints the replay seed of a failing case.
/// </summary>
[Properties(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 200)]
public sealed class RoundTripProperties
{
    [Property] public void LocalDate_RoundTrips(LocalDate value) => AssertRoundTrips(value);

    [Property] public void CustomerId_RoundTrips(CustomerId value) => AssertRoundTrips(value);

    [Property] public void Probability_RoundTrips(Probability value) => AssertRoundTrips(value);

    [Property] public void TimeUnit_RoundTrips(TimeUnit value) => AssertRoundTrips(value);

    [Property] public void ChurnRate_RoundTrips(ChurnRate value) => AssertRoundTrips(value);

    [Property] public void RetentionRate_RoundTrips(RetentionRate value) => AssertRoundTrips(value);

    [Property] public void Transaction_RoundTrips(Transaction value) => AssertRoundTrips(value);

    [Property] public void DailyPurchase_RoundTrips(DailyPurchase value) => AssertRoundTrips(value);

    [Property] public void PurchaseSummary_RoundTrips(PurchaseSummary value) => AssertRoundTrips(value);

    [Property] public void ModelInput_RoundTrips(ModelInput value) => AssertRoundTrips(value);

    [Property(MaxTest = 50)]
    public void PurchaseSummaries_RoundTrips(PurchaseSummaries value)
    {
        PurchaseSummaries back = AssertSameJson(value);
        Assert.Equal(value.Through, back.Through);
        Assert.Equal(value.Customers, back.Customers);
        Assert.Equal(value.ToArray(), back.ToArray());
    }

    [Property(MaxTest = 50)]
    public void ModelInputs_RoundTrips(PurchaseSummaries summaries, LocalDate calibrationEnd, TimeUnit unit)
    {
        LocalDate end = summaries.Count == 0 ? calibrationEnd : Max(calibrationEnd, summaries.Max(s => s.LastPurchase));
        ModelInputs value = summaries.ToModelInputs(end, unit);
        ModelInputs back = AssertSameJson(value);
        Assert.Equal(value.CalibrationEnd, back.CalibrationEnd);
        Assert.Equal(value.Unit, back.Unit);
        Assert.Equal(value.Customers, back.Customers);
        Assert.Equal(value.ToArray(), back.ToArray());
    }

    [Property] public void RfmValues_RoundTrips(RfmValues value) => AssertRoundTrips(value);

    [Property] public void RfmScore_RoundTrips(RfmScore value) => AssertRoundTrips(value);

    [Property] public void ScoreRange_RoundTrips(ScoreRange value) => AssertRoundTrips(value);

    [Property] public void PurchaseCadence_RoundTrips(PurchaseCadence value) => AssertRoundTrips(value);

    [Property]
    public void CustomerSignals_RoundTrips(CustomerSignals value)
    {
        CustomerSignals back = AssertSameJson(value);
        Assert.Equal((value.Values, value.Score, value.PreviousScore, value.Cadence), (back.Values, back.Score, back.PreviousScore, back.Cadence));
    }

    [Property] public void ThresholdCondition_RoundTrips(ThresholdCondition value) => AssertRoundTrips(value);

    [Property] public void RetentionScenario_RoundTrips(RetentionScenario value) => AssertRoundTrips(value);

    [Property] public void SpendComparison_RoundTrips(SpendComparison value) => AssertRoundTrips(value);

    [Property]
    public void PeriodChurn_RoundTrips(PeriodChurn value)
    {
        PeriodChurn back = AssertSameJson(value);
        Assert.Equal((value.CustomersAtStart, value.Lost, value.NewCustomers, value.NewLost), (back.CustomersAtStart, back.Lost, back.NewCustomers, back.NewLost));
    }

    [Property]
    public void CohortTable_RoundTrips(CohortTable value)
    {
        CohortTable back = AssertSameJson(value);
        Assert.Equal(value.Period, back.Period);
        Assert.Equal(value.Cohorts.Select(c => (c.Start, c.Customers)), back.Cohorts.Select(c => (c.Start, c.Customers)));
        Assert.Equal(value.Cohorts.SelectMany(c => c.Active), back.Cohorts.SelectMany(c => c.Active));
        Assert.Equal(value.Cohorts.SelectMany(c => c.Revenue), back.Cohorts.SelectMany(c => c.Revenue));
    }

    [Property]
    public void TransactionChurnTable_RoundTrips(TransactionChurnTable value)
    {
        TransactionChurnTable back = AssertSameJson(value);
        Assert.Equal((value.Period, value.InactivityDays), (back.Period, back.InactivityDays));
        Assert.Equal(
            value.Periods.Select(p => (p.Start, p.CustomersAtStart, p.Lost, p.NewCustomers, p.Reactivated, p.ActiveAtEnd)),
            back.Periods.Select(p => (p.Start, p.CustomersAtStart, p.Lost, p.NewCustomers, p.Reactivated, p.ActiveAtEnd)));
    }

    [Property] public void RevenueRetention_RoundTrips(RevenueRetention value) => AssertRoundTrips(value);

    [Property]
    public void CsatResult_RoundTrips(CsatResult value)
    {
        CsatResult back = AssertSameJson(value);
        Assert.Equal((value.TopBoxes, value.TopBoxCount, value.Mean, value.Scale.Minimum, value.Scale.Maximum), (back.TopBoxes, back.TopBoxCount, back.Mean, back.Scale.Minimum, back.Scale.Maximum));
    }

    [Property]
    public void CsiResult_RoundTrips(CsiResult value)
    {
        CsiResult back = AssertSameJson(value);
        Assert.Equal(value.Index, back.Index);
        Assert.Equal(value.Weights, back.Weights);
    }

    [Property]
    public void ImportancePerformanceResult_RoundTrips(ImportancePerformanceResult value)
    {
        ImportancePerformanceResult back = AssertSameJson(value);
        Assert.Equal((value.ImportanceCross, value.PerformanceCross), (back.ImportanceCross, back.PerformanceCross));
        Assert.Equal(value.Items.Select(i => (i.Name, i.Importance, i.Performance, i.Quadrant)), back.Items.Select(i => (i.Name, i.Importance, i.Performance, i.Quadrant)));
    }

    [Property]
    public void ServqualResult_RoundTrips(ServqualResult value)
    {
        ServqualResult back = AssertSameJson(value);
        Assert.Equal((value.UnweightedScore, value.WeightedScore), (back.UnweightedScore, back.WeightedScore));
    }

    [Fact]
    public void EveryGradeTreatmentAndServiceGap_RoundTripsToTheLibrarysInstance()
    {
        Assert.All(LoyaltyContributionMatrix.AllTreatments, t => Assert.Same(t, RetentionJson.Deserialize<GradeTreatment>(RetentionJson.Serialize(t))));
        Assert.All(ServiceGapModel.All, g => Assert.Same(g, RetentionJson.Deserialize<ServiceGapDescription>(RetentionJson.Serialize(g))));
    }

    [Property] public void ConfidenceInterval_RoundTrips(ConfidenceInterval value) => AssertRoundTrips(value);

    [Property] public void MeanEstimate_RoundTrips(MeanEstimate value) => AssertRoundTrips(value);

    [Property] public void KanoTally_RoundTrips(KanoTally value) => AssertRoundTrips(value);

    [Property] public void NpsResult_RoundTrips(NpsResult value) => AssertRoundTrips(value);

    [Property] public void NpsComparison_RoundTrips(NpsComparison value) => AssertRoundTrips(value);

    [Property] public void AcsiWeights_RoundTrips(AcsiWeights value) => AssertRoundTrips(value);

    [Property] public void EmotionalEntry_RoundTrips(EmotionalEntry value) => AssertRoundTrips(value);

    [Property] public void LockInLevers_RoundTrips(LockInLevers value) => AssertRoundTrips(value);

    [Property] public void TrustRule_RoundTrips(TrustRule value) => AssertRoundTrips(value);

    [Property] public void ValueTierSignals_RoundTrips(ValueTierSignals value) => AssertRoundTrips(value);

    [Property] public void CustomerTier_RoundTrips(CustomerTier value) => AssertRoundTrips(value);

    [Property]
    public void Departure_RoundTrips(Departure value)
    {
        Departure back = AssertSameJson(value);
        Assert.Equal((value.CustomerId, value.Date, value.RevenueLost), (back.CustomerId, back.Date, back.RevenueLost));
        Assert.Equal(value.Reasons, back.Reasons);
    }

    [Property]
    public void TierScheme_RoundTrips(TierScheme value)
    {
        TierScheme back = AssertSameJson(value);
        Assert.Equal(value.Tiers, back.Tiers);
        Assert.Equal((value.Measure, value.Margin), (back.Measure, back.Margin));
    }

    [Property]
    public void EmotionalAccount_RoundTrips(EmotionalEntry[] entries)
    {
        EmotionalAccount value = EmotionalAccount.FromEntries(entries);
        EmotionalAccount back = AssertSameJson(value);
        Assert.Equal(value.Entries, back.Entries);
        Assert.Equal(value.Balance, back.Balance);
    }

    [Property]
    public void ComplaintCase_RoundTrips(CustomerId caseId, bool withCustomer, byte steps)
    {
        var value = new ComplaintCase("case " + caseId.Value, withCustomer ? "customer" : null);
        for (int i = 0; i < steps % 7; i++)
        {
            value = value.Advance("note " + i);
        }

        ComplaintCase back = AssertSameJson(value);
        Assert.Equal((value.CaseId, value.CustomerId, value.NextStep), (back.CaseId, back.CustomerId, back.NextStep));
        Assert.Equal(value.Steps.Select(s => (s.Step, s.Note)), back.Steps.Select(s => (s.Step, s.Note)));
    }

    [Property]
    public void WinBackCase_RoundTrips(Departure departure, byte[] moves)
    {
        // A random walk over the legal moves, with reviews while in intensive care.
        WinBackCase value = WinBackCase.Track(departure, departure.Date);
        LocalDate date = departure.Date;
        foreach (byte move in moves)
        {
            date = date.PlusDays(move % 40);
            WinBackState[] legal = Enum.GetValues<WinBackState>().Where(s => WinBackStates.IsLegal(value.State, s)).ToArray();
            if (value.State == WinBackState.IntensiveCare && move % 3 == 0)
            {
                value = value.RecordReview(date);
            }
            else if (legal.Length > 0)
            {
                WinBackState to = legal[move % legal.Length];
                value = to == WinBackState.Diagnosed ? value.Diagnose(date, new[] { Enum.GetValues<ChurnReason>()[move % 5] }) : value.MoveTo(to, date);
            }
        }

        WinBackCase back = AssertSameJson(value);
        Assert.Equal(value.Steps, back.Steps);
        Assert.Equal(value.Reviews, back.Reviews);
        Assert.Equal(value.Departure.Reasons, back.Departure.Reasons);
    }

    /// <summary>Equal after the round trip, and the same JSON when written again.</summary>
    private static void AssertRoundTrips<T>(T value)
    {
        T back = AssertSameJson(value);
        Assert.Equal(value, back);
    }

    /// <summary>Reads the value's JSON back and checks that writing the result gives the same JSON.</summary>
    private static T AssertSameJson<T>(T value)
    {
        string json = RetentionJson.Serialize(value);
        T back = RetentionJson.Deserialize<T>(json);
        Assert.Equal(json, RetentionJson.Serialize(back));
        return back;
    }

    private static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;
}
