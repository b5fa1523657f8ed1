using System.Globalization;
using TestData = CustomerRetention.TestKit.TestData;

namespace CustomerRetention.Churn.Tests;

/// <summary>
/// The numbers quoted in docs/sbg.md, docs/clv-formulas.md and docs/churn.md that no other test
/// checks. The expected values were computed from the papers' formulas independently of the
/// library (a short script evaluating S(t), r_t and the ₂F₁ series at the fitted α, β).
/// </summary>
public sealed class DocsExamplesTests
{
    [Fact]
    public void Sbg_Table_Of_Docs()
    {
        double[] survivors = TestData.Rows("sbg_regular_survivors.csv").Select(r => double.Parse(r[1], CultureInfo.InvariantCulture)).ToArray();
        var model = new ShiftedBetaGeometric(ShiftedBetaGeometric.Fit(survivors.AsSpan(0, 8)).Parameters);
        IReadOnlyList<double> projected = model.ProjectSurvivors(1000, 12);

        // docs/sbg.md, "projected survivors" row.
        Tolerance.Decimals(626.7, projected[1], 1);
        Tolerance.Decimals(473.8, projected[2], 1);
        Tolerance.Decimals(388.0, projected[3], 1);
        Tolerance.Decimals(292.3, projected[5], 1);
        Tolerance.Decimals(220.1, projected[8], 1);
        Tolerance.Decimals(170.0, projected[12], 1);

        // docs/sbg.md, "r_t" row.
        Tolerance.Decimals(0.627, model.RetentionRate(1).Value, 3);
        Tolerance.Decimals(0.756, model.RetentionRate(2).Value, 3);
        Tolerance.Decimals(0.819, model.RetentionRate(3).Value, 3);
        Tolerance.Decimals(0.880, model.RetentionRate(5).Value, 3);
        Tolerance.Decimals(0.921, model.RetentionRate(8).Value, 3);
        Tolerance.Decimals(0.945, model.RetentionRate(12).Value, 3);

        // docs/sbg.md, DEL/DERL table, d = 10 %.
        Tolerance.Decimals(3.69, model.DiscountedExpectedLifetime(0.10), 2);
        Tolerance.Decimals(2.96, model.DiscountedExpectedResidualLifetime(0.10, 0), 2);
        Tolerance.Decimals(5.89, model.DiscountedExpectedResidualLifetime(0.10, 4), 2);
        Tolerance.Decimals(2.32, Clv.MarginMultiple(model.RetentionRate(1), 0.10, ClvTiming.FirstPaymentIncluded), 2);
    }

    [Fact]
    public void Clv_Finite_Horizon_Example_Of_Docs()
    {
        // docs/clv-formulas.md: 3 payments, r = 0.8, d = 0.1, first payment included: 1 + q + q² = 2.256.
        Tolerance.Decimals(2.256, Clv.MarginMultiple(new RetentionRate(0.8), 0.1, ClvTiming.FirstPaymentIncluded, 3), 3);
    }

    [Fact]
    public void Cdnow_January_Cohort_Of_Docs()
    {
        // docs/cohorts.md: the January 1997 cohort has 781 customers, 124 active in February (15.9 %)
        // (tests/data/expected/cdnow_sample_cohorts_month.csv, first rows).
        CohortTable table = Cohorts.Build(CustomerRetention.Csv.TransactionCsv.ReadFile(TestData.Path("cdnow_sample_transactions.csv")).Table, CalendarPeriod.Month);

        Assert.Equal(3, table.Cohorts.Count);
        Assert.Equal(51, table.Cohorts.Sum(c => c.PeriodCount));
        Assert.Equal(781, table.Cohorts[0].Customers);
        Assert.Equal(124, table.Cohorts[0].Active[1]);
        Tolerance.Decimals(15.9, table.Cohorts[0].Retention(1) * 100, 1);
    }
}
