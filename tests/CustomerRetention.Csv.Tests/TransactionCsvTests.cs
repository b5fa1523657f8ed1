using System.Text;
using CustomerRetention.Csv;
using NodaTime;

namespace CustomerRetention.Csv.Tests;

public sealed class TransactionCsvTests
{
    private const string Header = "customer_id,date,amount\n";

    private static TransactionCsvResult Read(string text, TransactionCsvOptions? options = null) =>
        TransactionCsv.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "t.csv", options);

    [Fact]
    public void The_Cdnow_Sample_Has_6919_Transactions_Of_2357_Customers()
    {
        // reference-values.md: 2,357 customers, 6,919 transactions 1997-01-01 .. 1998-06-30.
        TransactionTable table = TransactionCsv.ReadFile(TestData.Path("cdnow_sample_transactions.csv")).Table;

        Assert.Equal(6919, table.Count);
        Assert.Equal(2357, table.CustomerCount);
        Assert.Equal(new LocalDate(1997, 1, 1), DayNumbers.ToDate(table.DayNumbers.ToArray().Min()));
        Assert.Equal(new LocalDate(1998, 6, 30), DayNumbers.ToDate(table.DayNumbers.ToArray().Max()));
    }

    [Fact]
    public void Rows_Become_Columns_With_Dense_Customer_Indices_In_Order_Of_Appearance()
    {
        TransactionTable table = Read(Header + "B,1997-01-02,1.50\nA,1997-01-01,-2\nB,1997-01-03,3\n").Table;

        Assert.Equal([new CustomerId("B"), new CustomerId("A")], table.Customers);
        Assert.Equal([0, 1, 0], table.CustomerIndices.ToArray());
        Assert.Equal([1.50m, -2m, 3m], table.Amounts.ToArray());
        Assert.Equal(new Transaction(new CustomerId("A"), new LocalDate(1997, 1, 1), -2m), table[1]);
    }

    [Fact]
    public void Column_Options_And_Date_Format_Read_Other_Layouts()
    {
        var options = new TransactionCsvOptions { CustomerColumn = "Member", DateColumn = "Day", AmountColumn = "Spend", DateFormat = "yyyyMMdd" };

        TransactionTable table = Read("spend,member,day,note\n9.99,M1,19970215,\"a, b\"\n", options).Table;

        Assert.Equal(new Transaction(new CustomerId("M1"), new LocalDate(1997, 2, 15), 9.99m), Assert.Single(table));
    }

    [Fact]
    public void Other_Date_Patterns_Go_Through_NodaTime()
    {
        var options = new TransactionCsvOptions { DateFormat = "dd/MM/yyyy" };

        TransactionTable table = Read(Header + "A,31/12/1997,1\n", options).Table;

        Assert.Equal(new LocalDate(1997, 12, 31), Assert.Single(table).Date);
    }

    [Fact]
    public void A_Header_Only_File_Gives_An_Empty_Table()
    {
        TransactionCsvResult result = Read(Header);

        Assert.Empty(result.Table);
        Assert.Equal(0, result.SkippedRows);
    }

    [Fact]
    public void An_Empty_File_Is_An_Error_On_Line_1()
    {
        CsvFormatException e = Assert.Throws<CsvFormatException>(() => Read(string.Empty));

        Assert.Equal(1, e.LineNumber);
    }

    [Fact]
    public void A_Header_Without_The_Amount_Column_Is_An_Error_On_Line_1_Naming_It()
    {
        CsvFormatException e = Assert.Throws<CsvFormatException>(() => Read("customer_id,date,total\nA,1997-01-01,1\n"));

        Assert.Equal(1, e.LineNumber);
        Assert.Equal("amount", e.Field);
    }

    [Theory]
    [InlineData("G01,1997-02-05", "amount", "missing field")]
    [InlineData("G01,1997-13-45,10.00", "date", "not a date")]
    [InlineData("G01,1997-02-05,NaN", "amount", "not a finite decimal number")]
    [InlineData("G01,1997-02-05,Infinity", "amount", "not a finite decimal number")]
    [InlineData("G01,1997-02-05,\"1,5\"", "amount", "invariant culture")]
    [InlineData("G01,1997-02-05,", "amount", "empty value")]
    [InlineData(",1997-02-05,1", "customer_id", "empty customer id")]
    [InlineData("G01", "date", "missing field")]
    public void A_Malformed_Row_Names_File_Line_And_Field(string row, string field, string problem)
    {
        string text = Header + "A,1997-01-01,1\nB,1997-01-02,2\n" + row + "\nC,1997-01-03,3\n";

        CsvFormatException e = Assert.Throws<CsvFormatException>(() => Read(text));

        Assert.Equal("t.csv", e.Source);
        Assert.Equal(4, e.LineNumber);
        Assert.Equal(field, e.Field);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Skip_Invalid_Counts_And_Skips_Malformed_Rows()
    {
        string text = Header + "A,1997-01-01,1\nB,1997-13-01,2\nC,1997-01-02,NaN\nD,1997-01-03\nE,1997-01-04,4\n";

        TransactionCsvResult result = Read(text, new TransactionCsvOptions { SkipInvalid = true });

        Assert.Equal(3, result.SkippedRows);
        Assert.Equal(2, result.Table.Count);
        Assert.Equal(3, result.FirstSkipped!.LineNumber);
        Assert.Equal([new CustomerId("A"), new CustomerId("E")], result.Table.Customers);
    }

    [Fact]
    public void Negative_Amounts_Are_Allowed()
    {
        TransactionTable table = Read(Header + "A,1997-01-01,-12.5\n").Table;

        Assert.Equal(-12.5m, table.Amounts[0]);
    }

    [Fact]
    public void Progress_Is_Reported_Every_Million_Rows()
    {
        var text = new StringBuilder(Header);
        for (int i = 0; i < (1 << 20) + 10; i++)
        {
            text.Append("C,1997-01-01,1\n");
        }

        var reports = new List<long>();
        TransactionCsvResult result = Read(text.ToString(), new TransactionCsvOptions { Progress = new SyncProgress(reports) });

        Assert.Equal((1 << 20) + 10, result.Table.Count);
        Assert.Equal([1L << 20], reports);
    }

    [Fact]
    public void The_Result_Of_ReadFile_Goes_Straight_To_The_Aggregator()
    {
        // The call a newcomer writes (issue 17): no .Table needed. 2,357 customers in the CDNOW sample (reference-values.md).
        string path = TestData.Path("cdnow_sample_transactions.csv");
        var through = new LocalDate(1997, 9, 30);

        PurchaseSummaries direct = PurchaseAggregator.Summarize(TransactionCsv.ReadFile(path), through);
        PurchaseSummaries viaTable = PurchaseAggregator.Summarize(TransactionCsv.ReadFile(path).Table, through);

        Assert.Equal(2357, direct.Count);
        Assert.Equal(viaTable.Customers, direct.Customers);
        Assert.Equal(viaTable.ToArray(), direct.ToArray());
        Assert.Throws<ArgumentNullException>(() => PurchaseAggregator.Summarize((TransactionCsvResult)null!, through));
    }

    [Fact]
    public void SummarizeFile_Of_The_Cdnow_Sample_Agrees_With_ReadFile_And_Summarize()
    {
        // reference-values.md: 2,357 customers who first bought in Q1 1997, 6,919 transactions 1997-01-01 .. 1998-06-30;
        // calibration end 1997-09-30.
        string path = TestData.Path("cdnow_sample_transactions.csv");
        var through = new LocalDate(1997, 9, 30);

        TransactionCsvSummaries summaries = TransactionCsv.SummarizeFile(path, through);
        PurchaseSummaries expected = PurchaseAggregator.Summarize(TransactionCsv.ReadFile(path).Table, through);

        Assert.Equal(2357, summaries.Summaries.Count);
        Assert.Equal(6919L, summaries.Rows);
        Assert.Equal(new LocalDate(1998, 6, 30), summaries.LatestDate);
        Assert.Equal(0L, summaries.SkippedRows);
        Assert.Null(summaries.FirstSkipped);
        Assert.Equal(through, summaries.Summaries.Through);
        Assert.Equal(expected.Customers, summaries.Summaries.Customers);
        Assert.Equal(expected.ToArray(), summaries.Summaries.ToArray());
    }

    [Fact]
    public void Summarize_Of_A_Large_Grouped_File_Agrees_With_Read_And_Summarize()
    {
        // More than two default blocks of 1 MiB: the one-pass summariser reads it on every core.
        var random = new Random(71);
        var rows = new List<string>();
        while (rows.Count < 80_000)
        {
            string batch = "B" + rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            rows.AddRange(SummarizingCsvReaderTests.GroupedRows(random, 1000, maxScale: 2).Select(r => batch + r));
        }

        byte[] bytes = SummarizingCsvReaderTests.Encode(rows, crlf: true, bom: true, lastLineFeed: true);
        Assert.True(bytes.Length > 1 << 21);
        var through = new LocalDate(2020, 3, 1);
        Assert.NotNull(SummarizingCsvReader.TrySummarize(new MemoryStream(bytes), TransactionCsvOptions.Default, DayNumbers.FromDate(through), SummarizingCsvReader.Settings.For(Environment.ProcessorCount)));

        string expected = ReadResults.Describe(() => SummarizingCsvReaderTests.TablePath(bytes, through));
        Assert.Equal(expected, ReadResults.Describe(() => TransactionCsv.Summarize(new MemoryStream(bytes), "t.csv", through)));

        string path = Path.Combine(Path.GetTempPath(), "summarize-" + Guid.NewGuid().ToString("N") + ".csv");
        try
        {
            File.WriteAllBytes(path, bytes);
            Assert.Equal(expected, ReadResults.Describe(() => TransactionCsv.SummarizeFile(path, through)));

            // A bad row late in the file: the error of ReadFile, naming the path.
            File.WriteAllBytes(path, [.. bytes, .. Encoding.ASCII.GetBytes("Z,2020-01-01,x\r\n")]);
            CsvFormatException e = Assert.Throws<CsvFormatException>(() => TransactionCsv.SummarizeFile(path, through));
            Assert.Equal(Assert.Throws<CsvFormatException>(() => TransactionCsv.ReadFile(path)).Message, e.Message);
            Assert.Equal(path, e.Source);
            Assert.Equal(rows.Count + 2L, e.LineNumber);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Summarize_Rejects_Null_Arguments()
    {
        Assert.Equal("stream", Assert.Throws<ArgumentNullException>(() => TransactionCsv.Summarize(null!, "t.csv")).ParamName);
        Assert.Equal("source", Assert.Throws<ArgumentNullException>(() => TransactionCsv.Summarize(new MemoryStream(), null!)).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => TransactionCsv.SummarizeFile(null!)).ParamName);
    }

    [Fact]
    public void Summarize_Skips_As_Read_Skips()
    {
        string text = Header + "A,1997-01-01,1\nB,1997-13-01,2\nC,1997-01-02,NaN\nD,1997-01-03\nE,1997-01-04,4\nA,1997-01-05,2.5\n";
        var options = new TransactionCsvOptions { SkipInvalid = true };

        TransactionCsvSummaries summaries = TransactionCsv.Summarize(new MemoryStream(Encoding.UTF8.GetBytes(text)), "t.csv", null, options);

        Assert.Equal(3L, summaries.SkippedRows);
        Assert.Equal(3L, summaries.Rows);
        Assert.Equal(3, summaries.FirstSkipped!.LineNumber);
        Assert.Equal([new CustomerId("A"), new CustomerId("E")], summaries.Summaries.Customers);
        Assert.Equal(3.5m, summaries.Summaries[0].TotalAmount);
        Assert.Equal(new LocalDate(1997, 1, 5), summaries.LatestDate);
    }

    [Fact]
    public void Options_Reject_Empty_Column_Names() =>
        Assert.Throws<ArgumentException>(() => new TransactionCsvOptions { AmountColumn = " " });

    private sealed class SyncProgress(List<long> reports) : IProgress<long>
    {
        public void Report(long value) => reports.Add(value);
    }
}
