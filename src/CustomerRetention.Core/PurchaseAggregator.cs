using System.Buffers;
using System.Runtime.InteropServices;
using NodaTime;

namespace CustomerRetention;

/// <summary>
/// Turns transactions, in any order, into per-customer <see cref="PurchaseSummary"/>s in one pass:
/// same-day purchases merge into one purchase day, and with a cut-off (the calibration end) only
/// purchases on or before it count.
/// </summary>
/// <remarks>
/// <para>Three entry points: the friendly one over <see cref="Transaction"/>s, one over a
/// <see cref="TransactionTable"/>, and the columnar one over spans (dense customer index, day
/// number, amount) that the other two feed.</para>
/// <para>Cost: O(n) time for input that is in date order per customer (grouped by customer and
/// sorted by date, or a log in date order), with no allocation besides the result; large grouped
/// input is summed on all cores. Other orders take a radix sort by customer (one scatter
/// pass per 11 bits of the customer index: two up to 4M customers) with O(n) pooled scratch memory.</para>
/// <para>To combine partial results of disjoint transaction sets (partitions aggregated
/// elsewhere), see <see cref="PurchaseAggregate"/> and docs/scale-out.md.</para>
/// <example>
/// <code>
/// PurchaseSummaries summaries = PurchaseAggregator.Summarize(transactions, through: new LocalDate(1997, 9, 30));
/// ModelInputs inputs = summaries.ToModelInputs(new LocalDate(1997, 9, 30), TimeUnit.Week);
/// </code>
/// </example>
/// </remarks>
public static partial class PurchaseAggregator
{
    /// <summary>The summaries of <paramref name="transactions"/> (any order).</summary>
    /// <param name="transactions">The transactions.</param>
    /// <param name="through">When given, only purchases on or before this date count (customers whose first purchase is later are left out).</param>
    /// <returns>One summary per customer with a purchase, in order of first appearance.</returns>
    public static PurchaseSummaries Summarize(IEnumerable<Transaction> transactions, LocalDate? through = null)
    {
        Guard.NotNull(transactions);
        return Summarize(TransactionTable.FromTransactions(transactions), through);
    }

    /// <summary>The summaries of the rows of <paramref name="table"/> (any order).</summary>
    /// <param name="table">The transactions.</param>
    /// <param name="through">When given, only purchases on or before this date count (customers whose first purchase is later are left out).</param>
    /// <returns>One summary per customer with a purchase, in order of first appearance.</returns>
    public static PurchaseSummaries Summarize(TransactionTable table, LocalDate? through = null)
    {
        Guard.NotNull(table);
        int throughDay = through is LocalDate t ? DayNumbers.FromDate(t) : int.MaxValue;
        var all = new PurchaseSummary[table.CustomerCount];
        Summarize(table, throughDay, all);

        int kept = 0;
        for (int i = 0; i < all.Length; i++)
        {
            if (all[i].HasPurchases)
            {
                kept++;
            }
        }

        IReadOnlyList<CustomerId> ids = table.Customers;
        var customers = new CustomerId[kept];
        PurchaseSummary[] summaries = kept == all.Length ? all : new PurchaseSummary[kept];
        int k = 0;
        for (int i = 0; i < all.Length; i++)
        {
            if (all[i].HasPurchases)
            {
                customers[k] = ids[i];
                summaries[k] = all[i];
                k++;
            }
        }

        return new PurchaseSummaries(customers, summaries, through);
    }

    /// <summary>
    /// The summaries of the rows of <paramref name="table"/> into <paramref name="destination"/>[customer index]
    /// (see <see cref="TransactionTable.Customers"/>), through the fastest columnar path the table's amounts
    /// allow (scaled integers when they fit). The destination is overwritten; customers without a purchase
    /// through <paramref name="throughDayNumber"/> get <c>default</c>.
    /// </summary>
    /// <param name="table">The transactions.</param>
    /// <param name="throughDayNumber">Rows after this day number are ignored; <see cref="int.MaxValue"/> for none.</param>
    /// <param name="destination">One summary per customer of the table. Its length must be <see cref="TransactionTable.CustomerCount"/>.</param>
    public static void Summarize(TransactionTable table, int throughDayNumber, Span<PurchaseSummary> destination)
    {
        Guard.NotNull(table);
        Guard.SameLength(table.CustomerCount, destination.Length, nameof(destination));
        if (table.TryGetAmountUnits(out ReadOnlySpan<long> units, out int scale))
        {
            Summarize(table.CustomerIndices, table.DayNumbers, units, scale, throughDayNumber, destination);
        }
        else
        {
            Summarize(table.CustomerIndices, table.DayNumbers, table.Amounts, throughDayNumber, destination);
        }
    }

    /// <summary>
    /// The columnar entry point: summarises the rows (customerIndices[i], dayNumbers[i], amounts[i])
    /// into <paramref name="destination"/>[customer]. The destination is overwritten; customers
    /// without a purchase through <paramref name="throughDayNumber"/> get <c>default</c>
    /// (<see cref="PurchaseSummary.HasPurchases"/> false).
    /// </summary>
    /// <param name="customerIndices">Dense customer index per row. Range: 0 ≤ index &lt; destination.Length.</param>
    /// <param name="dayNumbers">Day number per row (days since 1970-01-01, see <see cref="DayNumbers"/>).</param>
    /// <param name="amounts">Amount per row, any sign.</param>
    /// <param name="throughDayNumber">Rows after this day number are ignored; <see cref="int.MaxValue"/> for none.</param>
    /// <param name="destination">One summary per customer index.</param>
    /// <exception cref="OverflowException">A customer's total amount is beyond the range of <see cref="decimal"/> (±7.9e28).</exception>
    public static void Summarize(ReadOnlySpan<int> customerIndices, ReadOnlySpan<int> dayNumbers, ReadOnlySpan<decimal> amounts, int throughDayNumber, Span<PurchaseSummary> destination)
    {
        Guard.SameLength(customerIndices.Length, dayNumbers.Length);
        Guard.SameLength(customerIndices.Length, amounts.Length);
        Span<Accumulator> acc = MemoryMarshal.Cast<PurchaseSummary, Accumulator>(destination);
        acc.Clear();
        int outOfOrder = AccumulateInOrder(customerIndices, dayNumbers, amounts, throughDayNumber, acc);
        if (outOfOrder >= 0)
        {
            acc.Clear();
            AccumulateSorted(customerIndices, dayNumbers, amounts, throughDayNumber, acc);
        }
    }

    /// <summary>
    /// The columnar entry point for amounts stored as exact scaled integers (amount = units · 10^−scale,
    /// e.g. cents with scale 2; see <see cref="TransactionTable.TryGetAmountUnits"/>): the fastest path,
    /// integer sums instead of decimal ones, with the same result as the decimal overload. The
    /// destination is overwritten; customers without a purchase get <c>default</c>.
    /// </summary>
    /// <param name="customerIndices">Dense customer index per row. Range: 0 ≤ index &lt; destination.Length.</param>
    /// <param name="dayNumbers">Day number per row (days since 1970-01-01, see <see cref="DayNumbers"/>).</param>
    /// <param name="amountUnits">Amount per row in units of 10^−<paramref name="amountScale"/>, any sign.</param>
    /// <param name="amountScale">The number of decimals of the units. Range: 0 ≤ amountScale ≤ 9.</param>
    /// <param name="throughDayNumber">Rows after this day number are ignored; <see cref="int.MaxValue"/> for none.</param>
    /// <param name="destination">One summary per customer index.</param>
    public static void Summarize(ReadOnlySpan<int> customerIndices, ReadOnlySpan<int> dayNumbers, ReadOnlySpan<long> amountUnits, int amountScale, int throughDayNumber, Span<PurchaseSummary> destination)
    {
        Guard.SameLength(customerIndices.Length, dayNumbers.Length);
        Guard.SameLength(customerIndices.Length, amountUnits.Length);
        Guard.InRange(amountScale, 0, AmountUnits.MaxScale);
        Span<UnitAccumulator> acc = MemoryMarshal.Cast<PurchaseSummary, UnitAccumulator>(destination);
        if (acc.Length != destination.Length)
        {
            throw new InvalidOperationException("UnitAccumulator and PurchaseSummary must have the same size.");
        }

        try
        {
            if (!InOrderRuns.TryAccumulate(customerIndices, dayNumbers, amountUnits, amountScale, throughDayNumber, destination))
            {
                acc.Clear();
                UnorderedRuns.Accumulate(customerIndices, dayNumbers, amountUnits, throughDayNumber, acc);
                UnitsToSummaries(destination, amountScale);
            }
        }
        catch (OverflowException)
        {
            // Totals beyond ±9.2e18 units: sum as decimals instead.
            var amounts = new decimal[amountUnits.Length];
            for (int i = 0; i < amounts.Length; i++)
            {
                amounts[i] = AmountUnits.ToDecimal(amountUnits[i], amountScale);
            }

            Summarize(customerIndices, dayNumbers, amounts, throughDayNumber, destination);
        }
    }

    /// <summary>The integer form of a summary slot that holds running totals in units (the two overlay the same memory).</summary>
    internal static ref UnitAccumulator AsUnits(ref PurchaseSummary slot) =>
        ref System.Runtime.CompilerServices.Unsafe.As<PurchaseSummary, UnitAccumulator>(ref slot);

    /// <summary>
    /// Rewrites slots that hold running totals in units at <paramref name="scale"/> decimals into their summaries: a slot
    /// without transactions becomes <c>default</c> (no purchases). Returns the number of those.
    /// </summary>
    internal static int UnitsToSummaries(Span<PurchaseSummary> slots, int scale)
    {
        Span<UnitAccumulator> units = MemoryMarshal.Cast<PurchaseSummary, UnitAccumulator>(slots);
        Span<Accumulator> result = MemoryMarshal.Cast<PurchaseSummary, Accumulator>(slots);
        int empty = 0;
        for (int c = 0; c < slots.Length; c++)
        {
            if (units[c].Transactions == 0)
            {
                slots[c] = default;
                empty++;
            }
            else
            {
                UnitsToDecimals(ref units[c], ref result[c], scale);
            }
        }

        return empty;
    }

    /// <summary>Rewrites a customer's slot from the integer form to the decimal form of <see cref="PurchaseSummary"/> (the two overlay the same memory).</summary>
    private static void UnitsToDecimals(ref UnitAccumulator units, ref Accumulator result, int scale)
    {
        UnitAccumulator u = units;
        result.TotalAmount = AmountUnits.ToDecimal(u.TotalUnits, scale);
        result.FirstDayAmount = AmountUnits.ToDecimal(u.FirstDayUnits, scale);
        result.Transactions = u.Transactions;
        result.FirstDay = u.FirstDay;
        result.LastDay = u.LastDay;
        result.PurchaseDays = u.PurchaseDays;
    }

    /// <summary>Rewrites a customer's slot from the decimal form back to the integer form (its amounts were written by <see cref="UnitsToDecimals"/>, so they are exact at <paramref name="scale"/>).</summary>
    private static void DecimalsToUnits(ref Accumulator result, ref UnitAccumulator units, int scale)
    {
        Accumulator r = result;
        units.TotalUnits = ToUnits(r.TotalAmount, scale);
        units.FirstDayUnits = ToUnits(r.FirstDayAmount, scale);
        units.Transactions = r.Transactions;
        units.FirstDay = r.FirstDay;
        units.LastDay = r.LastDay;
        units.PurchaseDays = r.PurchaseDays;
    }

    private static long ToUnits(decimal amount, int scale)
    {
        if (!AmountUnits.TryFromDecimal(amount, out long units, out int ownScale) || ownScale != scale)
        {
            throw new InvalidOperationException("A summed amount lost its scale.");
        }

        return units;
    }

    /// <summary>Row order by (customer, day): a counting sort by customer, then a sort of each customer's rows by day.</summary>
    private static (int[] Start, int[] Rows, int[] Keys) SortByCustomerAndDay(ReadOnlySpan<int> customers, ReadOnlySpan<int> days, int through, int customerCount)
    {
        var start = new int[customerCount + 1];
        int kept = 0;
        for (int i = 0; i < customers.Length; i++)
        {
            if (days[i] <= through)
            {
                int c = customers[i];
                if ((uint)c >= (uint)customerCount)
                {
                    throw new ArgumentOutOfRangeException(nameof(customers), c, FormattableString.Invariant($"Customer index at row {i} is outside the destination."));
                }

                start[c + 1]++;
                kept++;
            }
        }

        for (int c = 0; c < customerCount; c++)
        {
            start[c + 1] += start[c];
        }

        var rows = new int[kept];
        var keys = new int[kept];
        var next = new int[customerCount];
        Array.Copy(start, next, customerCount);
        for (int i = 0; i < customers.Length; i++)
        {
            int day = days[i];
            if (day <= through)
            {
                int p = next[customers[i]]++;
                rows[p] = i;
                keys[p] = day;
            }
        }

        for (int c = 0; c < customerCount; c++)
        {
            int from = start[c];
            int length = start[c + 1] - from;
            if (length > 1 && !IsSorted(keys, from, length))
            {
                SortSegment(keys, rows, from, length);
            }
        }

        return (start, rows, keys);
    }

    /// <summary>Sorts keys[from..from+length) with their rows: insertion sort for the short segments of one customer, Array.Sort beyond.</summary>
    internal static void SortSegment<T>(int[] keys, T[] rows, int from, int length)
    {
        if (length > 24)
        {
            Array.Sort(keys, rows, from, length);
            return;
        }

        for (int p = from + 1; p < from + length; p++)
        {
            int key = keys[p];
            T row = rows[p];
            int q = p - 1;
            while (q >= from && keys[q] > key)
            {
                keys[q + 1] = keys[q];
                rows[q + 1] = rows[q];
                q--;
            }

            keys[q + 1] = key;
            rows[q + 1] = row;
        }
    }

    private static bool IsSorted(int[] keys, int from, int length)
    {
        for (int p = from + 1; p < from + length; p++)
        {
            if (keys[p] < keys[p - 1])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One pass that assumes each customer's rows come in date order; returns the first row that does not, or −1.</summary>
    private static int AccumulateInOrder(ReadOnlySpan<int> customers, ReadOnlySpan<int> days, ReadOnlySpan<decimal> amounts, int through, Span<Accumulator> acc)
    {
        int customerCount = acc.Length;
        for (int i = 0; i < customers.Length; i++)
        {
            int day = days[i];
            if (day > through)
            {
                continue;
            }

            int c = customers[i];
            if ((uint)c >= (uint)customerCount)
            {
                throw new ArgumentOutOfRangeException(nameof(customers), c, FormattableString.Invariant($"Customer index at row {i} is outside the destination."));
            }

            ref Accumulator s = ref acc[c];
            decimal amount = amounts[i];
            if (s.Transactions == 0)
            {
                s.FirstDay = day;
                s.LastDay = day;
                s.PurchaseDays = 1;
                s.Transactions = 1;
                s.TotalAmount = amount;
                s.FirstDayAmount = amount;
            }
            else if (day == s.LastDay)
            {
                s.Transactions++;
                s.TotalAmount += amount;
                if (day == s.FirstDay)
                {
                    s.FirstDayAmount += amount;
                }
            }
            else if (day > s.LastDay)
            {
                s.Transactions++;
                s.PurchaseDays++;
                s.LastDay = day;
                s.TotalAmount += amount;
            }
            else
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Sorts the rows by (customer, day) with a counting sort and a per-customer sort, then accumulates in that order.</summary>
    private static void AccumulateSorted(ReadOnlySpan<int> customers, ReadOnlySpan<int> days, ReadOnlySpan<decimal> amounts, int through, Span<Accumulator> acc)
    {
        (int[] start, int[] rows, int[] keys) = SortByCustomerAndDay(customers, days, through, acc.Length);
        for (int c = 0; c < acc.Length; c++)
        {
            ref Accumulator s = ref acc[c];
            for (int p = start[c]; p < start[c + 1]; p++)
            {
                int day = keys[p];
                decimal amount = amounts[rows[p]];
                if (s.Transactions == 0)
                {
                    s.FirstDay = day;
                    s.LastDay = day;
                    s.PurchaseDays = 1;
                    s.Transactions = 1;
                    s.TotalAmount = amount;
                    s.FirstDayAmount = amount;
                }
                else
                {
                    s.Transactions++;
                    s.TotalAmount += amount;
                    if (day == s.LastDay)
                    {
                        if (day == s.FirstDay)
                        {
                            s.FirstDayAmount += amount;
                        }
                    }
                    else
                    {
                        s.PurchaseDays++;
                        s.LastDay = day;
                    }
                }
            }
        }
    }

    /// <summary>The integer accumulator of the scaled-units path, laid over the destination's memory (same size as <see cref="PurchaseSummary"/>).</summary>
    [StructLayout(LayoutKind.Sequential, Size = 56)]
    internal struct UnitAccumulator
    {
        public long TotalUnits;
        public long FirstDayUnits;
        public long Transactions;
        public int FirstDay;
        public int LastDay;
        public int PurchaseDays;
    }

    /// <summary>The mutable twin of <see cref="PurchaseSummary"/> (same field layout) that the hot loops write.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 56)]
    private struct Accumulator
    {
        public decimal TotalAmount;
        public decimal FirstDayAmount;
        public long Transactions;
        public int FirstDay;
        public int LastDay;
        public int PurchaseDays;
    }
}
