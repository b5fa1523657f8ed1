using System.Text;
using System.Text.Json;
using CustomerRetention.Probabilistic;
using NodaTime;

namespace CustomerRetention.Cli.Commands;

/// <summary>
/// <c>retention fit auto --transactions FILE --calibration-end DATE --holdout-end DATE</c> (docs/cli.md): fits
/// bg-nbd, mbg-nbd and pareto-nbd on the calibration period, compares them on the holdout with the library's
/// <see cref="ModelComparison"/> and prints <c>{"chosen", "rule", "holdoutLength", "models": [...]}</c>. Not a
/// command of its own: the <c>fit</c> command dispatches here when MODEL is <c>auto</c>.
/// </summary>
internal static class AutoFit
{
    /// <summary>The end of the holdout period (inclusive).</summary>
    public static readonly OptionSpec HoldoutEnd = OptionSpec.Value("--holdout-end", "DATE", "auto: last day of the holdout period (the calibration end is excluded from it).");

    /// <summary>The options <c>fit auto</c> needs besides the transaction input.</summary>
    public static IReadOnlyList<OptionSpec> Options { get; } = [HoldoutEnd];

    /// <summary>The documented rule that picks <c>chosen</c> (ModelComparison.Compare).</summary>
    public const string Rule = "lowest per-customer holdout MAE among the converged fits; fits within 1 % of it are tied and the lowest BIC wins";

    /// <summary>Runs <c>fit auto</c>; the MODEL positional has already been read by the caller.</summary>
    public static int Run(CommandArguments args, CliContext context, FitOptions options)
    {
        if (args.Has(ModelDataInput.Summary.Name))
        {
            throw new CliException("fit auto needs --transactions FILE (a holdout is cut from the dated transactions), not --summary");
        }

        LocalDate calibrationEnd = args.RequiredDate(ModelDataInput.CalibrationEnd.Name);
        LocalDate holdoutEnd = args.RequiredDate(HoldoutEnd.Name);
        if (holdoutEnd <= calibrationEnd)
        {
            throw new CliException($"option '{HoldoutEnd.Name}': {holdoutEnd:yyyy-MM-dd} is not after the calibration end {calibrationEnd:yyyy-MM-dd}");
        }

        TimeUnit unit = args.GetChoice(ModelDataInput.Unit.Name, "day", "day", "week") == "week" ? TimeUnit.Week : TimeUnit.Day;
        TransactionTable table = TransactionInput.Read(args, context);
        CalibrationHoldout split = CalibrationHoldout.Split(table, calibrationEnd, holdoutEnd);
        if (split.Calibration.Count == 0)
        {
            throw new CliException($"no customer purchased on or before the calibration end {calibrationEnd:yyyy-MM-dd}");
        }

        ModelComparison comparison;
        try
        {
            comparison = ModelComparison.Compare(split, unit, options: options);
        }
        catch (ArgumentException e)
        {
            throw new CliException($"auto: {e.Message.Split('\n')[0]}", e);
        }

        foreach (ModelComparisonEntry entry in comparison.Models)
        {
            FitCommand.Warn(entry.Model.Name, entry.Model.Report, context.Note);
        }

        using TextWriter output = OutputOptions.Open(args, context);
        output.Write(ToJson(comparison));
        output.Write('\n');
        return ExitCodes.Success;
    }

    /// <summary>The comparison document (exposed for tests).</summary>
    internal static string ToJson(ModelComparison comparison)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("chosen", comparison.Chosen.Model.Name);
            json.WriteString("rule", Rule);
            json.WriteNumber("holdoutLength", comparison.HoldoutLength);
            json.WriteStartArray("models");
            foreach (ModelComparisonEntry entry in comparison.Models)
            {
                FitResult fit = entry.Model.Report;
                json.WriteStartObject();
                json.WriteString("model", entry.Model.Name);
                json.WriteStartObject("parameters");
                for (int i = 0; i < fit.ParameterNames.Count; i++)
                {
                    json.WriteNumber(fit.ParameterNames[i], fit.ParameterValues[i]);
                }

                json.WriteEndObject();
                json.WriteNumber("logLikelihood", fit.LogLikelihood);
                json.WriteNumber("aic", fit.Aic);
                json.WriteNumber("bic", fit.Bic);
                json.WriteString("status", FitCommand.StatusName(fit.Status));
                json.WriteStartObject("holdout");
                json.WriteNumber("mae", entry.MeanAbsoluteError);
                json.WriteNumber("rmse", entry.RootMeanSquaredError);
                json.WriteNumber("actual", entry.Actual);
                json.WriteNumber("expected", entry.Expected);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
