using System.Globalization;
using NodaTime;

namespace CustomerRetention.Orleans.Samples;

/// <summary>
/// A reproducible synthetic transactions file shaped like the CDNOW sample: customers <c>s0</c> …
/// whose first purchase falls in the first quarter of 1997, each row a purchase of a random customer on
/// a random day between that customer's first day and 1998-06-30, amounts 5.00 … 120.00, rows in date
/// order. The same arguments give the same file, byte for byte.
/// </summary>
public static class SyntheticTransactions
{
    private static readonly LocalDate FirstDay = new(1997, 1, 1);
    private static readonly LocalDate LastDay = new(1998, 6, 30);

    /// <summary>Writes <paramref name="rows"/> rows of <paramref name="customers"/> customers as <c>customer_id,date,amount</c>.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="rows">The number of rows. Range: ≥ <paramref name="customers"/> (every customer buys at least once).</param>
    /// <param name="customers">The number of customers. Range: ≥ 1.</param>
    /// <param name="seed">The random seed.</param>
    public static void Write(string path, int rows, int customers, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(customers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, customers);
        var random = new Random(seed);
        int span = Period.DaysBetween(FirstDay, LastDay);
        var first = new int[customers];
        for (int c = 0; c < customers; c++)
        {
            first[c] = random.Next(90);
        }

        var lines = new (int Day, int Customer, int Cents)[rows];
        for (int i = 0; i < rows; i++)
        {
            // Every customer's first purchase, then purchases of random customers; repeat buyers cluster
            // near their first day (the square of a uniform number), as real repeat buying thins out.
            int c = i < customers ? i : random.Next(customers);
            double u = random.NextDouble();
            int day = i < customers ? first[c] : first[c] + (int)((span - first[c]) * u * u);
            lines[i] = (day, c, 500 + random.Next(11_501));
        }

        Array.Sort(lines);
        using var writer = new StreamWriter(path);
        writer.Write("customer_id,date,amount\n");
        foreach ((int day, int c, int cents) in lines)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"s{c},{FirstDay.PlusDays(day):yyyy-MM-dd},{cents / 100}.{cents % 100:D2}\n"));
        }
    }
}
