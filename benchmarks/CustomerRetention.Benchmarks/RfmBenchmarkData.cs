using System.Globalization;
using System.Text;

namespace CustomerRetention.Benchmarks;

/// <summary>
/// The benchmark customer base of shared/design/reference-values.md, seeded: customers first buy
/// uniformly over the first 365 of 730 days (2022-01-01 .. 2023-12-31); while alive they buy as a
/// Poisson process with rate λ ~ Gamma(0.9, 5.4 per week); lifetimes are exponential with rate
/// μ ~ Gamma(0.8, 60 per week); repeat dates are uniform over the active window; amounts are
/// lognormal (customer log-mean ~ N(3.2, 0.5), transaction log-sd 0.6), rounded to cents.
/// </summary>
internal static class RfmBenchmarkData
{
    public const int Days = 730;

    /// <summary>One customer's transactions: days since 2022-01-01 (sorted) and amounts in cents.</summary>
    public delegate void CustomerSink(int customer, ReadOnlySpan<int> days, ReadOnlySpan<long> cents);

    public static void Generate(int customers, int seed, CustomerSink sink)
    {
        var random = new Random(seed);
        var days = new List<int>();
        var cents = new List<long>();
        for (int c = 0; c < customers; c++)
        {
            days.Clear();
            cents.Clear();
            int first = random.Next(365);
            double lambdaPerDay = Gamma(random, 0.9, 5.4) / 7.0;
            double mu = Gamma(random, 0.8, 60.0);
            double lifetimeDays = -Math.Log(1.0 - random.NextDouble()) / mu * 7.0;
            double end = Math.Min(first + lifetimeDays, Days - 1);
            int repeats = Poisson(random, lambdaPerDay * (end - first));
            double logMean = 3.2 + (0.5 * Normal(random));
            days.Add(first);
            for (int i = 0; i < repeats; i++)
            {
                days.Add(Math.Min(Days - 1, first + 1 + (int)(random.NextDouble() * (end - first))));
            }

            days.Sort();
            for (int i = 0; i < days.Count; i++)
            {
                cents.Add(Math.Max(1, (long)Math.Round(Math.Exp(logMean + (0.6 * Normal(random))) * 100)));
            }

            sink(c, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(days), System.Runtime.InteropServices.CollectionsMarshal.AsSpan(cents));
        }
    }

    /// <summary>Writes the transactions CSV (customer_id,date,amount), sorted by customer then date; returns the row count.</summary>
    public static long WriteCsv(string path, int customers, int seed)
    {
        var start = new DateTime(2022, 1, 1);
        var dates = new string[Days];
        for (int d = 0; d < Days; d++)
        {
            dates[d] = start.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        long rows = 0;
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("customer_id,date,amount\n");
        Generate(customers, seed, (c, days, cents) =>
        {
            string id = c.ToString(CultureInfo.InvariantCulture);
            for (int i = 0; i < days.Length; i++)
            {
                writer.Write(id);
                writer.Write(',');
                writer.Write(dates[days[i]]);
                writer.Write(',');
                writer.Write((cents[i] / 100).ToString(CultureInfo.InvariantCulture));
                writer.Write('.');
                writer.Write((cents[i] % 100).ToString("D2", CultureInfo.InvariantCulture));
                writer.Write('\n');
            }

            rows += days.Length;
        });
        return rows;
    }

    private static double Normal(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Gamma(shape, rate) by Marsaglia &amp; Tsang (2000), with the shape &lt; 1 boost.</summary>
    private static double Gamma(Random random, double shape, double rate)
    {
        if (shape < 1)
        {
            return Gamma(random, shape + 1, rate) * Math.Pow(random.NextDouble(), 1.0 / shape);
        }

        double d = shape - (1.0 / 3.0);
        double c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x = Normal(random);
            double v = 1.0 + (c * x);
            if (v <= 0)
            {
                continue;
            }

            v = v * v * v;
            double u = random.NextDouble();
            if (Math.Log(u) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v / rate;
            }
        }
    }

    private static int Poisson(Random random, double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > 30)
        {
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * Normal(random))));
        }

        double limit = Math.Exp(-mean);
        int k = 0;
        double p = random.NextDouble();
        while (p > limit)
        {
            k++;
            p *= random.NextDouble();
        }

        return k;
    }
}
