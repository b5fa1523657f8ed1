namespace CustomerRetention.Relationships;

/// <summary>
/// The lever scores of one customer, each in [0, 1], as measured by <see cref="LockIn.Habit(IEnumerable{NodaTime.LocalDate})"/>,
/// <see cref="LockIn.Penetration(int, int, int, int)"/> and <see cref="LockIn.Bundling"/>; the relationship score is optional.
/// </summary>
public readonly record struct LockInLevers
{
    /// <summary>Creates the lever scores.</summary>
    /// <param name="habit">Habit score. Range: 0 ≤ s ≤ 1.</param>
    /// <param name="productPenetration">Product-penetration score. Range: 0 ≤ s ≤ 1.</param>
    /// <param name="policyBundling">Policy-bundling score. Range: 0 ≤ s ≤ 1.</param>
    /// <param name="relationship">Relationship score (e.g. trust stage ÷ 4), or null when not measured: the relational family then drops out. Range: 0 ≤ s ≤ 1.</param>
    public LockInLevers(double habit, double productPenetration, double policyBundling, double? relationship = null)
    {
        Habit = Guard.Probability(habit);
        ProductPenetration = Guard.Probability(productPenetration);
        PolicyBundling = Guard.Probability(policyBundling);
        Relationship = relationship is { } r ? Guard.Probability(r, nameof(relationship)) : null;
    }

    /// <summary>Habit score in [0, 1].</summary>
    public double Habit { get; }

    /// <summary>Product-penetration score in [0, 1].</summary>
    public double ProductPenetration { get; }

    /// <summary>Policy-bundling score in [0, 1].</summary>
    public double PolicyBundling { get; }

    /// <summary>Relationship score in [0, 1], or null when not measured.</summary>
    public double? Relationship { get; }

    /// <summary>The score of <paramref name="lever"/> (0 for an unmeasured relationship).</summary>
    /// <param name="lever">A defined lever.</param>
    /// <returns>The score.</returns>
    public double Of(LockInLever lever) => Guard.Defined(lever) switch
    {
        LockInLever.Habit => Habit,
        LockInLever.ProductPenetration => ProductPenetration,
        LockInLever.PolicyBundling => PolicyBundling,
        _ => Relationship ?? 0.0,
    };
}

/// <summary>The user's weights of the three switching-cost families; only their ratios matter.</summary>
public sealed record SwitchingCostWeights
{
    /// <summary>Creates weights.</summary>
    /// <param name="procedural">Weight of procedural costs. Range: ≥ 0.</param>
    /// <param name="financial">Weight of financial costs. Range: ≥ 0.</param>
    /// <param name="relational">Weight of relational costs. Range: ≥ 0.</param>
    public SwitchingCostWeights(double procedural, double financial, double relational)
    {
        Procedural = Guard.NonNegative(procedural);
        Financial = Guard.NonNegative(financial);
        Relational = Guard.NonNegative(relational);
        if (procedural + financial + relational <= 0)
        {
            throw new ArgumentException("At least one weight must be greater than zero.", nameof(relational));
        }
    }

    /// <summary>Equal weights (1, 1, 1).</summary>
    public static SwitchingCostWeights Equal { get; } = new(1, 1, 1);

    /// <summary>Weight of procedural costs.</summary>
    public double Procedural { get; }

    /// <summary>Weight of financial costs.</summary>
    public double Financial { get; }

    /// <summary>Weight of relational costs.</summary>
    public double Relational { get; }

    /// <summary>The weight of <paramref name="family"/>.</summary>
    /// <param name="family">A defined family.</param>
    /// <returns>The weight.</returns>
    public double Of(SwitchingCostFamily family) => Guard.Defined(family) switch
    {
        SwitchingCostFamily.Procedural => Procedural,
        SwitchingCostFamily.Financial => Financial,
        _ => Relational,
    };
}

/// <summary>One lever's part in a <see cref="SwitchingCostIndex"/>.</summary>
/// <param name="Lever">The lever.</param>
/// <param name="Score">Its score in [0, 1].</param>
/// <param name="Coefficient">Its effective weight c in the index (the index is Σ c·score; the coefficients sum to 1).</param>
/// <param name="Contribution">c · score: its share of the index. The contributions sum to the index.</param>
/// <param name="Headroom">c · (1 − score): how much the index would rise were this lever full.</param>
public readonly record struct LeverContribution(LockInLever Lever, double Score, double Coefficient, double Contribution, double Headroom);

/// <summary>One family's score in a <see cref="SwitchingCostIndex"/>.</summary>
/// <param name="Family">The family.</param>
/// <param name="Score">The mean of its levers' scores weighted by their shares in it, in [0, 1].</param>
/// <param name="Weight">The user's weight, normalised so that the families in the index sum to 1.</param>
public readonly record struct FamilyScore(SwitchingCostFamily Family, double Score, double Weight);

/// <summary>The result of <see cref="LockIn.SwitchingCost(LockInLevers, SwitchingCostWeights)"/>.</summary>
public sealed record SwitchingCostIndex
{
    /// <summary>Creates the result.</summary>
    /// <param name="value">The index in [0, 1].</param>
    /// <param name="levers">Each lever's part, habit first.</param>
    /// <param name="families">Each family in the index, procedural first.</param>
    /// <param name="mostHeadroom">The lever with the largest headroom (the first in lever order on a tie).</param>
    public SwitchingCostIndex(double value, IReadOnlyList<LeverContribution> levers, IReadOnlyList<FamilyScore> families, LockInLever mostHeadroom)
    {
        Levers = Guard.NotNull(levers);
        Families = Guard.NotNull(families);
        Value = Guard.Probability(value);
        MostHeadroom = Guard.Defined(mostHeadroom);
    }

    /// <summary>The index in [0, 1]: Σ_f w_f · score_f with the normalised family weights.</summary>
    public double Value { get; }

    /// <summary>Each lever's part, habit first; the contributions sum to <see cref="Value"/>.</summary>
    public IReadOnlyList<LeverContribution> Levers { get; }

    /// <summary>Each family in the index, procedural first.</summary>
    public IReadOnlyList<FamilyScore> Families { get; }

    /// <summary>The lever with the largest headroom: where effort raises the index most.</summary>
    public LockInLever MostHeadroom { get; }
}
