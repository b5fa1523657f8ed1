using System.Globalization;
using CustomerRetention.Csv;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using TestData = CustomerRetention.TestKit.TestData;

namespace CustomerRetention.Churn.Tests;

public sealed class CohortsTests
{
    [Fact]
    public void Worked_Example_By_Hand()
    {
        // docs/cohorts.md: January cohort A, B, D (3): active 3, 1 (A), 2 (A, D); revenue 27, 20, 43.
        // February cohort C (1): active 1, 1; revenue 7, 8.
        CohortTable table = Cohorts.Build(TransactionExample.Table(), CalendarPeriod.Month);

        Assert.Equal(2, table.Cohorts.Count);
        Cohort jan = table.Cohorts[0], feb = table.Cohorts[1];
        Assert.Equal(new LocalDate(2024, 1, 1), jan.Start);
        Assert.Equal(3, jan.Customers);
        Assert.Equal([3, 1, 2], jan.Active);
        Assert.Equal([27m, 20m, 43m], jan.Revenue);
        Tolerance.Close(1.0 / 3.0, jan.Retention(1));
        Assert.Equal(new LocalDate(2024, 2, 1), feb.Start);
        Assert.Equal(1, feb.Customers);
        Assert.Equal([1, 1], feb.Active);
        Assert.Equal([7m, 8m], feb.Revenue);
    }

    [Fact]
    public void Cdnow_Monthly_Table_Matches_The_Independent_Computation()
    {
        // tests/data/expected/cdnow_sample_cohorts_month.csv: computed independently (exact arithmetic)
        // from the CDNOW sample by the contract's definition (shared/tools/README.md).
        TransactionTable transactions = TransactionCsv.ReadFile(TestData.Path("cdnow_sample_transactions.csv")).Table;
        CohortTable table = Cohorts.Build(transactions, CalendarPeriod.Month);
        var actual = new Dictionary<(string, int), (int Customers, int Active, double Retention)>();
        foreach (Cohort cohort in table.Cohorts)
        {
            for (int k = 0; k < cohort.PeriodCount; k++)
            {
                actual[(cohort.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), k)] = (cohort.Customers, cohort.Active[k], cohort.Retention(k));
            }
        }

        IReadOnlyList<string[]> expected = TestData.Rows("expected/cdnow_sample_cohorts_month.csv");
        Assert.Equal(expected.Count, actual.Count);
        foreach (string[] row in expected)
        {
            (int customers, int active, double retention) = actual[(row[0], int.Parse(row[2], CultureInfo.InvariantCulture))];
            Assert.Equal(int.Parse(row[1], CultureInfo.InvariantCulture), customers);
            Assert.Equal(int.Parse(row[3], CultureInfo.InvariantCulture), active);
            Tolerance.Close(double.Parse(row[4], CultureInfo.InvariantCulture), retention, relative: 1e-12);
        }
    }

    [Fact]
    public void Weeks_Are_Iso_Weeks_And_Quarters_Calendar_Quarters()
    {
        CohortTable weeks = Cohorts.Build(TransactionExample.Table(), CalendarPeriod.Week);
        CohortTable quarters = Cohorts.Build(TransactionExample.Table(), CalendarPeriod.Quarter);

        // 2024-01-05 is a Friday of the ISO week that starts on Monday 2024-01-01.
        Assert.Equal(new LocalDate(2024, 1, 1), weeks.Cohorts[0].Start);
        Assert.All(weeks.Cohorts, c => Assert.Equal(IsoDayOfWeek.Monday, c.Start.DayOfWeek));
        Cohort q1 = Assert.Single(quarters.Cohorts);
        Assert.Equal(4, q1.Customers);
        Assert.Equal([4], q1.Active);
        Assert.Equal(105m, q1.Revenue[0]);
    }

    [Fact]
    public void Period_Indices_Round_Trip()
    {
        var date = new LocalDate(1997, 3, 15);
        Assert.Equal(new LocalDate(1997, 3, 1), CalendarPeriods.StartOf(CalendarPeriods.IndexOf(date, CalendarPeriod.Month), CalendarPeriod.Month));
        Assert.Equal(new LocalDate(1997, 1, 1), CalendarPeriods.StartOf(CalendarPeriods.IndexOf(date, CalendarPeriod.Quarter), CalendarPeriod.Quarter));
        Assert.Equal(new LocalDate(1997, 3, 10), CalendarPeriods.StartOf(CalendarPeriods.IndexOf(date, CalendarPeriod.Week), CalendarPeriod.Week));
        Assert.Equal(new LocalDate(1969, 12, 29), CalendarPeriods.StartOf(CalendarPeriods.IndexOf(new LocalDate(1970, 1, 1), CalendarPeriod.Week), CalendarPeriod.Week));
        Assert.Equal(new LocalDate(1969, 12, 1), CalendarPeriods.StartOf(CalendarPeriods.IndexOf(new LocalDate(1969, 12, 31), CalendarPeriod.Month), CalendarPeriod.Month));
    }

    [Fact]
    public void Empty_Input_Gives_An_Empty_Table()
    {
        Assert.Empty(Cohorts.Build(TransactionTable.Empty, CalendarPeriod.Month).Cohorts);
    }

    [Fact]
    public void Bad_Columns_Are_Rejected()
    {
        Assert.Equal("dayNumbers", Assert.Throws<ArgumentException>(() => Cohorts.Build([0], [], [], 1, CalendarPeriod.Month)).ParamName);
        Assert.Equal("amounts", Assert.Throws<ArgumentException>(() => Cohorts.Build([0], [1], [1m, 2m], 1, CalendarPeriod.Month)).ParamName);
        Assert.Equal("customerIndices", Assert.Throws<ArgumentOutOfRangeException>(() => Cohorts.Build([1], [1], [], 1, CalendarPeriod.Month)).ParamName);
        Assert.Equal("period", Assert.Throws<ArgumentOutOfRangeException>(() => Cohorts.Build([0], [1], [], 1, (CalendarPeriod)9)).ParamName);
    }

    [Fact]
    public void Cohort_Retention_Is_1_At_Start_And_Never_Above_1_Meets_Specification()
    {
        Gen<(int Customer, int Day)[]> rows = Gen.ArrayOf(
            from c in Gen.Choose(0, 30)
            from d in Gen.Choose(9000, 9800)
            select (c, d));
        Properties.Check(Prop.ForAll(Arb.From(rows), Arb.From(Gen.Elements(CalendarPeriod.Month, CalendarPeriod.Week, CalendarPeriod.Quarter)), (data, period) =>
        {
            int[] customers = data.Select(r => r.Customer).ToArray();
            int[] days = data.Select(r => r.Day).ToArray();
            CohortTable table = Cohorts.Build(customers, days, [], 31, period);
            int total = table.Cohorts.Sum(c => c.Customers);
            return total == customers.Distinct().Count()
                && table.Cohorts.All(c => c.Retention(0) == 1.0 && Enumerable.Range(0, c.PeriodCount).All(k => c.Retention(k) is >= 0 and <= 1));
        }));
    }
}
