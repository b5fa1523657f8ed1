using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;

namespace CustomerRetention.Csv;

/// <summary>
/// Reads a large <c>customer_id,date,amount</c> file (ISO dates) straight into purchase summaries, on all cores,
/// without building the table of its rows: the fast path of <see cref="TransactionCsv.Summarize(Stream, string, NodaTime.LocalDate?, TransactionCsvOptions?)"/>.
/// It takes files whose every row is plain (see <see cref="PlainLine.Parse"/>) and whose customers'
/// rows come in date order (grouped by customer, or a log in date order), and gives up (returns null, for the caller
/// to read the input again through the table) at the first row of any other kind, a customer's row dated before one
/// already summed, an amount total that leaves the scaled-integer range, or an input that is mostly customers coming
/// back (where the table's sort is faster). What it returns is what the table path returns, bit for bit.
/// </summary>
/// <remarks>
/// <para>The input is read in blocks of whole lines by whichever
/// thread is free — a pool worker per other core, or the calling thread while the block it must merge next is still
/// being parsed — one reader at a time (<see cref="BlockSource"/>). The thread that read a block parses it: it sums
/// each run of consecutive rows of one customer into one partial summary (first and last day, purchase days,
/// transactions, total and first-day amounts as scaled integers: <see cref="PurchaseTotals"/>, and the id's bytes).
/// The calling thread merges the runs in file order: the customer's index (<see cref="Utf8CustomerIds"/>, the one id
/// table: order of first appearance, ids kept as bytes), then the run appended to the customer's
/// <see cref="PurchaseTotals"/>. At the end the ids are decoded once, and the totals become summaries.</para>
/// <para>Memory: the blocks in flight (four of 1 MiB per core), the ids' bytes and hash table, and the result.</para>
/// </remarks>
internal static class SummarizingCsvReader
{
    /// <summary>Give up when more than this share of the runs (after <see cref="MinRunsForReturnCheck"/>) add to a customer already seen.</summary>
    private const int ReturningRunsPerMille = 250;
    private const int MinRunsForReturnCheck = 1 << 16;

    /// <summary>The first read: the header line must fit (or the table path reads the file).</summary>
    private const int HeaderBuffer = 1 << 16;

    /// <summary>How the summariser works: how many threads read and parse blocks (the calling thread included), and the block size.</summary>
    internal readonly record struct Settings(int Workers, int BlockSize)
    {
        /// <summary>Blocks of 1 MiB, on <paramref name="workers"/> threads.</summary>
        public static Settings For(int workers) => new(workers, 1 << 20);
    }

    /// <summary>
    /// The summaries of the rows on or before <paramref name="throughDay"/>, or null when this road does not take the
    /// input or gave up (the caller then seeks back and reads the input on the general road).
    /// </summary>
    public static TransactionCsvSummaries? TrySummarize(Stream stream, TransactionCsvOptions options, int throughDay, Settings settings)
    {
        if (!stream.CanSeek || !DateParser.For(options.DateFormat).IsIso || !IsUtf8(options.Encoding))
        {
            return null;
        }

        // A small first buffer (the header, and the first bytes of the first block): a large one would be a fresh
        // megabyte for every file, zeroed and faulted in.
        var input = new ByteInput(stream, HeaderBuffer);
        if (!input.TryHeader(out string header, out int consumed) || !IsPlainHeader(header, options))
        {
            return null;
        }

        long bytes = stream.Length - stream.Position + input.Available.Length - consumed;
        input.Consume(consumed);
        if (bytes <= 2L * settings.BlockSize)
        {
            return null;
        }

        var totals = new Totals(throughDay, bytes, options.Progress, settings.Workers);
        totals.Reserve(input.Available);
        return Read(input, settings, totals) && totals.RowsFitScale() ? totals.ToResult() : null;
    }

    /// <summary>Whether the text encoding is UTF-8 (null is).</summary>
    private static bool IsUtf8(System.Text.Encoding? encoding) => encoding is null || encoding.CodePage == System.Text.Encoding.UTF8.CodePage;

    /// <summary>Whether the header is exactly the customer, date and amount columns, in that order (the layout <see cref="PlainLine.Parse"/> parses).</summary>
    private static bool IsPlainHeader(string header, TransactionCsvOptions options)
    {
        string[] names = header.Split(',');
        return names.Length == 3
            && string.Equals(names[0].Trim(), options.CustomerColumn, StringComparison.OrdinalIgnoreCase)
            && string.Equals(names[1].Trim(), options.DateColumn, StringComparison.OrdinalIgnoreCase)
            && string.Equals(names[2].Trim(), options.AmountColumn, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reads every block into <paramref name="totals"/>; false when it gave up.</summary>
    private static bool Read(ByteInput input, Settings settings, Totals totals)
    {
        // One core is this thread's: it merges, and reads and parses blocks itself while the next one is still being parsed.
        var blocks = new BlockSource(input, settings.BlockSize, totals.ThroughDay, settings.Workers, settings.Workers * BlocksInFlightPerWorker);
        var workers = new Task[Math.Max(settings.Workers - 1, 0)];
        for (int w = 0; w < workers.Length; w++)
        {
            int reader = w + 1;
            workers[w] = Task.Run(() => blocks.ReadAndParse(reader));
        }

        try
        {
            while (blocks.NextInOrder() is RunBlock block)
            {
                if (!totals.Add(block))
                {
                    return false;
                }

                blocks.Recycle(block);
            }

            return blocks.LastLine() is not RunBlock last || totals.Add(last);
        }
        finally
        {
            // The workers only touch blocks they read themselves; they are done before the blocks go back to the pool.
            blocks.Stop();
            foreach (Task worker in workers)
            {
                worker.Wait();
            }

            blocks.Release();
        }
    }

    /// <summary>Blocks read but not yet merged, per core: enough to keep the cores busy while the merge catches up.</summary>
    private const int BlocksInFlightPerWorker = 4;

    /// <summary>Units this small fit a long at any number of decimals (times 10^9 at most).</summary>
    private const long UnitsSafeAtAnyScale = long.MaxValue / 1_000_000_000;

    /// <summary>One run of consecutive rows of one customer in a block, summed (amounts in units of the block's scale).</summary>
    [StructLayout(LayoutKind.Auto)]
    private struct Run
    {
        public int IdOffset;
        public int IdLength;
        public int Hash;
        public ShortId Id; // the id's bytes, when it has at most ShortId.MaxLength

        public PurchaseTotals Totals; // the run's rows on or before the cut-off
    }

    /// <summary>
    /// The bytes of an id of up to 16 bytes, little-endian in two words, kept with its run: the merge then reads the runs
    /// one after the other and need not go back to the block's lines (a cache miss per customer).
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ShortId
    {
        public const int MaxLength = 16;

        public ulong Low;
        public ulong High;

        /// <summary>The id of <paramref name="length"/> (at most <see cref="MaxLength"/>) bytes at <paramref name="start"/>.</summary>
        public static ShortId From(ReadOnlySpan<byte> chunk, int start, int length)
        {
            var id = default(ShortId);
            if (BitConverter.IsLittleEndian && chunk.Length - start >= MaxLength)
            {
                ReadOnlySpan<byte> bytes = chunk.Slice(start, MaxLength);
                id.Low = MemoryMarshal.Read<ulong>(bytes) & Mask(length);
                id.High = MemoryMarshal.Read<ulong>(bytes.Slice(8)) & Mask(length - 8);
                return id;
            }

            for (int k = 0; k < length; k++)
            {
                ulong b = (ulong)chunk[start + k] << (8 * (k & 7));
                if (k < 8)
                {
                    id.Low |= b;
                }
                else
                {
                    id.High |= b;
                }
            }

            return id;
        }

        /// <summary>Writes the id's <paramref name="length"/> bytes to the start of <paramref name="destination"/> (16 bytes long).</summary>
        public readonly ReadOnlySpan<byte> CopyTo(Span<byte> destination, int length)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(destination, Low);
            BinaryPrimitives.WriteUInt64LittleEndian(destination.Slice(8), High);
            return destination.Slice(0, length);
        }

        /// <summary>The low <paramref name="bytes"/> bytes of a word (none for 0 or fewer, all for 8 or more).</summary>
        private static ulong Mask(int bytes) => bytes <= 0 ? 0 : bytes >= 8 ? ulong.MaxValue : (1UL << (8 * bytes)) - 1;
    }

    /// <summary>
    /// The input cut into blocks of whole lines, in file order, for the calling thread and the pool workers: whoever
    /// reads a block (one thread at a time, so the blocks follow each other) parses it. The calling thread
    /// takes them back in file order to merge, reading and parsing the next block itself while the one it needs is still
    /// being parsed. At most a window of blocks is read and not yet merged, so the workers wait when they are too far ahead.
    /// </summary>
    private sealed class BlockSource
    {
        private readonly object _gate = new(); // the queue, the free blocks and the flags
        private readonly object _readGate = new(); // the input and the carried partial line
        private readonly ByteInput _input;
        private readonly int _blockSize;
        private readonly int _throughDay;
        private readonly int _window;
        private readonly Queue<RunBlock> _inFlight = new(); // read, in file order, not yet merged
        private readonly Stack<RunBlock>[] _free; // by reader: a block goes back to the thread that read it last, whose caches hold its lines
        private readonly List<RunBlock> _all = [];
        private byte[] _carry;
        private int _carryLength;
        private bool _end;
        private bool _stopped;
        private ExceptionDispatchInfo? _readError;

        public BlockSource(ByteInput input, int blockSize, int throughDay, int readers, int window)
        {
            _free = new Stack<RunBlock>[readers];
            for (int r = 0; r < readers; r++)
            {
                _free[r] = new Stack<RunBlock>();
            }

            _input = input;
            _blockSize = blockSize;
            _throughDay = throughDay;
            _window = Math.Max(window, 2);
            _carry = new byte[1 << 12]; // a partial line; grown by LineBlock.Fill when one is longer
        }

        /// <summary>A worker's loop (reader 1, 2, …): reads and parses blocks until the input ends or the merge stops.</summary>
        public void ReadAndParse(int reader)
        {
            while (true)
            {
                if (TryRead(reader, wait: true) is RunBlock block)
                {
                    block.ParseAndSignal();
                    continue;
                }

                lock (_gate)
                {
                    if (_end || _stopped)
                    {
                        return;
                    }

                    if (_inFlight.Count >= _window)
                    {
                        // Until the merge recycles a block.
                        Monitor.Wait(_gate);
                    }
                }
            }
        }

        /// <summary>The next block in file order, parsed; null when every block was handed out.</summary>
        public RunBlock? NextInOrder()
        {
            while (true)
            {
                RunBlock? next;
                lock (_gate)
                {
                    next = _inFlight.Count > 0 ? _inFlight.Peek() : null;
                    if (next is null && _end)
                    {
                        _readError?.Throw();
                        return null;
                    }
                }

                if (next is not null && next.IsParsed)
                {
                    next.ThrowIfFailed();
                    return next;
                }

                if (TryRead(0, wait: next is null) is RunBlock mine)
                {
                    mine.ParseAndSignal();
                }
                else
                {
                    // A worker is reading, or the window is full: the next block is being parsed by a worker.
                    next?.WaitParsed();
                }
            }
        }

        /// <summary>Takes back the block <see cref="NextInOrder"/> returned, once merged.</summary>
        public void Recycle(RunBlock block)
        {
            lock (_gate)
            {
                _inFlight.Dequeue();
                _free[block.Reader].Push(block);
                Monitor.PulseAll(_gate);
            }
        }

        /// <summary>After the last block: the last line of the input when it has no line feed, as a parsed block of its own.</summary>
        public RunBlock? LastLine()
        {
            if (_carryLength == 0)
            {
                return null;
            }

            RunBlock last;
            lock (_gate)
            {
                last = Free(0);
            }

            while (last.Data.Length <= _carryLength)
            {
                last.Grow();
            }

            Buffer.BlockCopy(_carry, 0, last.Data, 0, _carryLength);
            last.Data[_carryLength] = (byte)'\n';
            last.Length = _carryLength + 1;
            last.Parse();
            return last;
        }

        /// <summary>Tells the workers to stop after the block they are parsing.</summary>
        public void Stop()
        {
            lock (_gate)
            {
                _stopped = true;
                Monitor.PulseAll(_gate);
            }
        }

        /// <summary>Gives every block's buffers back to the pools (after the workers stopped).</summary>
        public void Release()
        {
            foreach (RunBlock block in _all)
            {
                block.Release();
            }
        }

        /// <summary>
        /// Reads the next block, for the caller to parse; null at the end of the input, when the window is full, after
        /// <see cref="Stop"/>, or (unless <paramref name="wait"/>) while another thread is reading.
        /// </summary>
        private RunBlock? TryRead(int reader, bool wait)
        {
            // One reader at a time, so that the blocks follow each other; the queue's own lock is not held meanwhile.
            if (wait)
            {
                Monitor.Enter(_readGate);
            }
            else if (!Monitor.TryEnter(_readGate))
            {
                return null;
            }

            try
            {
                RunBlock block;
                lock (_gate)
                {
                    if (_end || _stopped || _inFlight.Count >= _window)
                    {
                        return null;
                    }

                    block = Free(reader);
                }

                bool end;
                ExceptionDispatchInfo? error = null;
                try
                {
                    end = LineBlock.Fill(_input, block, ref _carry, ref _carryLength);
                }
                catch (Exception e)
                {
                    // Reported by the merge once it has every block before this one.
                    error = ExceptionDispatchInfo.Capture(e);
                    end = true;
                }

                lock (_gate)
                {
                    _readError = error;
                    _end = end;
                    if (end)
                    {
                        Monitor.PulseAll(_gate);
                    }

                    if (block.Length == 0 || error is not null)
                    {
                        _free[reader].Push(block);
                        return null;
                    }

                    block.Reset();
                    _inFlight.Enqueue(block);
                    return block;
                }
            }
            finally
            {
                Monitor.Exit(_readGate);
            }
        }

        private RunBlock Free(int reader)
        {
            if (_free[reader].Count > 0)
            {
                return _free[reader].Pop();
            }

            var block = new RunBlock(_blockSize, _throughDay) { Reader = reader };
            _all.Add(block);
            return block;
        }
    }

    /// <summary>A block of lines and its runs (the parsers' part).</summary>
    private sealed class RunBlock : LineBlock
    {
        private readonly ManualResetEventSlim _parsed = new(false);
        private readonly int _throughDay;
        private readonly long[] _largestUnits = new long[AmountUnits.MaxScale + 1];
        private ExceptionDispatchInfo? _error;
        private Run[] _runs;

        public RunBlock(int size, int throughDay)
            : base(size)
        {
            _throughDay = throughDay;
            _runs = ArrayPool<Run>.Shared.Rent(Math.Max(Data.Length / 128, 64));
        }

        /// <summary>Whether every line was plain and every customer's rows in date order, with totals in range.</summary>
        public bool Ok { get; private set; }

        /// <summary>The thread that reads and parses this block (0 for the calling thread, 1… for the workers).</summary>
        public int Reader { get; init; }

        public ReadOnlySpan<Run> Runs => new(_runs, 0, RunCount);

        public int RunCount { get; private set; }

        public int Rows { get; private set; }

        /// <summary>The latest day of any row (cut-off or not); <see cref="int.MinValue"/> for none.</summary>
        public int LatestDay { get; private set; }

        /// <summary>The number of decimals of the runs' units (the most any row of the block has).</summary>
        public int Scale { get; private set; }

        /// <summary>The largest |units| of the block's rows by their own number of decimals (cut-off or not), where above <see cref="UnitsSafeAtAnyScale"/> (0 otherwise).</summary>
        public ReadOnlySpan<long> LargestUnits => _largestUnits;

        public bool IsParsed => _parsed.IsSet;

        public void Release()
        {
            ArrayPool<Run>.Shared.Return(_runs);
            _parsed.Dispose();
            ReturnData();
        }

        /// <summary>Marks the (refilled) block as not parsed yet.</summary>
        public void Reset()
        {
            _parsed.Reset();
            _error = null;
        }

        /// <summary>Parses the block and says so; an unexpected exception is kept for <see cref="ThrowIfFailed"/>.</summary>
        public void ParseAndSignal()
        {
            try
            {
                Parse();
            }
            catch (Exception e)
            {
                _error = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                _parsed.Set();
            }
        }

        /// <summary>Waits until the block is parsed.</summary>
        public void WaitParsed() => _parsed.Wait();

        /// <summary>Rethrows what went wrong while parsing the block, if anything did.</summary>
        public void ThrowIfFailed() => _error?.Throw();

        public void Parse()
        {
            Ok = false;
            RunCount = 0;
            Rows = 0;
            Scale = 0;
            LatestDay = int.MinValue;
            Array.Clear(_largestUnits, 0, _largestUnits.Length);
            try
            {
                Ok = ParseRuns();
            }
            catch (OverflowException)
            {
                // A total beyond the scaled-integer range: the table path sums it as decimals.
            }
        }

        private bool ParseRuns()
        {
            ReadOnlySpan<byte> chunk = new(Data, 0, Length);
            Run[] runs = _runs;
            long[] largest = _largestUnits;
            int through = _throughDay;
            int scale = 0;
            int latest = int.MinValue;
            int count = 0;
            int rows = 0;
            int current = -1;
            int currentOffset = 0;
            int currentLength = -1;
            int pos = 0;
            while (pos < chunk.Length)
            {
                // Most rows continue the current run: when the line starts with its id and a comma, only the rest is parsed.
                int next;
                int idLength = currentLength;
                int day;
                long units;
                int rowScale;
                bool continues = idLength > 0 && chunk.Length - pos > idLength + 8 && chunk[pos + idLength] == (byte)',' && PlainLine.SameId(chunk, pos, currentOffset, idLength);
                if (continues)
                {
                    next = PlainLine.ParseAfterId(chunk, pos + idLength, out day, out units, out rowScale);
                }
                else
                {
                    next = PlainLine.Parse(chunk, pos, out idLength, out day, out units, out rowScale);
                }

                if (next < 0)
                {
                    return false;
                }

                rows++;
                latest = day > latest ? day : latest;
                if ((ulong)(units + UnitsSafeAtAnyScale) > 2 * (ulong)UnitsSafeAtAnyScale)
                {
                    // Rare: an amount that might not fit at a larger scale (see Totals.RowsFitScale).
                    largest[rowScale] = Math.Max(largest[rowScale], Math.Abs(units));
                }

                if (rowScale != scale)
                {
                    if (rowScale < scale)
                    {
                        units = checked(units * AmountUnits.Pow10(scale - rowScale));
                    }
                    else
                    {
                        Rescale(runs, count, rowScale - scale);
                        scale = rowScale;
                    }
                }

                // Not the current run's id and comma: a line of another customer (the full parse read its id).
                if (!continues)
                {
                    if (count == runs.Length)
                    {
                        Run[] grown = ArrayPool<Run>.Shared.Rent(runs.Length * 2);
                        Array.Copy(runs, grown, count);
                        ArrayPool<Run>.Shared.Return(runs);
                        _runs = runs = grown;
                    }

                    current = count++;
                    currentOffset = pos;
                    currentLength = idLength;
                    if (!Utf8CustomerIds.IsAscii(chunk.Slice(pos, idLength)))
                    {
                        // Different invalid UTF-8 ids may decode to one string: the table path's interner decides.
                        return false;
                    }

                    runs[current] = new Run
                    {
                        IdOffset = pos,
                        IdLength = idLength,
                        Hash = PlainLine.IdHash(chunk, pos, idLength),
                        Id = idLength <= ShortId.MaxLength ? ShortId.From(chunk, pos, idLength) : default,
                    };
                }

                if (day <= through && !runs[current].Totals.TryAdd(day, units))
                {
                    return false;
                }

                pos = next;
            }

            RunCount = count;
            Rows = rows;
            Scale = scale;
            LatestDay = latest;
            return true;
        }

        private static void Rescale(Run[] runs, int count, int by)
        {
            for (int r = 0; r < count; r++)
            {
                runs[r].Totals.Rescale(by);
            }
        }
    }

    /// <summary>The customers and their running totals (the calling thread's part).</summary>
    private sealed class Totals
    {
        private readonly long _bytes;
        private readonly IProgress<long>? _progress;
        private readonly int _workers;
        private readonly long[] _largestUnits = new long[AmountUnits.MaxScale + 1];
        private Utf8CustomerIds? _ids;
        private PurchaseTotals[] _totals = [];
        private int _scale;
        private long _rows;
        private long _runs;
        private long _returningRuns;
        private int _latestDay = int.MinValue;

        public Totals(int throughDay, long bytes, IProgress<long>? progress, int workers)
        {
            ThroughDay = throughDay;
            _bytes = bytes;
            _progress = progress;
            _workers = workers;
        }

        public int ThroughDay { get; }

        /// <summary>Merges a parsed block's runs, in file order; false when this road gives up.</summary>
        public bool Add(RunBlock block)
        {
            if (!block.Ok)
            {
                return false;
            }

            try
            {
                if (block.Scale > _scale)
                {
                    RaiseScale(block.Scale);
                }

                if (!AddRuns(block.Data, block.Runs, _scale - block.Scale))
                {
                    return false;
                }
            }
            catch (OverflowException)
            {
                return false;
            }

            Count(block);
            return true;
        }

        /// <summary>The result: the ids decoded once, the totals made summaries (customers without a purchase through the cut-off left out).</summary>
        public TransactionCsvSummaries ToResult()
        {
            Utf8CustomerIds ids = _ids!;
            ids.Dispose();
            NodaTime.LocalDate? through = ThroughDay == int.MaxValue ? null : DayNumbers.ToDate(ThroughDay);
            NodaTime.LocalDate? latest = _latestDay == int.MinValue ? null : DayNumbers.ToDate(_latestDay);
            CustomerId[] customers = ids.Decode(_workers);
            return new TransactionCsvSummaries(PurchaseAggregator.Summarize(customers, _totals, _scale, through, _workers), _rows, latest);
        }

        /// <summary>
        /// Room for as many customers as the input's <paramref name="first"/> bytes suggest (their share of customer
        /// changes per byte, times the input's bytes), with ids as long as their longest and then some (the first
        /// customers' ids tend to be the shortest). A short estimate makes the room grow.
        /// </summary>
        public void Reserve(ReadOnlySpan<byte> first)
        {
            int end = first.LastIndexOf((byte)'\n') + 1;
            int changes = 0;
            int longestId = 0;
            ReadOnlySpan<byte> previous = default;
            for (int pos = 0; pos < end;)
            {
                ReadOnlySpan<byte> line = first.Slice(pos, first.Slice(pos, end - pos).IndexOf((byte)'\n'));
                int comma = line.IndexOf((byte)',');
                ReadOnlySpan<byte> id = comma < 0 ? line : line.Slice(0, comma);
                if (!id.SequenceEqual(previous))
                {
                    changes++;
                    longestId = Math.Max(longestId, id.Length);
                    previous = id;
                }

                pos += line.Length + 1;
            }

            double perByte = (double)changes / Math.Max(end, 1);
            int capacity = (int)Math.Min((perByte * _bytes * 1.1) + 1024, 1 << 28);
            _ids = new Utf8CustomerIds(capacity, longestId + 4);
            _totals = new PurchaseTotals[capacity];
        }

        /// <summary>Appends each run to its customer's totals (a new customer's are the run's); <paramref name="rescale"/>: the decimals the block's units lack.</summary>
        private bool AddRuns(byte[] data, ReadOnlySpan<Run> runs, int rescale)
        {
            Utf8CustomerIds ids = _ids!;
            Span<byte> shortId = stackalloc byte[ShortId.MaxLength];
            const int Ahead = 8;
            for (int r = 0; r < Math.Min(Ahead, runs.Length); r++)
            {
                ids.Prefetch(runs[r].Hash);
            }

            for (int r = 0; r < runs.Length; r++)
            {
                if (r + Ahead < runs.Length)
                {
                    ids.Prefetch(runs[r + Ahead].Hash);
                }

                ref readonly Run run = ref runs[r];
                ReadOnlySpan<byte> id = run.IdLength <= ShortId.MaxLength ? run.Id.CopyTo(shortId, run.IdLength) : new(data, run.IdOffset, run.IdLength);
                int c = ids.GetOrAdd(id, run.Hash, out bool added);
                if (c == _totals.Length)
                {
                    Array.Resize(ref _totals, _totals.Length * 2);
                }

                PurchaseTotals later = run.Totals;
                if (rescale > 0)
                {
                    later.Rescale(rescale);
                }

                if (added)
                {
                    _totals[c] = later;
                }
                else
                {
                    _returningRuns++;
                    if (!_totals[c].TryAppend(later))
                    {
                        return false;
                    }
                }
            }

            _runs += runs.Length;
            return _runs < MinRunsForReturnCheck || _returningRuns * 1000 <= _runs * ReturningRunsPerMille;
        }

        /// <summary>More decimals from now on: every customer's units so far times 10^(scale − old scale).</summary>
        private void RaiseScale(int scale)
        {
            int count = _ids!.Count;
            for (int c = 0; c < count; c++)
            {
                _totals[c].Rescale(scale - _scale);
            }

            _scale = scale;
        }

        /// <summary>
        /// Whether every row's amount fits a long at the final number of decimals. The table keeps amounts as decimals
        /// (with their own numbers of decimals) when one does not, even if every total would; then so must the result.
        /// </summary>
        public bool RowsFitScale()
        {
            for (int s = 0; s < _scale; s++)
            {
                if (_largestUnits[s] > long.MaxValue / AmountUnits.Pow10(_scale - s))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The block's rows, latest day and large amounts, counted after its runs were merged.</summary>
        private void Count(RunBlock block)
        {
            ReadOnlySpan<long> largest = block.LargestUnits;
            for (int s = 0; s < largest.Length; s++)
            {
                _largestUnits[s] = Math.Max(_largestUnits[s], largest[s]);
            }

            _latestDay = Math.Max(_latestDay, block.LatestDay);
            long before = _rows;
            _rows += block.Rows;
            TransactionCsv.ReportProgress(_progress, before, _rows);
        }
    }
}
