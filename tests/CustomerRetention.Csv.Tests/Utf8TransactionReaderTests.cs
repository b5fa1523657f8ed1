using System.Globalization;
using System.Text;
using CustomerRetention.Csv;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerRetention.Core.Tests;

/// <summary>
/// The byte-level fast path of <c>TransactionCsv.Read(Stream, ...)</c> must agree with the general
/// path (<c>TransactionCsv.Read(TextReader, ...)</c> over the same text, decoded as the stream reader
/// decodes it): same rows, customers, amounts (units and scale), skipped counts and error messages.
/// </summary>
public sealed class Utf8TransactionReaderTests
{
    private const string Header = "customer_id,date,amount\n";

    private static readonly string[] IdParts = ["C", "a", "Z", "7", "0", "_", "-", "é", "日本", "😀", " ", "\t", ",", "\"", "x\ny"];
    private static readonly string[] Amounts = ["0", "1", "-1", "+2", "12.5", "0.01", "-0.10", ".5", "5.", "123456789012345678", "1234567890123456789", "1.1234567891", "99999999999999.9999", " 3.25 ", "1e3", "NaN", "", "-", "1,5", "7.000000001"];
    private static readonly string[] Dates = ["2020-01-01", "1997-12-31", "2024-02-29", "2023-02-29", "0000-01-01", "2020-1-01", " 2020-01-01", "20200101", "2020-13-01", ""];

    [Fact]
    public void Byte_Path_Agrees_With_General_Path_Meets_Specification()
    {
        Properties.Check(Prop.ForAll(
            Gen.Choose(0, int.MaxValue).ToArbitrary(),
            Gen.Choose(0, 40).ToArbitrary(),
            Gen.Elements(0, 1, 2, 3).ToArbitrary(),
            (seed, rows, flavour) =>
            {
                string text = RandomFile(new Random(seed), rows, validOnly: flavour == 0, crlf: flavour == 2);
                bool skip = flavour == 3;
                var options = new TransactionCsvOptions { SkipInvalid = skip };
                return ReadResults.Describe(() => ByteRead(text, options)) == ReadResults.Describe(() => GeneralRead(text, options));
            }));
    }

    [Fact]
    public void Random_Valid_Rows_Take_The_Byte_Path_And_Keep_Their_Values_Meets_Specification()
    {
        Properties.Check(Prop.ForAll(
            Gen.Choose(0, int.MaxValue).ToArbitrary(),
            Gen.Choose(1, 60).ToArbitrary(),
            (seed, rows) =>
            {
                var random = new Random(seed);
                var sb = new StringBuilder(Header);
                var expected = new List<(string Id, int Day, decimal Amount)>();
                for (int i = 0; i < rows; i++)
                {
                    string id = "C" + random.Next(0, 5).ToString(CultureInfo.InvariantCulture) + (random.Next(3) == 0 ? "é" : string.Empty);
                    int day = random.Next(-1000, 30000);
                    decimal amount = random.Next(-100000, 100000) / 100m;
                    sb.Append(id).Append(',').Append(DayNumbers.ToDate(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                      .Append(',').Append(amount.ToString(CultureInfo.InvariantCulture)).Append('\n');
                    expected.Add((id, day, amount));
                }

                TransactionTable table = ByteRead(sb.ToString(), null).Table;
                bool same = table.Count == expected.Count;
                for (int i = 0; same && i < expected.Count; i++)
                {
                    same = table.Customers[table.CustomerIndices[i]].Value == expected[i].Id
                        && table.DayNumbers[i] == expected[i].Day
                        && table.Amounts[i] == expected[i].Amount;
                }

                return same;
            }));
    }

    [Theory]
    [InlineData("customer_id,date,amount\nA,2020-01-01,1.50\nB,2020-01-02,-2\n")]
    [InlineData("customer_id,date,amount\r\nA,2020-01-01,1.50\r\nB,2020-01-02,-2\r\n")]
    [InlineData("\uFEFFcustomer_id,date,amount\nA,2020-01-01,1.50\n")]
    [InlineData("customer_id,date,amount\n\"A,1\",2020-01-01,1.50\nB,2020-01-02,2\n\"multi\nline\",2020-01-03,3\nC,2020-01-04,4\n")]
    [InlineData("customer_id,date,amount\nA,2020-01-01,\"1.50\"\nB,2020-01-02,2\n")]
    [InlineData("customer_id,date,amount\nA,2020-01-01,-0.000000001\nB,2020-01-02,123456789012345678\nC,2020-01-02,1234567890123456789\nD,2020-01-03,0.1234567891\n")]
    [InlineData("customer_id,date,amount\nA-very-long-customer-id-0123456789012345678901234567890123456789012345678901234567890123456789,2020-01-01,1\n")]
    [InlineData("customer_id,date,amount\nklant-ü,2020-01-01,1\n顧客,2020-01-02,2\n😀,2020-01-03,3\nklant-ü,2020-01-04,4\n")]
    [InlineData("customer_id,date,amount\n A ,2020-01-01, 1.5 \nA,2020-01-02,2\n")]
    [InlineData("customer_id,date,amount\n\nA,2020-01-01,1\n\r\n\nB,2020-01-02,2")]
    [InlineData("customer_id,date,amount\nA,2020-01-01,1\rB,2020-01-02,2\n")]
    [InlineData("customer_id,date,amount,note\nA,2020-01-01,1,x\nB,2020-01-02,2\n")]
    [InlineData("amount,customer_id,date\n1,A,2020-01-01\n2,B,2020-01-02\n")]
    [InlineData("customer_id,date,amount\n")]
    [InlineData("customer_id,date,amount")]
    [InlineData("")]
    [InlineData("customer_id,date\nA,2020-01-01\n")]
    [InlineData("customer_id,date,amount\nA,2020-01-01,1\nB,2020-01-02,abc\nC,2020-01-03,3\n")]
    [InlineData("customer_id,date,amount\nA,2020-01-01,1\n,2020-01-02,2\n")]
    [InlineData("customer_id,date,amount\nA,2020-01-01,1\nB,2020-02-30,2\n")]
    [InlineData("customer_id,date,amount\nA,2020-01-01,1\nB,2020-01-02\n")]
    [InlineData("customer_id,date,amount\nA,2020-01-01,1\nB,2020-01-02,NaN\n")]
    [InlineData("customer_id,date,amount\nA,2020-01-01,1\n\"B\"x,2020-01-02,2\n")]
    [InlineData("customer_id,date,amount\nA,2020-01-01,1\n\"B,2020-01-02,2\n")]
    public void Edge_Cases_Agree_With_The_General_Path(string text)
    {
        foreach (bool skip in new[] { false, true })
        {
            var options = new TransactionCsvOptions { SkipInvalid = skip };
            Assert.Equal(ReadResults.Describe(() => GeneralRead(text, options)), ReadResults.Describe(() => ByteRead(text, options)));
        }
    }

    [Fact]
    public void A_Malformed_Row_In_The_Middle_Names_File_Line_And_Field()
    {
        // docs/cli.md, "Input: transactions CSV": errors name the file, the physical line and the field.
        string text = Header + "A,2020-01-01,1\nB,2020-01-02,2\n\nC,2020-01-03,1;5x\nD,2020-01-04,4\n";

        CsvFormatException e = Assert.Throws<CsvFormatException>(() => ByteRead(text, null));

        Assert.Equal(5L, e.LineNumber);
        Assert.Equal("amount", e.Field);
        Assert.Equal(ReadResults.Describe(() => GeneralRead(text, null)), "error: " + e.Message);
    }

    [Fact]
    public void Other_Date_Formats_And_Column_Options_Agree_With_The_General_Path()
    {
        var options = new TransactionCsvOptions { CustomerColumn = "member", DateColumn = "day", AmountColumn = "spend", DateFormat = "dd/MM/yyyy" };
        string text = "spend,day,member\n1.5,31/12/1997,A\n2,01/01/1998,B\n3,1998-01-01,C\n";

        Assert.Equal(ReadResults.Describe(() => GeneralRead(text, options)), ReadResults.Describe(() => ByteRead(text, options)));
    }

    [Fact]
    public void Invalid_Utf8_In_Ids_Decodes_As_The_General_Path_Does()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes(Header + "A"), 0xFF, .. Encoding.UTF8.GetBytes(",2020-01-01,1\nA"), 0xFE, .. Encoding.UTF8.GetBytes(",2020-01-02,2\n")];

        TransactionCsvResult fast = TransactionCsv.Read(new MemoryStream(bytes), "t.csv");
        using var reader = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false, false), true);
        TransactionCsvResult general = TransactionCsv.Read(reader, "t.csv");

        Assert.Equal(1, fast.Table.CustomerCount);
        Assert.Equal(ReadResults.Describe(() => general), ReadResults.Describe(() => fast));
    }

    private static TransactionCsvResult ByteRead(string text, TransactionCsvOptions? options) =>
        TransactionCsv.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "t.csv", options);

    private static TransactionCsvResult GeneralRead(string text, TransactionCsvOptions? options)
    {
        using var reader = new StreamReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), new UTF8Encoding(false, false), true);
        return TransactionCsv.Read(reader, "t.csv", options);
    }

    private static string RandomFile(Random random, int rows, bool validOnly, bool crlf)
    {
        string eol = crlf ? "\r\n" : "\n";
        var sb = new StringBuilder("customer_id,date,amount" + eol);
        for (int i = 0; i < rows; i++)
        {
            string id = validOnly ? "C" + random.Next(0, 8).ToString(CultureInfo.InvariantCulture) : RandomId(random);
            string date = validOnly ? DayNumbers.ToDate(random.Next(-5000, 30000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Dates[random.Next(Dates.Length)];
            string amount = validOnly ? (random.Next(-1000000, 1000000) / 1000m).ToString(CultureInfo.InvariantCulture) : Amounts[random.Next(Amounts.Length)];
            sb.Append(Quote(id, random)).Append(',').Append(date).Append(',').Append(Quote(amount, random));
            if (!validOnly && random.Next(10) == 0)
            {
                sb.Append(",extra");
            }

            sb.Append(!validOnly && random.Next(15) == 0 ? "\n\n" : eol);
        }

        return sb.ToString();
    }

    private static string RandomId(Random random)
    {
        var sb = new StringBuilder();
        int parts = random.Next(0, 4);
        for (int p = 0; p < parts; p++)
        {
            sb.Append(IdParts[random.Next(IdParts.Length)]);
        }

        return sb.ToString();
    }

    /// <summary>Quotes a field (RFC 4180) when it must be, and sometimes when it need not be.</summary>
    private static string Quote(string field, Random random)
    {
        bool must = field.IndexOfAny([',', '"', '\n', '\r']) >= 0;
        return must || random.Next(20) == 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }
}
