using BenchmarkDotNet.Attributes;
using CustomerRetention.Churn;

namespace CustomerRetention.Benchmarks;

/// <summary>
/// Monthly transaction churn with a 90-day inactivity window (issue 5) over the benchmark data set:
/// 1M customers, about 10M transactions, 24 months, grouped by customer or shuffled. The baseline is
/// the physical floor, one pass summing the two columns the computation reads. Target: within a few
/// times the floor, no allocation per transaction (two bitmaps of customers × periods, once).
/// </summary>
[MemoryDiagnoser]
public class TransactionChurnBenchmark
{
    private int[] _customers = [];
    private int[] _days = [];

    public static IEnumerable<int> CustomerCounts => BenchmarkSizes.Pick([1_000_000], [1_000]);

    /// <summary>Customers (transactions ≈ 10 × customers).</summary>
    [ParamsSource(nameof(CustomerCounts))]
    public int Customers { get; set; }

    [Params("grouped", "shuffled")]
    public string Order { get; set; } = "grouped";

    [GlobalSetup]
    public void Setup()
    {
        decimal[] amounts;
        (_customers, _days, amounts) = BenchmarkData.Generate(Customers);
        if (Order == "shuffled")
        {
            BenchmarkData.Shuffle(_customers, _days, amounts);
        }

        Console.WriteLine($"// {_customers.Length:N0} transactions of {Customers:N0} customers ({Order})");
    }

    [Benchmark(Baseline = true)]
    public long SumColumns()
    {
        long customers = 0;
        long days = 0;
        int[] c = _customers;
        int[] d = _days;
        for (int i = 0; i < c.Length; i++)
        {
            customers += c[i];
            days += d[i];
        }

        return customers + days;
    }

    [Benchmark]
    public int MonthlyChurn90Days() => TransactionChurn.Compute(_customers, _days, Customers, CalendarPeriod.Month, 90).Periods.Count;
}
