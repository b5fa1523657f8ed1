namespace CustomerRetention.Relationships;

/// <summary>The lock-in levers of the domain brief §5, plus the relationship itself, which feeds the relational family.</summary>
public enum LockInLever
{
    /// <summary>Habit and path dependence: the customer used to one taste does not switch (measured by the regularity of purchase intervals).</summary>
    Habit = 0,

    /// <summary>Product penetration: more products and more categories held.</summary>
    ProductPenetration = 1,

    /// <summary>Policy bundling: the future tied by contract (months left) and points redeemable only in the scheme.</summary>
    PolicyBundling = 2,

    /// <summary>The relationship (personal and brand), e.g. the trust stage over 4; optional.</summary>
    Relationship = 3,
}

/// <summary>The three families of switching costs of Burnham, Frels &amp; Mahajan (2003), "Consumer switching costs: a typology, antecedents, and consequences", JAMS 31(2).</summary>
public enum SwitchingCostFamily
{
    /// <summary>Procedural: economic risk, evaluation, learning and setup costs (time and effort).</summary>
    Procedural = 0,

    /// <summary>Financial: benefit loss and monetary loss.</summary>
    Financial = 1,

    /// <summary>Relational: personal relationship loss and brand relationship loss.</summary>
    Relational = 2,
}

/// <summary>The eight switching-cost types of Burnham, Frels &amp; Mahajan (2003), each in one <see cref="SwitchingCostFamily"/>.</summary>
public enum SwitchingCostType
{
    /// <summary>Procedural: the risk of a worse outcome with an unknown provider.</summary>
    EconomicRisk = 0,

    /// <summary>Procedural: the time and effort of searching and evaluating.</summary>
    Evaluation = 1,

    /// <summary>Procedural: the time and effort of learning a new provider's ways.</summary>
    Learning = 2,

    /// <summary>Procedural: the time and effort of setting up with a new provider.</summary>
    Setup = 3,

    /// <summary>Financial: benefits given up (points, discounts, status).</summary>
    BenefitLoss = 4,

    /// <summary>Financial: one-off money lost (fees, penalties, new deposits).</summary>
    MonetaryLoss = 5,

    /// <summary>Relational: losing the people one deals with.</summary>
    PersonalRelationshipLoss = 6,

    /// <summary>Relational: losing the identification with the brand.</summary>
    BrandRelationshipLoss = 7,
}

/// <summary>The lock-in types of Shapiro &amp; Varian (1999), "Information Rules", ch. 5, Table 5.1.</summary>
public enum LockInType
{
    /// <summary>Contractual commitments (damages, penalties).</summary>
    Contracts = 0,

    /// <summary>Durable purchases (equipment that would be replaced).</summary>
    DurablePurchases = 1,

    /// <summary>Brand-specific training.</summary>
    BrandSpecificTraining = 2,

    /// <summary>Information and databases (conversion of data).</summary>
    InformationAndDatabases = 3,

    /// <summary>Specialised suppliers.</summary>
    SpecialisedSuppliers = 4,

    /// <summary>Search costs.</summary>
    SearchCosts = 5,

    /// <summary>Loyalty programmes (rewards lost by switching).</summary>
    LoyaltyProgrammes = 6,
}

/// <summary>How the typologies of switching costs relate.</summary>
public static class SwitchingCostTypes
{
    /// <summary>The family of a Burnham, Frels &amp; Mahajan (2003) switching-cost type.</summary>
    /// <param name="type">A defined type.</param>
    /// <returns>Procedural for the first four, financial for benefit and monetary loss, relational for the last two.</returns>
    public static SwitchingCostFamily FamilyOf(SwitchingCostType type) => Guard.Defined(type) switch
    {
        SwitchingCostType.BenefitLoss or SwitchingCostType.MonetaryLoss => SwitchingCostFamily.Financial,
        SwitchingCostType.PersonalRelationshipLoss or SwitchingCostType.BrandRelationshipLoss => SwitchingCostFamily.Relational,
        _ => SwitchingCostFamily.Procedural,
    };

    /// <summary>
    /// The Burnham family a Shapiro &amp; Varian lock-in type mostly falls in (this library's reading):
    /// contracts, durable purchases and loyalty programmes are financial; training, data and search procedural;
    /// specialised suppliers relational.
    /// </summary>
    /// <param name="type">A defined lock-in type.</param>
    /// <returns>The family.</returns>
    public static SwitchingCostFamily FamilyOf(LockInType type) => Guard.Defined(type) switch
    {
        LockInType.Contracts or LockInType.DurablePurchases or LockInType.LoyaltyProgrammes => SwitchingCostFamily.Financial,
        LockInType.SpecialisedSuppliers => SwitchingCostFamily.Relational,
        _ => SwitchingCostFamily.Procedural,
    };
}
