using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
#if NET8_0_OR_GREATER
using System.Runtime.Intrinsics;
#endif

namespace CustomerRetention.Rfm;

/// <summary>
/// The binning engine over spans. Every dimension is handled on its goodness scale
/// (−recency, frequency, monetary): a score is 1 + the number of goodness thresholds strictly below
/// the customer's goodness value.
/// </summary>
internal static class Binner
{
    /// <summary>
    /// Quantile (type 7) cut points of one dimension. Returns the goodness thresholds that score the
    /// customers exactly: for the i-th cut point, the order statistic x⌊h⌋ (h = (n − 1)·i/k). For a
    /// value v of the data, v &gt; q ⇔ v &gt; x⌊h⌋, because no value lies strictly between x⌊h⌋ and
    /// x⌊h⌋₊₁, so scoring never depends on the rounding of the interpolation.
    /// </summary>
    public static double[] QuantileThresholds(ReadOnlySpan<double> values, bool lowerIsBetter, int k, string paramName, out double[] cutPoints)
    {
        int n = values.Length;
        if (n == 0)
        {
            cutPoints = [];
            return [];
        }

        // The goodness order statistics needed: x⌊h⌋ and, when h is not whole, x⌊h⌋₊₁.
        Span<int> ranks = stackalloc int[2 * (RfmBinning.MaxBins - 1)];
        int count = 0;
        for (int i = 1; i < k; i++)
        {
            long h = (long)(n - 1) * i;
            int lo = (int)(h / k);
            AddRank(ranks, ref count, lo);
            if (h % k != 0)
            {
                AddRank(ranks, ref count, lo + 1);
            }
        }

        ranks = ranks.Slice(0, count);

        // Goodness rank j of −x is rank n − 1 − j of x: select on the column as it is, no copy.
        Span<int> columnRanks = stackalloc int[count];
        for (int j = 0; j < count; j++)
        {
            columnRanks[j] = lowerIsBetter ? n - 1 - ranks[count - 1 - j] : ranks[j];
        }

        Span<double> found = stackalloc double[count];
        OrderStatistics.Find(values, columnRanks, found, paramName);
        Span<double> goodness = stackalloc double[count];
        for (int j = 0; j < count; j++)
        {
            goodness[j] = lowerIsBetter ? -found[count - 1 - j] : found[j];
        }

        var thresholds = new double[k - 1];
        var cuts = new double[k - 1];
        for (int i = 1; i < k; i++)
        {
            long h = (long)(n - 1) * i;
            int lo = (int)(h / k);
            int rem = (int)(h % k);
            double x = goodness[ranks.IndexOf(lo)];
            double q = rem == 0 ? x : x + ((double)rem / k * (goodness[ranks.IndexOf(lo + 1)] - x));
            thresholds[i - 1] = x;
            cuts[i - 1] = q;
        }

        cutPoints = ToOriginalScale(cuts, lowerIsBetter);
        return thresholds;
    }

    /// <summary>The goodness thresholds of user-given cut points (ascending on the original scale).</summary>
    public static double[] FixedThresholds(IReadOnlyList<double> cuts, bool lowerIsBetter, out double[] cutPoints)
    {
        int m = cuts.Count;
        cutPoints = new double[m];
        var thresholds = new double[m];
        for (int i = 0; i < m; i++)
        {
            cutPoints[i] = cuts[i];
            thresholds[lowerIsBetter ? m - 1 - i : i] = lowerIsBetter ? -cuts[i] : cuts[i];
        }

        return thresholds;
    }

    /// <summary>
    /// Scores all customers on three dimensions against goodness thresholds and counts the customers
    /// per (R, F, M) cell (index ((R − 1)·k + F − 1)·k + M − 1). One pass, no allocation.
    /// </summary>
    public static void ScoreAll(
        ReadOnlySpan<double> recencyDays,
        ReadOnlySpan<double> frequency,
        ReadOnlySpan<double> monetary,
        ReadOnlySpan<double> tr,
        ReadOnlySpan<double> tf,
        ReadOnlySpan<double> tm,
        Span<RfmScore> scores,
        Span<int> cells)
    {
        int n = recencyDays.Length;
        int k = tr.Length + 1;
        if (k == 5)
        {
            ScoreQuintiles(recencyDays, frequency, monetary, tr, tf, tm, scores, cells);
            return;
        }

        for (int i = 0; i < n; i++)
        {
            double g = -recencyDays[i];
            int r = 0;
            for (int j = 0; j < tr.Length; j++)
            {
                r += g > tr[j] ? 1 : 0;
            }

            double fv = frequency[i];
            int f = 0;
            for (int j = 0; j < tf.Length; j++)
            {
                f += fv > tf[j] ? 1 : 0;
            }

            double mv = monetary[i];
            int m = 0;
            for (int j = 0; j < tm.Length; j++)
            {
                m += mv > tm[j] ? 1 : 0;
            }

            cells[(((r * k) + f) * k) + m]++;
            scores[i] = RfmScore.Unchecked(r + 1, f + 1, m + 1);
        }
    }

    /// <summary>The k = 5 case unrolled: the default, and the one a CRM rescoring a million customers runs.</summary>
    private static void ScoreQuintiles(
        ReadOnlySpan<double> recencyDays,
        ReadOnlySpan<double> frequency,
        ReadOnlySpan<double> monetary,
        ReadOnlySpan<double> tr,
        ReadOnlySpan<double> tf,
        ReadOnlySpan<double> tm,
        Span<RfmScore> scores,
        Span<int> cells)
    {
        double r0 = tr[0], r1 = tr[1], r2 = tr[2], r3 = tr[3];
        double f0 = tf[0], f1 = tf[1], f2 = tf[2], f3 = tf[3];
        double m0 = tm[0], m1 = tm[1], m2 = tm[2], m3 = tm[3];
        int n = recencyDays.Length;
        frequency = frequency.Slice(0, n);
        monetary = monetary.Slice(0, n);
        scores = scores.Slice(0, n);
        cells = cells.Slice(0, 125);

        // Four interleaved cell histograms (see OrderStatistics.Counting), summed at the end.
        Span<int> sub = stackalloc int[4 * 128];
        sub.Clear();
        Span<RfmScore> table = stackalloc RfmScore[125];
        for (int c = 0; c < 125; c++)
        {
            table[c] = RfmScore.Unchecked((c / 25) + 1, ((c / 5) % 5) + 1, (c % 5) + 1);
        }

        int i = 0;
#if NET8_0_OR_GREATER
        if (Vector256.IsHardwareAccelerated && n >= 4)
        {
            Vector256<double> vr0 = Vector256.Create(r0), vr1 = Vector256.Create(r1), vr2 = Vector256.Create(r2), vr3 = Vector256.Create(r3);
            Vector256<double> vf0 = Vector256.Create(f0), vf1 = Vector256.Create(f1), vf2 = Vector256.Create(f2), vf3 = Vector256.Create(f3);
            Vector256<double> vm0 = Vector256.Create(m0), vm1 = Vector256.Create(m1), vm2 = Vector256.Create(m2), vm3 = Vector256.Create(m3);
            ref double pr = ref MemoryMarshal.GetReference(recencyDays);
            ref double pf = ref MemoryMarshal.GetReference(frequency);
            ref double pm = ref MemoryMarshal.GetReference(monetary);
            ref int pc = ref MemoryMarshal.GetReference(sub);
            ref RfmScore pt = ref MemoryMarshal.GetReference(table);
            ref RfmScore ps = ref MemoryMarshal.GetReference(scores);
            for (; i <= n - 4; i += 4)
            {
                // Each comparison is −1 (true) or 0 per lane; the sums are minus the counts.
                Vector256<double> g = -Vector256.LoadUnsafe(ref pr, (nuint)i);
                Vector256<long> r = Vector256.GreaterThan(g, vr0).AsInt64() + Vector256.GreaterThan(g, vr1).AsInt64()
                    + Vector256.GreaterThan(g, vr2).AsInt64() + Vector256.GreaterThan(g, vr3).AsInt64();
                Vector256<double> fv = Vector256.LoadUnsafe(ref pf, (nuint)i);
                Vector256<long> f = Vector256.GreaterThan(fv, vf0).AsInt64() + Vector256.GreaterThan(fv, vf1).AsInt64()
                    + Vector256.GreaterThan(fv, vf2).AsInt64() + Vector256.GreaterThan(fv, vf3).AsInt64();
                Vector256<double> mv = Vector256.LoadUnsafe(ref pm, (nuint)i);
                Vector256<long> m = Vector256.GreaterThan(mv, vm0).AsInt64() + Vector256.GreaterThan(mv, vm1).AsInt64()
                    + Vector256.GreaterThan(mv, vm2).AsInt64() + Vector256.GreaterThan(mv, vm3).AsInt64();

                // cell = 25·r + 5·f + m, negated.
                Vector256<long> negCell = (r << 4) + (r << 3) + r + (f << 2) + f + m;
                int c0 = -(int)negCell.GetElement(0);
                int c1 = -(int)negCell.GetElement(1);
                int c2 = -(int)negCell.GetElement(2);
                int c3 = -(int)negCell.GetElement(3);
                Unsafe.Add(ref pc, c0)++;
                Unsafe.Add(ref pc, 128 + c1)++;
                Unsafe.Add(ref pc, 256 + c2)++;
                Unsafe.Add(ref pc, 384 + c3)++;
                Unsafe.Add(ref ps, i) = Unsafe.Add(ref pt, c0);
                Unsafe.Add(ref ps, i + 1) = Unsafe.Add(ref pt, c1);
                Unsafe.Add(ref ps, i + 2) = Unsafe.Add(ref pt, c2);
                Unsafe.Add(ref ps, i + 3) = Unsafe.Add(ref pt, c3);
            }
        }
#endif

        for (; i < n; i++)
        {
            double g = -recencyDays[i];
            int r = (g > r0 ? 1 : 0) + (g > r1 ? 1 : 0) + (g > r2 ? 1 : 0) + (g > r3 ? 1 : 0);
            double fv = frequency[i];
            int f = (fv > f0 ? 1 : 0) + (fv > f1 ? 1 : 0) + (fv > f2 ? 1 : 0) + (fv > f3 ? 1 : 0);
            double mv = monetary[i];
            int m = (mv > m0 ? 1 : 0) + (mv > m1 ? 1 : 0) + (mv > m2 ? 1 : 0) + (mv > m3 ? 1 : 0);
            int c = (r * 25) + (f * 5) + m;
            sub[c]++;
            scores[i] = table[c];
        }

        for (int c = 0; c < 125; c++)
        {
            cells[c] += sub[c] + sub[128 + c] + sub[256 + c] + sub[384 + c];
        }
    }

    /// <summary>Per-dimension counts (k each) from the k³ cell counts.</summary>
    public static void CountsFromCells(ReadOnlySpan<int> cells, int k, int[] countsR, int[] countsF, int[] countsM)
    {
        for (int r = 0; r < k; r++)
        {
            for (int f = 0; f < k; f++)
            {
                for (int m = 0; m < k; m++)
                {
                    int c = cells[(((r * k) + f) * k) + m];
                    countsR[r] += c;
                    countsF[f] += c;
                    countsM[m] += c;
                }
            }
        }
    }

    /// <summary>
    /// NTILE(k) of one dimension: customers ordered by goodness, then by position, dealt into k bins
    /// whose sizes differ by at most one (the first n mod k bins get one more). Writes the scores and
    /// returns the cut points (the largest goodness of each of the first k − 1 bins, on the original scale).
    /// </summary>
    public static double[] Ntile(ReadOnlySpan<double> values, bool lowerIsBetter, int k, Span<byte> scores, string paramName)
    {
        int n = values.Length;
        if (n == 0)
        {
            return [];
        }

        double[] keys = ArrayPool<double>.Shared.Rent(n);
        int[] order = ArrayPool<int>.Shared.Rent(n);
        try
        {
            CopyGoodness(values, lowerIsBetter, keys, paramName);
            for (int i = 0; i < n; i++)
            {
                order[i] = i;
            }

            Array.Sort(keys, order, 0, n);

            // Array.Sort is not stable: order each run of equal values by position.
            for (int start = 0; start < n;)
            {
                int end = start + 1;
                while (end < n && keys[end] == keys[start])
                {
                    end++;
                }

                if (end - start > 1)
                {
                    Array.Sort(order, start, end - start);
                }

                start = end;
            }

            int q = n / k;
            int r = n % k;
            int big = r * (q + 1);
            for (int p = 0; p < n; p++)
            {
                int bin = p < big ? p / (q + 1) : r + ((p - big) / q);
                scores[order[p]] = (byte)(bin + 1);
            }

            var cuts = new double[k - 1];
            for (int b = 1; b < k; b++)
            {
                int end = b <= r ? b * (q + 1) : big + ((b - r) * q);
                cuts[b - 1] = keys[Math.Min(Math.Max(end - 1, 0), n - 1)];
            }

            return ToOriginalScale(cuts, lowerIsBetter);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(order);
        }
    }

    private static void CopyGoodness(ReadOnlySpan<double> values, bool lowerIsBetter, Span<double> destination, string paramName)
    {
        bool finite = true;
        if (lowerIsBetter)
        {
            for (int i = 0; i < values.Length; i++)
            {
                double v = values[i];
                finite &= v - v == 0;
                destination[i] = -v;
            }
        }
        else
        {
            for (int i = 0; i < values.Length; i++)
            {
                double v = values[i];
                finite &= v - v == 0;
                destination[i] = v;
            }
        }

        if (!finite)
        {
            RejectNonFinite(values, paramName);
        }
    }

    public static void RejectNonFinite(ReadOnlySpan<double> values, string paramName)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]) || double.IsInfinity(values[i]))
            {
                throw new ArgumentOutOfRangeException(paramName, values[i], FormattableString.Invariant($"Element {i} must be a finite number."));
            }
        }
    }

    private static double[] ToOriginalScale(double[] goodnessCuts, bool lowerIsBetter)
    {
        if (!lowerIsBetter)
        {
            return goodnessCuts;
        }

        int m = goodnessCuts.Length;
        var cuts = new double[m];
        for (int i = 0; i < m; i++)
        {
            // + 0.0 turns a negated zero into 0, so that "-0" is never printed.
            cuts[m - 1 - i] = -goodnessCuts[i] + 0.0;
        }

        return cuts;
    }

    private static void AddRank(Span<int> ranks, ref int count, int rank)
    {
        if (count == 0 || ranks[count - 1] < rank)
        {
            ranks[count++] = rank;
        }
    }
}
