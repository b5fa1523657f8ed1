namespace CustomerRetention.Churn;

/// <summary>
/// Churn rates from customer counts, the way the sources define them: customers lost during a
/// period divided by the customers there at its start, the customers acquired during the period
/// left out of both (and reported separately with their own churn).
/// </summary>
/// <remarks>
/// Why new customers are excluded: a customer who arrives and leaves within the period was never
/// in the denominator, so counting their departure overstates churn. The source's example:
/// 1,000 customers at the start of a quarter, 150 of them gone at its end → 15 %; 300 new
/// customers arrived, 15 of whom left — counting them gives 165 / 1,000 = 16.5 %, which is wrong.
/// </remarks>
public static class ChurnMath
{
    /// <summary>
    /// Period churn: c = lost / customers at start, where both counts concern only the customers
    /// present at the start of the period.
    /// </summary>
    /// <param name="customersAtStart">Customers at the start of the period. Range: customersAtStart &gt; 0.</param>
    /// <param name="lost">Of those, how many are gone at the end. Range: 0 ≤ lost ≤ customersAtStart.</param>
    /// <returns>The churn rate of the period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, the start count is 0, or <paramref name="lost"/> exceeds it.</exception>
    public static ChurnRate Rate(long customersAtStart, long lost)
    {
        Guard.NonNegative(customersAtStart);
        Guard.NonNegative(lost);
        RequirePositiveStart(customersAtStart, nameof(customersAtStart));
        RequireAtMost(lost, customersAtStart, nameof(lost), "customers at the start");
        return new ChurnRate((double)lost / customersAtStart);
    }

    /// <summary>
    /// The full account of a period: churn of the customers present at the start, and, separately,
    /// the customers acquired during the period and how many of them left again before its end.
    /// </summary>
    /// <param name="customersAtStart">Customers at the start of the period. Range: customersAtStart &gt; 0.</param>
    /// <param name="lost">Of those, gone at the end. Range: 0 ≤ lost ≤ customersAtStart.</param>
    /// <param name="newCustomers">Customers acquired during the period. Range: newCustomers ≥ 0.</param>
    /// <param name="newLost">Of the new customers, gone at the end. Range: 0 ≤ newLost ≤ newCustomers.</param>
    /// <returns>The period's churn account.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, the start count is 0, or a lost count exceeds its base.</exception>
    public static PeriodChurn Period(long customersAtStart, long lost, long newCustomers, long newLost)
    {
        Guard.NonNegative(customersAtStart);
        Guard.NonNegative(lost);
        Guard.NonNegative(newCustomers);
        Guard.NonNegative(newLost);
        RequirePositiveStart(customersAtStart, nameof(customersAtStart));
        RequireAtMost(lost, customersAtStart, nameof(lost), "customers at the start");
        RequireAtMost(newLost, newCustomers, nameof(newLost), "new customers");
        return new PeriodChurn(customersAtStart, lost, newCustomers, newLost);
    }

    /// <summary>
    /// The average-denominator variant, lost / ((start + end) / 2), which some dashboards use.
    /// Documented because it is common, not because it is right: under growth the end count is
    /// swollen by new customers, so the rate understates churn (1,000 at start, 150 lost, 1,135
    /// at end → 14.05 % instead of 15 %); in a shrinking base it can even exceed 1. Prefer
    /// <see cref="Rate"/>.
    /// </summary>
    /// <param name="customersAtStart">Customers at the start of the period. Range: ≥ 0.</param>
    /// <param name="customersAtEnd">Customers at the end of the period, new ones included. Range: ≥ 0, start + end &gt; 0.</param>
    /// <param name="lost">Customers lost during the period. Range: 0 ≤ lost ≤ customersAtStart + customersAtEnd.</param>
    /// <returns>lost / ((start + end) / 2), a plain number that is not a probability.</returns>
    public static double AverageDenominatorRate(long customersAtStart, long customersAtEnd, long lost)
    {
        Guard.NonNegative(customersAtStart);
        Guard.NonNegative(customersAtEnd);
        Guard.NonNegative(lost);
        RequirePositiveStart(customersAtStart + customersAtEnd, nameof(customersAtEnd));
        RequireAtMost(lost, customersAtStart + customersAtEnd, nameof(lost), "customers at start and end together");
        return lost / ((customersAtStart + customersAtEnd) / 2.0);
    }

    private static void RequirePositiveStart(long count, string paramName)
    {
        if (count == 0)
        {
            throw new ArgumentOutOfRangeException(paramName, count, "There must be at least one customer at the start of the period: churn of an empty base is undefined.");
        }
    }

    private static void RequireAtMost(long value, long limit, string paramName, string what)
    {
        if (value > limit)
        {
            throw new ArgumentOutOfRangeException(paramName, value, FormattableString.Invariant($"Value must not exceed the {what} ({limit})."));
        }
    }
}
