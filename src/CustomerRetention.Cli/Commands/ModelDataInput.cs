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

    private readonly Func<string[]>? _makeIds;
    private string[]? _ids;

    private ModelDataInput(string[] ids, double[] x, double[] tx, double[] t, double[] monetary, double[] weights, bool hasMonetary)
        : this(x, tx, t, monetary, weights, hasMonetary, null)
    {
        _ids = ids;
    }

    /// <summary>Inputs whose ids are made when first asked for (<c>fit</c> never asks: a million strings saved).</summary>
    private ModelDataInput(double[] x, double[] tx, double[] t, double[] monetary, double[] weights, bool hasMonetary, Func<string[]>? makeIds)
    {
        _makeIds = makeIds;
        Frequency = x;
        Recency = tx;
        T = t;
        Monetary = monetary;
        Weights = weights;
        HasMonetary = hasMonetary;
    }

    public static IReadOnlyList<OptionSpec> Options => [.. TransactionInput.Options, CalibrationEnd, Unit, Summary];

    public string[] Ids => _ids ??= _makeIds!();

    public double[] Frequency { get; }

    public double[] Recency { get; }

    public double[] T { get; }

    public double[] Monetary { get; }

    public double[] Weights { get; }

    public bool HasMonetary { get; }

    public int Count => Frequency.Length;

    public PurchaseHistories Histories() => new(Frequency, Recency, T, Weights);

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
            // Room for the rows the file's length suggests (about 45 bytes a row), so that the columns are not regrown.
            int capacity = path == "-" ? 1024 : (int)Math.Min(new FileInfo(path).Length / 40, int.MaxValue / 2);
            var x = new List<double>(capacity);
            var tx = new List<double>(capacity);
            var t = new List<double>(capacity);
            var m = new List<double>(capacity);
            var w = new List<double>(capacity);
            var idChars = new System.Text.StringBuilder();
            var idEnds = new List<int>();
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
                if (hasId)
                {
                    idChars.Append(csv.GetSpan(5));
                    idEnds.Add(idChars.Length);
                }
            }

            int n = x.Count;
            return new ModelDataInput(x.ToArray(), tx.ToArray(), t.ToArray(), m.ToArray(), w.ToArray(), hasMonetary, () => MakeIds(n, hasId ? idChars.ToString() : null, idEnds));
        }
    }

    /// <summary>The customer ids: the id column's values (kept as one text until now), or 1, 2, … when there is none.</summary>
    private static string[] MakeIds(int count, string? chars, List<int> ends)
    {
        var ids = new string[count];
        for (int i = 0; i < count; i++)
        {
            int start = i == 0 ? 0 : ends[i - 1];
            ids[i] = chars is null ? (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : chars.Substring(start, ends[i] - start);
        }

        return ids;
    }
}
