namespace CustomerRetention.Churn;

/// <summary>
/// Retention economics as scenario functions: every rate is an input, none is baked in. The
/// sources' claims ("5 points more retention lifts profit by 25–95 %", Reichheld &amp; Sasser 1990;
/// "acquiring a customer costs 5 to 6 times as much as keeping one") are example scenarios in
/// docs/churn.md, not constants here.
/// </summary>
public static class RetentionEconomics
{
    /// <summary>
    /// The value of a customer base before and after a change in retention: customers × margin ×
    /// <see cref="Clv.MarginMultiple(RetentionRate, double, ClvTiming)"/> under each rate.
    /// Example: 1,000 customers, margin 100, d = 10 %, first payment excluded, retention
    /// 0.80 → 0.85: 266,667 → 340,000, +27.5 %.
    /// </summary>
    /// <param name="customers">Customers in the base. Range: ≥ 0.</param>
    /// <param name="marginPerCustomer">Margin per customer and period. Range: finite.</param>
    /// <param name="before">Retention per period today.</param>
    /// <param name="after">Retention per period in the scenario.</param>
    /// <param name="discountRate">Discount rate per period. Range: d &gt; −1 and d &gt; r − 1 for both rates.</param>
    /// <param name="timing">Which payments count.</param>
    /// <returns>The two values and the change.</returns>
    public static RetentionScenario BaseValue(double customers, double marginPerCustomer, RetentionRate before, RetentionRate after, double discountRate, ClvTiming timing)
    {
        Guard.NonNegative(customers);
        Guard.Finite(marginPerCustomer);
        Clv.CheckDiscount(discountRate);
        Guard.Defined(timing);
        double valueBefore = customers * marginPerCustomer * Clv.MarginMultiple(before, discountRate, timing);
        double valueAfter = customers * marginPerCustomer * Clv.MarginMultiple(after, discountRate, timing);
        return new RetentionScenario(valueBefore, valueAfter);
    }

    /// <summary>
    /// The long-run size of a customer base that gains <paramref name="acquisitionsPerPeriod"/>
    /// customers a period and keeps a share r of them each period: N* = A / (1 − r)
    /// (the fixed point of N = r·N + A). 5 points more retention, 0.80 → 0.85, grows it by a third.
    /// </summary>
    /// <param name="acquisitionsPerPeriod">New customers per period, A. Range: ≥ 0.</param>
    /// <param name="retention">Retention per period. Range: 0 ≤ r &lt; 1.</param>
    /// <returns>The steady-state number of customers.</returns>
    public static double SteadyStateCustomers(double acquisitionsPerPeriod, RetentionRate retention)
    {
        Guard.NonNegative(acquisitionsPerPeriod);
        if (retention.Value >= 1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(retention), retention.Value, "Retention must be below 1 for a steady state to exist.");
        }

        return acquisitionsPerPeriod / (1.0 - retention.Value);
    }

    /// <summary>
    /// Acquisition versus retention spend: a retention programme that lowers churn from
    /// <paramref name="churnBefore"/> to <paramref name="churnAfter"/> on <paramref name="customers"/>
    /// customers saves customers × (before − after) customers a period, who would otherwise have to
    /// be replaced at <paramref name="acquisitionCostPerCustomer"/> each. The programme pays when its
    /// spend is below the acquisition cost it avoids.
    /// </summary>
    /// <param name="customers">Customers at the start of the period. Range: ≥ 0.</param>
    /// <param name="churnBefore">Churn per period without the programme.</param>
    /// <param name="churnAfter">Churn per period with the programme.</param>
    /// <param name="retentionSpend">What the programme costs for the period. Range: ≥ 0.</param>
    /// <param name="acquisitionCostPerCustomer">Cost of acquiring one replacement customer. Range: ≥ 0.</param>
    /// <returns>Customers saved, the cost avoided, the net saving and the break-even spend.</returns>
    public static SpendComparison CompareSpend(double customers, ChurnRate churnBefore, ChurnRate churnAfter, double retentionSpend, double acquisitionCostPerCustomer)
    {
        Guard.NonNegative(customers);
        Guard.NonNegative(retentionSpend);
        Guard.NonNegative(acquisitionCostPerCustomer);
        double saved = customers * (churnBefore.Value - churnAfter.Value);
        return new SpendComparison(saved, saved * acquisitionCostPerCustomer, retentionSpend);
    }
}

/// <summary>The value of a customer base before and after a retention change (<see cref="RetentionEconomics.BaseValue"/>).</summary>
/// <remarks>Immutable; default value: both values 0.</remarks>
public readonly struct RetentionScenario : IEquatable<RetentionScenario>
{
    /// <summary>Creates the scenario result.</summary>
    /// <param name="valueBefore">Value of the base under today's retention. Range: finite.</param>
    /// <param name="valueAfter">Value under the scenario's retention. Range: finite.</param>
    public RetentionScenario(double valueBefore, double valueAfter)
    {
        ValueBefore = Guard.Finite(valueBefore);
        ValueAfter = Guard.Finite(valueAfter);
    }

    /// <summary>Value of the base under today's retention.</summary>
    public double ValueBefore { get; }

    /// <summary>Value of the base under the scenario's retention.</summary>
    public double ValueAfter { get; }

    /// <summary>ValueAfter − ValueBefore.</summary>
    public double Change => ValueAfter - ValueBefore;

    /// <summary>Change / ValueBefore (0.275 = +27.5 %); 0 when the value before is 0.</summary>
    public double RelativeChange => ValueBefore == 0 ? 0 : Change / ValueBefore;

    /// <inheritdoc/>
    public bool Equals(RetentionScenario other) => ValueBefore.Equals(other.ValueBefore) && ValueAfter.Equals(other.ValueAfter);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RetentionScenario other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => unchecked((ValueBefore.GetHashCode() * 397) ^ ValueAfter.GetHashCode());

    /// <summary>Equality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(RetentionScenario left, RetentionScenario right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(RetentionScenario left, RetentionScenario right) => !left.Equals(right);
}

/// <summary>Acquisition versus retention spend (<see cref="RetentionEconomics.CompareSpend"/>).</summary>
/// <remarks>Immutable; default value: all zero.</remarks>
public readonly struct SpendComparison : IEquatable<SpendComparison>
{
    /// <summary>Creates the comparison.</summary>
    /// <param name="customersSaved">Customers kept who would have left. Range: finite.</param>
    /// <param name="acquisitionCostAvoided">What replacing them would have cost. Range: finite.</param>
    /// <param name="retentionSpend">What the programme costs. Range: finite.</param>
    public SpendComparison(double customersSaved, double acquisitionCostAvoided, double retentionSpend)
    {
        CustomersSaved = Guard.Finite(customersSaved);
        AcquisitionCostAvoided = Guard.Finite(acquisitionCostAvoided);
        RetentionSpend = Guard.Finite(retentionSpend);
    }

    /// <summary>Customers kept who would have left: customers × (churn before − churn after).</summary>
    public double CustomersSaved { get; }

    /// <summary>Acquisition cost avoided: customers saved × acquisition cost per customer.</summary>
    public double AcquisitionCostAvoided { get; }

    /// <summary>The retention programme's spend.</summary>
    public double RetentionSpend { get; }

    /// <summary>Acquisition cost avoided − retention spend: positive when the programme pays.</summary>
    public double NetSaving => AcquisitionCostAvoided - RetentionSpend;

    /// <summary>The largest retention spend that still pays: equal to the acquisition cost avoided.</summary>
    public double BreakEvenSpend => AcquisitionCostAvoided;

    /// <summary>Retention spend per customer saved; positive infinity when none is saved and something is spent, 0 when nothing is spent.</summary>
    public double CostPerCustomerSaved => RetentionSpend == 0 ? 0 : (CustomersSaved <= 0 ? double.PositiveInfinity : RetentionSpend / CustomersSaved);

    /// <inheritdoc/>
    public bool Equals(SpendComparison other) =>
        CustomersSaved.Equals(other.CustomersSaved) && AcquisitionCostAvoided.Equals(other.AcquisitionCostAvoided) && RetentionSpend.Equals(other.RetentionSpend);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SpendComparison other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => unchecked((CustomersSaved.GetHashCode() * 397) ^ (AcquisitionCostAvoided.GetHashCode() * 31) ^ RetentionSpend.GetHashCode());

    /// <summary>Equality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(SpendComparison left, SpendComparison right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(SpendComparison left, SpendComparison right) => !left.Equals(right);
}
