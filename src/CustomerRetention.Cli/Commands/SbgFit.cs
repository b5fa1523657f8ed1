using System.Globalization;
using System.Text;
using System.Text.Json;
using CustomerRetention.Churn;

namespace CustomerRetention.Cli.Commands;

/// <summary>
/// <c>retention fit sbg --survivors N0,N1,...</c> (docs/cli.md): fits the shifted-beta-geometric
/// model to one cohort's survivor counts and prints
/// <c>{"model":"sbg","parameters":{"alpha":..,"beta":..},"logLikelihood":..,"customers":N0}</c>.
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
        SbgFitResult fit;
        try
        {
            fit = ShiftedBetaGeometric.Fit(survivors);
        }
        catch (ArgumentException e)
        {
            throw new CliException($"option '{Survivors.Name}': {WithoutParameterName(e)}", e);
        }

        using TextWriter output = OutputOptions.Open(args, context);
        output.Write(ToJson(fit));
        output.Write('\n');
        return ExitCodes.Success;
    }

    /// <summary>The JSON document for a fit (exposed for tests).</summary>
    internal static string ToJson(SbgFitResult fit)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("model", "sbg");
            json.WriteStartObject("parameters");
            json.WriteNumber("alpha", fit.Model.Alpha);
            json.WriteNumber("beta", fit.Model.Beta);
            json.WriteEndObject();
            json.WriteNumber("logLikelihood", fit.LogLikelihood);
            json.WriteNumber("customers", fit.Customers);
            json.WriteNumber("periods", fit.Periods);
            json.WriteBoolean("converged", fit.Converged);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
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
