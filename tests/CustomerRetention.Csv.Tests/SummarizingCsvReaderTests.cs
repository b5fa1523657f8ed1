using System.Globalization;
using System.Text;
using CustomerRetention.Csv;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerRetention.Csv.Tests;

/// <summary>
/// The fused read-and-summarise path (<see cref="SummarizingCsvReader"/>) must give what the table path gives,
/// <c>PurchaseAggregator.Summarize(TransactionCsv.Read(...).Table, through)</c>, bit for bit (customer order, every
/// summary field, the decimal scale of the amounts, rows, latest date), or give up (null) for the caller to read the
/// input again through the table. Small blocks put the block machinery to work on small inputs.
/// </summary>
public sealed class SummarizingCsvReaderTests
{
    private const string Header = "customer_id,date,amount";
    private static readonly SummarizingCsvReader.Settings Small = new(2, 256);
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
            AssertFastPathAgrees(bytes, through, new SummarizingCsvReader.Settings(3, 97));
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
            AssertFastPathAgrees(bytes, through, new SummarizingCsvReader.Settings(4, 64));
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
            AssertFastPathAgrees(bytes, through, new SummarizingCsvReader.Settings(3, 97));
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
            AssertFastPathAgrees(bytes, through, new SummarizingCsvReader.Settings(2, 4096));
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
        var settings = new SummarizingCsvReader.Settings(workers, 32 * l);

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
            AssertFastPathAgrees(bytes, through, new SummarizingCsvReader.Settings(3, 97));
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
    public void Many_Customers_Agree()
    {
        // 70,000 customers, their ids in no particular order.
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
        var settings = new SummarizingCsvReader.Settings(2, 1 << 14);

        foreach (LocalDate? through in new LocalDate?[] { null, Start.PlusDays(25) })
        {
            AssertFastPathAgrees(bytes, through, settings);
        }
    }

    [Fact]
    public void Customers_Enough_For_Parallel_Decoding_And_Conversion_Agree()
    {
        // From 2^16 customers on, the ids are decoded and the totals become summaries in chunks on all cores; every chunk must agree.
        int customers = (1 << 18) + 1000;
        var rows = new List<string>(customers);
        for (int c = 0; c < customers; c++)
        {
            rows.Add(Row("P" + c.ToString(CultureInfo.InvariantCulture), Start.PlusDays(c % 40), (c % 7).ToString(CultureInfo.InvariantCulture) + ".5"));
        }

        AssertFastPathAgrees(Encode(rows, crlf: false, bom: false, lastLineFeed: true), Start.PlusDays(20), new SummarizingCsvReader.Settings(2, 1 << 18));
    }

    [Fact]
    public void A_First_Block_Of_One_Customer_Then_Thousands_Agrees()
    {
        // The room for customers is estimated from the first 64 KiB (mostly one customer here): the ids and totals must regrow.
        var rows = new List<string>();
        for (int i = 0; i < 3000; i++)
        {
            rows.Add(Row("first", Start.PlusDays(i / 100), "1.5"));
        }

        for (int c = 0; c < 6000; c++)
        {
            rows.Add(Row("id-" + new string('x', c % 40) + c.ToString(CultureInfo.InvariantCulture), Start.PlusDays(c % 30), (c % 17).ToString(CultureInfo.InvariantCulture)));
        }

        byte[] bytes = Encode(rows, crlf: false, bom: false, lastLineFeed: true);

        foreach (LocalDate? through in new LocalDate?[] { null, Start.PlusDays(10) })
        {
            AssertFastPathAgrees(bytes, through, new SummarizingCsvReader.Settings(2, 1 << 12));
            AssertFastPathAgrees(bytes, through, new SummarizingCsvReader.Settings(3, 1 << 15));
        }
    }

    [Fact]
    public void Ids_Of_1_To_20_Bytes_Agree_Wherever_They_Fall_In_A_Block()
    {
        // Ids of up to 16 bytes travel with their run as two words (read 16 bytes at a time, or byte by byte at the
        // end of a block), longer ones stay in the block's lines: every length, at every position before a block's
        // end (blocks of 48 to 95 bytes cut the lines everywhere), must give the table path's customers.
        var rows = new List<string>();
        for (int c = 0; c < 400; c++)
        {
            int length = 1 + (c % 20);
            string id = ((char)('A' + (c / 20))).ToString() + new string('x', length - 1);
            for (int i = 0; i <= c % 3; i++)
            {
                rows.Add(Row(id, Start.PlusDays(i), "1"));
            }
        }

        byte[] bytes = Encode(rows, crlf: false, bom: false, lastLineFeed: true);
        for (int blockSize = 48; blockSize < 96; blockSize += 7)
        {
            AssertFastPathAgrees(bytes, null, new SummarizingCsvReader.Settings(2, blockSize));
        }
    }

    [Fact]
    public void Room_For_Many_Customers_Agrees_When_Estimated_At_First_And_After_Regrowing()
    {
        // The room for customers is estimated from the first 64 KiB: large from the start when they suggest many, and
        // regrown when they suggest few (one customer here, then 150,000). Both must read back as the general road's.
        var many = new List<string>(150_000);
        var oneThenMany = new List<string>(153_000);
        for (int i = 0; i < 3000; i++)
        {
            oneThenMany.Add(Row("first", Start.PlusDays(i / 100), "2.5"));
        }

        for (int c = 0; c < 150_000; c++)
        {
            string row = Row("H" + c.ToString(CultureInfo.InvariantCulture), Start.PlusDays(c % 60), (c % 11).ToString(CultureInfo.InvariantCulture) + ".25");
            many.Add(row);
            oneThenMany.Add(row);
        }

        var settings = new SummarizingCsvReader.Settings(2, 1 << 16);
        foreach (List<string> rows in new[] { many, oneThenMany })
        {
            byte[] bytes = Encode(rows, crlf: false, bom: false, lastLineFeed: true);
            AssertFastPathAgrees(bytes, null, settings);
            AssertFastPathAgrees(bytes, Start.PlusDays(30), settings);
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
                    // Blocks small enough that the rows span more than two of them (smaller inputs go to the table path).
                    var settings = new SummarizingCsvReader.Settings(random.Next(2, 5), random.Next(24, Math.Max(25, Math.Min(400, bytes.Length / 3))));
                    TransactionCsvSummaries? fast = Fast(bytes, through, settings);
                    return fast is not null
                        && ReadResults.Describe(() => fast) == ReadResults.Describe(() => TablePath(bytes, through));
                }),
            maxTest: 150);
    }

    public static TheoryData<string> NonPlainLines() =>
    [
        "\"Q\",2020-01-01,1",
        "\"Q,1\",2020-01-01,1.5",
        "",
        " Q,2020-01-01,1",
        "Q ,2020-01-01,1",
        "Q,2020-02-30,1",
        "Q,2020-13-01,1",
        "Q,20200101,1",
        "Q,2020-1-01,1",
        "Q,0000-01-01,1",
        "Q,2020-01-01,abc",
        "Q,2020-01-01,",
        "Q,2020-01-01",
        "Q",
        ",2020-01-01,1",
        "Q,2020-01-01,NaN",
        "Q,2020-01-01,1.1234567891",
        "Q,2020-01-01,1234567890123456789",
        "Q,2020-01-01, 1",
        "Q,2020-01-01,1 ",
        "Q,2020-01-01,1e3",
        "Q,2020-01-01,1.2.3",
        "Q,2020-01-01,\"1\"",
        "Q,2020-01-01,1,2",
        "klant-ü,2020-01-01,1",
        "顧客,2020-01-01,1",
        "Q,2020-01-01,1\rR,2020-01-02,2",
    ];

    [Theory]
    [MemberData(nameof(NonPlainLines))]
    public void A_Non_Plain_Line_Makes_The_Fast_Path_Give_Up_And_Summarize_Agrees_With_The_Table_Path(string line)
    {
        // The line late in the file (after many blocks were summed) and first; errors, skipped counts and the first
        // skipped row's message as the table path reports them.
        List<string> grouped = GroupedRows(new Random(5), 60, maxScale: 2);
        foreach (int at in new[] { grouped.Count - 10, 0 })
        {
            var rows = new List<string>(grouped);
            rows.Insert(at, line);
            foreach (bool crlf in new[] { false, true })
            {
                byte[] bytes = Encode(rows, crlf, bom: false, lastLineFeed: true);
                foreach (bool skip in new[] { false, true })
                {
                    var options = new TransactionCsvOptions { SkipInvalid = skip };
                    foreach (LocalDate? through in new LocalDate?[] { null, Start.PlusDays(60) })
                    {
                        Assert.Null(Fast(bytes, through, Small, options));
                        Assert.Equal(
                            ReadResults.Describe(() => TablePath(bytes, through, options)),
                            ReadResults.Describe(() => Summarize(bytes, through, options, Small)));
                    }
                }
            }
        }
    }

    [Fact]
    public void A_Bad_Row_Throws_The_Table_Paths_Error_And_Is_Skipped_As_It_Skips()
    {
        // docs/cli.md, "Input: transactions CSV": errors name the file, the physical line and the field.
        var rows = GroupedRows(new Random(9), 60, maxScale: 2);
        rows.Insert(150, "Q,2020-01-01,1;5");
        rows.Insert(170, "Q,2020-02-31,1");
        byte[] bytes = Encode(rows, crlf: false, bom: true, lastLineFeed: true);

        CsvFormatException expected = Assert.Throws<CsvFormatException>(() => TransactionCsv.Read(new MemoryStream(bytes), "t.csv"));
        CsvFormatException actual = Assert.Throws<CsvFormatException>(() => Summarize(bytes, null, null, Small));
        Assert.Equal(expected.Message, actual.Message);
        Assert.Equal(152L, actual.LineNumber);
        Assert.Equal("amount", actual.Field);

        var skip = new TransactionCsvOptions { SkipInvalid = true };
        TransactionCsvResult read = TransactionCsv.Read(new MemoryStream(bytes), "t.csv", skip);
        TransactionCsvSummaries summarized = Summarize(bytes, null, skip, Small);
        Assert.Equal(2L, summarized.SkippedRows);
        Assert.Equal(read.FirstSkipped!.Message, summarized.FirstSkipped!.Message);
        Assert.Equal(rows.Count - 2, summarized.Rows);
    }

    [Fact]
    public void A_Later_Run_Of_A_Customer_Starting_Before_Their_Last_Day_Makes_The_Fast_Path_Give_Up()
    {
        List<string> rows = GroupedRows(new Random(13), 60, maxScale: 2);
        rows.Insert(5, Row("A", Start.PlusDays(50), "1"));
        rows.Insert(6, Row("A", Start.PlusDays(52), "2"));
        rows.Insert(150, Row("A", Start.PlusDays(51), "3"));

        AssertGivesUpAndAgrees(Encode(rows, crlf: false, bom: false, lastLineFeed: true), null);

        // Unless the cut-off leaves the later row out, or the earlier ones.
        AssertFastPathAgrees(Encode(rows, crlf: false, bom: false, lastLineFeed: true), Start.PlusDays(50), Small);
    }

    [Fact]
    public void A_Row_Dated_Before_The_Previous_In_A_Run_Makes_The_Fast_Path_Give_Up()
    {
        List<string> rows = GroupedRows(new Random(17), 60, maxScale: 2);
        rows.Insert(150, Row("A", Start.PlusDays(50), "1"));
        rows.Insert(151, Row("A", Start.PlusDays(50), "1"));
        rows.Insert(152, Row("A", Start.PlusDays(49), "2"));
        byte[] bytes = Encode(rows, crlf: true, bom: false, lastLineFeed: true);

        AssertGivesUpAndAgrees(bytes, null);
        AssertGivesUpAndAgrees(bytes, Start.PlusDays(50));
        AssertFastPathAgrees(bytes, Start.PlusDays(48), Small);
    }

    [Theory]
    [InlineData(10, 0, "")]
    [InlineData(5, 150, "999999999999999999")]
    [InlineData(5, 150, "-999999999999999999")]
    [InlineData(1, 150, "0.5")]
    public void An_Amount_Total_Beyond_The_Long_Range_Makes_The_Fast_Path_Give_Up(int bigRows, int secondAt, string second)
    {
        // 999999999999999999 (18 digits) fits a long; ten of them in one run do not, nor five and five more in a later
        // run (−5·(999999999999999999) − 5·(999999999999999999)), nor one times 10 when a later amount brings a decimal.
        List<string> rows = GroupedRows(new Random(19), 60, maxScale: 0);
        string sign = second.StartsWith('-') ? "-" : string.Empty;
        for (int i = 0; i < bigRows; i++)
        {
            rows.Insert(0, Row("O", Start, sign + "999999999999999999"));
        }

        for (int i = 0; i < bigRows && secondAt > 0; i++)
        {
            rows.Insert(secondAt, Row("O", Start.PlusDays(300), second));
        }

        AssertGivesUpAndAgrees(Encode(rows, crlf: false, bom: false, lastLineFeed: true), null);
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(2, false)]
    [InlineData(5, true)]
    public void Mostly_Returning_Customers_Make_The_Fast_Path_Give_Up_After_65536_Runs(int every, bool taken)
    {
        // Every k-th run returns to one customer R (a log over few customers); the others are new customers: 1/3 and
        // 1/2 of the runs return (more than 25%), 1/5 do not.
        var rows = new List<string>(80_000);
        for (int i = 0; i < 80_000; i++)
        {
            rows.Add(Row(i % every == 0 ? "R" : "N" + i.ToString(CultureInfo.InvariantCulture), Start.PlusDays(i / 1000), "1"));
        }

        byte[] bytes = Encode(rows, crlf: false, bom: false, lastLineFeed: true);
        var settings = new SummarizingCsvReader.Settings(2, 1 << 14);
        if (taken)
        {
            AssertFastPathAgrees(bytes, null, settings);
        }
        else
        {
            Assert.Null(Fast(bytes, null, settings));
            Assert.Equal(ReadResults.Describe(() => TablePath(bytes, null)), ReadResults.Describe(() => Summarize(bytes, null, null, settings)));
        }
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(2, 7)]
    [InlineData(3, 4)]
    public void A_Read_Error_Partway_Through_Reaches_The_Caller_Whichever_Thread_Read(int workers, int failAtBlock)
    {
        // Any thread may read the next block: an error there is kept until the blocks before it are merged, then thrown
        // to the caller (as itself), and the workers stop.
        byte[] bytes = Encode(GroupedRows(new Random(29), 3000, maxScale: 2), crlf: false, bom: false, lastLineFeed: true);
        var settings = new SummarizingCsvReader.Settings(workers, 1 << 10);
        using var stream = new FailingStream(bytes, failAfter: failAtBlock << 10);

        IOException e = Assert.Throws<IOException>(() => SummarizingCsvReader.TrySummarize(stream, TransactionCsvOptions.Default, int.MaxValue, settings));

        Assert.Equal(FailingStream.Message, e.Message);
    }

    [Fact]
    public void A_Stream_That_Cannot_Seek_Goes_To_The_Table_Path()
    {
        byte[] bytes = Encode(GroupedRows(new Random(23), 60, maxScale: 2), crlf: false, bom: false, lastLineFeed: true);
        string expected = ReadResults.Describe(() => TablePath(bytes, Start.PlusDays(40)));

        Assert.Null(SummarizingCsvReader.TrySummarize(new TestStreams.ForwardOnlyStream(bytes), TransactionCsvOptions.Default, DayNumbers.FromDate(Start.PlusDays(40)), Small));
        Assert.Equal(expected, ReadResults.Describe(() => TransactionCsv.Summarize(new TestStreams.ForwardOnlyStream(bytes), "t.csv", Start.PlusDays(40), TransactionCsvOptions.Default, Small)));
        Assert.Equal(expected, ReadResults.Describe(() => TransactionCsv.Summarize(new TestStreams.ForwardOnlyStream(bytes), "t.csv", Start.PlusDays(40))));
    }

    [Fact]
    public void One_Worker_Reads_And_Merges_On_The_Calling_Thread_And_Agrees()
    {
        // MaxDegreeOfParallelism = 1: no worker task, the calling thread reads, parses and merges every block.
        byte[] bytes = Encode(GroupedRows(new Random(29), 60, maxScale: 2), crlf: false, bom: false, lastLineFeed: true);
        AssertFastPathAgrees(bytes, null, new SummarizingCsvReader.Settings(1, 256));
        AssertFastPathAgrees(bytes, Start.PlusDays(40), new SummarizingCsvReader.Settings(1, 256));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void An_Error_In_A_Later_Block_Names_Its_Line(bool crlf, bool bom)
    {
        // docs/cli.md, "Input: transactions CSV": errors name the file, the physical line and the field. The summariser
        // declines at the bad row (block 10 or so), and the general road reads the file again and reports it.
        var rows = new List<string>();
        for (int i = 0; i < 500; i++)
        {
            rows.Add(Row("C" + (i / 5).ToString(CultureInfo.InvariantCulture), Start.PlusDays(i % 5), "1.5"));
        }

        rows.Add("C1,2020-01-01,1;5");
        rows.AddRange(rows.Take(100).Select(r => "X" + r));
        byte[] bytes = Encode(rows, crlf, bom, lastLineFeed: true);

        CsvFormatException e = Assert.Throws<CsvFormatException>(() => Summarize(bytes, null, null, Small));

        Assert.Equal(502L, e.LineNumber);
        Assert.Equal("amount", e.Field);
        Assert.Equal("t.csv:502: field 'amount': '1;5' is not a decimal number", e.Message);
    }

    [Fact]
    public void An_Input_Of_At_Most_Two_Blocks_Goes_To_The_Table_Path()
    {
        // 20-byte rows: 25 of them are 500 bytes, two blocks of 256 are 512.
        var rows = Enumerable.Range(0, 25).Select(i => Row("S" + (i % 10).ToString(CultureInfo.InvariantCulture), Start.PlusDays(i), "12.50")).ToList();
        byte[] bytes = Encode(rows, crlf: false, bom: false, lastLineFeed: true);
        Assert.Equal(Header.Length + 1 + 500, bytes.Length);

        Assert.Null(Fast(bytes, null, Small));
        Assert.Equal(ReadResults.Describe(() => TablePath(bytes, null)), ReadResults.Describe(() => Summarize(bytes, null, null, Small)));

        // One row more and the blocks do the work.
        rows.Add(Row("S0", Start.PlusDays(30), "1"));
        AssertFastPathAgrees(Encode(rows, crlf: false, bom: false, lastLineFeed: true), null, Small);
    }

    [Theory]
    [InlineData("date,customer_id,amount", "", "2020-01-0{1},C{0},{2}")]
    [InlineData("customer_id,date,amount,note", "", "C{0},2020-01-0{1},{2},x")]
    [InlineData("customer_id,date,amount", "yyyyMMdd", "C{0},2020010{1},{2}")]
    [InlineData("\"customer_id\",date,amount", "", "C{0},2020-01-0{1},{2}")]
    [InlineData("customer_id,date,total", "", "C{0},2020-01-0{1},{2}")]
    [InlineData("", "", "")]
    public void Other_Layouts_And_Bad_Headers_Go_To_The_Table_Path(string header, string dateFormat, string row)
    {
        var text = new StringBuilder(header);
        for (int i = 0; i < 200 && row.Length > 0; i++)
        {
            text.Append('\n').Append(string.Format(CultureInfo.InvariantCulture, row, i / 4, 1 + (i % 4), i));
        }

        byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
        TransactionCsvOptions options = dateFormat.Length == 0 ? TransactionCsvOptions.Default : new TransactionCsvOptions { DateFormat = dateFormat };

        Assert.Null(Fast(bytes, null, Small, options));
        Assert.Equal(ReadResults.Describe(() => TablePath(bytes, null, options)), ReadResults.Describe(() => Summarize(bytes, null, options, Small)));
    }

    [Fact]
    public void Column_Names_From_The_Options_Take_The_Fast_Path()
    {
        var options = new TransactionCsvOptions { CustomerColumn = "Member", DateColumn = "Day", AmountColumn = "Spend" };
        byte[] rows = Encode(GroupedRows(new Random(31), 60, maxScale: 2), crlf: false, bom: false, lastLineFeed: true);
        byte[] bytes = [.. Encoding.UTF8.GetBytes("member,DAY,spend"), .. rows.AsSpan(Header.Length)];

        TransactionCsvSummaries? fast = Fast(bytes, Start.PlusDays(50), Small, options);

        Assert.NotNull(fast);
        Assert.Equal(ReadResults.Describe(() => TablePath(bytes, Start.PlusDays(50), options)), ReadResults.Describe(() => fast!));
    }

    [Fact]
    public void A_Large_Amount_Summing_To_Zero_Keeps_The_Table_Paths_Scale()
    {
        // Y's 0.5 puts the file at scale 1; X's two 18-digit amounts (+ and −) cannot be stored at scale 1 as longs, so
        // the table path keeps the amounts as decimals (each at its own scale); X's run sums to 0 and fits.
        var rows = new List<string> { Row("Y", Start, "0.5") };
        rows.AddRange(GroupedRows(new Random(37), 30, maxScale: 0));
        rows.Add(Row("X", Start, "999999999999999999"));
        rows.Add(Row("X", Start, "-999999999999999999"));
        rows.AddRange(GroupedRows(new Random(38), 30, maxScale: 0).Select(r => "Z" + r));
        byte[] bytes = Encode(rows, crlf: false, bom: false, lastLineFeed: true);

        string expected = ReadResults.Describe(() => TablePath(bytes, null));
        TransactionCsvSummaries? fast = Fast(bytes, null, Small);
        Assert.True(fast is null || ReadResults.Describe(() => fast) == expected, fast is null ? null : ReadResults.Describe(() => fast) + "\n---\n" + expected);
        Assert.Equal(expected, ReadResults.Describe(() => Summarize(bytes, null, null, Small)));
    }

    [Fact]
    public void A_Large_Amount_After_The_Cutoff_Keeps_The_Table_Paths_Scale()
    {
        // O's 18-digit amount is after the cut-off: it does not count, but the table path stores it, and cannot at Y's
        // scale 1, so it keeps the amounts as decimals (each at its own scale).
        var rows = new List<string> { Row("O", Start.PlusDays(100), "999999999999999999") };
        rows.AddRange(GroupedRows(new Random(41), 30, maxScale: 0));
        rows.Add(Row("Y", Start, "0.5"));
        rows.AddRange(GroupedRows(new Random(42), 30, maxScale: 0).Select(r => "Z" + r));
        byte[] bytes = Encode(rows, crlf: false, bom: false, lastLineFeed: true);
        LocalDate through = Start.PlusDays(99);

        string expected = ReadResults.Describe(() => TablePath(bytes, through));
        TransactionCsvSummaries? fast = Fast(bytes, through, Small);
        Assert.True(fast is null || ReadResults.Describe(() => fast) == expected, fast is null ? null : ReadResults.Describe(() => fast) + "\n---\n" + expected);
        Assert.Equal(expected, ReadResults.Describe(() => Summarize(bytes, through, null, Small)));
    }

    private static void AssertGivesUpAndAgrees(byte[] bytes, LocalDate? through)
    {
        Assert.Null(Fast(bytes, through, Small));
        Assert.Null(Fast(bytes, through, new SummarizingCsvReader.Settings(3, 97)));
        Assert.Equal(ReadResults.Describe(() => TablePath(bytes, through)), ReadResults.Describe(() => Summarize(bytes, through, null, Small)));
    }

    [Fact]
    public void Progress_Never_Goes_Back_When_The_Fast_Path_Gives_Up_After_Reporting()
    {
        // Progress is reported every 2^20 rows, so the file needs more than 2^21 rows before the fast path gives up
        // (a quoted row, which the table path reads) for it to have reported twice; the table path then starts over.
        const int Mark = 1 << 20;
        byte[] bytes = RepeatedRows(3 * Mark, quotedAt: (2 * Mark) + 20_000);
        var settings = new SummarizingCsvReader.Settings(2, 1 << 16);

        var fastReports = new List<long>();
        var fastOptions = new TransactionCsvOptions { Progress = new TestStreams.SyncProgress(fastReports) };
        Assert.Null(SummarizingCsvReader.TrySummarize(new MemoryStream(bytes), fastOptions, int.MaxValue, settings));
        Assert.Equal([Mark, 2L * Mark], fastReports);

        var reports = new List<long>();
        var options = new TransactionCsvOptions { Progress = new TestStreams.SyncProgress(reports) };
        TransactionCsvSummaries summaries = Summarize(bytes, null, options, settings);

        Assert.Equal((3L * Mark) + 1, summaries.Rows);
        Assert.Equal([Mark, 2L * Mark, 3L * Mark], reports);
    }

    [Fact]
    public void Progress_Of_The_Fast_Path_Is_Reported_Every_2_Pow_20_Rows()
    {
        const int Mark = 1 << 20;
        byte[] bytes = RepeatedRows((2 * Mark) + 10, quotedAt: -1);
        var reports = new List<long>();
        var options = new TransactionCsvOptions { Progress = new TestStreams.SyncProgress(reports) };

        TransactionCsvSummaries? fast = SummarizingCsvReader.TrySummarize(new MemoryStream(bytes), options, int.MaxValue, new SummarizingCsvReader.Settings(2, 1 << 16));

        Assert.NotNull(fast);
        Assert.Equal((2L * Mark) + 10, fast!.Rows);
        Assert.Equal((2L * Mark) + 10, fast.Summaries[0].Transactions);
        Assert.Equal([Mark, 2L * Mark], reports);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Summaries_Honour_Their_Count(bool cutoff)
    {
        // With or without a cut-off that leaves customers out, the summaries behave as the general road's.
        byte[] bytes = Encode(GroupedRows(new Random(47), 120, maxScale: 2), crlf: false, bom: false, lastLineFeed: true);
        LocalDate? through = cutoff ? Start.PlusDays(100) : null;
        PurchaseSummaries expected = TablePath(bytes, through).Summaries;
        PurchaseSummaries summaries = Fast(bytes, through, Small)!.Summaries;
        Assert.Equal(!cutoff, expected.Count == 120);

        Assert.Equal(expected.Count, summaries.Count);
        Assert.Equal(expected.Count, summaries.Span.Length);
        Assert.Equal(expected.Count, summaries.Customers.Count);
        Assert.Equal(expected.Count, summaries.Count());
        Assert.Equal(expected.Count, ((System.Collections.IEnumerable)summaries).Cast<object>().Count());
        Assert.Equal(expected.ToArray(), summaries.ToArray());
        Assert.Equal(expected.Span.ToArray(), summaries.Span.ToArray());
        Assert.Equal(expected.TotalRepeatPurchaseDays(), summaries.TotalRepeatPurchaseDays());
        Assert.Throws<ArgumentOutOfRangeException>(() => summaries[summaries.Count]);
        Assert.Throws<ArgumentOutOfRangeException>(() => summaries[-1]);
        Assert.Equal(expected[expected.Count - 1], summaries[summaries.Count - 1]);

        foreach (CustomerId customer in expected.Customers)
        {
            Assert.True(expected.TryGet(customer, out PurchaseSummary want));
            Assert.True(summaries.TryGet(customer, out PurchaseSummary got));
            Assert.Equal(want, got);
        }

        // Customers left out by the cut-off, and ones never seen, are not found.
        foreach (string id in new[] { "C0", "C119", "C120", "nobody" })
        {
            Assert.Equal(expected.TryGet(new CustomerId(id), out PurchaseSummary want), summaries.TryGet(new CustomerId(id), out PurchaseSummary got));
            Assert.Equal(want, got);
        }

        LocalDate end = Start.PlusDays(cutoff ? 100 : 1000);
        ModelInputs wantInputs = expected.ToModelInputs(end, TimeUnit.Week);
        ModelInputs inputs = summaries.ToModelInputs(end, TimeUnit.Week);
        Assert.Equal(wantInputs.Count, inputs.Count);
        Assert.Equal(wantInputs.Customers, inputs.Customers);
        Assert.Equal(wantInputs.Frequency.ToArray(), inputs.Frequency.ToArray());
        Assert.Equal(wantInputs.Recency.ToArray(), inputs.Recency.ToArray());
        Assert.Equal(wantInputs.T.ToArray(), inputs.T.ToArray());
        Assert.Equal(wantInputs.MonetaryValue.ToArray(), inputs.MonetaryValue.ToArray());
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void The_Decoded_Customer_List_Agrees_With_The_Table_Paths(bool cutoff, bool enumerateFirst)
    {
        byte[] bytes = Encode(GroupedRows(new Random(53), 90, maxScale: 1), crlf: true, bom: true, lastLineFeed: true);
        LocalDate? through = cutoff ? Start.PlusDays(80) : null;
        IReadOnlyList<CustomerId> expected = TablePath(bytes, through).Summaries.Customers;
        IReadOnlyList<CustomerId> customers = Fast(bytes, through, Small)!.Summaries.Customers;

        Assert.Equal(expected.Count, customers.Count);
        if (enumerateFirst)
        {
            Assert.Equal(expected, customers);
        }

        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], customers[i]);
        }

        Assert.Equal(expected, customers);
        Assert.Equal(expected, ((System.Collections.IEnumerable)customers).Cast<CustomerId>());
        Assert.Throws<ArgumentOutOfRangeException>(() => customers[customers.Count]);
        Assert.Throws<ArgumentOutOfRangeException>(() => customers[-1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => customers[int.MaxValue]);
    }

    [Fact]
    public void The_Customer_List_Read_From_Many_Threads_At_Once_Agrees()
    {
        // 40,000 customers: each id's string is made when asked for, by whichever thread asks.
        var rows = Enumerable.Range(0, 40_000).Select(c => Row("T" + ((c * 7919) % 40_000).ToString(CultureInfo.InvariantCulture), Start, "1")).ToList();
        byte[] bytes = Encode(rows, crlf: false, bom: false, lastLineFeed: true);
        var settings = new SummarizingCsvReader.Settings(2, 1 << 14);
        IReadOnlyList<CustomerId> expected = TablePath(bytes, null).Summaries.Customers;

        for (int attempt = 0; attempt < 3; attempt++)
        {
            IReadOnlyList<CustomerId> customers = Fast(bytes, null, settings)!.Summaries.Customers;
            var seen = new CustomerId[4][];
            Parallel.For(0, 4, t => seen[t] = t % 2 == 0 ? [.. customers] : [.. Enumerable.Range(0, customers.Count).Select(i => customers[i])]);
            Assert.All(seen, s => Assert.Equal(expected, s));
        }
    }

    /// <summary>The header and <paramref name="count"/> rows of one customer on one day (and one quoted row among them when <paramref name="quotedAt"/> ≥ 0).</summary>
    private static byte[] RepeatedRows(int count, int quotedAt)
    {
        byte[] header = Encoding.ASCII.GetBytes(Header + "\n");
        byte[] row = Encoding.ASCII.GetBytes("C,1997-01-01,1\n");
        byte[] quoted = Encoding.ASCII.GetBytes("\"C\",1997-01-01,1\n");
        var bytes = new byte[header.Length + (count * row.Length) + (quotedAt >= 0 ? quoted.Length : 0)];
        header.CopyTo(bytes, 0);
        int at = header.Length;
        for (int i = 0; i < count; i++)
        {
            if (i == quotedAt)
            {
                quoted.CopyTo(bytes, at);
                at += quoted.Length;
            }

            row.CopyTo(bytes, at);
            at += row.Length;
        }

        return bytes;
    }

    [Theory]
    [InlineData("+5")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("-0")]
    [InlineData("-.25")]
    [InlineData("007.50")]
    [InlineData("0.000000001")]
    [InlineData("-999999999")]
    [InlineData("123456789012345678")]
    [InlineData("0.123456789")]
    public void Unusual_Plain_Amounts_Agree_With_The_Table_Path(string amount)
    {
        List<string> rows = GroupedRows(new Random(59), 60, maxScale: 2);
        rows.Insert(40, Row("U", Start.PlusDays(3), amount));
        rows.Insert(41, Row("U", Start.PlusDays(3), "1"));
        rows.Insert(150, Row("V", Start.PlusDays(3), amount));
        byte[] bytes = Encode(rows, crlf: false, bom: false, lastLineFeed: true);

        // Whether the fast path takes them or not, the result is the table path's.
        foreach (LocalDate? through in new LocalDate?[] { null, Start.PlusDays(50) })
        {
            string expected = ReadResults.Describe(() => TablePath(bytes, through));
            TransactionCsvSummaries? fast = Fast(bytes, through, Small);
            if (fast is not null)
            {
                Assert.Equal(expected, ReadResults.Describe(() => fast));
            }

            Assert.Equal(expected, ReadResults.Describe(() => Summarize(bytes, through, null, Small)));
        }
    }

    [Fact]
    public void Dates_Outside_The_Month_Table_Agree()
    {
        // The plain-line parser looks up 1900..2199 in a table and computes other years.
        var rows = new List<string>();
        LocalDate[] starts = [new(1850, 2, 27), new(1899, 12, 30), new(2000, 2, 28), new(2199, 12, 30), new(2400, 2, 28)];
        for (int c = 0; c < 60; c++)
        {
            LocalDate date = starts[c % starts.Length];
            for (int i = 0; i < 4; i++)
            {
                rows.Add(Row("D" + c.ToString(CultureInfo.InvariantCulture), date.PlusDays(i), "1.5"));
            }
        }

        byte[] bytes = Encode(rows, crlf: false, bom: false, lastLineFeed: true);

        foreach (LocalDate? through in new LocalDate?[] { null, new LocalDate(1899, 12, 31), new LocalDate(2200, 1, 1), new LocalDate(1850, 3, 1) })
        {
            AssertFastPathAgrees(bytes, through, Small);
        }
    }

    [Theory]
    [InlineData(1 << 10, true)]
    [InlineData(1 << 10, false)]
    [InlineData(1 << 13, true)]
    public void Lines_Longer_Than_The_First_Carry_Buffer_Agree(int blockSize, bool lastLineFeed)
    {
        // The partial line carried from one block to the next starts in a 4 KiB buffer: ids of 5,000 to 9,000 bytes
        // (and the last line) make it grow.
        var rows = new List<string>();
        for (int i = 0; i < 40; i++)
        {
            string id = new string((char)('a' + (i % 5)), 5000 + (i * 100)) + i.ToString(CultureInfo.InvariantCulture);
            rows.Add(Row(id, Start.PlusDays(i), "1.5"));
            rows.Add(Row(id, Start.PlusDays(i + 1), "2"));
        }

        byte[] bytes = Encode(rows, crlf: false, bom: false, lastLineFeed: lastLineFeed);
        AssertFastPathAgrees(bytes, null, new SummarizingCsvReader.Settings(2, blockSize));
    }

    [Fact]
    public void Lines_Longer_Than_A_Block_Agree_Meets_Specification()
    {
        Properties.Check(
            Prop.ForAll(
                Gen.Choose(0, int.MaxValue).ToArbitrary(),
                Gen.Choose(0, 3).ToArbitrary(),
                (seed, flavour) =>
                {
                    // Ids from 1 to 400 bytes, blocks of 32 to 96: lines span blocks, partial lines outgrow blocks,
                    // the last line (without a line feed, at times) too.
                    var random = new Random(seed);
                    var rows = new List<string>();
                    string id = "a";
                    for (int i = 0; i < 60; i++)
                    {
                        id = random.Next(3) == 0 ? id : new string((char)('a' + random.Next(3)), 1 + random.Next(random.Next(2) == 0 ? 5 : 400)) + i.ToString(CultureInfo.InvariantCulture);
                        rows.Add(Row(id, Start.PlusDays(i), random.Next(1000).ToString(CultureInfo.InvariantCulture)));
                    }

                    byte[] bytes = Encode(rows, crlf: (flavour & 1) != 0, bom: false, lastLineFeed: (flavour & 2) != 0);
                    var settings = new SummarizingCsvReader.Settings(2, random.Next(32, 97));
                    TransactionCsvSummaries? fast = Fast(bytes, null, settings);
                    return fast is not null && ReadResults.Describe(() => fast) == ReadResults.Describe(() => TablePath(bytes, null));
                }),
            maxTest: 100);
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\r\n")]
    [InlineData("\n\n")]
    [InlineData("\n\r\n")]
    public void Odd_Endings_Agree_With_The_Table_Path(string ending)
    {
        byte[] rows = Encode(GroupedRows(new Random(61), 60, maxScale: 2), crlf: false, bom: false, lastLineFeed: false);
        byte[] bytes = [.. rows, .. Encoding.ASCII.GetBytes(ending)];

        string expected = ReadResults.Describe(() => TablePath(bytes, null));
        TransactionCsvSummaries? fast = Fast(bytes, null, Small);
        if (fast is not null)
        {
            Assert.Equal(expected, ReadResults.Describe(() => fast));
        }

        Assert.Equal(expected, ReadResults.Describe(() => Summarize(bytes, null, null, Small)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_Stream_Read_From_Where_It_Stands_Is_Read_Again_From_There_After_Giving_Up(bool giveUp)
    {
        // The stream stands after a prefix that is not part of the CSV; the table path starts over from there.
        List<string> rows = GroupedRows(new Random(67), 60, maxScale: 2);
        if (giveUp)
        {
            rows.Insert(150, "\"Q\",2020-01-01,1");
        }

        byte[] csv = Encode(rows, crlf: false, bom: false, lastLineFeed: true);
        byte[] prefix = Encoding.ASCII.GetBytes("not,the,csv\nX,2020-01-01,1\n");
        var stream = new MemoryStream([.. prefix, .. csv]) { Position = prefix.Length };

        TransactionCsvSummaries summaries = TransactionCsv.Summarize(stream, "t.csv", null, TransactionCsvOptions.Default, Small);

        Assert.Equal(ReadResults.Describe(() => TablePath(csv, null)), ReadResults.Describe(() => summaries));
    }

    [Fact]
    public void Summarize_Agrees_With_The_Table_Path_For_Any_File_Meets_Specification()
    {
        // Grouped files and logs with, at times, rows swapped out of date order, customers coming back, and
        // non-plain lines (errors, or skipped); whether or not the fast path gives up, Summarize is the table path.
        string[] odd = ["\"Q,1\",2020-01-01,1.5", " S ,2020-01-02, 3 ", "T,2020-02-30,1", "U,2020-01-01,abc", ",2020-01-01,1", "V,2020-01-01", "X,2020-01-01,1.1234567891", "", "klant-ü,2020-01-01,2"];
        Properties.Check(
            Prop.ForAll(
                Gen.Choose(0, int.MaxValue).ToArbitrary(),
                Gen.Choose(40, 300).ToArbitrary(),
                Gen.Choose(0, 63).ToArbitrary(),
                (seed, rowCount, flavour) =>
                {
                    var random = new Random(seed);
                    List<string> rows = (flavour & 1) != 0
                        ? LogRows(random, rowCount, customers: 1 + random.Next(12), maxScale: random.Next(0, 5))
                        : GroupedRows(random, rowCount / 3, maxScale: random.Next(0, 5));
                    if ((flavour & 32) != 0)
                    {
                        for (int k = random.Next(1, 4); k > 0; k--)
                        {
                            int a = random.Next(rows.Count), b = random.Next(rows.Count);
                            (rows[a], rows[b]) = (rows[b], rows[a]);
                        }
                    }

                    if ((flavour & 16) != 0)
                    {
                        rows.Insert(random.Next(rows.Count + 1), odd[random.Next(odd.Length)]);
                    }

                    byte[] bytes = Encode(rows, crlf: (flavour & 2) != 0, bom: (flavour & 4) != 0, lastLineFeed: (flavour & 8) == 0);
                    LocalDate? through = random.Next(3) == 0 ? null : Start.PlusDays(random.Next(-5, 400));
                    var options = new TransactionCsvOptions { SkipInvalid = random.Next(2) == 0 };
                    var settings = new SummarizingCsvReader.Settings(random.Next(2, 5), random.Next(24, 400));
                    return ReadResults.Describe(() => Summarize(bytes, through, options, settings)) == ReadResults.Describe(() => TablePath(bytes, through, options));
                }),
            maxTest: 150);
    }

    private static IEnumerable<LocalDate?> Cutoffs() => [null, Start.PlusDays(30), Start.PlusDays(90), Start.PlusDays(-1), Start.PlusDays(100_000)];

    /// <summary>Asserts that the fast path is taken and gives the table path's result; and so does the internal Summarize.</summary>
    internal static void AssertFastPathAgrees(byte[] bytes, LocalDate? through, SummarizingCsvReader.Settings settings)
    {
        string expected = ReadResults.Describe(() => TablePath(bytes, through));
        TransactionCsvSummaries? fast = Fast(bytes, through, settings);
        Assert.NotNull(fast);
        Assert.Equal(expected, ReadResults.Describe(() => fast!));
        Assert.Equal(expected, ReadResults.Describe(() => Summarize(bytes, through, null, settings)));
    }

    internal static TransactionCsvSummaries? Fast(byte[] bytes, LocalDate? through, SummarizingCsvReader.Settings settings, TransactionCsvOptions? options = null) =>
        SummarizingCsvReader.TrySummarize(new MemoryStream(bytes), options ?? TransactionCsvOptions.Default, through is LocalDate t ? DayNumbers.FromDate(t) : int.MaxValue, settings);

    internal static TransactionCsvSummaries Summarize(byte[] bytes, LocalDate? through, TransactionCsvOptions? options, SummarizingCsvReader.Settings settings) =>
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

    /// <summary>A seekable stream over bytes whose reads fail from <c>failAfter</c> bytes on.</summary>
    private sealed class FailingStream(byte[] bytes, int failAfter) : MemoryStream(bytes)
    {
        public const string Message = "The disk went away.";

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Position >= failAfter)
            {
                throw new IOException(Message);
            }

            return base.Read(buffer, offset, (int)Math.Min(count, failAfter - Position));
        }

        public override int Read(Span<byte> buffer)
        {
            if (Position >= failAfter)
            {
                throw new IOException(Message);
            }

            return base.Read(buffer[..(int)Math.Min(buffer.Length, failAfter - Position)]);
        }
    }
}
