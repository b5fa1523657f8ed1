using NodaTime;

namespace CustomerRetention.Relationships;

/// <summary>
/// Lock-in (domain brief §5): the three levers that raise a customer's cost of leaving — habit, product
/// penetration, policy bundling — measured per customer and combined into a switching-cost index along the
/// procedural, financial and relational families of Burnham, Frels &amp; Mahajan (2003).
/// </summary>
/// <remarks>
/// <para>Each lever feeds the families in fixed shares (this library's reading of the typology):</para>
/// <list type="bullet">
/// <item>habit → procedural 1 (learning and evaluation: the customer used to one taste);</item>
/// <item>product penetration → procedural ½ (setup of many products elsewhere), financial ½ (bundled benefits lost);</item>
/// <item>policy bundling → financial 1 (benefit loss: points; monetary loss: contracts);</item>
/// <item>relationship → relational 1 (personal and brand relationship loss).</item>
/// </list>
/// <para>A family's score is the share-weighted mean of its levers; the index is Σ_f w_f·score_f with the user's
/// weights normalised over the families present (the relational family only when the relationship is measured).
/// The index is linear, Σ_l c_l·s_l with c_l ≥ 0 and Σ c_l = 1, so it is monotone in each lever and the
/// contributions c_l·s_l add up to it.</para>
/// </remarks>
public static class LockIn
{
    /// <summary>The fewest purchase days (two intervals) for a habit score; fewer give 0.</summary>
    public const int MinimumHabitDays = 3;

    private const double DaysPerMonth = 365.25 / 12;

    // Shares of each lever (row: habit, penetration, bundling, relationship) in each family (procedural, financial, relational).
    private static readonly double[,] Shares =
    {
        { 1.0, 0.0, 0.0 },
        { 0.5, 0.5, 0.0 },
        { 0.0, 1.0, 0.0 },
        { 0.0, 0.0, 1.0 },
    };

    /// <summary>
    /// The habit lever: intervals between consecutive distinct purchase days, their coefficient of variation
    /// CV = σ/μ (population σ), and the score 1/(1 + CV) — 1 for perfectly regular purchases, towards 0 for erratic
    /// ones; 0 with fewer than <see cref="MinimumHabitDays"/> purchase days (no pattern yet).
    /// </summary>
    /// <param name="purchaseDates">The customer's purchase dates, in any order; same-day purchases count once.</param>
    /// <returns>The measure.</returns>
    public static HabitMeasure Habit(IEnumerable<LocalDate> purchaseDates)
    {
        Guard.NotNull(purchaseDates);
        var days = new List<LocalDate>(purchaseDates);
        days.Sort();
        int distinct = 0;
        LocalDate previous = default;
        double sum = 0.0;
        double sumSquares = 0.0;
        foreach (LocalDate day in days)
        {
            if (distinct > 0 && day == previous)
            {
                continue;
            }

            if (distinct > 0)
            {
                double interval = Period.DaysBetween(previous, day);
                sum += interval;
                sumSquares += interval * interval;
            }

            previous = day;
            distinct++;
        }

        int intervals = Math.Max(0, distinct - 1);
        if (intervals == 0)
        {
            return new HabitMeasure(distinct, 0.0, null, 0.0);
        }

        double mean = sum / intervals;
        if (intervals < 2)
        {
            return new HabitMeasure(distinct, mean, null, 0.0);
        }

        double variance = Math.Max(0.0, (sumSquares / intervals) - (mean * mean));
        double cv = Math.Sqrt(variance) / mean;
        return new HabitMeasure(distinct, mean, cv, 1.0 / (1.0 + cv));
    }

    /// <summary>The product-penetration lever: score = (products held ÷ catalogue products + categories held ÷ catalogue categories) ÷ 2.</summary>
    /// <param name="productsHeld">Products the customer holds. Range: 0 ≤ n ≤ <paramref name="catalogueProducts"/>.</param>
    /// <param name="catalogueProducts">Products in the catalogue. Range: ≥ 1 (an empty catalogue is an error).</param>
    /// <param name="categoriesHeld">Categories the customer holds a product in. Range: 0 ≤ n ≤ <paramref name="catalogueCategories"/>.</param>
    /// <param name="catalogueCategories">Categories in the catalogue. Range: ≥ 1.</param>
    /// <returns>The measure.</returns>
    public static PenetrationMeasure Penetration(int productsHeld, int catalogueProducts, int categoriesHeld, int catalogueCategories)
    {
        Guard.NonNegative(productsHeld);
        Catalogue(catalogueProducts, nameof(catalogueProducts));
        Guard.NonNegative(categoriesHeld);
        Catalogue(catalogueCategories, nameof(catalogueCategories));
        if (productsHeld > catalogueProducts)
        {
            throw new ArgumentOutOfRangeException(nameof(productsHeld), productsHeld, "More products held than the catalogue has.");
        }

        if (categoriesHeld > catalogueCategories)
        {
            throw new ArgumentOutOfRangeException(nameof(categoriesHeld), categoriesHeld, "More categories held than the catalogue has.");
        }

        double products = (double)productsHeld / catalogueProducts;
        double categories = (double)categoriesHeld / catalogueCategories;
        return new PenetrationMeasure(products, categories, (products + categories) / 2);
    }

    /// <summary>The product-penetration lever from the products held and the catalogue (product → category).</summary>
    /// <param name="productsHeld">The products the customer holds (duplicates count once); each must be in the catalogue.</param>
    /// <param name="catalogue">Every product of the catalogue and its category. Not empty.</param>
    /// <returns>The measure.</returns>
    public static PenetrationMeasure Penetration(IEnumerable<string> productsHeld, IReadOnlyDictionary<string, string> catalogue)
    {
        Guard.NotNull(productsHeld);
        Guard.NotNull(catalogue);
        if (catalogue.Count == 0)
        {
            throw new ArgumentException("The catalogue is empty: penetration is measured against at least one product.", nameof(catalogue));
        }

        var products = new HashSet<string>(StringComparer.Ordinal);
        var categories = new HashSet<string>(StringComparer.Ordinal);
        foreach (string product in productsHeld)
        {
            if (product is null || !catalogue.TryGetValue(product, out string? category))
            {
                throw new ArgumentException($"Product '{product}' is not in the catalogue.", nameof(productsHeld));
            }

            products.Add(product);
            categories.Add(category);
        }

        var allCategories = new HashSet<string>(catalogue.Values, StringComparer.Ordinal);
        return Penetration(products.Count, catalogue.Count, categories.Count, allCategories.Count);
    }

    /// <summary>
    /// The policy-bundling lever: contract score = min(1, Σ months left ÷ horizon) over contracts ending after
    /// <paramref name="asOf"/> (months = days ÷ 30.4375); points score = min(1, points ÷ saturation); score = their mean.
    /// </summary>
    /// <param name="contracts">The customer's contracts (ended ones count for nothing).</param>
    /// <param name="exclusivePoints">Points redeemable only in the scheme. Range: ≥ 0.</param>
    /// <param name="asOf">The day of the measure.</param>
    /// <param name="scales">The horizon and the points saturation, e.g. <see cref="BundlingScales.Default"/>.</param>
    /// <returns>The measure.</returns>
    public static BundlingMeasure Bundling(IEnumerable<Contract> contracts, double exclusivePoints, LocalDate asOf, BundlingScales scales)
    {
        Guard.NotNull(contracts);
        Guard.NotNull(scales);
        Guard.NonNegative(exclusivePoints);
        int active = 0;
        double months = 0.0;
        foreach (Contract contract in contracts)
        {
            if (contract is null)
            {
                throw new ArgumentException("A contract is null.", nameof(contracts));
            }

            if (contract.End > asOf)
            {
                active++;
                months += Period.DaysBetween(asOf, contract.End) / DaysPerMonth;
            }
        }

        double contractScore = Math.Min(1.0, months / scales.ContractHorizonMonths);
        double pointsScore = Math.Min(1.0, exclusivePoints / scales.PointsSaturation);
        return new BundlingMeasure(active, months, contractScore, pointsScore, (contractScore + pointsScore) / 2);
    }

    /// <summary>
    /// The switching-cost index of one customer: family scores from the levers, weighted by the user, with each
    /// lever's contribution and headroom and the lever with most headroom (see the remarks on <see cref="LockIn"/>).
    /// </summary>
    /// <param name="levers">The lever scores.</param>
    /// <param name="weights">The family weights, e.g. <see cref="SwitchingCostWeights.Equal"/>.</param>
    /// <returns>The index in [0, 1] and its explanation.</returns>
    /// <exception cref="ArgumentException">Only the relational family has weight and the relationship is not measured.</exception>
    public static SwitchingCostIndex SwitchingCost(LockInLevers levers, SwitchingCostWeights weights)
    {
        Guard.NotNull(weights);
        bool relational = levers.Relationship.HasValue;
        int familyCount = relational ? 3 : 2;
        double totalWeight = 0.0;
        for (int f = 0; f < familyCount; f++)
        {
            totalWeight += weights.Of((SwitchingCostFamily)f);
        }

        if (totalWeight <= 0)
        {
            throw new ArgumentException("The families in the index (the relational one only when the relationship is measured) have no weight.", nameof(weights));
        }

        int leverCount = relational ? 4 : 3;
        var families = new FamilyScore[familyCount];
        double value = 0.0;
        for (int f = 0; f < familyCount; f++)
        {
            double shareSum = 0.0;
            double weighted = 0.0;
            for (int l = 0; l < leverCount; l++)
            {
                shareSum += Shares[l, f];
                weighted += Shares[l, f] * levers.Of((LockInLever)l);
            }

            double w = weights.Of((SwitchingCostFamily)f) / totalWeight;
            double score = weighted / shareSum;
            families[f] = new FamilyScore((SwitchingCostFamily)f, score, w);
            value += w * score;
        }

        var contributions = new LeverContribution[leverCount];
        int best = 0;
        for (int l = 0; l < leverCount; l++)
        {
            double c = 0.0;
            for (int f = 0; f < familyCount; f++)
            {
                double shareSum = 0.0;
                for (int k = 0; k < leverCount; k++)
                {
                    shareSum += Shares[k, f];
                }

                c += families[f].Weight * Shares[l, f] / shareSum;
            }

            double s = levers.Of((LockInLever)l);
            contributions[l] = new LeverContribution((LockInLever)l, s, c, c * s, c * (1 - s));
            if (contributions[l].Headroom > contributions[best].Headroom)
            {
                best = l;
            }
        }

        return new SwitchingCostIndex(Math.Min(1.0, Math.Max(0.0, value)), contributions, families, (LockInLever)best);
    }

    private static void Catalogue(int size, string name)
    {
        if (size <= 0)
        {
            throw new ArgumentOutOfRangeException(name, size, "The catalogue is empty: it must hold at least one item.");
        }
    }
}
