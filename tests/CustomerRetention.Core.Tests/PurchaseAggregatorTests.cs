using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using TestData = CustomerRetention.TestKit.TestData;

namespace CustomerRetention.Core.Tests;

public sealed class PurchaseAggregatorTests
{
    private static readonly LocalDate CalibrationEnd = new(1997, 9, 30);
    private static readonly LocalDate Start = new(1997, 1, 1);

    /// <summary>Random transactions: each int encodes a customer (6), a day (41) and an amount in cents (−5.00 .. 200.00).</summary>
    private static Arbitrary<int[]> Codes => Gen.ArrayOf(Gen.Choose(0, (6 * 41 * 20501) - 1)).ToArbitrary();

    private static Transaction Decode(int code)
    {
        int customer = code % 6;
        int day = code / 6 % 41;
        int cents = (code / (6 * 41)) - 500;
        return new Transaction(new CustomerId("c" + customer.ToString(CultureInfo.InvariantCulture)), Start.PlusDays(day), cents / 100m);
    }

    private static List<Transaction> DecodeAll(int[] codes) => codes.Select(Decode).ToList();

    /// <summary>An independent, naive oracle straight from the definitions of docs/cli.md (summary).</summary>
    private static Dictionary<CustomerId, (int X, int FirstDay, int LastDay, long Count, decimal Total, decimal Repeat)> Oracle(IEnumerable<Transaction> transactions, LocalDate through) =>
        transactions.Where(t => t.Date <= through)
            .GroupBy(t => t.Customer)
            .ToDictionary(
                g => g.Key,
                g =>
                {
                    var days = g.GroupBy(t => t.Date).OrderBy(d => d.Key).ToList();
                    decimal repeat = days.Skip(1).Sum(d => d.Sum(t => t.Amount));
                    return (days.Count - 1, DayNumbers.FromDate(days[0].Key), DayNumbers.FromDate(days[^1].Key), (long)g.Count(), g.Sum(t => t.Amount), repeat);
                });

    /// <summary>The CDNOW sample transactions (tests/data), read without the CSV package: Core's tests need only Core.</summary>
    private static TransactionTable CdnowSample()
    {
        var builder = new TransactionTable.Builder();
        foreach (string[] row in TestData.Rows("cdnow_sample_transactions.csv"))
        {
            builder.Add(new CustomerId(row[0]), NodaTime.Text.LocalDatePattern.Iso.Parse(row[1]).Value, decimal.Parse(row[2], CultureInfo.InvariantCulture));
        }

        return builder.ToTable();
    }

    [Fact]
    public void Cdnow_Summary_In_Weeks_Matches_The_Published_Summary_For_All_2357_Customers()
    {
        TransactionTable table = CdnowSample();
        PurchaseSummaries summaries = PurchaseAggregator.Summarize(table, CalibrationEnd);
        ModelInputs inputs = summaries.ToModelInputs(CalibrationEnd, TimeUnit.Week);

        // cdnow_sample_summary_weeks.csv (ID,x,t_x,T,zbar), the CDNOW sample summary of Fader, Hardie & Lee (2005), rounded to 2 decimals.
        IReadOnlyList<string[]> expected = TestData.Rows("cdnow_sample_summary_weeks.csv");
        Assert.Equal(2357, expected.Count);
        Assert.Equal(2357, inputs.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            string[] row = expected[i];
            Assert.True(summaries.TryGet(new CustomerId(row[0]), out PurchaseSummary summary), row[0]);
            ModelInput input = summary.ToModelInput(CalibrationEnd, TimeUnit.Week);
            Assert.Equal(int.Parse(row[1], CultureInfo.InvariantCulture), input.Frequency);
            Tolerance.Decimals(double.Parse(row[2], CultureInfo.InvariantCulture), input.Recency, 2);
            Tolerance.Decimals(double.Parse(row[3], CultureInfo.InvariantCulture), input.T, 2);
            Tolerance.Decimals(double.Parse(row[4], CultureInfo.InvariantCulture), (double)input.MonetaryValue, 2);
        }

        // reference-values.md: 2,457 repeat purchase days in calibration (same-day purchases merged; 2,603 if not).
        Assert.Equal(2457, summaries.TotalRepeatPurchaseDays());
        Assert.Equal(2457.0, inputs.Frequency.ToArray().Sum());
    }

    [Fact]
    public void Same_Day_Purchases_Merge_Into_One_Purchase_Day()
    {
        var a = new CustomerId("A");
        Transaction[] transactions =
        [
            new(a, new LocalDate(1997, 1, 1), 10m),
            new(a, new LocalDate(1997, 1, 1), 5m),
            new(a, new LocalDate(1997, 1, 8), 20m),
            new(a, new LocalDate(1997, 1, 8), 1m),
            new(a, new LocalDate(1997, 1, 15), 3m),
        ];

        PurchaseSummary s = Assert.Single(PurchaseAggregator.Summarize(transactions));
        ModelInput input = s.ToModelInput(new LocalDate(1997, 1, 29), TimeUnit.Week);

        Assert.Equal(5, s.Transactions);
        Assert.Equal(3, s.PurchaseDays);
        Assert.Equal(39m, s.TotalAmount);
        Assert.Equal(15m, s.FirstDayAmount);
        // x = 3 days − 1; t_x = 14 days = 2 weeks; T = 28 days = 4 weeks; z̄ = (21 + 3) / 2.
        Assert.Equal(new ModelInput(2, 2.0, 4.0, 12m), input);
    }

    [Fact]
    public void Only_Purchases_Through_The_Cutoff_Count_And_Later_Customers_Are_Left_Out()
    {
        Transaction[] transactions =
        [
            new(new CustomerId("A"), new LocalDate(1997, 9, 30), 10m),
            new(new CustomerId("A"), new LocalDate(1997, 10, 1), 99m),
            new(new CustomerId("B"), new LocalDate(1997, 10, 1), 5m),
        ];

        PurchaseSummaries summaries = PurchaseAggregator.Summarize(transactions, CalibrationEnd);

        Assert.Equal([new CustomerId("A")], summaries.Customers);
        Assert.Equal(new ModelInput(0, 0, 0, 0m), summaries[0].ToModelInput(CalibrationEnd, TimeUnit.Day));
        Assert.Equal(CalibrationEnd, summaries.Through);
    }

    [Fact]
    public void A_Calibration_End_Before_The_Last_Purchase_Is_Rejected()
    {
        PurchaseSummary s = Assert.Single(PurchaseAggregator.Summarize([new Transaction(new CustomerId("A"), CalibrationEnd, 1m)]));

        Assert.Throws<ArgumentOutOfRangeException>(() => s.ToModelInput(CalibrationEnd.PlusDays(-1), TimeUnit.Day));
        Assert.Throws<InvalidOperationException>(() => default(PurchaseSummary).ToModelInput(CalibrationEnd, TimeUnit.Day));
    }

    [Fact]
    public void Summary_Is_Independent_Of_Input_Order_Meets_Specification() =>
        Properties.Check(Prop.ForAll(Codes, Gen.Choose(0, int.MaxValue).ToArbitrary(), (codes, seed) =>
        {
            List<Transaction> transactions = DecodeAll(codes);
            var random = new Random(seed);
            List<Transaction> shuffled = transactions.Select(t => (Key: random.Next(), t)).OrderBy(p => p.Key).Select(p => p.t).ToList();
            var sorted = transactions.OrderBy(t => t.Customer).ThenBy(t => t.Date).ToList();

            Dictionary<CustomerId, PurchaseSummary> a = ToDictionary(PurchaseAggregator.Summarize(transactions, Start.PlusDays(30)));
            Dictionary<CustomerId, PurchaseSummary> b = ToDictionary(PurchaseAggregator.Summarize(shuffled, Start.PlusDays(30)));
            Dictionary<CustomerId, PurchaseSummary> c = ToDictionary(PurchaseAggregator.Summarize(sorted, Start.PlusDays(30)));
            return SameSummaries(a, b) && SameSummaries(a, c);
        }));

    [Fact]
    public void Summary_Equals_The_Definition_Meets_Specification() =>
        Properties.Check(Prop.ForAll(Codes, codes =>
        {
            List<Transaction> transactions = DecodeAll(codes);
            LocalDate through = Start.PlusDays(25);
            var oracle = Oracle(transactions, through);
            PurchaseSummaries summaries = PurchaseAggregator.Summarize(transactions, through);
            if (summaries.Count != oracle.Count)
            {
                return false;
            }

            for (int i = 0; i < summaries.Count; i++)
            {
                var o = oracle[summaries.Customers[i]];
                PurchaseSummary s = summaries[i];
                if (s.RepeatPurchaseDays != o.X || s.FirstDayNumber != o.FirstDay || s.LastDayNumber != o.LastDay
                    || s.Transactions != o.Count || s.TotalAmount != o.Total || s.RepeatAmount != o.Repeat)
                {
                    return false;
                }
            }

            return true;
        }));

    [Fact]
    public void Merging_The_Aggregates_Of_A_Random_Partition_Equals_The_Whole_Meets_Specification() =>
        Properties.Check(Prop.ForAll(Codes, Gen.Choose(1, 4).ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (codes, partCount, seed) =>
        {
            List<Transaction> transactions = DecodeAll(codes);
            var random = new Random(seed);
            var parts = new List<Transaction>[partCount];
            for (int p = 0; p < partCount; p++)
            {
                parts[p] = [];
            }

            foreach (Transaction t in transactions)
            {
                parts[random.Next(partCount)].Add(t);
            }

            PurchaseAggregate merged = PurchaseAggregate.Merge(parts.Select(PurchaseAggregate.FromTransactions));
            PurchaseAggregate pairwise = parts.Select(PurchaseAggregate.FromTransactions).Aggregate(PurchaseAggregate.Empty, PurchaseAggregate.Merge);
            PurchaseAggregate whole = PurchaseAggregate.FromTransactions(transactions);
            LocalDate through = Start.PlusDays(20);

            Dictionary<CustomerId, PurchaseSummary> expected = ToDictionary(PurchaseAggregator.Summarize(transactions, through));
            return SameSummaries(expected, ToDictionary(merged.Summarize(through)))
                && SameSummaries(expected, ToDictionary(pairwise.Summarize(through)))
                && SameSummaries(expected, ToDictionary(whole.Summarize(through)))
                && merged.TransactionCount == transactions.Count
                && merged.PurchaseDayCount == whole.PurchaseDayCount;
        }));

    [Fact]
    public void Frequency_Recency_And_T_Stay_In_Range_Meets_Specification() =>
        Properties.Check(Prop.ForAll(Codes, codes =>
        {
            LocalDate end = Start.PlusDays(40);
            PurchaseSummaries summaries = PurchaseAggregator.Summarize(DecodeAll(codes), end);
            foreach (TimeUnit unit in new[] { TimeUnit.Day, TimeUnit.Week, TimeUnit.OfDays(30.4375) })
            {
                ModelInputs inputs = summaries.ToModelInputs(end, unit);
                for (int i = 0; i < inputs.Count; i++)
                {
                    ModelInput m = inputs[i];
                    if (m.Frequency > summaries[i].Transactions - 1 || m.Recency < 0 || m.Recency > m.T
                        || (m.Frequency == 0 && (m.Recency != 0 || m.MonetaryValue != 0m)))
                    {
                        return false;
                    }
                }
            }

            return true;
        }));

    [Fact]
    public void Monetary_Value_Is_The_Exact_Decimal_Mean_Of_The_Repeat_Days_Meets_Specification() =>
        Properties.Check(Prop.ForAll(Codes, codes =>
        {
            List<Transaction> transactions = DecodeAll(codes);
            LocalDate end = Start.PlusDays(40);
            foreach (PurchaseSummary s in PurchaseAggregator.Summarize(transactions, end))
            {
                ModelInput m = s.ToModelInput(end, TimeUnit.Day);
                if (m.Frequency > 0 && m.MonetaryValue * m.Frequency != s.RepeatAmount && Math.Abs((m.MonetaryValue * m.Frequency) - s.RepeatAmount) > 1e-20m)
                {
                    return false;
                }
            }

            return true;
        }));

    [Fact]
    public void Monetary_Value_Keeps_Cents_Exact()
    {
        var a = new CustomerId("A");
        // Repeat days of 0.10 and 0.20: the mean is exactly 0.15 (in binary floating point 0.1 + 0.2 is not 0.3).
        Transaction[] transactions = [new(a, Start, 1m), new(a, Start.PlusDays(1), 0.10m), new(a, Start.PlusDays(2), 0.20m)];

        Assert.Equal(0.15m, Assert.Single(PurchaseAggregator.Summarize(transactions)).MonetaryValue);
    }

    [Fact]
    public void The_Span_Entry_Overwrites_The_Destination_And_Rejects_Bad_Indices()
    {
        var destination = new PurchaseSummary[3];
        destination[2] = new PurchaseSummary(Start, Start, 1, 1, 1m, 1m);

        PurchaseAggregator.Summarize([0, 1, 0], [10, 5, 3], [1m, 2m, 4m], int.MaxValue, destination);

        Assert.Equal(new PurchaseSummary(DayNumbers.ToDate(3), DayNumbers.ToDate(10), 2, 2, 5m, 4m), destination[0]);
        Assert.False(destination[2].HasPurchases);
        Assert.Throws<ArgumentOutOfRangeException>(() => PurchaseAggregator.Summarize([5], [1], [1m], int.MaxValue, new PurchaseSummary[3]));
        Assert.Throws<ArgumentException>(() => PurchaseAggregator.Summarize([0, 0], [1], [1m], int.MaxValue, new PurchaseSummary[3]));
    }

    [Fact]
    public void Purchase_Summary_Rejects_Inconsistent_Parts()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PurchaseSummary(Start, Start.PlusDays(-1), 1, 1, 0m, 0m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PurchaseSummary(Start, Start, 2, 2, 0m, 0m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PurchaseSummary(Start, Start.PlusDays(5), 1, 2, 0m, 0m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PurchaseSummary(Start, Start.PlusDays(1), 3, 3, 0m, 0m));
    }

    [Fact]
    public void Cdnow_Holdout_Has_1882_Repeat_Purchase_Days()
    {
        TransactionTable table = CdnowSample();

        CalibrationHoldout split = CalibrationHoldout.Split(table, CalibrationEnd, new LocalDate(1998, 6, 30));

        // reference-values.md: actual 1,882 repeat transactions in 1997-10-01 .. 1998-06-30 (same-day merged).
        Assert.Equal(1882, split.TotalHoldoutPurchaseDays());
        Assert.Equal(2357, split.Calibration.Count);
        Assert.Equal(Start, split.SeriesStart);
        Assert.Equal(273, split.HoldoutDays);
        // The daily series holds every repeat purchase day: 2,457 in calibration plus 1,882 in the holdout.
        Assert.Equal(2457 + 1882, split.DailyRepeatPurchases.ToArray().Sum());
    }

    [Fact]
    public void Holdout_Counts_Purchase_Days_And_Amounts_After_The_Calibration_End()
    {
        var a = new CustomerId("A");
        var b = new CustomerId("B");
        Transaction[] transactions =
        [
            new(a, Start, 1m), new(a, Start.PlusDays(10), 2m), new(a, Start.PlusDays(10), 3m), new(a, Start.PlusDays(11), 4m),
            new(a, Start.PlusDays(30), 100m), new(b, Start.PlusDays(10), 7m),
        ];

        CalibrationHoldout split = CalibrationHoldout.Split(TransactionTable.FromTransactions(transactions), Start.PlusDays(5), Start.PlusDays(20));

        Assert.Equal([a], split.Calibration.Customers);
        Assert.Equal([2], split.HoldoutPurchaseDays.ToArray());
        Assert.Equal([9m], split.HoldoutAmounts.ToArray());
        Assert.Equal(21, split.DailyRepeatPurchases.Length);
        Assert.Equal(1, split.DailyRepeatPurchases[10]);
        Assert.Equal(1, split.DailyRepeatPurchases[11]);
    }

    [Fact]
    public void Daily_Purchases_Round_Trip_Through_The_Aggregate()
    {
        TransactionTable table = CdnowSample();
        PurchaseAggregate aggregate = PurchaseAggregate.FromTable(table);

        PurchaseAggregate rebuilt = PurchaseAggregate.FromDailyPurchases(aggregate.ToDailyPurchases());

        Assert.True(SameSummaries(ToDictionary(aggregate.Summarize(CalibrationEnd)), ToDictionary(rebuilt.Summarize(CalibrationEnd))));
        Assert.Equal(6919, rebuilt.TransactionCount);
    }

    private static Dictionary<CustomerId, PurchaseSummary> ToDictionary(PurchaseSummaries summaries)
    {
        var d = new Dictionary<CustomerId, PurchaseSummary>();
        for (int i = 0; i < summaries.Count; i++)
        {
            d.Add(summaries.Customers[i], summaries[i]);
        }

        return d;
    }

    private static bool SameSummaries(Dictionary<CustomerId, PurchaseSummary> a, Dictionary<CustomerId, PurchaseSummary> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out PurchaseSummary s) && s == p.Value);
}
