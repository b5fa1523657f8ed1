using System.Text.Json;
using CustomerRetention.Probabilistic;

namespace CustomerRetention.Cli.Commands;

/// <summary>
/// <c>retention predict MODEL</c> (docs/cli.md): fits the model (or reads <c>--parameters FILE.json</c> written by
/// <c>fit</c>) and prints per customer <c>customer_id,p_alive,expected_purchases</c> for the next
/// <c>--horizon</c> time units; with <c>--spend-model gamma-gamma</c> also <c>expected_average_value,clv</c>.
/// </summary>
internal sealed class PredictCommand : ICliCommand
{
    private static readonly string[] Models = ["bg-nbd", "mbg-nbd", "pareto-nbd", "bg-bb"];

    public string Name => "predict";

    public string Summary => "P(alive), expected purchases and CLV per customer from a fitted model.";

    public string Usage =>
        "retention predict MODEL (--transactions FILE --calibration-end DATE [--time-unit day|week] | --summary FILE) --horizon T\n"
        + "    [--parameters FILE.json] [--spend-model gamma-gamma] [--discount-rate D] [--format csv|json] [--out FILE]\n"
        + "MODEL: " + string.Join(", ", Models);

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        .. ModelDataInput.Options,
        OptionSpec.Value("--horizon", "T", "Length of the future period, in the time unit (opportunities for bg-bb)."),
        OptionSpec.Value("--parameters", "FILE.json", "Reuse the parameters of a 'retention fit' JSON instead of fitting."),
        OptionSpec.Value("--spend-model", "gamma-gamma", "Add expected_average_value and clv from a Gamma-Gamma spend model."),
        OptionSpec.Value("--discount-rate", "D", "Discount rate per time unit for clv (default 0)."),
        .. OutputOptions.Table,
    ];

    public int Execute(CommandArguments args, CliContext context)
    {
        string model = FitCommand.ModelArgument(args, "predict", Models);
        double horizon = args.GetDouble("--horizon", double.NaN);
        if (double.IsNaN(horizon))
        {
            throw new CliException("missing required option '--horizon'");
        }

        if (horizon < 0 || horizon > 1e6 || (model == "bg-bb" && horizon != Math.Floor(horizon)))
        {
            throw new CliException($"option '--horizon' must be {(model == "bg-bb" ? "a whole number of opportunities" : "a number")} between 0 and 1000000");
        }

        double discount = args.GetDouble("--discount-rate", 0);
        if (discount < 0 || discount > 10)
        {
            throw new CliException("option '--discount-rate' must be between 0 and 10");
        }

        string? spendModel = args.Get("--spend-model");
        if (spendModel is not null && spendModel != "gamma-gamma")
        {
            throw new CliException($"option '--spend-model': '{spendModel}' is not gamma-gamma");
        }

        if (spendModel is not null && model == "bg-bb")
        {
            throw new CliException("option '--spend-model' works with bg-nbd, mbg-nbd and pareto-nbd");
        }

        _ = OutputOptions.FormatOf(args);
        ModelDataInput data = ModelDataInput.Read(args, context, model == "bg-bb", spendModel is not null);
        double[] parameters = args.Get("--parameters") is { } path ? ReadParameters(path, model) : Fit(model, data, context);
        GammaGammaParameters? spend = null;
        if (spendModel is not null)
        {
            try
            {
                spend = GammaGamma.Fit(data.Frequency, data.Monetary, data.Weights).Parameters;
            }
            catch (ArgumentException e)
            {
                throw new CliException($"gamma-gamma: {e.Message.Split('\n')[0]}", e);
            }
        }

        IReadOnlyList<string> columns = spend is null
            ? ["customer_id", "p_alive", "expected_purchases"]
            : ["customer_id", "p_alive", "expected_purchases", "expected_average_value", "clv"];
        using TableWriter table = OutputOptions.OpenTable(args, context, columns);
        for (int i = 0; i < data.Count; i++)
        {
            double x = data.Frequency[i], tx = data.Recency[i], t = data.T[i];
            (double alive, double expected) = Predict(model, parameters, horizon, x, tx, t);
            table.Text(data.Ids[i]);
            table.Number(alive);
            table.Number(expected);
            if (spend is { } g)
            {
                double value = GammaGamma.ConditionalExpectedAverageValue(g, x > 0 && data.Monetary[i] > 0 ? x : 0, data.Monetary[i]);
                table.Number(value);
                table.Number(Clv(model, parameters, x, tx, t, value, horizon, discount));
            }

            table.EndRow();
        }

        return ExitCodes.Success;
    }

    private static double[] Fit(string model, ModelDataInput data, CliContext context)
    {
        using JsonDocument doc = JsonDocument.Parse(FitCommand.FitJson(model, data, FitOptions.Default, context.Note));
        return Names(model).Select(n => doc.RootElement.GetProperty("parameters").GetProperty(n).GetDouble()).ToArray();
    }

    private static string[] Names(string model) => model switch
    {
        "pareto-nbd" => ["r", "alpha", "s", "beta"],
        "bg-bb" => ["alpha", "beta", "gamma", "delta"],
        _ => ["r", "alpha", "a", "b"],
    };

    private static double[] ReadParameters(string path, string model)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException($"{path}: cannot read the parameters file ({e.Message})", e);
        }

        try
        {
            using JsonDocument doc = JsonDocument.Parse(text);
            if (doc.RootElement.TryGetProperty("model", out JsonElement m) && m.GetString() != model)
            {
                throw new CliException($"{path}: the parameters are of model '{m.GetString()}', not '{model}'");
            }

            JsonElement parameters = doc.RootElement.GetProperty("parameters");
            return Names(model).Select(n => parameters.TryGetProperty(n, out JsonElement v) && v.TryGetDouble(out double d) && double.IsFinite(d) && d > 0
                ? d
                : throw new CliException($"{path}: parameter '{n}' is missing or not a positive number")).ToArray();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new CliException($"{path}: not a 'retention fit' JSON document ({e.Message.Split('\n')[0]})", e);
        }
    }

    private static (double Alive, double Expected) Predict(string model, double[] p, double horizon, double x, double tx, double t)
    {
        switch (model)
        {
            case "bg-nbd":
                var bg = new BetaGeoParameters(p[0], p[1], p[2], p[3]);
                return (BetaGeo.ProbabilityAlive(bg, x, tx, t), BetaGeo.ConditionalExpectedPurchases(bg, horizon, x, tx, t));
            case "mbg-nbd":
                var mbg = new ModifiedBetaGeoParameters(p[0], p[1], p[2], p[3]);
                return (ModifiedBetaGeo.ProbabilityAlive(mbg, x, tx, t), ModifiedBetaGeo.ConditionalExpectedPurchases(mbg, horizon, x, tx, t));
            case "pareto-nbd":
                var pn = new ParetoNbdParameters(p[0], p[1], p[2], p[3]);
                return (ParetoNbd.ProbabilityAlive(pn, x, tx, t), ParetoNbd.ConditionalExpectedPurchases(pn, horizon, x, tx, t));
            default:
                var bb = new BetaGeoBetaBinomialParameters(p[0], p[1], p[2], p[3]);
                int xi = (int)x, txi = (int)tx, n = (int)t;
                return (BetaGeoBetaBinomial.ProbabilityAlive(bb, xi, txi, n), BetaGeoBetaBinomial.ConditionalExpectedPurchases(bb, (int)horizon, xi, txi, n));
        }
    }

    private static double Clv(string model, double[] p, double x, double tx, double t, double value, double horizon, double discount) => model switch
    {
        "bg-nbd" => CustomerLifetimeValue.Discounted(new BetaGeoParameters(p[0], p[1], p[2], p[3]), x, tx, t, value, horizon, discount),
        "mbg-nbd" => CustomerLifetimeValue.Discounted(new ModifiedBetaGeoParameters(p[0], p[1], p[2], p[3]), x, tx, t, value, horizon, discount),
        _ => CustomerLifetimeValue.Discounted(new ParetoNbdParameters(p[0], p[1], p[2], p[3]), x, tx, t, value, horizon, discount),
    };
}
