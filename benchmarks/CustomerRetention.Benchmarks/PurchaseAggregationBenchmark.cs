using BenchmarkDotNet.Attributes;

namespace CustomerRetention.Benchmarks;

/// <summary>
/// Transactions in memory to per-customer purchase summaries (issue 3): the columnar entry
/// <see cref="PurchaseAggregator.Summarize(ReadOnlySpan{int}, ReadOnlySpan{int}, ReadOnlySpan{decimal}, int, Span{PurchaseSummary})"/>
/// on the benchmark data set (about 10 transactions per customer), grouped by customer or shuffled.
/// The baseline is the physical floor: one pass that sums the same three columns.
/// Target: 10M transactions of 1M customers in ≤ 0.15 s (Python's lifetimes: 14.7 s), grouped input
/// within 4× the floor, no allocation per transaction.
/// </summary>
[MemoryDiagnoser]
public class PurchaseAggregationBenchmark
{
    private int[] _customers = [];
    private int[] _days = [];
    private decimal[] _amounts = [];
    private long[] _cents = [];
    private PurchaseSummary[] _destination = [];
    private TransactionTable _table = TransactionTable.Empty;

    public static IEnumerable<int> CustomerCounts => BenchmarkSizes.Pick([100_000, 1_000_000], [1_000]);

    /// <summary>Customers (transactions ≈ 10 × customers: 1M and 10M).</summary>
    [ParamsSource(nameof(CustomerCounts))]
    public int Customers { get; set; }

    [Params("grouped", "shuffled")]
    public string Order { get; set; } = "grouped";

    [GlobalSetup]
    public void Setup()
    {
        (_customers, _days, _amounts) = BenchmarkData.Generate(Customers);
        if (Order == "shuffled")
        {
            BenchmarkData.Shuffle(_customers, _days, _amounts);
        }

        _cents = new long[_amounts.Length];
        for (int i = 0; i < _cents.Length; i++)
        {
            _cents[i] = (long)(_amounts[i] * 100m);
        }

        _destination = new PurchaseSummary[Customers];
        var builder = new TransactionTable.Builder(_customers.Length);
        for (int i = 0; i < _customers.Length; i++)
        {
            builder.Add(("C" + _customers[i].ToString(System.Globalization.CultureInfo.InvariantCulture)).AsSpan(), _days[i], _amounts[i]);
        }

        _table = builder.ToTable();
        Console.WriteLine($"// {_customers.Length:N0} transactions of {Customers:N0} customers ({Order})");
    }

    /// <summary>The floor: one pass summing the three columns the aggregator reads (customer, day, amount in cents).</summary>
    [Benchmark(Baseline = true)]
    public long SumColumns()
    {
        long customers = 0;
        long days = 0;
        long amount = 0;
        int[] c = _customers;
        int[] d = _days;
        long[] a = _cents;
        for (int i = 0; i < c.Length; i++)
        {
            customers += c[i];
            days += d[i];
            amount += a[i];
        }

        return amount + customers + days;
    }

    /// <summary>
    /// Not the baseline, for reference: the same sums on all cores (two chunks summed in parallel), the floor
    /// of a parallel implementation; <see cref="SummarizeSpans"/> runs grouped input on all cores.
    /// </summary>
    [Benchmark]
    public long SumColumnsAllCores()
    {
        int[] c = _customers;
        int[] d = _days;
        long[] a = _cents;
        int chunks = Environment.ProcessorCount;
        var sums = new long[chunks];
        Parallel.For(0, chunks, k =>
        {
            int from = (int)((long)c.Length * k / chunks);
            int to = (int)((long)c.Length * (k + 1) / chunks);
            long customers = 0;
            long days = 0;
            long amount = 0;
            for (int i = from; i < to; i++)
            {
                customers += c[i];
                days += d[i];
                amount += a[i];
            }

            sums[k] = customers + days + amount;
        });
        return sums.Sum();
    }

    /// <summary>The columnar entry over exact scaled integers (what a TransactionTable read from CSV holds).</summary>
    [Benchmark]
    public int SummarizeSpans()
    {
        PurchaseAggregator.Summarize(_customers, _days, _cents, 2, int.MaxValue, _destination);
        return _destination[0].PurchaseDays;
    }

    /// <summary>The columnar entry over decimals (amounts that do not fit scaled integers).</summary>
    [Benchmark]
    public int SummarizeDecimalSpans()
    {
        PurchaseAggregator.Summarize(_customers, _days, _amounts, int.MaxValue, _destination);
        return _destination[0].PurchaseDays;
    }

    /// <summary>The friendly table entry with a cut-off, including the result's allocation (one summary per customer).</summary>
    [Benchmark]
    public int SummarizeTable() => PurchaseAggregator.Summarize(_table, DayNumbers.ToDate(BenchmarkData.FirstDay + 364)).Count;
}
