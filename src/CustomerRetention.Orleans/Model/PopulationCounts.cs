using NodaTime;

namespace CustomerRetention.Orleans.Model;

/// <summary>
/// A customer base condensed to what the BG/NBD fit reads: how many customers share each history
/// (x, t_x, T) at <see cref="CalibrationEnd"/> (t_x and T in whole days), plus the totals of the repeat
/// purchase days and their amounts (for the population's mean spend). Counts of disjoint customer sets
/// <see cref="Merge">merge</see> by adding, so every registry shard condenses its own customers and
/// only the counts travel, never a transaction.
/// </summary>
/// <remarks>
/// <para>The rows are kept in one canonical order, ascending by (x, t_x, T), whatever the order the
/// customers were added or the shards merged: the fit of equal counts is therefore the same to the last
/// bit on one machine and on a cluster. Immutable, thread-safe.</para>
/// </remarks>
[GenerateSerializer]
[Alias("CustomerRetention.PopulationCounts")]
public sealed class PopulationCounts
{
    [Id(0)]
    private readonly HistoryCount[] _rows;

    private PopulationCounts(LocalDate calibrationEnd, HistoryCount[] rows, long repeatPurchaseDays, decimal repeatAmount)
    {
        CalibrationEnd = calibrationEnd;
        _rows = rows;
        RepeatPurchaseDays = repeatPurchaseDays;
        RepeatAmount = repeatAmount;
    }

    /// <summary>The calibration end the histories are measured at (inclusive).</summary>
    [Id(1)]
    public LocalDate CalibrationEnd { get; }

    /// <summary>Σ x over the customers: the number of repeat purchase days.</summary>
    [Id(2)]
    public long RepeatPurchaseDays { get; }

    /// <summary>The total amount of the repeat purchase days.</summary>
    [Id(3)]
    public decimal RepeatAmount { get; }

    /// <summary>The distinct histories with their customer counts, ascending by (x, t_x, T).</summary>
    public IReadOnlyList<HistoryCount> Rows => _rows;

    /// <summary>The number of customers counted.</summary>
    public long Customers => _rows.Sum(r => r.Customers);

    /// <summary>The mean amount of a repeat purchase day in the population (0 when there is none).</summary>
    public decimal MeanRepeatSpend => RepeatPurchaseDays > 0 ? RepeatAmount / RepeatPurchaseDays : 0m;

    /// <summary>The counts of no customer.</summary>
    /// <param name="calibrationEnd">The calibration end.</param>
    /// <returns>Empty counts.</returns>
    public static PopulationCounts Empty(LocalDate calibrationEnd) => new(calibrationEnd, [], 0, 0m);

    /// <summary>
    /// The counts of the customers whose summaries are given; summaries without a purchase on or before
    /// <paramref name="calibrationEnd"/> are skipped (they are not yet customers then).
    /// </summary>
    /// <param name="summaries">The summaries, cut off at the calibration end (any purchase after it is an error).</param>
    /// <param name="calibrationEnd">The calibration end, inclusive.</param>
    /// <returns>The counts.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A summary's last purchase is after <paramref name="calibrationEnd"/>.</exception>
    public static PopulationCounts FromSummaries(IEnumerable<PurchaseSummary> summaries, LocalDate calibrationEnd)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var counts = new Dictionary<(int, int, int), long>();
        long repeatDays = 0;
        decimal repeatAmount = 0m;
        foreach (PurchaseSummary s in summaries)
        {
            if (!s.HasPurchases)
            {
                continue;
            }

            if (s.LastPurchase > calibrationEnd)
            {
                throw new ArgumentOutOfRangeException(nameof(summaries), s.LastPurchase, "A summary has a purchase after the calibration end: cut the summaries off at it.");
            }

            var key = (s.RepeatPurchaseDays, Period.DaysBetween(s.FirstPurchase, s.LastPurchase), Period.DaysBetween(s.FirstPurchase, calibrationEnd));
            counts[key] = counts.GetValueOrDefault(key) + 1;
            repeatDays += s.RepeatPurchaseDays;
            repeatAmount += s.RepeatAmount;
        }

        return new PopulationCounts(calibrationEnd, Sorted(counts), repeatDays, repeatAmount);
    }

    /// <summary>The counts of the union of disjoint customer sets, from their counts.</summary>
    /// <param name="parts">The counts of the parts, all at the same calibration end.</param>
    /// <returns>The counts of all of them.</returns>
    /// <exception cref="ArgumentException">The parts are empty or at different calibration ends.</exception>
    public static PopulationCounts Merge(IReadOnlyCollection<PopulationCounts> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            throw new ArgumentException("There must be at least one part to merge.", nameof(parts));
        }

        LocalDate end = parts.First().CalibrationEnd;
        var counts = new Dictionary<(int, int, int), long>();
        long repeatDays = 0;
        decimal repeatAmount = 0m;
        foreach (PopulationCounts part in parts)
        {
            if (part.CalibrationEnd != end)
            {
                throw new ArgumentException("The parts are counted at different calibration ends.", nameof(parts));
            }

            foreach (HistoryCount row in part._rows)
            {
                var key = (row.Frequency, row.RecencyDays, row.AgeDays);
                counts[key] = counts.GetValueOrDefault(key) + row.Customers;
            }

            repeatDays += part.RepeatPurchaseDays;
            repeatAmount += part.RepeatAmount;
        }

        return new PopulationCounts(end, Sorted(counts), repeatDays, repeatAmount);
    }

    private static HistoryCount[] Sorted(Dictionary<(int X, int Recency, int Age), long> counts)
    {
        HistoryCount[] rows = counts.Select(kv => new HistoryCount(kv.Key.X, kv.Key.Recency, kv.Key.Age, kv.Value)).ToArray();
        Array.Sort(rows, static (p, q) =>
        {
            int c = p.Frequency.CompareTo(q.Frequency);
            if (c == 0)
            {
                c = p.RecencyDays.CompareTo(q.RecencyDays);
            }

            return c != 0 ? c : p.AgeDays.CompareTo(q.AgeDays);
        });
        return rows;
    }
}
