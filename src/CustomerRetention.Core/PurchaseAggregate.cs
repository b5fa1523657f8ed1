using NodaTime;

namespace CustomerRetention;

/// <summary>
/// A mergeable partial aggregate of transactions: per customer, the distinct purchase days with each
/// day's amount and number of transactions. The aggregates of two disjoint sets of transactions
/// <see cref="Merge(PurchaseAggregate, PurchaseAggregate)">merge</see> into the aggregate of their
/// union, whatever the split (by customer, by date, or at random), so that a customer base too big
/// for one machine can be aggregated per partition and finished here (docs/scale-out.md).
/// </summary>
/// <remarks>
/// <para>Its size is the number of distinct (customer, day) pairs, at most the number of
/// transactions. <see cref="Summarize"/> gives the <see cref="PurchaseSummaries"/> for any cut-off;
/// for a single pass from transactions to summaries, <see cref="PurchaseAggregator"/> is faster.</para>
/// <para>Customers are numbered in order of first appearance (for a merge: those of the first
/// part, then the new ones of the second). Immutable, thread-safe.</para>
/// <example>
/// <code>
/// PurchaseAggregate whole = PurchaseAggregate.Merge(PurchaseAggregate.FromTransactions(january),
///                                                   PurchaseAggregate.FromTransactions(february));
/// PurchaseSummaries summaries = whole.Summarize(through: new LocalDate(2024, 2, 29));
/// </code>
/// </example>
/// </remarks>
public sealed class PurchaseAggregate
{
    private readonly CustomerId[] _customers;
    private readonly int[] _start;
    private readonly int[] _days;
    private readonly decimal[] _amounts;
    private readonly long[] _transactions;

    private PurchaseAggregate(CustomerId[] customers, int[] start, int[] days, decimal[] amounts, long[] transactions)
    {
        _customers = customers;
        _start = start;
        _days = days;
        _amounts = amounts;
        _transactions = transactions;
    }

    /// <summary>The aggregate of no transactions.</summary>
    public static PurchaseAggregate Empty { get; } = new([], [0], [], [], []);

    /// <summary>The customers, by index.</summary>
    public IReadOnlyList<CustomerId> Customers => _customers;

    /// <summary>The number of customers.</summary>
    public int CustomerCount => _customers.Length;

    /// <summary>The number of distinct (customer, purchase day) pairs.</summary>
    public int PurchaseDayCount => _days.Length;

    /// <summary>The number of transactions aggregated.</summary>
    public long TransactionCount
    {
        get
        {
            long total = 0;
            foreach (long t in _transactions)
            {
                total += t;
            }

            return total;
        }
    }

    /// <summary>The aggregate of <paramref name="transactions"/> (any order).</summary>
    /// <param name="transactions">The transactions.</param>
    /// <returns>The aggregate.</returns>
    public static PurchaseAggregate FromTransactions(IEnumerable<Transaction> transactions)
    {
        Guard.NotNull(transactions);
        return FromTable(TransactionTable.FromTransactions(transactions));
    }

    /// <summary>The aggregate of the rows of <paramref name="table"/> (any order).</summary>
    /// <param name="table">The transactions.</param>
    /// <returns>The aggregate.</returns>
    public static PurchaseAggregate FromTable(TransactionTable table)
    {
        Guard.NotNull(table);
        var ones = new long[table.Count];
        ones.AsSpan().Fill(1);
        var customers = new CustomerId[table.CustomerCount];
        for (int i = 0; i < customers.Length; i++)
        {
            customers[i] = table.Customers[i];
        }

        return Build(customers, table.CustomerIndices, table.DayNumbers, table.Amounts, ones);
    }

    /// <summary>
    /// The aggregate of rows already merged by (customer, day) elsewhere, e.g. the result of
    /// <c>SELECT customer_id, date, SUM(amount), COUNT(*) … GROUP BY customer_id, date</c> on each
    /// partition; rows with the same customer and day are merged again here.
    /// </summary>
    /// <param name="purchases">The daily rows, any order.</param>
    /// <returns>The aggregate.</returns>
    public static PurchaseAggregate FromDailyPurchases(IEnumerable<DailyPurchase> purchases)
    {
        Guard.NotNull(purchases);
        var interner = new CustomerInterner();
        var customers = new List<int>();
        var days = new List<int>();
        var amounts = new List<decimal>();
        var counts = new List<long>();
        foreach (DailyPurchase p in purchases)
        {
            customers.Add(interner.GetOrAdd(p.Customer.Value));
            days.Add(DayNumbers.FromDate(p.Date));
            amounts.Add(p.Amount);
            counts.Add(Math.Max(1, p.Transactions));
        }

        return Build(Ids(interner), customers.ToArray(), days.ToArray(), amounts.ToArray(), counts.ToArray());
    }

    /// <summary>The aggregate of the union of two disjoint transaction sets, from their aggregates.</summary>
    /// <param name="first">The aggregate of one part.</param>
    /// <param name="second">The aggregate of the other part.</param>
    /// <returns>The aggregate of both.</returns>
    public static PurchaseAggregate Merge(PurchaseAggregate first, PurchaseAggregate second)
    {
        Guard.NotNull(first);
        Guard.NotNull(second);
        return Merge([first, second]);
    }

    /// <summary>The aggregate of the union of disjoint transaction sets, from their aggregates.</summary>
    /// <param name="parts">The aggregates of the parts.</param>
    /// <returns>The aggregate of all of them.</returns>
    public static PurchaseAggregate Merge(IEnumerable<PurchaseAggregate> parts)
    {
        Guard.NotNull(parts);
        List<PurchaseAggregate> list = parts.ToList();
        var interner = new CustomerInterner();
        int total = 0;
        foreach (PurchaseAggregate part in list)
        {
            if (part is null)
            {
                throw new ArgumentNullException(nameof(parts), "A part is null.");
            }

            total += part._days.Length;
        }

        var customers = new int[total];
        var days = new int[total];
        var amounts = new decimal[total];
        var counts = new long[total];
        int k = 0;
        foreach (PurchaseAggregate part in list)
        {
            for (int c = 0; c < part._customers.Length; c++)
            {
                int index = interner.GetOrAdd(part._customers[c].Value);
                for (int p = part._start[c]; p < part._start[c + 1]; p++)
                {
                    customers[k] = index;
                    days[k] = part._days[p];
                    amounts[k] = part._amounts[p];
                    counts[k] = part._transactions[p];
                    k++;
                }
            }
        }

        return Build(Ids(interner), customers, days, amounts, counts);
    }

    /// <summary>The purchase days of the customer at <paramref name="customer"/>, as day numbers, ascending.</summary>
    /// <param name="customer">Range: 0 ≤ customer &lt; <see cref="CustomerCount"/>.</param>
    /// <returns>The day numbers (days since 1970-01-01).</returns>
    public ReadOnlySpan<int> DayNumbersOf(int customer) => _days.AsSpan(_start[Check(customer)], _start[customer + 1] - _start[customer]);

    /// <summary>The amount of each purchase day of the customer at <paramref name="customer"/>, aligned with <see cref="DayNumbersOf"/>.</summary>
    /// <param name="customer">Range: 0 ≤ customer &lt; <see cref="CustomerCount"/>.</param>
    /// <returns>The daily amounts.</returns>
    public ReadOnlySpan<decimal> AmountsOf(int customer) => _amounts.AsSpan(_start[Check(customer)], _start[customer + 1] - _start[customer]);

    /// <summary>The number of transactions of each purchase day of the customer at <paramref name="customer"/>, aligned with <see cref="DayNumbersOf"/>.</summary>
    /// <param name="customer">Range: 0 ≤ customer &lt; <see cref="CustomerCount"/>.</param>
    /// <returns>The daily transaction counts.</returns>
    public ReadOnlySpan<long> TransactionsOf(int customer) => _transactions.AsSpan(_start[Check(customer)], _start[customer + 1] - _start[customer]);

    /// <summary>The daily rows (customer, day, amount, transactions), customer by customer, days ascending.</summary>
    /// <returns>The rows; feeding them to <see cref="FromDailyPurchases"/> rebuilds this aggregate.</returns>
    public IEnumerable<DailyPurchase> ToDailyPurchases()
    {
        for (int c = 0; c < _customers.Length; c++)
        {
            for (int p = _start[c]; p < _start[c + 1]; p++)
            {
                yield return new DailyPurchase(_customers[c], DayNumbers.ToDate(_days[p]), _amounts[p], _transactions[p]);
            }
        }
    }

    /// <summary>The purchase summaries, counting only purchases on or before <paramref name="through"/> when given.</summary>
    /// <param name="through">The cut-off (e.g. the calibration end), inclusive; null for all purchases.</param>
    /// <returns>One summary per customer with a purchase through the cut-off, in customer order.</returns>
    public PurchaseSummaries Summarize(LocalDate? through = null)
    {
        int end = through is LocalDate t ? DayNumbers.FromDate(t) : int.MaxValue;
        var customers = new List<CustomerId>(_customers.Length);
        var summaries = new List<PurchaseSummary>(_customers.Length);
        for (int c = 0; c < _customers.Length; c++)
        {
            int from = _start[c];
            int to = _start[c + 1];
            if (to == from || _days[from] > end)
            {
                continue;
            }

            long transactions = 0;
            decimal total = 0m;
            int last = from;
            for (int p = from; p < to && _days[p] <= end; p++)
            {
                transactions += _transactions[p];
                total += _amounts[p];
                last = p;
            }

            customers.Add(_customers[c]);
            summaries.Add(new PurchaseSummary(
                DayNumbers.ToDate(_days[from]), DayNumbers.ToDate(_days[last]), transactions, last - from + 1, total, _amounts[from]));
        }

        return new PurchaseSummaries(customers.ToArray(), summaries.ToArray(), through);
    }

    private static CustomerId[] Ids(CustomerInterner interner)
    {
        var ids = new CustomerId[interner.Count];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = new CustomerId(interner.IdAt(i));
        }

        return ids;
    }

    /// <summary>Sorts rows by (customer, day) with a counting sort and per-customer sorts, merging same-day rows.</summary>
    private static PurchaseAggregate Build(CustomerId[] customerIds, ReadOnlySpan<int> customers, ReadOnlySpan<int> days, ReadOnlySpan<decimal> amounts, ReadOnlySpan<long> counts)
    {
        int customerCount = customerIds.Length;
        var start = new int[customerCount + 1];
        for (int i = 0; i < customers.Length; i++)
        {
            start[customers[i] + 1]++;
        }

        for (int c = 0; c < customerCount; c++)
        {
            start[c + 1] += start[c];
        }

        var rows = new int[customers.Length];
        var keys = new int[customers.Length];
        var next = new int[customerCount];
        Array.Copy(start, next, customerCount);
        for (int i = 0; i < customers.Length; i++)
        {
            int p = next[customers[i]]++;
            rows[p] = i;
            keys[p] = days[i];
        }

        var outStart = new int[customerCount + 1];
        var outDays = new int[customers.Length];
        var outAmounts = new decimal[customers.Length];
        var outCounts = new long[customers.Length];
        int k = 0;
        for (int c = 0; c < customerCount; c++)
        {
            int from = start[c];
            int length = start[c + 1] - from;
            if (length > 1)
            {
                PurchaseAggregator.SortSegment(keys, rows, from, length);
            }

            outStart[c] = k;
            for (int p = from; p < from + length; p++)
            {
                int i = rows[p];
                if (k > outStart[c] && outDays[k - 1] == keys[p])
                {
                    outAmounts[k - 1] += amounts[i];
                    outCounts[k - 1] += counts[i];
                }
                else
                {
                    outDays[k] = keys[p];
                    outAmounts[k] = amounts[i];
                    outCounts[k] = counts[i];
                    k++;
                }
            }
        }

        outStart[customerCount] = k;
        Array.Resize(ref outDays, k);
        Array.Resize(ref outAmounts, k);
        Array.Resize(ref outCounts, k);
        return new PurchaseAggregate(customerIds, outStart, outDays, outAmounts, outCounts);
    }

    private int Check(int customer) =>
        (uint)customer < (uint)_customers.Length ? customer : throw new ArgumentOutOfRangeException(nameof(customer), customer, "No such customer index.");
}
