using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using CustomerRetention.Csv;
using CustomerRetention.Rfm;

namespace CustomerRetention.Benchmarks;

/// <summary>
/// <c>retention rfm</c> end to end on the benchmark data set (1M customers, about 10M rows, 250 MB):
/// read the CSV, summarise per customer through the latest day, score quintiles, classify into the
/// default segments and write the CSV result (to a null stream), as the command does. The floor is
/// reading the file and counting its newlines. Issue 4's yardstick: pandas takes 6.5 s; target 0.65 s.
/// </summary>
[MemoryDiagnoser]
public class RfmEndToEndBenchmark
{
    private string _path = string.Empty;

    public static IEnumerable<int> CustomerCounts => BenchmarkSizes.Pick([1_000_000], [1_000]);

    /// <summary>Customers (rows ≈ 10 × customers).</summary>
    [ParamsSource(nameof(CustomerCounts))]
    public int Customers { get; set; }

    [GlobalSetup]
    public void Setup() => _path = BenchmarkData.WriteTempCsv(Customers, "rfm-bench");

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark(Baseline = true)]
    public long CountNewlines() => BenchmarkData.CountNewlines(_path);

    [Benchmark]
    public int RfmFromCsv() => Run(_path, Stream.Null);

    /// <summary>The command's pipeline on public APIs: read and summarise in one pass, score, classify, write.</summary>
    internal static int Run(string path, Stream output)
    {
        TransactionCsvSummaries read = TransactionCsv.SummarizeFile(path);
        PurchaseSummaries summaries = read.Summaries;
        int asOf = read.LatestDate is { } latest ? DayNumbers.FromDate(latest) : int.MinValue;
        ReadOnlySpan<PurchaseSummary> rows = summaries.Span;
        int n = rows.Length;
        var r = new double[n];
        var f = new double[n];
        var m = new double[n];
        for (int i = 0; i < n; i++)
        {
            r[i] = asOf - rows[i].LastDayNumber;
            f[i] = rows[i].Transactions;
            m[i] = (double)rows[i].TotalAmount;
        }

        var scores = new RfmScore[n];
        RfmAnalysis.Score(RfmBinning.Default, r, f, m, scores);
        var segments = new int[n];
        SegmentMap.Default.Classify(scores, segments);

        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        writer.Write("customer_id,recency_days,frequency,monetary,r,f,m,segment\n");
        IReadOnlyList<Segment> names = SegmentMap.Default.Segments;
        IReadOnlyList<CustomerId> customers = summaries.Customers;
        Span<char> buffer = stackalloc char[64];
        for (int i = 0; i < n; i++)
        {
            writer.Write(customers[i].Value);
            writer.Write(',');
            ((int)r[i]).TryFormat(buffer, out int written, default, CultureInfo.InvariantCulture);
            writer.Write(buffer.Slice(0, written));
            writer.Write(',');
            rows[i].Transactions.TryFormat(buffer, out written, default, CultureInfo.InvariantCulture);
            writer.Write(buffer.Slice(0, written));
            writer.Write(',');
            rows[i].TotalAmount.TryFormat(buffer, out written, default, CultureInfo.InvariantCulture);
            writer.Write(buffer.Slice(0, written));
            writer.Write(',');
            writer.Write((char)('0' + scores[i].R));
            writer.Write(',');
            writer.Write((char)('0' + scores[i].F));
            writer.Write(',');
            writer.Write((char)('0' + scores[i].M));
            writer.Write(',');
            writer.Write(names[segments[i]].Name);
            writer.Write('\n');
        }

        return n;
    }
}
