using System.Globalization;
using System.Text;
using CustomerRetention.Csv;
using NodaTime;

namespace CustomerRetention.NetStandard.Tests;

/// <summary>Core's netstandard2.0 code paths (no span parsing in the framework, no vectorised counts).</summary>
public sealed class CoreNetStandardTests
{
    [Fact]
    public void Cdnow_Summary_Has_2357_Customers_And_2457_Repeat_Purchase_Days()
    {
        TransactionTable table = TransactionCsv.ReadFile(CustomerRetention.TestKit.TestData.Path("cdnow_sample_transactions.csv")).Table;

        PurchaseSummaries summaries = PurchaseAggregator.Summarize(table, new LocalDate(1997, 9, 30));

        // reference-values.md: 2,357 customers, 2,457 repeat purchase days in calibration (same-day merged).
        Assert.Equal(2357, summaries.Count);
        Assert.Equal(2457, summaries.TotalRepeatPurchaseDays());
        // cdnow_sample_summary_weeks.csv, customer 1: x = 2, t_x = 30.43, T = 38.86, zbar = 22.35.
        ModelInput first = summaries[0].ToModelInput(new LocalDate(1997, 9, 30), TimeUnit.Week);
        Assert.Equal(2, first.Frequency);
        CustomerRetention.TestKit.Tolerance.Decimals(30.43, first.Recency, 2);
        CustomerRetention.TestKit.Tolerance.Decimals(38.86, first.T, 2);
        Assert.Equal(22.345m, first.MonetaryValue);
    }

    [Fact]
    public void Csv_Reader_Parses_Quotes_Long_Decimals_And_Reports_Bad_Fields()
    {
        string text = "a,b\n\"x\ny\",12345678901234567890.5\n3,NaN\n";
        using CsvRecordReader csv = CsvRecordReader.Open(
            new MemoryStream(Encoding.UTF8.GetBytes(text)), "ns.csv", [CsvColumn.Required("a"), CsvColumn.Required("b")]);

        Assert.True(csv.Read());
        Assert.Equal("x\ny", csv.GetString(0));
        Assert.Equal(decimal.Parse("12345678901234567890.5", CultureInfo.InvariantCulture), csv.GetDecimal(1));
        Assert.True(csv.Read());
        Assert.Equal(4, csv.LineNumber);
        CsvFormatException e = Assert.Throws<CsvFormatException>(() => csv.GetDecimal(1));
        Assert.Equal("ns.csv:4: field 'b': 'NaN' is not a finite decimal number", e.Message);
        Assert.Equal(2.5, new CsvRecordReader(new StringReader("a,b\n1,2.5\n"), "s", [CsvColumn.Required("b")]) is var r && r.Read() ? r.GetDouble(0) : 0);
    }

    [Fact]
    public void One_Pass_Summaries_Of_A_Large_Grouped_File_Match_The_Table_Path()
    {
        // Over 2 MiB, so that the one-pass summariser (block parsers, byte-level id table without vectorised ASCII
        // checks or prefetching on this build) takes it; short and long ids, amounts with 0..3 decimals.
        var random = new Random(11);
        var text = new StringBuilder("customer_id,date,amount\n");
        var start = new LocalDate(2021, 1, 1);
        for (int c = 0; text.Length < 3 << 20; c++)
        {
            string id = c % 7 == 0 ? "customer-" + c.ToString(CultureInfo.InvariantCulture) : "C" + c.ToString(CultureInfo.InvariantCulture);
            LocalDate day = start.PlusDays(random.Next(300));
            for (int k = random.Next(1, 9); k > 0; k--)
            {
                day = day.PlusDays(random.Next(3));
                decimal amount = decimal.Round((decimal)(random.NextDouble() * 200 - 20), random.Next(4));
                text.Append(id).Append(',').Append(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                    .Append(amount.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
        var through = new LocalDate(2021, 9, 1);
        PurchaseSummaries expected = PurchaseAggregator.Summarize(TransactionCsv.Read(new MemoryStream(bytes), "ns.csv").Table, through);

        TransactionCsvSummaries read = TransactionCsv.Summarize(new MemoryStream(bytes), "ns.csv", through);

        // The one-pass summariser takes this file on this build (the result below is then its own, not the general road's).
        Assert.NotNull(SummarizingCsvReader.TrySummarize(new MemoryStream(bytes), TransactionCsvOptions.Default, DayNumbers.FromDate(through), SummarizingCsvReader.Settings.For(Environment.ProcessorCount)));

        Assert.Equal(expected.Count, read.Summaries.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected.Customers[i], read.Summaries.Customers[i]);
            Assert.Equal(expected[i], read.Summaries[i]);
            Assert.Equal(expected[i].TotalAmount.ToString(CultureInfo.InvariantCulture), read.Summaries[i].TotalAmount.ToString(CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Mixed_Scale_Amounts_Stay_Exact()
    {
        var builder = new TransactionTable.Builder();
        builder.Add(new CustomerId("A"), new LocalDate(2020, 1, 1), 1.5m);
        builder.Add(new CustomerId("A"), new LocalDate(2020, 1, 2), 0.125m);

        PurchaseSummary s = Assert.Single(PurchaseAggregator.Summarize(builder.ToTable()));

        Assert.Equal(1.625m, s.TotalAmount);
        Assert.Equal(0.125m, s.MonetaryValue);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Large_Grouped_And_Shuffled_Inputs_Match_The_Decimal_Path(bool shuffled)
    {
        // Above the parallel threshold (2^20 rows): the chunked in-order pass (vectorised min/max) or the radix
        // fallback (its bit count without BitOperations), against the decimal overload.
        const int customerCount = 300_000;
        var random = new Random(5);
        var rows = new List<(int Customer, int Day, long Units)>();
        for (int c = 0; c < customerCount; c++)
        {
            int day = random.Next(50);
            for (int k = random.Next(1, 8); k > 0; k--)
            {
                day += random.Next(2);
                rows.Add((c, day, random.Next(-100, 10_000)));
            }
        }

        if (shuffled)
        {
            rows = [.. rows.OrderBy(_ => random.Next())];
        }

        int[] customers = [.. rows.Select(r => r.Customer)];
        int[] days = [.. rows.Select(r => r.Day)];
        long[] units = [.. rows.Select(r => r.Units)];
        decimal[] amounts = [.. rows.Select(r => r.Units / 100m)];
        var fromUnits = new PurchaseSummary[customerCount];
        var fromDecimals = new PurchaseSummary[customerCount];

        PurchaseAggregator.Summarize(customers, days, units, 2, 40, fromUnits);
        PurchaseAggregator.Summarize(customers, days, amounts, 40, fromDecimals);

        Assert.True(rows.Count > 1 << 20);
        Assert.True(fromUnits.AsSpan().SequenceEqual(fromDecimals));
    }
}
