using CustomerRetention.Csv;
using CustomerRetention.Health;
using NodaTime;

namespace CustomerRetention.Cli.Commands;

/// <summary>
/// The side files of <c>retention health</c> (docs/health.md, "The tool's input files"): tickets, survey answers,
/// contracts, notes, P(alive) and a previous health run, each read whole and checked row by row, every problem
/// a <see cref="CsvFormatException"/> naming the file, line and field.
/// </summary>
internal static class HealthSideFiles
{
    /// <summary>The tickets file: <c>customer_id,opened,severity[,resolved][,kind]</c>.</summary>
    public static Dictionary<string, List<SupportTicket>> ReadTickets(string path, CliContext context)
    {
        CsvColumn[] columns =
        [
            CsvColumn.Required("customer_id"),
            CsvColumn.Required("opened", "opened_on", "date"),
            CsvColumn.Required("severity"),
            CsvColumn.Optional("resolved", "resolved_on"),
            CsvColumn.Optional("kind", "type"),
        ];
        var result = new Dictionary<string, List<SupportTicket>>(StringComparer.Ordinal);
        using CsvRecordReader csv = SurveyInput.Open(path, context, columns);
        while (csv.Read())
        {
            string customer = Customer(csv);
            LocalDate opened = csv.GetLocalDate(1);
            TicketSeverity severity = Severity(csv, 2);
            LocalDate? resolved = csv.HasColumn(3) && !csv.GetSpan(3).IsWhiteSpace() ? csv.GetLocalDate(3) : null;
            if (resolved is { } r && r < opened)
            {
                throw csv.CreateError(3, $"'{csv.GetString(3)}' is before the opening date {opened:yyyy-MM-dd}");
            }

            TicketKind kind = TicketKind.Ticket;
            if (csv.HasColumn(4) && !csv.GetSpan(4).IsWhiteSpace())
            {
                string k = csv.GetString(4).Trim();
                kind = k.Equals("complaint", StringComparison.OrdinalIgnoreCase) ? TicketKind.Complaint
                    : k.Equals("ticket", StringComparison.OrdinalIgnoreCase) ? TicketKind.Ticket
                    : throw csv.CreateError(4, $"'{k}' is not a kind (ticket or complaint)");
            }

            Add(result, customer, new SupportTicket(opened, severity, kind, resolved));
        }

        return result;
    }

    /// <summary>The survey file: <c>customer_id,date,score[,scale_min,scale_max]</c> (default scale 0–10, NPS).</summary>
    public static Dictionary<string, List<(LocalDate Date, double Score, double Min, double Max)>> ReadSurvey(string path, CliContext context)
    {
        CsvColumn[] columns =
        [
            CsvColumn.Required("customer_id"),
            CsvColumn.Required("date"),
            CsvColumn.Required("score", "answer"),
            CsvColumn.Optional("scale_min"),
            CsvColumn.Optional("scale_max"),
        ];
        var result = new Dictionary<string, List<(LocalDate, double, double, double)>>(StringComparer.Ordinal);
        using CsvRecordReader csv = SurveyInput.Open(path, context, columns);
        while (csv.Read())
        {
            string customer = Customer(csv);
            LocalDate date = csv.GetLocalDate(1);
            double score = csv.GetDouble(2);
            double min = csv.HasColumn(3) && !csv.GetSpan(3).IsWhiteSpace() ? csv.GetDouble(3) : 0;
            double max = csv.HasColumn(4) && !csv.GetSpan(4).IsWhiteSpace() ? csv.GetDouble(4) : 10;
            if (!(max > min))
            {
                throw csv.CreateError(csv.HasColumn(4) ? 4 : 2, FormattableString.Invariant($"the scale {min}-{max} is empty (scale_max must be above scale_min)"));
            }

            if (score < min || score > max)
            {
                throw csv.CreateError(2, FormattableString.Invariant($"'{score}' is outside the scale {min}-{max}"));
            }

            Add(result, customer, (date, score, min, max));
        }

        return result;
    }

    /// <summary>The contracts file: <c>customer_id,renewal_date[,decision_maker_engaged]</c>.</summary>
    public static Dictionary<string, List<(LocalDate Renewal, bool Engaged)>> ReadContracts(string path, CliContext context)
    {
        CsvColumn[] columns =
        [
            CsvColumn.Required("customer_id"),
            CsvColumn.Required("renewal_date", "renewal"),
            CsvColumn.Optional("decision_maker_engaged", "decision_maker"),
        ];
        var result = new Dictionary<string, List<(LocalDate, bool)>>(StringComparer.Ordinal);
        using CsvRecordReader csv = SurveyInput.Open(path, context, columns);
        while (csv.Read())
        {
            string customer = Customer(csv);
            LocalDate renewal = csv.GetLocalDate(1);
            bool engaged = false;
            if (csv.HasColumn(2) && !csv.GetSpan(2).IsWhiteSpace())
            {
                string e = csv.GetString(2).Trim().ToLowerInvariant();
                engaged = e is "yes" or "true" or "1" ? true
                    : e is "no" or "false" or "0" ? false
                    : throw csv.CreateError(2, $"'{csv.GetString(2)}' is not yes/no, true/false or 1/0");
            }

            Add(result, customer, (renewal, engaged));
        }

        return result;
    }

    /// <summary>The notes file: <c>customer_id,date,text</c>.</summary>
    public static Dictionary<string, List<(LocalDate Date, string Text)>> ReadNotes(string path, CliContext context)
    {
        CsvColumn[] columns = [CsvColumn.Required("customer_id"), CsvColumn.Required("date"), CsvColumn.Required("text", "note")];
        var result = new Dictionary<string, List<(LocalDate, string)>>(StringComparer.Ordinal);
        using CsvRecordReader csv = SurveyInput.Open(path, context, columns);
        while (csv.Read())
        {
            string customer = Customer(csv);
            Add(result, customer, (csv.GetLocalDate(1), csv.GetString(2)));
        }

        return result;
    }

    /// <summary>The P(alive) file: <c>customer_id,p_alive[,previous_p_alive]</c> (e.g. <c>retention predict</c>'s output).</summary>
    public static Dictionary<string, AliveSignal> ReadAlive(string path, CliContext context)
    {
        CsvColumn[] columns = [CsvColumn.Required("customer_id"), CsvColumn.Required("p_alive"), CsvColumn.Optional("previous_p_alive")];
        var result = new Dictionary<string, AliveSignal>(StringComparer.Ordinal);
        using CsvRecordReader csv = SurveyInput.Open(path, context, columns);
        while (csv.Read())
        {
            string customer = Customer(csv);
            Probability now = ProbabilityAt(csv, 1);
            Probability? previous = csv.HasColumn(2) && !csv.GetSpan(2).IsWhiteSpace() ? ProbabilityAt(csv, 2) : null;
            if (!result.TryAdd(customer, new AliveSignal(now, previous)))
            {
                throw csv.CreateError(0, $"customer '{customer}' appears twice");
            }
        }

        return result;
    }

    /// <summary>A previous health run: <c>customer_id,band</c> (the output of <c>retention health</c>).</summary>
    public static Dictionary<string, HealthBand> ReadPreviousBands(string path, CliContext context)
    {
        CsvColumn[] columns = [CsvColumn.Required("customer_id"), CsvColumn.Required("band")];
        var result = new Dictionary<string, HealthBand>(StringComparer.Ordinal);
        using CsvRecordReader csv = SurveyInput.Open(path, context, columns);
        while (csv.Read())
        {
            string customer = Customer(csv);
            string name = csv.GetString(1);
            if (!HealthBands.TryParse(name, out HealthBand band))
            {
                throw csv.CreateError(1, $"'{name}' is not a band (healthy, watch, at-risk, critical)");
            }

            if (!result.TryAdd(customer, band))
            {
                throw csv.CreateError(0, $"customer '{customer}' appears twice");
            }
        }

        return result;
    }

    /// <summary>A lexicon file in the lexicon format (docs/health.md).</summary>
    public static RiskLexicon ReadLexicon(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            return RiskLexicon.Parse(reader);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliException($"{path}: no such file", e);
        }
        catch (FormatException e)
        {
            throw new CliException($"{path}: {e.Message}", e);
        }
    }

    private static Probability ProbabilityAt(CsvRecordReader csv, int column)
    {
        double p = csv.GetDouble(column);
        return p is >= 0 and <= 1 ? new Probability(p) : throw csv.CreateError(column, FormattableString.Invariant($"'{p}' is not a probability between 0 and 1"));
    }

    private static TicketSeverity Severity(CsvRecordReader csv, int column)
    {
        string s = csv.GetString(column).Trim();
        return s.ToLowerInvariant() switch
        {
            "low" => TicketSeverity.Low,
            "medium" => TicketSeverity.Medium,
            "high" => TicketSeverity.High,
            "critical" => TicketSeverity.Critical,
            _ => throw csv.CreateError(column, $"'{s}' is not a severity (low, medium, high, critical)"),
        };
    }

    private static string Customer(CsvRecordReader csv)
    {
        string customer = csv.GetString(0).Trim(' ', '\t'); // as the transactions reader trims ids
        return customer.Length > 0 ? customer : throw csv.CreateError(0, "the customer id is empty");
    }

    private static void Add<T>(Dictionary<string, List<T>> map, string customer, T item)
    {
        if (!map.TryGetValue(customer, out List<T>? list))
        {
            map[customer] = list = [];
        }

        list.Add(item);
    }
}
