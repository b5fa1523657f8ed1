using CustomerRetention.Churn;

namespace CustomerRetention.Cli.Commands;

/// <summary>
/// <c>retention cohorts</c>: acquisition cohorts by the period of each customer's first purchase
/// (docs/cli.md). CSV <c>cohort,customers,period,active,retention</c>, then <c>revenue</c>.
/// </summary>
internal sealed class CohortsCommand : ICliCommand
{
    public string Name => "cohorts";

    public string Summary => "Acquisition cohort retention table (customers active per period since the first purchase).";

    public string Usage => "retention cohorts --transactions FILE [--period month|week|quarter] [--format csv|json] [--out FILE]";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        .. TransactionInput.Options,
        PeriodOptions.Period,
        .. OutputOptions.Table,
    ];

    public int Execute(CommandArguments args, CliContext context)
    {
        if (args.Positionals.Count > 0)
        {
            throw new CliException($"cohorts takes no argument '{args.Positionals[0]}' (see --help)");
        }

        CalendarPeriod period = PeriodOptions.Read(args);
        _ = OutputOptions.FormatOf(args);
        TransactionTable transactions = TransactionInput.Read(args, context);
        CohortTable table = Cohorts.Build(transactions, period);

        using TableWriter writer = OutputOptions.OpenTable(args, context, ["cohort", "customers", "period", "active", "retention", "revenue"]);
        foreach (Cohort cohort in table.Cohorts)
        {
            for (int k = 0; k < cohort.PeriodCount; k++)
            {
                writer.Date(cohort.Start);
                writer.Integer(cohort.Customers);
                writer.Integer(k);
                writer.Integer(cohort.Active[k]);
                writer.Number(cohort.Retention(k));
                writer.Number(cohort.Revenue[k]);
                writer.EndRow();
            }
        }

        return ExitCodes.Success;
    }
}

/// <summary>The <c>--period month|week|quarter</c> option shared by <c>cohorts</c> and <c>churn</c>.</summary>
internal static class PeriodOptions
{
    public static readonly OptionSpec Period =
        OptionSpec.Value("--period", "month|week|quarter", "Calendar period: month (default), ISO week (Monday first) or quarter.");

    public static CalendarPeriod Read(CommandArguments args, bool required = false)
    {
        if (required && args.Get(Period.Name) is null)
        {
            throw new CliException($"missing required option '{Period.Name}'");
        }

        return args.GetChoice(Period.Name, "month", "month", "week", "quarter") switch
        {
            "week" => CalendarPeriod.Week,
            "quarter" => CalendarPeriod.Quarter,
            _ => CalendarPeriod.Month,
        };
    }
}
