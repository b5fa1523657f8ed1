using System.Globalization;
using NodaTime;

namespace CustomerRetention.Orleans.Samples;

/// <summary>
/// A reproducible synthetic transactions file drawn from the BG/NBD story itself (Fader, Hardie &amp; Lee
/// 2005, section 2): customer <c>s{i}</c> first buys on a random day of the first quarter of 1997, buys
/// again at the times of a Poisson process with rate λ ~ Gamma(r, α) per day, and after each repeat
/// purchase drops out with probability p ~ Beta(a, b); purchases after 1998-06-30 are cut. Amounts are
/// 5.00 … 120.00. Rows are written in date order. The same arguments give the same file, byte for byte.
/// </summary>
/// <remarks>
/// With the defaults (r 2, α 30 days, a 1, b 20) a customer makes about 15 purchases, so 1,000,000 rows
/// are about 65,000 customers, and a BG/NBD fit of the calibration period is well-posed.
/// </remarks>
public static class SyntheticTransactions
{
    private static readonly LocalDate FirstDay = new(1997, 1, 1);
    private static readonly LocalDate LastDay = new(1998, 6, 30);

    /// <summary>Writes customers until at least <paramref name="rows"/> rows are drawn; returns the number of rows written.</summary>
    /// <param name="path">The file to write (<c>customer_id,date,amount</c>).</param>
    /// <param name="rows">The number of rows wanted (the last customer's purchases complete it). Range: ≥ 1.</param>
    /// <param name="seed">The random seed.</param>
    /// <returns>The rows written (≥ <paramref name="rows"/>).</returns>
    public static int Write(string path, int rows, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        const double R = 2, Alpha = 30, A = 1, B = 20;
        var random = new Random(seed);
        int end = Period.DaysBetween(FirstDay, LastDay);
        var lines = new List<(int Day, int Customer, int Cents)>(rows + 1000);
        for (int customer = 0; lines.Count < rows; customer++)
        {
            double rate = Gamma(random, R) / Alpha;
            double dropout = Beta(random, A, B);
            double t = random.Next(90);
            while (true)
            {
                lines.Add(((int)t, customer, 500 + random.Next(11_501)));
                t += -Math.Log(1 - random.NextDouble()) / rate;
                if (t > end || random.NextDouble() < dropout)
                {
                    break;
                }
            }
        }

        lines.Sort();
        using var writer = new StreamWriter(path);
        writer.Write("customer_id,date,amount\n");
        foreach ((int day, int c, int cents) in lines)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"s{c},{FirstDay.PlusDays(day):yyyy-MM-dd},{cents / 100}.{cents % 100:D2}\n"));
        }

        return lines.Count;
    }

    /// <summary>A Gamma(shape, 1) draw (Marsaglia &amp; Tsang 2000; shape &lt; 1 through the boost U^{1/shape}).</summary>
    private static double Gamma(Random random, double shape)
    {
        if (shape < 1)
        {
            return Gamma(random, shape + 1) * Math.Pow(random.NextDouble(), 1 / shape);
        }

        double d = shape - (1.0 / 3), c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal(random);
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            double u = random.NextDouble();
            if (Math.Log(u) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }

    private static double Beta(Random random, double a, double b)
    {
        double x = Gamma(random, a);
        return x / (x + Gamma(random, b));
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
