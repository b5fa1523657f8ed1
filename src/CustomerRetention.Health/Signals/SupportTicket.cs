using NodaTime;

namespace CustomerRetention.Health;

/// <summary>How serious a support ticket or complaint is, with its points in the ticket load.</summary>
public enum TicketSeverity
{
    /// <summary>A question or a small annoyance: 1 point.</summary>
    Low = 0,

    /// <summary>Something does not work as promised: 2 points.</summary>
    Medium = 1,

    /// <summary>The customer cannot do their work: 4 points.</summary>
    High = 2,

    /// <summary>An outage, a lost order, a threat to leave: 8 points.</summary>
    Critical = 3,
}

/// <summary>Whether a contact is an ordinary support ticket or a complaint (a complaint weighs 1.5 times as much).</summary>
public enum TicketKind
{
    /// <summary>A support request, question, objection or claim.</summary>
    Ticket = 0,

    /// <summary>A complaint: the customer says they are dissatisfied.</summary>
    Complaint = 1,
}

/// <summary>One support ticket or complaint: when it was opened, how serious it is, and when (if ever) it was resolved. Immutable.</summary>
public readonly struct SupportTicket : IEquatable<SupportTicket>
{
    /// <summary>Creates the ticket.</summary>
    /// <param name="opened">The day it was opened.</param>
    /// <param name="severity">Its severity.</param>
    /// <param name="kind">Ticket or complaint.</param>
    /// <param name="resolved">The day it was resolved, or null while it is open. Range: ≥ opened.</param>
    public SupportTicket(LocalDate opened, TicketSeverity severity, TicketKind kind = TicketKind.Ticket, LocalDate? resolved = null)
    {
        Opened = opened;
        Severity = Guard.Defined(severity);
        Kind = Guard.Defined(kind);
        if (resolved is { } r && r < opened)
        {
            throw new ArgumentOutOfRangeException(nameof(resolved), r, "A ticket cannot be resolved before it was opened.");
        }

        Resolved = resolved;
    }

    /// <summary>The day it was opened.</summary>
    public LocalDate Opened { get; }

    /// <summary>Its severity.</summary>
    public TicketSeverity Severity { get; }

    /// <summary>Ticket or complaint.</summary>
    public TicketKind Kind { get; }

    /// <summary>The day it was resolved, or null while it is open.</summary>
    public LocalDate? Resolved { get; }

    /// <summary>Whether it is still open on <paramref name="asOf"/> (opened on or before, not resolved by then).</summary>
    /// <param name="asOf">The as-of date.</param>
    /// <returns>Whether it is open.</returns>
    public bool IsOpenOn(LocalDate asOf) => Opened <= asOf && (Resolved is not { } r || r > asOf);

    /// <summary>The severity's points: low 1, medium 2, high 4, critical 8.</summary>
    public int Points => 1 << (int)Severity;

    /// <inheritdoc />
    public bool Equals(SupportTicket other) =>
        Opened == other.Opened && Severity == other.Severity && Kind == other.Kind && Nullable.Equals(Resolved, other.Resolved);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SupportTicket other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Opened.GetHashCode() ^ ((int)Severity * 397) ^ ((int)Kind * 7919) ^ Resolved.GetHashCode();
}
