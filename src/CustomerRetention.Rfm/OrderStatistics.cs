using System.Buffers;
using System.Runtime.InteropServices;
#if NET8_0_OR_GREATER
using System.Runtime.Intrinsics;
#endif

namespace CustomerRetention.Rfm;

/// <summary>
/// A few order statistics of a column, found without sorting or copying it: one pass for the
/// range (and to reject NaN and infinities), then either a counting pass (integer values in a small
/// range, as recency days and transaction counts are) or a radix-select pass on the order-preserving
/// bit keys of the doubles followed by a quickselect among the few values of the buckets that hold
/// the wanted ranks. About three passes over the column, whatever the number of ranks.
/// </summary>
internal static class OrderStatistics
{
    private const int Buckets = 1 << 16;

    /// <summary>
    /// Writes to <paramref name="result"/>[j] the value a full ascending sort of
    /// <paramref name="values"/> would put at index <paramref name="ranks"/>[j] (ranks ascending, distinct).
    /// </summary>
    public static void Find(ReadOnlySpan<double> values, ReadOnlySpan<int> ranks, Span<double> result, string paramName)
    {
        int n = values.Length;
        double min = double.PositiveInfinity;
        double max = double.NegativeInfinity;
        bool finite = true;
        bool integral = true;
        int start = 0;
#if NET8_0_OR_GREATER
        if (Vector256.IsHardwareAccelerated && n >= 8)
        {
            ref double p = ref MemoryMarshal.GetReference(values);
            Vector256<double> vmin = Vector256.Create(double.PositiveInfinity);
            Vector256<double> vmax = Vector256.Create(double.NegativeInfinity);
            Vector256<double> zero = Vector256<double>.Zero;
            Vector256<double> good = Vector256<double>.AllBitsSet;
            Vector256<double> whole = Vector256<double>.AllBitsSet;
            for (; start <= n - 4; start += 4)
            {
                Vector256<double> v = Vector256.LoadUnsafe(ref p, (nuint)start);
                vmin = Vector256.Min(vmin, v);
                vmax = Vector256.Max(vmax, v);
                good &= Vector256.Equals(v - v, zero);
                whole &= Vector256.Equals(Vector256.Floor(v), v);
            }

            // Compare the masks as bits: an all-ones double is a NaN, never equal to itself.
            finite = good.ExtractMostSignificantBits() == 0xF;
            integral = whole.ExtractMostSignificantBits() == 0xF;
            for (int j = 0; j < 4; j++)
            {
                min = Math.Min(min, vmin.GetElement(j));
                max = Math.Max(max, vmax.GetElement(j));
            }
        }
#endif

        for (int i = start; i < n; i++)
        {
            double v = values[i];
            finite &= v - v == 0;
            integral &= v == Math.Floor(v);
            min = v < min ? v : min;
            max = v > max ? v : max;
        }

        if (!finite)
        {
            Binner.RejectNonFinite(values, paramName);
        }

        if (min == max)
        {
            result.Slice(0, ranks.Length).Fill(min + 0.0);
            return;
        }

        double range = max - min;
        if (integral && range < Math.Max(4096.0, 2.0 * n) && range < 1 << 24)
        {
            Counting(values, ranks, result, min, (int)range + 1);
        }
        else
        {
            RadixSelect(values, ranks, result, min, max);
        }
    }

    private static void Counting(ReadOnlySpan<double> values, ReadOnlySpan<int> ranks, Span<double> result, double min, int size)
    {
        // Four interleaved histograms, so that runs of equal values (most customers bought once)
        // do not serialise on one counter's store-to-load latency.
        int[] counts = ArrayPool<int>.Shared.Rent(4 * size);
        try
        {
            Span<int> all = counts.AsSpan(0, 4 * size);
            all.Clear();
            Span<int> c = all.Slice(0, size);
            Span<int> c1 = all.Slice(size, size);
            Span<int> c2 = all.Slice(2 * size, size);
            Span<int> c3 = all.Slice(3 * size, size);
            int n = values.Length;
            int i = 0;
            for (; i <= n - 4; i += 4)
            {
                c[(int)(values[i] - min)]++;
                c1[(int)(values[i + 1] - min)]++;
                c2[(int)(values[i + 2] - min)]++;
                c3[(int)(values[i + 3] - min)]++;
            }

            for (; i < n; i++)
            {
                c[(int)(values[i] - min)]++;
            }

            for (int b = 0; b < size; b++)
            {
                c[b] += c1[b] + c2[b] + c3[b];
            }

            int below = 0;
            int j = 0;
            for (int b = 0; b < size && j < ranks.Length; b++)
            {
                below += c[b];
                while (j < ranks.Length && ranks[j] < below)
                {
                    result[j++] = min + b;
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(counts);
        }
    }

    private static void RadixSelect(ReadOnlySpan<double> values, ReadOnlySpan<int> ranks, Span<double> result, double min, double max)
    {
        ulong minKey = Key(min);
        ulong spread = Key(max) - minKey;
        int shift = 0;
        while ((spread >> shift) >= Buckets)
        {
            shift++;
        }

        int[] counts = ArrayPool<int>.Shared.Rent(Buckets);
        int[] offsets = ArrayPool<int>.Shared.Rent(Buckets);
        try
        {
            Span<int> c = counts.AsSpan(0, Buckets);
            c.Clear();
            for (int i = 0; i < values.Length; i++)
            {
                c[(int)((Key(values[i]) - minKey) >> shift)]++;
            }

            // Mark the buckets that hold a wanted rank; offsets[b] = where bucket b starts in the gathered buffer.
            Span<int> bucketOfRank = stackalloc int[ranks.Length];
            Span<int> bucketStart = stackalloc int[ranks.Length];
            int below = 0;
            int j = 0;
            for (int b = 0; b < Buckets && j < ranks.Length; b++)
            {
                int next = below + c[b];
                while (j < ranks.Length && ranks[j] < next)
                {
                    bucketOfRank[j] = b;
                    bucketStart[j] = below;
                    j++;
                }

                below = next;
            }

            Span<int> off = offsets.AsSpan(0, Buckets);
            off.Fill(-1);
            int gathered = 0;
            for (int r = 0; r < ranks.Length; r++)
            {
                int b = bucketOfRank[r];
                if (off[b] < 0)
                {
                    off[b] = gathered;
                    gathered += c[b];
                }
            }

            double[] buffer = ArrayPool<double>.Shared.Rent(gathered);
            try
            {
                // Second pass: copy the values of the marked buckets, each bucket to its own slice.
                Span<int> fill = c; // reuse the counts as write cursors
                for (int r = 0; r < ranks.Length; r++)
                {
                    int b = bucketOfRank[r];
                    fill[b] = off[b];
                }

                for (int i = 0; i < values.Length; i++)
                {
                    double v = values[i];
                    int b = (int)((Key(v) - minKey) >> shift);
                    int o = off[b];
                    if (o >= 0)
                    {
                        buffer[fill[b]++] = v + 0.0;
                    }
                }

                // Ranks inside the buffer; buckets lie in the buffer in ascending bucket order.
                Span<int> local = stackalloc int[ranks.Length];
                for (int r = 0; r < ranks.Length; r++)
                {
                    local[r] = off[bucketOfRank[r]] + (ranks[r] - bucketStart[r]);
                }

                Selection.SelectRanks(buffer.AsSpan(0, gathered), local);
                for (int r = 0; r < ranks.Length; r++)
                {
                    result[r] = buffer[local[r]];
                }
            }
            finally
            {
                ArrayPool<double>.Shared.Return(buffer);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(counts);
            ArrayPool<int>.Shared.Return(offsets);
        }
    }

    /// <summary>An unsigned key with the order of the doubles (−0 taken as 0).</summary>
    private static ulong Key(double v)
    {
        long bits = BitConverter.DoubleToInt64Bits(v + 0.0);
        return bits < 0 ? ~(ulong)bits : (ulong)bits | 0x8000000000000000UL;
    }
}
