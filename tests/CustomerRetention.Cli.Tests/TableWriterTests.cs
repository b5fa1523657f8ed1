using CustomerRetention.TestKit;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerRetention.Cli.Tests;

/// <summary>The table output conventions of docs/cli.md: invariant culture, round-trip numbers, RFC 4180 quoting.</summary>
public sealed class TableWriterTests
{
    [Theory]
    [InlineData("27.00", "27")]
    [InlineData("29.330", "29.33")]
    [InlineData("-0.50", "-0.5")]
    [InlineData("0.0000000001", "0.0000000001")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    public void Decimals_Print_Without_Trailing_Zeros(string stored, string printed)
    {
        decimal value = decimal.Parse(stored, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(printed, Csv(w => w.Number(value)));
    }

    [Fact]
    public void Decimal_Formatting_Into_A_Span_Is_The_Allocating_Form_Meets_Specification()
    {
        // The CSV writer formats into a stack buffer; it must print what Format(decimal) (divide by 1.000…0) prints.
        Gen<int> anyInt = Gen.Choose(int.MinValue, int.MaxValue);
        Gen<(int Lo, int Mid)> low = Gen.Zip(anyInt, anyInt);
        Gen<(int Hi, byte Scale)> high = Gen.Zip(Gen.Choose(0, int.MaxValue), Gen.Choose(0, 28)).Select(t => (t.Item1 % 4 == 0 ? 0 : t.Item1, (byte)t.Item2));
        Arbitrary<decimal> decimals = Gen.Zip(low, high).Select(t => new decimal(t.Item1.Lo, t.Item1.Mid, t.Item2.Hi, t.Item1.Lo % 2 == 0, t.Item2.Scale)).ToArbitrary();
        Properties.ForAll(decimals, value =>
        {
            Span<char> buffer = stackalloc char[32];
            return new string(buffer.Slice(0, TableWriter.Format(value, buffer))) == TableWriter.Format(value);
        });
    }

    [Fact]
    public void Doubles_Print_In_Shortest_Round_Trip_Form()
    {
        Assert.Equal("0.1", Csv(w => w.Number(0.1)));
        Assert.Equal("0.30000000000000004", Csv(w => w.Number(0.1 + 0.2)));
    }

    [Fact]
    public void Text_With_Comma_Or_Quote_Is_Quoted()
    {
        Assert.Equal("\"a,b\",\"say \"\"hi\"\"\",Can't Lose Them", Csv(w =>
        {
            w.Text("a,b");
            w.Text("say \"hi\"");
            w.Text("Can't Lose Them");
        }));
    }

    private static string Csv(Action<TableWriter> write)
    {
        var output = new StringWriter();
        using (var table = new CsvTableWriter(output, ["a", "b", "c"]))
        {
            write(table);
            table.EndRow();
        }

        return output.ToString().Split('\n')[1];
    }
}
