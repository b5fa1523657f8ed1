using System.Text;
using System.Text.Json;
using CustomerRetention.Probabilistic;

namespace CustomerRetention.Cli.Commands;

/// <summary>
/// <c>retention fit MODEL</c> (docs/cli.md): fits bg-nbd, mbg-nbd, pareto-nbd, gamma-gamma or bg-bb by maximum
/// likelihood and prints <c>{"model", "parameters", "logLikelihood", "customers", ...}</c> as JSON. <c>fit sbg</c>
/// (the contractual model of the Churn package, fitted from survivor counts) is handled by <see cref="SbgFit"/>.
/// </summary>
internal sealed class FitCommand : ICliCommand
{
    private static readonly string[] Models = ["bg-nbd", "mbg-nbd", "pareto-nbd", "gamma-gamma", "bg-bb"];

    public string Name => "fit";

    public string Summary => "Fit a customer-base model (bg-nbd, mbg-nbd, pareto-nbd, gamma-gamma, bg-bb, sbg) by maximum likelihood, or compare bg-nbd, mbg-nbd and pareto-nbd on a holdout (auto).";

    public string Usage =>
        "retention fit MODEL --transactions FILE --calibration-end DATE [--time-unit day|week] [--out FILE]\n"
        + "retention fit MODEL --summary FILE [--out FILE]\n"
        + "retention fit sbg --survivors N0,N1,N2,...\n"
        + "retention fit auto --transactions FILE --calibration-end DATE --holdout-end DATE [--time-unit day|week]\n"
        + "MODEL: " + string.Join(", ", Models) + ", sbg, auto";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        .. ModelDataInput.Options,
        OptionSpec.Value("--penalty", "LAMBDA", "L2 penalty on the parameters, as lifetimes' penalizer_coef (default 0)."),
        OutputOptions.Out,
        .. SbgFit.Options,
        .. AutoFit.Options,
    ];

    public int Execute(CommandArguments args, CliContext context)
    {
        string model = ModelArgument(args, "fit", [.. Models, "sbg", "auto"]);
        if (model == "sbg")
        {
            return SbgFit.Run(args, context);
        }

        double penalty = args.GetDouble("--penalty", 0);
        if (penalty < 0)
        {
            throw new CliException("option '--penalty' must not be negative");
        }

        var options = new FitOptions { Penalty = penalty };
        if (model == "auto")
        {
            return AutoFit.Run(args, context, options);
        }

        ModelDataInput data = ModelDataInput.Read(args, context, model == "bg-bb", model == "gamma-gamma");
        if (data.Count == 0)
        {
            throw new CliException("the input holds no customer to fit");
        }

        string json = FitJson(model, data, options, context.Note);
        using TextWriter output = OutputOptions.Open(args, context);
        output.Write(json);
        output.Write('\n');
        return ExitCodes.Success;
    }

    /// <summary>
    /// Fits <paramref name="model"/> and returns the JSON document (also used by <c>predict</c>); the fit's warnings
    /// (e.g. dropout not identified) are in the JSON and also go to <paramref name="warn"/> as "MODEL: warning: ..." lines.
    /// </summary>
    internal static string FitJson(string model, ModelDataInput data, FitOptions options, Action<string>? warn = null)
    {
        try
        {
            return model switch
            {
                "bg-nbd" => ToJson(model, Warn(model, BetaGeo.Fit(data.Histories().Compress(), options), warn)),
                "mbg-nbd" => ToJson(model, Warn(model, ModifiedBetaGeo.Fit(data.Histories().Compress(), options), warn)),
                "pareto-nbd" => ToJson(model, Warn(model, ParetoNbd.Fit(data.Histories().Compress(), options), warn)),
                "bg-bb" => ToJson(model, Warn(model, BetaGeoBetaBinomial.Fit(data.Histories(), options), warn)),
                "gamma-gamma" => ToJson(model, Warn(model, GammaGamma.Fit(data.Frequency, data.Monetary, data.Weights, options), warn)),
                _ => throw new CliException($"unknown model '{model}'"),
            };
        }
        catch (ArgumentException e)
        {
            throw new CliException($"{model}: {e.Message.Split('\n')[0]}", e);
        }
    }

    /// <summary>Tells <paramref name="warn"/> (the tool's standard error) each warning of the fit as "MODEL: warning: ...".</summary>
    internal static T Warn<T>(string model, T fit, Action<string>? warn)
        where T : FitResult
    {
        foreach (string warning in fit.Warnings)
        {
            warn?.Invoke($"{model}: warning: {warning}");
        }

        return fit;
    }

    internal static string ModelArgument(CommandArguments args, string command, IReadOnlyList<string> models)
    {
        if (args.Positionals.Count == 0)
        {
            throw new CliException($"{command} needs a MODEL: {string.Join(", ", models)}");
        }

        if (args.Positionals.Count > 1)
        {
            throw new CliException($"{command} takes one MODEL, not '{args.Positionals[1]}' too");
        }

        string model = args.Positionals[0];
        return models.Contains(model) ? model : throw new CliException($"unknown model '{model}' (one of {string.Join(", ", models)})");
    }

    /// <summary>
    /// The fit document of every model (docs/cli.md): model, parameters, logLikelihood, customers (excluded for
    /// gamma-gamma; periods for sbg), converged, status, iterations, rows, standardErrors, covariance {names, matrix},
    /// aic, bic and warnings. A value that does not exist (the standard error of a parameter the data cannot
    /// identify) is null.
    /// </summary>
    internal static string ToJson(string model, FitResult fit)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("model", model);
            json.WriteStartObject("parameters");
            for (int i = 0; i < fit.ParameterNames.Count; i++)
            {
                json.WriteNumber(fit.ParameterNames[i], fit.ParameterValues[i]);
            }

            json.WriteEndObject();
            json.WriteNumber("logLikelihood", fit.LogLikelihood);
            if (fit.Customers == Math.Floor(fit.Customers) && fit.Customers < 1e15)
            {
                json.WriteNumber("customers", (long)fit.Customers);
            }
            else
            {
                json.WriteNumber("customers", fit.Customers);
            }

            if (model == "gamma-gamma")
            {
                json.WriteNumber("excluded", fit.Excluded);
            }

            if (model == "sbg")
            {
                json.WriteNumber("periods", fit.Rows);
            }

            json.WriteBoolean("converged", fit.Converged);
            json.WriteString("status", StatusName(fit.Status));
            json.WriteNumber("iterations", fit.Iterations);
            json.WriteNumber("rows", fit.Rows);
            json.WriteStartObject("standardErrors");
            for (int i = 0; i < fit.ParameterNames.Count; i++)
            {
                json.WritePropertyName(fit.ParameterNames[i]);
                WriteNumberOrNull(json, fit.StandardErrors[i]);
            }

            json.WriteEndObject();
            json.WriteStartObject("covariance");
            json.WriteStartArray("names");
            foreach (string name in fit.ParameterNames)
            {
                json.WriteStringValue(name);
            }

            json.WriteEndArray();
            json.WriteStartArray("matrix");
            foreach (IReadOnlyList<double> row in fit.Covariance)
            {
                json.WriteStartArray();
                foreach (double v in row)
                {
                    WriteNumberOrNull(json, v);
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteNumber("aic", fit.Aic);
            json.WriteNumber("bic", fit.Bic);
            json.WriteStartArray("warnings");
            foreach (string warning in fit.Warnings)
            {
                json.WriteStringValue(warning);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The JSON name of a status: converged, not-converged, not-identified.</summary>
    internal static string StatusName(FitStatus status) => status switch
    {
        FitStatus.Converged => "converged",
        FitStatus.NotConverged => "not-converged",
        _ => "not-identified",
    };

    private static void WriteNumberOrNull(Utf8JsonWriter json, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumberValue(value);
        }
        else
        {
            json.WriteNullValue();
        }
    }
}
