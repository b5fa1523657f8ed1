using System.Globalization;
using CustomerRetention.Csv;
using CustomerRetention.Satisfaction;

namespace CustomerRetention.Cli.Commands;

/// <summary>
/// <c>retention csi --survey FILE</c>: the importance-weighted customer satisfaction index of a
/// survey's items (columns <c>item,importance,satisfaction</c>), on the scale and on 0–100; with
/// <c>--by-item</c>, one row per item with its weight and importance–performance quadrant.
/// </summary>
internal sealed class CsiCommand : ICliCommand
{
    public static readonly IReadOnlyList<string> SummaryColumns =
        ["csi", "csi_100", "items", "total_importance", "scale_min", "scale_max"];

    public static readonly IReadOnlyList<string> ItemColumns =
        ["item", "importance", "satisfaction", "weight", "contribution", "quadrant"];

    public string Name => "csi";

    public string Summary => "Customer satisfaction index: importance-weighted satisfaction of survey items, on the scale and on 0-100.";

    public string Usage => "retention csi --survey FILE [--scale 1-5] [--by-item] [--format csv|json] [--out FILE]";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        OptionSpec.Value("--survey", "FILE", "Survey items CSV (item,importance,satisfaction); - for standard input."),
        OptionSpec.Value("--scale", "MIN-MAX", "The satisfaction scale (default 1-5)."),
        OptionSpec.Flag("--by-item", "One row per item (weight, contribution, importance-performance quadrant) instead of the index."),
        .. OutputOptions.Table,
    ];

    public int Execute(CommandArguments args, CliContext context)
    {
        if (args.Positionals.Count > 0)
        {
            throw new CliException($"csi takes no argument '{args.Positionals[0]}' (see --help)");
        }

        string path = args.Required("--survey");
        RatingScale scale = SurveyInput.Scale(args, RatingScale.FivePoint);
        bool byItem = args.Has("--by-item");
        _ = OutputOptions.FormatOf(args);

        var items = new List<SurveyItem>();
        using (CsvRecordReader csv = SurveyInput.Open(path, context, [CsvColumn.Required("item"), CsvColumn.Required("importance"), CsvColumn.Required("satisfaction")]))
        {
            while (csv.Read())
            {
                string name = csv.GetString(0).Trim();
                if (name.Length == 0)
                {
                    throw csv.CreateError(0, "empty item name");
                }

                double importance = csv.GetDouble(1);
                if (importance < 0)
                {
                    throw csv.CreateError(1, string.Format(CultureInfo.InvariantCulture, "importance {0} must be zero or greater", importance));
                }

                double satisfaction = csv.GetDouble(2);
                if (!scale.Contains(satisfaction))
                {
                    throw csv.CreateError(2, string.Format(CultureInfo.InvariantCulture, "satisfaction {0} is outside the {1}-{2} scale (see --scale)", satisfaction, scale.Minimum, scale.Maximum));
                }

                items.Add(new SurveyItem(name, importance, satisfaction));
            }
        }

        double total = 0;
        foreach (SurveyItem item in items)
        {
            total += item.Importance;
        }

        if (items.Count > 0 && !(total > 0))
        {
            throw new CliException($"{path}: the total importance is zero: give at least one item a positive importance");
        }

        using TableWriter table = OutputOptions.OpenTable(args, context, byItem ? ItemColumns : SummaryColumns);
        if (items.Count == 0)
        {
            return ExitCodes.Success; // a header without rows: an empty result
        }

        CsiResult csi = Csi.Compute(scale, items);
        if (!byItem)
        {
            table.Number(csi.Index);
            table.Number(csi.Normalized);
            table.Integer(items.Count);
            table.Number(total);
            table.Integer(scale.Minimum);
            table.Integer(scale.Maximum);
            table.EndRow();
            return ExitCodes.Success;
        }

        ImportancePerformanceResult ipa = ImportancePerformance.Analyze(scale, items);
        for (int i = 0; i < items.Count; i++)
        {
            table.Text(items[i].Name);
            table.Number(items[i].Importance);
            table.Number(items[i].Satisfaction);
            table.Number(csi.Weights[i]);
            table.Number(csi.Weights[i] * items[i].Satisfaction);
            table.Text(QuadrantName(ipa.Items[i].Quadrant));
            table.EndRow();
        }

        return ExitCodes.Success;
    }

    private static string QuadrantName(IpaQuadrant quadrant) => quadrant switch
    {
        IpaQuadrant.ConcentrateHere => "concentrate here",
        IpaQuadrant.KeepUpTheGoodWork => "keep up the good work",
        IpaQuadrant.LowPriority => "low priority",
        _ => "possible overkill",
    };
}
