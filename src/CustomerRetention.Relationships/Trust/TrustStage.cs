namespace CustomerRetention.Relationships;

/// <summary>
/// Where a relationship stands on the road from stranger to trust (domain brief §1): the customer
/// moves through accept → like → trust → depend. The stages are ordered; the default is
/// <see cref="Stranger"/>. A <see cref="TrustTracker"/> moves one stage at a time.
/// </summary>
public enum TrustStage
{
    /// <summary>No relationship yet: the customer is on guard.</summary>
    Stranger = 0,

    /// <summary>Stage 1 reached, the customer accepts contact: neutral wording, an identity the customer can place, a concrete benefit.</summary>
    GuardLowered = 1,

    /// <summary>Stage 2 reached, the customer likes the seller: reciprocity (giving first) and liking (appearance, praise, similarity).</summary>
    Favour = 2,

    /// <summary>Stage 3 reached, the customer trusts the seller: expertise and authority, social proof, diagnostic questions.</summary>
    Trust = 3,

    /// <summary>The customer depends on the seller: comes back of their own accord and asks for advice.</summary>
    Dependence = 4,
}

/// <summary>
/// What the seller did or the customer showed in an interaction — the evidence that moves a
/// <see cref="TrustTracker"/> (domain brief §1). Flags: one interaction may carry several.
/// </summary>
[Flags]
public enum TrustSignal
{
    /// <summary>No evidence.</summary>
    None = 0,

    /// <summary>Lowering the guard: neutral wording (no pressure, no jargon).</summary>
    NeutralWording = 1 << 0,

    /// <summary>Lowering the guard: an identity and a relationship the customer can place (a referral, a shared acquaintance).</summary>
    PlaceableIdentity = 1 << 1,

    /// <summary>Lowering the guard: a concrete benefit for the customer.</summary>
    ConcreteBenefit = 1 << 2,

    /// <summary>Winning favour, reciprocity: the seller gave first.</summary>
    GaveFirst = 1 << 3,

    /// <summary>Winning favour, liking: appearance.</summary>
    Appearance = 1 << 4,

    /// <summary>Winning favour, liking: sincere praise.</summary>
    Praise = 1 << 5,

    /// <summary>Winning favour, liking: similarity — one of the "six sames" (served, studied or played together, home town, trade, clan).</summary>
    Similarity = 1 << 6,

    /// <summary>Earning trust: expertise and authority shown.</summary>
    Expertise = 1 << 7,

    /// <summary>Earning trust: social proof (customer counts, reference customers).</summary>
    SocialProof = 1 << 8,

    /// <summary>Earning trust: diagnostic questions on the customer's pain points.</summary>
    DiagnosticQuestions = 1 << 9,

    /// <summary>Dependence: the customer came back of their own accord (a repeat purchase unprompted).</summary>
    ReturnedUnprompted = 1 << 10,

    /// <summary>Dependence: the customer asked the seller for advice before deciding.</summary>
    SoughtAdvice = 1 << 11,
}
