using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
#if NET8_0_OR_GREATER
using System.Runtime.Intrinsics.X86;
#endif

namespace CustomerRetention.Csv;

/// <summary>
/// ASCII customer ids by their bytes → dense indices 0..n−1 in order of first appearance, without a string per
/// customer while reading: the ids live in one byte arena and are decoded once, at the end (<see cref="Decode"/>). An open-addressing hash table (linear probing, power-of-two size,
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
        _entries = RentCleared<IdSlot>(size);
        _offsets = Uninitialized<int>(capacity + 1);
        _offsets[0] = 0;
        _arena = Uninitialized<byte>(Math.Max(capacity * Math.Max(bytesPerId, 1), 256));
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

    /// <summary>The customers 0..<see cref="Count"/>−1, each id decoded once, on up to <paramref name="workers"/> threads when there are many.</summary>
    public CustomerId[] Decode(int workers)
    {
        var customers = new CustomerId[_count];
        int count = _count;
        int parts = count >= 1 << 16 ? Math.Max(workers, 1) : 1;
        ParallelWork.Run(parts, w =>
        {
            int end = ParallelWork.Start(count, w + 1, parts);
            for (int i = ParallelWork.Start(count, w, parts); i < end; i++)
            {
                customers[i] = new CustomerId(Encoding.ASCII.GetString(_arena, _offsets[i], _offsets[i + 1] - _offsets[i]));
            }
        });
        return customers;
    }

    /// <summary>An array whose elements are not zeroed (net8.0; a zeroed one elsewhere): written before read.</summary>
    private static T[] Uninitialized<T>(int length)
        where T : unmanaged
    {
#if NET8_0_OR_GREATER
        return GC.AllocateUninitializedArray<T>(length);
#else
        return new T[length];
#endif
    }

    /// <summary>A cleared array of exactly <paramref name="size"/> elements from the shared pool (a new one when the pool's is longer).</summary>
    private static T[] RentCleared<T>(int size)
    {
        T[] array = ArrayPool<T>.Shared.Rent(size);
        if (array.Length != size)
        {
            ArrayPool<T>.Shared.Return(array);
            array = new T[size];
        }

        Array.Clear(array, 0, size);
        return array;
    }

    /// <summary>A well-mixed non-negative hash of an id's bytes (FNV-1a, then a final mix so that linear probing spreads well).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Hash(ReadOnlySpan<byte> id)
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

    private void Grow()
    {
        IdSlot[] entries = RentCleared<IdSlot>(_entries.Length * 2);
        IdSlot.Rehash(_entries, entries);
        ArrayPool<IdSlot>.Shared.Return(_entries);
        _entries = entries;
    }
}
