namespace CustomerRetention.Csv;

/// <summary>What <see cref="TransactionCsv"/> read: the transactions and how many malformed rows were skipped.</summary>
public sealed class TransactionCsvResult
{
    internal TransactionCsvResult(TransactionTable table, long skippedRows, CsvFormatException? firstSkipped)
    {
        Table = table;
        SkippedRows = skippedRows;
        FirstSkipped = firstSkipped;
    }

    /// <summary>The transactions, in file order.</summary>
    public TransactionTable Table { get; }

    /// <summary>The number of malformed rows skipped (0 unless <see cref="TransactionCsvOptions.SkipInvalid"/>).</summary>
    public long SkippedRows { get; }

    /// <summary>The problem of the first skipped row, or null when none was skipped.</summary>
    public CsvFormatException? FirstSkipped { get; }
}
