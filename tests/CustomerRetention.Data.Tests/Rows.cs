using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace CustomerRetention.Data.Tests;

/// <summary>Transactions for the tests: the CDNOW sample (tests/data) and random held-out sets, with the library's own summaries of them.</summary>
internal static class Rows
{
    private static readonly Lazy<IReadOnlyList<Transaction>> Cdnow = new(() => TestData.Rows("cdnow_sample_transactions.csv")
        .Select(f => new Transaction(new CustomerId(f[0]), LocalDatePattern.Iso.Parse(f[1]).Value, decimal.Parse(f[2], NumberStyles.Number, CultureInfo.InvariantCulture)))
        .ToList());

    /// <summary>The calibration end of the CDNOW sample's reference summary (shared design, reference-values.md).</summary>
    public static LocalDate CdnowCalibrationEnd => new(1997, 9, 30);

    /// <summary>The CDNOW sample's transactions, amounts parsed with their written scale (as the CSV reader keeps it).</summary>
    public static IReadOnlyList<Transaction> CdnowTransactions => Cdnow.Value;

    /// <summary>
    /// Random transactions not seen while writing the code: several per day, refunds, ids of any shape (quotes,
    /// commas, spaces, non-ASCII), amounts with <paramref name="decimals"/> decimals (each its own number of decimals, 0 to 4, when it is −1), dates over four years.
    /// </summary>
    public static IReadOnlyList<Transaction> HeldOut(int seed, int count, int decimals)
    {
        var random = new Random(seed);
        string[] shapes = ["C{0}", "cust '{0}'", "{0}, Inc.", "Ünal {0}", "x\"{0}", " {0} "];
        int customers = Math.Max(1, count / 6);
        var rows = new List<Transaction>(count);
        LocalDate start = new(2019, 1, 1);
        for (int i = 0; i < count; i++)
        {
            int c = random.Next(customers);
            string id = string.Format(CultureInfo.InvariantCulture, shapes[c % shapes.Length], c);
            LocalDate date = start.PlusDays(random.Next(4 * 365));
            int units = random.Next(-2_000, 50_000);
            byte scale = (byte)(decimals >= 0 ? decimals : random.Next(5));
            var amount = new decimal(Math.Abs(units), 0, 0, units < 0, scale);
            rows.Add(new Transaction(new CustomerId(id), date, amount));
        }

        return rows;
    }

    /// <summary>The library's summaries of <paramref name="rows"/> through <paramref name="through"/>.</summary>
    public static PurchaseSummaries Summaries(IEnumerable<Transaction> rows, LocalDate? through) => PurchaseAggregator.Summarize(rows, through);

    /// <summary>
    /// Asserts that two sets of summaries hold the same customers with identical summaries, bit for bit on the
    /// decimals (scale included: 1.10 is not 1.1) unless <paramref name="valuesOnly"/>, whatever their order.
    /// </summary>
    public static void AssertIdentical(PurchaseSummaries expected, PurchaseSummaries actual, bool valuesOnly = false)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Through, actual.Through);
        for (int i = 0; i < expected.Count; i++)
        {
            CustomerId id = expected.Customers[i];
            Assert.True(actual.TryGet(id, out PurchaseSummary got), $"customer '{id}' is missing");
            PurchaseSummary want = expected[i];
            Assert.Equal(want, got);
            if (valuesOnly)
            {
                continue;
            }

            Assert.Equal(decimal.GetBits(want.TotalAmount), decimal.GetBits(got.TotalAmount));
            Assert.Equal(decimal.GetBits(want.FirstDayAmount), decimal.GetBits(got.FirstDayAmount));
        }
    }
}
