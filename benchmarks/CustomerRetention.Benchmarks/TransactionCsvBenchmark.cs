using BenchmarkDotNet.Attributes;
using CustomerRetention.Csv;

namespace CustomerRetention.Benchmarks;

/// <summary>
/// Reading a transactions CSV and summarising it (issue 3): the benchmark data set written as
/// <c>customer_id,date,amount</c> (sorted by customer, then date; about 25 bytes a row, 250 MB for
/// 10M rows). The baseline is the physical floor: a pass that only reads the file and counts its
/// newlines. Target: within 10× of it.
/// </summary>
[MemoryDiagnoser]
public class TransactionCsvBenchmark
{
    private string _path = string.Empty;

    public static IEnumerable<int> CustomerCounts => BenchmarkSizes.Pick([100_000, 1_000_000], [1_000]);

    /// <summary>Customers (rows ≈ 10 × customers: 1M and 10M).</summary>
    [ParamsSource(nameof(CustomerCounts))]
    public int Customers { get; set; }

    [GlobalSetup]
    public void Setup() => _path = BenchmarkData.WriteTempCsv(Customers, "bench");

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark(Baseline = true)]
    public long CountNewlines() => BenchmarkData.CountNewlines(_path);

    /// <summary>Read and summarised in one pass (<see cref="TransactionCsv.SummarizeFile"/>): the rows are never held.</summary>
    [Benchmark]
    public int ReadAndSummarize() => TransactionCsv.SummarizeFile(_path).Summaries.Count;

    /// <summary>For comparison: the table of all rows first, then the summaries.</summary>
    [Benchmark]
    public int ReadTableThenSummarize()
    {
        TransactionTable table = TransactionCsv.ReadFile(_path).Table;
        return PurchaseAggregator.Summarize(table).Count;
    }
}
