using System.Globalization;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace CustomerRetention.Cli;

/// <summary>
/// Writes a table row by row, cell by cell, as CSV or as a JSON array of objects, in the invariant
/// culture: doubles in their shortest round-trip form, decimals exactly, dates as yyyy-MM-dd.
/// Typed cell methods keep the per-row path free of boxing. Disposing it disposes the output
/// (see <see cref="OutputOptions.Open"/>: standard output is only flushed).
/// </summary>
internal abstract class TableWriter : IDisposable
{
    protected TableWriter(IReadOnlyList<string> columns) => Columns = columns;

    protected IReadOnlyList<string> Columns { get; }

    public static TableWriter Create(string format, TextWriter output, IReadOnlyList<string> columns) => format switch
    {
        "json" => new JsonTableWriter(output, columns),
        _ => new CsvTableWriter(output, columns),
    };

    public abstract void Text(string? value);

    public abstract void Number(double value);

    public abstract void Number(decimal value);

    public abstract void Integer(long value);

    public void Date(LocalDate value) => Text(LocalDatePattern.Iso.Format(value));

    public abstract void EndRow();

    public abstract void Dispose();

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    // Decimals print without trailing zeros (27.00 → 27), so that the output does not depend on
    // the scale an amount happened to be stored with; dividing by 1.000…0 drops them exactly.
    internal static string Format(decimal value) =>
        (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    /// <summary>As <see cref="Format(decimal)"/>, into <paramref name="destination"/> (room for 32 characters), without allocating; returns the length.</summary>
    internal static int Format(decimal value, Span<char> destination)
    {
        value.TryFormat(destination, out int length, default, CultureInfo.InvariantCulture);
        if (destination.Slice(0, length).IndexOf('.') >= 0)
        {
            while (destination[length - 1] == '0')
            {
                length--;
            }

            if (destination[length - 1] == '.')
            {
                length--;
            }
        }

        return length;
    }
}

/// <summary>
/// RFC 4180 CSV: a header row, fields quoted only when they must be, LF line ends. Cells are formatted into
/// the writer's own buffer, which goes to the output in large pieces (one call per 32k characters, not per cell).
/// </summary>
internal sealed class CsvTableWriter : TableWriter
{
    private const int FlushAt = 1 << 15;
    private readonly TextWriter _out;
    private readonly char[] _buffer = new char[FlushAt + 64];
    private int _length;
    private bool _firstCell = true;

    public CsvTableWriter(TextWriter output, IReadOnlyList<string> columns)
        : base(columns)
    {
        _out = output;
        foreach (string column in columns)
        {
            Text(column);
        }

        EndRow();
    }

    public override void Text(string? value)
    {
        Separator();
        if (value is null)
        {
            return;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            Append(value.AsSpan());
            return;
        }

        Append("\"".AsSpan());
        Append(value.Replace("\"", "\"\"").AsSpan());
        Append("\"".AsSpan());
    }

    // Numbers are formatted straight into the buffer (room for 32 characters is kept): nothing is allocated per cell.
    public override void Number(double value)
    {
        Separator();
        value.TryFormat(_buffer.AsSpan(_length), out int length, "R", CultureInfo.InvariantCulture);
        _length += length;
    }

    public override void Number(decimal value)
    {
        Separator();
        _length += Format(value, _buffer.AsSpan(_length));
    }

    public override void Integer(long value)
    {
        Separator();
        value.TryFormat(_buffer.AsSpan(_length), out int length, default, CultureInfo.InvariantCulture);
        _length += length;
    }

    public override void EndRow()
    {
        if (_length == _buffer.Length)
        {
            Flush(); // a text cell filled the buffer to its last character
        }

        _buffer[_length++] = '\n';
        _firstCell = true;
        if (_length >= FlushAt)
        {
            Flush();
        }
    }

    public override void Dispose()
    {
        Flush();
        _out.Dispose();
    }

    private void Separator()
    {
        if (_length >= FlushAt)
        {
            // A very long row: keep room for the next cell's number.
            Flush();
        }

        if (!_firstCell)
        {
            _buffer[_length++] = ',';
        }

        _firstCell = false;
    }

    private void Append(ReadOnlySpan<char> text)
    {
        if (_length + text.Length > _buffer.Length)
        {
            Flush();
            if (text.Length > _buffer.Length)
            {
                _out.Write(text);
                return;
            }
        }

        text.CopyTo(_buffer.AsSpan(_length));
        _length += text.Length;
    }

    private void Flush()
    {
        _out.Write(_buffer, 0, _length);
        _length = 0;
    }
}

/// <summary>A JSON array with one object per row, the columns as property names.</summary>
internal sealed class JsonTableWriter : TableWriter
{
    private readonly TextWriter _out;
    private readonly MemoryStream _buffer = new();
    private readonly Utf8JsonWriter _json;
    private int _cell;

    public JsonTableWriter(TextWriter output, IReadOnlyList<string> columns)
        : base(columns)
    {
        _out = output;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = true });
        _json.WriteStartArray();
    }

    public override void Text(string? value)
    {
        string name = NextColumn();
        if (value is null)
        {
            _json.WriteNull(name);
        }
        else
        {
            _json.WriteString(name, value);
        }
    }

    public override void Number(double value) => _json.WriteNumber(NextColumn(), value);

    public override void Number(decimal value) => _json.WriteNumber(NextColumn(), value);

    public override void Integer(long value) => _json.WriteNumber(NextColumn(), value);

    public override void EndRow()
    {
        _json.WriteEndObject();
        _cell = 0;
        if (_buffer.Length > 1 << 16)
        {
            Drain();
        }
    }

    public override void Dispose()
    {
        _json.WriteEndArray();
        Drain();
        _out.Write('\n');
        _json.Dispose();
        _out.Dispose();
    }

    private string NextColumn()
    {
        if (_cell == 0)
        {
            _json.WriteStartObject();
        }

        return Columns[_cell++];
    }

    private void Drain()
    {
        _json.Flush();
        _out.Write(Encoding.UTF8.GetString(_buffer.GetBuffer(), 0, (int)_buffer.Length));
        _buffer.SetLength(0);
    }
}
