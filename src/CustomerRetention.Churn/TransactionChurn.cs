using NodaTime;

namespace CustomerRetention.Churn;

/// <summary>
/// Churn for non-contractual businesses, where nobody cancels and churn must be inferred from
/// silence: a customer is <em>active</em> on a day when they bought within the
/// <c>inactivityDays</c> days up to it (the day itself included). Per calendar period:
/// customers active at its start, how many of them are no longer active at its end (lost), new
/// customers (first purchase in the period), reactivated ones (bought in the period after having
/// lapsed) and the churn rate lost / customers at start — new customers excluded.
/// </summary>
/// <remarks>
/// <para>"At the start" is the end of the day before the period's first day; "at the end" is the
/// period's last day, or the latest date in the data for the last, unfinished period (so that
/// the days after the data end are not read as silence).</para>
/// <para>One pass over the transactions sets, per customer, a bit for each period end at which a
/// purchase keeps them active and a bit for each period they bought in (a bitmap of customers ×
/// periods); no sorting, no allocation per transaction.</para>
/// </remarks>
public static class TransactionChurn
{
    /// <summary>Transaction churn of a transactions table.</summary>
    /// <param name="transactions">The transactions.</param>
    /// <param name="period">The calendar period churn is counted in.</param>
    /// <param name="inactivityDays">Days without a purchase after which a customer counts as lost. Range: ≥ 1.</param>
    /// <returns>One row per period from the first to the last date's period.</returns>
    public static TransactionChurnTable Compute(TransactionTable transactions, CalendarPeriod period, int inactivityDays)
    {
        Guard.NotNull(transactions);
        Guard.Defined(period);
        Guard.Positive(inactivityDays);
        return Compute(transactions.CustomerIndices, transactions.DayNumbers, transactions.CustomerCount, period, inactivityDays);
    }

    /// <summary>Transaction churn from columns: per transaction its customer's index and its day number.</summary>
    /// <param name="customerIndices">Customer index per transaction. Range: 0 ≤ value &lt; customerCount.</param>
    /// <param name="dayNumbers">Day number per transaction (days since 1970-01-01). Same length.</param>
    /// <param name="customerCount">How many customers the indices refer to. Range: ≥ 0.</param>
    /// <param name="period">The calendar period churn is counted in.</param>
    /// <param name="inactivityDays">Days without a purchase after which a customer counts as lost. Range: ≥ 1.</param>
    /// <returns>One row per period from the first to the last date's period; empty without transactions.</returns>
#if NET8_0_OR_GREATER
    // Called once per data set: without this the hot loop would run as tier-0 code with on-stack replacement.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
#endif
    public static TransactionChurnTable Compute(ReadOnlySpan<int> customerIndices, ReadOnlySpan<int> dayNumbers, int customerCount, CalendarPeriod period, int inactivityDays)
    {
        Guard.SameLength(customerIndices.Length, dayNumbers.Length, nameof(dayNumbers));
        Guard.NonNegative(customerCount);
        Guard.Defined(period);
        Guard.Positive(inactivityDays);
        int n = customerIndices.Length;
        if (n == 0)
        {
            return new TransactionChurnTable(period, inactivityDays, []);
        }

        var firstDay = new int[customerCount];
        firstDay.AsSpan().Fill(int.MaxValue);
        int minDay = int.MaxValue, maxDay = int.MinValue;
        for (int i = 0; i < n; i++)
        {
            int c = customerIndices[i];
            if ((uint)c >= (uint)customerCount)
            {
                throw new ArgumentOutOfRangeException(nameof(customerIndices), c, FormattableString.Invariant($"Element {i} is not a customer index in [0, {customerCount})."));
            }

            int d = dayNumbers[i];
            if (d < firstDay[c])
            {
                firstDay[c] = d;
            }

            if (d > maxDay)
            {
                maxDay = d;
            }

            if (d < minDay)
            {
                minDay = d;
            }
        }

        int[] dayToPeriod = CalendarPeriods.DayToPeriodTable(minDay, maxDay, period);
        int firstPeriod = dayToPeriod[0];
        int periods = dayToPeriod[dayToPeriod.Length - 1] - firstPeriod + 1;

        // Period ends: the last day of each period, the last one capped at the data's last day.
        var periodEnd = new int[periods];
        for (int k = 0; k < periods; k++)
        {
            periodEnd[k] = Math.Min(CalendarPeriods.StartDayOf(firstPeriod + k + 1, period) - 1, maxDay);
        }

        int words = (periods + 63) >> 6;
        var activeAtEnd = new ulong[(long)customerCount * words];
        var bought = new ulong[(long)customerCount * words];
        long lastDayActive = inactivityDays - 1L;
        for (int i = 0; i < n; i++)
        {
            int c = customerIndices[i];
            int d = dayNumbers[i];
            int k = dayToPeriod[d - minDay] - firstPeriod;
            long row = (long)c * words;
            bought[row + (k >> 6)] |= 1UL << (k & 63);

            // Active at the end of period j when d ≤ end_j ≤ d + N − 1; the first such j is d's own period.
            for (int j = k; j < periods && periodEnd[j] <= d + lastDayActive; j++)
            {
                activeAtEnd[row + (j >> 6)] |= 1UL << (j & 63);
            }
        }

        var atStart = new long[periods];
        var lost = new long[periods];
        var fresh = new long[periods];
        var reactivated = new long[periods];
        var atEnd = new long[periods];
        for (int c = 0; c < customerCount; c++)
        {
            if (firstDay[c] == int.MaxValue)
            {
                continue;
            }

            int first = dayToPeriod[firstDay[c] - minDay] - firstPeriod;
            fresh[first]++;
            long row = (long)c * words;
            bool wasActive = false;
            for (int k = first; k < periods; k++)
            {
                bool isActive = (activeAtEnd[row + (k >> 6)] & (1UL << (k & 63))) != 0;
                if (wasActive)
                {
                    atStart[k]++;
                    if (!isActive)
                    {
                        lost[k]++;
                    }
                }
                else if (k > first && (bought[row + (k >> 6)] & (1UL << (k & 63))) != 0)
                {
                    reactivated[k]++;
                }

                if (isActive)
                {
                    atEnd[k]++;
                }

                wasActive = isActive;
            }
        }

        var rows = new TransactionChurnPeriod[periods];
        for (int k = 0; k < periods; k++)
        {
            rows[k] = new TransactionChurnPeriod(CalendarPeriods.StartOf(firstPeriod + k, period), atStart[k], lost[k], fresh[k], reactivated[k], atEnd[k]);
        }

        return new TransactionChurnTable(period, inactivityDays, rows);
    }
}

/// <summary>Transaction churn per period (<see cref="TransactionChurn.Compute(TransactionTable, CalendarPeriod, int)"/>).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class TransactionChurnTable
{
    /// <summary>A table from its parts (what <see cref="TransactionChurn.Compute(TransactionTable, CalendarPeriod, int)"/> computes, or a stored table holds).</summary>
    /// <param name="period">The kind of calendar period.</param>
    /// <param name="inactivityDays">The inactivity window in days. Range: ≥ 1.</param>
    /// <param name="periods">The rows, oldest first (strictly increasing starts).</param>
    /// <exception cref="ArgumentNullException"><paramref name="periods"/> or a row is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not defined or <paramref name="inactivityDays"/> is below 1.</exception>
    /// <exception cref="ArgumentException">The rows are not oldest first.</exception>
    public TransactionChurnTable(CalendarPeriod period, int inactivityDays, IReadOnlyList<TransactionChurnPeriod> periods)
    {
        Guard.NotNull(periods);
        Period = Guard.Defined(period);
        InactivityDays = Guard.Positive(inactivityDays);
        var copy = new TransactionChurnPeriod[periods.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = periods[i] ?? throw new ArgumentNullException(nameof(periods), $"Row {i} is null.");
            if (i > 0 && copy[i].Start <= copy[i - 1].Start)
            {
                throw new ArgumentException($"The rows must be oldest first; row {i} starts {copy[i].Start}, not after {copy[i - 1].Start}.", nameof(periods));
            }
        }

        Periods = copy;
    }

    /// <summary>The kind of calendar period.</summary>
    public CalendarPeriod Period { get; }

    /// <summary>The inactivity window in days.</summary>
    public int InactivityDays { get; }

    /// <summary>One row per period, oldest first, from the first date's period to the last date's.</summary>
    public IReadOnlyList<TransactionChurnPeriod> Periods { get; }
}

/// <summary>One period of <see cref="TransactionChurnTable"/>.</summary>
/// <remarks>
/// Immutable. The counts balance: customers active at the end = at start − lost + new (those
/// still active) + reactivated (those still active); every new customer is active at the end of
/// their first period unless the window is shorter than the rest of it.
/// </remarks>
public sealed class TransactionChurnPeriod
{
    /// <summary>A row from its counts (what <see cref="TransactionChurn.Compute(TransactionTable, CalendarPeriod, int)"/> computes, or a stored table holds).</summary>
    /// <param name="start">The period's first day.</param>
    /// <param name="customersAtStart">Active at the start. Range: ≥ 0.</param>
    /// <param name="lost">Of those, no longer active at the end. Range: 0 ≤ lost ≤ customersAtStart.</param>
    /// <param name="newCustomers">First purchase in the period. Range: ≥ 0.</param>
    /// <param name="reactivated">Neither active at the start nor new, bought in the period. Range: ≥ 0.</param>
    /// <param name="activeAtEnd">Active at the end. Range: customersAtStart − lost ≤ activeAtEnd ≤ customersAtStart − lost + newCustomers + reactivated.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
    public TransactionChurnPeriod(LocalDate start, long customersAtStart, long lost, long newCustomers, long reactivated, long activeAtEnd)
    {
        Guard.NonNegative(customersAtStart);
        Guard.NonNegative(lost);
        Guard.NonNegative(newCustomers);
        Guard.NonNegative(reactivated);
        Guard.NonNegative(activeAtEnd);
        if (lost > customersAtStart)
        {
            throw new ArgumentOutOfRangeException(nameof(lost), lost, "No more customers can be lost than were active at the start.");
        }

        long stayed = customersAtStart - lost;
        if (activeAtEnd < stayed || activeAtEnd > stayed + newCustomers + reactivated)
        {
            throw new ArgumentOutOfRangeException(nameof(activeAtEnd), activeAtEnd, "Active at the end must be those who stayed plus some of the new and reactivated customers.");
        }

        Start = start;
        CustomersAtStart = customersAtStart;
        Lost = lost;
        NewCustomers = newCustomers;
        Reactivated = reactivated;
        ActiveAtEnd = activeAtEnd;
    }

    /// <summary>The period's first day (a Monday for ISO weeks).</summary>
    public LocalDate Start { get; }

    /// <summary>Customers active at the start of the period (at the end of the day before it).</summary>
    public long CustomersAtStart { get; }

    /// <summary>Of those, customers no longer active at the end of the period.</summary>
    public long Lost { get; }

    /// <summary>Customers whose first purchase falls in the period.</summary>
    public long NewCustomers { get; }

    /// <summary>Customers not active at the start, not new, who bought in the period.</summary>
    public long Reactivated { get; }

    /// <summary>Customers active at the end of the period (new and reactivated ones included).</summary>
    public long ActiveAtEnd { get; }

    /// <summary>lost / customers at start, new customers excluded; null when nobody was active at the start.</summary>
    public ChurnRate? Churn => CustomersAtStart == 0 ? null : new ChurnRate((double)Lost / CustomersAtStart);
}
