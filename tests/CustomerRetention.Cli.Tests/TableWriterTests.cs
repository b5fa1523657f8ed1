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
