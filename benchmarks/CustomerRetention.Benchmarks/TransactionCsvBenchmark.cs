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
    public void Setup()
    {
        (int[] customers, int[] days, decimal[] amounts) = BenchmarkData.Generate(Customers);
        _path = Path.Combine(Path.GetTempPath(), $"retention-bench-{Customers}-{Environment.ProcessId}.csv");
        BenchmarkData.WriteCsv(_path, customers, days, amounts);
        Console.WriteLine($"// {customers.Length:N0} rows, {new FileInfo(_path).Length / 1e6:F1} MB");
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark(Baseline = true)]
    public long CountNewlines()
    {
        using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 16];
        long lines = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return lines;
    }

    [Benchmark]
    public int ReadAndSummarize()
    {
        TransactionTable table = TransactionCsv.ReadFile(_path).Table;
        return PurchaseAggregator.Summarize(table).Count;
    }
}
