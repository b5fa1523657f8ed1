using NodaTime;

namespace CustomerRetention.Relationships;

/// <summary>
/// One deposit into or withdrawal from an <see cref="EmotionalAccount"/>: when, what, and how many
/// points. <see cref="Points"/> is a magnitude; its sign comes from the kind (<see cref="SignedPoints"/>).
/// </summary>
public readonly record struct EmotionalEntry
{
    /// <summary>Creates an entry.</summary>
    /// <param name="date">The day it happened.</param>
    /// <param name="kind">What happened (a defined kind).</param>
    /// <param name="points">Its weight. Range: points &gt; 0, finite.</param>
    public EmotionalEntry(LocalDate date, EmotionalEntryKind kind, double points)
    {
        Date = date;
        Kind = Guard.Defined(kind);
        Points = Guard.Positive(points);
    }

    /// <summary>The day it happened.</summary>
    public LocalDate Date { get; }

    /// <summary>What happened.</summary>
    public EmotionalEntryKind Kind { get; }

    /// <summary>The weight of the entry, a positive magnitude.</summary>
    public double Points { get; }

    /// <summary>Whether the entry is a deposit.</summary>
    public bool IsDeposit => EmotionalEntryKinds.IsDeposit(Kind);

    /// <summary>+<see cref="Points"/> for a deposit, −<see cref="Points"/> for a withdrawal.</summary>
    public double SignedPoints => IsDeposit ? Points : -Points;
}

/// <summary>The state of an <see cref="EmotionalAccount"/> at the end of one day that has entries.</summary>
/// <param name="Date">The day.</param>
/// <param name="Deposits">The points deposited that day.</param>
/// <param name="Withdrawals">The points withdrawn that day (a positive number).</param>
/// <param name="Balance">The balance at the end of the day: all deposits minus all withdrawals up to and including it.</param>
public readonly record struct EmotionalBalance(LocalDate Date, double Deposits, double Withdrawals, double Balance);
