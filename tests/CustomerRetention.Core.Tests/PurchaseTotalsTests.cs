using FsCheck;
using FsCheck.Fluent;

namespace CustomerRetention.Core.Tests;

/// <summary>The one summing step: rows added in date order, runs appended, scale raised, summaries made.</summary>
public sealed class PurchaseTotalsTests
{
    /// <summary>Days as ascending gaps (0 = same day) and amounts in cents.</summary>
    private static readonly Arbitrary<(int Gap, int Cents)[]> Rows =
        Gen.ArrayOf(Gen.Zip(Gen.Choose(0, 3), Gen.Choose(-500, 5000))).Where(rows => rows.Length > 0).ToArbitrary();

    [Fact]
    public void Adding_Rows_Gives_The_Definition_Of_The_Summary()
    {
        // 1997-01-01: 12.99 and 1.01 (one purchase day), 1997-01-03: 5.00.
        var totals = default(PurchaseTotals);
        Assert.True(totals.TryAdd(9862, 1299));
        Assert.True(totals.TryAdd(9862, 101));
        Assert.True(totals.TryAdd(9864, 500));

        PurchaseSummary summary = totals.ToSummary(2);

        Assert.Equal(new PurchaseSummary(new NodaTime.LocalDate(1997, 1, 1), new NodaTime.LocalDate(1997, 1, 3), 3, 2, 19.00m, 14.00m), summary);
        Assert.Equal(1, summary.RepeatPurchaseDays);
        Assert.Equal(5.00m, summary.MonetaryValue);
    }

    [Fact]
    public void A_Row_Dated_Before_The_Last_Is_Refused_And_Changes_Nothing()
    {
        var totals = default(PurchaseTotals);
        totals.TryAdd(100, 1);
        totals.TryAdd(105, 2);
        PurchaseTotals before = totals;

        Assert.False(totals.TryAdd(104, 3));
        Assert.Equal(before, totals);
    }

    [Fact]
    public void No_Rows_Give_The_Empty_Summary() => Assert.False(default(PurchaseTotals).ToSummary(0).HasPurchases);

    [Fact]
    public void Totals_Beyond_A_Long_Overflow_Instead_Of_Wrapping()
    {
        var totals = default(PurchaseTotals);
        totals.TryAdd(1, long.MaxValue);
        Assert.Throws<OverflowException>(() => totals.TryAdd(2, 1));
    }

    [Fact]
    public void Arguments_Out_Of_Range_Are_Rejected_With_Their_Names()
    {
        Assert.Equal("scale", Assert.Throws<ArgumentOutOfRangeException>(() => default(PurchaseTotals).ToSummary(10)).ParamName);
        var totals = default(PurchaseTotals);
        Assert.Equal("by", Assert.Throws<ArgumentOutOfRangeException>(() => totals.Rescale(-1)).ParamName);
    }

    [Fact]
    public void Appending_The_Totals_Of_Any_Split_Equals_Adding_Every_Row_Meets_Specification() =>
        Properties.Check(Prop.ForAll(Rows, Gen.Choose(0, 1000).ToArbitrary(), (rows, cut) =>
        {
            int split = cut % (rows.Length + 1);
            PurchaseTotals whole = default, first = default, second = default;
            int day = 0;
            for (int i = 0; i < rows.Length; i++)
            {
                day += rows[i].Gap;
                whole.TryAdd(day, rows[i].Cents);
                if (i < split)
                {
                    first.TryAdd(day, rows[i].Cents);
                }
                else
                {
                    second.TryAdd(day, rows[i].Cents);
                }
            }

            return first.TryAppend(second) && first == whole;
        }));

    [Fact]
    public void Rescaling_Keeps_The_Amounts_Meets_Specification() =>
        Properties.Check(Prop.ForAll(Rows, rows =>
        {
            PurchaseTotals totals = default;
            int day = 0;
            foreach ((int gap, int cents) in rows)
            {
                totals.TryAdd(day += gap, cents);
            }

            PurchaseTotals rescaled = totals;
            rescaled.Rescale(3);
            return rescaled.ToSummary(5) == totals.ToSummary(2);
        }));

    [Fact]
    public void A_Later_Run_Starting_Before_The_Last_Day_Is_Refused()
    {
        PurchaseTotals early = default, late = default;
        early.TryAdd(10, 1);
        early.TryAdd(20, 1);
        late.TryAdd(15, 1);
        PurchaseTotals before = early;

        Assert.False(early.TryAppend(late));
        Assert.Equal(before, early);
    }
}
