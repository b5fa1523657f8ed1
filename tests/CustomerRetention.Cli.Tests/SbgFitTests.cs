using System.Globalization;
using System.Text.Json;
using CustomerRetention.Cli.Commands;

namespace CustomerRetention.Cli.Tests;

/// <summary><c>fit sbg --survivors</c>, run through <see cref="SbgFit.Run"/> (the fit command dispatches to it).</summary>
public sealed class SbgFitTests
{
    private static readonly OptionSpec[] Options = [.. SbgFit.Options, OutputOptions.Out];

    internal static CliResult RunSbg(string? culture, params string[] args)
    {
        CultureInfo before = CultureInfo.CurrentCulture;
        try
        {
            if (culture is not null)
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            }

            var output = new StringWriter(CultureInfo.InvariantCulture);
            var error = new StringWriter(CultureInfo.InvariantCulture);
            var console = new CliConsole(output, error, () => new MemoryStream());
            int exit;
            try
            {
                CommandArguments parsed = CommandArguments.Parse(args, Options);
                exit = SbgFit.Run(parsed, new CliContext(console, quiet: true));
            }
            catch (CliException e)
            {
                error.WriteLine(e.Message);
                exit = ExitCodes.BadInput;
            }

            return new CliResult(exit, output.ToString(), error.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("de-DE")]
    public void Fit_Of_The_Regular_Customers_Matches_The_Contract(string? culture)
    {
        CliResult result = RunSbg(culture, "--survivors", "1000,631,468,382,326,289,262,241");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument output = JsonDocument.Parse(result.Output);
        JsonElement root = output.RootElement;

        // tests/data/expected/fits.json, "sbg --survivors": parameters within 5e-3 relative, LL within 0.01,
        // customers exact; published: Fader & Hardie (2007) α 0.704, β 1.182, LL −1680.27.
        using JsonDocument fits = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "expected", "fits.json")));
        JsonElement expected = fits.RootElement.GetProperty("runs").EnumerateArray().Single(r => r.GetProperty("model").GetString() == "sbg").GetProperty("expected");
        Assert.Equal("sbg", root.GetProperty("model").GetString());
        foreach (string name in new[] { "alpha", "beta" })
        {
            double want = expected.GetProperty("parameters").GetProperty(name).GetDouble();
            double got = root.GetProperty("parameters").GetProperty(name).GetDouble();
            Assert.InRange(Math.Abs(got - want) / want, 0, 5e-3);
        }

        Assert.InRange(Math.Abs(root.GetProperty("logLikelihood").GetDouble() - expected.GetProperty("logLikelihood").GetDouble()), 0, 0.01);
        Assert.Equal(1000, root.GetProperty("customers").GetInt32());
        Assert.Contains("\"alpha\": 0.704", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("de-DE")]
    public void Fit_Command_Dispatches_Sbg(string? culture)
    {
        string[] args = ["fit", "sbg", "--survivors", "1000,631,468,382,326,289,262,241"];
        CliResult result = culture is null ? CliRunner.Run(args) : CliRunner.RunInCulture(culture, args);

        Assert.Equal(0, result.ExitCode);
        using JsonDocument output = JsonDocument.Parse(result.Output);

        // Fader & Hardie (2007), regular customers: α 0.704, β 1.182, LL −1680.27 (reference-values.md).
        Tolerance.Decimals(0.704, output.RootElement.GetProperty("parameters").GetProperty("alpha").GetDouble(), 3);
        Tolerance.Decimals(1.182, output.RootElement.GetProperty("parameters").GetProperty("beta").GetDouble(), 3);
        Tolerance.Decimals(-1680.27, output.RootElement.GetProperty("logLikelihood").GetDouble(), 2);
        Assert.Equal(1000, output.RootElement.GetProperty("customers").GetInt32());
    }

    [Fact]
    public void Fit_Command_Reports_Bad_Survivors_On_One_Line()
    {
        CliResult result = CliRunner.Run("fit", "sbg", "--survivors", "1000,600,700");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("never increase", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1000,600,700", "never increase")]
    [InlineData("1000,abc", "'abc'")]
    [InlineData("1000,-5", "negative")]
    [InlineData("1000", "at least two")]
    [InlineData("100,100,100", "Nobody churned")]
    public void Bad_Survivors_Are_One_Line_Exit_2(string survivors, string fragment)
    {
        CliResult result = RunSbg(null, "--survivors", survivors);

        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.ErrorLines);
        Assert.Contains("--survivors", line, StringComparison.Ordinal);
        Assert.Contains(fragment, line, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void Missing_Survivors_Is_Exit_2()
    {
        CliResult result = RunSbg(null);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("missing required option '--survivors'", result.Error, StringComparison.Ordinal);
    }
}
