using CustomerRetention.Csv;
using CustomerRetention.Probabilistic;
using NodaTime;

namespace CustomerRetention.Cli.Commands;

/// <summary>
/// The per-customer model inputs of <c>fit</c> and <c>predict</c> (docs/cli.md): from a transactions file
/// (<c>--transactions FILE --calibration-end DATE [--time-unit day|week]</c>) through Core's purchase summary,
/// or from a summary CSV (<c>--summary FILE</c>: <c>frequency,recency,T</c> or <c>x,t_x,T</c>, optional
/// <c>monetary_value</c>/<c>zbar</c>, <c>weight</c>/<c>weights</c> and <c>customer_id</c>/<c>ID</c>; for
/// bg-bb <c>periods</c>/<c>n</c> instead of <c>T</c>).
/// </summary>
internal sealed class ModelDataInput
{
    public static readonly OptionSpec Summary =
        OptionSpec.Value("--summary", "FILE", "Summary CSV (frequency,recency,T[,monetary_value][,weight]; x,t_x,T,zbar accepted); - for standard input.");

    public static readonly OptionSpec CalibrationEnd =
        OptionSpec.Value("--calibration-end", "DATE", "End of the calibration period, inclusive (yyyy-MM-dd), with --transactions.");

    public static readonly OptionSpec Unit =
        OptionSpec.Value("--time-unit", "day|week", "Time unit of recency, T and horizons with --transactions (default day; week = days / 7).");

    private ModelDataInput(string[] ids, double[] x, double[] tx, double[] t, double[] monetary, double[] weights, bool hasMonetary)
    {
        Ids = ids;
        Frequency = x;
        Recency = tx;
        Age = t;
        Monetary = monetary;
        Weights = weights;
        HasMonetary = hasMonetary;
    }

    public static IReadOnlyList<OptionSpec> Options => [.. TransactionInput.Options, CalibrationEnd, Unit, Summary];

    public string[] Ids { get; }

    public double[] Frequency { get; }

    public double[] Recency { get; }

    public double[] Age { get; }

    public double[] Monetary { get; }

    public double[] Weights { get; }

    public bool HasMonetary { get; }

    public int Count => Frequency.Length;

    public PurchaseHistories Histories() => new(Frequency, Recency, Age, Weights);

    /// <summary>Reads the input named by the arguments; <paramref name="discrete"/> selects bg-bb's column names.</summary>
    public static ModelDataInput Read(CommandArguments args, CliContext context, bool discrete, bool needMonetary)
    {
        bool hasSummary = args.Has(Summary.Name);
        bool hasTransactions = TransactionInput.IsGiven(args);
        if (hasSummary == hasTransactions)
        {
            throw new CliException("give either --transactions FILE --calibration-end DATE or --summary FILE");
        }

        return hasSummary ? ReadSummary(args.Required(Summary.Name), context, discrete, needMonetary) : ReadTransactions(args, context, discrete);
    }

    private static ModelDataInput ReadTransactions(CommandArguments args, CliContext context, bool discrete)
    {
        if (discrete)
        {
            throw new CliException("bg-bb needs --summary FILE with counts of transaction opportunities (frequency,recency,periods)");
        }

        LocalDate calibrationEnd = args.RequiredDate(CalibrationEnd.Name);
        TimeUnit unit = args.GetChoice(Unit.Name, "day", "day", "week") == "week" ? TimeUnit.Week : TimeUnit.Day;
        PurchaseSummaries summaries = TransactionInput.Summarize(args, context, calibrationEnd).Summaries;
        ModelInputs inputs = summaries.ToModelInputs(calibrationEnd, unit);
        int n = inputs.Count;
        string[] ids = new string[n];
        double[] monetary = new double[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++)
        {
            ids[i] = inputs.Customers[i].Value;
            monetary[i] = (double)inputs.MonetaryValue[i];
            weights[i] = 1;
        }

        return new ModelDataInput(ids, inputs.Frequency.ToArray(), inputs.Recency.ToArray(), inputs.T.ToArray(), monetary, weights, true);
    }

    private static ModelDataInput ReadSummary(string path, CliContext context, bool discrete, bool needMonetary)
    {
        CsvColumn[] columns =
        [
            CsvColumn.Required("frequency", "x"),
            CsvColumn.Required("recency", "t_x"),
            discrete ? CsvColumn.Required("periods", "n", "T") : CsvColumn.Required("T", "age"),
            needMonetary ? CsvColumn.Required("monetary_value", "zbar") : CsvColumn.Optional("monetary_value", "zbar"),
            CsvColumn.Optional("weight", "weights"),
            CsvColumn.Optional("customer_id", "id"),
        ];
        CsvRecordReader csv;
        if (path == "-")
        {
            csv = CsvRecordReader.Open(context.Console.OpenInput(), "-", columns);
        }
        else
        {
            if (!File.Exists(path))
            {
                throw new CliException($"{path}: no such file");
            }

            try
            {
                csv = CsvRecordReader.OpenFile(path, columns);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"{path}: cannot read the file ({e.Message})", e);
            }
        }

        using (csv)
        {
            var ids = new List<string>();
            var x = new List<double>();
            var tx = new List<double>();
            var t = new List<double>();
            var m = new List<double>();
            var w = new List<double>();
            bool hasMonetary = csv.HasColumn(3), hasWeight = csv.HasColumn(4), hasId = csv.HasColumn(5);
            while (csv.Read())
            {
                double xi = csv.GetDouble(0), txi = csv.GetDouble(1), ti = csv.GetDouble(2);
                if (xi < 0 || (discrete && xi != Math.Floor(xi)))
                {
                    throw csv.CreateError(0, discrete ? "must be a whole number ≥ 0" : "must be ≥ 0");
                }

                if (ti < 0 || (discrete && ti != Math.Floor(ti)))
                {
                    throw csv.CreateError(2, discrete ? "must be a whole number ≥ 0" : "must be ≥ 0");
                }

                if (txi < 0 || txi > ti || (discrete && (txi != Math.Floor(txi) || txi < xi)))
                {
                    throw csv.CreateError(1, discrete ? "must be a whole number between frequency and periods" : "must be between 0 and T");
                }

                double wi = hasWeight ? csv.GetDouble(4) : 1.0;
                if (wi < 0)
                {
                    throw csv.CreateError(4, "must not be negative");
                }

                x.Add(xi);
                tx.Add(txi);
                t.Add(ti);
                m.Add(hasMonetary ? csv.GetDouble(3) : 0);
                w.Add(wi);
                ids.Add(hasId ? csv.GetString(5) : (ids.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return new ModelDataInput(ids.ToArray(), x.ToArray(), tx.ToArray(), t.ToArray(), m.ToArray(), w.ToArray(), hasMonetary);
        }
    }
}
