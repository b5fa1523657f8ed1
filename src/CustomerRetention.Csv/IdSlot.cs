namespace CustomerRetention.Csv;

/// <summary>
/// A slot of the byte-level id tables (open addressing, linear probing, power-of-two size): the id's hash and its
/// index + 1, 0 for an empty slot.
/// </summary>
internal readonly struct IdSlot
{
    public readonly int Hash;
    public readonly int Index;

    public IdSlot(int hash, int index)
    {
        Hash = hash;
        Index = index;
    }

    /// <summary>Puts every occupied slot of <paramref name="from"/> into the empty table <paramref name="to"/>.</summary>
    public static void Rehash(ReadOnlySpan<IdSlot> from, Span<IdSlot> to)
    {
        int mask = to.Length - 1;
        foreach (IdSlot s in from)
        {
            if (s.Index == 0)
            {
                continue;
            }

            int slot = s.Hash & mask;
            while (to[slot].Index != 0)
            {
                slot = (slot + 1) & mask;
            }

            to[slot] = s;
        }
    }
}
