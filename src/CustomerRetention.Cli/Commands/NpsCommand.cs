using System.Globalization;
using CustomerRetention.Csv;
using CustomerRetention.Satisfaction;

namespace CustomerRetention.Cli.Commands;

/// <summary>
/// <c>retention nps --responses FILE [--column score]</c>: the Net Promoter Score of a column of
/// 0–10 answers with its counts, variance, margin of error and interval (docs/cli.md).
/// </summary>
internal sealed class NpsCommand : ICliCommand
{
    public static readonly IReadOnlyList<string> Columns =
        ["score", "promoters", "passives", "detractors", "variance", "margin_of_error", "responses", "standard_error", "ci_lower", "ci_upper", "level"];

    public string Name => "nps";

    public string Summary => "Net Promoter Score of 0-10 answers: score, counts, variance, margin of error, interval.";

    public string Usage => "retention nps --responses FILE [--column score] [--by COLUMN] [--level 0.95] [--skip-blank] [--format csv|json] [--out FILE]";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        OptionSpec.Value("--responses", "FILE", "Survey responses CSV with a column of 0-10 answers; - for standard input."),
        OptionSpec.Value("--column", "NAME", "The column holding the answers (default score)."),
        OptionSpec.Value("--by", "COLUMN", "One row per value of COLUMN (a segment), in order of first appearance, with a last column 'segment'."),
        OptionSpec.Value("--level", "P", "Confidence level of the margin and interval (default 0.95)."),
        OptionSpec.Flag("--skip-blank", "Skip rows whose answer is empty (and say how many) instead of stopping."),
        .. OutputOptions.Table,
    ];

    public int Execute(CommandArguments args, CliContext context)
    {
        if (args.Positionals.Count > 0)
        {
            throw new CliException($"nps takes no argument '{args.Positionals[0]}' (see --help)");
        }

        string path = args.Required("--responses");
        string column = args.Get("--column") ?? "score";
        if (string.IsNullOrWhiteSpace(column))
        {
            throw new CliException("option '--column': the column name is empty");
        }

        double level = SurveyInput.Level(args);
        bool skipBlank = args.Has("--skip-blank");
        _ = OutputOptions.FormatOf(args);

        string? by = args.Get("--by");
        if (by is not null && string.IsNullOrWhiteSpace(by))
        {
            throw new CliException("option '--by': the column name is empty");
        }

        // Counts per segment (detractors, passives, promoters), in order of first appearance; one segment without --by.
        var order = new List<string>();
        var counts = new Dictionary<string, long[]>(StringComparer.Ordinal);
        long blanks = 0;
        CsvColumn[] columns = by is null ? [CsvColumn.Required(column)] : [CsvColumn.Required(column), CsvColumn.Required(by)];
        using (CsvRecordReader csv = SurveyInput.Open(path, context, columns))
        {
            long[]? single = null;
            while (csv.Read())
            {
                if (skipBlank && csv.GetSpan(0).Trim().IsEmpty)
                {
                    blanks++;
                    continue;
                }

                int answer = csv.GetInt32(0);
                if (answer < 0 || answer > 10)
                {
                    throw csv.CreateError(0, string.Format(CultureInfo.InvariantCulture, "answer {0} is outside the 0-10 scale", answer));
                }

                long[] bucket;
                if (by is null)
                {
                    if (single is null)
                    {
                        single = new long[3];
                        order.Add(string.Empty);
                        counts.Add(string.Empty, single);
                    }

                    bucket = single;
                }
                else
                {
                    string segment = csv.GetString(1);
                    if (!counts.TryGetValue(segment, out bucket!))
                    {
                        bucket = new long[3];
                        counts.Add(segment, bucket);
                        order.Add(segment);
                    }
                }

                bucket[(int)Nps.Categorize(answer)]++;
            }
        }

        if (blanks > 0)
        {
            context.Note(string.Format(CultureInfo.InvariantCulture, "retention nps: skipped {0} blank answer(s)", blanks));
        }

        using TableWriter table = OutputOptions.OpenTable(args, context, by is null ? Columns : [.. Columns, "segment"]);
        foreach (string segment in order)
        {
            long[] c = counts[segment];
            NpsResult r = Nps.FromCounts(c[(int)NpsCategory.Promoter], c[(int)NpsCategory.Passive], c[(int)NpsCategory.Detractor]);
            ConfidenceInterval ci = r.Interval(level);
            table.Number(r.Score);
            table.Integer(r.Promoters);
            table.Integer(r.Passives);
            table.Integer(r.Detractors);
            table.Number(r.Variance);
            table.Number(r.MarginOfError(level));
            table.Integer(r.Count);
            table.Number(r.StandardError);
            table.Number(ci.Lower);
            table.Number(ci.Upper);
            table.Number(level);
            if (by is not null)
            {
                table.Text(segment);
            }

            table.EndRow();
        }

        // A header without rows gives an empty result (the header row only).
        return ExitCodes.Success;
    }
}
