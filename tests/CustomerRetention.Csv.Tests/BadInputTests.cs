using System.Globalization;
using System.Text;
using NodaTime;

namespace CustomerRetention.Csv.Tests;

/// <summary>
/// The bad input of issue 16 that used to be read without a word: each is a located error (or, with
/// <see cref="TransactionCsvOptions.SkipInvalid"/>, a skipped and counted row) on both roads — the general road
/// (small inputs, or a declined large one) and the one-pass summariser (a large plain file with the bad row in the
/// middle: it declines, and the general road reports the row).
/// </summary>
public sealed class BadInputTests
{
    private const string Header = "customer_id,date,amount\n";

    /// <summary>Tiny blocks, so that a few hundred rows take the summariser.</summary>
    private static readonly SummarizingCsvReader.Settings Tiny = new(2, 128);

    [Theory]
    [InlineData("A,1997-02-01,1,5")] // an unquoted decimal comma: was read as amount 1
    [InlineData("A,1997-02-01,1,5,")]
    public void A_Row_With_More_Fields_Than_The_Header_Is_An_Error_On_Both_Roads(string row)
    {
        byte[] small = Bytes(Header + "A,1997-01-01,2\n" + row + "\nB,1997-01-03,3\n");
        CsvFormatException e = Assert.Throws<CsvFormatException>(() => TransactionCsv.Read(new MemoryStream(small), "t.csv"));
        Assert.Equal(3L, e.LineNumber);
        Assert.Null(e.Field);
        Assert.Equal("t.csv:3: the row has " + row.Split(',').Length.ToString(CultureInfo.InvariantCulture) + " fields, the header 3 (a comma in a value must be quoted, and decimals take a dot)", e.Message);

        (byte[] large, long line) = Large(row);
        Assert.Null(SummarizingCsvReader.TrySummarize(new MemoryStream(large), TransactionCsvOptions.Default, int.MaxValue, Tiny));
        CsvFormatException fast = Assert.Throws<CsvFormatException>(() => TransactionCsv.Summarize(new MemoryStream(large), "t.csv", null, TransactionCsvOptions.Default, Tiny));
        Assert.Equal(line, fast.LineNumber);
    }

    [Fact]
    public void A_Row_With_More_Fields_Is_Skipped_And_Counted_With_Skip_Invalid()
    {
        var options = new TransactionCsvOptions { SkipInvalid = true };
        (byte[] large, long line) = Large("A,1997-02-01,1,5");

        TransactionCsvSummaries read = TransactionCsv.Summarize(new MemoryStream(large), "t.csv", null, options, Tiny);
        TransactionCsvResult table = TransactionCsv.Read(new MemoryStream(large), "t.csv", options);

        Assert.Equal(1, read.SkippedRows);
        Assert.Equal(line, read.FirstSkipped!.LineNumber);
        Assert.Equal(1, table.SkippedRows);
        Assert.Equal(table.Table.Count, read.Rows);
        Assert.DoesNotContain(table.Table, t => t.Customer.Value == "A" && t.Date == new LocalDate(1997, 2, 1));
    }

    [Fact]
    public void Bytes_That_Are_Not_Utf8_Are_An_Error_Naming_The_Field_On_Both_Roads()
    {
        // "Café" and "Cafè" written in Latin-1: both used to become "Caf\uFFFD", one customer.
        byte[] small = [.. Bytes(Header + "Caf"), 0xE9, .. Bytes(",1997-01-01,1\nCaf"), 0xE8, .. Bytes(",1997-01-02,2\n")];
        CsvFormatException e = Assert.Throws<CsvFormatException>(() => TransactionCsv.Read(new MemoryStream(small), "t.csv"));
        Assert.Equal(2L, e.LineNumber);
        Assert.Equal("customer_id", e.Field);
        Assert.Contains("not UTF-8", e.Message, StringComparison.Ordinal);

        (byte[] large, long line) = Large("Caf\u00E9,1997-01-01,1", latin1: true);
        Assert.Null(SummarizingCsvReader.TrySummarize(new MemoryStream(large), TransactionCsvOptions.Default, int.MaxValue, Tiny));
        CsvFormatException fast = Assert.Throws<CsvFormatException>(() => TransactionCsv.Summarize(new MemoryStream(large), "t.csv", null, TransactionCsvOptions.Default, Tiny));
        Assert.Equal(line, fast.LineNumber);
        Assert.Equal("customer_id", fast.Field);
    }

    [Fact]
    public void A_Latin1_File_Read_As_Latin1_Keeps_Its_Customers_Apart()
    {
        byte[] bytes = [.. Bytes(Header + "Caf"), 0xE9, .. Bytes(",1997-01-01,1\nCaf"), 0xE8, .. Bytes(",1997-01-02,2\n")];
        var options = new TransactionCsvOptions { Encoding = Encoding.Latin1 };

        TransactionCsvSummaries read = TransactionCsv.Summarize(new MemoryStream(bytes), "t.csv", null, options);

        Assert.Equal(["Café", "Cafè"], read.Summaries.Customers.Select(c => c.Value));
    }

    [Fact]
    public void Valid_Utf8_Ids_In_A_Large_File_Are_Read_As_The_General_Road_Reads_Them()
    {
        (byte[] large, _) = Large("Café,1997-01-01,1");
        string expected = ReadResults.Describe(() => SummarizingCsvReaderTests.TablePath(large, null));

        Assert.Contains("Café", expected, StringComparison.Ordinal);
        Assert.Equal(expected, ReadResults.Describe(() => TransactionCsv.Summarize(new MemoryStream(large), "t.csv", null, TransactionCsvOptions.Default, Tiny)));
    }

    [Theory]
    [InlineData("customer_id,date,amount,amount", "amount")]
    [InlineData("customer_id,CUSTOMER_ID,date,amount", "customer_id")]
    [InlineData("date,customer_id,amount,date", "date")]
    public void A_Header_Naming_A_Required_Column_Twice_Is_An_Error_On_Line_1(string header, string field)
    {
        byte[] bytes = Bytes(header + "\nA,1997-01-01,1,2\n");

        CsvFormatException e = Assert.Throws<CsvFormatException>(() => TransactionCsv.Summarize(new MemoryStream(bytes), "t.csv"));

        Assert.Equal(1L, e.LineNumber);
        Assert.Equal(field, e.Field);
        Assert.Contains("twice", e.Message, StringComparison.Ordinal);
        Assert.Throws<CsvFormatException>(() => TransactionCsv.Read(new MemoryStream(bytes), "t.csv"));
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("\t")]
    [InlineData(" \t ")]
    [InlineData("")]
    public void A_Line_Of_Only_Spaces_Is_Skipped_Like_A_Blank_Line_On_Both_Roads(string blank)
    {
        byte[] small = Bytes(Header + "A,1997-01-01,1\n" + blank + "\nB,1997-01-02,2\nB,1997-01-03,x\n");
        TransactionCsvResult read = TransactionCsv.Read(new MemoryStream(Bytes(Header + "A,1997-01-01,1\n" + blank + "\nB,1997-01-02,2\n")), "t.csv");
        Assert.Equal(2, read.Table.Count);
        Assert.Equal(0, read.SkippedRows);

        // Later lines keep their physical numbers.
        Assert.Equal(5L, Assert.Throws<CsvFormatException>(() => TransactionCsv.Read(new MemoryStream(small), "t.csv")).LineNumber);

        (byte[] large, _) = Large(blank);
        TransactionCsvSummaries summaries = TransactionCsv.Summarize(new MemoryStream(large), "t.csv", null, TransactionCsvOptions.Default, Tiny);
        Assert.Equal(0, summaries.SkippedRows);
        Assert.Equal(ReadResults.Describe(() => SummarizingCsvReaderTests.TablePath(large, null)), ReadResults.Describe(() => summaries));
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A grouped file of 300 plain rows (several tiny blocks) with <paramref name="row"/> as row 151 (line 152).</summary>
    private static (byte[] Bytes, long Line) Large(string row, bool latin1 = false)
    {
        var text = new StringBuilder(Header);
        for (int i = 0; i < 300; i++)
        {
            if (i == 150)
            {
                text.Append(row).Append('\n');
            }

            text.Append('C').Append((i / 3).ToString(CultureInfo.InvariantCulture)).Append(",1997-01-0").Append((1 + (i % 3)).ToString(CultureInfo.InvariantCulture)).Append(",1.5\n");
        }

        byte[] bytes = latin1 ? Encoding.Latin1.GetBytes(text.ToString()) : Bytes(text.ToString());
        return (bytes, 152);
    }
}
