using NodaTime;

namespace CustomerRetention.Csv;

/// <summary>
/// Reads a transactions CSV (<c>customer_id,date,amount</c>; see docs/cli.md and docs/csv.md) into a
/// <see cref="TransactionTable"/> or straight into purchase summaries, on two roads: the general road
/// (<see cref="CsvRecordReader"/>, on Sylvan.Data.Csv: quoting, any column order, any date pattern, any
/// encoding), and for <see cref="Summarize(Stream, string, LocalDate?, TransactionCsvOptions?)"/> of a large plain
/// file the one-pass summariser. Both give the same result, errors and skipped counts.
/// </summary>
/// <remarks>
/// <para>The header is matched case-insensitively, columns in any order, extra columns ignored.
/// The amount is a decimal in the invariant culture (a dot, no thousands separator) whatever the
/// machine's culture; negative amounts (refunds) are allowed. A row with a missing field, an empty
/// customer id, an unparsable date or amount, NaN or infinity throws a <see cref="CsvFormatException"/>
/// naming the source, the physical line and the field, unless
/// <see cref="TransactionCsvOptions.SkipInvalid"/> is set (then it is counted and skipped). An empty
/// input (no header) is an error on line 1; a header without rows gives an empty table.</para>
/// <para>A row with more fields than the header, a field with bytes that are not UTF-8 (unless another
/// <see cref="TransactionCsvOptions.Encoding"/> is given) and a header naming a column twice are errors too; blank
/// lines and lines of only spaces are skipped.</para>
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
        options ??= TransactionCsvOptions.Default;
        using CsvRecordReader csv = CsvRecordReader.Open(stream, source, Columns(options), leaveOpen: true, options.Encoding);
        return ReadRows(csv, options);
    }

    /// <summary>
    /// The purchase summaries of the file at <paramref name="path"/>, read and summarised in one pass: the same result
    /// as <see cref="ReadFile"/> followed by <see cref="PurchaseAggregator.Summarize(TransactionTable, LocalDate?)"/>,
    /// without holding the file's rows in memory when it can (see <see cref="Summarize(Stream, string, LocalDate?, TransactionCsvOptions?)"/>).
    /// </summary>
    /// <param name="path">The file (UTF-8).</param>
    /// <param name="through">When given, only purchases on or before this date count (customers whose first purchase is later are left out).</param>
    /// <param name="options">Columns, date pattern, skipping; null for <see cref="TransactionCsvOptions.Default"/>.</param>
    /// <returns>The summaries, the number of rows read and skipped, and the latest date in the file.</returns>
    /// <exception cref="CsvFormatException">A malformed header or row (see the remarks of <see cref="TransactionCsv"/>).</exception>
    public static TransactionCsvSummaries SummarizeFile(string path, LocalDate? through = null, TransactionCsvOptions? options = null)
    {
        Guard.NotNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Summarize(stream, path, through, options);
    }

    /// <summary>
    /// The purchase summaries of a UTF-8 stream, read and summarised in one pass: the same result as
    /// <see cref="Read(Stream, string, TransactionCsvOptions?)"/> followed by
    /// <see cref="PurchaseAggregator.Summarize(TransactionTable, LocalDate?)"/>, errors and skipping included. The stream
    /// is left open.
    /// </summary>
    /// <remarks>
    /// The one-pass summariser: a large seekable UTF-8 input in the plain layout (<c>customer_id,date,amount</c> in
    /// that order, ISO dates, every row unquoted, ASCII ids) whose customers' rows come in date order (grouped by
    /// customer, or a log in date order) is summarised block by block on up to
    /// <see cref="TransactionCsvOptions.MaxDegreeOfParallelism"/> cores without keeping its rows: memory is the blocks in
    /// flight, the customer ids and the summaries. Anything else (a quoted, malformed or blank row, rows out of date
    /// order) makes it decline: the stream is sought back to where it stood and read once on the general road. A
    /// stream that cannot seek goes to the general road straight away, so it is never read twice.
    /// </remarks>
    /// <param name="stream">The bytes.</param>
    /// <param name="source">The name used in messages: the file name, or <c>-</c> for standard input.</param>
    /// <param name="through">When given, only purchases on or before this date count (customers whose first purchase is later are left out).</param>
    /// <param name="options">Columns, date pattern, skipping; null for <see cref="TransactionCsvOptions.Default"/>.</param>
    /// <returns>The summaries, the number of rows read and skipped, and the latest date in the input.</returns>
    /// <exception cref="CsvFormatException">A malformed header or row (see the remarks of <see cref="TransactionCsv"/>).</exception>
    public static TransactionCsvSummaries Summarize(Stream stream, string source, LocalDate? through = null, TransactionCsvOptions? options = null)
    {
        Guard.NotNull(stream);
        Guard.NotNull(source);
        options ??= TransactionCsvOptions.Default;
        return Summarize(stream, source, through, options, SummarizingCsvReader.Settings.For(options.Workers));
    }

    /// <summary>As <see cref="Summarize(Stream, string, LocalDate?, TransactionCsvOptions?)"/>, with the summariser's settings given (tests use small blocks).</summary>
    internal static TransactionCsvSummaries Summarize(Stream stream, string source, LocalDate? through, TransactionCsvOptions options, SummarizingCsvReader.Settings settings)
    {
        int throughDay = through is LocalDate t ? DayNumbers.FromDate(t) : int.MaxValue;
        long start = stream.CanSeek ? stream.Position : 0;

        // Progress never goes back when the general road starts over.
        HighWaterProgress? progress = options.Progress is null ? null : new HighWaterProgress(options.Progress);
        TransactionCsvOptions tracked = progress is null ? options : options.WithProgress(progress);
        if (SummarizingCsvReader.TrySummarize(stream, tracked, throughDay, settings) is TransactionCsvSummaries fast)
        {
            return fast;
        }

        if (stream.CanSeek)
        {
            stream.Position = start;
        }

        TransactionCsvResult read = Read(stream, source, tracked);
        TransactionTable table = read.Table;
        int latest = int.MinValue;
        foreach (int day in table.DayNumbers)
        {
            latest = day > latest ? day : latest;
        }

        return new TransactionCsvSummaries(
            PurchaseAggregator.Summarize(table, through, options.MaxDegreeOfParallelism),
            table.Count,
            latest == int.MinValue ? null : DayNumbers.ToDate(latest),
            read.SkippedRows,
            read.FirstSkipped);
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
        using var csv = new CsvRecordReader(new NonDisposingReader(reader), source, Columns(options));
        return ReadRows(csv, options);
    }

    /// <summary>Reports the progress marks (every 2^20 rows) passed from <paramref name="before"/> rows to <paramref name="after"/>.</summary>
    internal static void ReportProgress(IProgress<long>? progress, long before, long after)
    {
        if (progress is not null)
        {
            for (long r = ((before / ProgressEvery) + 1) * ProgressEvery; r <= after; r += ProgressEvery)
            {
                progress.Report(r);
            }
        }
    }

    /// <summary>The three columns asked of the header, in the accessors' order (customer, date, amount).</summary>
    internal static CsvColumn[] Columns(TransactionCsvOptions options) =>
    [
        CsvColumn.Required(options.CustomerColumn),
        CsvColumn.Required(options.DateColumn),
        CsvColumn.Required(options.AmountColumn),
    ];

    /// <summary>The general road: every record of <paramref name="csv"/> into a table, or counted as skipped, or an error.</summary>
    private static TransactionCsvResult ReadRows(CsvRecordReader csv, TransactionCsvOptions options)
    {
        DateParser dates = DateParser.For(options.DateFormat);
        var builder = new TransactionTable.Builder(1 << 12);
        long rows = 0;
        long skipped = 0;
        CsvFormatException? firstSkipped = null;
        while (true)
        {
            try
            {
                if (!csv.Read())
                {
                    break;
                }

                rows++;
                if (options.Progress is not null && rows % ProgressEvery == 0)
                {
                    options.Progress.Report(rows);
                }

                ReadOnlySpan<char> customer = CsvParsing.TrimSpaces(csv.GetSpan(0));
                if (customer.IsEmpty)
                {
                    throw csv.CreateError(0, "empty customer id");
                }

                int day = csv.GetDayNumber(1, dates);
                ReadOnlySpan<char> amountText = CsvParsing.TrimSpaces(csv.GetSpan(2));
                if (CsvParsing.TryParseUnits(amountText, out long units, out int scale))
                {
                    builder.Add(customer, day, units, scale);
                }
                else
                {
                    builder.Add(customer, day, csv.GetDecimal(2));
                }
            }
            catch (CsvFormatException e) when (options.SkipInvalid && !csv.Broken)
            {
                skipped++;
                firstSkipped ??= e;
            }
        }

        return new TransactionCsvResult(builder.ToTable(), skipped, firstSkipped);
    }

    /// <summary>Passes on only counts above the highest passed so far.</summary>
    private sealed class HighWaterProgress : IProgress<long>
    {
        private readonly IProgress<long> _inner;
        private long _highest;

        public HighWaterProgress(IProgress<long> inner) => _inner = inner;

        public void Report(long value)
        {
            if (value > _highest)
            {
                _highest = value;
                _inner.Report(value);
            }
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
