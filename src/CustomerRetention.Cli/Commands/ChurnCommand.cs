using CustomerRetention.Churn;

namespace CustomerRetention.Cli.Commands;

/// <summary>
/// <c>retention churn</c>: churn per calendar period for a non-contractual business, a customer
/// counting as active while they bought within the last N days (docs/cli.md). CSV
/// <c>period,customers_at_start,lost,new,reactivated,churn_rate</c>, then <c>active_at_end</c>;
/// churn_rate is empty (JSON null) when nobody was active at the start.
/// </summary>
internal sealed class ChurnCommand : ICliCommand
{
    private static readonly OptionSpec InactivityDays =
        OptionSpec.Value("--inactivity-days", "N", "A customer is active on a day when they bought within the N days up to it (the day included).");

    public string Name => "churn";

    public string Summary => "Churn per period from transactions (active = bought within the last N days; new customers excluded).";

    public string Usage => "retention churn --transactions FILE --period month|week|quarter --inactivity-days N [--format csv|json] [--out FILE]";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        .. TransactionInput.Options,
        PeriodOptions.Period,
        InactivityDays,
        .. OutputOptions.Table,
    ];

    public int Execute(CommandArguments args, CliContext context)
    {
        if (args.Positionals.Count > 0)
        {
            throw new CliException($"churn takes no argument '{args.Positionals[0]}' (see --help)");
        }

        CalendarPeriod period = PeriodOptions.Read(args, required: true);
        args.Required(InactivityDays.Name);
        int days = args.GetInt(InactivityDays.Name, 0);
        if (days < 1)
        {
            throw new CliException($"option '{InactivityDays.Name}': must be at least 1 (got {days})");
        }

        _ = OutputOptions.FormatOf(args);
        TransactionTable transactions = TransactionInput.Read(args, context);
        TransactionChurnTable table = TransactionChurn.Compute(transactions, period, days);

        using TableWriter writer = OutputOptions.OpenTable(args, context, ["period", "customers_at_start", "lost", "new", "reactivated", "churn_rate", "active_at_end"]);
        foreach (TransactionChurnPeriod row in table.Periods)
        {
            writer.Date(row.Start);
            writer.Integer(row.CustomersAtStart);
            writer.Integer(row.Lost);
            writer.Integer(row.NewCustomers);
            writer.Integer(row.Reactivated);
            if (row.Churn is { } churn)
            {
                writer.Number(churn.Value);
            }
            else
            {
                writer.Text(null);
            }

            writer.Integer(row.ActiveAtEnd);
            writer.EndRow();
        }

        return ExitCodes.Success;
    }
}
