using CustomerRetention.Cli.Report;
using NodaTime;

namespace CustomerRetention.Cli.Commands;

/// <summary>
/// <c>retention report</c> (docs/cli.md, docs/report.md): one self-contained HTML file (inline CSS and SVG, no
/// script, nothing fetched from the network) with the headline figures, RFM segments, the monthly cohort
/// retention heat map, P(alive) / expected purchases / CLV by segment from a BG/NBD + Gamma-Gamma fit on the
/// calibration period, and the fit's parameters with a calibration/holdout tracking plot; with any of
/// <c>--tickets</c>, <c>--survey</c>, <c>--contracts</c>, <c>--notes</c> also a customer health panel scored by
/// <see cref="CustomerHealthScoring"/>, the path of <c>retention health</c>.
/// </summary>
internal sealed class ReportCommand : ICliCommand
{
    public string Name => "report";

    public string Summary => "Write a self-contained HTML report of a customer base.";

    public string Usage =>
        "retention report (--transactions FILE | --sample cdnow) --out FILE.html [--calibration-end DATE]\n"
        + "                 [--tickets FILE] [--survey FILE] [--contracts FILE] [--notes FILE]\n"
        + "Without --calibration-end the last third of the file's date range is the holdout (none when the file spans under 84 days).\n"
        + "Any of --tickets, --survey, --contracts, --notes adds a customer health panel (the scores of retention health).";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        TransactionInput.Transactions,
        OptionSpec.Value("--sample", "NAME", "Use an embedded sample instead of a file (cdnow)."),
        .. TransactionInput.ColumnOptions,
        OptionSpec.Value("--out", "FILE", "The HTML file to write."),
        OptionSpec.Value("--calibration-end", "DATE", "End of the calibration period, inclusive (yyyy-MM-dd; default: leaves the last third as holdout)."),
        .. HealthSignalFiles.ReportOptions,
    ];

    public int Execute(CommandArguments args, CliContext context)
    {
        if (args.Positionals.Count > 0)
        {
            throw new CliException($"report takes no argument '{args.Positionals[0]}' (see --help)");
        }

        bool hasFile = args.Has("--transactions"), hasSample = args.Has("--sample");
        if (hasFile == hasSample)
        {
            throw new CliException("report needs either --transactions FILE or --sample cdnow");
        }

        string outPath = args.Required("--out");
        if (string.IsNullOrWhiteSpace(outPath))
        {
            throw new CliException("option '--out' needs a file name");
        }

        LocalDate? calibrationEnd = args.GetDate("--calibration-end");
        string source;
        TransactionTable table;
        if (hasSample)
        {
            string sample = args.Required("--sample");
            table = TransactionInput.ReadSample(sample, args, context);
            source = EmbeddedSamples.SourceName(sample);
        }
        else
        {
            source = args.Required("--transactions");
            table = TransactionInput.ReadFile(source, args, context);
        }

        // The side files are read and checked before anything is computed or written: bad input leaves no file.
        HealthSignalFiles healthFiles = HealthSignalFiles.ReadReportFiles(args, context);
        ReportModel model = ReportModel.Compute(table, source, calibrationEnd);
        HealthPanel? health = healthFiles.HasAny && table.Count > 0 ? Health(table, healthFiles, args, model, context) : null;
        foreach (CustomerRetention.Probabilistic.TransactionModel fitted in model.Model?.Fitted ?? [])
        {
            FitCommand.Warn(fitted.Name, fitted.Report, context.Note);
        }

        using (TextWriter output = OutputOptions.Open(args, context))
        {
            HtmlReportWriter.Write(model, output, health);
        }

        return ExitCodes.Success;
    }

    /// <summary>The health panel: <c>retention health</c>'s scores as of the file's last date with the default 90-day window.</summary>
    private static HealthPanel Health(TransactionTable table, HealthSignalFiles files, CommandArguments args, ReportModel model, CliContext context)
    {
        const int window = 90;
        var sources = new List<string>();
        foreach (OptionSpec option in HealthSignalFiles.ReportOptions)
        {
            if (args.Get(option.Name) is { } path)
            {
                sources.Add(option.Name + " " + Path.GetFileName(path));
            }
        }

        List<CustomerHealthRow> rows = CustomerHealthScoring.Score(table, files, model.LastDate, window, context);
        return HealthPanel.Compute(rows, model.LastDate, sources);
    }
}
