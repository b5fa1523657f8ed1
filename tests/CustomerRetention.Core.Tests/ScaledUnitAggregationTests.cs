using FsCheck;
using FsCheck.Fluent;

namespace CustomerRetention.Core.Tests;

/// <summary>
/// The scaled-integer paths of the aggregator: the pass for rows in date order per customer (grouped, or a
/// log in date order), its merge of a customer met in several runs and its parallel chunks on large inputs;
/// and the radix-sort fallback for unordered rows with its three ways of counting distinct days. The
/// reference is the decimal overload, a separate implementation of the same conventions.
/// </summary>
public sealed class ScaledUnitAggregationTests
{
    [Fact]
    public void Date_Ordered_Rows_Give_The_Decimal_Result_Meets_Specification() =>
        Properties.Check(Prop.ForAll(
            Gen.ArrayOf(Gen.Choose(0, int.MaxValue)).ToArbitrary(),
            Gen.Elements(true, false).ToArbitrary(),
            (codes, grouped) =>
            {
                // Rows of 6 customers over 12 days (same-day purchases are frequent), sorted by day
                // (an interleaved log) or by customer then day (grouped); cut-off at day 9.
                int[] order = [.. Enumerable.Range(0, codes.Length).OrderBy(i => grouped ? codes[i] % 6 : 0).ThenBy(i => codes[i] / 6 % 12)];
                int n = codes.Length;
                var customers = new int[n];
                var days = new int[n];
                var units = new long[n];
                var amounts = new decimal[n];
                for (int k = 0; k < n; k++)
                {
                    int code = codes[order[k]];
                    customers[k] = code % 6;
                    days[k] = code / 6 % 12;
                    units[k] = (code / 72 % 20_001) - 10_000;
                    amounts[k] = units[k] / 100m;
                }

                return SameAsDecimals(customers, days, units, amounts, 6, through: 9);
            }));

    [Fact]
    public void A_Customer_Met_Again_On_Its_Last_Day_Merges_That_Day()
    {
        // Customer 0: day 5 (1.00), then after customer 1, day 5 again (2.00) and day 7 (4.00):
        // 3 transactions on 2 purchase days, total 7.00, first-day amount 1.00 + 2.00 = 3.00.
        var destination = new PurchaseSummary[2];

        PurchaseAggregator.Summarize([0, 1, 0, 0], [5, 5, 5, 7], [100L, 800L, 200L, 400L], 2, int.MaxValue, destination);

        Assert.Equal(3, destination[0].Transactions);
        Assert.Equal(2, destination[0].PurchaseDays);
        Assert.Equal(7.00m, destination[0].TotalAmount);
        Assert.Equal(4.00m, destination[0].RepeatAmount);
        Assert.Equal(1, destination[1].Transactions);
    }

    [Fact]
    public void Customers_With_Every_Row_After_The_Cut_Off_Are_Left_Empty()
    {
        var destination = new PurchaseSummary[3];
        destination[1] = new PurchaseSummary(new NodaTime.LocalDate(2020, 1, 1), new NodaTime.LocalDate(2020, 1, 1), 1, 1, 1m, 1m);

        PurchaseAggregator.Summarize([0, 1, 1, 2], [3, 9, 10, 4], [1L, 1L, 1L, 1L], 0, 5, destination);

        Assert.True(destination[0].HasPurchases);
        Assert.Equal(default, destination[1]);
        Assert.True(destination[2].HasPurchases);
    }

    [Theory]
    [InlineData("grouped")]
    [InlineData("grouped, numbered backwards")]
    [InlineData("log in date order")]
    [InlineData("grouped, one row out of order")]
    public void Large_Inputs_Give_The_Decimal_Result(string shape)
    {
        // Above the parallel threshold (2^20 rows): grouped input runs in chunks, the other shapes in one pass
        // or in the unordered fallback; all must equal the decimal overload.
        const int customerCount = 150_000;
        var random = new Random(17);
        var rows = new List<(int Customer, int Day, long Units)>();
        for (int c = 0; c < customerCount; c++)
        {
            int count = 1 + random.Next(15);
            int day = random.Next(100);
            for (int k = 0; k < count; k++)
            {
                day += random.Next(3); // same-day purchases happen
                rows.Add((c, day, random.Next(-500, 50_000)));
            }
        }

        if (shape == "grouped, numbered backwards")
        {
            rows = [.. rows.Select(r => (customerCount - 1 - r.Customer, r.Day, r.Units))];
        }
        else if (shape == "log in date order")
        {
            rows = [.. rows.OrderBy(r => r.Day)];
        }
        else if (shape == "grouped, one row out of order")
        {
            int at = rows.Count * 3 / 4;
            (rows[at], rows[at + 1]) = (rows[at + 1], rows[at]);
        }

        Assert.True(rows.Count > 1 << 20);
        int[] customers = [.. rows.Select(r => r.Customer)];
        int[] days = [.. rows.Select(r => r.Day)];
        long[] units = [.. rows.Select(r => r.Units)];
        decimal[] amounts = [.. rows.Select(r => r.Units / 100m)];

        Assert.True(SameAsDecimals(customers, days, units, amounts, customerCount + 5, through: int.MaxValue));
        Assert.True(SameAsDecimals(customers, days, units, amounts, customerCount, through: 60));
    }

    [Fact]
    public void Unordered_Long_Runs_Give_The_Decimal_Result_Meets_Specification() =>
        Properties.Check(Prop.ForAll(
            Gen.ArrayOf(Gen.Choose(0, int.MaxValue)).ToArbitrary(),
            Gen.Elements(7, 400, 8_000_000).ToArbitrary(),
            (codes, dayRange) =>
            {
                // Two customers, so runs are long (beyond the 16 rows compared pairwise), days from a narrow range
                // (many same-day rows), a wider one, or one wider than the 2^22-day bitmap (sorted instead).
                int n = codes.Length;
                var customers = new int[n];
                var days = new int[n];
                var units = new long[n];
                var amounts = new decimal[n];
                for (int i = 0; i < n; i++)
                {
                    customers[i] = codes[i] % 2;
                    days[i] = (codes[i] / 2 % dayRange) - (dayRange / 2);
                    units[i] = (codes[i] % 10_007) - 5_000;
                    amounts[i] = units[i] / 100m;
                }

                return SameAsDecimals(customers, days, units, amounts, 3, through: int.MaxValue)
                    && SameAsDecimals(customers, days, units, amounts, 2, through: 0);
            }));

    [Fact]
    public void Unordered_Runs_Count_Distinct_Days_By_Each_Method()
    {
        // Customer 0: 20 rows on days 9, 8, ..., 0 twice (bitmap path): 10 purchase days, first day 0 with
        // 2 + 2 = 4 units. Customer 1: 3 rows on days 5_000_000, −3_000_000, 5_000_000 (compared pairwise):
        // 2 purchase days. Customer 2: 17 rows alternating days −3_000_000 and 3_000_000 (a range wider than the
        // bitmap: sorted): 2 purchase days.
        var customers = new List<int>();
        var days = new List<int>();
        for (int k = 0; k < 20; k++)
        {
            customers.Add(0);
            days.Add(9 - (k % 10));
        }

        customers.AddRange([1, 1, 1]);
        days.AddRange([5_000_000, -3_000_000, 5_000_000]);
        for (int k = 0; k < 17; k++)
        {
            customers.Add(2);
            days.Add(k % 2 == 0 ? 3_000_000 : -3_000_000);
        }

        long[] units = [.. customers.Select(_ => 2L)];
        var destination = new PurchaseSummary[3];

        PurchaseAggregator.Summarize([.. customers], [.. days], units, 0, int.MaxValue, destination);

        Assert.Equal(10, destination[0].PurchaseDays);
        Assert.Equal(0, destination[0].FirstDayNumber);
        Assert.Equal(9, destination[0].LastDayNumber);
        Assert.Equal(40m - 4m, destination[0].RepeatAmount);
        Assert.Equal(2, destination[1].PurchaseDays);
        Assert.Equal(2, destination[2].PurchaseDays);
        Assert.Equal(17, destination[2].Transactions);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Large_Inputs_Report_A_Bad_Customer_Index_As_Such(bool shuffled)
    {
        // Parallel workers (grouped: the in-order chunks; shuffled, days descending: the radix sort) must not
        // wrap the argument error in an AggregateException.
        const int n = (1 << 20) + 10;
        int[] customers = [.. Enumerable.Range(0, n).Select(i => shuffled ? (int)((i * 7919L) % 1000) : i / 10)];
        customers[n - 3] = (n / 10) + 5;
        int[] days = [.. Enumerable.Range(0, n).Select(i => -i)];
        long[] units = new long[n];

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => PurchaseAggregator.Summarize(customers, days, units, 2, int.MaxValue, new PurchaseSummary[(n / 10) + 1]));

        Assert.Equal("customerIndices", error.ParamName);
    }

    [Fact]
    public void Large_Inputs_Whose_Totals_Overflow_Are_Summed_As_Decimals()
    {
        // Grouped input on the parallel path; customer 0's two rows of long.MaxValue / 2 + 1 units overflow a long.
        const int n = (1 << 20) + 10;
        int[] customers = [.. Enumerable.Range(0, n).Select(i => i / 2)];
        int[] days = [.. Enumerable.Range(0, n).Select(i => i % 2)];
        long[] units = new long[n];
        units[0] = units[1] = (long.MaxValue / 2) + 1;
        var destination = new PurchaseSummary[(n / 2) + 1];

        PurchaseAggregator.Summarize(customers, days, units, 0, int.MaxValue, destination);

        Assert.Equal(2m * ((long.MaxValue / 2) + 1), destination[0].TotalAmount);
        Assert.Equal(2, destination[0].PurchaseDays);
    }

    private static bool SameAsDecimals(int[] customers, int[] days, long[] units, decimal[] amounts, int customerCount, int through)
    {
        var fromUnits = new PurchaseSummary[customerCount];
        var fromDecimals = new PurchaseSummary[customerCount];
        Array.Fill(fromUnits, new PurchaseSummary(new NodaTime.LocalDate(1999, 1, 1), new NodaTime.LocalDate(1999, 1, 2), 2, 2, 5m, 1m));
        PurchaseAggregator.Summarize(customers, days, units, 2, through, fromUnits);
        PurchaseAggregator.Summarize(customers, days, amounts, through, fromDecimals);
        return fromUnits.AsSpan().SequenceEqual(fromDecimals);
    }

    [Fact]
    public void One_Core_And_All_Cores_Give_The_Same_Summaries_And_A_Bad_Degree_Is_Rejected()
    {
        const int n = (1 << 19) + 7;
        int[] customers = [.. Enumerable.Range(0, n).Select(i => i / 7)];
        int[] days = [.. Enumerable.Range(0, n).Select(i => i % 7 / 2)];
        long[] units = [.. Enumerable.Range(0, n).Select(i => (long)(i % 1000) - 100)];
        var one = new PurchaseSummary[(n / 7) + 1];
        var all = new PurchaseSummary[(n / 7) + 1];

        PurchaseAggregator.Summarize(customers, days, units, 2, int.MaxValue, one, maxDegreeOfParallelism: 1);
        PurchaseAggregator.Summarize(customers, days, units, 2, int.MaxValue, all, maxDegreeOfParallelism: -1);

        Assert.Equal(one, all);
        Assert.Equal(4, one[0].PurchaseDays); // days 0, 0, 1, 1, 2, 2, 3
        Assert.Equal("maxDegreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(
            () => PurchaseAggregator.Summarize(customers, days, units, 2, int.MaxValue, one, maxDegreeOfParallelism: 0)).ParamName);
    }
}
