using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;

namespace CustomerRetention;

public static partial class PurchaseAggregator
{
    /// <summary>
    /// The pass over scaled-integer amounts for rows that come in date order per customer (grouped by
    /// customer, or a log in date order). Each run of rows of one customer is summed in registers; a
    /// customer's first run writes its final summary straight into the destination (no clearing pass, no
    /// conversion pass), and a customer met again is merged in integer form and converted once at the end.
    /// Two bitmaps (one bit per customer, small enough for the cache) say which slots are written and which
    /// hold the integer form.
    /// </summary>
    /// <remarks>
    /// Large inputs are cut into one chunk of rows per core, at customer boundaries. When the chunks'
    /// customer-index ranges are disjoint and ascending (grouped input, or any input whose indices follow
    /// first appearance, as <see cref="TransactionTable"/> numbers them), no customer is in two chunks and the
    /// chunks run in parallel, each owning its slots of the destination; the result is the sequential one.
    /// Otherwise one pass runs.
    /// </remarks>
    private static class InOrderRuns
    {
        private const int ParallelMinRows = 1 << 18;
        private const int MaxWorkers = 8;

        /// <summary>Accumulates all rows, or returns false (destination in an undefined state) at the first row out of date order.</summary>
        public static unsafe bool TryAccumulate(ReadOnlySpan<int> customers, ReadOnlySpan<int> days, ReadOnlySpan<long> units, int scale, int through, Span<PurchaseSummary> destination)
        {
            int workers = ParallelWork.Workers(MaxWorkers);
            int n = customers.Length;
            Chunk[] chunks = n >= ParallelMinRows && workers > 1 ? Split(customers, workers, destination.Length) : [];
            if (chunks.Length < 2)
            {
                return Run(new Chunk(0, n, 0, destination.Length), customers, days, units, scale, through, destination);
            }

            bool ok = true;
            fixed (int* pc = customers, pd = days)
            fixed (long* pu = units)
            fixed (PurchaseSummary* ps = destination)
            {
                nint ic = (nint)pc, id = (nint)pd, iu = (nint)pu, iS = (nint)ps;
                int count = destination.Length;
                ParallelWork.Run(chunks.Length, k =>
                {
                    if (!Run(chunks[k], new ReadOnlySpan<int>((int*)ic, n), new ReadOnlySpan<int>((int*)id, n), new ReadOnlySpan<long>((long*)iu, n), scale, through, new Span<PurchaseSummary>((PurchaseSummary*)iS, count)))
                    {
                        Volatile.Write(ref ok, false);
                    }
                });
            }

            return ok;
        }

        /// <summary>
        /// Cuts the rows into chunks at customer boundaries and checks that their customer ranges are disjoint
        /// and ascending; returns no chunks when they are not.
        /// </summary>
        private static unsafe Chunk[] Split(ReadOnlySpan<int> customers, int workers, int customerCount)
        {
            int n = customers.Length;
            var rowStarts = new int[workers + 1];
            rowStarts[workers] = n;
            for (int k = 1; k < workers; k++)
            {
                int start = Math.Max(rowStarts[k - 1], ParallelWork.Start(n, k, workers));
                while (start > 0 && start < n && customers[start] == customers[start - 1])
                {
                    start++;
                }

                rowStarts[k] = start;
            }

            var min = new int[workers];
            var max = new int[workers];
            fixed (int* pc = customers)
            {
                nint ic = (nint)pc;
                ParallelWork.Run(workers, k =>
                {
                    var rows = new ReadOnlySpan<int>((int*)ic + rowStarts[k], rowStarts[k + 1] - rowStarts[k]);
                    (min[k], max[k]) = MinMax(rows);
                });
            }

            var chunks = new List<Chunk>(workers);
            int previousMax = -1;
            for (int k = 0; k < workers; k++)
            {
                if (rowStarts[k + 1] == rowStarts[k])
                {
                    continue;
                }

                if (min[k] <= previousMax)
                {
                    return [];
                }

                // Each chunk owns the slots from its lowest customer up to the next chunk's lowest (the first
                // chunk from 0, the last to the end), so that every slot is finished exactly once.
                int ownedFrom = chunks.Count == 0 ? 0 : min[k];
                if (chunks.Count > 0)
                {
                    Chunk before = chunks[chunks.Count - 1];
                    chunks[chunks.Count - 1] = new Chunk(before.RowStart, before.RowEnd, before.CustomerFrom, min[k]);
                }

                chunks.Add(new Chunk(rowStarts[k], rowStarts[k + 1], ownedFrom, customerCount));
                previousMax = max[k];
            }

            return [.. chunks];
        }

        private static (int Min, int Max) MinMax(ReadOnlySpan<int> values)
        {
            int min = int.MaxValue;
            int max = int.MinValue;
            int i = 0;
            if (Vector.IsHardwareAccelerated && values.Length >= 2 * Vector<int>.Count)
            {
                ReadOnlySpan<Vector<int>> vectors = MemoryMarshal.Cast<int, Vector<int>>(values);
                var vmin = new Vector<int>(int.MaxValue);
                var vmax = new Vector<int>(int.MinValue);
                foreach (Vector<int> v in vectors)
                {
                    vmin = Vector.Min(vmin, v);
                    vmax = Vector.Max(vmax, v);
                }

                for (int lane = 0; lane < Vector<int>.Count; lane++)
                {
                    min = Math.Min(min, vmin[lane]);
                    max = Math.Max(max, vmax[lane]);
                }

                i = vectors.Length * Vector<int>.Count;
            }

            for (; i < values.Length; i++)
            {
                min = Math.Min(min, values[i]);
                max = Math.Max(max, values[i]);
            }

            return (min, max);
        }

        /// <summary>Accumulates one chunk's rows and finishes the destination slots it owns.</summary>
        private static bool Run(Chunk chunk, ReadOnlySpan<int> customers, ReadOnlySpan<int> days, ReadOnlySpan<long> units, int scale, int through, Span<PurchaseSummary> destination)
        {
            int baseWord = chunk.CustomerFrom >> 6;
            int words = ((chunk.CustomerTo + 63) >> 6) - baseWord;
            ulong[] written = ArrayPool<ulong>.Shared.Rent(words);
            ulong[] inUnits = ArrayPool<ulong>.Shared.Rent(words);
            try
            {
                Array.Clear(written, 0, words);
                Array.Clear(inUnits, 0, words);
                var rows = new Bitmaps(written, inUnits, baseWord);
                if (!Accumulate(customers.Slice(chunk.RowStart, chunk.RowEnd - chunk.RowStart), days.Slice(chunk.RowStart, chunk.RowEnd - chunk.RowStart), units.Slice(chunk.RowStart, chunk.RowEnd - chunk.RowStart), chunk.RowStart, scale, through, destination, rows))
                {
                    return false;
                }

                Finish(destination, chunk.CustomerFrom, chunk.CustomerTo, rows, scale);
                return true;
            }
            finally
            {
                ArrayPool<ulong>.Shared.Return(written);
                ArrayPool<ulong>.Shared.Return(inUnits);
            }
        }

        private static bool Accumulate(ReadOnlySpan<int> customers, ReadOnlySpan<int> days, ReadOnlySpan<long> units, int firstRow, int scale, int through, Span<PurchaseSummary> destination, Bitmaps bitmaps)
        {
            Span<Accumulator> result = MemoryMarshal.Cast<PurchaseSummary, Accumulator>(destination);
            Span<UnitAccumulator> acc = MemoryMarshal.Cast<PurchaseSummary, UnitAccumulator>(destination);
            ulong[] written = bitmaps.Written;
            ulong[] inUnits = bitmaps.InUnits;
            int baseWord = bitmaps.BaseWord;
            int n = customers.Length;
            days = days.Slice(0, n);
            units = units.Slice(0, n);
            int customerCount = destination.Length;
            int i = 0;
            while (i < n)
            {
                int c = customers[i];
                if ((uint)c >= (uint)customerCount)
                {
                    throw new ArgumentOutOfRangeException(nameof(customers), c, FormattableString.Invariant($"Customer index at row {firstRow + i} is outside the destination."));
                }

                // The run's own summary, in registers; its first row on or before the cut-off starts it.
                while (days[i] > through && ++i < n && customers[i] == c)
                {
                }

                if (i == n || customers[i] != c)
                {
                    continue;
                }

                int first = days[i];
                int last = first;
                int purchaseDays = 1;
                long total = units[i];
                long firstAmount = total;
                long kept = 1;
                while (++i < n && customers[i] == c)
                {
                    int day = days[i];
                    if (day > through)
                    {
                        continue;
                    }

                    if (day < last)
                    {
                        return false;
                    }

                    long amount = units[i];
                    total = checked(total + amount);
                    kept++;
                    if (day != last)
                    {
                        purchaseDays++;
                        last = day;
                    }
                    else if (day == first)
                    {
                        firstAmount = checked(firstAmount + amount);
                    }
                }

                int word = (c >> 6) - baseWord;
                ulong bit = 1UL << c;
                if ((written[word] & bit) == 0)
                {
                    written[word] |= bit;
                    ref Accumulator r = ref result[c];
                    r.TotalAmount = AmountUnits.ToDecimal(total, scale);
                    r.FirstDayAmount = AmountUnits.ToDecimal(firstAmount, scale);
                    r.Transactions = kept;
                    r.FirstDay = first;
                    r.LastDay = last;
                    r.PurchaseDays = purchaseDays;
                    continue;
                }

                // The customer was met before: merge this later run into the integer form.
                ref UnitAccumulator s = ref acc[c];
                if ((inUnits[word] & bit) == 0)
                {
                    inUnits[word] |= bit;
                    DecimalsToUnits(ref result[c], ref s, scale);
                }

                if (first < s.LastDay)
                {
                    return false;
                }

                if (first == s.LastDay)
                {
                    purchaseDays--;
                    if (first == s.FirstDay)
                    {
                        s.FirstDayUnits = checked(s.FirstDayUnits + firstAmount);
                    }
                }

                s.Transactions += kept;
                s.PurchaseDays += purchaseDays;
                s.LastDay = last;
                s.TotalUnits = checked(s.TotalUnits + total);
            }

            return true;
        }

        /// <summary>Converts the owned slots left in integer form and clears those of customers without a purchase.</summary>
        private static void Finish(Span<PurchaseSummary> destination, int from, int to, Bitmaps bitmaps, int scale)
        {
            Span<Accumulator> result = MemoryMarshal.Cast<PurchaseSummary, Accumulator>(destination);
            Span<UnitAccumulator> acc = MemoryMarshal.Cast<PurchaseSummary, UnitAccumulator>(destination);
            int c = from;
            while (c < to)
            {
                int word = (c >> 6) - bitmaps.BaseWord;
                int wordEnd = Math.Min(((c >> 6) + 1) << 6, to);
                ulong written = bitmaps.Written[word];
                ulong inUnits = bitmaps.InUnits[word];
                if (written == ulong.MaxValue && inUnits == 0)
                {
                    c = wordEnd;
                    continue;
                }

                for (; c < wordEnd; c++)
                {
                    ulong bit = 1UL << c;
                    if ((written & bit) == 0)
                    {
                        destination[c] = default;
                    }
                    else if ((inUnits & bit) != 0)
                    {
                        UnitsToDecimals(ref acc[c], ref result[c], scale);
                    }
                }
            }
        }

        /// <summary>Rows [RowStart, RowEnd) and the destination slots [CustomerFrom, CustomerTo) the chunk finishes.</summary>
        private readonly record struct Chunk(int RowStart, int RowEnd, int CustomerFrom, int CustomerTo);

        /// <summary>One bit per customer from word <see cref="BaseWord"/> on: slot written, slot in integer form.</summary>
        private readonly record struct Bitmaps(ulong[] Written, ulong[] InUnits, int BaseWord);
    }
}
