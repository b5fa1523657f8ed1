using NodaTime;

namespace CustomerRetention.Cli.Commands;

/// <summary>
/// <c>retention summary</c>: one row per customer whose first purchase is on or before the
/// calibration end, <c>customer_id,frequency,recency,T,monetary_value</c> (docs/cli.md).
/// </summary>
internal sealed class SummaryCommand : ICliCommand
{
    public string Name => "summary";

    public string Summary => "Per-customer purchase summary (frequency, recency, T, monetary value) at a calibration end.";

    public string Usage => "retention summary --transactions FILE --calibration-end DATE [--time-unit day|week] [--format csv|json] [--out FILE]";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        .. TransactionInput.Options,
        OptionSpec.Value("--calibration-end", "DATE", "End of the calibration period, inclusive (yyyy-MM-dd)."),
        OptionSpec.Value("--time-unit", "day|week", "Unit of recency and T (default day; week = days / 7, unrounded)."),
        .. OutputOptions.Table,
    ];

    public int Execute(CommandArguments args, CliContext context)
    {
        if (args.Positionals.Count > 0)
        {
            throw new CliException($"summary takes no argument '{args.Positionals[0]}' (see --help)");
        }

        LocalDate calibrationEnd = args.RequiredDate("--calibration-end");
        TimeUnit unit = args.GetChoice("--time-unit", "day", "day", "week") == "week" ? TimeUnit.Week : TimeUnit.Day;
        _ = OutputOptions.FormatOf(args);
        PurchaseSummaries summaries = TransactionInput.Summarize(args, context, calibrationEnd).Summaries;

        using TableWriter table = OutputOptions.OpenTable(args, context, ["customer_id", "frequency", "recency", "T", "monetary_value"]);
        for (int i = 0; i < summaries.Count; i++)
        {
            ModelInput input = summaries[i].ToModelInput(calibrationEnd, unit);
            table.Text(summaries.Customers[i].Value);
            table.Integer(input.Frequency);
            table.Number(input.Recency);
            table.Number(input.T);
            table.Number(input.MonetaryValue);
            table.EndRow();
        }

        return ExitCodes.Success;
    }
}
