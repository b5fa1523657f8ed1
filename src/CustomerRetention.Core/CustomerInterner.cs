using System.Runtime.CompilerServices;

namespace CustomerRetention;

/// <summary>
/// Maps customer ids to dense indices 0..n−1 in order of first appearance, looked up by a span of
/// characters so that reading a file allocates one string per customer, not one per row. Rows of one
/// customer tend to follow each other, so the last id found is compared first, before hashing.
/// An open-addressing hash table (linear probing, power-of-two size); not thread-safe.
/// </summary>
internal sealed class CustomerInterner
{
    private int[] _slots; // index + 1 of the customer in the slot, 0 = empty
    private int[] _slotHashes;
    private string[] _ids;
    private int _count;
    private int _last = -1;

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

    public string IdAt(int index) => _ids[index];

    public string[] ToArray()
    {
        var result = new string[_count];
        Array.Copy(_ids, result, _count);
        return result;
    }

    public int GetOrAdd(string id) => GetOrAdd(id.AsSpan(), id);

    public int GetOrAdd(ReadOnlySpan<char> id) => GetOrAdd(id, null);

    private int GetOrAdd(ReadOnlySpan<char> id, string? asString)
    {
        if (_last >= 0 && id.SequenceEqual(_ids[_last].AsSpan()))
        {
            return _last;
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
                return _last = entry - 1;
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
        _slots[slot] = index + 1;
        _slotHashes[slot] = hash;
        if (_count * 2 > _slots.Length)
        {
            Grow();
        }

        return _last = index;
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
