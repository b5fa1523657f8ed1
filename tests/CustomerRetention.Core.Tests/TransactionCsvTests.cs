using System.Text;
using CustomerRetention.Csv;
using NodaTime;

namespace CustomerRetention.Core.Tests;

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
    public void Options_Reject_Empty_Column_Names() =>
        Assert.Throws<ArgumentException>(() => new TransactionCsvOptions { AmountColumn = " " });

    private sealed class SyncProgress(List<long> reports) : IProgress<long>
    {
        public void Report(long value) => reports.Add(value);
    }
}
