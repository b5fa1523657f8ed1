using CustomerRetention.Health;
using NodaTime;

namespace CustomerRetention.Cli.Commands;

/// <summary>
/// <c>retention health</c>: one row per customer with a purchase on or before the as-of date,
/// <c>customer_id,health,band,reasons</c> (docs/cli.md, "Health"; docs/health.md): the health 0–100 from every signal the
/// files give, the band (with hysteresis against <c>--previous</c>), and the top reasons joined by <c>; </c>. Every
/// input file is read and checked before anything is written, so bad input leaves no partial output.
/// </summary>
internal sealed class HealthCommand : ICliCommand
{
    private static readonly string[] Columns = ["customer_id", "health", "band", "reasons"];

    public string Name => "health";

    public string Summary => "Customer health 0-100, band and top reasons from transactions, tickets, survey, contracts and notes.";

    public string Usage =>
        "retention health --transactions FILE [--tickets FILE] [--survey FILE] [--contracts FILE] [--notes FILE] [--as-of DATE]\n"
        + "                 [--p-alive FILE] [--previous FILE] [--lexicon FILE] [--window-days 90] [--top 3] [--format csv|json] [--out FILE]";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        .. TransactionInput.Options,
        .. HealthSignalFiles.ReportOptions,
        OptionSpec.Value("--p-alive", "FILE", "P(alive) per customer: customer_id,p_alive[,previous_p_alive] (e.g. the output of predict)."),
        OptionSpec.Value("--previous", "FILE", "A previous health output (customer_id,band): bands move with hysteresis."),
        OptionSpec.Value("--lexicon", "FILE", "Risk-word lexicon (language TAB weight TAB phrase) instead of the shipped en/ko/zh examples."),
        OptionSpec.Value("--as-of", "DATE", "As-of date, inclusive (default: the latest date in the transactions file)."),
        OptionSpec.Value("--window-days", "N", "Length of the spend-trend windows and of the notes window, in days (default 90)."),
        OptionSpec.Value("--top", "N", "How many reasons to print (default 3)."),
        .. OutputOptions.Table,
    ];

    public int Execute(CommandArguments args, CliContext context)
    {
        if (args.Positionals.Count > 0)
        {
            throw new CliException($"health takes no argument '{args.Positionals[0]}' (see --help)");
        }

        LocalDate? asOfOption = args.GetDate("--as-of");
        int window = args.GetInt("--window-days", 90);
        if (window < 1)
        {
            throw new CliException($"option '--window-days': {window} is not a positive number of days");
        }

        int top = args.GetInt("--top", 3);
        if (top < 0)
        {
            throw new CliException($"option '--top': {top} is not zero or more");
        }

        _ = OutputOptions.FormatOf(args);

        // Read and check everything first: bad input must leave no partial output.
        TransactionTable table = TransactionInput.Read(args, context);
        HealthSignalFiles files = HealthSignalFiles.ReadAll(args, context);
        if (table.Count == 0)
        {
            using TableWriter empty = OutputOptions.OpenTable(args, context, Columns);
            return ExitCodes.Success;
        }

        LocalDate asOf = asOfOption ?? CustomerHealthScoring.LatestDate(table);
        List<CustomerHealthRow> rows = CustomerHealthScoring.Score(table, files, asOf, window, context);

        using TableWriter writer = OutputOptions.OpenTable(args, context, Columns);
        foreach ((string customer, HealthScore score, HealthBand band) in rows)
        {
            writer.Text(customer);
            writer.Number(score.Value);
            writer.Text(HealthBands.NameOf(band));
            writer.Text(string.Join("; ", score.TopReasons(top)));
            writer.EndRow();
        }

        return ExitCodes.Success;
    }
}
