namespace CustomerRetention.Csv;

/// <summary>
/// Passes text through, counting its lines, and stops at a carriage return not followed by a line feed: lines end with
/// LF or CRLF, and a lone CR (a classic Mac line end, or a stray byte) would otherwise be read as a line end in one place
/// and as text in another. Its error names the physical line of the CR.
/// </summary>
internal sealed class LineEndCheck : TextReader
{
    private readonly TextReader _inner;
    private readonly string _source;
    private long _line = 1;
    private bool _pendingCr; // the last character passed was a CR: the next must be a LF

    public LineEndCheck(TextReader inner, string source)
    {
        _inner = inner;
        _source = source;
    }

    public override int Read(char[] buffer, int index, int count)
    {
        int read = _inner.Read(buffer, index, count);
        Check(new ReadOnlySpan<char>(buffer, index, Math.Max(read, 0)));
        return read;
    }

    public override int Read()
    {
        int c = _inner.Read();
        if (c >= 0)
        {
            Span<char> one = [(char)c];
            Check(one);
        }

        return c;
    }

    public override int Peek() => _inner.Peek();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Check(ReadOnlySpan<char> chunk)
    {
        if (_pendingCr && chunk.Length > 0)
        {
            if (chunk[0] != '\n')
            {
                throw LoneCr();
            }

            _pendingCr = false;
        }

        int start = 0;
        while (true)
        {
            int cr = chunk.Slice(start).IndexOf('\r');
            ReadOnlySpan<char> before = cr < 0 ? chunk.Slice(start) : chunk.Slice(start, cr);
            _line += CountLineFeeds(before);
            if (cr < 0)
            {
                return;
            }

            int at = start + cr;
            if (at + 1 == chunk.Length)
            {
                _pendingCr = true;
                return;
            }

            if (chunk[at + 1] != '\n')
            {
                throw LoneCr();
            }

            start = at + 1;
        }
    }

    private CsvFormatException LoneCr() =>
        new(_source, _line, null, "a carriage return without a line feed (lines must end with LF or CRLF)");

    private static int CountLineFeeds(ReadOnlySpan<char> text)
    {
#if NET8_0_OR_GREATER
        return text.Count('\n');
#else
        int n = 0;
        foreach (char c in text)
        {
            if (c == '\n')
            {
                n++;
            }
        }

        return n;
#endif
    }
}
