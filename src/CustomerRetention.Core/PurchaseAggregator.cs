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
/// sorted by date, or a log in date order), with no allocation besides the result; other orders
/// take one extra O(n log k) sorting pass (k = transactions per customer) with O(n) scratch memory.</para>
/// <para>To combine partial results of disjoint transaction sets (partitions aggregated
/// elsewhere), see <see cref="PurchaseAggregate"/> and docs/scale-out.md.</para>
/// <example>
/// <code>
/// PurchaseSummaries summaries = PurchaseAggregator.Summarize(transactions, through: new LocalDate(1997, 9, 30));
/// ModelInputs inputs = summaries.ToModelInputs(new LocalDate(1997, 9, 30), TimeUnit.Week);
/// </code>
/// </example>
/// </remarks>
public static class PurchaseAggregator
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
        Summarize(table.CustomerIndices, table.DayNumbers, table.Amounts, throughDay, all);
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
        int customerCount = acc.Length;
        var start = new int[customerCount + 1];
        int kept = 0;
        for (int i = 0; i < customers.Length; i++)
        {
            if (days[i] <= through)
            {
                start[customers[i] + 1]++;
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
            if (length > 1)
            {
                Array.Sort(keys, rows, from, length);
            }

            for (int p = from; p < from + length; p++)
            {
                int i = rows[p];
                int day = keys[p];
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
                else
                {
                    s.Transactions++;
                    s.PurchaseDays++;
                    s.LastDay = day;
                    s.TotalAmount += amount;
                }
            }
        }
    }

    /// <summary>The mutable twin of <see cref="PurchaseSummary"/> (same field layout) that the hot loops write.</summary>
    [StructLayout(LayoutKind.Sequential)]
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
