namespace CustomerRetention.Satisfaction;

/// <summary>
/// Loyalty on 0–1, measured the two ways of the domain brief (§6): by <b>intention</b> (will the
/// customer keep buying? recommend us?) or by <b>behaviour</b> (does the customer still buy?),
/// the second suiting account-based businesses (banks, telecoms, brokers).
/// </summary>
/// <remarks>The matrices of this package (<see cref="JonesSasserMatrix"/>, <see cref="SatisfactionLoyaltyZones"/>,
/// <see cref="LoyaltyContributionMatrix"/>) take loyalty on this 0–1 scale.</remarks>
public static class Loyalty
{
    /// <summary>
    /// Intended loyalty: the mean of the repurchase and recommendation intentions, each mapped to
    /// 0–1 on its scale (Jones &amp; Sasser 1995 measure loyalty by intent to repurchase and recommend).
    /// </summary>
    /// <param name="scale">The scale of both questions.</param>
    /// <param name="repurchase">Intention to buy again. Range: on <paramref name="scale"/>.</param>
    /// <param name="recommend">Intention to recommend. Range: on <paramref name="scale"/>.</param>
    /// <returns>Loyalty in [0, 1].</returns>
    public static double FromIntention(RatingScale scale, double repurchase, double recommend)
    {
        Guard.NotNull(scale);
        scale.Validate(repurchase, nameof(repurchase));
        scale.Validate(recommend, nameof(recommend));
        return 0.5 * (scale.ToUnit(repurchase) + scale.ToUnit(recommend));
    }

    /// <summary>Behavioural loyalty: the share of the observed periods in which the customer bought.</summary>
    /// <param name="periodsActive">Periods with a purchase (or with the account open). Range: 0 ≤ periodsActive ≤ periodsObserved.</param>
    /// <param name="periodsObserved">Periods observed. Range: ≥ 1.</param>
    /// <returns>Loyalty in [0, 1].</returns>
    public static double FromBehaviour(int periodsActive, int periodsObserved)
    {
        Guard.Positive(periodsObserved);
        Guard.InRange(periodsActive, 0, periodsObserved);
        return (double)periodsActive / periodsObserved;
    }
}

/// <summary>The zone of the satisfaction–loyalty curve.</summary>
public enum SatisfactionZone
{
    /// <summary>Zone of defection: dissatisfied (1–2 on 1–5); loyalty is low.</summary>
    Defection = 0,

    /// <summary>Zone of indifference: neutral to satisfied (3–4 on 1–5); loyalty is modest and easily lost.</summary>
    Indifference = 1,

    /// <summary>Zone of affection: very satisfied (5 on 1–5); loyalty rises steeply.</summary>
    Affection = 2,
}

/// <summary>The extremes at the ends of the satisfaction–loyalty curve and of Jones &amp; Sasser's matrix.</summary>
public enum LoyaltyExtreme
{
    /// <summary>Neither extreme.</summary>
    None = 0,

    /// <summary>Very dissatisfied and disloyal: spreads bad word of mouth.</summary>
    Terrorist = 1,

    /// <summary>Very satisfied and loyal: recommends the firm to others.</summary>
    Apostle = 2,
}

/// <summary>Where one respondent falls on the satisfaction–loyalty curve: a zone, and possibly an extreme.</summary>
/// <param name="Zone">The zone (exactly one).</param>
/// <param name="Extreme">Terrorist, apostle, or none.</param>
public readonly record struct ZonePlacement(SatisfactionZone Zone, LoyaltyExtreme Extreme);

/// <summary>
/// The satisfaction–loyalty curve of Jones &amp; Sasser (1995) and Heskett et al. (1994): on a 1–5
/// satisfaction scale, the zones of defection, indifference and affection, with "terrorists" at the
/// bottom and "apostles" at the top.
/// </summary>
/// <remarks>
/// <para>The source names the zones by answer (defection 1–2, indifference 3–4, affection 5) but gives
/// no numeric cut-offs for means or for the extremes. The defaults are this library's documented
/// reading of the curve: the zone boundaries halfway between answers (a mean below 2.5 is
/// defection, from 4.5 affection), so whole answers fall exactly as the source says; a
/// <b>terrorist</b> is in the defection zone with satisfaction below 1.5 (answered 1, very
/// dissatisfied) and loyalty at most 0.2; an <b>apostle</b> is in the affection zone with loyalty at
/// least 0.8. Change any of them through the constructor.</para>
/// <para>Sources: T. O. Jones &amp; W. E. Sasser (1995), "Why Satisfied Customers Defect", <i>Harvard
/// Business Review</i> 73(6), 88–99; J. L. Heskett et al. (1994), "Putting the Service-Profit Chain
/// to Work", <i>HBR</i> 72(2). Immutable and thread-safe.</para>
/// </remarks>
public sealed class SatisfactionLoyaltyZones
{
    /// <summary>Creates zones with thresholds on <paramref name="scale"/>.</summary>
    /// <param name="scale">The satisfaction scale.</param>
    /// <param name="indifferenceFrom">Lowest satisfaction of the zone of indifference. Range: on the scale.</param>
    /// <param name="affectionFrom">Lowest satisfaction of the zone of affection. Range: on the scale, ≥ <paramref name="indifferenceFrom"/>.</param>
    /// <param name="terroristBelow">A terrorist's satisfaction is below this. Range: on the scale, ≤ <paramref name="indifferenceFrom"/>.</param>
    /// <param name="terroristLoyaltyAtMost">A terrorist's loyalty is at most this. Range: 0–1.</param>
    /// <param name="apostleLoyaltyFrom">An apostle's loyalty is at least this (and satisfaction in the zone of affection). Range: 0–1.</param>
    public SatisfactionLoyaltyZones(
        RatingScale scale,
        double indifferenceFrom = 2.5,
        double affectionFrom = 4.5,
        double terroristBelow = 1.5,
        double terroristLoyaltyAtMost = 0.2,
        double apostleLoyaltyFrom = 0.8)
    {
        Scale = Guard.NotNull(scale);
        IndifferenceFrom = scale.Validate(indifferenceFrom, nameof(indifferenceFrom));
        AffectionFrom = scale.Validate(affectionFrom, nameof(affectionFrom));
        if (affectionFrom < indifferenceFrom)
        {
            throw new ArgumentOutOfRangeException(nameof(affectionFrom), affectionFrom, "The zone of affection must start at or above the zone of indifference.");
        }

        TerroristBelow = scale.Validate(terroristBelow, nameof(terroristBelow));
        if (terroristBelow > indifferenceFrom)
        {
            throw new ArgumentOutOfRangeException(nameof(terroristBelow), terroristBelow, "Terrorists lie in the zone of defection.");
        }

        TerroristLoyaltyAtMost = Guard.Probability(terroristLoyaltyAtMost);
        ApostleLoyaltyFrom = Guard.Probability(apostleLoyaltyFrom);
    }

    /// <summary>The defaults on the 1–5 scale: 2.5, 4.5, terrorist below 1.5 with loyalty ≤ 0.2, apostle with loyalty ≥ 0.8.</summary>
    public static SatisfactionLoyaltyZones Default { get; } = new(RatingScale.FivePoint);

    /// <summary>The satisfaction scale.</summary>
    public RatingScale Scale { get; }

    /// <summary>Lowest satisfaction of the zone of indifference (default 2.5).</summary>
    public double IndifferenceFrom { get; }

    /// <summary>Lowest satisfaction of the zone of affection (default 4.5).</summary>
    public double AffectionFrom { get; }

    /// <summary>A terrorist's satisfaction is below this (default 1.5).</summary>
    public double TerroristBelow { get; }

    /// <summary>A terrorist's loyalty is at most this (default 0.2).</summary>
    public double TerroristLoyaltyAtMost { get; }

    /// <summary>An apostle's loyalty is at least this (default 0.8).</summary>
    public double ApostleLoyaltyFrom { get; }

    /// <summary>The zone of a satisfaction value.</summary>
    /// <param name="satisfaction">Range: on the scale.</param>
    public SatisfactionZone Zone(double satisfaction)
    {
        Scale.Validate(satisfaction, nameof(satisfaction));
        return satisfaction >= AffectionFrom ? SatisfactionZone.Affection
            : satisfaction >= IndifferenceFrom ? SatisfactionZone.Indifference
            : SatisfactionZone.Defection;
    }

    /// <summary>The zone and extreme of a respondent.</summary>
    /// <param name="satisfaction">Range: on the scale.</param>
    /// <param name="loyalty">Loyalty (<see cref="Loyalty"/>). Range: 0–1.</param>
    public ZonePlacement Classify(double satisfaction, double loyalty)
    {
        SatisfactionZone zone = Zone(satisfaction);
        Guard.Probability(loyalty);
        LoyaltyExtreme extreme =
            zone == SatisfactionZone.Affection && loyalty >= ApostleLoyaltyFrom ? LoyaltyExtreme.Apostle
            : satisfaction < TerroristBelow && loyalty <= TerroristLoyaltyAtMost ? LoyaltyExtreme.Terrorist
            : LoyaltyExtreme.None;
        return new ZonePlacement(zone, extreme);
    }
}

/// <summary>The four quadrants of Jones &amp; Sasser's satisfaction × loyalty matrix.</summary>
public enum JonesSasserQuadrant
{
    /// <summary>Low satisfaction, low loyalty (the extreme: terrorist).</summary>
    Defector = 0,

    /// <summary>Low satisfaction, high loyalty: held by switching barriers, leaves when they fall.</summary>
    Hostage = 1,

    /// <summary>High satisfaction, low loyalty: chases the best deal.</summary>
    Mercenary = 2,

    /// <summary>High satisfaction, high loyalty (the extreme: apostle).</summary>
    Loyalist = 3,
}

/// <summary>Where one respondent falls in Jones &amp; Sasser's matrix.</summary>
/// <param name="Quadrant">The quadrant (exactly one).</param>
/// <param name="Extreme">Apostle (an extreme loyalist), terrorist (an extreme defector) or none.</param>
public readonly record struct JonesSasserPlacement(JonesSasserQuadrant Quadrant, LoyaltyExtreme Extreme);

/// <summary>
/// Jones &amp; Sasser's (1995) matrix of satisfaction × loyalty: loyalist/apostle, mercenary, hostage,
/// defector/terrorist. Loyalty on 0–1 by intention (repurchase, recommendation) or behaviour
/// (<see cref="Loyalty"/>).
/// </summary>
/// <remarks>
/// Defaults (the paper draws the quadrants without numbers; Jones &amp; Sasser stress that only
/// "completely satisfied" customers are secure): satisfaction is high from 4 on 1–5 (satisfied or
/// very satisfied), loyalty high from 0.5; an apostle is a loyalist answering the top of the
/// scale with loyalty ≥ 0.8; a terrorist a defector answering the bottom with loyalty ≤ 0.2.
/// Source: T. O. Jones &amp; W. E. Sasser (1995), "Why Satisfied Customers Defect", <i>HBR</i> 73(6),
/// exhibit "Four types of customer behavior". Immutable and thread-safe.
/// </remarks>
public sealed class JonesSasserMatrix
{
    /// <summary>Creates the matrix.</summary>
    /// <param name="scale">The satisfaction scale.</param>
    /// <param name="satisfactionHighFrom">Satisfaction counts as high from this value. Range: on the scale.</param>
    /// <param name="loyaltyHighFrom">Loyalty counts as high from this value. Range: 0–1.</param>
    /// <param name="apostleLoyaltyFrom">A loyalist at the top of the scale with at least this loyalty is an apostle. Range: ≥ <paramref name="loyaltyHighFrom"/>, ≤ 1.</param>
    /// <param name="terroristLoyaltyAtMost">A defector at the bottom of the scale with at most this loyalty is a terrorist. Range: 0 ≤ value &lt; <paramref name="loyaltyHighFrom"/>.</param>
    public JonesSasserMatrix(RatingScale scale, double satisfactionHighFrom = 4, double loyaltyHighFrom = 0.5, double apostleLoyaltyFrom = 0.8, double terroristLoyaltyAtMost = 0.2)
    {
        Scale = Guard.NotNull(scale);
        SatisfactionHighFrom = scale.Validate(satisfactionHighFrom, nameof(satisfactionHighFrom));
        LoyaltyHighFrom = Guard.Probability(loyaltyHighFrom);
        ApostleLoyaltyFrom = Guard.InRange(apostleLoyaltyFrom, loyaltyHighFrom, 1.0);
        Guard.Probability(terroristLoyaltyAtMost);
        if (terroristLoyaltyAtMost >= loyaltyHighFrom)
        {
            throw new ArgumentOutOfRangeException(nameof(terroristLoyaltyAtMost), terroristLoyaltyAtMost, "A terrorist's loyalty must be below the high-loyalty threshold.");
        }

        TerroristLoyaltyAtMost = terroristLoyaltyAtMost;
    }

    /// <summary>The defaults on the 1–5 scale: satisfaction high from 4, loyalty high from 0.5, apostle ≥ 0.8, terrorist ≤ 0.2.</summary>
    public static JonesSasserMatrix Default { get; } = new(RatingScale.FivePoint);

    /// <summary>The satisfaction scale.</summary>
    public RatingScale Scale { get; }

    /// <summary>Satisfaction counts as high from this value (default 4).</summary>
    public double SatisfactionHighFrom { get; }

    /// <summary>Loyalty counts as high from this value (default 0.5).</summary>
    public double LoyaltyHighFrom { get; }

    /// <summary>Apostle: loyalist at the scale's top with loyalty at least this (default 0.8).</summary>
    public double ApostleLoyaltyFrom { get; }

    /// <summary>Terrorist: defector at the scale's bottom with loyalty at most this (default 0.2).</summary>
    public double TerroristLoyaltyAtMost { get; }

    /// <summary>The quadrant and extreme of a respondent.</summary>
    /// <param name="satisfaction">Range: on the scale.</param>
    /// <param name="loyalty">Range: 0–1.</param>
    public JonesSasserPlacement Classify(double satisfaction, double loyalty)
    {
        Scale.Validate(satisfaction, nameof(satisfaction));
        Guard.Probability(loyalty);
        bool highS = satisfaction >= SatisfactionHighFrom;
        bool highL = loyalty >= LoyaltyHighFrom;
        JonesSasserQuadrant q = highS
            ? (highL ? JonesSasserQuadrant.Loyalist : JonesSasserQuadrant.Mercenary)
            : (highL ? JonesSasserQuadrant.Hostage : JonesSasserQuadrant.Defector);
        LoyaltyExtreme extreme =
            q == JonesSasserQuadrant.Loyalist && satisfaction >= Scale.Maximum && loyalty >= ApostleLoyaltyFrom ? LoyaltyExtreme.Apostle
            : q == JonesSasserQuadrant.Defector && satisfaction <= Scale.Minimum && loyalty <= TerroristLoyaltyAtMost ? LoyaltyExtreme.Terrorist
            : LoyaltyExtreme.None;
        return new JonesSasserPlacement(q, extreme);
    }
}

/// <summary>Dick &amp; Basu's four kinds of loyalty.</summary>
public enum DickBasuLoyalty
{
    /// <summary>Low relative attitude, low repeat patronage.</summary>
    NoLoyalty = 0,

    /// <summary>Low relative attitude, high repeat patronage: habit, convenience or lock-in.</summary>
    Spurious = 1,

    /// <summary>High relative attitude, low repeat patronage: held back by price, access or norms.</summary>
    Latent = 2,

    /// <summary>High relative attitude, high repeat patronage.</summary>
    True = 3,
}

/// <summary>
/// Dick &amp; Basu's (1994) loyalty matrix: relative attitude × repeat patronage → true, latent,
/// spurious or no loyalty. Both inputs on 0–1 (an attitude score mapped to 0–1 relative to the
/// alternatives; patronage as share of category purchases or a repeat rate).
/// </summary>
/// <remarks>
/// Defaults: both high from 0.5 (the paper's matrix is two-by-two without cut-offs).
/// Source: A. S. Dick &amp; K. Basu (1994), "Customer Loyalty: Toward an Integrated Conceptual
/// Framework", <i>Journal of the Academy of Marketing Science</i> 22(2), 99–113, Figure 2.
/// Immutable and thread-safe.
/// </remarks>
public sealed class DickBasuMatrix
{
    /// <summary>Creates the matrix.</summary>
    /// <param name="attitudeHighFrom">Relative attitude counts as high from this value. Range: 0–1.</param>
    /// <param name="patronageHighFrom">Repeat patronage counts as high from this value. Range: 0–1.</param>
    public DickBasuMatrix(double attitudeHighFrom = 0.5, double patronageHighFrom = 0.5)
    {
        AttitudeHighFrom = Guard.Probability(attitudeHighFrom);
        PatronageHighFrom = Guard.Probability(patronageHighFrom);
    }

    /// <summary>Both thresholds at 0.5.</summary>
    public static DickBasuMatrix Default { get; } = new();

    /// <summary>Relative attitude counts as high from this value (default 0.5).</summary>
    public double AttitudeHighFrom { get; }

    /// <summary>Repeat patronage counts as high from this value (default 0.5).</summary>
    public double PatronageHighFrom { get; }

    /// <summary>The kind of loyalty.</summary>
    /// <param name="relativeAttitude">Range: 0–1.</param>
    /// <param name="repeatPatronage">Range: 0–1.</param>
    public DickBasuLoyalty Classify(double relativeAttitude, double repeatPatronage)
    {
        Guard.Probability(relativeAttitude);
        Guard.Probability(repeatPatronage);
        bool attitude = relativeAttitude >= AttitudeHighFrom;
        bool patronage = repeatPatronage >= PatronageHighFrom;
        return attitude
            ? (patronage ? DickBasuLoyalty.True : DickBasuLoyalty.Latent)
            : (patronage ? DickBasuLoyalty.Spurious : DickBasuLoyalty.NoLoyalty);
    }
}
