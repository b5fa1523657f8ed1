using System.Buffers;

namespace CustomerRetention.Csv;

/// <summary>
/// The rows of a large <c>customer_id,date,amount</c> file (ISO dates) parsed on several cores, with the
/// same result as the sequential byte-level reader (<see cref="Utf8TransactionReader"/>), bit for bit.
/// </summary>
/// <remarks>
/// <para>The calling thread reads the input in blocks of whole lines (a block ends at its last line feed;
/// the partial line after it starts the next block) and hands each block to a worker, keeping a bounded
/// number of blocks in flight (never the whole file in memory). A worker parses the plain lines of its
/// block (<see cref="PlainLine.Parse"/>) into its own columns, numbering the block's
/// customers in their order of first appearance in the block, and stops at the first line of any other
/// kind.</para>
/// <para>The calling thread merges the blocks in file order: it interns each block's customers in the
/// block's order (so the customers get exactly the indices of a sequential read: a customer's first
/// appearance in the file is its first appearance in the first block that holds it), then appends the
/// block's rows. Where a worker stopped, the calling thread reads the rest of that block line by line as
/// the sequential reader does (errors, skipping, line numbers, the general path for unusual lines). A line
/// with a quote or a lone carriage return (a quoted field may span lines, so the block boundaries after it
/// may be inside a field) hands the whole rest of the input, from that line, to the general path: the
/// unmerged blocks' bytes, then the partial line, then the stream; the workers' results for those blocks
/// are dropped. Before that line no quote was seen, so every block boundary before it was a real line end.</para>
/// </remarks>
internal static class ParallelTransactionReader
{
    /// <summary>Whether the parallel reader applies: the simple layout, more than one worker and more than one block of input.</summary>
    public static bool Worthwhile(Utf8TransactionReader.RowReader rows, Utf8TransactionReader.ByteInput input, Settings settings) =>
        rows.SimpleLayout && settings.Workers > 1 && (!input.AtEnd || input.Available.Length > 2 * settings.BlockSize);

    /// <summary>Reads every row after the header into <paramref name="state"/>.</summary>
    public static void ReadRows(Utf8TransactionReader.ByteInput input, CsvRecordReader csv, Utf8TransactionReader.RowReader rows, ref TransactionCsv.RowState state, Settings settings)
    {
        int window = settings.Workers * 2;
        var pending = new Queue<(Block Block, Task Task)>(window + 1);
        var free = new Stack<Block>();
        byte[] carry = new byte[Math.Max(settings.BlockSize, 1 << 10)];
        int carryLength = 0;
        bool end = false;
        long line = 2;
        var copies = new Copies();
        var all = new List<Block>();
        try
        {
            while (!end)
            {
                Block block;
                if (free.Count > 0)
                {
                    block = free.Pop();
                }
                else
                {
                    block = new Block(settings.BlockSize);
                    all.Add(block);
                }

                block.Copy?.Wait();
                end = LineBlock.Fill(input, block, ref carry, ref carryLength);
                if (block.Length == 0)
                {
                    free.Push(block);
                    continue;
                }

                block.Reset();
                pending.Enqueue((block, Task.Run(block.Parse)));
                if (pending.Count >= window)
                {
                    (Block done, Task task) = pending.Dequeue();
                    bool first = state.Builder.Count == 0;
                    if (!Merge(done, task, pending, carry, carryLength, input, csv, rows, copies, ref line, ref state))
                    {
                        return;
                    }

                    free.Push(done);
                    if (first && done.Rows >= 1024 && done.InternedCustomers * 2 > done.Rows)
                    {
                        // Mostly distinct customers per block (an unordered file): the merge would look up nearly
                        // every row again, so the sequential reader does better. It reads on from the next line.
                        Sequential(pending, carry, carryLength, input, csv, rows, copies, line, ref state);
                        return;
                    }
                }
            }

            while (pending.Count > 0)
            {
                (Block done, Task task) = pending.Dequeue();
                if (!Merge(done, task, pending, carry, carryLength, input, csv, rows, copies, ref line, ref state))
                {
                    return;
                }
            }

            // The last line, without a line feed.
            copies.WaitAll();
            if (carryLength > 0)
            {
                rows.Forget();
                if (!rows.Line(new ReadOnlySpan<byte>(carry, 0, carryLength), carryLength, line, ref state))
                {
                    Utf8TransactionReader.HandOver(new SegmentStream([new ArraySegment<byte>(carry, 0, carryLength)], input), csv, line, ref state);
                }
            }
        }
        finally
        {
            // Workers only read their own blocks; wait for any still running so that no work outlives the read
            // (and every reserved row is filled before the table is built).
            foreach ((Block _, Task task) in pending)
            {
                try
                {
                    task.Wait();
                }
                catch (AggregateException)
                {
                }
            }

            copies.WaitAll();
            foreach (Block block in all)
            {
                block.Release();
            }
        }
    }

    /// <summary>The sequential byte-level reader from the next line on: the unmerged blocks' bytes, the partial line, then the input.</summary>
    private static void Sequential(
        Queue<(Block Block, Task Task)> pending,
        byte[] carry,
        int carryLength,
        Utf8TransactionReader.ByteInput input,
        CsvRecordReader csv,
        Utf8TransactionReader.RowReader rows,
        Copies copies,
        long line,
        ref TransactionCsv.RowState state)
    {
        copies.WaitAll();
        var segments = new List<ArraySegment<byte>>(pending.Count + 1);
        foreach ((Block later, Task _) in pending)
        {
            segments.Add(new ArraySegment<byte>(later.Data, 0, later.Length));
        }

        segments.Add(new ArraySegment<byte>(carry, 0, carryLength));
        rows.Forget();
        var rest = new Utf8TransactionReader.ByteInput(new SegmentStream(segments, input));
        Utf8TransactionReader.ReadRows(rest, csv, rows, ref state, line);
    }

    /// <summary>Merges one parsed block (see the remarks); false when the rest of the input went to the general path.</summary>
    private static bool Merge(
        Block block,
        Task task,
        Queue<(Block Block, Task Task)> pending,
        byte[] carry,
        int carryLength,
        Utf8TransactionReader.ByteInput input,
        CsvRecordReader csv,
        Utf8TransactionReader.RowReader rows,
        Copies copies,
        ref long line,
        ref TransactionCsv.RowState state)
    {
        ParallelWork.Wait(task);
        TransactionTable.Builder builder = state.Builder;
        if (builder.Count == 0 && block.Rows > 0)
        {
            // Room for as many customers as the first block suggests (its share of new ids times the rows
            // expected), so that the id tables are not regrown (and their pages not touched twice) while reading.
            double perRow = (double)block.Customers / block.Rows;
            rows.Ids.Reserve((int)Math.Min(perRow * builder.Capacity * 1.1, 1 << 21));
        }

        block.Intern(rows.Ids);
        if (!builder.TryReserve(block.Scales, block.Rows, out int start))
        {
            copies.WaitAll();
            builder.EnsureRoom(block.Rows);
            if (!builder.TryReserve(block.Scales, block.Rows, out start))
            {
                start = -1;
            }
        }

        if (start >= 0)
        {
            // The copy into the table's columns (first touch of their pages) runs beside the next merges.
            block.Copy = Task.Run(() => builder.CopyMapped(start, block.Map, block.Local, block.Days, block.Units, block.Rows));
            copies.Add(block.Copy);
        }
        else
        {
            builder.AddMapped(block.Map, block.Local, block.Days, block.Units, block.Scales, block.Rows);
        }

        state.CountRows(block.Rows);
        line += block.Rows;
        if (block.StopAt < 0)
        {
            return true;
        }


        // The worker stopped at a line of another kind: the rest of the block as the sequential reader reads it.
        copies.WaitAll();
        rows.Forget();
        ReadOnlySpan<byte> chunk = new(block.Data, 0, block.Length);
        int pos = block.StopAt;
        while (pos < chunk.Length)
        {
            int next = rows.Plain(chunk, pos, ref state);
            if (next < 0)
            {
                ReadOnlySpan<byte> rest = chunk.Slice(pos);
                int newline = rest.IndexOf((byte)'\n');
                if (!rows.Line(rest, newline, line, ref state))
                {
                    var segments = new List<ArraySegment<byte>>(pending.Count + 2) { new(block.Data, pos, block.Length - pos) };
                    foreach ((Block later, Task _) in pending)
                    {
                        segments.Add(new ArraySegment<byte>(later.Data, 0, later.Length));
                    }

                    segments.Add(new ArraySegment<byte>(carry, 0, carryLength));
                    Utf8TransactionReader.HandOver(new SegmentStream(segments, input), csv, line, ref state);
                    return false;
                }

                next = pos + newline + 1;
            }

            pos = next;
            line++;
        }

        rows.Forget();
        return true;
    }

    /// <summary>The copies into the table still running.</summary>
    private sealed class Copies
    {
        private readonly List<Task> _tasks = [];

        public void Add(Task task)
        {
            if (_tasks.Count >= 16)
            {
                _tasks.RemoveAll(t => t.IsCompleted);
            }

            _tasks.Add(task);
        }

        public void WaitAll()
        {
            if (_tasks.Count > 0)
            {
                Task.WaitAll([.. _tasks]);
                _tasks.Clear();
            }
        }
    }

    /// <summary>How many workers and how large a block (bytes).</summary>
    internal readonly record struct Settings(int Workers, int BlockSize)
    {
        /// <summary>One worker per core (at most 8), blocks of 1 MiB.</summary>
        public static Settings Default { get; } = new(Math.Min(Environment.ProcessorCount, 8), 1 << 20);
    }

    /// <summary>One block of whole lines and what a worker made of it; its arrays come from the shared pools.</summary>
    private sealed class Block : LineBlock
    {
        private int[] _slots;
        private int[] _idSlot;

        public Block(int size)
            : base(size)
        {

            // Room for lines of 20 bytes on average (grown while parsing when the lines are shorter).
            int rows = Math.Max(Data.Length / 20, 16);
            Local = ArrayPool<int>.Shared.Rent(rows);
            Days = ArrayPool<int>.Shared.Rent(rows);
            Units = ArrayPool<long>.Shared.Rent(rows);
            Scales = ArrayPool<byte>.Shared.Rent(rows);
            Map = ArrayPool<int>.Shared.Rent(rows);
            IdOffset = ArrayPool<int>.Shared.Rent(rows);
            IdLength = ArrayPool<int>.Shared.Rent(rows);
            IdHash = ArrayPool<int>.Shared.Rent(rows);
            _idSlot = ArrayPool<int>.Shared.Rent(rows);
            _slots = ArrayAllocation.RentCleared<int>(1 << 12);
        }

        /// <summary>The number of plain rows parsed from the start.</summary>
        public int Rows { get; private set; }

        /// <summary>Where the first line of another kind starts; −1 when every line was plain.</summary>
        public int StopAt { get; private set; }

        public int[] Local { get; private set; }

        public int[] Days { get; private set; }

        public long[] Units { get; private set; }

        public byte[] Scales { get; private set; }

        /// <summary>After <see cref="Intern"/>: the table index of each of the block's customers.</summary>
        public int[] Map { get; private set; }

        /// <summary>The number of distinct customers in the block (until <see cref="Intern"/>).</summary>
        public int Customers => IdCount;

        /// <summary>The copy of this block's rows into the table, while it runs.</summary>
        public Task? Copy { get; set; }

        private int IdCount { get; set; }

        private int[] IdOffset { get; set; }

        private int[] IdLength { get; set; }

        private int[] IdHash { get; set; }

        public void Reset()
        {
            Rows = 0;
            StopAt = -1;
        }

        /// <summary>Gives the arrays back to the pools; the block must not be used afterwards.</summary>
        public void Release()
        {
            ReturnData();
            ArrayPool<int>.Shared.Return(Local);
            ArrayPool<int>.Shared.Return(Days);
            ArrayPool<long>.Shared.Return(Units);
            ArrayPool<byte>.Shared.Return(Scales);
            ArrayPool<int>.Shared.Return(Map);
            ArrayPool<int>.Shared.Return(IdOffset);
            ArrayPool<int>.Shared.Return(IdLength);
            ArrayPool<int>.Shared.Return(IdHash);
            ArrayPool<int>.Shared.Return(_idSlot);
            ArrayPool<int>.Shared.Return(_slots);
        }

        /// <summary>The worker's part: the plain lines from the start, up to the first line of another kind.</summary>
        public void Parse()
        {
            ReadOnlySpan<byte> chunk = new(Data, 0, Length);
            int[] local = Local;
            int[] days = Days;
            long[] units = Units;
            byte[] scales = Scales;
            int pos = 0;
            int rows = 0;
            int previous = -1;
            int previousOffset = 0;
            int previousLength = 0;
            while (pos < chunk.Length)
            {
                int next = PlainLine.Parse(chunk, pos, out int idLength, out int day, out long amount, out int scale);
                if (next < 0)
                {
                    StopAt = pos;
                    break;
                }

                if (previous < 0 || idLength != previousLength || !chunk.Slice(pos, idLength).SequenceEqual(chunk.Slice(previousOffset, previousLength)))
                {
                    previous = Add(chunk, pos, idLength);
                    previousOffset = pos;
                    previousLength = idLength;
                }

                if (rows == local.Length)
                {
                    GrowRows(rows);
                    local = Local;
                    days = Days;
                    units = Units;
                    scales = Scales;
                }

                local[rows] = previous;
                days[rows] = day;
                units[rows] = amount;
                scales[rows] = (byte)scale;
                rows++;
                pos = next;
            }

            Rows = rows;
        }

        /// <summary>The merge's part: the block's customers, in their order, to table indices; the local table cleared for the next use.</summary>
        public void Intern(Utf8TransactionReader.Utf8IdCache ids)
        {
            int[] map = Map;
            for (int k = 0; k < IdCount; k++)
            {
                map[k] = ids.GetOrAdd(new ReadOnlySpan<byte>(Data, IdOffset[k], IdLength[k]), IdHash[k]);
                _slots[_idSlot[k]] = 0;
            }

            InternedCustomers = IdCount;
            IdCount = 0;
        }

        /// <summary>The number of distinct customers the last <see cref="Intern"/> looked up.</summary>
        public int InternedCustomers { get; private set; }

        private static void Regrow<T>(ref T[] array, int keep)
        {
            T[] grown = ArrayPool<T>.Shared.Rent(array.Length * 2);
            Array.Copy(array, grown, keep);
            ArrayPool<T>.Shared.Return(array);
            array = grown;
        }

        private void GrowRows(int rows)
        {
            int[] local = Local, days = Days;
            long[] units = Units;
            byte[] scales = Scales;
            Regrow(ref local, rows);
            Regrow(ref days, rows);
            Regrow(ref units, rows);
            Regrow(ref scales, rows);
            Local = local;
            Days = days;
            Units = units;
            Scales = scales;
        }

        private int Add(ReadOnlySpan<byte> chunk, int pos, int length)
        {
            ReadOnlySpan<byte> id = chunk.Slice(pos, length);
            int hash = Utf8TransactionReader.Utf8IdCache.Hash(id);
            if (IdCount * 2 >= _slots.Length || IdCount == Math.Min(Math.Min(IdHash.Length, Map.Length), _idSlot.Length))
            {
                GrowIds();
            }

            int mask = _slots.Length - 1;
            int slot = hash & mask;
            while (true)
            {
                int entry = _slots[slot];
                if (entry == 0)
                {
                    break;
                }

                int k = entry - 1;
                if (IdHash[k] == hash && IdLength[k] == length && id.SequenceEqual(chunk.Slice(IdOffset[k], length)))
                {
                    return k;
                }

                slot = (slot + 1) & mask;
            }

            int index = IdCount++;
            _slots[slot] = index + 1;
            _idSlot[index] = slot;
            IdOffset[index] = pos;
            IdLength[index] = length;
            IdHash[index] = hash;
            return index;
        }

        /// <summary>More room for the block's distinct customers: the id arrays and the map doubled, the table rehashed.</summary>
        private void GrowIds()
        {
            int count = IdCount;
            if (count == Math.Min(Math.Min(IdHash.Length, Map.Length), Math.Min(_idSlot.Length, Math.Min(IdOffset.Length, IdLength.Length))))
            {
                int[] offsets = IdOffset, lengths = IdLength, hashes = IdHash, idSlot = _idSlot, map = Map;
                Regrow(ref offsets, count);
                Regrow(ref lengths, count);
                Regrow(ref hashes, count);
                Regrow(ref idSlot, count);
                Regrow(ref map, 0);
                IdOffset = offsets;
                IdLength = lengths;
                IdHash = hashes;
                _idSlot = idSlot;
                Map = map;
            }

            if (count * 2 >= _slots.Length)
            {
                ArrayPool<int>.Shared.Return(_slots);
                _slots = ArrayAllocation.RentCleared<int>(_slots.Length * 2);
                int mask = _slots.Length - 1;
                for (int k = 0; k < count; k++)
                {
                    int slot = IdHash[k] & mask;
                    while (_slots[slot] != 0)
                    {
                        slot = (slot + 1) & mask;
                    }

                    _slots[slot] = k + 1;
                    _idSlot[k] = slot;
                }
            }
        }
    }

    /// <summary>A read-only stream over byte segments, then what a <see cref="Utf8TransactionReader.ByteInput"/> has left.</summary>
    private sealed class SegmentStream : Stream
    {
        private readonly List<ArraySegment<byte>> _segments;
        private readonly Utf8TransactionReader.ByteInput _input;
        private int _segment;
        private int _offset;

        public SegmentStream(List<ArraySegment<byte>> segments, Utf8TransactionReader.ByteInput input)
        {
            _segments = segments;
            _input = input;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            while (_segment < _segments.Count)
            {
                ArraySegment<byte> s = _segments[_segment];
                int n = Math.Min(count, s.Count - _offset);
                if (n > 0)
                {
                    Buffer.BlockCopy(s.Array!, s.Offset + _offset, buffer, offset, n);
                    _offset += n;
                    return n;
                }

                _segment++;
                _offset = 0;
            }

            return _input.ReadRest(buffer, offset, count);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
