using System.Buffers;
using System.Collections;
using System.Runtime.CompilerServices;
using System.Text;
#if NET8_0_OR_GREATER
using System.Runtime.Intrinsics.X86;
#endif

namespace CustomerRetention;

/// <summary>
/// ASCII customer ids by their bytes → dense indices 0..n−1 in order of first appearance, without a string per
/// customer: the ids live in one byte arena, and the lists of <see cref="ToList()"/> make a customer's string when someone
/// asks for that customer (and do not keep it). An open-addressing hash table (linear probing, power-of-two size,
/// at most half full); not thread-safe.
/// </summary>
/// <remarks>ASCII only, so that different byte strings are always different ids (invalid UTF-8 would decode to
/// U+FFFD and could collide); callers check with <see cref="IsAscii"/> before adding.</remarks>
internal sealed class Utf8CustomerIds : IDisposable
{
    private IdSlot[] _entries;
    private int[] _offsets; // by index; _offsets[i + 1] − _offsets[i] is the id's length
    private byte[] _arena;
    private int _count;

    /// <summary>Room for about <paramref name="capacity"/> ids of <paramref name="bytesPerId"/> bytes before regrowing.</summary>
    public Utf8CustomerIds(int capacity, int bytesPerId)
    {
        capacity = Math.Max(capacity, 16);
        int size = 32;
        while (size < capacity * 2)
        {
            size <<= 1;
        }

        // The table is scratch (pooled, so that its pages stay mapped from one read to the next); the ids stay with
        // the lists made from them. Only what is written is ever read: those need no zeroing up front.
        _entries = ArrayAllocation.RentCleared<IdSlot>(size);
        _offsets = ArrayAllocation.Uninitialized<int>(capacity + 1);
        _offsets[0] = 0;
        _arena = ArrayAllocation.Uninitialized<byte>(Math.Max(capacity * Math.Max(bytesPerId, 1), 256));
    }

    /// <summary>The number of ids.</summary>
    public int Count => _count;

    /// <summary>The bytes of the id at <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> this[int index] => new(_arena, _offsets[index], _offsets[index + 1] - _offsets[index]);

    /// <summary>Whether every byte is ASCII (the ids this table accepts).</summary>
    public static bool IsAscii(ReadOnlySpan<byte> id)
    {
#if NET8_0_OR_GREATER
        return System.Text.Ascii.IsValid(id);
#else
        foreach (byte b in id)
        {
            if (b >= 0x80)
            {
                return false;
            }
        }

        return true;
#endif
    }

    /// <summary>
    /// The index of <paramref name="id"/>, whose hash is <paramref name="hash"/> (any well-mixed non-negative hash, the
    /// same function for every id), added at the end when new.
    /// </summary>
    public int GetOrAdd(ReadOnlySpan<byte> id, int hash, out bool added)
    {
        IdSlot[] entries = _entries;
        int mask = entries.Length - 1;
        int slot = hash & mask;
        while (true)
        {
            IdSlot entry = entries[slot];
            if (entry.Index == 0)
            {
                break;
            }

            if (entry.Hash == hash && id.SequenceEqual(this[entry.Index - 1]))
            {
                added = false;
                return entry.Index - 1;
            }

            slot = (slot + 1) & mask;
        }

        int index = _count;
        if (index + 1 == _offsets.Length)
        {
            Array.Resize(ref _offsets, _offsets.Length * 2);
        }

        int offset = _offsets[index];
        if (offset + id.Length > _arena.Length)
        {
            Array.Resize(ref _arena, Math.Max(_arena.Length * 2, offset + id.Length));
        }

        if (id.Length <= 16)
        {
            // Short ids (the usual case): a loop beats a call to the general copy.
            byte[] arena = _arena;
            for (int k = 0; k < id.Length; k++)
            {
                arena[offset + k] = id[k];
            }
        }
        else
        {
            id.CopyTo(new Span<byte>(_arena, offset, id.Length));
        }
        _offsets[index + 1] = offset + id.Length;
        entries[slot] = new IdSlot(hash, index + 1);
        _count++;
        if (_count * 2 > entries.Length)
        {
            Grow();
        }

        added = true;
        return index;
    }

    /// <summary>
    /// Asks the processor to fetch the table slot of <paramref name="hash"/> now, for a lookup a few ids later: a table
    /// of a million customers does not fit the caches, and the lookups of grouped input hardly ever hit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void Prefetch(int hash)
    {
#if NET8_0_OR_GREATER
        if (Sse.IsSupported)
        {
            IdSlot[] entries = _entries;
            fixed (IdSlot* slot = &entries[hash & (entries.Length - 1)])
            {
                Sse.Prefetch0(slot);
            }
        }
#endif
    }

    /// <summary>Gives the hash table back to the pool: lookups are over, the ids stay readable.</summary>
    public void Dispose()
    {
        if (_entries.Length > 0)
        {
            ArrayPool<IdSlot>.Shared.Return(_entries);
            _entries = [];
        }
    }

    /// <summary>The customers 0..<see cref="Count"/>−1 as a list that makes each id's string when asked for it.</summary>
    public IReadOnlyList<CustomerId> ToList() => new DecodingList(this, null);

    /// <summary>The customers at <paramref name="indices"/>, in that order, as a list that makes each id's string when asked for it.</summary>
    public IReadOnlyList<CustomerId> ToList(int[] indices) => new DecodingList(this, indices);

    private void Grow()
    {
        IdSlot[] entries = ArrayAllocation.RentCleared<IdSlot>(_entries.Length * 2);
        IdSlot.Rehash(_entries, entries);
        ArrayPool<IdSlot>.Shared.Return(_entries);
        _entries = entries;
    }

    /// <summary>
    /// Customer ids read from the arena, each made when asked for and not kept: a writer that goes through a million
    /// customers once makes a million short-lived strings (collected young, for little) instead of keeping 40 MB of them.
    /// </summary>
    private sealed class DecodingList : IReadOnlyList<CustomerId>
    {
        private readonly Utf8CustomerIds _ids;
        private readonly int[]? _indices;

        public DecodingList(Utf8CustomerIds ids, int[]? indices)
        {
            _ids = ids;
            _indices = indices;
            Count = indices?.Length ?? ids.Count;
        }

        public int Count { get; }

        public CustomerId this[int index]
        {
            get
            {
                if ((uint)index >= (uint)Count)
                {
                    throw new ArgumentOutOfRangeException(nameof(index), index, "The index must be within the list.");
                }

                ReadOnlySpan<byte> id = _ids[_indices is null ? index : _indices[index]];
#if NET8_0_OR_GREATER
                return new CustomerId(Encoding.ASCII.GetString(id));
#else
                return new CustomerId(Encoding.ASCII.GetString(id.ToArray()));
#endif
            }
        }

        public IEnumerator<CustomerId> GetEnumerator()
        {
            for (int i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
