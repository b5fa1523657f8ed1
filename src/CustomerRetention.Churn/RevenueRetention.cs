namespace CustomerRetention.Churn;

/// <summary>
/// Net and gross revenue retention between two periods, from the revenue of the customers who
/// paid in the first one: expansion, contraction and churned revenue. Customers with no revenue in
/// the first period are new and excluded (their revenue is reported as <see cref="NewRevenue"/>).
/// </summary>
/// <remarks>
/// <para>NRR = (start + expansion − contraction − churned) / start;
/// GRR = (start − contraction − churned) / start, which never exceeds 1 (expansion is left out),
/// so NRR ≥ GRR always. Source: the SaaS metric definitions (e.g. KeyBanc/Pacific Crest SaaS
/// survey) — net dollar retention and gross dollar retention.</para>
/// <para>Immutable and thread-safe. Build with <see cref="Compute"/> (per-customer revenue) or
/// <see cref="FromComponents(double, double, double, double)"/>.</para>
/// </remarks>
public sealed class RevenueRetention : IEquatable<RevenueRetention>
{
    private RevenueRetention(double startingRevenue, double expansion, double contraction, double churned, double newRevenue, long customers, long churnedCustomers)
    {
        StartingRevenue = startingRevenue;
        Expansion = expansion;
        Contraction = contraction;
        ChurnedRevenue = churned;
        NewRevenue = newRevenue;
        Customers = customers;
        ChurnedCustomers = churnedCustomers;
    }

    /// <summary>Revenue in the first period of the customers who paid in it.</summary>
    public double StartingRevenue { get; }

    /// <summary>Sum of the increases of customers who paid more in the second period.</summary>
    public double Expansion { get; }

    /// <summary>Sum of the decreases of customers who paid less, but not zero, in the second period.</summary>
    public double Contraction { get; }

    /// <summary>First-period revenue of customers who paid nothing in the second period.</summary>
    public double ChurnedRevenue { get; }

    /// <summary>Second-period revenue of customers who paid nothing in the first (excluded from the ratios).</summary>
    public double NewRevenue { get; }

    /// <summary>Customers who paid in the first period (0 when built from components).</summary>
    public long Customers { get; }

    /// <summary>Of those, customers who paid nothing in the second period (0 when built from components).</summary>
    public long ChurnedCustomers { get; }

    /// <summary>Net revenue retention, (start + expansion − contraction − churned) / start; can exceed 1.</summary>
    public double NetRevenueRetention => (StartingRevenue + Expansion - Contraction - ChurnedRevenue) / StartingRevenue;

    /// <summary>Gross revenue retention, (start − contraction − churned) / start, in [0, 1] (capped at 100 %).</summary>
    public double GrossRevenueRetention => Math.Max(0.0, Math.Min(1.0, (StartingRevenue - Contraction - ChurnedRevenue) / StartingRevenue));

    /// <summary>
    /// Revenue retention from per-customer revenue in two periods, the same customer at the same
    /// index in both spans. A customer with 0 in <paramref name="previousRevenue"/> is new.
    /// </summary>
    /// <param name="previousRevenue">Each customer's revenue in the first period. Range: every value ≥ 0, total &gt; 0.</param>
    /// <param name="currentRevenue">Each customer's revenue in the second period. Range: every value ≥ 0; same length.</param>
    /// <returns>The components and ratios.</returns>
    /// <exception cref="ArgumentException">The lengths differ, or no customer paid in the first period.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A revenue is negative, NaN or infinite.</exception>
    public static RevenueRetention Compute(ReadOnlySpan<double> previousRevenue, ReadOnlySpan<double> currentRevenue)
    {
        Guard.SameLength(previousRevenue.Length, currentRevenue.Length, nameof(currentRevenue));
        double start = 0, expansion = 0, contraction = 0, churned = 0, newRevenue = 0;
        long customers = 0, churnedCustomers = 0;
        for (int i = 0; i < previousRevenue.Length; i++)
        {
            double p = previousRevenue[i];
            double c = currentRevenue[i];
            if (!(p >= 0) || double.IsInfinity(p))
            {
                throw new ArgumentOutOfRangeException(nameof(previousRevenue), p, FormattableString.Invariant($"Element {i} must be a finite number ≥ 0."));
            }

            if (!(c >= 0) || double.IsInfinity(c))
            {
                throw new ArgumentOutOfRangeException(nameof(currentRevenue), c, FormattableString.Invariant($"Element {i} must be a finite number ≥ 0."));
            }

            if (p == 0)
            {
                newRevenue += c;
                continue;
            }

            customers++;
            start += p;
            if (c == 0)
            {
                churned += p;
                churnedCustomers++;
            }
            else if (c > p)
            {
                expansion += c - p;
            }
            else
            {
                contraction += p - c;
            }
        }

        if (start <= 0)
        {
            throw new ArgumentException("No customer has revenue in the first period: revenue retention is undefined.", nameof(previousRevenue));
        }

        return new RevenueRetention(start, expansion, contraction, churned, newRevenue, customers, churnedCustomers);
    }

    /// <summary>Revenue retention from its components.</summary>
    /// <param name="startingRevenue">First-period revenue of the existing customers. Range: &gt; 0.</param>
    /// <param name="expansion">Increases. Range: ≥ 0.</param>
    /// <param name="contraction">Decreases of customers who stayed. Range: ≥ 0.</param>
    /// <param name="churnedRevenue">Revenue of customers who left. Range: ≥ 0, contraction + churned ≤ start.</param>
    /// <returns>The components and ratios.</returns>
    public static RevenueRetention FromComponents(double startingRevenue, double expansion, double contraction, double churnedRevenue)
    {
        Guard.Positive(startingRevenue);
        Guard.NonNegative(expansion);
        Guard.NonNegative(contraction);
        Guard.NonNegative(churnedRevenue);
        if (contraction + churnedRevenue > startingRevenue * (1 + 1e-12))
        {
            throw new ArgumentOutOfRangeException(nameof(churnedRevenue), churnedRevenue, "Contraction and churned revenue together must not exceed the starting revenue.");
        }

        return new RevenueRetention(startingRevenue, expansion, contraction, churnedRevenue, 0, 0, 0);
    }

    /// <summary>Revenue retention from all its parts (what <see cref="Compute"/> computes, or a stored result holds).</summary>
    /// <param name="startingRevenue">First-period revenue of the existing customers. Range: &gt; 0.</param>
    /// <param name="expansion">Increases. Range: ≥ 0.</param>
    /// <param name="contraction">Decreases of customers who stayed. Range: ≥ 0.</param>
    /// <param name="churnedRevenue">Revenue of customers who left. Range: ≥ 0, contraction + churned ≤ start.</param>
    /// <param name="newRevenue">Second-period revenue of new customers (reported, not in the ratios). Range: ≥ 0.</param>
    /// <param name="customers">Existing customers. Range: ≥ 0.</param>
    /// <param name="churnedCustomers">Of those, customers who left. Range: 0 ≤ churnedCustomers ≤ customers.</param>
    /// <returns>The components and ratios.</returns>
    public static RevenueRetention FromComponents(double startingRevenue, double expansion, double contraction, double churnedRevenue, double newRevenue, long customers, long churnedCustomers)
    {
        RevenueRetention ratios = FromComponents(startingRevenue, expansion, contraction, churnedRevenue);
        Guard.NonNegative(newRevenue);
        Guard.NonNegative(customers);
        Guard.NonNegative(churnedCustomers);
        if (churnedCustomers > customers)
        {
            throw new ArgumentOutOfRangeException(nameof(churnedCustomers), churnedCustomers, "No more customers can churn than there were.");
        }

        return new RevenueRetention(ratios.StartingRevenue, ratios.Expansion, ratios.Contraction, ratios.ChurnedRevenue, newRevenue, customers, churnedCustomers);
    }

    /// <inheritdoc/>
    public bool Equals(RevenueRetention? other) =>
        other is not null && StartingRevenue.Equals(other.StartingRevenue) && Expansion.Equals(other.Expansion)
        && Contraction.Equals(other.Contraction) && ChurnedRevenue.Equals(other.ChurnedRevenue)
        && NewRevenue.Equals(other.NewRevenue) && Customers == other.Customers && ChurnedCustomers == other.ChurnedCustomers;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as RevenueRetention);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        unchecked((StartingRevenue.GetHashCode() * 397) ^ (Expansion.GetHashCode() * 31) ^ Contraction.GetHashCode() ^ (ChurnedRevenue.GetHashCode() * 17));
}
