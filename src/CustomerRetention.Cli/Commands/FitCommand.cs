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

    public string Summary => "Fit a customer-base model (bg-nbd, mbg-nbd, pareto-nbd, gamma-gamma, bg-bb, sbg) by maximum likelihood.";

    public string Usage =>
        "retention fit MODEL --transactions FILE --calibration-end DATE [--time-unit day|week] [--out FILE]\n"
        + "retention fit MODEL --summary FILE [--out FILE]\n"
        + "retention fit sbg --survivors N0,N1,N2,...\n"
        + "MODEL: " + string.Join(", ", Models) + ", sbg";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        .. ModelDataInput.Options,
        OptionSpec.Value("--penalty", "LAMBDA", "L2 penalty on the parameters, as lifetimes' penalizer_coef (default 0)."),
        OutputOptions.Out,
        .. SbgFit.Options,
    ];

    public int Execute(CommandArguments args, CliContext context)
    {
        string model = ModelArgument(args, "fit", [.. Models, "sbg"]);
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
    /// (e.g. dropout not identified) go to <paramref name="warn"/> as "MODEL: warning: ..." lines, not into the JSON.
    /// </summary>
    internal static string FitJson(string model, ModelDataInput data, FitOptions options, Action<string>? warn = null)
    {
        try
        {
            return model switch
            {
                "bg-nbd" => ToJson(model, Warn(model, BetaGeo.Fit(data.Histories().Compress(), options), warn)),
                "mbg-nbd" => ToJson(model, Warn(model, ModifiedBetaGeo.Fit(data.Histories().Compress(), options), warn)),
                "pareto-nbd" => ToJson(model, ParetoNbd.Fit(data.Histories().Compress(), options)),
                "bg-bb" => ToJson(model, BetaGeoBetaBinomial.Fit(data.Histories(), options)),
                "gamma-gamma" => ToJson(model, GammaGamma.Fit(data.Frequency, data.Monetary, data.Weights, options)),
                _ => throw new CliException($"unknown model '{model}'"),
            };
        }
        catch (ArgumentException e)
        {
            throw new CliException($"{model}: {e.Message.Split('\n')[0]}", e);
        }
    }

    private static FitResult<T> Warn<T>(string model, FitResult<T> fit, Action<string>? warn)
        where T : struct
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

    internal static string ToJson<T>(string model, FitResult<T> fit)
        where T : struct
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

            json.WriteBoolean("converged", fit.Converged);
            json.WriteNumber("iterations", fit.Iterations);
            json.WriteNumber("rows", fit.Rows);
            json.WriteStartObject("standardErrors");
            for (int i = 0; i < fit.ParameterNames.Count; i++)
            {
                double se = fit.StandardErrors[i];
                if (double.IsFinite(se))
                {
                    json.WriteNumber(fit.ParameterNames[i], se);
                }
                else
                {
                    json.WriteNull(fit.ParameterNames[i]);
                }
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
