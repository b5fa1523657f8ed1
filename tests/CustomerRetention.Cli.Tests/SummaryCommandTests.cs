using System.Globalization;
using CustomerRetention.TestKit;

namespace CustomerRetention.Cli.Tests;

/// <summary><c>retention summary</c> and the transactions input it shares with other commands (docs/cli.md).</summary>
public sealed class SummaryCommandTests
{
    private const string Header = "customer_id,date,amount";

    private static readonly string[] GoodBefore =
    [
        "C01,1997-02-03,10.00", "C02,1997-02-04,12.50", "C01,1997-02-10,7.25", "C03,1997-02-11,30.00", "C02,1997-02-11,4.99",
    ];

    private static readonly string[] GoodAfter = ["C04,1997-02-20,9.99", "C01,1997-02-21,11.00", "C01,1997-02-21,3.50"];

    private static string Cdnow => TestData.Path("cdnow_sample_transactions.csv");

    private static string WriteTemp(string content)
    {
        string path = Path.Combine(Path.GetTempPath(), "retention-core-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, content);
        return path;
    }

    private static string FileWithBadRow(string row) =>
        WriteTemp(string.Join("\n", [Header, .. GoodBefore, row, .. GoodAfter]) + "\n");

    [Fact]
    public void Cdnow_Weekly_Summary_Matches_The_Expected_Output()
    {
        CliResult result = CliRunner.Run("summary", "--transactions", Cdnow, "--calibration-end", "1997-09-30", "--time-unit", "week");

        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("customer_id,frequency,recency,T,monetary_value", lines[0]);
        // tests/data/expected/cdnow_sample_summary_week.csv: the contract's expected output (shared/tools/README.md says how it was computed).
        IReadOnlyList<string[]> expected = TestData.Rows("expected/cdnow_sample_summary_week.csv");
        Assert.Equal(expected.Count + 1, lines.Length);
        for (int i = 0; i < expected.Count; i++)
        {
            string[] actual = lines[i + 1].Split(',');
            Assert.Equal(expected[i][0], actual[0]);
            Assert.Equal(expected[i][1], actual[1]);
            for (int c = 2; c < 5; c++)
            {
                Tolerance.Close(double.Parse(expected[i][c], CultureInfo.InvariantCulture), double.Parse(actual[c], CultureInfo.InvariantCulture), 1e-12);
            }
        }
    }

    [Fact]
    public void Days_Are_The_Default_Time_Unit()
    {
        string path = WriteTemp(Header + "\nA,1997-01-01,1\nA,1997-01-15,3\nA,1997-01-15,2\n");

        CliResult result = CliRunner.Run("summary", "--transactions", path, "--calibration-end", "1997-01-29");

        // x = 1 repeat day; t_x = 14 days; T = 28 days; z̄ = 3 + 2 (same-day purchases merged).
        Assert.Equal("customer_id,frequency,recency,T,monetary_value\nA,1,14,28,5\n", result.Output);
    }

    [Fact]
    public void Json_Output_Has_The_Same_Fields()
    {
        string path = WriteTemp(Header + "\nA,1997-01-01,1\nA,1997-01-15,3\n");

        CliResult result = CliRunner.Run("summary", "--transactions", path, "--calibration-end", "1997-01-29", "--format", "json", "--time-unit", "week");

        Assert.Equal(0, result.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(result.Output);
        System.Text.Json.JsonElement row = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("A", row.GetProperty("customer_id").GetString());
        Assert.Equal(1, row.GetProperty("frequency").GetInt32());
        Assert.Equal(2.0, row.GetProperty("recency").GetDouble());
        Assert.Equal(4.0, row.GetProperty("T").GetDouble());
        Assert.Equal(3m, row.GetProperty("monetary_value").GetDecimal());
    }

    [Fact]
    public void Out_Writes_A_File_And_Standard_Input_Is_A_Dash()
    {
        string input = Header + "\nA,1997-01-01,1\nB,1997-01-02,2\n";
        string outPath = Path.Combine(Path.GetTempPath(), "retention-core-" + Guid.NewGuid().ToString("N") + ".csv");

        CliResult fromStdin = CliRunner.RunWithInput(input, "summary", "--transactions", "-", "--calibration-end", "1997-01-31", "--out", outPath);
        CliResult fromFile = CliRunner.Run("summary", "--transactions", WriteTemp(input), "--calibration-end", "1997-01-31");

        Assert.Equal(0, fromStdin.ExitCode);
        Assert.Equal(string.Empty, fromStdin.Output);
        Assert.Equal(fromFile.Output, File.ReadAllText(outPath));
    }

    [Fact]
    public void Column_Options_And_Date_Format_Read_Other_Layouts()
    {
        string path = WriteTemp("Member,Spend,Day\nA,1.5,19970101\nA,2.5,19970108\n");

        CliResult result = CliRunner.Run(
            "summary", "--transactions", path, "--calibration-end", "1997-01-08",
            "--customer-column", "member", "--amount-column", "spend", "--date-column", "day", "--date-format", "yyyyMMdd");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("customer_id,frequency,recency,T,monetary_value\nA,1,7,7,2.5\n", result.Output);
    }

    [Theory]
    [InlineData("missing-amount", "G01,1997-02-05", "amount")]
    [InlineData("bad-date", "G01,1997-13-45,10.00", "date")]
    [InlineData("nan-amount", "G01,1997-02-05,NaN", "amount")]
    [InlineData("infinity-amount", "G01,1997-02-05,Infinity", "amount")]
    [InlineData("comma-amount", "G01,1997-02-05,\"1,5\"", "amount")]
    [InlineData("empty-customer", ",1997-02-05,1", "customer_id")]
    [InlineData("unclosed-quote", "G01,\"1997-02-05,1", "date")]
    public void A_Malformed_Row_Is_One_Line_Naming_File_Line_And_Field_With_Exit_2(string kind, string row, string field)
    {
        string path = FileWithBadRow(row);

        CliResult result = CliRunner.Run("summary", "--transactions", path, "--calibration-end", "1997-09-30");

        Assert.True(result.ExitCode == 2, kind);
        string line = Assert.Single(result.ErrorLines);
        // The bad row is on physical line 7: the header, five good rows, then it.
        Assert.Contains($"{path}:7: field '{field}'", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public void Skip_Invalid_Skips_And_Reports_How_Many()
    {
        string path = WriteTemp(string.Join("\n", [Header, .. GoodBefore, "G01,1997-02-05,NaN", "G02,1997-99-01,1", .. GoodAfter]) + "\n");
        string clean = WriteTemp(string.Join("\n", [Header, .. GoodBefore, .. GoodAfter]) + "\n");

        CliResult skipped = CliRunner.Run("summary", "--transactions", path, "--calibration-end", "1997-09-30", "--skip-invalid");
        CliResult expected = CliRunner.Run("summary", "--transactions", clean, "--calibration-end", "1997-09-30");

        Assert.Equal(0, skipped.ExitCode);
        Assert.Equal(expected.Output, skipped.Output);
        string note = Assert.Single(skipped.ErrorLines);
        Assert.Contains("skipped 2 invalid rows", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Quiet_Hides_The_Skip_Note()
    {
        string path = FileWithBadRow("G01,1997-02-05,NaN");

        CliResult result = CliRunner.Run("summary", "--transactions", path, "--calibration-end", "1997-09-30", "--skip-invalid", "--quiet");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public void An_Empty_File_Is_An_Error_On_Line_1()
    {
        string path = WriteTemp(string.Empty);

        CliResult result = CliRunner.Run("summary", "--transactions", path, "--calibration-end", "1997-09-30");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"retention: {path}:1: ", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void A_Header_Without_A_Required_Column_Is_An_Error_On_Line_1_Naming_It()
    {
        string path = WriteTemp("customer_id,day,amount\nA,1997-01-01,1\n");

        CliResult result = CliRunner.Run("summary", "--transactions", path, "--calibration-end", "1997-09-30");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{path}:1: field 'date'", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Random_Bytes_Are_One_Line_And_Exit_2()
    {
        var random = new Random(4711);
        byte[] garbage = new byte[4096];
        random.NextBytes(garbage);
        string path = Path.Combine(Path.GetTempPath(), "retention-core-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllBytes(path, garbage);

        CliResult result = CliRunner.Run("summary", "--transactions", path, "--calibration-end", "1997-09-30");

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Split(['\n', '\r', '\u2028', '\u2029', '\u0085', '\f', '\v'], StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_Header_Only_File_Gives_Only_The_Header()
    {
        string path = WriteTemp(Header + "\n");

        CliResult result = CliRunner.Run("summary", "--transactions", path, "--calibration-end", "1997-09-30");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("customer_id,frequency,recency,T,monetary_value\n", result.Output);
    }

    [Fact]
    public void Crlf_Gives_The_Same_Output_As_Lf()
    {
        string[] lines = [Header, .. GoodBefore, .. GoodAfter];
        CliResult lf = CliRunner.Run("summary", "--transactions", WriteTemp(string.Join("\n", lines) + "\n"), "--calibration-end", "1997-09-30");
        CliResult crlf = CliRunner.Run("summary", "--transactions", WriteTemp(string.Join("\r\n", lines) + "\r\n"), "--calibration-end", "1997-09-30");

        Assert.Equal(0, crlf.ExitCode);
        Assert.Equal(lf.Output, crlf.Output);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    public void Output_Is_The_Same_Under_Any_Culture(string culture)
    {
        string[] args = ["summary", "--transactions", Cdnow, "--calibration-end", "1997-09-30", "--time-unit", "week"];

        CliResult invariant = CliRunner.Run(args);
        CliResult other = CliRunner.RunInCulture(culture, args);

        Assert.Equal(0, other.ExitCode);
        Assert.Equal(invariant.Output, other.Output);
        Assert.Contains("22.345", other.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    public void Errors_Are_The_Same_Under_Any_Culture(string culture)
    {
        string path = FileWithBadRow("G01,1997-02-05,\"1,5\"");
        string[] args = ["summary", "--transactions", path, "--calibration-end", "1997-09-30", "--customer-column", "CUSTOMER_ID"];

        CliResult invariant = CliRunner.Run(args);
        CliResult other = CliRunner.RunInCulture(culture, args);

        Assert.Equal(2, other.ExitCode);
        Assert.Equal(invariant.Error, other.Error);
    }

    [Theory]
    [InlineData("--calibration-end", "1997-02-30")]
    [InlineData("--time-unit", "month")]
    [InlineData("--format", "xml")]
    [InlineData("--date-format", "yyyy-MM-dd'")]
    public void Bad_Options_Are_Usage_Errors(string option, string value)
    {
        string[] args = ["summary", "--transactions", Cdnow, "--calibration-end", "1997-09-30"];
        args = option == "--calibration-end" ? ["summary", "--transactions", Cdnow, option, value] : [.. args, option, value];

        CliResult result = CliRunner.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(option, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_Options_And_Files_Are_Usage_Errors()
    {
        Assert.Equal(2, CliRunner.Run("summary", "--calibration-end", "1997-09-30").ExitCode);
        Assert.Equal(2, CliRunner.Run("summary", "--transactions", Cdnow).ExitCode);
        CliResult missing = CliRunner.Run("summary", "--transactions", "/no/such/file.csv", "--calibration-end", "1997-09-30");
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal("retention: /no/such/file.csv: no such file", Assert.Single(missing.ErrorLines));
    }
}
