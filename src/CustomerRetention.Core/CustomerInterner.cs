using System.Runtime.CompilerServices;

namespace CustomerRetention;

/// <summary>
/// Maps customer ids to dense indices 0..n−1 in order of first appearance, looked up by a span of
/// characters so that reading a CSV allocates one string per customer, not one per row.
/// An open-addressing hash table (linear probing, power-of-two size); not thread-safe.
/// ASCII ids known to be new can be appended as bytes, without the table and without a string
/// (<see cref="AppendNewAscii"/>): their strings are made when first asked for (all at once, on
/// several cores, by <see cref="ToArray"/>), and they enter the table the next time a lookup needs it.
/// </summary>
internal sealed class CustomerInterner
{
    private int[] _slots; // index + 1 of the customer in the slot, 0 = empty
    private int[] _slotHashes;
    private string[] _ids;
    private int _count;
    private int _indexed; // ids 0.._indexed−1 are in the hash table
    private int _firstPending = int.MaxValue; // the first id appended as bytes without its string yet
    private int[] _asciiOffsets = [];
    private byte[] _ascii = [];
    private int _asciiLength;

    public CustomerInterner(int capacity = 16)
    {
        int size = 16;
        while (size < capacity * 2)
        {
            size <<= 1;
        }

        _slots = new int[size];
        _slotHashes = new int[size];
        _ids = new string[Math.Max(capacity, 4)];
    }

    public int Count => _count;

    public string IdAt(int index) => _ids[index] ?? MakeString(index);

    public string[] ToArray()
    {
        MakeStrings();
        var result = new string[_count];
        Array.Copy(_ids, result, _count);
        return result;
    }

    public int GetOrAdd(string id) => GetOrAdd(id.AsSpan(), id);

    /// <summary>
    /// Appends an ASCII id the caller knows is not here yet (the byte-level reader knows it when every id
    /// came through it: no other bytes decode to an ASCII string), without the hash-table work and without
    /// making its string yet; returns its index.
    /// </summary>
    public int AppendNewAscii(ReadOnlySpan<byte> id)
    {
        int index = _count;
        if (index == _ids.Length)
        {
            Array.Resize(ref _ids, _ids.Length * 2);
        }

        if (_asciiOffsets.Length < _ids.Length + 1)
        {
            Array.Resize(ref _asciiOffsets, _ids.Length + 1);
        }

        if (_asciiLength + id.Length > _ascii.Length)
        {
            Array.Resize(ref _ascii, Math.Max(Math.Max(_ascii.Length * 2, 1 << 16), _asciiLength + id.Length));
        }

        _asciiOffsets[index] = _asciiLength;
        id.CopyTo(new Span<byte>(_ascii, _asciiLength, id.Length));
        _asciiLength += id.Length;
        _asciiOffsets[index + 1] = _asciiLength;
        _firstPending = Math.Min(_firstPending, index);
        _count++;
        return index;
    }

    public int GetOrAdd(ReadOnlySpan<char> id) => GetOrAdd(id, null);

    /// <summary>Room for <paramref name="count"/> ids without regrowing the id list.</summary>
    public void Reserve(int count)
    {
        if (count > _ids.Length)
        {
            Array.Resize(ref _ids, count);
        }
    }

    private int GetOrAdd(ReadOnlySpan<char> id, string? asString)
    {
        if (_indexed < _count)
        {
            MakeStrings();
            IndexAppended();
        }

        int hash = Hash(id);
        int mask = _slots.Length - 1;
        int slot = hash & mask;
        while (true)
        {
            int entry = _slots[slot];
            if (entry == 0)
            {
                break;
            }

            if (_slotHashes[slot] == hash && id.SequenceEqual(_ids[entry - 1].AsSpan()))
            {
                return entry - 1;
            }

            slot = (slot + 1) & mask;
        }

        int index = _count;
        if (index == _ids.Length)
        {
            Array.Resize(ref _ids, _ids.Length * 2);
        }

        _ids[index] = asString ?? id.ToString();
        _count++;
        _indexed = _count;
        if (_asciiOffsets.Length > index + 1)
        {
            _asciiOffsets[index + 1] = _asciiLength;
        }
        _slots[slot] = index + 1;
        _slotHashes[slot] = hash;
        if (_count * 2 > _slots.Length)
        {
            Grow();
        }

        return index;
    }

    private string MakeString(int index) =>
        _ids[index] = System.Text.Encoding.ASCII.GetString(_ascii, _asciiOffsets[index], _asciiOffsets[index + 1] - _asciiOffsets[index]);

    /// <summary>The strings of the ids appended as bytes, made on several cores when there are many.</summary>
    private void MakeStrings()
    {
        int first = _firstPending;
        if (first >= _count)
        {
            return;
        }

        int count = _count - first;
        const int Chunk = 1 << 15;
        if (count >= 2 * Chunk && Environment.ProcessorCount > 1)
        {
            Parallel.For(0, (count + Chunk - 1) / Chunk, c => MakeStrings(first + (c * Chunk), Math.Min(first + ((c + 1) * Chunk), _count)));
        }
        else
        {
            MakeStrings(first, _count);
        }

        _firstPending = int.MaxValue;
    }

    private void MakeStrings(int from, int to)
    {
        string[] ids = _ids;
        for (int i = from; i < to; i++)
        {
            if (ids[i] is null)
            {
                MakeString(i);
            }
        }
    }

    /// <summary>Enters the ids appended by <see cref="AppendNewAscii"/> into the hash table.</summary>
    private void IndexAppended()
    {
        while (_count * 2 > _slots.Length)
        {
            Grow();
        }

        int mask = _slots.Length - 1;
        for (int index = _indexed; index < _count; index++)
        {
            int hash = Hash(_ids[index].AsSpan());
            int slot = hash & mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = index + 1;
            _slotHashes[slot] = hash;
        }

        _indexed = _count;
    }

    private void Grow()
    {
        int size = _slots.Length * 2;
        var slots = new int[size];
        var hashes = new int[size];
        int mask = size - 1;
        for (int i = 0; i < _slots.Length; i++)
        {
            int entry = _slots[i];
            if (entry == 0)
            {
                continue;
            }

            int slot = _slotHashes[i] & mask;
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = entry;
            hashes[slot] = _slotHashes[i];
        }

        _slots = slots;
        _slotHashes = hashes;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ReadOnlySpan<char> id)
    {
        // FNV-1a over the UTF-16 code units, then a final mix so that linear probing spreads well.
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
