using System.Diagnostics;
using System.Globalization;
using CustomerRetention.Orleans.Client;
using CustomerRetention.Orleans.Customers;
using CustomerRetention.Orleans.Model;
using NodaTime;

namespace CustomerRetention.Orleans.Samples;

/// <summary>
/// The documented run (docs/orleans.md): ingests the first rows of a file, refits, then ingests the rest
/// while one caller scores random known customers back to back; prints the ingest throughput and the
/// score latencies (as the client sees them: grain call over loopback TCP included).
/// </summary>
internal static class Bench
{
    public static async Task<int> RunAsync(CustomerBaseClient client, string file, int warmupRows, int batch)
    {
        TransactionTable table = TransactionFile.Read(file);
        List<KeyedTransaction> rows = CustomerBaseClient.Keyed(table, "bench:" + Path.GetFileName(file)).ToList();
        warmupRows = Math.Clamp(warmupRows, 1, rows.Count - 1);
        var options = new IngestOptions { BatchSize = batch };

        IngestReport warmup = await client.IngestAsync(rows.Take(warmupRows), options).ConfigureAwait(false);
        LocalDate end = rows.Take(warmupRows).Max(r => r.Transaction.Date);
        CustomerBaseModel model = await client.RefitAsync(end, TimeUnit.Week).ConfigureAwait(false);
        CustomerId[] known = rows.Take(warmupRows).Select(r => r.Transaction.Customer).Distinct().ToArray();

        using var stop = new CancellationTokenSource();
        Task<List<double>> scoring = Task.Run(() => ScoreLoop(client, known, stop.Token));
        IngestReport main = await client.IngestAsync(rows.Skip(warmupRows), options).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        List<double> latencies = await scoring.ConfigureAwait(false);
        latencies.Sort();
        List<double> idle = await ScoreIdle(client, known, 2000).ConfigureAwait(false);

        CultureInfo c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"warm-up: {warmup.Rows} rows in {warmup.Elapsed.TotalSeconds:F2} s; refit v{model.Version} on {model.Customers} customers"));
        Console.WriteLine(string.Create(c, $"ingest: {main.Rows} rows, recorded {main.Recorded}, duplicates {main.Duplicates}, retries {main.Retries}, {main.Elapsed.TotalSeconds:F2} s, {main.RowsPerSecond:F0} rows/s"));
        Console.WriteLine(string.Create(c, $"scores under load: {latencies.Count}, p50 {Percentile(latencies, 0.50):F3} ms, p99 {Percentile(latencies, 0.99):F3} ms, max {latencies[^1]:F3} ms"));
        Console.WriteLine(string.Create(c, $"scores idle: {idle.Count}, p50 {Percentile(idle, 0.50):F3} ms, p99 {Percentile(idle, 0.99):F3} ms, max {idle[^1]:F3} ms"));
        return 0;
    }

    private static async Task<List<double>> ScoreIdle(CustomerBaseClient client, CustomerId[] customers, int count)
    {
        var random = new Random(11);
        var latencies = new List<double>(count);
        var request = new ScoreRequest(null, 52, 0.01);
        for (int i = 0; i < count; i++)
        {
            long start = Stopwatch.GetTimestamp();
            _ = await client.ScoreAsync(customers[random.Next(customers.Length)], request).ConfigureAwait(false);
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        latencies.Sort();
        return latencies;
    }

    private static async Task<List<double>> ScoreLoop(CustomerBaseClient client, CustomerId[] customers, CancellationToken stop)
    {
        var random = new Random(7);
        var latencies = new List<double>();
        var request = new ScoreRequest(null, 52, 0.01);
        while (!stop.IsCancellationRequested)
        {
            long start = Stopwatch.GetTimestamp();
            _ = await client.ScoreAsync(customers[random.Next(customers.Length)], request).ConfigureAwait(false);
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return latencies;
    }

    private static double Percentile(List<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
}
