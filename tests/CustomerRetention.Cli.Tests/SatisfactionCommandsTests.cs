using System.Globalization;
using System.Text.Json;

namespace CustomerRetention.Cli.Tests;

/// <summary><c>retention nps</c> and <c>retention csi</c> (docs/cli.md, "Satisfaction commands").</summary>
public sealed class SatisfactionCommandsTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"satisfaction-{Guid.NewGuid():N}");

    public SatisfactionCommandsTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string[] Row(CliResult result, int index = 1) => result.Output.Split('\n')[index].Split(',');

    private static double Num(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public void Nps_OnTheSampleFile()
    {
        // tests/data/nps_responses.csv, hand-worked: answers 10 9 9 8 7 6 5 10 3 9 → promoters 5, passives 2,
        // detractors 3, NPS = 100·(0.5 − 0.3) = 20; Var = 10⁴·(0.8 − 0.04)/10 = 760 (reference-values.md formula);
        // margin = 1.959964·√760 = 54.03.
        CliResult result = CliRunner.Run("nps", "--responses", TestData.Path("nps_responses.csv"));
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("score,promoters,passives,detractors,variance,margin_of_error,responses,standard_error,ci_lower,ci_upper,level", result.Output.Split('\n')[0]);
        string[] row = Row(result);
        Tolerance.Close(20, Num(row[0]), 1e-12);
        Assert.Equal(["5", "2", "3"], row[1..4]);
        Tolerance.Close(760, Num(row[4]), 1e-12);
        Tolerance.Decimals(54.03, Num(row[5]), 2);
        Assert.Equal("10", row[6]);
        Tolerance.Close(-34.03, Num(row[8]), 1e-3);
        Tolerance.Close(74.03, Num(row[9]), 1e-3);
    }

    [Fact]
    public void Nps_OtherColumn_Json_And_Level()
    {
        string path = Write("r.csv", "id,Likely\r\na,10\r\nb,0\r\nc,9\r\nd,8\r\n");
        CliResult result = CliRunner.Run("nps", "--responses", path, "--column", "likely", "--format", "json", "--level", "0.9");
        Assert.Equal(0, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Output);
        JsonElement row = Assert.Single(json.RootElement.EnumerateArray().ToList());
        Assert.Equal(25, row.GetProperty("score").GetDouble(), 12); // (2 − 1)/4 = 25 %
        Assert.Equal(0.9, row.GetProperty("level").GetDouble());
    }

    [Fact]
    public void Nps_BySegment_OneRowPerSegmentInOrderOfAppearance()
    {
        // tests/data/nps_responses.csv: retail answers 10 9 8 6 10 9 → 4 promoters, 1 passive, 1 detractor, NPS 50;
        // business 9 7 5 3 → 1, 1, 2, NPS −25.
        CliResult result = CliRunner.Run("nps", "--responses", TestData.Path("nps_responses.csv"), "--by", "segment");
        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Output.TrimEnd('\n').Split('\n');
        Assert.EndsWith(",level,segment", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        string[] retail = lines[1].Split(',');
        Assert.Equal(["50", "4", "1", "1"], retail[0..4]);
        Assert.Equal("retail", retail[^1]);
        string[] business = lines[2].Split(',');
        Assert.Equal(["-25", "1", "1", "2"], business[0..4]);
        Assert.Equal("business", business[^1]);
        Assert.Equal(2, CliRunner.Run("nps", "--responses", TestData.Path("nps_responses.csv"), "--by", "region").ExitCode);
    }

    [Fact]
    public void Nps_UnderGermanCulture_PrintsTheSame()
    {
        string path = TestData.Path("nps_responses.csv");
        CliResult invariant = CliRunner.Run("nps", "--responses", path);
        CliResult german = CliRunner.RunInCulture("de-DE", "nps", "--responses", path);
        Assert.Equal(0, german.ExitCode);
        Assert.Equal(invariant.Output, german.Output);
        Assert.Contains("54.0", german.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id,score\na,7\nb,11\n", ":3: field 'score'", "outside the 0-10 scale")]
    [InlineData("id,score\na,7\nb,-1\n", ":3: field 'score'", "outside the 0-10 scale")]
    [InlineData("id,score\na,seven\n", ":2: field 'score'", "not a whole number")]
    [InlineData("id,score\na,7.5\n", ":2: field 'score'", "not a whole number")]
    [InlineData("id,score\na,\n", ":2: field 'score'", "whole number")]
    [InlineData("id,rating\na,7\n", ":1: field 'score'", "lacks the required column 'score'")]
    public void Nps_BadInput_IsOneLineWithFileLineAndField(string content, string where, string what)
    {
        string path = Write("bad.csv", content);
        CliResult result = CliRunner.RunInCulture("de-DE", "nps", "--responses", path);
        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.ErrorLines);
        Assert.Contains(path + where, line, StringComparison.Ordinal);
        Assert.Contains(what, line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public void Nps_SkipBlank_SkipsAndSaysHowMany()
    {
        string path = Write("blank.csv", "id,score\na,10\nb,\nc,0\n");
        CliResult result = CliRunner.Run("nps", "--responses", path, "--skip-blank");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("0", Row(result)[0]);
        Assert.Contains("skipped 1 blank", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Nps_HeaderOnly_IsAnEmptyResult()
    {
        CliResult result = CliRunner.Run("nps", "--responses", Write("empty.csv", "id,score\n"));
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("score,promoters,passives,detractors,variance,margin_of_error,responses,standard_error,ci_lower,ci_upper,level\n", result.Output);
    }

    [Fact]
    public void Nps_StandardInput_And_MissingFile()
    {
        CliResult stdin = CliRunner.RunWithInput("score\n9\n10\n", "nps", "--responses", "-");
        Assert.Equal(0, stdin.ExitCode);
        Assert.Equal("100", Row(stdin)[0]);
        CliResult missing = CliRunner.Run("nps", "--responses", Path.Combine(_dir, "nope.csv"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no such file", Assert.Single(missing.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run("nps", "--responses", TestData.Path("nps_responses.csv"), "--level", "1").ExitCode);
    }

    [Fact]
    public void Csi_OnTheSampleFile()
    {
        // tests/data/csi_survey.csv, hand-worked: weights 0.5, 0.3, 0.2 → CSI = 0.5·4 + 0.3·3 + 0.2·5 = 3.9,
        // 100·(3.9 − 1)/4 = 72.5 on 0–100.
        CliResult result = CliRunner.Run("csi", "--survey", TestData.Path("csi_survey.csv"));
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("csi,csi_100,items,total_importance,scale_min,scale_max", result.Output.Split('\n')[0]);
        string[] row = Row(result);
        Tolerance.Close(3.9, Num(row[0]), 1e-12);
        Tolerance.Close(72.5, Num(row[1]), 1e-12);
        Assert.Equal(["3", "10", "1", "5"], row[2..6]);
    }

    [Fact]
    public void Csi_ByItem_GivesWeightsAndQuadrants()
    {
        CliResult result = CliRunner.RunInCulture("de-DE", "csi", "--survey", TestData.Path("csi_survey.csv"), "--by-item");
        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Output.TrimEnd('\n').Split('\n');
        Assert.Equal("item,importance,satisfaction,weight,contribution,quadrant", lines[0]);
        // Importance mean 10/3, satisfaction mean 4: delivery (5, 4) keep up the good work; courtesy (3, 3) low priority;
        // price (2, 5) possible overkill (Martilla & James 1977 at the means).
        Assert.Equal("delivery speed,5,4,0.5,2,keep up the good work", lines[1]);
        string[] courtesy = lines[2].Split(',');
        Assert.Equal(["staff courtesy", "3", "3", "0.3"], courtesy[0..4]);
        Tolerance.Close(0.9, Num(courtesy[4]), 1e-12);
        Assert.Equal("low priority", courtesy[5]);
        Assert.EndsWith(",possible overkill", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Csi_OtherScale_And_Json()
    {
        string path = Write("s.csv", "Item,Importance,Satisfaction\nspeed,1,10\nprice,1,4\n");
        CliResult result = CliRunner.Run("csi", "--survey", path, "--scale", "1-10", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Output);
        JsonElement row = json.RootElement[0];
        Assert.Equal(7, row.GetProperty("csi").GetDouble(), 12);
        Assert.Equal(200.0 / 3, row.GetProperty("csi_100").GetDouble(), 12);
    }

    [Theory]
    [InlineData("item,importance,satisfaction\na,1,4\nb,-2,3\n", ":3: field 'importance'", "zero or greater")]
    [InlineData("item,importance,satisfaction\na,1,6\n", ":2: field 'satisfaction'", "outside the 1-5 scale")]
    [InlineData("item,importance,satisfaction\na,1,NaN\n", ":2: field 'satisfaction'", "not a finite number")]
    [InlineData("item,importance,satisfaction\na,\"1,5\",4\n", ":2: field 'importance'", "invariant culture")]
    [InlineData("item,importance,satisfaction\n,1,4\n", ":2: field 'item'", "empty item name")]
    [InlineData("item,satisfaction\na,4\n", ":1: field 'importance'", "lacks the required column 'importance'")]
    public void Csi_BadInput_IsOneLineWithFileLineAndField(string content, string where, string what)
    {
        string path = Write("bad.csv", content);
        CliResult result = CliRunner.RunInCulture("de-DE", "csi", "--survey", path);
        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.ErrorLines);
        Assert.Contains(path + where, line, StringComparison.Ordinal);
        Assert.Contains(what, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Csi_ZeroTotalImportance_And_BadScale_AreExit2()
    {
        CliResult zero = CliRunner.Run("csi", "--survey", Write("z.csv", "item,importance,satisfaction\na,0,4\nb,0,3\n"));
        Assert.Equal(2, zero.ExitCode);
        Assert.Contains("total importance is zero", Assert.Single(zero.ErrorLines), StringComparison.Ordinal);
        CliResult scale = CliRunner.Run("csi", "--survey", TestData.Path("csi_survey.csv"), "--scale", "5-1");
        Assert.Equal(2, scale.ExitCode);
        Assert.Contains("--scale", Assert.Single(scale.ErrorLines), StringComparison.Ordinal);
        CliResult empty = CliRunner.Run("csi", "--survey", Write("e.csv", "item,importance,satisfaction\n"));
        Assert.Equal(0, empty.ExitCode);
        Assert.Equal("csi,csi_100,items,total_importance,scale_min,scale_max\n", empty.Output);
    }
}
