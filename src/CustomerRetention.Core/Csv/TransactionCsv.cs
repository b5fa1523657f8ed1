using System.Text;

namespace CustomerRetention.Csv;

/// <summary>
/// Reads a transactions CSV (<c>customer_id,date,amount</c>; see docs/cli.md) into a
/// <see cref="TransactionTable"/>, streaming: the text is never held in memory as a whole, and a
/// customer id becomes a string only the first time it is seen.
/// </summary>
/// <remarks>
/// <para>The header is matched case-insensitively, columns in any order, extra columns ignored.
/// The amount is a decimal in the invariant culture (a dot, no thousands separator) whatever the
/// machine's culture; negative amounts (refunds) are allowed. A row with a missing field, an empty
/// customer id, an unparsable date or amount, NaN or infinity throws a <see cref="CsvFormatException"/>
/// naming the source, the physical line and the field, unless
/// <see cref="TransactionCsvOptions.SkipInvalid"/> is set (then it is counted and skipped). An empty
/// input (no header) is an error on line 1; a header without rows gives an empty table.</para>
/// <example>
/// <code>
/// TransactionCsvResult read = TransactionCsv.ReadFile("cdnow_sample_transactions.csv");
/// PurchaseSummaries summaries = PurchaseAggregator.Summarize(read.Table, new LocalDate(1997, 9, 30));
/// </code>
/// </example>
/// </remarks>
public static class TransactionCsv
{
    private const int ProgressEvery = 1 << 20;

    /// <summary>Reads the file at <paramref name="path"/>; the path names it in messages.</summary>
    /// <param name="path">The file (UTF-8).</param>
    /// <param name="options">Columns, date pattern, skipping; null for <see cref="TransactionCsvOptions.Default"/>.</param>
    /// <returns>The transactions and the number of rows skipped.</returns>
    /// <exception cref="CsvFormatException">A malformed header or row (see the remarks).</exception>
    public static TransactionCsvResult ReadFile(string path, TransactionCsvOptions? options = null)
    {
        Guard.NotNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Read(stream, path, options);
    }

    /// <summary>Reads a UTF-8 stream (a byte-order mark is tolerated); the stream is left open.</summary>
    /// <param name="stream">The bytes.</param>
    /// <param name="source">The name used in messages: the file name, or <c>-</c> for standard input.</param>
    /// <param name="options">Columns, date pattern, skipping; null for <see cref="TransactionCsvOptions.Default"/>.</param>
    /// <returns>The transactions and the number of rows skipped.</returns>
    /// <exception cref="CsvFormatException">A malformed header or row (see the remarks).</exception>
    public static TransactionCsvResult Read(Stream stream, string source, TransactionCsvOptions? options = null)
    {
        Guard.NotNull(stream);
        Guard.NotNull(source);
        using var text = new StreamReader(stream, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        return Read(text, source, options);
    }

    /// <summary>Reads CSV text; the reader is left open.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="source">The name used in messages.</param>
    /// <param name="options">Columns, date pattern, skipping; null for <see cref="TransactionCsvOptions.Default"/>.</param>
    /// <returns>The transactions and the number of rows skipped.</returns>
    /// <exception cref="CsvFormatException">A malformed header or row (see the remarks).</exception>
    public static TransactionCsvResult Read(TextReader reader, string source, TransactionCsvOptions? options = null)
    {
        Guard.NotNull(reader);
        Guard.NotNull(source);
        options ??= TransactionCsvOptions.Default;
        DateParser dates = DateParser.For(options.DateFormat);
        var csv = new CsvRecordReader(new NonDisposingReader(reader), source,
        [
            CsvColumn.Required(options.CustomerColumn),
            CsvColumn.Required(options.DateColumn),
            CsvColumn.Required(options.AmountColumn),
        ]);
        using (csv)
        {
            var builder = new TransactionTable.Builder(1 << 12);
            long skipped = 0;
            long rows = 0;
            CsvFormatException? firstSkipped = null;
            CustomerInterner interner = builder.Interner;
            int lastCustomer = -1;
            IProgress<long>? progress = options.Progress;
            while (csv.Read())
            {
                rows++;
                if (progress is not null && rows % ProgressEvery == 0)
                {
                    progress.Report(rows);
                }

                try
                {
                    ReadOnlySpan<char> customer = CsvParsing.TrimSpaces(csv.GetSpan(0));
                    if (customer.IsEmpty)
                    {
                        throw csv.CreateError(0, "empty customer id");
                    }

                    int day = csv.GetDayNumber(1, dates);
                    ReadOnlySpan<char> amountText = CsvParsing.TrimSpaces(csv.GetSpan(2));
                    if (!CsvParsing.TryParseUnits(amountText, out long units, out int scale))
                    {
                        builder.Add(customer, day, csv.GetDecimal(2));
                        continue;
                    }

                    // Grouped files repeat the customer row after row: compare with the last one before hashing.
                    if (lastCustomer < 0 || !customer.SequenceEqual(interner.IdAt(lastCustomer).AsSpan()))
                    {
                        lastCustomer = interner.GetOrAdd(customer);
                    }

                    builder.AddUnits(lastCustomer, day, units, scale);
                }
                catch (CsvFormatException e) when (options.SkipInvalid)
                {
                    skipped++;
                    firstSkipped ??= e;
                }
            }

            return new TransactionCsvResult(builder.ToTable(), skipped, firstSkipped);
        }
    }

    /// <summary>Keeps the caller's reader open when the CSV reader is disposed.</summary>
    private sealed class NonDisposingReader : TextReader
    {
        private readonly TextReader _inner;

        public NonDisposingReader(TextReader inner) => _inner = inner;

        public override int Read(char[] buffer, int index, int count) => _inner.Read(buffer, index, count);

        public override int Read() => _inner.Read();

        public override int Peek() => _inner.Peek();

        protected override void Dispose(bool disposing)
        {
        }
    }
}
