using System.Buffers;

namespace CustomerRetention;

public static partial class PurchaseAggregator
{
    /// <summary>
    /// The fallback over scaled-integer amounts for rows not in date order per customer: a stable LSD radix
    /// sort of the rows by customer index (digits of at most 11 bits, so that each pass scatters into at most
    /// 2,048 sequential streams the caches can hold, instead of one random write per row), then one
    /// sequential pass that accumulates each customer's rows, counting their distinct days without sorting them.
    /// </summary>
    private static class UnorderedRuns
    {
        private const int MaxDigitBits = 11;

        /// <summary>Runs up to this length count their distinct days by comparing rows; longer ones use a bitmap of their day range.</summary>
        private const int MaxComparedRun = 16;

        /// <summary>Day ranges up to this width (about 11,000 years) get the bitmap; wider ones sort their days.</summary>
        private const int MaxBitmapDays = 1 << 22;

        /// <summary>Accumulates every row on or before <paramref name="through"/> into the cleared <paramref name="acc"/>.</summary>
        public static void Accumulate(ReadOnlySpan<int> customers, ReadOnlySpan<int> days, ReadOnlySpan<long> units, int through, Span<UnitAccumulator> acc)
        {
            int customerCount = acc.Length;
            int n = customers.Length;
            days = days.Slice(0, n);
            units = units.Slice(0, n);
            int bits = Math.Max(1, 32 - LeadingZeros((uint)Math.Max(customerCount - 1, 1)));
            int passes = (bits + MaxDigitBits - 1) / MaxDigitBits;
            int digitBits = (bits + passes - 1) / passes;
            int radix = 1 << digitBits;
            int[] counts = ArrayPool<int>.Shared.Rent(passes * radix);
            Row[]? rows = null;
            Row[]? spare = null;
            try
            {
                Array.Clear(counts, 0, passes * radix);
                int kept = 0;
                for (int i = 0; i < n; i++)
                {
                    if (days[i] <= through)
                    {
                        int c = customers[i];
                        if ((uint)c >= (uint)customerCount)
                        {
                            throw new ArgumentOutOfRangeException(nameof(customers), c, FormattableString.Invariant($"Customer index at row {i} is outside the destination."));
                        }

                        for (int p = 0; p < passes; p++)
                        {
                            counts[(p * radix) + ((c >> (p * digitBits)) & (radix - 1))]++;
                        }

                        kept++;
                    }
                }

                for (int p = 0; p < passes; p++)
                {
                    ToStarts(counts.AsSpan(p * radix, radix));
                }

                rows = ArrayPool<Row>.Shared.Rent(Math.Max(kept, 1));
                spare = passes > 1 ? ArrayPool<Row>.Shared.Rent(Math.Max(kept, 1)) : rows;

                // First pass straight from the columns; the others from row buffer to row buffer.
                Row[] target = passes % 2 == 1 ? rows : spare;
                Span<int> next = counts.AsSpan(0, radix);
                for (int i = 0; i < n; i++)
                {
                    int day = days[i];
                    if (day <= through)
                    {
                        int c = customers[i];
                        ref Row row = ref target[next[c & (radix - 1)]++];
                        row.Customer = c;
                        row.Day = day;
                        row.Units = units[i];
                    }
                }

                for (int p = 1; p < passes; p++)
                {
                    Row[] source = target;
                    target = source == rows ? spare : rows;
                    next = counts.AsSpan(p * radix, radix);
                    int shift = p * digitBits;
                    for (int i = 0; i < kept; i++)
                    {
                        Row row = source[i];
                        target[next[(row.Customer >> shift) & (radix - 1)]++] = row;
                    }
                }

                AccumulateSortedRows(target, kept, acc);
            }
            finally
            {
                ArrayPool<int>.Shared.Return(counts);
                if (rows is not null)
                {
                    ArrayPool<Row>.Shared.Return(rows);
                }

                if (spare is not null && spare != rows)
                {
                    ArrayPool<Row>.Shared.Return(spare);
                }
            }
        }

        /// <summary>Turns bucket counts into bucket start offsets.</summary>
        private static void ToStarts(Span<int> counts)
        {
            int sum = 0;
            for (int d = 0; d < counts.Length; d++)
            {
                int count = counts[d];
                counts[d] = sum;
                sum += count;
            }
        }

        /// <summary>Accumulates rows sorted by customer (each customer's rows in input order).</summary>
        private static void AccumulateSortedRows(Row[] rows, int count, Span<UnitAccumulator> acc)
        {
            int[] scratch = [];
            int from = 0;
            while (from < count)
            {
                int c = rows[from].Customer;
                int to = from + 1;
                while (to < count && rows[to].Customer == c)
                {
                    to++;
                }

                int first = int.MaxValue;
                int last = int.MinValue;
                long total = 0;
                for (int p = from; p < to; p++)
                {
                    int day = rows[p].Day;
                    first = Math.Min(first, day);
                    last = Math.Max(last, day);
                    total = checked(total + rows[p].Units);
                }

                long firstAmount = 0;
                for (int p = from; p < to; p++)
                {
                    firstAmount = checked(firstAmount + (rows[p].Day == first ? rows[p].Units : 0));
                }

                ref UnitAccumulator s = ref acc[c];
                s.FirstDay = first;
                s.LastDay = last;
                s.PurchaseDays = to - from <= MaxComparedRun ? DistinctDaysByComparison(rows, from, to) : DistinctDays(rows, from, to, first, last, ref scratch);
                s.Transactions = to - from;
                s.TotalUnits = total;
                s.FirstDayUnits = firstAmount;
                from = to;
            }
        }

        /// <summary>The distinct days of a short run: each row compared with the earlier ones, branch-free (cheaper than sorting a few rows).</summary>
        private static int DistinctDaysByComparison(Row[] rows, int from, int to)
        {
            int distinct = 1;
            for (int p = from + 1; p < to; p++)
            {
                int day = rows[p].Day;
                int seen = 0;
                for (int q = from; q < p; q++)
                {
                    seen |= rows[q].Day == day ? 1 : 0;
                }

                distinct += 1 - seen;
            }

            return distinct;
        }

        /// <summary>The distinct days of a long run: a bitmap over its day range, or sorted days when the range is vast.</summary>
        private static int DistinctDays(Row[] rows, int from, int to, int first, int last, ref int[] scratch)
        {
            long range = (long)last - first + 1;
            int distinct = 0;
            if (range <= MaxBitmapDays)
            {
                int words = (int)((range + 31) >> 5);
                if (scratch.Length < words)
                {
                    scratch = new int[Math.Max(words, scratch.Length * 2)];
                }

                Array.Clear(scratch, 0, words);
                for (int p = from; p < to; p++)
                {
                    int offset = rows[p].Day - first;
                    int bit = 1 << (offset & 31);
                    ref int word = ref scratch[offset >> 5];
                    distinct += (word & bit) == 0 ? 1 : 0;
                    word |= bit;
                }

                return distinct;
            }

            int length = to - from;
            if (scratch.Length < length)
            {
                scratch = new int[Math.Max(length, scratch.Length * 2)];
            }

            for (int p = 0; p < length; p++)
            {
                scratch[p] = rows[from + p].Day;
            }

            Array.Sort(scratch, 0, length);
            for (int p = 0; p < length; p++)
            {
                distinct += p == 0 || scratch[p] != scratch[p - 1] ? 1 : 0;
            }

            return distinct;
        }

        private static int LeadingZeros(uint value)
        {
#if NET8_0_OR_GREATER
            return System.Numerics.BitOperations.LeadingZeroCount(value);
#else
            int zeros = 0;
            for (uint probe = 1u << 31; probe != 0 && (value & probe) == 0; probe >>= 1)
            {
                zeros++;
            }

            return zeros;
#endif
        }

        /// <summary>One kept row: its customer, day and amount in units (16 bytes).</summary>
        private struct Row
        {
            public long Units;
            public int Day;
            public int Customer;
        }
    }
}
