using NodaTime;

namespace CustomerRetention.Churn;

/// <summary>
/// Acquisition cohort tables: customers grouped by the calendar period of their first purchase,
/// and for each later period how many of them bought (active), that count over the cohort's size
/// (retention) and what they spent (revenue). The table of the tool's <c>cohorts</c> command.
/// </summary>
/// <remarks>
/// Every cohort runs from its acquisition period (index 0) through the period of the latest date
/// in the data, periods with no active customer included (active 0). Retention is 1 in period 0 by
/// construction and never above 1. One pass finds each customer's first day and the date range,
/// a second pass counts each (customer, period) once with a bitmap of customers × periods
/// (customers × periods / 8 bytes), so the input needs no sorting.
/// </remarks>
public static class Cohorts
{
    /// <summary>Builds the cohort table of a transactions table.</summary>
    /// <param name="transactions">The transactions.</param>
    /// <param name="period">The calendar period of cohorts and activity.</param>
    /// <returns>The cohort table; empty when there are no transactions.</returns>
    public static CohortTable Build(TransactionTable transactions, CalendarPeriod period)
    {
        Guard.NotNull(transactions);
        Guard.Defined(period);
        return Build(transactions.CustomerIndices, transactions.DayNumbers, transactions.Amounts, transactions.CustomerCount, period);
    }

    /// <summary>
    /// Builds the cohort table from columns: per transaction its customer's index (0 ≤ index &lt;
    /// <paramref name="customerCount"/>), its day number (<see cref="DayNumbers"/>) and its amount.
    /// </summary>
    /// <param name="customerIndices">Customer index per transaction. Range: 0 ≤ value &lt; customerCount.</param>
    /// <param name="dayNumbers">Day number per transaction (days since 1970-01-01). Same length.</param>
    /// <param name="amounts">Amount per transaction (refunds negative). Same length, or empty for no revenue.</param>
    /// <param name="customerCount">How many customers the indices refer to. Range: ≥ 0.</param>
    /// <param name="period">The calendar period of cohorts and activity.</param>
    /// <returns>The cohort table; empty when there are no transactions.</returns>
    /// <exception cref="ArgumentException">The column lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A customer index is outside [0, customerCount).</exception>
#if NET8_0_OR_GREATER
    // Called once per data set: without this the hot loop would run as tier-0 code with on-stack replacement.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
#endif
    public static CohortTable Build(ReadOnlySpan<int> customerIndices, ReadOnlySpan<int> dayNumbers, ReadOnlySpan<decimal> amounts, int customerCount, CalendarPeriod period)
    {
        Guard.SameLength(customerIndices.Length, dayNumbers.Length, nameof(dayNumbers));
        if (amounts.Length != 0)
        {
            Guard.SameLength(customerIndices.Length, amounts.Length, nameof(amounts));
        }

        Guard.NonNegative(customerCount);
        Guard.Defined(period);
        int n = customerIndices.Length;
        if (n == 0)
        {
            return new CohortTable(period, []);
        }

        // Pass 1: each customer's first day, and the range of days.
        var firstDay = new int[customerCount];
        firstDay.AsSpan().Fill(int.MaxValue);
        int maxDay = int.MinValue;
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
        }

        int minDay = int.MaxValue;
        for (int c = 0; c < customerCount; c++)
        {
            if (firstDay[c] < minDay)
            {
                minDay = firstDay[c];
            }
        }

        int[] dayToPeriod = CalendarPeriods.DayToPeriodTable(minDay, maxDay, period);
        int firstPeriod = dayToPeriod[0];
        int periods = dayToPeriod[dayToPeriod.Length - 1] - firstPeriod + 1;

        // Each customer's cohort (period of the first purchase, relative to the first period); -1 for customers without transactions.
        var cohortOf = new int[customerCount];
        var cohortSizes = new int[periods];
        for (int c = 0; c < customerCount; c++)
        {
            if (firstDay[c] == int.MaxValue)
            {
                cohortOf[c] = -1;
                continue;
            }

            int k = dayToPeriod[firstDay[c] - minDay] - firstPeriod;
            cohortOf[c] = k;
            cohortSizes[k]++;
        }

        // Pass 2: count each (customer, period) once; sum the revenue.
        int words = (periods + 63) >> 6;
        var seen = new ulong[(long)customerCount * words];
        var active = new int[periods * periods];
        var revenue = new decimal[amounts.Length == 0 ? 0 : periods * periods];
        for (int i = 0; i < n; i++)
        {
            int c = customerIndices[i];
            int p = dayToPeriod[dayNumbers[i] - minDay] - firstPeriod;
            int cohort = cohortOf[c];
            int cell = (cohort * periods) + (p - cohort);
            long word = ((long)c * words) + (p >> 6);
            ulong bit = 1UL << (p & 63);
            if ((seen[word] & bit) == 0)
            {
                seen[word] |= bit;
                active[cell]++;
            }

            if (revenue.Length != 0)
            {
                revenue[cell] += amounts[i];
            }
        }

        var cohorts = new List<Cohort>();
        for (int k = 0; k < periods; k++)
        {
            if (cohortSizes[k] == 0)
            {
                continue;
            }

            int length = periods - k;
            var activeRow = new int[length];
            Array.Copy(active, k * periods, activeRow, 0, length);
            var revenueRow = new decimal[length];
            if (revenue.Length != 0)
            {
                Array.Copy(revenue, k * periods, revenueRow, 0, length);
            }

            cohorts.Add(new Cohort(CalendarPeriods.StartOf(firstPeriod + k, period), cohortSizes[k], activeRow, revenueRow));
        }

        return new CohortTable(period, cohorts);
    }
}

/// <summary>A cohort table (<see cref="Cohorts.Build(TransactionTable, CalendarPeriod)"/>): one <see cref="Cohort"/> per acquisition period that has customers, oldest first.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class CohortTable
{
    /// <summary>A table from its parts (what <see cref="Cohorts.Build(TransactionTable, CalendarPeriod)"/> computes, or a stored table holds).</summary>
    /// <param name="period">The kind of period.</param>
    /// <param name="cohorts">The cohorts, oldest first (strictly increasing starts).</param>
    /// <exception cref="ArgumentNullException"><paramref name="cohorts"/> or one of them is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not defined.</exception>
    /// <exception cref="ArgumentException">The cohorts are not oldest first.</exception>
    public CohortTable(CalendarPeriod period, IReadOnlyList<Cohort> cohorts)
    {
        Guard.NotNull(cohorts);
        Period = Guard.Defined(period);
        var copy = new Cohort[cohorts.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = cohorts[i] ?? throw new ArgumentNullException(nameof(cohorts), $"Cohort {i} is null.");
            if (i > 0 && copy[i].Start <= copy[i - 1].Start)
            {
                throw new ArgumentException($"The cohorts must be oldest first; cohort {i} starts {copy[i].Start}, not after {copy[i - 1].Start}.", nameof(cohorts));
            }
        }

        Cohorts = copy;
    }

    /// <summary>The kind of period of the table.</summary>
    public CalendarPeriod Period { get; }

    /// <summary>The cohorts, oldest first; only acquisition periods with at least one new customer.</summary>
    public IReadOnlyList<Cohort> Cohorts { get; }
}

/// <summary>One acquisition cohort: its size and, per period since acquisition, active customers and revenue.</summary>
/// <remarks>Immutable and thread-safe. Period index 0 is the acquisition period.</remarks>
public sealed class Cohort
{
    private readonly int[] _active;
    private readonly decimal[] _revenue;

    /// <summary>A cohort from its parts (what <see cref="Cohorts.Build(TransactionTable, CalendarPeriod)"/> computes, or a stored table holds).</summary>
    /// <param name="start">The first day of the acquisition period.</param>
    /// <param name="customers">The cohort's size. Range: ≥ 1.</param>
    /// <param name="active">Per period since acquisition, the active customers. Range: at least one period; the first equals <paramref name="customers"/>, each in [0, customers].</param>
    /// <param name="revenue">Per period since acquisition, the revenue; as many as <paramref name="active"/>.</param>
    /// <exception cref="ArgumentNullException">A list is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
    /// <exception cref="ArgumentException">The lists differ in length or are empty.</exception>
    public Cohort(LocalDate start, int customers, IReadOnlyList<int> active, IReadOnlyList<decimal> revenue)
        : this(start, customers, CopyOf(Guard.NotNull(active)), CopyOf(Guard.NotNull(revenue)))
    {
        Guard.Positive(customers);
        Guard.SameLength(_active.Length, _revenue.Length, nameof(revenue));
        if (_active.Length == 0)
        {
            throw new ArgumentException("A cohort is followed for at least its acquisition period.", nameof(active));
        }

        if (_active[0] != customers)
        {
            throw new ArgumentOutOfRangeException(nameof(active), _active[0], "Every customer of a cohort is active in its acquisition period.");
        }

        foreach (int a in _active)
        {
            Guard.InRange(a, 0, customers, nameof(active));
        }
    }

    internal Cohort(LocalDate start, int customers, int[] active, decimal[] revenue)
    {
        Start = start;
        Customers = customers;
        _active = active;
        _revenue = revenue;
    }

    /// <summary>The first day of the acquisition period (a Monday for ISO weeks).</summary>
    public LocalDate Start { get; }

    /// <summary>Customers whose first purchase falls in the acquisition period.</summary>
    public int Customers { get; }

    /// <summary>How many periods the cohort is followed, the acquisition period included.</summary>
    public int PeriodCount => _active.Length;

    /// <summary>Per period since acquisition, the cohort's customers with at least one purchase in it.</summary>
    public IReadOnlyList<int> Active => _active;

    /// <summary>Per period since acquisition, the total amount the cohort's customers spent in it (refunds included).</summary>
    public IReadOnlyList<decimal> Revenue => _revenue;

    /// <summary>active / customers in period <paramref name="period"/> since acquisition: 1 at 0, never above 1.</summary>
    /// <param name="period">Periods since acquisition. Range: 0 ≤ period &lt; <see cref="PeriodCount"/>.</param>
    /// <returns>The cohort's retention in that period.</returns>
    public double Retention(int period)
    {
        Guard.InRange(period, 0, _active.Length - 1);
        return (double)_active[period] / Customers;
    }

    private static T[] CopyOf<T>(IReadOnlyList<T> values)
    {
        var copy = new T[values.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = values[i];
        }

        return copy;
    }
}
