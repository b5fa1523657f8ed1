using System.Buffers;

namespace CustomerRetention;

public static partial class PurchaseAggregator
{
    /// <summary>
    /// The fallback over scaled-integer amounts for rows not in date order per customer: a stable LSD radix
    /// sort of the rows by customer index (digits of at most 11 bits, so that each pass scatters into at most
    /// 2,048 sequential streams the caches can hold, instead of one random write per row), then one
    /// sequential pass that accumulates each customer's rows, counting their distinct days without sorting them.
    /// Large inputs use every core: each worker counts and scatters its share of the rows into its own slots
    /// of each bucket, and accumulates a range of customers.
    /// </summary>
    private static class UnorderedRuns
    {
        private const int MaxDigitBits = 11;
        private const int ParallelMinRows = 1 << 18;
        private const int MaxWorkers = 8;

        /// <summary>Runs up to this length count their distinct days by comparing rows; longer ones use a bitmap of their day range.</summary>
        private const int MaxComparedRun = 16;

        /// <summary>Day ranges up to this width (about 11,000 years) get the bitmap; wider ones sort their days.</summary>
        private const int MaxBitmapDays = 1 << 22;

        /// <summary>Accumulates every row on or before <paramref name="through"/> into the cleared <paramref name="acc"/>.</summary>
        public static unsafe void Accumulate(ReadOnlySpan<int> customers, ReadOnlySpan<int> days, ReadOnlySpan<long> units, int through, Span<UnitAccumulator> acc)
        {
            int customerCount = acc.Length;
            int n = customers.Length;
            days = days.Slice(0, n);
            units = units.Slice(0, n);
            int bits = Math.Max(1, 32 - LeadingZeros((uint)Math.Max(customerCount - 1, 1)));
            int passes = (bits + MaxDigitBits - 1) / MaxDigitBits;
            int digitBits = (bits + passes - 1) / passes;
            int radix = 1 << digitBits;
            int workers = n >= ParallelMinRows ? ParallelWork.Workers(MaxWorkers) : 1;
            int[] counts = ArrayPool<int>.Shared.Rent(workers * radix);
            Row[]? rows = null;
            Row[]? spare = null;
            try
            {
                fixed (int* pc = customers, pd = days)
                fixed (long* pu = units)
                fixed (UnitAccumulator* pa = acc)
                {
                    var input = new Input((nint)pc, (nint)pd, (nint)pu, through);

                    // First pass straight from the columns (rows after the cut-off dropped); the others from row
                    // buffer to row buffer. Each worker sorts its share into its own slots of every bucket, after
                    // the slots of the workers before it, so the sort stays stable.
                    Array.Clear(counts, 0, workers * radix);
                    ParallelWork.Run(workers, w => CountInput(input, ParallelWork.Start(n, w, workers), ParallelWork.Start(n, w + 1, workers), customerCount, radix, counts.AsSpan(w * radix, radix)));
                    int kept = ToWorkerStarts(counts, workers, radix);
                    rows = ArrayPool<Row>.Shared.Rent(Math.Max(kept, 1));
                    spare = passes > 1 ? ArrayPool<Row>.Shared.Rent(Math.Max(kept, 1)) : rows;
                    Row[] target = passes % 2 == 1 ? rows : spare;
                    Row[] firstTarget = target;
                    ParallelWork.Run(workers, w => ScatterInput(input, ParallelWork.Start(n, w, workers), ParallelWork.Start(n, w + 1, workers), radix, counts.AsSpan(w * radix, radix), firstTarget));
                    for (int p = 1; p < passes; p++)
                    {
                        Row[] source = target;
                        target = source == rows ? spare : rows;
                        Row[] passTarget = target;
                        int shift = p * digitBits;
                        Array.Clear(counts, 0, workers * radix);
                        ParallelWork.Run(workers, w => CountRows(source, ParallelWork.Start(kept, w, workers), ParallelWork.Start(kept, w + 1, workers), shift, radix, counts.AsSpan(w * radix, radix)));
                        ToWorkerStarts(counts, workers, radix);
                        ParallelWork.Run(workers, w => ScatterRows(source, ParallelWork.Start(kept, w, workers), ParallelWork.Start(kept, w + 1, workers), shift, radix, counts.AsSpan(w * radix, radix), passTarget));
                    }

                    // The accumulation, each worker from a customer boundary to the next one.
                    Row[] sorted = target;
                    int[] bounds = CustomerBoundaries(sorted, kept, workers);
                    nint ia = (nint)pa;
                    ParallelWork.Run(workers, w => AccumulateSortedRows(sorted, bounds[w], bounds[w + 1], new Span<UnitAccumulator>((UnitAccumulator*)ia, customerCount)));
                }
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

        private static unsafe void CountInput(Input input, int from, int to, int customerCount, int radix, Span<int> counts)
        {
            int* customers = (int*)input.Customers;
            int* days = (int*)input.Days;
            for (int i = from; i < to; i++)
            {
                if (days[i] <= input.Through)
                {
                    int c = customers[i];
                    if ((uint)c >= (uint)customerCount)
                    {
                        throw new ArgumentOutOfRangeException(nameof(customers), c, FormattableString.Invariant($"Customer index at row {i} is outside the destination."));
                    }

                    counts[c & (radix - 1)]++;
                }
            }
        }

        private static unsafe void ScatterInput(Input input, int from, int to, int radix, Span<int> next, Row[] target)
        {
            int* customers = (int*)input.Customers;
            int* days = (int*)input.Days;
            long* units = (long*)input.Units;
            for (int i = from; i < to; i++)
            {
                int day = days[i];
                if (day <= input.Through)
                {
                    int c = customers[i];
                    ref Row row = ref target[next[c & (radix - 1)]++];
                    row.Customer = c;
                    row.Day = day;
                    row.Units = units[i];
                }
            }
        }

        private static void CountRows(Row[] source, int from, int to, int shift, int radix, Span<int> counts)
        {
            for (int i = from; i < to; i++)
            {
                counts[(source[i].Customer >> shift) & (radix - 1)]++;
            }
        }

        private static void ScatterRows(Row[] source, int from, int to, int shift, int radix, Span<int> next, Row[] target)
        {
            for (int i = from; i < to; i++)
            {
                Row row = source[i];
                target[next[(row.Customer >> shift) & (radix - 1)]++] = row;
            }
        }

        /// <summary>
        /// Turns the workers' bucket counts (worker-major) into their start offsets: bucket by bucket, each worker
        /// after the ones before it. Returns the total.
        /// </summary>
        private static int ToWorkerStarts(int[] counts, int workers, int radix)
        {
            int sum = 0;
            for (int d = 0; d < radix; d++)
            {
                for (int w = 0; w < workers; w++)
                {
                    ref int slot = ref counts[(w * radix) + d];
                    int count = slot;
                    slot = sum;
                    sum += count;
                }
            }

            return sum;
        }

        /// <summary>Worker boundaries in rows sorted by customer, moved forward to the next change of customer.</summary>
        private static int[] CustomerBoundaries(Row[] rows, int count, int workers)
        {
            var bounds = new int[workers + 1];
            bounds[workers] = count;
            for (int w = 1; w < workers; w++)
            {
                int at = Math.Max(bounds[w - 1], ParallelWork.Start(count, w, workers));
                while (at > 0 && at < count && rows[at].Customer == rows[at - 1].Customer)
                {
                    at++;
                }

                bounds[w] = at;
            }

            return bounds;
        }

        /// <summary>Accumulates rows [from, end), sorted by customer (each customer's rows in input order).</summary>
        private static void AccumulateSortedRows(Row[] rows, int from, int end, Span<UnitAccumulator> acc)
        {
            int[] scratch = [];
            while (from < end)
            {
                int c = rows[from].Customer;
                int to = from + 1;
                while (to < end && rows[to].Customer == c)
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

        /// <summary>The input columns as addresses (the workers cannot capture spans), and the cut-off.</summary>
        private readonly record struct Input(nint Customers, nint Days, nint Units, int Through);

        /// <summary>One kept row: its customer, day and amount in units (16 bytes).</summary>
        private struct Row
        {
            public long Units;
            public int Day;
            public int Customer;
        }
    }
}
