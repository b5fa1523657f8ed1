namespace CustomerRetention.Csv;

/// <summary>A byte buffer over a stream for the one-pass summariser: the header is found in the first bytes, then blocks of lines are read on.</summary>
internal sealed class ByteInput
{
    private readonly Stream _stream;
    private readonly byte[] _buffer;
    private int _pos;
    private int _len;

    /// <summary>Over <paramref name="stream"/>, with a first buffer of <paramref name="size"/> bytes.</summary>
    public ByteInput(Stream stream, int size)
    {
        _stream = stream;
        _buffer = new byte[size];
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

    /// <summary>Reads on: the unconsumed bytes first, then the stream.</summary>
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

    /// <summary>
    /// Fills the buffer and finds the header line: false when the summariser does not take the input (no line feed in
    /// the first buffer, a quote or a lone carriage return in the header, a UTF-16 or UTF-32 byte-order mark).
    /// <paramref name="consumed"/>: the bytes of the UTF-8 byte-order mark, the header and its line feed.
    /// </summary>
    public bool TryHeader(out string header, out int consumed)
    {
        header = string.Empty;
        consumed = 0;
        Fill();
        ReadOnlySpan<byte> head = Available;
        int start = head.Length >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF ? 3 : 0;
        int newline = head.Slice(start).IndexOf((byte)'\n');
        if (newline < 0)
        {
            return false;
        }

        ReadOnlySpan<byte> line = head.Slice(start, newline);
        if (line.Length > 0 && line[line.Length - 1] == (byte)'\r')
        {
            line = line.Slice(0, line.Length - 1);
        }

        bool otherBom = start == 0 && head.Length >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF) || (head[0] == 0 && head[1] == 0));
        if (line.IsEmpty || line.IndexOfAny((byte)'"', (byte)'\r') >= 0 || otherBom || !Utf8CustomerIds.IsAscii(line))
        {
            return false;
        }

        header = System.Text.Encoding.ASCII.GetString(line.ToArray());
        consumed = start + newline + 1;
        return true;
    }
}
