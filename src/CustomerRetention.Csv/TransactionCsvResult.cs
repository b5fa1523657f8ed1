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

    /// <summary>
    /// The transactions of a read, so that the result of <see cref="TransactionCsv.ReadFile(string, TransactionCsvOptions?)"/>
    /// goes straight to <c>PurchaseAggregator.Summarize</c>: <c>PurchaseAggregator.Summarize(TransactionCsv.ReadFile(path), through)</c>.
    /// </summary>
    /// <param name="result">The result of a read.</param>
    /// <returns><see cref="Table"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static implicit operator TransactionTable(TransactionCsvResult result) => Guard.NotNull(result).Table;

    /// <summary>The named alternative to the implicit conversion: <see cref="Table"/>.</summary>
    /// <returns><see cref="Table"/>.</returns>
    public TransactionTable ToTransactionTable() => Table;

    /// <summary>The number of malformed rows skipped (0 unless <see cref="TransactionCsvOptions.SkipInvalid"/>).</summary>
    public long SkippedRows { get; }

    /// <summary>The problem of the first skipped row, or null when none was skipped.</summary>
    public CsvFormatException? FirstSkipped { get; }
}
