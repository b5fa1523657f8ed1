using System.Globalization;
using CustomerRetention.Data;
using NodaTime;

namespace CustomerRetention.Cli.Commands;

/// <summary>
/// <c>retention sql summary --dialect postgres|duckdb|spark (--table NAME | --query SQL) [--calibration-end DATE]</c>:
/// prints the push-down summary query the library runs (docs/cli.md, "Data sources"; docs/data-sources.md),
/// preceded by a comment line per parameter giving its placeholder and value. <c>sql daily</c> prints the
/// daily-rows query. The column options name the source's columns.
/// </summary>
internal sealed class SqlCommand : ICliCommand
{
    private static readonly OptionSpec Dialect =
        OptionSpec.Value("--dialect", "postgres|duckdb|spark", "The engine's SQL dialect.");

    public string Name => "sql";

    public string Summary => "Print the push-down SQL (summary or daily rows) the library runs in a database.";

    public string Usage => "retention sql summary|daily --dialect postgres|duckdb|spark (--table NAME | --query SQL) [--calibration-end DATE] [--customer-column NAME] [--date-column NAME] [--amount-column NAME] [--out FILE]";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        Dialect,
        TransactionInput.Table,
        TransactionInput.Query,
        OptionSpec.Value("--calibration-end", "DATE", "The cut-off of the summary, inclusive (yyyy-MM-dd); without it every purchase counts."),
        TransactionInput.CustomerColumn,
        TransactionInput.DateColumn,
        TransactionInput.AmountColumn,
        OutputOptions.Out,
    ];

    public int Execute(CommandArguments args, CliContext context)
    {
        if (args.Positionals.Count != 1 || args.Positionals[0] is not ("summary" or "daily"))
        {
            throw new CliException("sql takes one of: summary, daily (see --help)");
        }

        bool summary = args.Positionals[0] == "summary";
        SqlDialect dialect = args.Get(Dialect.Name) is null
            ? throw new CliException("missing required option '--dialect'")
            : args.GetChoice(Dialect.Name, "postgres", "postgres", "duckdb", "spark") switch
            {
                "postgres" => SqlDialect.PostgreSql,
                "duckdb" => SqlDialect.DuckDb,
                _ => SqlDialect.Spark,
            };
        LocalDate? through = args.GetDate("--calibration-end");
        if (!summary && through is not null)
        {
            throw new CliException("option '--calibration-end' goes with sql summary (the daily rows hold every day)");
        }

        string? table = args.Get(TransactionInput.Table.Name);
        string? query = args.Get(TransactionInput.Query.Name);
        if ((table is null) == (query is null))
        {
            throw new CliException("give either --table NAME or --query SQL");
        }

        SqlSource source;
        TransactionColumns columns;
        try
        {
            source = table is not null ? SqlSource.Table(table) : SqlSource.Query(query!);
            columns = new TransactionColumns
            {
                Customer = args.Get(TransactionInput.CustomerColumn.Name) ?? "customer_id",
                Date = args.Get(TransactionInput.DateColumn.Name) ?? "date",
                Amount = args.Get(TransactionInput.AmountColumn.Name) ?? "amount",
            };
        }
        catch (ArgumentException e)
        {
            throw new CliException(e.Message, e);
        }

        PushDownQuery sql = summary ? PushDownSql.Summary(dialect, source, through, columns) : PushDownSql.DailyRows(dialect, source, columns);
        using TextWriter output = OutputOptions.Open(args, context);
        for (int i = 0; i < sql.Parameters.Count; i++)
        {
            string placeholder = dialect == SqlDialect.Spark ? ":p" : "$";
            output.WriteLine(string.Format(CultureInfo.InvariantCulture, "-- parameter {0}{1} = '{2}'", placeholder, i + 1, sql.Parameters[i]));
        }

        output.WriteLine(sql.Text + ";");
        return ExitCodes.Success;
    }
}
