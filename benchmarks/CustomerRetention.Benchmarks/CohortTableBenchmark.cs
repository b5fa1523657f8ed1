using BenchmarkDotNet.Attributes;
using CustomerRetention.Churn;

namespace CustomerRetention.Benchmarks;

/// <summary>
/// Monthly acquisition cohort table (issue 5) over the benchmark data set: 1M customers, about
/// 10M transactions, 24 months, grouped by customer or shuffled. The baseline is the physical
/// floor, one pass summing the same three columns. Target: within a few times the floor, no
/// allocation per transaction (the bitmap of customers × periods is allocated once: 1M × 8 bytes).
/// </summary>
[MemoryDiagnoser]
public class CohortTableBenchmark
{
    private int[] _customers = [];
    private int[] _days = [];
    private decimal[] _amounts = [];

    public static IEnumerable<int> CustomerCounts => BenchmarkSizes.Pick([1_000_000], [1_000]);

    /// <summary>Customers (transactions ≈ 10 × customers).</summary>
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

        Console.WriteLine($"// {_customers.Length:N0} transactions of {Customers:N0} customers ({Order})");
    }

    [Benchmark(Baseline = true)]
    public decimal SumColumns()
    {
        long customers = 0;
        long days = 0;
        decimal amount = 0m;
        int[] c = _customers;
        int[] d = _days;
        decimal[] a = _amounts;
        for (int i = 0; i < c.Length; i++)
        {
            customers += c[i];
            days += d[i];
            amount += a[i];
        }

        return amount + customers + days;
    }

    [Benchmark]
    public int CohortsWithRevenue() => Cohorts.Build(_customers, _days, _amounts, Customers, CalendarPeriod.Month).Cohorts.Count;

    [Benchmark]
    public int CohortsCountsOnly() => Cohorts.Build(_customers, _days, [], Customers, CalendarPeriod.Month).Cohorts.Count;
}
