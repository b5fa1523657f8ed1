namespace CustomerRetention.Relationships;

/// <summary>
/// What a customer tier is given (domain brief §2, "value-added service by tier": surprise the top
/// tier with a VIP service hotline, a green channel, exclusive product packages, early access,
/// invitations and gifts). Flags: a tier holds several.
/// </summary>
[Flags]
public enum Privilege
{
    /// <summary>No privilege.</summary>
    None = 0,

    /// <summary>A dedicated VIP service hotline.</summary>
    VipHotline = 1,

    /// <summary>A "green channel": a fast lane past the ordinary queue.</summary>
    GreenChannel = 2,

    /// <summary>Exclusive product packages.</summary>
    ExclusivePackage = 4,

    /// <summary>Early access to new products.</summary>
    EarlyAccess = 8,

    /// <summary>Gifts.</summary>
    Gifts = 16,

    /// <summary>Invitations to customer events.</summary>
    Events = 32,

    /// <summary>Every privilege above.</summary>
    All = VipHotline | GreenChannel | ExclusivePackage | EarlyAccess | Gifts | Events,
}

/// <summary>The value measure a <see cref="TierScheme"/> grades customers by (domain brief §2: classify customers).</summary>
public enum TierMeasure
{
    /// <summary>Revenue over a period (e.g. the last 12 months).</summary>
    Revenue = 0,

    /// <summary>Customer lifetime value.</summary>
    Clv = 1,

    /// <summary>An RFM score (e.g. the sum R + F + M of 1..5 scores, 3..15).</summary>
    RfmScore = 2,

    /// <summary>Any other numeric measure the caller defines.</summary>
    Other = 3,
}
