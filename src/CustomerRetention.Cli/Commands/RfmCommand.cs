using System.Globalization;
using System.Text;
using System.Text.Json;
using CustomerRetention.Csv;
using CustomerRetention.Rfm;
using NodaTime;
using NodaTime.Text;

namespace CustomerRetention.Cli.Commands;

/// <summary>
/// <c>retention rfm</c>: one row per customer with a purchase on or before the as-of date,
/// <c>customer_id,recency_days,frequency,monetary,r,f,m,segment</c> (docs/cli.md); recency in days,
/// frequency counts transaction rows, monetary is their total (or mean); scores by quantile (type 7,
/// on the goodness values, ties never split), ntile or given thresholds.
/// </summary>
internal sealed class RfmCommand : ICliCommand
{
    private static readonly string[] Columns = ["customer_id", "recency_days", "frequency", "monetary", "r", "f", "m", "segment"];

    public string Name => "rfm";

    public string Summary => "RFM values, scores 1..bins and segments per customer at an as-of date.";

    public string Usage =>
        "retention rfm --transactions FILE [--as-of DATE] [--bins 5] [--binning quantile|ntile|thresholds] [--monetary total|mean]\n"
        + "              [--segments FILE] [--warnings [--previous-as-of DATE]] [--show-cuts] [--format csv|json] [--out FILE]";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        .. TransactionInput.Options,
        OptionSpec.Value("--as-of", "DATE", "As-of date, inclusive (default: the latest date in the file)."),
        OptionSpec.Value("--bins", "K", "Number of scores per dimension, 2..10 (default 5)."),
        OptionSpec.Value("--binning", "quantile|ntile|thresholds", "How values become scores (default quantile: type-7 quantiles, ties never split)."),
        OptionSpec.Value("--monetary", "total|mean", "Monetary value: total (default) or mean amount of the transactions."),
        OptionSpec.Value("--recency-cuts", "D1,D2,..", "With --binning thresholds: recency cut points in days, ascending."),
        OptionSpec.Value("--frequency-cuts", "F1,F2,..", "With --binning thresholds: frequency cut points, ascending."),
        OptionSpec.Value("--monetary-cuts", "M1,M2,..", "With --binning thresholds: monetary cut points, ascending."),
        OptionSpec.Value("--segments", "FILE", "Segment map CSV: segment,r_min,r_max,f_min,f_max[,m_min,m_max][,description,action]; a row without ranges is the fallback."),
        OptionSpec.Flag("--warnings", "Add warning_level and warning_reasons columns (churn early warning)."),
        OptionSpec.Value("--previous-as-of", "DATE", "With --warnings: an earlier as-of date whose scores the score-drop rules compare with."),
        OptionSpec.Flag("--show-cuts", "Print the cut points used to standard error."),
        .. OutputOptions.Table,
    ];

    public int Execute(CommandArguments args, CliContext context)
    {
        if (args.Positionals.Count > 0)
        {
            throw new CliException($"rfm takes no argument '{args.Positionals[0]}' (see --help)");
        }

        LocalDate? asOfOption = args.GetDate("--as-of");
        LocalDate? previousAsOf = args.GetDate("--previous-as-of");
        int bins = args.GetInt("--bins", 5);
        if (bins < RfmBinning.MinBins || bins > RfmBinning.MaxBins)
        {
            throw new CliException($"option '--bins': {bins} is not between {RfmBinning.MinBins} and {RfmBinning.MaxBins}");
        }

        RfmBinning binning = BinningFrom(args, bins);
        MonetaryMeasure measure = args.GetChoice("--monetary", "total", "total", "mean") == "mean" ? MonetaryMeasure.Mean : MonetaryMeasure.Total;
        string format = OutputOptions.FormatOf(args);
        bool warnings = args.Has("--warnings");
        if (previousAsOf is not null && !warnings)
        {
            throw new CliException("option '--previous-as-of' goes with --warnings");
        }

        SegmentMap? map = args.Get("--segments") is { } segmentsPath ? ReadSegmentMap(segmentsPath, binning.Bins) : binning.Bins == 5 ? SegmentMap.Default : null;

        Snapshot now;
        Snapshot? before = null;
        if (previousAsOf is { } p)
        {
            // Two snapshots of the same file: its rows are kept, and summarised twice.
            TransactionTable table = TransactionInput.Read(args, context);
            int asOfDay = asOfOption is { } a ? DayNumbers.FromDate(a) : LatestDay(table);
            int previousDay = DayNumbers.FromDate(p);
            if (previousDay >= asOfDay)
            {
                throw new CliException("option '--previous-as-of' must be before the as-of date");
            }

            now = Snapshot.Take(PurchaseAggregator.Summarize(table, DayNumbers.ToDate(asOfDay)), asOfDay, measure, binning);
            before = Snapshot.Take(PurchaseAggregator.Summarize(table, p), previousDay, measure, binning);
        }
        else
        {
            // One snapshot: the file is read and summarised in one pass, its rows never held.
            TransactionSummaries read = TransactionInput.Summarize(args, context, asOfOption);
            int asOfDay = asOfOption is { } a ? DayNumbers.FromDate(a) : read.LatestDate is { } latest ? DayNumbers.FromDate(latest) : int.MinValue;
            now = Snapshot.Take(read.Summaries, asOfDay, measure, binning);
        }

        if (args.Has("--show-cuts"))
        {
            ShowCuts(context.Console.Error, now.Scoring);
        }

        EarlyWarningRules? rules = warnings ? EarlyWarningRules.Default : null;
        if (format == "json")
        {
            WriteJson(args, context, now, before, map, rules, measure);
        }
        else
        {
            WriteCsv(args, context, now, before, map, rules);
        }

        return ExitCodes.Success;
    }

    private static RfmBinning BinningFrom(CommandArguments args, int bins)
    {
        string method = args.GetChoice("--binning", "quantile", "quantile", "ntile", "thresholds");
        bool anyCuts = args.Has("--recency-cuts") || args.Has("--frequency-cuts") || args.Has("--monetary-cuts");
        switch (method)
        {
            case "ntile":
                return anyCuts ? throw new CliException("cut points go with --binning thresholds") : RfmBinning.Ntile(bins);
            case "thresholds":
                double[] r = Cuts(args, "--recency-cuts");
                double[] f = Cuts(args, "--frequency-cuts");
                double[] m = Cuts(args, "--monetary-cuts");
                if (args.Get("--bins") is not null && r.Length + 1 != bins)
                {
                    throw new CliException($"option '--bins': {bins} scores need {bins - 1} cut points per dimension, not {r.Length}");
                }

                try
                {
                    return RfmBinning.Thresholds(r, f, m);
                }
                catch (ArgumentException e)
                {
                    throw new CliException($"--binning thresholds: {FirstSentence(e.Message)} ({e.ParamName})", e);
                }

            default:
                return anyCuts ? throw new CliException("cut points go with --binning thresholds") : RfmBinning.Quantile(bins);
        }
    }

    private static double[] Cuts(CommandArguments args, string name)
    {
        string text = args.Get(name) ?? throw new CliException($"--binning thresholds needs '{name}'");
        string[] parts = text.Split(',');
        var cuts = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out cuts[i]) || !double.IsFinite(cuts[i]))
            {
                throw new CliException($"option '{name}': '{parts[i]}' is not a finite number");
            }
        }

        return cuts;
    }

    private static int LatestDay(TransactionTable table)
    {
        ReadOnlySpan<int> days = table.DayNumbers;
        int latest = int.MinValue;
        foreach (int d in days)
        {
            latest = d > latest ? d : latest;
        }

        return latest;
    }

    private static void ShowCuts(TextWriter error, RfmScoring scoring)
    {
        error.WriteLine(string.Format(CultureInfo.InvariantCulture, "rfm: {0} binning, {1} scores, {2} customers", Method(scoring.Binning.Method), scoring.Binning.Bins, scoring.Customers));
        foreach ((string name, DimensionBins bins) in new[] { ("recency_days", scoring.Recency), ("frequency", scoring.Frequency), ("monetary", scoring.Monetary) })
        {
            error.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "rfm: {0} cut points: {1}; scores in use: {2}",
                name,
                bins.CutPoints.Count == 0 ? "(none)" : string.Join(", ", bins.CutPoints.Select(TableWriter.Format)),
                bins.ScoresInUse.Count == 0 ? "(none)" : string.Join(", ", bins.ScoresInUse)));
        }
    }

    private static void WriteCsv(CommandArguments args, CliContext context, Snapshot now, Snapshot? before, SegmentMap? map, EarlyWarningRules? rules)
    {
        string[] columns = rules is null ? Columns : [.. Columns, "warning_level", "warning_reasons"];
        using TableWriter writer = OutputOptions.OpenTable(args, context, columns);
        IReadOnlyList<CustomerId> customers = now.Summaries.Customers;
        for (int j = 0; j < now.Count; j++)
        {
            RfmScore score = now.Scores[j];
            PurchaseSummary summary = now.Summaries[j];
            writer.Text(customers[j].Value);
            writer.Integer(now.RecencyDays(summary));
            writer.Integer(summary.Transactions);
            writer.Number(now.Monetary(summary));
            writer.Integer(score.R);
            writer.Integer(score.F);
            writer.Integer(score.M);
            writer.Text(map is null ? null : map.Classify(score).Name);
            if (rules is not null)
            {
                EarlyWarning warning = rules.Evaluate(now.Signals(j, before));
                writer.Text(Level(warning.Level));
                writer.Text(string.Join("; ", warning.Reasons));
            }

            writer.EndRow();
        }
    }

    private static void WriteJson(CommandArguments args, CliContext context, Snapshot now, Snapshot? before, SegmentMap? map, EarlyWarningRules? rules, MonetaryMeasure measure)
    {
        using TextWriter output = OutputOptions.Open(args, context);
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("asOf", LocalDatePattern.Iso.Format(DayNumbers.ToDate(now.ThroughDay)));
            json.WriteString("binning", Method(now.Scoring.Binning.Method));
            json.WriteNumber("bins", now.Scoring.Binning.Bins);
            json.WriteString("monetary", measure == MonetaryMeasure.Mean ? "mean" : "total");
            json.WriteNumber("customers", now.Count);
            json.WriteStartObject("cuts");
            WriteNumbers(json, "recency_days", now.Scoring.Recency.CutPoints);
            WriteNumbers(json, "frequency", now.Scoring.Frequency.CutPoints);
            WriteNumbers(json, "monetary", now.Scoring.Monetary.CutPoints);
            json.WriteEndObject();
            json.WriteStartObject("scoresInUse");
            WriteInts(json, "r", now.Scoring.Recency.ScoresInUse);
            WriteInts(json, "f", now.Scoring.Frequency.ScoresInUse);
            WriteInts(json, "m", now.Scoring.Monetary.ScoresInUse);
            json.WriteEndObject();
            json.WriteStartArray("rows");
            IReadOnlyList<CustomerId> customers = now.Summaries.Customers;
            for (int j = 0; j < now.Count; j++)
            {
                RfmScore score = now.Scores[j];
                PurchaseSummary summary = now.Summaries[j];
                json.WriteStartObject();
                json.WriteString("customer_id", customers[j].Value);
                json.WriteNumber("recency_days", now.RecencyDays(summary));
                json.WriteNumber("frequency", summary.Transactions);
                json.WriteNumber("monetary", now.Monetary(summary));
                json.WriteNumber("r", score.R);
                json.WriteNumber("f", score.F);
                json.WriteNumber("m", score.M);
                if (map is null)
                {
                    json.WriteNull("segment");
                }
                else
                {
                    json.WriteString("segment", map.Classify(score).Name);
                }

                if (rules is not null)
                {
                    EarlyWarning warning = rules.Evaluate(now.Signals(j, before));
                    json.WriteString("warning_level", Level(warning.Level));
                    json.WriteStartArray("warning_reasons");
                    foreach (string reason in warning.Reasons)
                    {
                        json.WriteStringValue(reason);
                    }

                    json.WriteEndArray();
                }

                json.WriteEndObject();
                if (buffer.Length > 1 << 16)
                {
                    json.Flush();
                    Drain(buffer, output);
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        Drain(buffer, output);
        output.Write('\n');
    }

    private static void Drain(MemoryStream buffer, TextWriter output)
    {
        output.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        buffer.SetLength(0);
    }

    private static void WriteNumbers(Utf8JsonWriter json, string name, IReadOnlyList<double> values)
    {
        json.WriteStartArray(name);
        foreach (double v in values)
        {
            json.WriteNumberValue(v);
        }

        json.WriteEndArray();
    }

    private static void WriteInts(Utf8JsonWriter json, string name, IReadOnlyList<int> values)
    {
        json.WriteStartArray(name);
        foreach (int v in values)
        {
            json.WriteNumberValue(v);
        }

        json.WriteEndArray();
    }

    private static string Method(BinningMethod method) => method switch
    {
        BinningMethod.Ntile => "ntile",
        BinningMethod.Thresholds => "thresholds",
        _ => "quantile",
    };

    private static string Level(WarningLevel level) => level switch
    {
        WarningLevel.Watch => "watch",
        WarningLevel.Warning => "warning",
        WarningLevel.Critical => "critical",
        _ => "none",
    };

    private static string FirstSentence(string message)
    {
        int newline = message.IndexOf('\n', StringComparison.Ordinal);
        string line = newline < 0 ? message : message.Substring(0, newline);
        int paren = line.IndexOf(" (Parameter", StringComparison.Ordinal);
        return (paren < 0 ? line : line.Substring(0, paren)).TrimEnd();
    }

    /// <summary>
    /// Reads a segment map: <c>segment,r_min,r_max,f_min,f_max</c>, optional <c>m_min,m_max</c>,
    /// <c>description</c>, <c>action</c>; rules in file order (first match wins); a row whose range
    /// fields are all empty names the fallback segment.
    /// </summary>
    internal static SegmentMap ReadSegmentMap(string path, int bins)
    {
        CsvColumn[] columns =
        [
            CsvColumn.Required("segment"),
            CsvColumn.Required("r_min"),
            CsvColumn.Required("r_max"),
            CsvColumn.Required("f_min"),
            CsvColumn.Required("f_max"),
            CsvColumn.Optional("m_min"),
            CsvColumn.Optional("m_max"),
            CsvColumn.Optional("description"),
            CsvColumn.Optional("action"),
        ];
        CsvRecordReader csv;
        try
        {
            csv = CsvRecordReader.OpenFile(path, columns);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliException($"{path}: no such file", e);
        }

        var rules = new List<SegmentRule>();
        Segment? fallback = null;
        using (csv)
        {
            while (csv.Read())
            {
                string name = csv.GetString(0).Trim();
                if (name.Length == 0)
                {
                    throw csv.CreateError(0, "a segment needs a name");
                }

                var segment = new Segment(
                    name,
                    csv.HasColumn(7) ? csv.GetString(7) : string.Empty,
                    csv.HasColumn(8) ? csv.GetString(8) : string.Empty);
                bool noRanges = true;
                for (int k = 1; k <= 6; k++)
                {
                    noRanges &= !csv.HasColumn(k) || csv.GetSpan(k).Trim().Length == 0;
                }

                if (noRanges)
                {
                    if (fallback is not null)
                    {
                        throw csv.CreateError(0, $"a second fallback segment '{name}' (the first is '{fallback.Name}')");
                    }

                    fallback = segment;
                    continue;
                }

                ScoreRange r = Range(csv, 1, 2, bins);
                ScoreRange f = Range(csv, 3, 4, bins);
                ScoreRange? m = csv.HasColumn(5) && csv.GetSpan(5).Trim().Length > 0 ? Range(csv, 5, 6, bins) : null;
                rules.Add(new SegmentRule(segment, r, f, m));
            }
        }

        if (rules.Count == 0)
        {
            throw new CliException($"{path}: the segment map has no rule");
        }

        try
        {
            return new SegmentMap(bins, rules, fallback);
        }
        catch (ArgumentException e)
        {
            throw new CliException($"{path}: {FirstSentence(e.Message)}", e);
        }
    }

    private static ScoreRange Range(CsvRecordReader csv, int minColumn, int maxColumn, int bins)
    {
        if (!csv.HasColumn(maxColumn))
        {
            throw csv.CreateError(minColumn, "needs its matching _max column");
        }

        int min = csv.GetInt32(minColumn);
        int max = csv.GetInt32(maxColumn);
        if (min < 1 || min > bins)
        {
            throw csv.CreateError(minColumn, FormattableString.Invariant($"{min} is not a score in 1..{bins}"));
        }

        if (max < min || max > bins)
        {
            throw csv.CreateError(maxColumn, FormattableString.Invariant($"{max} is not a score in {min}..{bins}"));
        }

        return new ScoreRange(min, max);
    }

    /// <summary>
    /// The RFM scores of every customer with a purchase through one day; their values are read from their
    /// summaries when written (nothing is kept per customer but the score).
    /// </summary>
    private sealed class Snapshot
    {
        private readonly MonetaryMeasure _measure;
        private Dictionary<CustomerId, int>? _rowOf;

        private Snapshot(PurchaseSummaries summaries, int throughDay, MonetaryMeasure measure)
        {
            Summaries = summaries;
            ThroughDay = throughDay;
            _measure = measure;
            Scores = new RfmScore[summaries.Count];
        }

        public int Count => Summaries.Count;

        /// <summary>Row j's customer and summary (every customer with a purchase through <see cref="ThroughDay"/>).</summary>
        public PurchaseSummaries Summaries { get; }

        public int ThroughDay { get; }

        public RfmScore[] Scores { get; }

        public RfmScoring Scoring { get; private set; } = null!;

        /// <summary>The snapshot of <paramref name="summaries"/> (cut off at <paramref name="throughDay"/>).</summary>
        public static Snapshot Take(PurchaseSummaries summaries, int throughDay, MonetaryMeasure measure, RfmBinning binning)
        {
            var snapshot = new Snapshot(summaries, throughDay, measure);
            int count = summaries.Count;
            var r = new double[count];
            var f = new double[count];
            var m = new double[count];
            ReadOnlySpan<PurchaseSummary> rows = summaries.Span;
            for (int j = 0; j < rows.Length; j++)
            {
                r[j] = snapshot.RecencyDays(rows[j]);
                f[j] = rows[j].Transactions;
                m[j] = (double)snapshot.Monetary(rows[j]);
            }

            if (binning.Method == BinningMethod.Ntile)
            {
                // Ntile breaks ties by customer id (ordinal), so that the result does not depend on the file's order.
                int[] order = new int[count];
                string[] ids = new string[count];
                for (int i = 0; i < count; i++)
                {
                    order[i] = i;
                    ids[i] = summaries.Customers[i].Value;
                }

                Array.Sort(ids, order, StringComparer.Ordinal);
                double[] rs = new double[count], fs = new double[count], ms = new double[count];
                for (int i = 0; i < count; i++)
                {
                    rs[i] = r[order[i]];
                    fs[i] = f[order[i]];
                    ms[i] = m[order[i]];
                }

                var sorted = new RfmScore[count];
                snapshot.Scoring = RfmAnalysis.Score(binning, rs, fs, ms, sorted);
                for (int i = 0; i < count; i++)
                {
                    snapshot.Scores[order[i]] = sorted[i];
                }
            }
            else
            {
                snapshot.Scoring = RfmAnalysis.Score(binning, r, f, m, snapshot.Scores);
            }

            return snapshot;
        }

        public int RecencyDays(in PurchaseSummary summary) => ThroughDay - summary.LastDayNumber;

        public decimal Monetary(in PurchaseSummary summary) =>
            _measure == MonetaryMeasure.Mean ? summary.TotalAmount / summary.Transactions : summary.TotalAmount;

        public CustomerSignals Signals(int j, Snapshot? before)
        {
            PurchaseSummary s = Summaries[j];
            RfmScore previous = default;
            if (before is not null && before.TryGetRow(Summaries.Customers[j], out int row))
            {
                previous = before.Scores[row];
            }

            var cadence = s.PurchaseDays > 1
                ? new PurchaseCadence(s.PurchaseDays, (double)(s.LastDayNumber - s.FirstDayNumber) / (s.PurchaseDays - 1))
                : new PurchaseCadence(s.PurchaseDays, 0);
            var values = new RfmValues(RecencyDays(s), (int)Math.Min(s.Transactions, int.MaxValue), Monetary(s));
            return new CustomerSignals(values, Scores[j], previous, cadence);
        }

        private bool TryGetRow(CustomerId customer, out int row)
        {
            if (_rowOf is null)
            {
                var rowOf = new Dictionary<CustomerId, int>(Count);
                for (int j = 0; j < Count; j++)
                {
                    rowOf[Summaries.Customers[j]] = j;
                }

                _rowOf = rowOf;
            }

            return _rowOf.TryGetValue(customer, out row);
        }
    }
}
