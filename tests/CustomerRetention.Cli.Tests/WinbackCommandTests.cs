using System.Text.Json;

namespace CustomerRetention.Cli.Tests;

/// <summary><c>retention winback</c> (docs/cli.md; docs/win-back.md).</summary>
public sealed class WinbackCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "winback-tests-" + Guid.NewGuid().ToString("N"));

    public WinbackCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Departures => TestData.Path("winback_departures.csv");

    [Fact]
    public void Reasons_RankedByLostRevenue_Csv()
    {
        // Hand-worked from tests/data/winback_departures.csv (equal shares): poor value 1,200 + 1,000/2 = 1,700;
        // untimely 900/2 + 600 = 1,050; broken promises 500; unfriendly 450; D (300) has no reason; total 4,000.
        CliResult result = CliRunner.Run("winback", "--departures", Departures);

        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("rank,reason,departures,revenue_lost,share,description", lines[0]);
        Assert.StartsWith("1,poor-value,2,1700,0.425,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2,untimely,2,1050,0.2625,", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("3,broken-promises,1,500,0.125,", lines[3], StringComparison.Ordinal);
        Assert.StartsWith("4,unfriendly,1,450,0.1125,", lines[4], StringComparison.Ordinal);
        Assert.StartsWith(",undiagnosed,1,300,0.075,", lines[5], StringComparison.Ordinal);
        Assert.Equal(6, lines.Length);
    }

    [Fact]
    public void Reasons_FullAttribution()
    {
        // Hand-worked: poor value 1,200 + 1,000 = 2,200; untimely 900 + 600 = 1,500; broken promises 1,000; unfriendly 900.
        CliResult result = CliRunner.Run("winback", "--departures", Departures, "--attribution", "full");

        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(new[] { "2200", "1500", "1000", "900", "300" }, lines.Skip(1).Select(l => l.Split(',')[3]));
    }

    [Fact]
    public void Customers_RankedByValueTimesChance_Json()
    {
        // Hand-worked priorities (value = revenue lost): A 1,200·0.2 = 240; B 900·0.5 = 450; C 600·0.75 = 450;
        // D 300·0.4 = 120; E 1,000·0.1 = 100. B and C tie: the higher value first.
        CliResult result = CliRunner.Run("winback", "--departures", Departures, "--table", "customers", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Output);
        JsonElement[] rows = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(new[] { "B", "C", "A", "D", "E" }, rows.Select(r => r.GetProperty("customer_id").GetString()));
        Assert.Equal(450.0, rows[0].GetProperty("priority").GetDouble());
        Assert.Equal("untimely;unfriendly", rows[0].GetProperty("reasons").GetString());
        Assert.Equal("2026-02-04", rows[0].GetProperty("date").GetString());
        Assert.Equal(1, rows[0].GetProperty("rank").GetInt32());
    }

    [Fact]
    public void Reasons_Json_UndiagnosedRowHasNoRank()
    {
        CliResult result = CliRunner.RunInCulture("de-DE", "winback", "--departures", Departures, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Output);
        JsonElement[] rows = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(5, rows.Length);
        Assert.Equal("poor-value", rows[0].GetProperty("reason").GetString());
        Assert.Equal(0.425, rows[0].GetProperty("share").GetDouble()); // 1,700 / 4,000, hand-worked above
        Assert.Equal(JsonValueKind.Null, rows[4].GetProperty("rank").ValueKind);
        Assert.Equal("undiagnosed", rows[4].GetProperty("reason").GetString());
    }

    [Fact]
    public void Customers_InGermanCulture_AreInvariant()
    {
        string path = Write("customer_id,date,revenue_lost,value,chance\nX,2026-05-01,1234.5,2000.25,0.25\n");

        CliResult result = CliRunner.RunInCulture("de-DE", "winback", "--departures", path, "--table", "customers");

        Assert.Equal(0, result.ExitCode);
        // Hand-worked: priority 2,000.25 · 0.25 = 500.0625.
        Assert.Equal("1,X,2026-05-01,1234.5,2000.25,0.25,500.0625,", result.Output.Split('\n')[1]);
    }

    [Fact]
    public void Customers_EmptyValueOrChance_TakeTheDefaults()
    {
        string path = Write("customer_id,date,revenue_lost,value,chance\nX,2026-05-01,80,,\nY,2026-05-02,50,100,\n");

        CliResult result = CliRunner.Run("winback", "--departures", path, "--table", "customers");

        // Hand-worked: X value 80 (its revenue lost) × 1 = 80; Y value 100 × 1 = 100.
        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("1,Y,2026-05-02,50,100,1,100,", lines[1]);
        Assert.Equal("2,X,2026-05-01,80,80,1,80,", lines[2]);
    }

    [Fact]
    public void StandardInput_AndHeaderOnly()
    {
        CliResult result = CliRunner.RunWithInput("customer_id,date,revenue_lost\n", "winback", "--departures", "-");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("rank,reason,departures,revenue_lost,share,description\n", result.Output);
    }

    [Theory]
    [InlineData("customer_id,date,revenue_lost\nA,2026-01-01,-5\n", ":2: field 'revenue_lost': '-5' is negative")]
    [InlineData("customer_id,date,revenue_lost,reasons\nA,2026-01-01,5,untimely\nB,2026-01-01,5,too-expensive\n", ":3: field 'reasons': 'too-expensive' is not a churn reason")]
    [InlineData("customer_id,date,revenue_lost\nA,2026-13-01,5\n", ":2: field 'date'")]
    [InlineData("customer_id,date,revenue_lost\nA,2026-01-01,\"1,5\"\n", ":2: field 'revenue_lost': '1,5' is not a decimal number in the invariant culture")]
    [InlineData("customer_id,date,revenue_lost\nA,2026-01-01,NaN\n", ":2: field 'revenue_lost'")]
    [InlineData("customer_id,date,revenue_lost,chance\nA,2026-01-01,5,1.5\n", ":2: field 'chance': '1.5' is not a probability")]
    [InlineData("customer_id,revenue_lost\nA,5\n", ":1: field 'date': the header lacks the required column 'date'")]
    [InlineData("customer_id,date,revenue_lost\n ,2026-01-01,5\n", ":2: field 'customer_id': the customer id is empty")]
    public void BadInput_IsOneLine_Exit2(string content, string expected)
    {
        string path = Write(content);

        CliResult result = CliRunner.RunInCulture("de-DE", "winback", "--departures", path);

        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.ErrorLines);
        Assert.Contains(path + expected, line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
    }

    [Theory]
    [InlineData("--table", "segments")]
    [InlineData("--attribution", "half")]
    public void BadOption_IsOneLine_Exit2(string option, string value)
    {
        CliResult result = CliRunner.Run("winback", "--departures", Departures, option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"option '{option}'", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFile_OrOption_IsOneLine_Exit2()
    {
        CliResult missing = CliRunner.Run("winback", "--departures", Path.Combine(_dir, "nope.csv"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no such file", Assert.Single(missing.ErrorLines), StringComparison.Ordinal);

        CliResult noOption = CliRunner.Run("winback");
        Assert.Equal(2, noOption.ExitCode);
        Assert.Contains("missing required option '--departures'", Assert.Single(noOption.ErrorLines), StringComparison.Ordinal);
    }

    private string Write(string content)
    {
        string path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, content);
        return path;
    }
}
