using System.Globalization;
using NodaTime;

namespace CustomerRetention.Health;

/// <summary>
/// Support tickets and complaints at a touchpoint after the sale, seen on an as-of date: how many are open,
/// how old and how serious they are, and how many were resolved recently. Immutable.
/// </summary>
/// <remarks>
/// <para>Scale: the ticket load, a sum of points (tickets opened after the as-of date are ignored):</para>
/// <list type="bullet">
/// <item>an open ticket: points × (1 + min(age in days, 90) / 30) — an open ticket weighs more every month it stays open, up to 4× after 90 days;</item>
/// <item>a ticket resolved within the last 90 days: points × 0.5 — recent trouble, even if fixed;</item>
/// <item>an older resolved ticket: 0;</item>
/// </list>
/// <para>with points low 1, medium 2, high 4, critical 8, and a complaint counting 1.5 times. Risk: r = L / (L + h) with
/// h = <see cref="HealthThresholds.TicketHalfRiskLoad"/> (default 6: e.g. one high-severity ticket open for 15 days is risk 0.5).
/// More tickets, older open tickets, higher severity and leaving a ticket unresolved never lower the load.</para>
/// </remarks>
public sealed class TicketSignal
{
    /// <summary>Days after which an open ticket's age stops adding weight, and within which a resolved ticket still counts.</summary>
    public const int WindowDays = 90;

    private readonly SupportTicket[] _tickets;

    /// <summary>Creates the signal.</summary>
    /// <param name="tickets">The customer's tickets and complaints (any dates; those opened after <paramref name="asOf"/> are ignored).</param>
    /// <param name="asOf">The as-of date.</param>
    public TicketSignal(IEnumerable<SupportTicket> tickets, LocalDate asOf)
    {
        Guard.NotNull(tickets);
        _tickets = tickets.Where(t => t.Opened <= asOf).ToArray();
        AsOf = asOf;
        double load = 0;
        foreach (SupportTicket t in _tickets)
        {
            load += LoadOf(t, asOf);
        }

        Load = load;
    }

    /// <summary>The tickets opened on or before the as-of date.</summary>
    public IReadOnlyList<SupportTicket> Tickets => _tickets;

    /// <summary>The as-of date.</summary>
    public LocalDate AsOf { get; }

    /// <summary>The ticket load (see the remarks).</summary>
    public double Load { get; }

    /// <summary>Tickets open on the as-of date.</summary>
    public int OpenCount => _tickets.Count(t => t.IsOpenOn(AsOf));

    /// <summary>Complaints open on the as-of date.</summary>
    public int OpenComplaints => _tickets.Count(t => t.IsOpenOn(AsOf) && t.Kind == TicketKind.Complaint);

    /// <summary>Tickets resolved within the last <see cref="WindowDays"/> days.</summary>
    public int RecentlyResolved => _tickets.Count(t => !t.IsOpenOn(AsOf) && AgeDays(t.Resolved!.Value, AsOf) < WindowDays);

    /// <summary>The load of one ticket on <paramref name="asOf"/> (see the remarks).</summary>
    /// <param name="ticket">The ticket.</param>
    /// <param name="asOf">The as-of date.</param>
    /// <returns>Its load, ≥ 0.</returns>
    public static double LoadOf(SupportTicket ticket, LocalDate asOf)
    {
        if (ticket.Opened > asOf)
        {
            return 0;
        }

        double points = ticket.Points * (ticket.Kind == TicketKind.Complaint ? 1.5 : 1.0);
        if (ticket.IsOpenOn(asOf))
        {
            return points * (1.0 + (Math.Min(AgeDays(ticket.Opened, asOf), WindowDays) / 30.0));
        }

        return AgeDays(ticket.Resolved!.Value, asOf) < WindowDays ? points * 0.5 : 0;
    }

    /// <summary>The risk L / (L + h).</summary>
    /// <param name="thresholds">The thresholds.</param>
    /// <returns>The risk in [0, 1).</returns>
    public double Risk(HealthThresholds thresholds)
    {
        Guard.NotNull(thresholds);
        return Load / (Load + thresholds.TicketHalfRiskLoad);
    }

    /// <summary>The reason in words, e.g. "2 open tickets (1 complaint), oldest 45 days, highest severity high; 1 resolved in the last 90 days".</summary>
    /// <returns>The reason.</returns>
    public string Describe()
    {
        var open = _tickets.Where(t => t.IsOpenOn(AsOf)).ToList();
        var parts = new List<string>(2);
        if (open.Count > 0)
        {
            int complaints = open.Count(t => t.Kind == TicketKind.Complaint);
            int oldest = open.Max(t => AgeDays(t.Opened, AsOf));
            TicketSeverity worst = open.Max(t => t.Severity);
            parts.Add(string.Format(
                CultureInfo.InvariantCulture,
                "{0} open ticket{1}{2}, oldest {3} days, highest severity {4}",
                open.Count,
                open.Count == 1 ? string.Empty : "s",
                complaints > 0 ? string.Format(CultureInfo.InvariantCulture, " ({0} complaint{1})", complaints, complaints == 1 ? string.Empty : "s") : string.Empty,
                oldest,
                worst.ToString().ToLowerInvariant()));
        }

        int recent = RecentlyResolved;
        if (recent > 0)
        {
            parts.Add(string.Format(CultureInfo.InvariantCulture, "{0} ticket{1} resolved in the last {2} days", recent, recent == 1 ? string.Empty : "s", WindowDays));
        }

        return parts.Count == 0 ? "no recent tickets" : string.Join(", ", parts);
    }

    private static int AgeDays(LocalDate from, LocalDate to) => Period.Between(from, to, PeriodUnits.Days).Days;
}
