using System.Text;
using NodaTime;
using NodaTime.Text;
using Sylvan.Data.Csv;
using SylvanFormatException = Sylvan.Data.Csv.CsvFormatException;

namespace CustomerRetention.Csv;

/// <summary>
/// Reads a CSV file record by record (RFC 4180), streaming, on Sylvan.Data.Csv (the general road of this
/// package): UTF-8 by default (a byte-order mark is tolerated; bytes that are not UTF-8 are an error, see
/// <see cref="Open(Stream, string, IEnumerable{CsvColumn}, bool, Encoding?)"/>), fields quoted with <c>"</c> may
/// hold commas, doubled quotes and line breaks, lines end with LF or CRLF (a lone CR is an error), and empty lines and lines of only
/// spaces are skipped. The header row (the first non-empty line) is mapped case-insensitively to the
/// <see cref="CsvColumn"/>s asked for, in any order; extra columns are ignored, a column named twice is an error,
/// and so is a row with more fields than the header (an unquoted comma in a value).
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
/// Sylvan's buffer, which <see cref="Read"/> reuses. Not thread-safe; disposing it disposes the
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

    /// <summary>The strict UTF-8 of <see cref="Open(Stream, string, IEnumerable{CsvColumn}, bool, Encoding?)"/>: no byte-order mark written, invalid bytes decode to U+FFFD (then rejected by <see cref="GetSpan"/>).</summary>
    private static readonly Encoding Utf8 = new UTF8Encoding(false, false);

    private readonly TextReader _reader;
    private readonly CsvDataReader _csv;
    private readonly CsvColumn[] _columns;
    private readonly int[] _columnField;
    private readonly string[] _header;
    private readonly bool _rejectReplacement;
    private long _nextLine = 1;
    private long _recordLine = 1;
    private int _fieldCount;

    /// <summary>Reads the header from <paramref name="reader"/> and maps <paramref name="columns"/> to it.</summary>
    /// <param name="reader">The text; disposed with this reader.</param>
    /// <param name="source">The name used in error messages: the file name, or <c>-</c> for standard input.</param>
    /// <param name="columns">The columns to look for; accessors take their index in this list.</param>
    /// <exception cref="CsvFormatException">The input is empty, or the header lacks a required column or names one twice.</exception>
    public CsvRecordReader(TextReader reader, string source, IEnumerable<CsvColumn> columns)
        : this(reader, source, columns, rejectReplacement: false)
    {
    }

    private CsvRecordReader(TextReader reader, string source, IEnumerable<CsvColumn> columns, bool rejectReplacement)
    {
        _reader = Guard.NotNull(reader);
        Source = Guard.NotNull(source);
        Guard.NotNull(columns);
        _rejectReplacement = rejectReplacement;
        _columns = columns.ToArray();
        for (int i = 0; i < _columns.Length; i++)
        {
            if (_columns[i] is null)
            {
                throw new ArgumentNullException(nameof(columns), FormattableString.Invariant($"Column {i} is null."));
            }
        }

        // No header detection: the first non-blank record is the header, read like any other (lines counted here).
        var options = new CsvDataReaderOptions { HasHeaders = false, Delimiter = ',', Quote = '"', CsvStyle = CsvStyle.Standard, OwnsReader = false, BufferSize = 1 << 16, MaxBufferSize = 1 << 26 };
        _csv = CsvDataReader.Create(new LineEndCheck(reader, Source), options);
        _header = [];
        _columnField = new int[_columns.Length];
        if (!ReadRecord())
        {
            throw new CsvFormatException(Source, 1, null, "the input is empty: expected a header row with the columns " + Describe(_columns));
        }

        _header = new string[_fieldCount];
        for (int f = 0; f < _fieldCount; f++)
        {
            string name = Field(f).ToString().Trim();
            _header[f] = f == 0 ? name.TrimStart('\uFEFF').Trim() : name;
        }

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

    /// <summary>Opens a stream of text in <paramref name="encoding"/> (default UTF-8; a byte-order mark is tolerated).</summary>
    /// <remarks>
    /// In UTF-8, bytes that are not UTF-8 (a Latin-1 file, say) are not silently replaced: a field holding them is an
    /// error naming the line and the column, so that <c>Café</c> and <c>Cafè</c> never become one customer. Files that
    /// really are Latin-1 are read with <c>Encoding.GetEncoding("iso-8859-1")</c> (or Windows-1252 where the host has it).
    /// </remarks>
    /// <param name="stream">The bytes.</param>
    /// <param name="source">The name used in error messages.</param>
    /// <param name="columns">The columns to look for.</param>
    /// <param name="leaveOpen">Whether disposing the reader leaves <paramref name="stream"/> open.</param>
    /// <param name="encoding">The text encoding; null for UTF-8.</param>
    /// <returns>The reader, positioned before the first record.</returns>
    public static CsvRecordReader Open(Stream stream, string source, IEnumerable<CsvColumn> columns, bool leaveOpen = false, Encoding? encoding = null)
    {
        Guard.NotNull(stream);
        Guard.NotNull(source);
        Guard.NotNull(columns);
        bool utf8 = encoding is null || encoding.CodePage == Encoding.UTF8.CodePage;
        var text = new StreamReader(stream, utf8 ? Utf8 : encoding!, detectEncodingFromByteOrderMarks: utf8, bufferSize: 1 << 16, leaveOpen: leaveOpen);
        try
        {
            return new CsvRecordReader(text, source, columns, rejectReplacement: utf8);
        }
        catch
        {
            text.Dispose();
            throw;
        }
    }

    /// <summary>Opens the file at <paramref name="path"/>; the path is the source in messages.</summary>
    /// <param name="path">The file.</param>
    /// <param name="columns">The columns to look for.</param>
    /// <param name="encoding">The text encoding; null for UTF-8 (see <see cref="Open(Stream, string, IEnumerable{CsvColumn}, bool, Encoding?)"/>).</param>
    /// <returns>The reader, positioned before the first record.</returns>
    public static CsvRecordReader OpenFile(string path, IEnumerable<CsvColumn> columns, Encoding? encoding = null)
    {
        Guard.NotNull(path);
        Guard.NotNull(columns);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Open(stream, path, columns, leaveOpen: false, encoding);
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

    /// <summary>Advances to the next record (blank lines and lines of only spaces are skipped).</summary>
    /// <returns>False at the end of the input.</returns>
    /// <exception cref="CsvFormatException">A quoted field is malformed, or the record has more fields than the header.</exception>
    public bool Read()
    {
        if (!ReadRecord())
        {
            return false;
        }

        if (_fieldCount > _header.Length)
        {
            throw new CsvFormatException(Source, _recordLine, null, FormattableString.Invariant(
                $"the row has {_fieldCount} fields, the header {_header.Length} (a comma in a value must be quoted, and decimals take a dot)"));
        }

        return true;
    }

    /// <summary>The field of <paramref name="column"/> in the current record, as characters (valid until the next <see cref="Read"/>).</summary>
    /// <param name="column">Index into <see cref="Columns"/>.</param>
    /// <returns>The field's text, unquoted.</returns>
    /// <exception cref="CsvFormatException">The record has no such field (it is too short), or the field holds bytes that were not UTF-8.</exception>
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

        ReadOnlySpan<char> text = Field(field);
        if (_rejectReplacement && text.IndexOf('\uFFFD') >= 0)
        {
            throw CreateError(column, $"'{CsvParsing.Show(text)}' holds bytes that are not UTF-8 (for a Latin-1 file, give its encoding: --encoding latin1 in the tool)");
        }

        return text;
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
    public void Dispose()
    {
        _csv.Dispose();
        _reader.Dispose();
    }

    /// <summary>Whether the parser met a malformed quoted field: the input cannot be read on (not even skipping the record).</summary>
    internal bool Broken { get; private set; }

    /// <summary>The header position of <paramref name="column"/>, or −1 when an optional column is absent.</summary>
    internal int FieldOf(int column) => _columnField[CheckColumn(column)];

    /// <summary>The day number of the field of <paramref name="column"/>, parsed by <paramref name="parser"/> (no allocation on the fast patterns).</summary>
    internal int GetDayNumber(int column, DateParser parser)
    {
        ReadOnlySpan<char> text = CsvParsing.TrimSpaces(GetSpan(column));
        return parser.TryParse(text, out int day) ? day : throw CreateError(column, $"'{CsvParsing.Show(text)}' is not a date (expected {parser.PatternText})");
    }

    private static string Describe(CsvColumn[] columns) =>
        string.Join(", ", columns.Where(c => c.IsRequired).Select(c => c.Name));

    private static string Synonyms(CsvColumn column) =>
        column.Names.Count > 1 ? " (or " + string.Join(", ", column.Names.Skip(1)) + ")" : string.Empty;

    private static bool IsBlank(ReadOnlySpan<char> field)
    {
        foreach (char c in field)
        {
            if (c != ' ' && c != '\t')
            {
                return false;
            }
        }

        return true;
    }

    private static int CountLineFeeds(ReadOnlySpan<char> text)
    {
        int n = 0;
        for (int at = text.IndexOf('\n'); at >= 0; at = text.IndexOf('\n'))
        {
            n++;
            text = text.Slice(at + 1);
        }

        return n;
    }

    /// <summary>The next record that is not blank, its physical line counted (a quoted field may span lines).</summary>
    private bool ReadRecord()
    {
        if (Broken)
        {
            throw new InvalidOperationException("The input cannot be read past a malformed quoted field.");
        }

        while (true)
        {
            bool read;
            try
            {
                read = _csv.Read();
            }
            catch (CsvFormatException)
            {
                // A lone carriage return (LineEndCheck).
                Broken = true;
                throw;
            }
            catch (SylvanFormatException e)
            {
                Broken = true;
                string problem = e is CsvRecordTooLargeException
                    ? "the record is longer than 64 MiB (a quoted field not closed?)"
                    : "a quoted field is malformed: a closing quote must be followed by a comma or the end of the line, and a field opened with a quote must be closed";
                throw new CsvFormatException(Source, _nextLine, FieldName(e.FieldOrdinal), problem);
            }

            if (!read)
            {
                _fieldCount = 0;
                return false;
            }

            _recordLine = _nextLine;
            int fields = _csv.RowFieldCount;
            int lineFeeds = 0;
            for (int f = 0; f < fields; f++)
            {
                lineFeeds += CountLineFeeds(Field(f));
            }

            _nextLine += 1 + lineFeeds;
            if (fields == 1 && IsBlank(Field(0)))
            {
                continue;
            }

            _fieldCount = fields;
            return true;
        }
    }

    /// <summary>The field at <paramref name="field"/> of the current record: Sylvan's buffer on net8.0, a string on netstandard2.0 (whose Sylvan build has no span accessor).</summary>
    private ReadOnlySpan<char> Field(int field)
    {
#if NET8_0_OR_GREATER
        return _csv.GetFieldSpan(field);
#else
        return _csv.GetString(field).AsSpan();
#endif
    }

    /// <summary>The name of the field at header position <paramref name="field"/>: the column asked for there, else the header's name, else null.</summary>
    private string? FieldName(int field)
    {
        for (int c = 0; c < _columns.Length; c++)
        {
            if (_columnField[c] == field && _columnField[c] >= 0)
            {
                return _columns[c].Name;
            }
        }

        return field >= 0 && field < _header.Length ? _header[field] : null;
    }

    private string HeaderListing()
    {
        string listing = string.Join(", ", _header);
        return CsvParsing.Show(listing.AsSpan(), MaxHeaderListing);
    }

    /// <summary>The header position of <paramref name="column"/> (its first name found), or −1; a name found twice is an error.</summary>
    private int FindHeaderField(CsvColumn column)
    {
        foreach (string name in column.Names)
        {
            int found = -1;
            for (int f = 0; f < _header.Length; f++)
            {
                if (string.Equals(_header[f], name, StringComparison.OrdinalIgnoreCase))
                {
                    if (found >= 0)
                    {
                        throw new CsvFormatException(Source, _recordLine, column.Name, FormattableString.Invariant(
                            $"the header names the column '{name}' twice (fields {found + 1} and {f + 1})"));
                    }

                    found = f;
                }
            }

            if (found >= 0)
            {
                return found;
            }
        }

        return -1;
    }

    private int CheckColumn(int column) =>
        (uint)column < (uint)_columns.Length ? column : throw new ArgumentOutOfRangeException(nameof(column), column, "No such column was asked for.");
}
