namespace CustomerRetention.Satisfaction;

/// <summary>The customer's contribution (value to the business) level.</summary>
public enum ContributionLevel
{
    /// <summary>Low contribution.</summary>
    Low = 0,

    /// <summary>Medium contribution.</summary>
    Medium = 1,

    /// <summary>High contribution.</summary>
    High = 2,
}

/// <summary>The grades of the loyalty × contribution matrix, A (best) to F.</summary>
public enum LoyaltyGrade
{
    /// <summary>High loyalty, high contribution.</summary>
    A = 0,

    /// <summary>High loyalty, medium contribution.</summary>
    B = 1,

    /// <summary>High loyalty, low contribution.</summary>
    C = 2,

    /// <summary>Low loyalty, high contribution.</summary>
    D = 3,

    /// <summary>Low loyalty, medium contribution.</summary>
    E = 4,

    /// <summary>Low loyalty, low contribution.</summary>
    F = 5,
}

/// <summary>A grade's cell of the matrix and its recommended treatment.</summary>
/// <remarks>Immutable.</remarks>
public sealed class GradeTreatment
{
    internal GradeTreatment(LoyaltyGrade grade, bool highLoyalty, ContributionLevel contribution, string name, string treatment)
    {
        Grade = grade;
        HighLoyalty = highLoyalty;
        Contribution = contribution;
        Name = name;
        Treatment = treatment;
    }

    /// <summary>The grade.</summary>
    public LoyaltyGrade Grade { get; }

    /// <summary>Whether the grade's loyalty is high.</summary>
    public bool HighLoyalty { get; }

    /// <summary>The grade's contribution level.</summary>
    public ContributionLevel Contribution { get; }

    /// <summary>A short name for the cell.</summary>
    public string Name { get; }

    /// <summary>The recommended treatment: where to invest and how.</summary>
    public string Treatment { get; }
}

/// <summary>
/// The loyalty × contribution matrix of the domain brief (§6): customers graded A–F by loyalty
/// (high/low) against their contribution to the business (high/medium/low), to decide where to
/// invest. A = high loyalty and high contribution, B high/medium, C high/low, D low/high,
/// E low/medium, F low/low.
/// </summary>
/// <remarks>
/// <para>The grading order (loyal customers first, then by contribution) and the treatments are
/// this library's documented reading of the source, which names the grades but not their cells.
/// Grades never worsen when loyalty or contribution rises.</para>
/// <para>Contribution is in the caller's units (profit, margin, revenue) with the two thresholds
/// in the same units; the <see cref="Default"/> matrix reads contribution as a percentile rank in
/// [0, 1] (<see cref="PercentileRanks"/>): medium from ⅓, high from ⅔; loyalty (0–1, see
/// <see cref="Loyalty"/>) is high from 0.5. Immutable and thread-safe.</para>
/// </remarks>
public sealed class LoyaltyContributionMatrix
{
    private static readonly GradeTreatment[] Treatments =
    [
        new(LoyaltyGrade.A, true, ContributionLevel.High, "Core", "Retain and reward: top privileges, a named account manager, first call on service; invest the most here."),
        new(LoyaltyGrade.B, true, ContributionLevel.Medium, "Growth", "Grow share of wallet: cross-sell and up-sell to loyal customers who could be worth more."),
        new(LoyaltyGrade.C, true, ContributionLevel.Low, "Efficient", "Serve at low cost: keep them loyal through self-service and efficient channels; upsell selectively."),
        new(LoyaltyGrade.D, false, ContributionLevel.High, "At risk", "Win their loyalty: find and fix the dissatisfaction, personal contact, retention offers; valuable customers who may leave."),
        new(LoyaltyGrade.E, false, ContributionLevel.Medium, "Nurture", "Nurture selectively: improve satisfaction and test retention offers where the margin allows."),
        new(LoyaltyGrade.F, false, ContributionLevel.Low, "Minimal", "Invest minimally: standard service, no retention spending; let unprofitable ones go."),
    ];

    /// <summary>Creates the matrix.</summary>
    /// <param name="loyaltyHighFrom">Loyalty counts as high from this value. Range: 0–1.</param>
    /// <param name="contributionMediumFrom">Contribution is medium from this value. Range: finite.</param>
    /// <param name="contributionHighFrom">Contribution is high from this value. Range: finite, ≥ <paramref name="contributionMediumFrom"/>.</param>
    public LoyaltyContributionMatrix(double loyaltyHighFrom, double contributionMediumFrom, double contributionHighFrom)
    {
        LoyaltyHighFrom = Guard.Probability(loyaltyHighFrom);
        ContributionMediumFrom = Guard.Finite(contributionMediumFrom);
        Guard.Finite(contributionHighFrom);
        if (contributionHighFrom < contributionMediumFrom)
        {
            throw new ArgumentOutOfRangeException(nameof(contributionHighFrom), contributionHighFrom, "The high threshold must not be below the medium one.");
        }

        ContributionHighFrom = contributionHighFrom;
    }

    /// <summary>Loyalty high from 0.5; contribution as a percentile rank, medium from ⅓, high from ⅔.</summary>
    public static LoyaltyContributionMatrix Default { get; } = new(0.5, 1.0 / 3, 2.0 / 3);

    /// <summary>Loyalty counts as high from this value.</summary>
    public double LoyaltyHighFrom { get; }

    /// <summary>Contribution is medium from this value.</summary>
    public double ContributionMediumFrom { get; }

    /// <summary>Contribution is high from this value.</summary>
    public double ContributionHighFrom { get; }

    /// <summary>All six grades with their cells and treatments, A first.</summary>
    public static IReadOnlyList<GradeTreatment> AllTreatments => Treatments;

    /// <summary>The cell and recommended treatment of a grade.</summary>
    /// <param name="grade">The grade.</param>
    public static GradeTreatment Treatment(LoyaltyGrade grade) => Treatments[(int)Guard.Defined(grade)];

    /// <summary>The contribution level of a value.</summary>
    /// <param name="contribution">Range: finite.</param>
    public ContributionLevel Level(double contribution)
    {
        Guard.Finite(contribution);
        return contribution >= ContributionHighFrom ? ContributionLevel.High
            : contribution >= ContributionMediumFrom ? ContributionLevel.Medium
            : ContributionLevel.Low;
    }

    /// <summary>The grade of a customer.</summary>
    /// <param name="loyalty">Range: 0–1.</param>
    /// <param name="contribution">In the matrix's units. Range: finite.</param>
    public LoyaltyGrade Classify(double loyalty, double contribution)
    {
        Guard.Probability(loyalty);
        ContributionLevel level = Level(contribution);
        int column = 2 - (int)level; // High → 0, Medium → 1, Low → 2
        return (LoyaltyGrade)((loyalty >= LoyaltyHighFrom ? 0 : 3) + column);
    }

    /// <summary>
    /// Percentile ranks of contributions in [0, 1]: (number below + ½·number equal, itself excluded) / (n − 1)
    /// for n &gt; 1, so the lowest distinct value ranks 0 and the highest 1; ½ for a single customer.
    /// </summary>
    /// <param name="contributions">The values. Range: finite.</param>
    /// <param name="ranks">Receives the ranks. Range: the same length.</param>
    public static void PercentileRanks(ReadOnlySpan<double> contributions, Span<double> ranks)
    {
        Guard.SameLength(contributions.Length, ranks.Length, nameof(ranks));
        Guard.AllFinite(contributions);
        int n = contributions.Length;
        if (n == 0)
        {
            return;
        }

        if (n == 1)
        {
            ranks[0] = 0.5;
            return;
        }

        var order = new int[n];
        var sorted = contributions.ToArray();
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(sorted, order);
        int start = 0;
        while (start < n)
        {
            int end = start;
            while (end + 1 < n && sorted[end + 1] == sorted[start])
            {
                end++;
            }

            double rank = (start + (0.5 * (end - start))) / (n - 1);
            for (int k = start; k <= end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end + 1;
        }
    }
}
