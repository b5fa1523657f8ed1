using NodaTime;

namespace CustomerRetention.Health;

/// <summary>One thing done to keep a customer: when, what, and an optional note. Immutable.</summary>
public sealed class Intervention
{
    /// <summary>Creates the intervention.</summary>
    /// <param name="date">When it was done.</param>
    /// <param name="action">What was done, e.g. "call from the account manager", "compensation". Range: not empty.</param>
    /// <param name="note">An optional note.</param>
    public Intervention(LocalDate date, string action, string? note = null)
    {
        Date = date;
        Action = Guard.NotNullOrWhiteSpace(action);
        Note = note;
    }

    /// <summary>When it was done.</summary>
    public LocalDate Date { get; }

    /// <summary>What was done.</summary>
    public string Action { get; }

    /// <summary>An optional note.</summary>
    public string? Note { get; }
}
