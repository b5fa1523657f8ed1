namespace CustomerRetention.Cli.Commands;

/// <summary><c>retention report</c>: the one-file HTML report (docs/cli.md). Not built yet.</summary>
internal sealed class ReportCommand : ICliCommand
{
    public string Name => "report";

    public string Summary => "Write a self-contained HTML report of a customer base.";

    public string Usage => "retention report (--transactions FILE | --sample cdnow) --out FILE.html [--calibration-end DATE]";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        OptionSpec.Value("--transactions", "FILE", "Transactions CSV (customer_id,date,amount); - for standard input."),
        OptionSpec.Value("--sample", "NAME", "Use an embedded sample instead of a file (cdnow)."),
        OptionSpec.Value("--out", "FILE", "The HTML file to write."),
        OptionSpec.Value("--calibration-end", "DATE", "End of the calibration period (yyyy-MM-dd)."),
    ];

    public int Execute(CommandArguments args, CliContext context)
    {
        if (!args.Has("--transactions") && !args.Has("--sample"))
        {
            throw new CliException("report needs --transactions FILE or --sample cdnow");
        }

        args.Required("--out");
        context.Console.Error.WriteLine("retention report: not yet (the report arrives with its own issue)");
        return ExitCodes.Success;
    }
}
