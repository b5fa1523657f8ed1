namespace CustomerRetention.Churn.Tests;

/// <summary>The quick start of src/CustomerRetention.Churn/README.md, line for line, with its numbers.</summary>
public sealed class ReadmeQuickStartTests
{
    [Fact]
    public void Quick_Start_Runs_And_Gives_The_Quoted_Numbers()
    {
        TransactionTable transactions = TransactionExample.Table();

        // reference-values.md: 3 % monthly → 30.62 % annual; 15 % not 16.5 %; r/(1+d−r) = 2.67; sBG ≈ 170 in year 12.
        Tolerance.Decimals(0.3062, ChurnRate.FromValue(0.03).ToAnnual(12).Value, 4);
        Tolerance.Close(0.15, ChurnMath.Period(1000, lost: 150, newCustomers: 300, newLost: 15).Churn.Value);
        Tolerance.Decimals(2.67, Clv.MarginMultiple(new RetentionRate(0.8), 0.10, ClvTiming.FirstPaymentExcluded), 2);

        FitResult<ShiftedBetaGeometricParameters> fit = ShiftedBetaGeometric.Fit([1000, 631, 468, 382, 326, 289, 262, 241]);
        Assert.InRange(new ShiftedBetaGeometric(fit.Parameters).ProjectSurvivors(1000, 12)[12], 165, 175);

        CohortTable cohorts = Cohorts.Build(transactions, CalendarPeriod.Month);
        TransactionChurnTable churn = TransactionChurn.Compute(transactions, CalendarPeriod.Month, inactivityDays: 90);
        Assert.Equal(2, cohorts.Cohorts.Count);
        Assert.Equal(3, churn.Periods.Count);
    }
}
