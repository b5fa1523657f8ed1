using System.Runtime.CompilerServices;
using System.Text;

namespace CustomerRetention.Csv;

/// <summary>
/// The byte-level (UTF-8) fast path of <see cref="TransactionCsv.Read(Stream, string, TransactionCsvOptions?)"/>.
/// Plain lines (no quote, no carriage return but a final one, enough fields, an ASCII date and amount that
/// the general parsers accept as units) go straight from the bytes into the table; customer ids are interned
/// by their bytes, so a string is made only the first time a customer is seen. Every other line goes
/// through the general path (<see cref="CsvRecordReader"/> and <see cref="TransactionCsv.ReadRecord"/>), so
/// errors, skipping and unusual input behave exactly as there: a line without quotes is handed over alone,
/// a line with a quote hands the rest of the input over (a quoted field may span lines). Large inputs in the
/// simple layout go through <see cref="ParallelTransactionReader"/>, which parses blocks of lines with
/// <see cref="PlainLine.Parse"/> on several cores and falls back to this reader's per-line code where it must.
/// </summary>
internal static class Utf8TransactionReader
{
    private const int InitialBuffer = 1 << 20;
    private const int MaxNumberLength = 64;

    public static TransactionCsvResult Read(Stream stream, string source, TransactionCsvOptions options) =>
        Read(stream, source, options, ParallelTransactionReader.Settings.Default);

    /// <summary>As <see cref="Read(Stream, string, TransactionCsvOptions)"/>, with the parallel reader's settings given (tests use small blocks).</summary>
    internal static TransactionCsvResult Read(Stream stream, string source, TransactionCsvOptions options, ParallelTransactionReader.Settings parallel)
    {
        DateParser dates = DateParser.For(options.DateFormat);
        var input = new ByteInput(stream);
        if (!TryHeader(input, out string header, out int consumed))
        {
            return General(input, source, options);
        }

        // The header goes through the general reader (mapping, synonyms, messages); the rows come here.
        var feeder = new LineFeeder();
        feeder.Set(header + "\n");
        var csv = new CsvRecordReader(feeder, source, TransactionCsv.Columns(options));
        using (csv)
        {
            var state = new TransactionCsv.RowState(options, dates, EstimateRows(stream, input));
            input.Consume(consumed);
            var rows = new RowReader(csv, feeder, state.Builder, state.Dates);
            if (ParallelTransactionReader.Worthwhile(rows, input, parallel))
            {
                ParallelTransactionReader.ReadRows(input, csv, rows, ref state, parallel);
            }
            else
            {
                ReadRows(input, csv, rows, ref state);
            }

            return state.ToResult();
        }
    }

    /// <summary>
    /// Fills <paramref name="input"/> and finds the header line, for the byte-level readers: false when the general
    /// path must read the input instead (no line feed in the first buffer, an empty header or one with a quote or a lone
    /// carriage return, a UTF-16 or UTF-32 byte-order mark). <paramref name="consumed"/>: the bytes of the byte-order
    /// mark, the header and its line feed.
    /// </summary>
    internal static bool TryHeader(ByteInput input, out string header, out int consumed)
    {
        header = string.Empty;
        consumed = 0;
        input.Fill();
        int start = 0;
        ReadOnlySpan<byte> head = input.Available;
        if (head.Length >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
        {
            start = 3;
        }

        int newline = input.Available.Slice(start).IndexOf((byte)'\n');
        if (newline < 0 && !input.AtEnd)
        {
            return false;
        }

        ReadOnlySpan<byte> line = newline < 0 ? input.Available.Slice(start) : input.Available.Slice(start, newline);
        if (line.Length > 0 && line[line.Length - 1] == (byte)'\r')
        {
            line = line.Slice(0, line.Length - 1);
        }

        bool utf16Or32Bom = start == 0 && head.Length >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF) || (head.Length >= 4 && head[0] == 0 && head[1] == 0 && head[2] == 0xFE && head[3] == 0xFF));
        if (line.IsEmpty || line.IndexOfAny((byte)'"', (byte)'\r') >= 0 || utf16Or32Bom)
        {
            return false;
        }

        header = Decode(line);
        consumed = newline < 0 ? input.Available.Length : start + newline + 1;
        return true;
    }

    /// <summary>Whether rows are <c>customer_id,date,amount</c> in that order with ISO dates (the layout <see cref="PlainLine.Parse"/> parses).</summary>
    internal static bool IsSimpleLayout(CsvRecordReader csv, DateParser dates) =>
        dates.IsIso && csv.FieldOf(0) == 0 && csv.FieldOf(1) == 1 && csv.FieldOf(2) == 2 && csv.Header.Count == 3;

    /// <summary>
    /// Room for the rows of a file whose length is known, estimated from the line length of the first
    /// buffer, so that the columns are not regrown (and their pages not faulted in twice) while reading.
    /// </summary>
    private static int EstimateRows(Stream stream, ByteInput input)
    {
        const int Default = 1 << 12;
        if (!stream.CanSeek)
        {
            return Default;
        }

        long total;
        try
        {
            total = stream.Length - stream.Position + input.Available.Length;
        }
        catch (NotSupportedException)
        {
            return Default;
        }
        catch (IOException)
        {
            return Default;
        }

        ReadOnlySpan<byte> sample = input.Available;
        int lines = 0;
        for (int i = sample.IndexOf((byte)'\n'); i >= 0; i = sample.IndexOf((byte)'\n'))
        {
            lines++;
            sample = sample.Slice(i + 1);
        }

        if (lines < 2 || total <= 0)
        {
            return Default;
        }

        double perLine = (double)(input.Available.Length - sample.Length) / lines;
        double estimate = (total / perLine * 1.02) + 1024;
        return (int)Math.Min(estimate, 1 << 30);
    }

    internal static void ReadRows(ByteInput input, CsvRecordReader csv, RowReader rows, ref TransactionCsv.RowState state, long line = 2)
    {
        while (true)
        {
            ReadOnlySpan<byte> available = input.Available;
            int lastNewline = available.LastIndexOf((byte)'\n');
            if (lastNewline < 0)
            {
                if (!input.AtEnd)
                {
                    input.FillMore();
                    continue;
                }

                if (available.IsEmpty)
                {
                    return;
                }

                // The last line, without a line feed.
                if (!rows.Line(available, available.Length, line, ref state))
                {
                    HandOver(input, csv, line, ref state);
                }

                return;
            }

            ReadOnlySpan<byte> chunk = available.Slice(0, lastNewline + 1);
            int pos = 0;
            while (pos < chunk.Length)
            {
                int next = rows.Plain(chunk, pos, ref state);
                if (next < 0)
                {
                    ReadOnlySpan<byte> rest = chunk.Slice(pos);
                    int newline = rest.IndexOf((byte)'\n');
                    if (!rows.Line(rest, newline, line, ref state))
                    {
                        input.Consume(pos);
                        HandOver(input, csv, line, ref state);
                        return;
                    }

                    next = pos + newline + 1;
                }

                pos = next;
                line++;
            }

            input.Consume(chunk.Length);
        }
    }

    /// <summary>Quotes (a field may span lines) or a lone carriage return: the general path reads the rest, from this line on.</summary>
    private static void HandOver(ByteInput input, CsvRecordReader csv, long line, ref TransactionCsv.RowState state) =>
        HandOver(new PrefixedStream(input), csv, line, ref state);

    /// <summary>The general path reads the rest, from <paramref name="rest"/> (which starts at a line's start) on.</summary>
    internal static void HandOver(Stream rest, CsvRecordReader csv, long line, ref TransactionCsv.RowState state)
    {
        var text = new StreamReader(rest, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
        state.LastCustomer = -1;
        csv.Continue(text, line);
        TransactionCsv.ReadRemaining(csv, ref state);
    }

    /// <summary>The per-line work of the byte-level reader.</summary>
    internal sealed class RowReader
    {
        private readonly CsvRecordReader _csv;
        private readonly LineFeeder _feeder;
        private readonly TransactionTable.Builder _builder;
        private readonly DateParser _dates;
        private readonly Utf8IdCache _ids;
        private readonly int _customerField;
        private readonly int _dateField;
        private readonly int _amountField;
        private readonly int _lastField;
        private readonly bool _simpleLayout;
        private readonly int[] _fieldStart;
        private readonly char[] _chars = new char[MaxNumberLength];
        private byte[] _lastId = new byte[64];
        private int _lastLength;
        private int _lastCustomer = -1;

        public RowReader(CsvRecordReader csv, LineFeeder feeder, TransactionTable.Builder builder, DateParser dates)
        {
            _csv = csv;
            _feeder = feeder;
            _builder = builder;
            _dates = dates;
            _ids = new Utf8IdCache(builder.Interner);
            _customerField = csv.FieldOf(0);
            _dateField = csv.FieldOf(1);
            _amountField = csv.FieldOf(2);
            _lastField = Math.Max(_customerField, Math.Max(_dateField, _amountField));
            _fieldStart = new int[_lastField + 2];
            _simpleLayout = IsSimpleLayout(csv, dates);
        }

        /// <summary>
        /// The common case, parsed in one pass over the bytes: <c>id,yyyy-MM-dd,amount</c> then LF or CRLF,
        /// with an unquoted id without surrounding spaces and a plain amount (the grammar of
        /// <see cref="CsvParsing.TryParseUnits"/>). Returns the position after the line, or −1 for any
        /// other line (nothing done). A line feed is known to follow <paramref name="pos"/> in <paramref name="chunk"/>.
        /// </summary>
        public int Plain(ReadOnlySpan<byte> chunk, int pos, ref TransactionCsv.RowState state)
        {
            if (!_simpleLayout)
            {
                return -1;
            }

            int next = PlainLine.Parse(chunk, pos, out int idLength, out int day, out long units, out int scale);
            if (next < 0)
            {
                return -1;
            }

            state.CountRow();
            ReadOnlySpan<byte> id = chunk.Slice(pos, idLength);
            if (_lastCustomer < 0 || !id.SequenceEqual(new ReadOnlySpan<byte>(_lastId, 0, _lastLength)))
            {
                Remember(id);
            }

            _builder.AddUnits(_lastCustomer, day, units, scale);
            return next;
        }

        /// <summary>Whether rows are <c>customer_id,date,amount</c> in that order with ISO dates (the layout <see cref="Plain"/> and the parallel reader parse).</summary>
        public bool SimpleLayout => _simpleLayout;

        /// <summary>The id cache (customer ids by bytes, in front of the builder's interner).</summary>
        public Utf8IdCache Ids => _ids;

        /// <summary>Forgets the last customer (rows were added by someone else since).</summary>
        public void Forget() => _lastCustomer = -1;

        /// <summary>
        /// Any other line (<paramref name="length"/> bytes before its line feed, if any): split on commas;
        /// false (nothing done, not counted) when it holds a quote or a lone CR, for the general path to read
        /// from there on. Lines the byte parsers do not take (errors included) go alone through the general path.
        /// </summary>
        public bool Line(ReadOnlySpan<byte> rest, int length, long line, ref TransactionCsv.RowState state)
        {
            ReadOnlySpan<byte> row = rest.Slice(0, length);
            if (row.Length > 0 && row[row.Length - 1] == (byte)'\r')
            {
                row = row.Slice(0, row.Length - 1);
            }

            if (row.IsEmpty)
            {
                return true;
            }

            if (row.IndexOfAny((byte)'"', (byte)'\r') >= 0)
            {
                return false;
            }

            state.CountRow();
            int fields = 0;
            int pos = 0;
            _fieldStart[0] = 0;
            while (fields <= _lastField)
            {
                int comma = row.Slice(pos).IndexOf((byte)',');
                fields++;
                if (comma < 0)
                {
                    pos = row.Length + 1;
                    _fieldStart[fields] = pos;
                    break;
                }

                pos += comma + 1;
                _fieldStart[fields] = pos;
            }

            if (fields > _lastField
                && TryParseRow(row, _fieldStart, _customerField, _dateField, _amountField, _dates, _chars, out ReadOnlySpan<byte> customer, out int day, out long units, out int scale))
            {
                if (_lastCustomer < 0 || !customer.SequenceEqual(new ReadOnlySpan<byte>(_lastId, 0, _lastLength)))
                {
                    Remember(customer);
                }

                _builder.AddUnits(_lastCustomer, day, units, scale);
                return true;
            }

            // Anything unusual (errors included): this line alone through the general path.
            _feeder.Set(Decode(row) + "\n");
            _csv.Continue(_feeder, line);
            _csv.Read();
            state.LastCustomer = -1;
            TransactionCsv.ReadRecord(_csv, ref state);
            _lastCustomer = -1;
            return true;
        }

        private void Remember(ReadOnlySpan<byte> id)
        {
            _lastCustomer = _ids.GetOrAdd(id);
            if (id.Length > _lastId.Length)
            {
                _lastId = new byte[Math.Max(id.Length, _lastId.Length * 2)];
            }

            id.CopyTo(_lastId);
            _lastLength = id.Length;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryParseRow(
        ReadOnlySpan<byte> row,
        int[] fieldStart,
        int customerField,
        int dateField,
        int amountField,
        DateParser dates,
        char[] chars,
        out ReadOnlySpan<byte> customer,
        out int day,
        out long units,
        out int scale)
    {
        day = 0;
        units = 0;
        scale = 0;
        customer = TrimSpaces(Field(row, fieldStart, customerField));
        if (customer.IsEmpty)
        {
            return false;
        }

        ReadOnlySpan<byte> date = Field(row, fieldStart, dateField);
        if (!Widen(date, chars) || !dates.TryParse(new ReadOnlySpan<char>(chars, 0, date.Length), out day))
        {
            return false;
        }

        ReadOnlySpan<byte> amount = TrimSpaces(Field(row, fieldStart, amountField));
        return Widen(amount, chars) && CsvParsing.TryParseUnits(new ReadOnlySpan<char>(chars, 0, amount.Length), out units, out scale);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<byte> Field(ReadOnlySpan<byte> row, int[] fieldStart, int field) =>
        row.Slice(fieldStart[field], fieldStart[field + 1] - fieldStart[field] - 1);

    /// <summary>ASCII bytes to characters; false for a non-ASCII byte or a field too long for a number or date.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Widen(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        if (bytes.Length > chars.Length)
        {
            return false;
        }

        for (int i = 0; i < bytes.Length; i++)
        {
            byte b = bytes[i];
            if (b >= 0x80)
            {
                return false;
            }

            chars[i] = (char)b;
        }

        return true;
    }

    /// <summary>Spaces and tabs trimmed, as <see cref="CsvParsing.TrimSpaces"/> does on characters.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<byte> TrimSpaces(ReadOnlySpan<byte> text)
    {
        int start = 0;
        int end = text.Length;
        while (start < end && (text[start] == (byte)' ' || text[start] == (byte)'\t'))
        {
            start++;
        }

        while (end > start && (text[end - 1] == (byte)' ' || text[end - 1] == (byte)'\t'))
        {
            end--;
        }

        return text.Slice(start, end - start);
    }

    /// <summary>UTF-8 to a string, invalid bytes becoming U+FFFD as in the general path's decoder.</summary>
    internal static string Decode(ReadOnlySpan<byte> bytes)
    {
#if NET8_0_OR_GREATER
        return Encoding.UTF8.GetString(bytes);
#else
        return Encoding.UTF8.GetString(bytes.ToArray());
#endif
    }

    /// <summary>The general path from the start: the bytes read so far, then the rest of the stream.</summary>
    private static TransactionCsvResult General(ByteInput input, string source, TransactionCsvOptions options)
    {
        using var text = new StreamReader(new PrefixedStream(input), new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        return TransactionCsv.Read(text, source, options);
    }

    /// <summary>A growing byte buffer over the stream: the unconsumed bytes are <see cref="Available"/>.</summary>
    internal sealed class ByteInput
    {
        private readonly Stream _stream;
        private byte[] _buffer;
        private int _pos;
        private int _len;

        /// <summary>Over <paramref name="stream"/>, with a first buffer of <paramref name="initialSize"/> bytes.</summary>
        public ByteInput(Stream stream, int initialSize = InitialBuffer)
        {
            _stream = stream;
            _buffer = new byte[initialSize];
        }

        public bool AtEnd { get; private set; }

        public ReadOnlySpan<byte> Available => new(_buffer, _pos, _len - _pos);

        public void Consume(int count) => _pos += count;

        /// <summary>Fills the buffer as far as the stream allows.</summary>
        public void Fill()
        {
            while (!AtEnd && _len < _buffer.Length)
            {
                int read = _stream.Read(_buffer, _len, _buffer.Length - _len);
                if (read <= 0)
                {
                    AtEnd = true;
                }
                else
                {
                    _len += read;
                }
            }
        }

        /// <summary>Keeps the unconsumed bytes, moved to the front (the buffer doubled when they fill it), and reads more.</summary>
        public void FillMore()
        {
            int remaining = _len - _pos;
            if (remaining == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
            else if (_pos > 0)
            {
                Buffer.BlockCopy(_buffer, _pos, _buffer, 0, remaining);
            }

            _pos = 0;
            _len = remaining;
            Fill();
        }

        /// <summary>Reads for the general path: the unconsumed bytes first, then the stream.</summary>
        public int ReadRest(byte[] target, int offset, int count)
        {
            if (_pos < _len)
            {
                int n = Math.Min(count, _len - _pos);
                Buffer.BlockCopy(_buffer, _pos, target, offset, n);
                _pos += n;
                return n;
            }

            return AtEnd ? 0 : _stream.Read(target, offset, count);
        }
    }

    /// <summary>A read-only stream over what a <see cref="ByteInput"/> has not consumed, then its stream.</summary>
    private sealed class PrefixedStream : Stream
    {
        private readonly ByteInput _input;

        public PrefixedStream(ByteInput input) => _input = input;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _input.ReadRest(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A text reader over one line at a time, for the general path.</summary>
    internal sealed class LineFeeder : TextReader
    {
        private string _text = string.Empty;
        private int _pos;

        public void Set(string text)
        {
            _text = text;
            _pos = 0;
        }

        public override int Peek() => _pos < _text.Length ? _text[_pos] : -1;

        public override int Read() => _pos < _text.Length ? _text[_pos++] : -1;

        public override int Read(char[] buffer, int index, int count)
        {
            int n = Math.Min(count, _text.Length - _pos);
            _text.CopyTo(_pos, buffer, index, n);
            _pos += n;
            return n;
        }
    }

    /// <summary>Customer ids by their UTF-8 bytes → dense index, in front of the builder's interner (a string is made on a miss only).</summary>
    internal sealed class Utf8IdCache
    {
        private readonly CustomerInterner _interner;
        private IdSlot[] _entries;
        private int[] _offsets = new int[1 << 12]; // by customer index
        private int[] _lengths = new int[1 << 12];
        private byte[] _arena = new byte[1 << 16];
        private int _arenaLength;
        private int _count;
        private int _added; // customers this cache added to the interner

        public Utf8IdCache(CustomerInterner interner)
        {
            _interner = interner;
            _entries = new IdSlot[1 << 12];
        }

        public int GetOrAdd(ReadOnlySpan<byte> id) => GetOrAdd(id, Hash(id));

        /// <summary>The index of <paramref name="id"/>, whose <see cref="Hash"/> is <paramref name="hash"/>.</summary>
        public int GetOrAdd(ReadOnlySpan<byte> id, int hash)
        {
            IdSlot[] entries = _entries;
            int mask = entries.Length - 1;
            int slot = hash & mask;
            while (true)
            {
                ref IdSlot entry = ref entries[slot];
                if (entry.Index == 0)
                {
                    break;
                }

                if (entry.Hash == hash)
                {
                    int known = entry.Index - 1;
                    if (_lengths[known] == id.Length && id.SequenceEqual(new ReadOnlySpan<byte>(_arena, _offsets[known], id.Length)))
                    {
                        return known;
                    }
                }

                slot = (slot + 1) & mask;
            }

            // An ASCII id decodes to a string no other bytes decode to: when every customer so far came
            // through here, it is new. Otherwise (invalid UTF-8 becomes U+FFFD, so different bytes may decode
            // to the same id; the general path may have added it) the interner decides.
            int index;
            if (_interner.Count == _added && Utf8CustomerIds.IsAscii(id))
            {
                index = _interner.AppendNewAscii(id);
                _added++;
            }
            else
            {
                int before = _interner.Count;
                index = _interner.GetOrAdd(Decode(id));
                _added += _interner.Count - before;
            }

            if (_arenaLength + id.Length > _arena.Length)
            {
                Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _arenaLength + id.Length));
            }

            if (index >= _offsets.Length)
            {
                int size = Math.Max(index + 1, _offsets.Length * 2);
                Array.Resize(ref _offsets, size);
                Array.Resize(ref _lengths, size);
            }

            id.CopyTo(new Span<byte>(_arena, _arenaLength, id.Length));
            entries[slot] = new IdSlot(hash, index + 1);
            _offsets[index] = _arenaLength;
            _lengths[index] = id.Length;
            _arenaLength += id.Length;
            _count++;
            if (_count * 3 > entries.Length * 2)
            {
                Grow(entries.Length * 2);
            }

            return index;
        }

        /// <summary>Room for <paramref name="customers"/> customers without regrowing.</summary>
        public void Reserve(int customers)
        {
            int size = _entries.Length;
            while (size < customers + (customers >> 1))
            {
                size <<= 1;
            }

            if (size > _entries.Length)
            {
                Grow(size);
            }

            if (customers > _offsets.Length)
            {
                Array.Resize(ref _offsets, customers);
                Array.Resize(ref _lengths, customers);
            }

            _interner.Reserve(customers);
        }

        private void Grow(int size)
        {
            var entries = new IdSlot[size];
            IdSlot.Rehash(_entries, entries);
            _entries = entries;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static int Hash(ReadOnlySpan<byte> id)
        {
            uint h = 2166136261;
            for (int i = 0; i < id.Length; i++)
            {
                h = (h ^ id[i]) * 16777619;
            }

            h ^= h >> 15;
            h *= 0x2c1b3c6d;
            h ^= h >> 12;
            return (int)(h & 0x7fffffff);
        }
    }
}
