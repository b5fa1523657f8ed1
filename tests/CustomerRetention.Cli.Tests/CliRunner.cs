using System.Globalization;
using System.Text;
using CustomerRetention.Cli;

namespace CustomerRetention.Cli.Tests;

/// <summary>What one run of the tool printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>The lines of standard error, without a trailing empty one.</summary>
    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Runs the tool's entry point in-process, optionally under another culture and with standard input.</summary>
public static class CliRunner
{
    public static CliResult Run(params string[] args) => RunWith(null, null, args);

    public static CliResult RunInCulture(string culture, params string[] args) => RunWith(culture, null, args);

    public static CliResult RunWithInput(string input, params string[] args) => RunWith(null, input, args);

    private static CliResult RunWith(string? culture, string? input, string[] args)
    {
        CultureInfo before = CultureInfo.CurrentCulture;
        CultureInfo beforeUi = CultureInfo.CurrentUICulture;
        try
        {
            if (culture is not null)
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            }

            var output = new StringWriter(CultureInfo.InvariantCulture);
            var error = new StringWriter(CultureInfo.InvariantCulture);
            byte[] stdin = Encoding.UTF8.GetBytes(input ?? string.Empty);
            var console = new CliConsole(output, error, () => new MemoryStream(stdin));
            int exitCode = RetentionApp.Run(args, console);
            return new CliResult(exitCode, output.ToString(), error.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
            CultureInfo.CurrentUICulture = beforeUi;
        }
    }
}
