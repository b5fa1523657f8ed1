using System.Globalization;
using System.Text;
using CustomerRetention.Csv;

namespace CustomerRetention.Core.Tests;

/// <summary>Everything a transactions read produced, as text, so that two reading paths can be compared in one assertion.</summary>
internal static class ReadResults
{
    /// <summary>The skipped-row count and first message, the customers, the amount units and every row; or the error.</summary>
    public static string Describe(Func<TransactionCsvResult> read)
    {
        TransactionCsvResult result;
        try
        {
            result = read();
        }
        catch (CsvFormatException e)
        {
            return "error: " + e.Message;
        }

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
}
