using NodaTime;

namespace CustomerRetention.Csv;

/// <summary>
/// What <see cref="TransactionCsv.Summarize(Stream, string, LocalDate?, TransactionCsvOptions?)"/> read: the
/// customers' purchase summaries, how many rows were read and skipped, and the latest date of any row.
/// </summary>
public sealed class TransactionCsvSummaries
{
    internal TransactionCsvSummaries(PurchaseSummaries summaries, long rows, LocalDate? latestDate, long skippedRows = 0, CsvFormatException? firstSkipped = null)
    {
        Summaries = summaries;
        Rows = rows;
        LatestDate = latestDate;
        SkippedRows = skippedRows;
        FirstSkipped = firstSkipped;
    }

    /// <summary>One summary per customer with a purchase on or before the cut-off, in order of first appearance in the file.</summary>
    public PurchaseSummaries Summaries { get; }

    /// <summary>The number of rows read (skipped rows not included), on either side of the cut-off.</summary>
    public long Rows { get; }

    /// <summary>The latest date of any row read, on either side of the cut-off; null when there was none.</summary>
    public LocalDate? LatestDate { get; }

    /// <summary>The number of malformed rows skipped (0 unless <see cref="TransactionCsvOptions.SkipInvalid"/>).</summary>
    public long SkippedRows { get; }

    /// <summary>The problem of the first skipped row, or null when none was skipped.</summary>
    public CsvFormatException? FirstSkipped { get; }
}
