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
/// sorted by date, or a log in date order); large grouped input (customer indices in ascending order, as a table
/// read from a grouped file numbers them) is summed on up to <c>maxDegreeOfParallelism</c> cores (default: all).
/// Other orders take a counting sort by customer and a sort of each customer's days, O(n) scratch memory.
/// Every path adds rows with <see cref="PurchaseTotals"/>, the one summing step.</para>
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
    public static PurchaseSummaries Summarize(TransactionTable table, LocalDate? through = null) => Summarize(table, through, -1);

    /// <summary>The summaries of the rows of <paramref name="table"/> (any order), on at most <paramref name="maxDegreeOfParallelism"/> cores.</summary>
    /// <param name="table">The transactions.</param>
    /// <param name="through">When given, only purchases on or before this date count (customers whose first purchase is later are left out).</param>
    /// <param name="maxDegreeOfParallelism">The most cores to use: −1 for all (as <see cref="ParallelOptions.MaxDegreeOfParallelism"/>), or ≥ 1.</param>
    /// <returns>One summary per customer with a purchase, in order of first appearance.</returns>
    public static PurchaseSummaries Summarize(TransactionTable table, LocalDate? through, int maxDegreeOfParallelism)
    {
        Guard.NotNull(table);
        int workers = Workers(maxDegreeOfParallelism);
        int throughDay = through is LocalDate t ? DayNumbers.FromDate(t) : int.MaxValue;
        var all = new PurchaseSummary[table.CustomerCount];
        Summarize(table, throughDay, all, workers);

        return Compact(table.Customers, all, through);
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
        Summarize(table, throughDayNumber, destination, -1);
    }

    private static void Summarize(TransactionTable table, int throughDayNumber, Span<PurchaseSummary> destination, int maxDegreeOfParallelism)
    {
        Guard.SameLength(table.CustomerCount, destination.Length, nameof(destination));
        if (table.TryGetAmountUnits(out ReadOnlySpan<long> units, out int scale))
        {
            Summarize(table.CustomerIndices, table.DayNumbers, units, scale, throughDayNumber, destination, maxDegreeOfParallelism);
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
    /// (<see cref="PurchaseSummary.HasPurchases"/> false). The rows are summed as decimals in (customer, day) order
    /// (a counting sort): the path for amounts beyond scaled integers; the scaled-integer overload is faster.
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
        SummarizeDecimals(customerIndices, dayNumbers, amounts, throughDayNumber, destination);
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
    public static void Summarize(ReadOnlySpan<int> customerIndices, ReadOnlySpan<int> dayNumbers, ReadOnlySpan<long> amountUnits, int amountScale, int throughDayNumber, Span<PurchaseSummary> destination) =>
        Summarize(customerIndices, dayNumbers, amountUnits, amountScale, throughDayNumber, destination, -1);

    /// <summary>
    /// As <see cref="Summarize(ReadOnlySpan{int}, ReadOnlySpan{int}, ReadOnlySpan{long}, int, int, Span{PurchaseSummary})"/>,
    /// on at most <paramref name="maxDegreeOfParallelism"/> cores.
    /// </summary>
    /// <param name="customerIndices">Dense customer index per row. Range: 0 ≤ index &lt; destination.Length.</param>
    /// <param name="dayNumbers">Day number per row (days since 1970-01-01, see <see cref="DayNumbers"/>).</param>
    /// <param name="amountUnits">Amount per row in units of 10^−<paramref name="amountScale"/>, any sign.</param>
    /// <param name="amountScale">The number of decimals of the units. Range: 0 ≤ amountScale ≤ 9.</param>
    /// <param name="throughDayNumber">Rows after this day number are ignored; <see cref="int.MaxValue"/> for none.</param>
    /// <param name="destination">One summary per customer index.</param>
    /// <param name="maxDegreeOfParallelism">The most cores to use: −1 for all, or ≥ 1.</param>
    public static void Summarize(ReadOnlySpan<int> customerIndices, ReadOnlySpan<int> dayNumbers, ReadOnlySpan<long> amountUnits, int amountScale, int throughDayNumber, Span<PurchaseSummary> destination, int maxDegreeOfParallelism)
    {
        Guard.SameLength(customerIndices.Length, dayNumbers.Length);
        Guard.SameLength(customerIndices.Length, amountUnits.Length);
        Guard.InRange(amountScale, 0, AmountUnits.MaxScale);
        int workers = Workers(maxDegreeOfParallelism);
        CheckIndices(customerIndices, destination.Length);
        var totals = new PurchaseTotals[destination.Length];
        try
        {
            if (!TryAddInOrder(customerIndices, dayNumbers, amountUnits, throughDayNumber, totals, workers))
            {
                Array.Clear(totals, 0, totals.Length);
                AddSorted(customerIndices, dayNumbers, amountUnits, throughDayNumber, totals);
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

            SummarizeDecimals(customerIndices, dayNumbers, amounts, throughDayNumber, destination);
            return;
        }

        ToSummaries(totals, totals.Length, amountScale, destination, workers);
    }

    /// <summary>
    /// The summaries of customers whose totals were summed elsewhere with <see cref="PurchaseTotals"/> (the CSV
    /// package's one-pass summariser does): <paramref name="totals"/>[i] belongs to <paramref name="customers"/>[i];
    /// customers without a purchase are left out. Nothing is kept of the arguments.
    /// </summary>
    /// <param name="customers">The customers, in order of first appearance.</param>
    /// <param name="totals">Their totals, at least as many as customers (any beyond are ignored).</param>
    /// <param name="amountScale">The number of decimals of the totals' units. Range: 0 ≤ amountScale ≤ 9.</param>
    /// <param name="through">The cut-off the totals were summed to, or null for none.</param>
    /// <param name="maxDegreeOfParallelism">The most cores to use: −1 for all, or ≥ 1.</param>
    /// <returns>One summary per customer with a purchase, in the order given.</returns>
    public static PurchaseSummaries Summarize(IReadOnlyList<CustomerId> customers, PurchaseTotals[] totals, int amountScale, LocalDate? through, int maxDegreeOfParallelism = -1)
    {
        Guard.NotNull(customers);
        Guard.NotNull(totals);
        Guard.InRange(amountScale, 0, AmountUnits.MaxScale);
        int workers = Workers(maxDegreeOfParallelism);
        int count = customers.Count;
        if (totals.Length < count)
        {
            throw new ArgumentException(FormattableString.Invariant($"There are {count} customers but only {totals.Length} totals."), nameof(totals));
        }

        var all = new PurchaseSummary[count];
        ToSummaries(totals, count, amountScale, all, workers);
        return Compact(customers, all, through);
    }


    /// <summary>The summaries with a purchase and their customers, in order.</summary>
    private static PurchaseSummaries Compact(IReadOnlyList<CustomerId> ids, PurchaseSummary[] all, LocalDate? through)
    {
        int kept = 0;
        for (int i = 0; i < all.Length; i++)
        {
            if (all[i].HasPurchases)
            {
                kept++;
            }
        }

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

    /// <summary>The number of workers for <paramref name="maxDegreeOfParallelism"/> (−1: every core).</summary>
    internal static int Workers(int maxDegreeOfParallelism)
    {
        if (maxDegreeOfParallelism == 0 || maxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "The maximum degree of parallelism must be −1 (all cores) or at least 1.");
        }

        return maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : Math.Min(maxDegreeOfParallelism, Environment.ProcessorCount);
    }

    private const int ParallelFromRows = 1 << 18;
    private const int ParallelFromCustomers = 1 << 16;

    private static void CheckIndices(ReadOnlySpan<int> customers, int customerCount)
    {
        for (int i = 0; i < customers.Length; i++)
        {
            if ((uint)customers[i] >= (uint)customerCount)
            {
                throw new ArgumentOutOfRangeException("customerIndices", customers[i], FormattableString.Invariant($"Customer index at row {i} is outside the destination."));
            }
        }
    }

    /// <summary>
    /// Adds every row in file order; false (totals undefined) at the first row dated before its customer's last.
    /// Rows whose customer indices never decrease (grouped input numbered by first appearance) are cut into one chunk
    /// per worker at customer boundaries: no customer is in two chunks, so the chunks add in parallel.
    /// </summary>
    private static unsafe bool TryAddInOrder(ReadOnlySpan<int> customers, ReadOnlySpan<int> days, ReadOnlySpan<long> units, int through, PurchaseTotals[] totals, int workers)
    {
        int n = customers.Length;
        if (workers < 2 || n < ParallelFromRows)
        {
            return AddInOrder(customers, days, units, through, totals, ascending: false);
        }

        var bounds = new int[workers + 1];
        bounds[workers] = n;
        for (int w = 1; w < workers; w++)
        {
            int b = Math.Max(bounds[w - 1], ParallelWork.Start(n, w, workers));
            while (b > 0 && b < n && customers[b] == customers[b - 1])
            {
                b++;
            }

            bounds[w] = b;
        }

        var ascending = new bool[workers];
        fixed (int* pc = customers, pd = days)
        fixed (long* pu = units)
        {
            nint c = (nint)pc, d = (nint)pd, u = (nint)pu;
            ParallelWork.Run(workers, w =>
            {
                int from = bounds[w], length = bounds[w + 1] - from;
                ascending[w] = AddInOrder(
                    new ReadOnlySpan<int>((int*)c + from, length), new ReadOnlySpan<int>((int*)d + from, length), new ReadOnlySpan<long>((long*)u + from, length), through, totals, ascending: true);
            });
        }

        bool disjoint = Array.TrueForAll(ascending, a => a);
        for (int w = 1; w < workers && disjoint; w++)
        {
            disjoint = bounds[w] == bounds[w - 1] || bounds[w] == n || customers[bounds[w] - 1] < customers[bounds[w]];
        }

        if (disjoint)
        {
            return true;
        }

        // Not grouped in ascending order (chunks may have shared customers): one pass.
        Array.Clear(totals, 0, totals.Length);
        return AddInOrder(customers, days, units, through, totals, ascending: false);
    }

    /// <summary>Adds the rows in order; false at a row dated before its customer's last, or (when <paramref name="ascending"/>) whose customer index is below the previous row's.</summary>
    private static bool AddInOrder(ReadOnlySpan<int> customers, ReadOnlySpan<int> days, ReadOnlySpan<long> units, int through, PurchaseTotals[] totals, bool ascending)
    {
        int previous = int.MinValue;
        for (int i = 0; i < customers.Length; i++)
        {
            int c = customers[i];
            if (ascending)
            {
                if (c < previous)
                {
                    return false;
                }

                previous = c;
            }

            int day = days[i];
            if (day <= through && !totals[c].TryAdd(day, units[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Adds the rows in (customer, day) order.</summary>
    private static void AddSorted(ReadOnlySpan<int> customers, ReadOnlySpan<int> days, ReadOnlySpan<long> units, int through, PurchaseTotals[] totals)
    {
        (int[] start, int[] rows, int[] keys) = SortByCustomerAndDay(customers, days, through, totals.Length);
        for (int c = 0; c < totals.Length; c++)
        {
            for (int p = start[c]; p < start[c + 1]; p++)
            {
                totals[c].TryAdd(keys[p], units[rows[p]]);
            }
        }
    }

    /// <summary>Writes each customer's summary, in parallel chunks of customers when there are many.</summary>
    private static void ToSummaries(PurchaseTotals[] totals, int count, int scale, Span<PurchaseSummary> destination, int workers)
    {
        if (workers < 2 || count < ParallelFromCustomers)
        {
            for (int c = 0; c < count; c++)
            {
                destination[c] = totals[c].ToSummary(scale);
            }

            return;
        }

        var summaries = new PurchaseSummary[count];
        ToSummaries(totals, count, scale, summaries, workers);
        summaries.AsSpan().CopyTo(destination);
    }

    /// <summary>As the span overload, straight into an array (no copy).</summary>
    private static void ToSummaries(PurchaseTotals[] totals, int count, int scale, PurchaseSummary[] destination, int workers)
    {
        int parts = count < ParallelFromCustomers ? 1 : workers;
        ParallelWork.Run(parts, w =>
        {
            int end = ParallelWork.Start(count, w + 1, parts);
            for (int c = ParallelWork.Start(count, w, parts); c < end; c++)
            {
                destination[c] = totals[c].ToSummary(scale);
            }
        });
    }

    /// <summary>The decimal path (amounts beyond scaled integers): rows in (customer, day) order, summed as decimals.</summary>
    private static void SummarizeDecimals(ReadOnlySpan<int> customers, ReadOnlySpan<int> days, ReadOnlySpan<decimal> amounts, int through, Span<PurchaseSummary> destination)
    {
        (int[] start, int[] rows, int[] keys) = SortByCustomerAndDay(customers, days, through, destination.Length);
        for (int c = 0; c < destination.Length; c++)
        {
            int from = start[c], to = start[c + 1];
            if (from == to)
            {
                destination[c] = default;
                continue;
            }

            int purchaseDays = 1;
            decimal total = 0m, firstDay = 0m;
            for (int p = from; p < to; p++)
            {
                decimal amount = amounts[rows[p]];
                total += amount;
                if (keys[p] == keys[from])
                {
                    firstDay += amount;
                }
                else if (keys[p] != keys[p - 1])
                {
                    purchaseDays++;
                }
            }

            destination[c] = new PurchaseSummary(keys[from], keys[to - 1], to - from, purchaseDays, total, firstDay);
        }
    }

    /// <summary>Row order by (customer, day), rows after <paramref name="through"/> left out: a counting sort by customer, then a sort of each customer's rows by day.</summary>
    private static (int[] Start, int[] Rows, int[] Keys) SortByCustomerAndDay(ReadOnlySpan<int> customers, ReadOnlySpan<int> days, int through, int customerCount)
    {
        CheckIndices(customers, customerCount);
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
                SortSegment(keys, rows, from, length);
            }
        }

        return (start, rows, keys);
    }
}
