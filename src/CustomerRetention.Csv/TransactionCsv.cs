using NodaTime;

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
/// <para>From a stream, a large file with the columns <c>customer_id,date,amount</c> in that order and ISO
/// dates is parsed on all cores, in blocks of lines merged in file order: the result (customer order
/// included), the errors and the skipped counts are those of a sequential read, and only a bounded number
/// of blocks (two of 1 MiB per core, with their parsed rows) is held in memory.</para>
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
        return Utf8TransactionReader.Read(stream, source, options ?? TransactionCsvOptions.Default);
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
    /// A large seekable input in the plain layout (<c>customer_id,date,amount</c>, ISO dates, every row plain) whose
    /// customers' rows come in date order (grouped by customer, or a log in date order) is summarised block by block
    /// on all cores without keeping its rows: memory is the blocks in flight, the customer ids and the summaries.
    /// Anything else (a malformed or quoted row, rows out of date order, a stream that cannot seek) is read into a
    /// <see cref="TransactionTable"/> first (the stream is read again from where it stood).
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
        return Summarize(stream, source, through, options ?? TransactionCsvOptions.Default, ParallelTransactionReader.Settings.Default);
    }

    /// <summary>As <see cref="Summarize(Stream, string, LocalDate?, TransactionCsvOptions?)"/>, with the block settings given (tests use small blocks).</summary>
    internal static TransactionCsvSummaries Summarize(Stream stream, string source, LocalDate? through, TransactionCsvOptions options, ParallelTransactionReader.Settings settings)
    {
        int throughDay = through is LocalDate t ? DayNumbers.FromDate(t) : int.MaxValue;
        long start = stream.CanSeek ? stream.Position : 0;

        // Progress never goes back when the read starts over on the table path.
        HighWaterProgress? progress = options.Progress is null ? null : new HighWaterProgress(options.Progress);
        TransactionCsvOptions tracked = progress is null ? options : options.WithProgress(progress);
        TransactionCsvSummaries? fast = SummarizingCsvReader.TrySummarize(stream, source, tracked, throughDay, settings);
        if (fast is not null)
        {
            return fast;
        }

        if (stream.CanSeek)
        {
            stream.Position = start;
        }

        TransactionCsvResult read = Utf8TransactionReader.Read(stream, source, tracked, settings);
        TransactionTable table = read.Table;
        int latest = int.MinValue;
        foreach (int day in table.DayNumbers)
        {
            latest = day > latest ? day : latest;
        }

        return new TransactionCsvSummaries(
            PurchaseAggregator.Summarize(table, through),
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
        DateParser dates = DateParser.For(options.DateFormat);
        var csv = new CsvRecordReader(new NonDisposingReader(reader), source, Columns(options));
        using (csv)
        {
            var state = new RowState(options, dates);
            ReadRemaining(csv, ref state);
            return state.ToResult();
        }
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

    /// <summary>The general path: reads every remaining record of <paramref name="csv"/>.</summary>
    internal static void ReadRemaining(CsvRecordReader csv, ref RowState state)
    {
        while (csv.Read())
        {
            state.CountRow();
            ReadRecord(csv, ref state);
        }
    }

    /// <summary>The general path for the current record of <paramref name="csv"/> (already counted): adds it, or counts it as skipped, or throws.</summary>
    internal static void ReadRecord(CsvRecordReader csv, ref RowState state)
    {
        try
        {
            ReadOnlySpan<char> customer = CsvParsing.TrimSpaces(csv.GetSpan(0));
            if (customer.IsEmpty)
            {
                throw csv.CreateError(0, "empty customer id");
            }

            int day = csv.GetDayNumber(1, state.Dates);
            ReadOnlySpan<char> amountText = CsvParsing.TrimSpaces(csv.GetSpan(2));
            if (!CsvParsing.TryParseUnits(amountText, out long units, out int scale))
            {
                state.Builder.Add(customer, day, csv.GetDecimal(2));
                return;
            }

            // Grouped files repeat the customer row after row: compare with the last one before hashing.
            CustomerInterner interner = state.Builder.Interner;
            if (state.LastCustomer < 0 || !customer.SequenceEqual(interner.IdAt(state.LastCustomer).AsSpan()))
            {
                state.LastCustomer = interner.GetOrAdd(customer);
            }

            state.Builder.AddUnits(state.LastCustomer, day, units, scale);
        }
        catch (CsvFormatException e) when (state.SkipInvalid)
        {
            state.Skipped++;
            state.FirstSkipped ??= e;
        }
    }

    /// <summary>What a read accumulates: the table being built, the counts, the last customer seen.</summary>
    internal struct RowState
    {
        public readonly TransactionTable.Builder Builder;
        public readonly DateParser Dates;
        public readonly bool SkipInvalid;
        public readonly IProgress<long>? Progress;
        public long Rows;
        public long Skipped;
        public CsvFormatException? FirstSkipped;
        public int LastCustomer;

        public RowState(TransactionCsvOptions options, DateParser dates, int capacity = 1 << 12)
        {
            Builder = new TransactionTable.Builder(capacity);
            Dates = dates;
            SkipInvalid = options.SkipInvalid;
            Progress = options.Progress;
            Rows = 0;
            Skipped = 0;
            FirstSkipped = null;
            LastCustomer = -1;
        }

        public void CountRow()
        {
            Rows++;
            if (Progress is not null && Rows % ProgressEvery == 0)
            {
                Progress.Report(Rows);
            }
        }

        /// <summary>Counts <paramref name="rows"/> rows at once, reporting progress as <see cref="CountRow"/> would have.</summary>
        public void CountRows(int rows)
        {
            long before = Rows;
            Rows += rows;
            ReportProgress(Progress, before, Rows);
        }

        public readonly TransactionCsvResult ToResult() => new(Builder.ToTable(), Skipped, FirstSkipped);
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
