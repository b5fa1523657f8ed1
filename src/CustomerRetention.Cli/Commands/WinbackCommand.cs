using CustomerRetention.Csv;
using CustomerRetention.Relationships;
using NodaTime;

namespace CustomerRetention.Cli.Commands;

/// <summary>
/// <c>retention winback --departures FILE</c>: the departure reasons ranked by the revenue they lost, or the
/// departed customers ranked by priority = value × chance of return (docs/cli.md, docs/win-back.md).
/// </summary>
internal sealed class WinbackCommand : ICliCommand
{
    private const int CustomerColumn = 0;
    private const int DateColumn = 1;
    private const int RevenueColumn = 2;
    private const int ReasonsColumn = 3;
    private const int ValueColumn = 4;
    private const int ChanceColumn = 5;

    private static readonly CsvColumn[] Columns =
    [
        CsvColumn.Required("customer_id"),
        CsvColumn.Required("date"),
        CsvColumn.Required("revenue_lost"),
        CsvColumn.Optional("reasons", "reason"),
        CsvColumn.Optional("value"),
        CsvColumn.Optional("chance", "chance_of_return"),
    ];

    public string Name => "winback";

    public string Summary => "Rank departure reasons by lost revenue, or departed customers by win-back priority.";

    public string Usage => "retention winback --departures FILE [--table reasons|customers] [--attribution equal|full] [--format csv|json] [--out FILE]";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        OptionSpec.Value("--departures", "FILE", "Departures CSV (customer_id,date,revenue_lost[,reasons][,value][,chance]); - for standard input."),
        OptionSpec.Value("--table", "reasons|customers", "Which ranking to print (default reasons)."),
        OptionSpec.Value("--attribution", "equal|full", "Revenue of a departure with several reasons: split equally (default) or counted in full for each."),
        .. OutputOptions.Table,
    ];

    public int Execute(CommandArguments args, CliContext context)
    {
        if (args.Positionals.Count > 0)
        {
            throw new CliException($"winback takes no argument '{args.Positionals[0]}' (see --help)");
        }

        string path = args.Required("--departures");
        string table = args.GetChoice("--table", "reasons", "reasons", "customers");
        ReasonAttribution attribution = args.GetChoice("--attribution", "equal", "equal", "full") == "full"
            ? ReasonAttribution.Full
            : ReasonAttribution.EqualShare;
        _ = OutputOptions.FormatOf(args);

        List<Row> rows = Read(path, context);
        if (table == "reasons")
        {
            WriteReasons(args, context, rows, attribution);
        }
        else
        {
            WriteCustomers(args, context, rows);
        }

        return ExitCodes.Success;
    }

    private static void WriteReasons(CommandArguments args, CliContext context, List<Row> rows, ReasonAttribution attribution)
    {
        var departures = new List<Departure>(rows.Count);
        foreach (Row row in rows)
        {
            departures.Add(row.Departure);
        }

        ReasonRanking ranking = WinBack.RankReasons(departures, attribution);
        using TableWriter table = OutputOptions.OpenTable(args, context, ["rank", "reason", "departures", "revenue_lost", "share", "description"]);
        int rank = 0;
        foreach (ReasonRevenue r in ranking.Reasons)
        {
            table.Integer(++rank);
            table.Text(ChurnReasons.NameOf(r.Reason));
            table.Integer(r.Departures);
            table.Number(r.RevenueLost);
            table.Number(r.Share);
            table.Text(ChurnReasons.Describe(r.Reason));
            table.EndRow();
        }

        if (ranking.UndiagnosedDepartures > 0)
        {
            table.Text(null);
            table.Text("undiagnosed");
            table.Integer(ranking.UndiagnosedDepartures);
            table.Number(ranking.UndiagnosedRevenueLost);
            table.Number(ranking.TotalRevenueLost == 0m ? 0.0 : (double)(ranking.UndiagnosedRevenueLost / ranking.TotalRevenueLost));
            table.Text("Departures with no reason recorded yet.");
            table.EndRow();
        }
    }

    private static void WriteCustomers(CommandArguments args, CliContext context, List<Row> rows)
    {
        var prospects = new List<WinBackProspect>(rows.Count);
        var byProspect = new Dictionary<WinBackProspect, Row>(ReferenceEqualityComparer.Instance);
        foreach (Row row in rows)
        {
            prospects.Add(row.Prospect);
            byProspect[row.Prospect] = row;
        }

        IReadOnlyList<WinBackProspect> order = WinBack.Prioritise(prospects);
        using TableWriter table = OutputOptions.OpenTable(
            args, context, ["rank", "customer_id", "date", "revenue_lost", "value", "chance", "priority", "reasons"]);
        int rank = 0;
        foreach (WinBackProspect p in order)
        {
            Row row = byProspect[p];
            table.Integer(++rank);
            table.Text(p.CustomerId);
            table.Date(row.Departure.Date);
            table.Number(row.Departure.RevenueLost);
            table.Number(p.Value);
            table.Number(p.ChanceOfReturn);
            table.Number(p.Priority);
            table.Text(string.Join(";", row.Departure.Reasons.Select(ChurnReasons.NameOf)));
            table.EndRow();
        }
    }

    private static List<Row> Read(string path, CliContext context)
    {
        if (path == "-")
        {
            using CsvRecordReader stdin = CsvRecordReader.Open(context.Console.OpenInput(), "-", Columns);
            return Read(stdin);
        }

        if (!File.Exists(path))
        {
            throw new CliException($"{path}: no such file");
        }

        using CsvRecordReader csv = CsvRecordReader.OpenFile(path, Columns);
        return Read(csv);
    }

    private static List<Row> Read(CsvRecordReader csv)
    {
        var rows = new List<Row>();
        bool hasReasons = csv.HasColumn(ReasonsColumn);
        bool hasValue = csv.HasColumn(ValueColumn);
        bool hasChance = csv.HasColumn(ChanceColumn);
        var reasons = new List<ChurnReason>();
        while (csv.Read())
        {
            string customer = csv.GetString(CustomerColumn).Trim();
            if (customer.Length == 0)
            {
                throw csv.CreateError(CustomerColumn, "the customer id is empty");
            }

            LocalDate date = csv.GetLocalDate(DateColumn);
            decimal revenue = csv.GetDecimal(RevenueColumn);
            if (revenue < 0)
            {
                throw csv.CreateError(RevenueColumn, FormattableString.Invariant($"'{revenue}' is negative: revenue lost must be zero or more"));
            }

            reasons.Clear();
            if (hasReasons)
            {
                foreach (string part in csv.GetString(ReasonsColumn).Split(';', '|'))
                {
                    string name = part.Trim();
                    if (name.Length == 0)
                    {
                        continue;
                    }

                    if (!ChurnReasons.TryParse(name, out ChurnReason reason))
                    {
                        throw csv.CreateError(ReasonsColumn, $"'{name}' is not a churn reason (one of {string.Join(", ", ChurnReasons.All.Select(ChurnReasons.NameOf))})");
                    }

                    reasons.Add(reason);
                }
            }

            decimal value = revenue;
            if (hasValue && !csv.GetSpan(ValueColumn).IsWhiteSpace())
            {
                value = csv.GetDecimal(ValueColumn);
                if (value < 0)
                {
                    throw csv.CreateError(ValueColumn, FormattableString.Invariant($"'{value}' is negative: the value must be zero or more"));
                }
            }

            double chance = 1.0;
            if (hasChance && !csv.GetSpan(ChanceColumn).IsWhiteSpace())
            {
                chance = csv.GetDouble(ChanceColumn);
                if (chance is < 0 or > 1)
                {
                    throw csv.CreateError(ChanceColumn, FormattableString.Invariant($"'{chance}' is not a probability between 0 and 1"));
                }
            }

            rows.Add(new Row(new Departure(customer, date, revenue, reasons), new WinBackProspect(customer, value, chance)));
        }

        return rows;
    }

    private sealed record Row(Departure Departure, WinBackProspect Prospect);
}
