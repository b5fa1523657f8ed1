using CustomerRetention.Health;
using CustomerRetention.Rfm;
using NodaTime;

namespace CustomerRetention.Cli.Commands;

/// <summary>One customer's health: the score (0–100 with its reasons) and the band.</summary>
internal readonly record struct CustomerHealthRow(string Customer, HealthScore Score, HealthBand Band);

/// <summary>
/// The one scoring path of the tool's customer health (docs/health.md, "The tool: retention health"), used by
/// <c>retention health</c> and by the health panel of <c>retention report</c>: for every customer with a purchase
/// on or before the as-of date, the signals the transactions and the side files give, scored by
/// <see cref="HealthScorer.Default"/> and banded by <see cref="HealthBands.Default"/> (with hysteresis against a
/// previous run when one is given).
/// </summary>
internal static class CustomerHealthScoring
{
    /// <summary>The latest transaction date of a non-empty table (the default as-of date).</summary>
    public static LocalDate LatestDate(TransactionTable table)
    {
        int latest = int.MinValue;
        foreach (int d in table.DayNumbers)
        {
            latest = d > latest ? d : latest;
        }

        return DayNumbers.ToDate(latest);
    }

    /// <summary>
    /// Scores every customer of <paramref name="table"/> with a purchase on or before <paramref name="asOf"/>, in the
    /// table's customer order; notes on <paramref name="context"/> how many customers of each side file were left out.
    /// </summary>
    /// <param name="table">The transactions (not empty).</param>
    /// <param name="files">The side files read so far.</param>
    /// <param name="asOf">The as-of date, inclusive.</param>
    /// <param name="window">Length of the spend-trend windows and of the notes window, in days (at least 1).</param>
    /// <param name="context">Where the notes on unmatched customers go.</param>
    public static List<CustomerHealthRow> Score(TransactionTable table, HealthSignalFiles files, LocalDate asOf, int window, CliContext context)
    {
        var tickets = files.Tickets;
        var survey = files.Survey;
        var contracts = files.Contracts;
        var notes = files.Notes;
        var alive = files.Alive;
        var previous = files.Previous;
        RiskLexicon lexicon = files.Lexicon;

        // One summary per customer of the table, by the table's customer index (as the spend windows are).
        var summaries = new PurchaseSummary[table.CustomerCount];
        PurchaseAggregator.Summarize(table, DayNumbers.FromDate(asOf), summaries);
        (double[] previousSpend, double[] recentSpend) = SpendWindows(table, asOf, window);
        double? typicalGap = TypicalGap(summaries);

        var rows = new List<CustomerHealthRow>(summaries.Length);
        var known = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < summaries.Length; i++)
        {
            PurchaseSummary summary = summaries[i];
            if (!summary.HasPurchases)
            {
                continue;
            }

            string id = table.Customers[i].Value;
            known.Add(id);
            var signals = new CustomerHealthSignals
            {
                Cadence = Cadence(summary, asOf, typicalGap),
                SpendTrend = previousSpend[i] > 0 ? new SpendTrendSignal(previousSpend[i], recentSpend[i], window) : null,
                Tickets = tickets is null ? null : new TicketSignal(tickets.TryGetValue(id, out var ts) ? ts : [], asOf),
                Satisfaction = survey is not null && survey.TryGetValue(id, out var answers) ? Satisfaction(answers, asOf) : null,
                Renewal = contracts is not null && contracts.TryGetValue(id, out var renewals) ? Renewal(renewals, asOf) : null,
                RiskWords = notes is null ? null : RiskWordSignal.Find(lexicon, NotesInWindow(notes, id, asOf, window)),
                Alive = alive is not null && alive.TryGetValue(id, out AliveSignal pAlive) ? pAlive : null,
            };

            HealthScore score = HealthScorer.Default.Score(signals);
            HealthBand band = previous is not null && previous.TryGetValue(id, out HealthBand before)
                ? HealthBands.Default.Classify(score.Value, before)
                : HealthBands.Default.Classify(score.Value);
            rows.Add(new CustomerHealthRow(id, score, band));
        }

        NoteUnmatched(context, "--tickets", tickets?.Keys, known);
        NoteUnmatched(context, "--survey", survey?.Keys, known);
        NoteUnmatched(context, "--contracts", contracts?.Keys, known);
        NoteUnmatched(context, "--notes", notes?.Keys, known);
        NoteUnmatched(context, "--p-alive", alive?.Keys, known);
        return rows;
    }

    /// <summary>
    /// The cadence signal: days since the last purchase against the customer's own mean gap between purchase days
    /// (<see cref="PurchaseCadence"/>, the RFM early warning's computation), or the typical gap of all customers for a
    /// customer with no rhythm of their own; none when no customer has a rhythm.
    /// </summary>
    private static PurchaseCadenceSignal? Cadence(PurchaseSummary summary, LocalDate asOf, double? typicalGap)
    {
        int daysSince = Period.Between(summary.LastPurchase, asOf, PeriodUnits.Days).Days;
        PurchaseCadence cadence = PurchaseCadence.From(summary.FirstPurchase, summary.LastPurchase, summary.PurchaseDays);
        if (cadence.HasCadence)
        {
            return new PurchaseCadenceSignal(daysSince, cadence.MeanGapDays, isOwnRhythm: true);
        }

        return typicalGap is { } gap ? new PurchaseCadenceSignal(daysSince, gap, isOwnRhythm: false) : null;
    }

    /// <summary>The median of the customers' own mean gaps (the stand-in rhythm for one-time buyers), or null when none has one.</summary>
    private static double? TypicalGap(PurchaseSummary[] summaries)
    {
        var gaps = new List<double>(summaries.Length);
        foreach (PurchaseSummary s in summaries)
        {
            if (s.HasPurchases)
            {
                PurchaseCadence cadence = PurchaseCadence.From(s.FirstPurchase, s.LastPurchase, s.PurchaseDays);
                if (cadence.HasCadence)
                {
                    gaps.Add(cadence.MeanGapDays);
                }
            }
        }

        if (gaps.Count == 0)
        {
            return null;
        }

        gaps.Sort();
        int mid = gaps.Count / 2;
        return gaps.Count % 2 == 1 ? gaps[mid] : (gaps[mid - 1] + gaps[mid]) / 2;
    }

    /// <summary>
    /// Each customer's net spend in the earlier window (as-of − 2w, as-of − w] and the recent window (as-of − w, as-of],
    /// a window's net spend (refunds included) floored at 0.
    /// </summary>
    private static (double[] Previous, double[] Recent) SpendWindows(TransactionTable table, LocalDate asOf, int window)
    {
        int end = DayNumbers.FromDate(asOf);
        var previous = new decimal[table.CustomerCount];
        var recent = new decimal[table.CustomerCount];
        ReadOnlySpan<int> customers = table.CustomerIndices;
        ReadOnlySpan<int> days = table.DayNumbers;
        ReadOnlySpan<decimal> amounts = table.Amounts;
        for (int i = 0; i < table.Count; i++)
        {
            int age = end - days[i];
            if (age < 0 || age >= 2 * window)
            {
                continue;
            }

            if (age < window)
            {
                recent[customers[i]] += amounts[i];
            }
            else
            {
                previous[customers[i]] += amounts[i];
            }
        }

        return (previous.Select(x => (double)Math.Max(0m, x)).ToArray(), recent.Select(x => (double)Math.Max(0m, x)).ToArray());
    }

    /// <summary>The latest answer on or before the as-of date and the one before it (file order breaks ties of date), or null.</summary>
    private static SatisfactionSignal? Satisfaction(List<(LocalDate Date, double Score, double Min, double Max)> answers, LocalDate asOf)
    {
        var dated = answers.Select((x, i) => (x, i)).Where(t => t.x.Date <= asOf).OrderBy(t => t.x.Date).ThenBy(t => t.i).Select(t => t.x).ToList();
        if (dated.Count == 0)
        {
            return null;
        }

        var latest = dated[^1];
        double? before = null;
        if (dated.Count > 1)
        {
            var p = dated[^2];
            before = p.Min == latest.Min && p.Max == latest.Max ? p.Score : latest.Min + ((p.Score - p.Min) / (p.Max - p.Min) * (latest.Max - latest.Min));
        }

        return new SatisfactionSignal(latest.Score, before, latest.Min, latest.Max);
    }

    /// <summary>The nearest renewal on or after the as-of date, otherwise the latest one before it (overdue).</summary>
    private static RenewalSignal Renewal(List<(LocalDate Renewal, bool Engaged)> renewals, LocalDate asOf)
    {
        var upcoming = renewals.Where(r => r.Renewal >= asOf).OrderBy(r => r.Renewal).ToList();
        var chosen = upcoming.Count > 0 ? upcoming[0] : renewals.OrderBy(r => r.Renewal).Last();
        return new RenewalSignal(chosen.Renewal, asOf, chosen.Engaged);
    }

    private static IEnumerable<string> NotesInWindow(Dictionary<string, List<(LocalDate Date, string Text)>> notes, string id, LocalDate asOf, int window) =>
        notes.TryGetValue(id, out var list)
            ? list.Where(x => x.Date <= asOf && Period.Between(x.Date, asOf, PeriodUnits.Days).Days < window).Select(x => x.Text)
            : [];

    private static void NoteUnmatched(CliContext context, string option, IEnumerable<string>? ids, HashSet<string> known)
    {
        if (ids is null)
        {
            return;
        }

        int unmatched = ids.Count(id => !known.Contains(id));
        if (unmatched > 0)
        {
            context.Note($"retention: {unmatched} customer{(unmatched == 1 ? string.Empty : "s")} in {option} had no purchase on or before the as-of date and {(unmatched == 1 ? "is" : "are")} left out");
        }
    }
}
