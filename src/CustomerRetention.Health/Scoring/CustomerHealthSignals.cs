namespace CustomerRetention.Health;

/// <summary>
/// What is known about one customer: each signal, or null when unknown. A missing signal leaves the score
/// (its weight is left out), it is not read as "no risk". Immutable; set the known signals with an object initialiser.
/// </summary>
public sealed class CustomerHealthSignals
{
    /// <summary>Purchase cadence against the customer's own rhythm, or null.</summary>
    public PurchaseCadenceSignal? Cadence { get; init; }

    /// <summary>The model's P(alive) and its change, or null.</summary>
    public AliveSignal? Alive { get; init; }

    /// <summary>Support tickets and complaints, or null (no ticket data; an empty ticket list is a known "no trouble").</summary>
    public TicketSignal? Tickets { get; init; }

    /// <summary>The latest satisfaction or NPS answer and its change, or null.</summary>
    public SatisfactionSignal? Satisfaction { get; init; }

    /// <summary>The contract or subscription renewal, or null.</summary>
    public RenewalSignal? Renewal { get; init; }

    /// <summary>The usage or spend trend, or null.</summary>
    public SpendTrendSignal? SpendTrend { get; init; }

    /// <summary>Risk words in free text, or null (no text; text without risk words is a known "none").</summary>
    public RiskWordSignal? RiskWords { get; init; }
}
