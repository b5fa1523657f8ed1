using System.Text;
using NodaTime;
using NodaTime.Text;

namespace CustomerRetention.Csv;

/// <summary>
/// Reads a CSV file record by record (RFC 4180), streaming: UTF-8 (a byte-order mark is
/// tolerated), fields quoted with <c>"</c> may hold commas, doubled quotes and line breaks, lines end
/// with LF or CRLF, and empty lines are skipped. The header row (the first non-empty line) is mapped
/// case-insensitively to the <see cref="CsvColumn"/>s asked for; extra columns are ignored.
/// </summary>
/// <remarks>
/// <para>Every record knows its physical line (<see cref="LineNumber"/>: the header is line 1, and a
/// quoted field spanning lines moves the following records down). The typed accessors parse a field
/// in the invariant culture whatever the machine's culture, and throw a
/// <see cref="CsvFormatException"/> that names the source, the line and the column, e.g.
/// <c>sales.csv:7: field 'amount': 'NaN' is not a finite decimal number</c>.
/// A missing required column is an error on line 1 naming the column; an empty input (no header at
/// all) is an error on line 1; a header without rows simply yields no record.</para>
/// <para>Fields are not materialised as strings: <see cref="GetSpan"/> and the typed accessors read
/// the record's buffer, which <see cref="Read"/> reuses. Not thread-safe; disposing it disposes the
/// underlying reader.</para>
/// <example>
/// <code>
/// using var csv = CsvRecordReader.OpenFile("summary.csv",
///     [CsvColumn.Required("frequency", "x"), CsvColumn.Required("recency", "t_x"), CsvColumn.Required("T"),
///      CsvColumn.Optional("weight", "weights")]);
/// while (csv.Read())
/// {
///     double x = csv.GetDouble(0), tx = csv.GetDouble(1), t = csv.GetDouble(2);
///     double weight = csv.HasColumn(3) ? csv.GetDouble(3) : 1.0;
///     if (weight &lt; 0) throw csv.CreateError(3, "a weight must not be negative");
/// }
/// </code>
/// </example>
/// </remarks>
[MutableByDesign]
public sealed class CsvRecordReader : IDisposable
{
    private const int MaxHeaderListing = 120;

    private TextReader _reader;
    private readonly CsvColumn[] _columns;
    private readonly int[] _columnField;
    private readonly string[] _header;
    private char[] _buffer = new char[1 << 16];
    private int _pos;
    private int _len;
    private bool _eof;
    private char[] _record = new char[256];
    private int _recordLength;
    private int[] _fieldStart = new int[16];
    private int[] _fieldLength = new int[16];
    private char[] _fieldChars;
    private int _fieldCount;
    private long _line = 1;
    private long _recordLine = 1;
    private bool _inHeader = true;

    /// <summary>Reads the header from <paramref name="reader"/> and maps <paramref name="columns"/> to it.</summary>
    /// <param name="reader">The text; disposed with this reader.</param>
    /// <param name="source">The name used in error messages: the file name, or <c>-</c> for standard input.</param>
    /// <param name="columns">The columns to look for; accessors take their index in this list.</param>
    /// <exception cref="CsvFormatException">The input is empty, or the header lacks a required column.</exception>
    public CsvRecordReader(TextReader reader, string source, IEnumerable<CsvColumn> columns)
    {
        _reader = Guard.NotNull(reader);
        _fieldChars = _record;
        Source = Guard.NotNull(source);
        Guard.NotNull(columns);
        _columns = columns.ToArray();
        for (int i = 0; i < _columns.Length; i++)
        {
            if (_columns[i] is null)
            {
                throw new ArgumentNullException(nameof(columns), FormattableString.Invariant($"Column {i} is null."));
            }
        }

        if (!Read())
        {
            throw new CsvFormatException(Source, 1, null, "the input is empty: expected a header row with the columns " + Describe(_columns));
        }

        _inHeader = false;
        _header = new string[_fieldCount];
        for (int f = 0; f < _fieldCount; f++)
        {
            string name = Field(f).ToString().Trim();
            _header[f] = f == 0 ? name.TrimStart('\uFEFF').Trim() : name;
        }

        _columnField = new int[_columns.Length];
        for (int c = 0; c < _columns.Length; c++)
        {
            _columnField[c] = FindHeaderField(_columns[c]);
            if (_columnField[c] < 0 && _columns[c].IsRequired)
            {
                throw new CsvFormatException(Source, _recordLine, _columns[c].Name, $"the header lacks the required column '{_columns[c].Name}'{Synonyms(_columns[c])} (found: {HeaderListing()})");
            }
        }
    }

    /// <summary>The name used in error messages: the file name, or <c>-</c> for standard input.</summary>
    public string Source { get; }

    /// <summary>The columns asked for, in the order the accessors index them.</summary>
    public IReadOnlyList<CsvColumn> Columns => _columns;

    /// <summary>The header's column names as written (trimmed), in file order.</summary>
    public IReadOnlyList<string> Header => _header;

    /// <summary>The physical line on which the current record starts (the header is line 1).</summary>
    public long LineNumber => _recordLine;

    /// <summary>The number of fields in the current record.</summary>
    public int FieldCount => _fieldCount;

    /// <summary>Opens a UTF-8 stream (a byte-order mark is tolerated; invalid bytes become U+FFFD).</summary>
    /// <param name="stream">The bytes.</param>
    /// <param name="source">The name used in error messages.</param>
    /// <param name="columns">The columns to look for.</param>
    /// <param name="leaveOpen">Whether disposing the reader leaves <paramref name="stream"/> open.</param>
    /// <returns>The reader, positioned before the first record.</returns>
    public static CsvRecordReader Open(Stream stream, string source, IEnumerable<CsvColumn> columns, bool leaveOpen = false)
    {
        Guard.NotNull(stream);
        Guard.NotNull(source);
        Guard.NotNull(columns);
        var text = new StreamReader(stream, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: leaveOpen);
        try
        {
            return new CsvRecordReader(text, source, columns);
        }
        catch
        {
            text.Dispose();
            throw;
        }
    }

    /// <summary>Opens the file at <paramref name="path"/> (UTF-8); the path is the source in messages.</summary>
    /// <param name="path">The file.</param>
    /// <param name="columns">The columns to look for.</param>
    /// <returns>The reader, positioned before the first record.</returns>
    public static CsvRecordReader OpenFile(string path, IEnumerable<CsvColumn> columns)
    {
        Guard.NotNull(path);
        Guard.NotNull(columns);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Open(stream, path, columns);
    }

    /// <summary>Whether the header has the column <paramref name="column"/> (always true for a required one).</summary>
    /// <param name="column">Index into <see cref="Columns"/>.</param>
    /// <returns>Whether the column is present.</returns>
    public bool HasColumn(int column) => _columnField[CheckColumn(column)] >= 0;

    /// <summary>The index into <see cref="Columns"/> of the column called <paramref name="name"/> (or a synonym), or −1.</summary>
    /// <param name="name">A column name, case-insensitive.</param>
    /// <returns>The index, or −1.</returns>
    public int IndexOf(string name)
    {
        Guard.NotNull(name);
        for (int c = 0; c < _columns.Length; c++)
        {
            foreach (string n in _columns[c].Names)
            {
                if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
                {
                    return c;
                }
            }
        }

        return -1;
    }

    /// <summary>Advances to the next record.</summary>
    /// <returns>False at the end of the input.</returns>
    /// <exception cref="CsvFormatException">A quoted field is not closed, or a closing quote is followed by something other than a comma or a line end.</exception>
    public bool Read()
    {
        while (true)
        {
            if (!EnsureData())
            {
                _fieldCount = 0;
                return false;
            }

            char c = _buffer[_pos];
            if (c == '\n')
            {
                _pos++;
                _line++;
                continue;
            }

            if (c == '\r')
            {
                _pos++;
                SkipLineFeed();
                _line++;
                continue;
            }

            break;
        }

        _recordLine = _line;
        _recordLength = 0;
        _fieldCount = 0;
        if (TrySplitPlainLine())
        {
            return true;
        }

        _fieldChars = _record;
        while (ParseField())
        {
        }

        return true;
    }

    /// <summary>
    /// The fast path: when the whole line is in the buffer and holds no quote (and no CR but a final
    /// one), its fields are found by splitting on commas in place, without copying.
    /// </summary>
    private bool TrySplitPlainLine()
    {
        ReadOnlySpan<char> available = new(_buffer, _pos, _len - _pos);
        int newline = available.IndexOf('\n');
        if (newline < 0)
        {
            return false;
        }

        ReadOnlySpan<char> line = available.Slice(0, newline);
        int special = line.IndexOfAny('"', '\r');
        if (special >= 0)
        {
            if (special != line.Length - 1 || line[special] != '\r')
            {
                return false;
            }

            line = line.Slice(0, special);
        }

        int start = 0;
        while (true)
        {
            int comma = line.Slice(start).IndexOf(',');
            int length = comma < 0 ? line.Length - start : comma;
            AddField(_pos + start, length);
            if (comma < 0)
            {
                break;
            }

            start += comma + 1;
        }

        _fieldChars = _buffer;
        _pos += newline + 1;
        _line++;
        return true;
    }

    private void AddField(int start, int length)
    {
        if (_fieldCount == _fieldStart.Length)
        {
            Array.Resize(ref _fieldStart, _fieldStart.Length * 2);
            Array.Resize(ref _fieldLength, _fieldLength.Length * 2);
        }

        _fieldStart[_fieldCount] = start;
        _fieldLength[_fieldCount] = length;
        _fieldCount++;
    }

    /// <summary>The field of <paramref name="column"/> in the current record, as characters (valid until the next <see cref="Read"/>).</summary>
    /// <param name="column">Index into <see cref="Columns"/>.</param>
    /// <returns>The field's text, unquoted.</returns>
    /// <exception cref="CsvFormatException">The record has no such field (it is too short).</exception>
    public ReadOnlySpan<char> GetSpan(int column)
    {
        int field = _columnField[CheckColumn(column)];
        if (field < 0)
        {
            throw new InvalidOperationException($"The optional column '{_columns[column].Name}' is not in the header of {Source}; check HasColumn first.");
        }

        if (field >= _fieldCount)
        {
            throw CreateError(column, FormattableString.Invariant($"missing field (the row has {_fieldCount} fields, the header {_header.Length})"));
        }

        return Field(field);
    }

    /// <summary>The field of <paramref name="column"/> as a new string.</summary>
    /// <param name="column">Index into <see cref="Columns"/>.</param>
    /// <returns>The field's text, unquoted.</returns>
    public string GetString(int column) => GetSpan(column).ToString();

    /// <summary>The field at header position <paramref name="fieldIndex"/> (any column, asked for or not).</summary>
    /// <param name="fieldIndex">Range: 0 ≤ fieldIndex &lt; <see cref="FieldCount"/>.</param>
    /// <returns>The field's text, unquoted.</returns>
    public ReadOnlySpan<char> GetField(int fieldIndex)
    {
        if ((uint)fieldIndex >= (uint)_fieldCount)
        {
            throw new ArgumentOutOfRangeException(nameof(fieldIndex), fieldIndex, "The record has no such field.");
        }

        return Field(fieldIndex);
    }

    /// <summary>The field of <paramref name="column"/> as a decimal in the invariant culture (a dot, no thousands separator, no exponent).</summary>
    /// <param name="column">Index into <see cref="Columns"/>.</param>
    /// <returns>The number.</returns>
    /// <exception cref="CsvFormatException">The field is missing, empty, or not such a number (e.g. <c>NaN</c>, <c>1,5</c>).</exception>
    public decimal GetDecimal(int column)
    {
        ReadOnlySpan<char> text = GetSpan(column);
        return CsvParsing.TryParseDecimal(text, out decimal value) ? value : throw CreateError(column, CsvParsing.DecimalProblem(text));
    }

    /// <summary>The field of <paramref name="column"/> as a finite double in the invariant culture.</summary>
    /// <param name="column">Index into <see cref="Columns"/>.</param>
    /// <returns>The number.</returns>
    /// <exception cref="CsvFormatException">The field is missing, empty, not a number, NaN or infinite.</exception>
    public double GetDouble(int column)
    {
        ReadOnlySpan<char> text = GetSpan(column);
        return CsvParsing.TryParseDouble(text, out double value) ? value : throw CreateError(column, CsvParsing.DoubleProblem(text));
    }

    /// <summary>The field of <paramref name="column"/> as a 32-bit integer in the invariant culture.</summary>
    /// <param name="column">Index into <see cref="Columns"/>.</param>
    /// <returns>The number.</returns>
    /// <exception cref="CsvFormatException">The field is missing or not a whole number in range.</exception>
    public int GetInt32(int column)
    {
        ReadOnlySpan<char> text = GetSpan(column);
        return CsvParsing.TryParseInt64(text, out long value) && value >= int.MinValue && value <= int.MaxValue
            ? (int)value
            : throw CreateError(column, $"'{CsvParsing.Show(text)}' is not a whole number");
    }

    /// <summary>The field of <paramref name="column"/> as a 64-bit integer in the invariant culture.</summary>
    /// <param name="column">Index into <see cref="Columns"/>.</param>
    /// <returns>The number.</returns>
    /// <exception cref="CsvFormatException">The field is missing or not a whole number in range.</exception>
    public long GetInt64(int column)
    {
        ReadOnlySpan<char> text = GetSpan(column);
        return CsvParsing.TryParseInt64(text, out long value) ? value : throw CreateError(column, $"'{CsvParsing.Show(text)}' is not a whole number");
    }

    /// <summary>The field of <paramref name="column"/> as an ISO date (<c>yyyy-MM-dd</c>).</summary>
    /// <param name="column">Index into <see cref="Columns"/>.</param>
    /// <returns>The date.</returns>
    /// <exception cref="CsvFormatException">The field is missing or not such a date.</exception>
    public LocalDate GetLocalDate(int column) => GetLocalDate(column, LocalDatePattern.Iso);

    /// <summary>The field of <paramref name="column"/> as a date in <paramref name="pattern"/> (e.g. <c>LocalDatePattern.CreateWithInvariantCulture("yyyyMMdd")</c>).</summary>
    /// <param name="column">Index into <see cref="Columns"/>.</param>
    /// <param name="pattern">The date pattern.</param>
    /// <returns>The date.</returns>
    /// <exception cref="CsvFormatException">The field is missing or not a date in the pattern.</exception>
    public LocalDate GetLocalDate(int column, LocalDatePattern pattern)
    {
        Guard.NotNull(pattern);
        return DayNumbers.ToDate(GetDayNumber(column, DateParser.For(pattern)));
    }

    /// <summary>A <see cref="CsvFormatException"/> for the current record and <paramref name="column"/>, for the caller's own checks (e.g. a negative weight).</summary>
    /// <param name="column">Index into <see cref="Columns"/>.</param>
    /// <param name="problem">What is wrong, e.g. <c>a weight must not be negative</c>.</param>
    /// <returns>The exception, to throw.</returns>
    public CsvFormatException CreateError(int column, string problem)
    {
        Guard.NotNull(problem);
        return new CsvFormatException(Source, _recordLine, _columns[CheckColumn(column)].Name, problem);
    }

    /// <summary>Disposes the underlying reader.</summary>
    public void Dispose() => _reader.Dispose();

    /// <summary>The header position of <paramref name="column"/>, or −1 when an optional column is absent.</summary>
    internal int FieldOf(int column) => _columnField[CheckColumn(column)];

    /// <summary>
    /// Continues reading from <paramref name="reader"/> (the header already read), whose first
    /// character is at the start of physical line <paramref name="line"/>: the byte-level reader of
    /// <see cref="TransactionCsv"/> hands lines over to this, the general path. The previous reader
    /// is not disposed.
    /// </summary>
    internal void Continue(TextReader reader, long line)
    {
        _reader = reader;
        _pos = 0;
        _len = 0;
        _eof = false;
        _line = line;
        _recordLine = line;
    }

    /// <summary>The day number of the field of <paramref name="column"/>, parsed by <paramref name="parser"/> (no allocation on the fast patterns).</summary>
    internal int GetDayNumber(int column, DateParser parser)
    {
        ReadOnlySpan<char> text = GetSpan(column);
        return parser.TryParse(text, out int day) ? day : throw CreateError(column, $"'{CsvParsing.Show(text)}' is not a date (expected {parser.PatternText})");
    }

    private static string Describe(CsvColumn[] columns) =>
        string.Join(", ", columns.Where(c => c.IsRequired).Select(c => c.Name));

    private static string Synonyms(CsvColumn column) =>
        column.Names.Count > 1 ? " (or " + string.Join(", ", column.Names.Skip(1)) + ")" : string.Empty;

    private string HeaderListing()
    {
        string listing = string.Join(", ", _header);
        return CsvParsing.Show(listing.AsSpan(), MaxHeaderListing);
    }

    private int FindHeaderField(CsvColumn column)
    {
        foreach (string name in column.Names)
        {
            for (int f = 0; f < _header.Length; f++)
            {
                if (string.Equals(_header[f], name, StringComparison.OrdinalIgnoreCase))
                {
                    return f;
                }
            }
        }

        return -1;
    }

    private int CheckColumn(int column) =>
        (uint)column < (uint)_columns.Length ? column : throw new ArgumentOutOfRangeException(nameof(column), column, "No such column was asked for.");

    private ReadOnlySpan<char> Field(int field) => new(_fieldChars, _fieldStart[field], _fieldLength[field]);

    private bool EnsureData()
    {
        if (_pos < _len)
        {
            return true;
        }

        if (_eof)
        {
            return false;
        }

        _len = _reader.Read(_buffer, 0, _buffer.Length);
        _pos = 0;
        if (_len <= 0)
        {
            _len = 0;
            _eof = true;
            return false;
        }

        return true;
    }

    private void SkipLineFeed()
    {
        if (EnsureData() && _buffer[_pos] == '\n')
        {
            _pos++;
        }
    }

    /// <summary>Parses one field into the record buffer; true when a comma follows (another field comes).</summary>
    private bool ParseField()
    {
        if (EnsureData() && _buffer[_pos] == '"')
        {
            _pos++;
            return ParseQuoted();
        }

        while (true)
        {
            if (!EnsureData())
            {
                EndField();
                return false;
            }

            ReadOnlySpan<char> available = new(_buffer, _pos, _len - _pos);
            int k = available.IndexOfAny(',', '\n', '\r');
            if (k < 0)
            {
                Append(available);
                _pos = _len;
                continue;
            }

            Append(available.Slice(0, k));
            char delimiter = available[k];
            _pos += k + 1;
            EndField();
            if (delimiter == ',')
            {
                return true;
            }

            if (delimiter == '\r')
            {
                SkipLineFeed();
            }

            _line++;
            return false;
        }
    }

    private bool ParseQuoted()
    {
        while (true)
        {
            if (!EnsureData())
            {
                throw QuoteError("a quoted field is not closed before the end of the input");
            }

            ReadOnlySpan<char> available = new(_buffer, _pos, _len - _pos);
            int k = available.IndexOf('"');
            ReadOnlySpan<char> chunk = k < 0 ? available : available.Slice(0, k);
            Append(chunk);
            _line += CountLineFeeds(chunk);
            if (k < 0)
            {
                _pos = _len;
                continue;
            }

            _pos += k + 1;
            if (!EnsureData())
            {
                EndField();
                return false;
            }

            char next = _buffer[_pos];
            switch (next)
            {
                case '"':
                    Append("\"".AsSpan());
                    _pos++;
                    continue;
                case ',':
                    _pos++;
                    EndField();
                    return true;
                case '\n':
                    _pos++;
                    _line++;
                    EndField();
                    return false;
                case '\r':
                    _pos++;
                    SkipLineFeed();
                    _line++;
                    EndField();
                    return false;
                default:
                    throw QuoteError("a closing quote must be followed by a comma or the end of the line");
            }
        }
    }

    private CsvFormatException QuoteError(string problem)
    {
        string? field = null;
        if (!_inHeader)
        {
            for (int c = 0; c < _columns.Length; c++)
            {
                if (_columnField[c] == _fieldCount)
                {
                    field = _columns[c].Name;
                }
            }

            field ??= _fieldCount < _header.Length ? _header[_fieldCount] : null;
        }

        return new CsvFormatException(Source, _recordLine, field, problem);
    }

    private static int CountLineFeeds(ReadOnlySpan<char> chunk)
    {
#if NET8_0_OR_GREATER
        return chunk.Count('\n');
#else
        int n = 0;
        foreach (char c in chunk)
        {
            if (c == '\n')
            {
                n++;
            }
        }

        return n;
#endif
    }

    private void Append(ReadOnlySpan<char> chars)
    {
        if (chars.IsEmpty)
        {
            return;
        }

        if (_recordLength + chars.Length > _record.Length)
        {
            Array.Resize(ref _record, Math.Max(_record.Length * 2, _recordLength + chars.Length));
            _fieldChars = _record;
        }

        chars.CopyTo(new Span<char>(_record, _recordLength, chars.Length));
        _recordLength += chars.Length;
    }

    private void EndField()
    {
        int start = _fieldCount == 0 ? 0 : _fieldStart[_fieldCount - 1] + _fieldLength[_fieldCount - 1];
        AddField(start, _recordLength - start);
    }
}
