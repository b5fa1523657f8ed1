using System.Globalization;
using CustomerRetention.Churn;

namespace CustomerRetention.Cli.Commands;

/// <summary>
/// <c>retention fit sbg --survivors N0,N1,...</c> (docs/cli.md): fits the shifted-beta-geometric
/// model to one cohort's survivor counts and prints the fit document of every model
/// (<see cref="FitCommand.ToJson"/>) with <c>"customers": N0</c> and <c>"periods"</c>.
/// Not a command of its own: the <c>fit</c> command dispatches here when MODEL is <c>sbg</c>.
/// </summary>
internal static class SbgFit
{
    /// <summary>The survivor counts, comma-separated.</summary>
    public static readonly OptionSpec Survivors = OptionSpec.Value("--survivors", "N0,N1,...", "sbg: customers still there at t = 0, 1, 2, ... (comma-separated, never increasing).");

    /// <summary>The options <c>fit sbg</c> needs besides <c>--out</c> (which it honours when the fit command declares it).</summary>
    public static IReadOnlyList<OptionSpec> Options { get; } = [Survivors];

    /// <summary>Runs <c>fit sbg</c>; the MODEL positional has already been read by the caller.</summary>
    public static int Run(CommandArguments args, CliContext context)
    {
        double[] survivors = ParseSurvivors(args.Required(Survivors.Name));
        FitResult<ShiftedBetaGeometricParameters> fit;
        try
        {
            fit = ShiftedBetaGeometric.Fit(survivors);
        }
        catch (ArgumentException e)
        {
            throw new CliException($"option '{Survivors.Name}': {WithoutParameterName(e)}", e);
        }

        using TextWriter output = OutputOptions.Open(args, context);
        output.Write(FitCommand.ToJson("sbg", FitCommand.Warn("sbg", fit, context.Note)));
        output.Write('\n');
        return ExitCodes.Success;
    }

    internal static double[] ParseSurvivors(string text)
    {
        string[] parts = text.Split(',');
        var values = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i].Trim();
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            {
                throw new CliException($"option '{Survivors.Name}': '{part}' (value {i + 1}) is not a number");
            }

            if (value < 0)
            {
                throw new CliException($"option '{Survivors.Name}': '{part}' (value {i + 1}) is negative");
            }

            values[i] = value;
        }

        if (values.Length < 2)
        {
            throw new CliException($"option '{Survivors.Name}': at least two counts are needed (N0,N1,...)");
        }

        return values;
    }

    private static string WithoutParameterName(ArgumentException e)
    {
        string message = e.Message;
        int at = e.ParamName is null ? -1 : message.LastIndexOf(" (Parameter '", StringComparison.Ordinal);
        return at >= 0 ? message.Substring(0, at) : message;
    }
}
