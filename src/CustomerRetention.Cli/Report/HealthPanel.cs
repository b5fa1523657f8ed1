using CustomerRetention.Cli.Commands;
using CustomerRetention.Health;
using NodaTime;

namespace CustomerRetention.Cli.Report;

/// <summary>
/// The figures of the report's "Customer health" panel (docs/report.md): the customers per band and the most at-risk
/// customers, from the rows of <see cref="CustomerHealthScoring"/> (the scoring of <c>retention health</c>).
/// </summary>
internal sealed class HealthPanel
{
    /// <summary>How many of the least healthy customers the panel's table lists.</summary>
    public const int MostAtRisk = 20;

    /// <summary>How many reasons each listed customer shows (as <c>retention health</c>'s default <c>--top</c>).</summary>
    public const int Reasons = 3;

    /// <summary>The bands in the panel's order, healthiest first.</summary>
    public static readonly IReadOnlyList<HealthBand> Bands = [HealthBand.Healthy, HealthBand.Watch, HealthBand.AtRisk, HealthBand.Critical];

    private HealthPanel(LocalDate asOf, IReadOnlyList<string> sources, int[] counts, IReadOnlyList<CustomerHealthRow> lowest)
    {
        AsOf = asOf;
        Sources = sources;
        Counts = counts;
        Lowest = lowest;
    }

    /// <summary>The as-of date of the scores (the last date of the transactions).</summary>
    public LocalDate AsOf { get; }

    /// <summary>The options and files that gave the signals, e.g. <c>--tickets tickets.csv</c>.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>Customers per band, in the order of <see cref="Bands"/>.</summary>
    public IReadOnlyList<int> Counts { get; }

    /// <summary>The customers scored.</summary>
    public int Customers => Counts.Sum();

    /// <summary>The <see cref="MostAtRisk"/> customers with the lowest health, lowest first (ties by customer id, ordinal).</summary>
    public IReadOnlyList<CustomerHealthRow> Lowest { get; }

    /// <summary>Counts the bands and picks the least healthy customers.</summary>
    public static HealthPanel Compute(IReadOnlyList<CustomerHealthRow> rows, LocalDate asOf, IReadOnlyList<string> sources)
    {
        var counts = new int[Bands.Count];
        foreach (CustomerHealthRow row in rows)
        {
            counts[(int)row.Band]++; // Bands lists the enum in value order, 0..3
        }

        List<CustomerHealthRow> lowest = rows
            .OrderBy(r => r.Score.Value)
            .ThenBy(r => r.Customer, StringComparer.Ordinal)
            .Take(MostAtRisk)
            .ToList();
        return new HealthPanel(asOf, sources, counts, lowest);
    }
}
