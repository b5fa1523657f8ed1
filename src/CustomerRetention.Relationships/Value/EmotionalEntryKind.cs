namespace CustomerRetention.Relationships;

/// <summary>
/// What happened in an entry of the <see cref="EmotionalAccount"/>: the six deposits and four
/// withdrawals named in the domain brief (§1, after the "emotional bank account" of relationship
/// selling). <see cref="EmotionalEntryKinds.IsDeposit(EmotionalEntryKind)"/> tells which is which.
/// </summary>
public enum EmotionalEntryKind
{
    /// <summary>Deposit: seeking to understand the customer first.</summary>
    UnderstandingFirst = 0,

    /// <summary>Deposit: courtesy, attention to small things.</summary>
    Courtesy = 1,

    /// <summary>Deposit: a promise kept.</summary>
    KeptPromise = 2,

    /// <summary>Deposit: the customer's expectations met (made clear and then fulfilled).</summary>
    MetExpectations = 3,

    /// <summary>Deposit: a mistake admitted sincerely.</summary>
    AdmittedMistake = 4,

    /// <summary>Deposit: feedback accepted.</summary>
    AcceptedFeedback = 5,

    /// <summary>Withdrawal: arrogance, disrespect.</summary>
    Arrogance = 100,

    /// <summary>Withdrawal: a promise broken.</summary>
    BrokenPromise = 101,

    /// <summary>Withdrawal: deceit.</summary>
    Deceit = 102,

    /// <summary>Withdrawal: resisting or dismissing feedback.</summary>
    ResistedFeedback = 103,
}

/// <summary>Facts about <see cref="EmotionalEntryKind"/> values.</summary>
public static class EmotionalEntryKinds
{
    /// <summary>Whether <paramref name="kind"/> is a deposit (true) or a withdrawal (false).</summary>
    /// <param name="kind">A defined kind.</param>
    /// <returns>True for the six deposit kinds.</returns>
    public static bool IsDeposit(EmotionalEntryKind kind) => (int)Guard.Defined(kind) < 100;
}
