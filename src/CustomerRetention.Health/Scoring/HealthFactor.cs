namespace CustomerRetention.Health;

/// <summary>One component of the health score: a signal, or one of its two sides (level and change).</summary>
public enum HealthFactor
{
    /// <summary>Purchase cadence against the customer's own rhythm (<see cref="PurchaseCadenceSignal"/>).</summary>
    PurchaseCadence = 0,

    /// <summary>The model's P(alive) (<see cref="AliveSignal.LevelRisk"/>).</summary>
    Alive = 1,

    /// <summary>The fall of P(alive) since the last snapshot (<see cref="AliveSignal.DropRisk"/>).</summary>
    AliveDrop = 2,

    /// <summary>Support tickets and complaints (<see cref="TicketSignal"/>).</summary>
    Tickets = 3,

    /// <summary>The latest satisfaction or NPS answer (<see cref="SatisfactionSignal.LevelRisk"/>).</summary>
    Satisfaction = 4,

    /// <summary>The fall of the satisfaction answer since the previous one (<see cref="SatisfactionSignal.DropRisk"/>).</summary>
    SatisfactionDrop = 5,

    /// <summary>A contract or subscription renewal coming up (<see cref="RenewalSignal"/>).</summary>
    Renewal = 6,

    /// <summary>A usage or spend decline (<see cref="SpendTrendSignal"/>).</summary>
    SpendTrend = 7,

    /// <summary>Risk words in free text (<see cref="RiskWordSignal"/>).</summary>
    RiskWords = 8,
}
