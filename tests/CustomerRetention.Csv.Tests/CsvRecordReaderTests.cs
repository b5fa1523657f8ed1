using System.Globalization;
using System.Text;
using CustomerRetention.Csv;
using NodaTime;
using NodaTime.Text;

namespace CustomerRetention.Csv.Tests;

public sealed class CsvRecordReaderTests
{
    private static readonly CsvColumn[] AbcColumns = [CsvColumn.Required("a"), CsvColumn.Required("b"), CsvColumn.Optional("c")];

    private static CsvRecordReader Open(string text, params CsvColumn[] columns) =>
        CsvRecordReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(text)), "in.csv", columns.Length == 0 ? AbcColumns : columns);

    private static List<(long Line, string[] Fields)> ReadAll(CsvRecordReader csv)
    {
        var records = new List<(long, string[])>();
        while (csv.Read())
        {
            var fields = new string[csv.FieldCount];
            for (int i = 0; i < fields.Length; i++)
            {
                fields[i] = csv.GetField(i).ToString();
            }

            records.Add((csv.LineNumber, fields));
        }

        return records;
    }

    [Fact]
    public void Quoted_Fields_Hold_Commas_Quotes_And_Line_Breaks()
    {
        using CsvRecordReader csv = Open("a,b\n\"x,1\",\"say \"\"hi\"\"\"\n\"two\nlines\",plain\n");

        List<(long Line, string[] Fields)> records = ReadAll(csv);

        Assert.Equal(2, records.Count);
        Assert.Equal(["x,1", "say \"hi\""], records[0].Fields);
        Assert.Equal(["two\nlines", "plain"], records[1].Fields);
    }

    [Fact]
    public void Line_Numbers_Are_Physical_Lines_With_The_Header_On_Line_1()
    {
        using CsvRecordReader csv = Open("a,b\n1,2\n\"multi\nline\nfield\",3\n\n4,5\n");

        List<(long Line, string[] Fields)> records = ReadAll(csv);

        // line 2: "1,2"; lines 3-5: the quoted field over three lines; line 6 empty; line 7: "4,5"
        Assert.Equal([2L, 3L, 7L], records.Select(r => r.Line));
    }

    [Fact]
    public void Crlf_And_Lf_Give_The_Same_Records()
    {
        using CsvRecordReader lf = Open("a,b\n1,2\n\"q\nr\",3\n");
        using CsvRecordReader crlf = Open("a,b\r\n1,2\r\n\"q\nr\",3\r\n");

        List<(long Line, string[] Fields)> a = ReadAll(lf);
        List<(long Line, string[] Fields)> b = ReadAll(crlf);

        Assert.Equal(a.Select(r => r.Line), b.Select(r => r.Line));
        Assert.Equal(a.SelectMany(r => r.Fields), b.SelectMany(r => r.Fields));
    }

    [Fact]
    public void A_Byte_Order_Mark_Is_Tolerated()
    {
        byte[] bom = [0xEF, 0xBB, 0xBF];
        byte[] bytes = [.. bom, .. Encoding.UTF8.GetBytes("A,B\n1,2\n")];
        using CsvRecordReader csv = CsvRecordReader.Open(new MemoryStream(bytes), "bom.csv", AbcColumns);

        Assert.True(csv.Read());
        Assert.Equal("1", csv.GetString(0));
        Assert.Equal("A", csv.Header[0]);
    }

    [Fact]
    public void A_Byte_Order_Mark_Inside_A_Text_Reader_Is_Tolerated_Too()
    {
        using var csv = new CsvRecordReader(new StringReader("\uFEFFa,b\n1,2\n"), "bom.csv", AbcColumns);

        Assert.True(csv.Read());
        Assert.Equal("2", csv.GetString(1));
    }

    [Fact]
    public void Header_Matches_Case_Insensitively_In_Any_Order_With_Extra_Columns()
    {
        using CsvRecordReader csv = Open("extra,B,A\nz,2,1\n");

        Assert.True(csv.Read());
        Assert.Equal("1", csv.GetString(0));
        Assert.Equal("2", csv.GetString(1));
        Assert.False(csv.HasColumn(2));
    }

    [Fact]
    public void Synonyms_Are_Accepted_In_Order_Of_Preference()
    {
        CsvColumn[] columns = [CsvColumn.Required("frequency", "x"), CsvColumn.Optional("weight", "weights")];
        using CsvRecordReader csv = Open("x,weights\n3,10\n", columns);

        Assert.True(csv.Read());
        Assert.Equal(3, csv.GetInt32(0));
        Assert.True(csv.HasColumn(1));
        Assert.Equal(10.0, csv.GetDouble(1));
        Assert.Equal(1, csv.IndexOf("WEIGHT"));
        Assert.Equal(-1, csv.IndexOf("nope"));
    }

    [Fact]
    public void A_Missing_Required_Column_Is_An_Error_On_Line_1_Naming_It()
    {
        CsvFormatException e = Assert.Throws<CsvFormatException>(() => Open("a,c\n1,2\n"));

        Assert.Equal(1, e.LineNumber);
        Assert.Equal("b", e.Field);
        Assert.Contains("'b'", e.Message, StringComparison.Ordinal);
        Assert.StartsWith("in.csv:1:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_Empty_Input_Is_An_Error_On_Line_1()
    {
        CsvFormatException e = Assert.Throws<CsvFormatException>(() => Open(string.Empty));

        Assert.Equal(1, e.LineNumber);
        Assert.Contains("empty", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Header_Only_Input_Has_No_Records()
    {
        using CsvRecordReader lf = Open("a,b\n");
        using CsvRecordReader none = Open("a,b");

        Assert.False(lf.Read());
        Assert.False(none.Read());
    }

    [Fact]
    public void The_Last_Line_Needs_No_Line_End()
    {
        using CsvRecordReader csv = Open("a,b\n1,2");

        Assert.True(csv.Read());
        Assert.Equal("2", csv.GetString(1));
        Assert.False(csv.Read());
    }

    [Fact]
    public void A_Short_Row_Is_A_Missing_Field_Naming_Line_And_Column()
    {
        using CsvRecordReader csv = Open("a,b\n1,2\n3\n");
        Assert.True(csv.Read());
        Assert.True(csv.Read());

        CsvFormatException e = Assert.Throws<CsvFormatException>(() => csv.GetSpan(1).ToString());

        Assert.Equal(3, e.LineNumber);
        Assert.Equal("b", e.Field);
        Assert.Contains("missing field", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_Unclosed_Quote_Is_An_Error_On_The_Line_Where_The_Record_Starts()
    {
        using CsvRecordReader csv = Open("a,b\n1,2\n3,\"open\n");
        Assert.True(csv.Read());

        CsvFormatException e = Assert.Throws<CsvFormatException>(() => csv.Read());

        Assert.Equal(3, e.LineNumber);
        Assert.Equal("b", e.Field);
    }

    [Fact]
    public void Text_After_A_Closing_Quote_Is_An_Error()
    {
        using CsvRecordReader csv = Open("a,b\n\"x\"y,2\n");

        CsvFormatException e = Assert.Throws<CsvFormatException>(() => csv.Read());

        Assert.Equal(2, e.LineNumber);
        Assert.Equal("a", e.Field);
    }

    [Theory]
    [InlineData("12.50", "12.50")]
    [InlineData("-3", "-3")]
    [InlineData("+0.1", "0.1")]
    [InlineData(" 7.25 ", "7.25")]
    [InlineData("1234567890123456789.5", "1234567890123456789.5")]
    [InlineData(".5", "0.5")]
    public void Decimals_Are_Read_In_The_Invariant_Culture(string field, string expected)
    {
        using CsvRecordReader csv = Open($"a,b\n{field},x\n");
        Assert.True(csv.Read());

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), csv.GetDecimal(0));
    }

    [Theory]
    [InlineData("NaN", "not a finite decimal number")]
    [InlineData("Infinity", "not a finite decimal number")]
    [InlineData("-inf", "not a finite decimal number")]
    [InlineData("\"1,5\"", "invariant culture")]
    [InlineData("\"1.000,5\"", "invariant culture")]
    [InlineData("1e3", "not a decimal number")]
    [InlineData("abc", "not a decimal number")]
    [InlineData("1.2.3", "not a decimal number")]
    [InlineData("", "empty value")]
    public void Bad_Decimals_Name_Line_Field_And_Problem(string field, string problem)
    {
        using CsvRecordReader csv = Open($"a,b\nx,y\n{field},2\n");
        Assert.True(csv.Read());
        Assert.True(csv.Read());

        CsvFormatException e = Assert.Throws<CsvFormatException>(() => csv.GetDecimal(0));

        Assert.Equal(3, e.LineNumber);
        Assert.Equal("a", e.Field);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e999")]
    [InlineData("1,5")]
    [InlineData("x")]
    public void Bad_Doubles_Are_Errors(string field)
    {
        using CsvRecordReader csv = Open($"a,b\n\"{field}\",2\n");
        Assert.True(csv.Read());

        Assert.Throws<CsvFormatException>(() => csv.GetDouble(0));
    }

    [Fact]
    public void Doubles_Accept_Exponents()
    {
        using CsvRecordReader csv = Open("a,b\n1.5e2,-0.25\n");
        Assert.True(csv.Read());

        Assert.Equal(150.0, csv.GetDouble(0));
        Assert.Equal(-0.25, csv.GetDouble(1));
    }

    [Fact]
    public void Integers_Out_Of_Range_Or_Fractional_Are_Errors()
    {
        using CsvRecordReader csv = Open("a,b\n3000000000,1.5\n");
        Assert.True(csv.Read());

        Assert.Throws<CsvFormatException>(() => csv.GetInt32(0));
        Assert.Equal(3_000_000_000L, csv.GetInt64(0));
        Assert.Throws<CsvFormatException>(() => csv.GetInt64(1));
    }

    [Fact]
    public void Dates_Are_Read_In_The_Given_Pattern()
    {
        using CsvRecordReader csv = Open("a,b\n1997-02-28,19970301\n");
        Assert.True(csv.Read());

        Assert.Equal(new LocalDate(1997, 2, 28), csv.GetLocalDate(0));
        Assert.Equal(new LocalDate(1997, 3, 1), csv.GetLocalDate(1, LocalDatePattern.CreateWithInvariantCulture("yyyyMMdd")));
        Assert.Equal(new LocalDate(1997, 2, 28), csv.GetLocalDate(0, LocalDatePattern.CreateWithInvariantCulture("yyyy-MM-dd")));
    }

    [Theory]
    [InlineData("1997-13-45")]
    [InlineData("1997-02-29")]
    [InlineData("97-02-01")]
    [InlineData("1997/02/01")]
    [InlineData("")]
    public void Bad_Dates_Are_Errors_Naming_The_Expected_Pattern(string field)
    {
        using CsvRecordReader csv = Open($"a,b\n{field},2\n");
        Assert.True(csv.Read());

        CsvFormatException e = Assert.Throws<CsvFormatException>(() => csv.GetLocalDate(0));

        Assert.Equal("a", e.Field);
        Assert.Contains("yyyy-MM-dd", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_Longer_Than_The_Buffer_Are_Read_Whole()
    {
        string big = new('x', 200_000);
        using CsvRecordReader csv = Open($"a,b\n{big},\"{big}\"\n1,2\n");

        Assert.True(csv.Read());
        Assert.Equal(big, csv.GetString(0));
        Assert.Equal(big, csv.GetString(1));
        Assert.True(csv.Read());
        Assert.Equal(3, csv.LineNumber);
    }

    [Fact]
    public void Crlf_Split_Across_Buffer_Refills_Counts_One_Line()
    {
        // A reader that returns one character at a time puts every CR and LF in separate reads.
        using var csv = new CsvRecordReader(new TrickleReader("a,b\r\n1,\"2\"\r\n3,4\r\n"), "t.csv", AbcColumns);

        Assert.True(csv.Read());
        Assert.Equal(2, csv.LineNumber);
        Assert.True(csv.Read());
        Assert.Equal(3, csv.LineNumber);
        Assert.Equal("4", csv.GetString(1));
        Assert.False(csv.Read());
    }

    [Fact]
    public void Create_Error_Names_The_Current_Line_And_Column()
    {
        using CsvRecordReader csv = Open("a,b\n1,-2\n");
        Assert.True(csv.Read());

        CsvFormatException e = csv.CreateError(1, "a weight must not be negative");

        Assert.Equal("in.csv:2: field 'b': a weight must not be negative", e.Message);
    }

    [Fact]
    public void An_Absent_Optional_Column_Cannot_Be_Read()
    {
        using CsvRecordReader csv = Open("a,b\n1,2\n");
        Assert.True(csv.Read());

        Assert.Throws<InvalidOperationException>(() => csv.GetString(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => csv.GetString(3));
    }

    [Fact]
    public void Reading_Does_Not_Depend_On_The_Current_Culture()
    {
        CultureInfo before = CultureInfo.CurrentCulture;
        try
        {
            foreach (string culture in new[] { "de-DE", "tr-TR", "fr-FR" })
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
                using CsvRecordReader csv = Open("A,B\n1.5,2.25\n");
                Assert.True(csv.Read());
                Assert.Equal(1.5m, csv.GetDecimal(0));
                Assert.Equal(2.25, csv.GetDouble(1));
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    private sealed class TrickleReader(string text) : TextReader
    {
        private int _pos;

        public override int Read(char[] buffer, int index, int count)
        {
            if (_pos >= text.Length)
            {
                return 0;
            }

            buffer[index] = text[_pos++];
            return 1;
        }
    }
}
