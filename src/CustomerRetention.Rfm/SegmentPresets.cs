namespace CustomerRetention.Rfm;

/// <summary>The named segments of the presets, each with a description and a recommended action.</summary>
public static class Segments
{
    /// <summary>Bought very recently and often: the best customers.</summary>
    public static Segment Champions { get; } = new(
        "Champions",
        "Bought very recently and buy often; the best customers.",
        "Reward them: top-tier privileges, early access, surprises; ask for reviews and referrals.");

    /// <summary>Buy often and fairly recently.</summary>
    public static Segment LoyalCustomers { get; } = new(
        "Loyal Customers",
        "Buy often and fairly recently; responsive to care.",
        "Upsell higher-value products, promote to a higher tier, keep regular contact.");

    /// <summary>Recent customers with a few purchases.</summary>
    public static Segment PotentialLoyalists { get; } = new(
        "Potential Loyalists",
        "Recent customers with a few purchases.",
        "Offer membership of the loyalty programme and recommendations that build the habit.");

    /// <summary>Bought most recently, once.</summary>
    public static Segment NewCustomers { get; } = new(
        "New Customers",
        "Bought most recently, once.",
        "Welcome and onboard them; follow up after the first purchase to earn a second.");

    /// <summary>Fairly recent, one purchase.</summary>
    public static Segment Promising { get; } = new(
        "Promising",
        "Bought fairly recently, once.",
        "Build awareness with a second-purchase offer or a trial of a related product.");

    /// <summary>Average recency and frequency.</summary>
    public static Segment NeedAttention { get; } = new(
        "Need Attention",
        "Average recency and frequency: neither loyal nor lapsing yet.",
        "Limited-time offers and recommendations from past purchases; reactivate before they drift.");

    /// <summary>Below-average recency, few purchases.</summary>
    public static Segment AboutToSleep { get; } = new(
        "About To Sleep",
        "Below-average recency and few purchases: drifting away.",
        "Reconnect with useful content and popular products; a small renewal incentive.");

    /// <summary>Bought often, but long ago.</summary>
    public static Segment AtRisk { get; } = new(
        "At Risk",
        "Bought often, but not for a long time.",
        "Early warning: personal win-back contact, find the reason, offer help and a renewal.");

    /// <summary>The most frequent buyers, gone quiet.</summary>
    public static Segment CantLoseThem { get; } = new(
        "Can't Lose Them",
        "Were among the most frequent buyers, but have not returned for a long time.",
        "Win them back first: an executive call, apologise and listen, then an offer; do not lose them to a competitor.");

    /// <summary>Long ago, few purchases.</summary>
    public static Segment Hibernating { get; } = new(
        "Hibernating",
        "Last purchase long ago and few purchases.",
        "Low priority: an occasional relevant offer; do not spend much to recover them.");

    /// <summary>The R package's lowest segment.</summary>
    public static Segment Lost { get; } = new(
        "Lost",
        "Lowest recency: have not bought for the longest time.",
        "Track and count them; a reach-out campaign for the valuable ones, otherwise let go.");

    /// <summary>The R package's singular "Potential Loyalist".</summary>
    public static Segment PotentialLoyalist { get; } = new(
        "Potential Loyalist",
        "Recent customers with average frequency and spend.",
        "Offer membership of the loyalty programme and recommendations that build the habit.");

    /// <summary>The fallback of the R package's table.</summary>
    public static Segment Others { get; } = new(
        "Others",
        "Scores that no rule of the map covers.",
        "Review case by case; consider refining the segment map.");
}

/// <summary>Builds the preset maps.</summary>
internal static class SegmentPresets
{
    public static SegmentMap Default()
    {
        static SegmentRule Rule(Segment s, int r0, int r1, int f0, int f1) => new(s, new ScoreRange(r0, r1), new ScoreRange(f0, f1));

        return new SegmentMap(5, new[]
        {
            Rule(Segments.Hibernating, 1, 2, 1, 2),
            Rule(Segments.AtRisk, 1, 2, 3, 4),
            Rule(Segments.CantLoseThem, 1, 2, 5, 5),
            Rule(Segments.AboutToSleep, 3, 3, 1, 2),
            Rule(Segments.NeedAttention, 3, 3, 3, 3),
            Rule(Segments.LoyalCustomers, 3, 4, 4, 5),
            Rule(Segments.Promising, 4, 4, 1, 1),
            Rule(Segments.NewCustomers, 5, 5, 1, 1),
            Rule(Segments.PotentialLoyalists, 4, 5, 2, 3),
            Rule(Segments.Champions, 5, 5, 4, 5),
        });
    }

    public static SegmentMap RfmPackage()
    {
        // rfm 0.3 (R), rfm_segment example: segment, recency lower/upper, frequency lower/upper, monetary lower/upper.
        static SegmentRule Rule(Segment s, int r0, int r1, int f0, int f1, int m0, int m1) =>
            new(s, new ScoreRange(r0, r1), new ScoreRange(f0, f1), new ScoreRange(m0, m1));

        return new SegmentMap(
            5,
            new[]
            {
                Rule(Segments.Champions, 5, 5, 5, 5, 5, 5),
                Rule(Segments.PotentialLoyalist, 3, 5, 3, 5, 2, 5),
                Rule(Segments.LoyalCustomers, 2, 4, 2, 4, 2, 4),
                Rule(Segments.Promising, 3, 4, 1, 3, 3, 5),
                Rule(Segments.NewCustomers, 4, 5, 1, 3, 1, 5),
                Rule(Segments.CantLoseThem, 1, 2, 3, 4, 4, 5),
                Rule(Segments.AtRisk, 1, 2, 2, 5, 4, 5),
                Rule(Segments.NeedAttention, 1, 3, 3, 5, 3, 5),
                Rule(Segments.AboutToSleep, 2, 3, 1, 3, 1, 4),
                Rule(Segments.Lost, 1, 1, 1, 5, 1, 5),
            },
            Segments.Others);
    }
}
