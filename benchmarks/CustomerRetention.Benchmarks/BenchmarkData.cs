using System.Globalization;
using System.Text;

namespace CustomerRetention.Benchmarks;

/// <summary>
/// The synthetic benchmark data set of docs/reference-values.md ("The benchmark data set"), seeded:
/// customers over 730 days (2022-01-01 .. 2023-12-31); each customer's first purchase uniform over the
/// first 365 days; while alive, repeat purchases Poisson with rate λ ~ Gamma(shape 0.9, rate 5.4 per
/// week); lifetime exponential with rate μ ~ Gamma(shape 0.8, rate 60 per week); repeat dates uniform
/// over the active window; amounts lognormal (customer log-mean ~ N(3.2, 0.5), log-sd 0.6), in cents.
/// About 10 transactions per customer: 1M customers give about 10M transactions (a 250 MB CSV).
/// </summary>
public static class BenchmarkData
{
    /// <summary>Day number of 2022-01-01.</summary>
    public const int FirstDay = 18993;

    /// <summary>The observation window in days.</summary>
    public const int Days = 730;

    /// <summary>Generates the transactions of <paramref name="customers"/> customers, grouped by customer and sorted by date.</summary>
    public static (int[] Customers, int[] Days, decimal[] Amounts) Generate(int customers, int seed = 20240601)
    {
        var random = new Random(seed);
        var c = new List<int>(customers * 11);
        var d = new List<int>(customers * 11);
        var a = new List<decimal>(customers * 11);
        var days = new List<int>();
        for (int id = 0; id < customers; id++)
        {
            int first = random.Next(365);
            double lambda = Gamma(random, 0.9) / 5.4; // per week
            double mu = Gamma(random, 0.8) / 60.0; // per week
            double lifetimeWeeks = -Math.Log(1.0 - random.NextDouble()) / mu;
            double windowWeeks = Math.Min(lifetimeWeeks, (Days - 1 - first) / 7.0);
            int repeats = Poisson(random, lambda * windowWeeks);
            double logMean = 3.2 + (0.5 * Normal(random));
            days.Clear();
            days.Add(first);
            for (int r = 0; r < repeats; r++)
            {
                days.Add(first + 1 + (int)(random.NextDouble() * windowWeeks * 7.0));
            }

            days.Sort();
            foreach (int day in days)
            {
                c.Add(id);
                d.Add(FirstDay + Math.Min(day, Days - 1));
                double amount = Math.Exp(logMean + (0.6 * Normal(random)));
                a.Add(Math.Round((decimal)amount, 2));
            }
        }

        return (c.ToArray(), d.ToArray(), a.ToArray());
    }

    /// <summary>Shuffles the rows (the same permutation on the three columns).</summary>
    public static void Shuffle(int[] customers, int[] days, decimal[] amounts, int seed = 7)
    {
        var random = new Random(seed);
        for (int i = customers.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (customers[i], customers[j]) = (customers[j], customers[i]);
            (days[i], days[j]) = (days[j], days[i]);
            (amounts[i], amounts[j]) = (amounts[j], amounts[i]);
        }
    }

    /// <summary>Writes the rows as a transactions CSV (<c>customer_id,date,amount</c>, LF).</summary>
    public static void WriteCsv(string path, int[] customers, int[] days, decimal[] amounts)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("customer_id,date,amount\n");
        Span<char> date = stackalloc char[10];
        for (int i = 0; i < customers.Length; i++)
        {
            writer.Write('C');
            writer.Write(customers[i].ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            DayNumbers.ToDate(days[i]).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture).AsSpan().CopyTo(date);
            writer.Write(date);
            writer.Write(',');
            writer.Write(amounts[i].ToString(CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }

    private static double Normal(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Gamma(shape, 1) by Marsaglia and Tsang (2000), with the shape &lt; 1 boost.</summary>
    private static double Gamma(Random random, double shape)
    {
        if (shape < 1.0)
        {
            return Gamma(random, shape + 1.0) * Math.Pow(1.0 - random.NextDouble(), 1.0 / shape);
        }

        double dd = shape - (1.0 / 3.0);
        double cc = 1.0 / Math.Sqrt(9.0 * dd);
        while (true)
        {
            double x;
            double v;
            do
            {
                x = Normal(random);
                v = 1.0 + (cc * x);
            }
            while (v <= 0);

            v = v * v * v;
            double u = 1.0 - random.NextDouble();
            if (Math.Log(u) < (0.5 * x * x) + dd - (dd * v) + (dd * Math.Log(v)))
            {
                return dd * v;
            }
        }
    }

    private static int Poisson(Random random, double mean)
    {
        if (mean > 400)
        {
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * Normal(random))));
        }

        double limit = Math.Exp(-mean);
        double p = random.NextDouble();
        int k = 0;
        while (p > limit)
        {
            p *= random.NextDouble();
            k++;
        }

        return k;
    }

    /// <summary>
    /// Writes the data set for <paramref name="customers"/> customers as a transactions CSV in the temp
    /// folder and returns its path (the caller deletes it in its [GlobalCleanup]).
    /// </summary>
    public static string WriteTempCsv(int customers, string tag)
    {
        (int[] ids, int[] days, decimal[] amounts) = Generate(customers);
        string path = Path.Combine(Path.GetTempPath(), $"retention-{tag}-{customers}-{Environment.ProcessId}.csv");
        WriteCsv(path, ids, days, amounts);
        Console.WriteLine($"// {ids.Length:N0} rows, {new FileInfo(path).Length / 1e6:F1} MB");
        return path;
    }

    /// <summary>The floor of any CSV benchmark: one sequential read of the file counting its newlines.</summary>
    public static long CountNewlines(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 16];
        long lines = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return lines;
    }
}
