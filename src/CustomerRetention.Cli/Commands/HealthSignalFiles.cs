using CustomerRetention.Health;
using NodaTime;

namespace CustomerRetention.Cli.Commands;

/// <summary>
/// The side files of a health run, read and checked whole by <see cref="HealthSideFiles"/>: each null when its
/// option was not given. <c>retention health</c> reads every option; <c>retention report</c> reads the four files
/// of its health panel (<see cref="ReadReportFiles"/>).
/// </summary>
internal sealed class HealthSignalFiles
{
    /// <summary>The four side-file options of <c>retention report</c>'s health panel (docs/report.md, "Customer health").</summary>
    public static readonly IReadOnlyList<OptionSpec> ReportOptions =
    [
        OptionSpec.Value("--tickets", "FILE", "Support tickets and complaints: customer_id,opened,severity[,resolved][,kind]."),
        OptionSpec.Value("--survey", "FILE", "Satisfaction or NPS answers: customer_id,date,score[,scale_min,scale_max] (default scale 0-10)."),
        OptionSpec.Value("--contracts", "FILE", "Renewals: customer_id,renewal_date[,decision_maker_engaged]."),
        OptionSpec.Value("--notes", "FILE", "Free text matched against the risk-word lexicon: customer_id,date,text."),
    ];

    /// <summary>Tickets and complaints by customer (<c>--tickets</c>).</summary>
    public Dictionary<string, List<SupportTicket>>? Tickets { get; private init; }

    /// <summary>Survey answers by customer with their scale (<c>--survey</c>).</summary>
    public Dictionary<string, List<(LocalDate Date, double Score, double Min, double Max)>>? Survey { get; private init; }

    /// <summary>Renewal dates by customer (<c>--contracts</c>).</summary>
    public Dictionary<string, List<(LocalDate Renewal, bool Engaged)>>? Contracts { get; private init; }

    /// <summary>Dated free-text notes by customer (<c>--notes</c>).</summary>
    public Dictionary<string, List<(LocalDate Date, string Text)>>? Notes { get; private init; }

    /// <summary>P(alive) by customer (<c>--p-alive</c>; <c>retention health</c> only).</summary>
    public Dictionary<string, AliveSignal>? Alive { get; private init; }

    /// <summary>The bands of a previous run (<c>--previous</c>; <c>retention health</c> only).</summary>
    public Dictionary<string, HealthBand>? Previous { get; private init; }

    /// <summary>The risk-word lexicon (<c>--lexicon</c>, else the shipped one).</summary>
    public RiskLexicon Lexicon { get; private init; } = RiskLexicon.Default;

    /// <summary>Whether any of tickets, survey, contracts or notes was given.</summary>
    public bool HasAny => Tickets is not null || Survey is not null || Contracts is not null || Notes is not null;

    /// <summary>Every side file of <c>retention health</c>: the four signal files, P(alive), a previous run and a lexicon.</summary>
    public static HealthSignalFiles ReadAll(CommandArguments args, CliContext context)
    {
        HealthSignalFiles files = ReadReportFiles(args, context);
        return new HealthSignalFiles
        {
            Tickets = files.Tickets,
            Survey = files.Survey,
            Contracts = files.Contracts,
            Notes = files.Notes,
            Alive = args.Get("--p-alive") is { } a ? HealthSideFiles.ReadAlive(a, context) : null,
            Previous = args.Get("--previous") is { } p ? HealthSideFiles.ReadPreviousBands(p, context) : null,
            Lexicon = args.Get("--lexicon") is { } l ? HealthSideFiles.ReadLexicon(l) : RiskLexicon.Default,
        };
    }

    /// <summary>The files of <see cref="ReportOptions"/>: tickets, survey, contracts and notes (shipped lexicon, no P(alive), no previous run).</summary>
    public static HealthSignalFiles ReadReportFiles(CommandArguments args, CliContext context) => new()
    {
        Tickets = args.Get("--tickets") is { } t ? HealthSideFiles.ReadTickets(t, context) : null,
        Survey = args.Get("--survey") is { } s ? HealthSideFiles.ReadSurvey(s, context) : null,
        Contracts = args.Get("--contracts") is { } c ? HealthSideFiles.ReadContracts(c, context) : null,
        Notes = args.Get("--notes") is { } n ? HealthSideFiles.ReadNotes(n, context) : null,
    };
}
