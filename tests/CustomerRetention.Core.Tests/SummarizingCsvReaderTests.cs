using System.Globalization;
using System.Text;
using CustomerRetention.Csv;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerRetention.Core.Tests;

/// <summary>
/// The fused read-and-summarise path (<see cref="SummarizingCsvReader"/>) must give what the table path gives,
/// <c>PurchaseAggregator.Summarize(TransactionCsv.Read(...).Table, through)</c>, bit for bit (customer order, every
/// summary field, the decimal scale of the amounts, rows, latest date), or give up (null) for the caller to read the
/// input again through the table. Small blocks put the block machinery to work on small inputs.
/// </summary>
public sealed class SummarizingCsvReaderTests
{
    private const string Header = "customer_id,date,amount";
    private static readonly ParallelTransactionReader.Settings Small = new(2, 256);
    private static readonly LocalDate Start = new(2020, 1, 1);

    [Theory]
    [InlineData(false, false, true)]
    [InlineData(true, false, true)]
    [InlineData(false, true, true)]
    [InlineData(false, false, false)]
    [InlineData(true, true, false)]
    public void A_Grouped_File_Takes_The_Fast_Path_And_Agrees(bool crlf, bool bom, bool lastLineFeed)
    {
        var random = new Random(41);
        byte[] bytes = Encode(GroupedRows(random, 80, maxScale: 3), crlf, bom, lastLineFeed);

        foreach (LocalDate? through in Cutoffs())
        {
            AssertFastPathAgrees(bytes, through, Small);
            AssertFastPathAgrees(bytes, through, new ParallelTransactionReader.Settings(3, 97));
        }
    }

    [Theory]
    [InlineData(false, false, true)]
    [InlineData(true, true, true)]
    [InlineData(false, false, false)]
    public void A_Log_In_Date_Order_With_Few_Customers_Takes_The_Fast_Path_And_Agrees(bool crlf, bool bom, bool lastLineFeed)
    {
        var random = new Random(43);
        byte[] bytes = Encode(LogRows(random, 400, customers: 6, maxScale: 2), crlf, bom, lastLineFeed);

        foreach (LocalDate? through in Cutoffs())
        {
            AssertFastPathAgrees(bytes, through, Small);
            AssertFastPathAgrees(bytes, through, new ParallelTransactionReader.Settings(4, 64));
        }
    }

    [Fact]
    public void The_Amount_Scale_Rising_Late_Rescales_The_Customers_Already_Written()
    {
        // Whole amounts first (customers summed at scale 0), then 5.5 (scale 1) and 5.25 (scale 2) in later blocks,
        // 0.125 (scale 3) near the end, and whole amounts again after each rise (a block at a lower scale than the totals).
        var rows = new List<string>();
        for (int i = 0; i < 200; i++)
        {
            string amount = i switch
            {
                80 => "5.5",
                120 => "-5.25",
                121 => "5",
                190 => "0.125",
                _ => i % 7 == 3 ? "-5" : "5",
            };
            rows.Add(Row("K" + (i / 3).ToString(CultureInfo.InvariantCulture), Start.PlusDays(i), amount));
        }

        byte[] bytes = Encode(rows, crlf: false, bom: false, lastLineFeed: true);

        foreach (LocalDate? through in Cutoffs())
        {
            AssertFastPathAgrees(bytes, through, Small);
            AssertFastPathAgrees(bytes, through, new ParallelTransactionReader.Settings(3, 97));
        }

        // The table stores every amount at the file's largest scale (TransactionTable.TryGetAmountUnits): K0 bought 5 three times.
        TransactionCsvSummaries fast = Fast(bytes, null, Small)!;
        Assert.Equal("15.000", fast.Summaries[0].TotalAmount.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_Scale_Rise_Within_A_Block_Rescales_Its_Earlier_Runs()
    {
        // One block (of 4096 bytes) holds many runs before a row with more decimals, then rows with fewer.
        var rows = new List<string>();
        for (int i = 0; i < 600; i++)
        {
            string amount = i % 150 == 60 ? "1.0625" : i % 150 == 61 ? "2.5" : (i % 11).ToString(CultureInfo.InvariantCulture);
            rows.Add(Row("M" + (i / 2).ToString(CultureInfo.InvariantCulture), Start.PlusDays(i / 5), amount));
        }

        byte[] bytes = Encode(rows, crlf: false, bom: false, lastLineFeed: true);

        foreach (LocalDate? through in Cutoffs())
        {
            AssertFastPathAgrees(bytes, through, new ParallelTransactionReader.Settings(2, 4096));
            AssertFastPathAgrees(bytes, through, Small);
        }
    }

    [Fact]
    public void Negative_And_Zero_Totals_Agree()
    {
        var rows = new List<string>();
        for (int i = 0; i < 120; i++)
        {
            string id = "N" + (i / 4).ToString(CultureInfo.InvariantCulture);
            string amount = (i % 4) switch
            {
                0 => "-12.50",
                1 => "12.5",
                2 => i % 8 == 2 ? "-0.01" : "0",
                _ => "-3",
            };
            rows.Add(Row(id, Start.PlusDays(i / 8), amount));
        }

        byte[] bytes = Encode(rows, crlf: true, bom: false, lastLineFeed: true);

        foreach (LocalDate? through in Cutoffs())
        {
            AssertFastPathAgrees(bytes, through, Small);
        }
    }

    [Theory]
    [InlineData(32, 2)]
    [InlineData(8, 2)]
    [InlineData(8, 3)]
    [InlineData(16, 4)]
    public void Runs_Split_Exactly_At_A_Block_Boundary_Agree(int linesPerBlock, int workers)
    {
        // Every line is 32 bytes and a block of 32·L bytes (a power of two: the pool's buffer is exactly that long)
        // holds exactly L lines, so that the splits below fall exactly on block boundaries.
        int l = linesPerBlock;
        var rows = new string[6 * l];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = FixedRow("F" + i.ToString("00000000000000", CultureInfo.InvariantCulture), Start.PlusDays(i % 3), "1.25");
        }

        LocalDate d = Start.PlusDays(10);

        // X: its first (and only) day on both sides of the first boundary.
        rows[l - 2] = FixedRow("X", d, "1.00");
        rows[l - 1] = FixedRow("X", d, "2.00");
        rows[l] = FixedRow("X", d, "-0.5");
        rows[l + 1] = FixedRow("X", d, "4.00");

        // Y: a later day on both sides of the second boundary, then one more day.
        rows[(2 * l) - 3] = FixedRow("Y", d, "1.00");
        rows[(2 * l) - 2] = FixedRow("Y", d.PlusDays(2), "2.00");
        rows[(2 * l) - 1] = FixedRow("Y", d.PlusDays(2), "3.00");
        rows[2 * l] = FixedRow("Y", d.PlusDays(2), "4.00");
        rows[(2 * l) + 1] = FixedRow("Y", d.PlusDays(3), "5.00");

        // Z: different days on either side of the third boundary.
        rows[(3 * l) - 1] = FixedRow("Z", d, "1.00");
        rows[3 * l] = FixedRow("Z", d.PlusDays(1), "2.00");

        // W: one row before the fourth boundary, three after, all on one day.
        rows[(4 * l) - 1] = FixedRow("W", d.PlusDays(5), "1.00");
        rows[4 * l] = FixedRow("W", d.PlusDays(5), "1.00");
        rows[(4 * l) + 1] = FixedRow("W", d.PlusDays(5), "1.00");
        rows[(4 * l) + 2] = FixedRow("W", d.PlusDays(5), "1.5");

        // V: the last line of one block, then again (a later run, same day) two blocks on.
        rows[(5 * l) - 1] = FixedRow("V", d.PlusDays(6), "1.00");
        rows[(6 * l) - 1] = FixedRow("V", d.PlusDays(6), "2.00");

        byte[] bytes = Encode(rows, crlf: false, bom: false, lastLineFeed: true);
        Assert.All(rows, r => Assert.Equal(31, r.Length));
        var settings = new ParallelTransactionReader.Settings(workers, 32 * l);

        foreach (LocalDate? through in new LocalDate?[] { null, d, d.PlusDays(2), d.PlusDays(5) })
        {
            AssertFastPathAgrees(bytes, through, settings);
        }

        // The definitions (domain.md): same-day purchases are one purchase day; the first day's amount is that day's sum.
        PurchaseSummaries all = Fast(bytes, null, settings)!.Summaries;
        Assert.True(all.TryGet(new CustomerId(Pad("X")), out PurchaseSummary x));
        Assert.Equal((4L, 1, 6.5m, 6.5m), (x.Transactions, x.PurchaseDays, x.TotalAmount, x.FirstDayAmount));
        Assert.True(all.TryGet(new CustomerId(Pad("Y")), out PurchaseSummary y));
        Assert.Equal((5L, 3, 15m, 1m), (y.Transactions, y.PurchaseDays, y.TotalAmount, y.FirstDayAmount));
        Assert.True(all.TryGet(new CustomerId(Pad("W")), out PurchaseSummary w));
        Assert.Equal((4L, 1, 4.5m, 4.5m), (w.Transactions, w.PurchaseDays, w.TotalAmount, w.FirstDayAmount));
        Assert.True(all.TryGet(new CustomerId(Pad("V")), out PurchaseSummary v));
        Assert.Equal((2L, 1, 3m), (v.Transactions, v.PurchaseDays, v.TotalAmount));
    }

    [Fact]
    public void Customers_After_The_Cutoff_Are_Left_Out_And_The_Order_Is_Of_First_Appearance()
    {
        // B, then A (first seen after the cut-off, bought before it later in the file), C, D (only after the cut-off), E.
        LocalDate cut = Start.PlusDays(20);
        var rows = new List<string>();
        for (int i = 0; i < 30; i++)
        {
            rows.Add(Row("B", Start.PlusDays(i / 2), "1.5"));
        }

        rows.Add(Row("A", cut.PlusDays(3), "100"));
        for (int i = 0; i < 30; i++)
        {
            rows.Add(Row("C" + i.ToString(CultureInfo.InvariantCulture), Start.PlusDays(i), "2"));
        }

        rows.Add(Row("D", cut.PlusDays(1), "7"));
        rows.Add(Row("A", cut.PlusDays(-5), "3.25"));
        rows.Add(Row("A", cut, "1"));
        rows.Add(Row("A", cut.PlusDays(9), "50"));
        for (int i = 0; i < 30; i++)
        {
            rows.Add(Row("E", cut.PlusDays(i - 15), "-1"));
        }

        byte[] bytes = Encode(rows, crlf: false, bom: true, lastLineFeed: false);

        // A's rows are out of date order only across the cut-off: the rows after it do not count, and the fast path ignores them.
        foreach (LocalDate? through in new LocalDate?[] { cut, cut.PlusDays(-10), cut.PlusDays(1), cut.PlusDays(2), Start.PlusDays(-1) })
        {
            AssertFastPathAgrees(bytes, through, Small);
            AssertFastPathAgrees(bytes, through, new ParallelTransactionReader.Settings(3, 97));
        }

        // Without a cut-off they count: A's second row is dated before its first, and the table path takes over.
        Assert.Null(Fast(bytes, null, Small));
        Assert.Equal(ReadResults.Describe(() => TablePath(bytes, null)), ReadResults.Describe(() => Summarize(bytes, null, null, Small)));

        TransactionCsvSummaries summaries = Fast(bytes, cut, Small)!;
        Assert.Equal("B", summaries.Summaries.Customers[0].Value);
        Assert.Equal("A", summaries.Summaries.Customers[1].Value);
        Assert.DoesNotContain(new CustomerId("D"), summaries.Summaries.Customers);
        Assert.Equal(cut.PlusDays(14), summaries.LatestDate);
        Assert.Equal(rows.Count, summaries.Rows);
    }

    [Fact]
    public void A_Cutoff_Before_Every_Row_Leaves_No_Customer()
    {
        byte[] bytes = Encode(GroupedRows(new Random(7), 50, maxScale: 2), crlf: false, bom: false, lastLineFeed: true);

        TransactionCsvSummaries? fast = Fast(bytes, Start.PlusDays(-1), Small);

        Assert.NotNull(fast);
        Assert.Empty(fast!.Summaries);
        Assert.Empty(fast.Summaries.Customers);
        Assert.Equal(ReadResults.Describe(() => TablePath(bytes, Start.PlusDays(-1))), ReadResults.Describe(() => fast));
    }

    [Fact]
    public void Many_Customers_Agree_And_Their_Strings_Are_Made_On_Demand()
    {
        // 70,000 customers (more than the chunks the lazy list and the result's conversion split the work into).
        var rows = new List<string>(140_000);
        for (int c = 0; c < 70_000; c++)
        {
            string id = "G" + ((c * 7919) % 70_000).ToString(CultureInfo.InvariantCulture);
            rows.Add(Row(id, Start.PlusDays(c % 50), (c % 13).ToString(CultureInfo.InvariantCulture)));
            if (c % 3 == 0)
            {
                rows.Add(Row(id, Start.PlusDays((c % 50) + 1), "0.5"));
            }
        }

        byte[] bytes = Encode(rows, crlf: false, bom: false, lastLineFeed: true);
        var settings = new ParallelTransactionReader.Settings(2, 1 << 14);

        foreach (LocalDate? through in new LocalDate?[] { null, Start.PlusDays(25) })
        {
            AssertFastPathAgrees(bytes, through, settings);
        }
    }

    [Fact]
    public void Random_Grouped_Or_Date_Ordered_Files_Take_The_Fast_Path_And_Agree_Meets_Specification()
    {
        Properties.Check(
            Prop.ForAll(
                Gen.Choose(0, int.MaxValue).ToArbitrary(),
                Gen.Choose(40, 400).ToArbitrary(),
                Gen.Choose(0, 31).ToArbitrary(),
                (seed, rowCount, flavour) =>
                {
                    var random = new Random(seed);
                    bool log = (flavour & 1) != 0;
                    List<string> rows = log
                        ? LogRows(random, rowCount, customers: 1 + random.Next(12), maxScale: random.Next(0, 5))
                        : GroupedRows(random, rowCount / 3, maxScale: random.Next(0, 5));
                    byte[] bytes = Encode(rows, crlf: (flavour & 2) != 0, bom: (flavour & 4) != 0, lastLineFeed: (flavour & 8) == 0);
                    LocalDate? through = (flavour & 16) != 0 ? null : Start.PlusDays(random.Next(-5, 400));
                    var settings = new ParallelTransactionReader.Settings(random.Next(2, 5), random.Next(24, 400));
                    TransactionCsvSummaries? fast = Fast(bytes, through, settings);
                    return fast is not null
                        && ReadResults.Describe(() => fast) == ReadResults.Describe(() => TablePath(bytes, through));
                }),
            maxTest: 150);
    }

    private static IEnumerable<LocalDate?> Cutoffs() => [null, Start.PlusDays(30), Start.PlusDays(90), Start.PlusDays(-1), Start.PlusDays(100_000)];

    /// <summary>Asserts that the fast path is taken and gives the table path's result; and so does the internal Summarize.</summary>
    internal static void AssertFastPathAgrees(byte[] bytes, LocalDate? through, ParallelTransactionReader.Settings settings)
    {
        string expected = ReadResults.Describe(() => TablePath(bytes, through));
        TransactionCsvSummaries? fast = Fast(bytes, through, settings);
        Assert.NotNull(fast);
        Assert.Equal(expected, ReadResults.Describe(() => fast!));
        Assert.Equal(expected, ReadResults.Describe(() => Summarize(bytes, through, null, settings)));
    }

    internal static TransactionCsvSummaries? Fast(byte[] bytes, LocalDate? through, ParallelTransactionReader.Settings settings, TransactionCsvOptions? options = null) =>
        SummarizingCsvReader.TrySummarize(new MemoryStream(bytes), "t.csv", options ?? TransactionCsvOptions.Default, through is LocalDate t ? DayNumbers.FromDate(t) : int.MaxValue, settings);

    internal static TransactionCsvSummaries Summarize(byte[] bytes, LocalDate? through, TransactionCsvOptions? options, ParallelTransactionReader.Settings settings) =>
        TransactionCsv.Summarize(new MemoryStream(bytes), "t.csv", through, options ?? TransactionCsvOptions.Default, settings);

    /// <summary>The table path: the rows read into a table, then summarised.</summary>
    internal static TransactionCsvSummaries TablePath(byte[] bytes, LocalDate? through, TransactionCsvOptions? options = null)
    {
        TransactionCsvResult read = TransactionCsv.Read(new MemoryStream(bytes), "t.csv", options);
        TransactionTable table = read.Table;
        LocalDate? latest = table.Count == 0 ? null : DayNumbers.ToDate(table.DayNumbers.ToArray().Max());
        return new TransactionCsvSummaries(PurchaseAggregator.Summarize(table, through), table.Count, latest, read.SkippedRows, read.FirstSkipped);
    }

    internal static string Row(string id, LocalDate date, string amount) =>
        id + "," + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "," + amount;

    /// <summary>The header and rows as UTF-8, LF or CRLF, with or without a byte-order mark and a line feed after the last row.</summary>
    internal static byte[] Encode(IEnumerable<string> rows, bool crlf, bool bom, bool lastLineFeed)
    {
        string newline = crlf ? "\r\n" : "\n";
        string text = Header + newline + string.Join(newline, rows) + (lastLineFeed ? newline : string.Empty);
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        return bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes;
    }

    /// <summary>Customers one after the other (ids in no particular order), each's rows in date order with same-day repeats.</summary>
    internal static List<string> GroupedRows(Random random, int customers, int maxScale)
    {
        var rows = new List<string>();
        int[] numbers = [.. Enumerable.Range(0, customers).OrderBy(_ => random.Next())];
        for (int c = 0; c < customers; c++)
        {
            string id = "C" + numbers[c].ToString(CultureInfo.InvariantCulture);
            LocalDate date = Start.PlusDays(random.Next(0, 200));
            int n = 1 + random.Next(6);
            for (int i = 0; i < n; i++)
            {
                // The scale allowed rises along the file: later customers bring more decimals.
                int scale = random.Next(0, 1 + (maxScale * (c + 1) / customers));
                rows.Add(Row(id, date, Amount(random, scale)));
                date = date.PlusDays(random.Next(3) == 0 ? 0 : random.Next(1, 40));
            }
        }

        return rows;
    }

    /// <summary>A log in date order (same-day rows common) over a few customers.</summary>
    internal static List<string> LogRows(Random random, int count, int customers, int maxScale)
    {
        var rows = new List<string>();
        LocalDate date = Start;
        for (int i = 0; i < count; i++)
        {
            string id = "L" + random.Next(customers).ToString(CultureInfo.InvariantCulture);
            int scale = random.Next(0, 1 + (maxScale * (i + 1) / count));
            rows.Add(Row(id, date, Amount(random, scale)));
            date = date.PlusDays(random.Next(4) == 0 ? 1 : 0);
        }

        return rows;
    }

    /// <summary>An amount with <paramref name="scale"/> decimals as written (trailing zeros kept), of either sign.</summary>
    internal static string Amount(Random random, int scale)
    {
        long units = random.Next(-20_000, 100_000);
        return AmountUnits.ToDecimal(units, scale).ToString(CultureInfo.InvariantCulture);
    }

    private static string Pad(string id) => id.PadRight(15, '_');

    /// <summary>A row of exactly 31 bytes (32 with its line feed): the id padded to 15, the amount to 4.</summary>
    private static string FixedRow(string id, LocalDate date, string amount) =>
        Row(Pad(id), date, amount.PadLeft(4, '0'));
}
