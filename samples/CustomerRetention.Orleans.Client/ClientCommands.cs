using System.Diagnostics;
using System.Globalization;
using CustomerRetention.Orleans.Aggregation;
using CustomerRetention.Orleans.Client;
using CustomerRetention.Orleans.Customers;
using CustomerRetention.Orleans.Model;
using NodaTime;
using NodaTime.Text;

namespace CustomerRetention.Orleans.Samples;

/// <summary>The client's commands (see Program.cs for the usage).</summary>
internal static class ClientCommands
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0)
        {
            throw new ArgumentException("a command is required: ingest, query, refit, aggregate, generate or bench.", nameof(args));
        }

        string command = args[0];
        (List<string> positional, Dictionary<string, string> options) = Split(args[1..]);
        if (command == "generate")
        {
            string file = Single(positional, "FILE");
            int written = SyntheticTransactions.Write(file, Int(options, "rows", null), Int(options, "seed", 20));
            Console.WriteLine(string.Create(Invariant, $"wrote {written} rows to {file}"));
            return 0;
        }

        await using ClusterConnection connection = await ClusterConnection.ConnectAsync(
            options.GetValueOrDefault("redis", "127.0.0.1:6390"),
            options.GetValueOrDefault("cluster-id", "customer-retention"),
            options.GetValueOrDefault("service-id", "customer-retention")).ConfigureAwait(false);
        var client = new CustomerBaseClient(connection.Client);
        switch (command)
        {
            case "ingest":
            {
                string file = Single(positional, "FILE");
                IngestReport report = await client.IngestFileAsync(file, options.GetValueOrDefault("key-prefix", Path.GetFileName(file)),
                    new IngestOptions { BatchSize = Int(options, "batch", 20_000) }).ConfigureAwait(false);
                Console.WriteLine(string.Create(Invariant, $"rows {report.Rows}, recorded {report.Recorded}, duplicates {report.Duplicates}, retries {report.Retries}, {report.Elapsed.TotalSeconds:F2} s, {report.RowsPerSecond:F0} rows/s"));
                return 0;
            }

            case "query":
            {
                var customer = new CustomerId(Single(positional, "CUSTOMER"));
                LocalDate? asOf = options.TryGetValue("as-of", out string? d) ? Date(d, "as-of") : null;
                CustomerScore? score = await client.ScoreAsync(customer, new ScoreRequest(asOf, Double(options, "horizon", 52), Double(options, "discount", 0))).ConfigureAwait(false);
                if (score is null)
                {
                    Console.WriteLine($"{customer}: no purchase on or before the scoring day");
                    return 0;
                }

                Console.WriteLine(string.Create(Invariant, $"{customer} as of {score.AsOf:yyyy-MM-dd} (model v{score.ModelVersion}): {score.Summary}"));
                Console.WriteLine(string.Create(Invariant, $"  RFM: recency {score.RecencyDays} days, frequency {score.Frequency}, monetary {score.Monetary}"));
                Console.WriteLine(string.Create(Invariant, $"  {score.Input}; P(alive) {score.ProbabilityAlive:R}, expected purchases {score.ExpectedPurchases:R}, CLV {score.LifetimeValue:R}"));
                return 0;
            }

            case "refit":
            {
                LocalDate end = Date(Required(options, "calibration-end"), "calibration-end");
                TimeUnit unit = TimeUnit.Parse(options.GetValueOrDefault("unit", "week"));
                var clock = Stopwatch.StartNew();
                CustomerBaseModel model = await client.RefitAsync(end, unit).ConfigureAwait(false);
                Console.WriteLine(string.Create(Invariant, $"model v{model.Version} at {model.CalibrationEnd:yyyy-MM-dd}: {model.Customers} customers, {model.DistinctHistories} distinct (x, t_x, T), {clock.Elapsed.TotalSeconds:F2} s"));
                Console.WriteLine(string.Create(Invariant, $"  BG/NBD r {model.BetaGeo.R:R}, alpha {model.BetaGeo.Alpha:R}, a {model.BetaGeo.A:R}, b {model.BetaGeo.B:R}, LL {model.BetaGeo.LogLikelihood:R}, converged {model.BetaGeo.Converged}"));
                return 0;
            }

            case "aggregate":
            {
                string file = Single(positional, "FILE");
                LocalDate? through = options.TryGetValue("through", out string? d) ? Date(d, "through") : null;
                var clock = Stopwatch.StartNew();
                PurchaseSummaries summaries = await client.AggregateAsync(FilePartition.Split(file, Int(options, "partitions", 8)), through).ConfigureAwait(false);
                Console.WriteLine(string.Create(Invariant, $"{summaries.Count} customers, {summaries.Sum(s => s.Transactions)} transactions, {clock.Elapsed.TotalSeconds:F2} s"));
                return 0;
            }

            case "bench":
                return await Bench.RunAsync(client, Single(positional, "FILE"), Int(options, "warmup-rows", 20_000), Int(options, "batch", 20_000)).ConfigureAwait(false);

            default:
                throw new ArgumentException($"unknown command '{command}'.", nameof(args));
        }
    }

    private static (List<string>, Dictionary<string, string>) Split(string[] args)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                if (i + 1 >= args.Length)
                {
                    throw new ArgumentException($"{args[i]} needs a value.", nameof(args));
                }

                options[args[i][2..]] = args[++i];
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        return (positional, options);
    }

    private static string Single(List<string> positional, string name) =>
        positional.Count == 1 ? positional[0] : throw new ArgumentException($"exactly one {name} is required.", nameof(positional));

    private static string Required(Dictionary<string, string> options, string name) =>
        options.TryGetValue(name, out string? v) ? v : throw new ArgumentException($"--{name} is required.", nameof(options));

    private static int Int(Dictionary<string, string> options, string name, int? fallback) =>
        options.TryGetValue(name, out string? v)
            ? int.TryParse(v, NumberStyles.None, Invariant, out int n) ? n : throw new ArgumentException($"--{name} must be a whole number, not '{v}'.", nameof(options))
            : fallback ?? throw new ArgumentException($"--{name} is required.", nameof(options));

    private static double Double(Dictionary<string, string> options, string name, double fallback) =>
        options.TryGetValue(name, out string? v)
            ? double.TryParse(v, NumberStyles.Float, Invariant, out double x) ? x : throw new ArgumentException($"--{name} must be a number, not '{v}'.", nameof(options))
            : fallback;

    private static LocalDate Date(string text, string name)
    {
        ParseResult<LocalDate> result = LocalDatePattern.Iso.Parse(text);
        return result.Success ? result.Value : throw new ArgumentException($"--{name} must be a date yyyy-MM-dd, not '{text}'.", nameof(text));
    }
}
