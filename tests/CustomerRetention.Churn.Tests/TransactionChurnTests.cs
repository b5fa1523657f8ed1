using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerRetention.Churn.Tests;

public sealed class TransactionChurnTests
{
    [Fact]
    public void Worked_Example_By_Hand()
    {
        // docs/churn.md, inactivity 30 days (active on D when a purchase falls in D−29..D), months:
        // January: start 0, lost 0, new 3 (A, B, D), reactivated 0, churn undefined, active at end 3.
        // February: start 3 (A, B, D), lost 2 (B, D), new 1 (C), reactivated 0, churn 2/3, active at end 2 (A, C).
        // March: start 2 (A, C), lost 0, new 0, reactivated 1 (D), churn 0, active at end 3.
        TransactionChurnTable table = TransactionChurn.Compute(TransactionExample.Table(), CalendarPeriod.Month, 30);

        Assert.Equal(3, table.Periods.Count);
        AssertRow(table.Periods[0], new LocalDate(2024, 1, 1), 0, 0, 3, 0, 3);
        Assert.Null(table.Periods[0].Churn);
        AssertRow(table.Periods[1], new LocalDate(2024, 2, 1), 3, 2, 1, 0, 2);
        Tolerance.Close(2.0 / 3.0, table.Periods[1].Churn!.Value.Value);
        AssertRow(table.Periods[2], new LocalDate(2024, 3, 1), 2, 0, 0, 1, 3);
        Assert.Equal(0.0, table.Periods[2].Churn!.Value.Value);
    }

    [Fact]
    public void Window_Boundary_Is_Inclusive_Of_The_Purchase_Day_Only_N_Days()
    {
        // One purchase on 2024-01-02: with N = 30 it is active through 01-31 (01-02 + 29); with N = 29 only
        // through 01-30, so it is lost at the end of January.
        var builder = new TransactionTable.Builder();
        builder.Add(new CustomerId("x"), new LocalDate(2024, 1, 2), 1m);
        builder.Add(new CustomerId("y"), new LocalDate(2024, 2, 20), 1m);
        TransactionTable table = builder.ToTable();

        Assert.Equal(1, TransactionChurn.Compute(table, CalendarPeriod.Month, 30).Periods[0].ActiveAtEnd);
        Assert.Equal(1, TransactionChurn.Compute(table, CalendarPeriod.Month, 30).Periods[1].CustomersAtStart);
        Assert.Equal(0, TransactionChurn.Compute(table, CalendarPeriod.Month, 29).Periods[0].ActiveAtEnd);
    }

    [Fact]
    public void Bad_Input_Is_Rejected()
    {
        Assert.Equal("inactivityDays", Assert.Throws<ArgumentOutOfRangeException>(() => TransactionChurn.Compute(TransactionTable.Empty, CalendarPeriod.Month, 0)).ParamName);
        Assert.Equal("dayNumbers", Assert.Throws<ArgumentException>(() => TransactionChurn.Compute([0, 1], [5], 2, CalendarPeriod.Month, 30)).ParamName);
        Assert.Equal("customerIndices", Assert.Throws<ArgumentOutOfRangeException>(() => TransactionChurn.Compute([-1], [5], 2, CalendarPeriod.Month, 30)).ParamName);
        Assert.Empty(TransactionChurn.Compute(TransactionTable.Empty, CalendarPeriod.Week, 30).Periods);
    }

    [Fact]
    public void Counts_Balance_And_Rates_Stay_In_0_1_Meets_Specification()
    {
        Gen<(int Customer, int Day)[]> rows = Gen.ArrayOf(
            from c in Gen.Choose(0, 20)
            from d in Gen.Choose(19000, 19400)
            select (c, d));
        Properties.Check(Prop.ForAll(
            Arb.From(rows),
            Arb.From(Gen.Elements(CalendarPeriod.Month, CalendarPeriod.Week, CalendarPeriod.Quarter)),
            Arb.From(Gen.Choose(1, 120)),
            (data, period, window) =>
            {
                TransactionChurnTable table = TransactionChurn.Compute(data.Select(r => r.Customer).ToArray(), data.Select(r => r.Day).ToArray(), 21, period, window);
                long previousEnd = 0;
                long totalNew = 0;
                foreach (TransactionChurnPeriod p in table.Periods)
                {
                    totalNew += p.NewCustomers;
                    if (p.CustomersAtStart != previousEnd || p.Lost > p.CustomersAtStart
                        || p.ActiveAtEnd > p.CustomersAtStart - p.Lost + p.NewCustomers + p.Reactivated
                        || p.Churn is { } c && c.Value is < 0 or > 1)
                    {
                        return false;
                    }

                    previousEnd = p.ActiveAtEnd;
                }

                return totalNew == data.Select(r => r.Customer).Distinct().Count();
            }));
    }

    private static void AssertRow(TransactionChurnPeriod row, LocalDate start, long atStart, long lost, long fresh, long reactivated, long atEnd)
    {
        Assert.Equal(start, row.Start);
        Assert.Equal(atStart, row.CustomersAtStart);
        Assert.Equal(lost, row.Lost);
        Assert.Equal(fresh, row.NewCustomers);
        Assert.Equal(reactivated, row.Reactivated);
        Assert.Equal(atEnd, row.ActiveAtEnd);
    }
}
