using System.Globalization;
using System.Text;
using CustomerRetention.Csv;

namespace CustomerRetention.Csv.Tests;

/// <summary>Everything a transactions read produced, as text, so that two reading paths can be compared in one assertion.</summary>
internal static class ReadResults
{
    /// <summary>The skipped-row count and first message, the customers, the amount units and every row; or the error.</summary>
    public static string Describe(Func<TransactionCsvResult> read) => DescribeOrError(read, Describe);

    /// <summary>
    /// The skipped-row count and first message, the rows and latest date, the cut-off, the customers, and every
    /// summary field (amounts as text: their decimal scale counts); or the error.
    /// </summary>
    public static string Describe(Func<TransactionCsvSummaries> summarize) => DescribeOrError(summarize, Describe);

    private static string DescribeOrError<T>(Func<T> read, Func<T, string> describe)
    {
        T result;
        try
        {
            result = read();
        }
        catch (CsvFormatException e)
        {
            return "error: " + e.Message;
        }

        return describe(result);
    }

    private static string Describe(TransactionCsvResult result)
    {
        TransactionTable table = result.Table;
        var sb = new StringBuilder();
        sb.Append("skipped ").Append(result.SkippedRows).Append(' ').Append(result.FirstSkipped?.Message).Append('\n');
        sb.Append("customers ").Append(string.Join("|", table.Customers.Select(c => c.Value))).Append('\n');
        if (table.TryGetAmountUnits(out ReadOnlySpan<long> units, out int scale))
        {
            sb.Append("units at scale ").Append(scale).Append(": ").Append(string.Join(";", units.ToArray())).Append('\n');
        }

        for (int i = 0; i < table.Count; i++)
        {
            sb.Append(table.CustomerIndices[i]).Append(',').Append(table.DayNumbers[i]).Append(',')
              .Append(table.Amounts[i].ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return sb.ToString();
    }

    private static string Describe(TransactionCsvSummaries result)
    {
        PurchaseSummaries summaries = result.Summaries;
        var sb = new StringBuilder();
        sb.Append("skipped ").Append(result.SkippedRows).Append(' ').Append(result.FirstSkipped?.Message).Append('\n');
        sb.Append("rows ").Append(result.Rows).Append(" latest ").Append(result.LatestDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
          .Append(" through ").Append(summaries.Through?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("customers ").Append(summaries.Customers.Count).Append(": ").Append(string.Join("|", summaries.Customers.Select(c => c.Value))).Append('\n');
        sb.Append("summaries ").Append(summaries.Count).Append('\n');
        foreach (PurchaseSummary s in summaries)
        {
            sb.Append(s.FirstDayNumber).Append(',').Append(s.LastDayNumber).Append(',').Append(s.Transactions).Append(',').Append(s.PurchaseDays).Append(',')
              .Append(s.TotalAmount.ToString(CultureInfo.InvariantCulture)).Append(',').Append(s.FirstDayAmount.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return sb.ToString();
    }
}
