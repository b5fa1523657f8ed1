namespace CustomerRetention.Cli.Tests;

/// <summary>The tool's skeleton: help, exit codes, one-line errors (docs/cli.md).</summary>
public sealed class AppTests
{
    [Fact]
    public void Help_Lists_Every_Command_And_Exits_0()
    {
        CliResult result = CliRunner.Run("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("report", result.Output, StringComparison.Ordinal);
        Assert.Contains("Exit codes", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void No_Arguments_Prints_Help_And_Exits_2()
    {
        CliResult result = CliRunner.Run();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Usage: retention COMMAND", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_Command_Is_One_Line_And_Exit_2()
    {
        CliResult result = CliRunner.Run("frobnicate");

        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.ErrorLines);
        Assert.Contains("unknown command 'frobnicate'", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_Option_Is_One_Line_And_Exit_2()
    {
        CliResult result = CliRunner.Run("report", "--sample", "cdnow", "--out", "x.html", "--colour", "blue");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown option '--colour'", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Option_Without_Its_Value_Is_Exit_2()
    {
        CliResult result = CliRunner.Run("report", "--out");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("needs a value", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Command_Help_Shows_Usage_And_Common_Options()
    {
        CliResult result = CliRunner.Run("report", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("retention report", result.Output, StringComparison.Ordinal);
        Assert.Contains("--quiet", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_Main_Command_Line_Is_Accepted()
    {
        // README quick start: report --sample cdnow --out report.html
        string path = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.html");
        try
        {
            CliResult result = CliRunner.Run("report", "--sample", "cdnow", "--out", path);
            Assert.Equal(0, result.ExitCode);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
