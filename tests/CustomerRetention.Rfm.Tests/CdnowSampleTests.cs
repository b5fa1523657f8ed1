using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace CustomerRetention.Rfm.Tests;

/// <summary>
/// The CDNOW 1/10 sample scored as docs/cli.md defines <c>retention rfm</c> (quantile quintiles on the
/// goodness values, type 7, a value equal to a cut point gets the lower score), against
/// tests/data/expected/cdnow_sample_rfm.csv, which the shared contract computed independently in
/// exact arithmetic (shared/tools/README.md, "Where the expected values come from").
/// </summary>
public sealed class CdnowSampleTests
{
    [Fact]
    public void Scores_And_Default_Segments_Match_The_Expected_Table()
    {
        (List<CustomerValues> customers, _) = Load();
        RfmResult result = RfmAnalysis.Score(customers);
        var expected = TestData.Rows("expected/cdnow_sample_rfm.csv").ToDictionary(r => r[0], StringComparer.Ordinal);

        Assert.Equal(expected.Count, result.Customers.Count);
        foreach (ScoredCustomer c in result.Customers)
        {
            string[] row = expected[c.CustomerId];
            Assert.Equal(int.Parse(row[1], CultureInfo.InvariantCulture), c.Values.RecencyDays);
            Assert.Equal(int.Parse(row[2], CultureInfo.InvariantCulture), c.Values.Frequency);
            Assert.Equal(decimal.Parse(row[3], CultureInfo.InvariantCulture), c.Values.Monetary);
            Assert.Equal(
                (int.Parse(row[4], CultureInfo.InvariantCulture), int.Parse(row[5], CultureInfo.InvariantCulture), int.Parse(row[6], CultureInfo.InvariantCulture)),
                (c.Score.R, c.Score.F, c.Score.M));
            Assert.Equal(row[7], SegmentMap.Default.Classify(c.Score).Name);
        }
    }

    [Fact]
    public void Summaries_Of_The_File_Score_Straight_To_The_Expected_Table()
    {
        // docs/rfm.md: from a transactions file to scores without a hand-written conversion.
        var asOf = new LocalDate(1998, 6, 30);
        TransactionTable table = Csv.TransactionCsv.ReadFile(TestData.Path("cdnow_sample_transactions.csv")).Table;
        PurchaseSummaries summaries = PurchaseAggregator.Summarize(table, through: asOf);
        RfmResult result = RfmAnalysis.Score(summaries, asOf);

        var expected = TestData.Rows("expected/cdnow_sample_rfm.csv").ToDictionary(r => r[0], StringComparer.Ordinal);
        Assert.Equal(expected.Count, result.Customers.Count);
        foreach (ScoredCustomer c in result.Customers)
        {
            string[] row = expected[c.CustomerId];
            Assert.Equal(int.Parse(row[1], CultureInfo.InvariantCulture), c.Values.RecencyDays);
            Assert.Equal(int.Parse(row[2], CultureInfo.InvariantCulture), c.Values.Frequency);
            Assert.Equal(decimal.Parse(row[3], CultureInfo.InvariantCulture), c.Values.Monetary);
            Assert.Equal((int.Parse(row[4], CultureInfo.InvariantCulture), int.Parse(row[5], CultureInfo.InvariantCulture), int.Parse(row[6], CultureInfo.InvariantCulture)), (c.Score.R, c.Score.F, c.Score.M));
        }

        Assert.Throws<ArgumentOutOfRangeException>("asOf", () => RfmAnalysis.Score(summaries, new LocalDate(1998, 1, 1)));
    }

    [Fact]
    public void Frequency_Quintiles_Collapse_On_The_Sample()
    {
        // Most CDNOW customers bought once (the sample's frequency distribution is very skewed), so
        // several frequency cut points coincide and some F scores never occur; nothing crashes.
        (List<CustomerValues> customers, _) = Load();
        RfmResult result = RfmAnalysis.Score(customers);
        DimensionBins f = result.Scoring.Frequency;

        Assert.Equal(4, f.CutPoints.Count);
        Assert.True(f.ScoresInUse.Count < 5, string.Join(",", f.ScoresInUse));
        int total = 0;
        foreach (int count in f.Counts)
        {
            total += count;
        }

        Assert.Equal(customers.Count, total);
        for (int s = 1; s <= 5; s++)
        {
            Assert.Equal(f.Counts[s - 1] > 0, f.ScoresInUse.Contains(s));
        }
    }

    internal static (List<CustomerValues> Customers, LocalDate AsOf) Load()
    {
        var last = new Dictionary<string, LocalDate>(StringComparer.Ordinal);
        var count = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = new Dictionary<string, decimal>(StringComparer.Ordinal);
        LocalDate asOf = LocalDate.MinIsoValue;
        foreach (string[] row in TestData.Rows("cdnow_sample_transactions.csv"))
        {
            string id = row[0];
            LocalDate date = LocalDatePattern.Iso.Parse(row[1]).Value;
            decimal amount = decimal.Parse(row[2], CultureInfo.InvariantCulture);
            last[id] = last.TryGetValue(id, out LocalDate d) && d > date ? d : date;
            count[id] = count.GetValueOrDefault(id) + 1;
            total[id] = total.GetValueOrDefault(id) + amount;
            asOf = date > asOf ? date : asOf;
        }

        var customers = new List<CustomerValues>();
        foreach (string id in last.Keys)
        {
            customers.Add(new CustomerValues(id, RfmValues.At(asOf, last[id], count[id], total[id])));
        }

        return (customers, asOf);
    }
}
