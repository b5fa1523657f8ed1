using System.Buffers;

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
    public static double[] QuantileThresholds(ReadOnlySpan<double> values, bool lowerIsBetter, int k, Span<double> scratch, string paramName, out double[] cutPoints)
    {
        int n = values.Length;
        if (n == 0)
        {
            cutPoints = [];
            return [];
        }

        CopyGoodness(values, lowerIsBetter, scratch, paramName);
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

        Selection.SelectRanks(scratch.Slice(0, n), ranks.Slice(0, count));
        var thresholds = new double[k - 1];
        var cuts = new double[k - 1];
        for (int i = 1; i < k; i++)
        {
            long h = (long)(n - 1) * i;
            int lo = (int)(h / k);
            int rem = (int)(h % k);
            double x = scratch[lo];
            double q = rem == 0 ? x : x + ((double)rem / k * (scratch[lo + 1] - x));
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
    /// Scores all customers on three dimensions against goodness thresholds, counting the customers
    /// per score. One pass, no allocation.
    /// </summary>
    public static void ScoreAll(
        ReadOnlySpan<double> recencyDays,
        ReadOnlySpan<double> frequency,
        ReadOnlySpan<double> monetary,
        ReadOnlySpan<double> tr,
        ReadOnlySpan<double> tf,
        ReadOnlySpan<double> tm,
        Span<RfmScore> scores,
        Span<int> countsR,
        Span<int> countsF,
        Span<int> countsM)
    {
        int n = recencyDays.Length;
        if (tr.Length == 4 && tf.Length == 4 && tm.Length == 4)
        {
            ScoreQuintiles(recencyDays, frequency, monetary, tr, tf, tm, scores, countsR, countsF, countsM);
            return;
        }

        for (int i = 0; i < n; i++)
        {
            double g = -recencyDays[i];
            int r = 1;
            for (int j = 0; j < tr.Length; j++)
            {
                r += g > tr[j] ? 1 : 0;
            }

            double fv = frequency[i];
            int f = 1;
            for (int j = 0; j < tf.Length; j++)
            {
                f += fv > tf[j] ? 1 : 0;
            }

            double mv = monetary[i];
            int m = 1;
            for (int j = 0; j < tm.Length; j++)
            {
                m += mv > tm[j] ? 1 : 0;
            }

            countsR[r - 1]++;
            countsF[f - 1]++;
            countsM[m - 1]++;
            scores[i] = RfmScore.Unchecked(r, f, m);
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
        Span<int> countsR,
        Span<int> countsF,
        Span<int> countsM)
    {
        double r0 = tr[0], r1 = tr[1], r2 = tr[2], r3 = tr[3];
        double f0 = tf[0], f1 = tf[1], f2 = tf[2], f3 = tf[3];
        double m0 = tm[0], m1 = tm[1], m2 = tm[2], m3 = tm[3];
        int n = recencyDays.Length;
        frequency = frequency.Slice(0, n);
        monetary = monetary.Slice(0, n);
        scores = scores.Slice(0, n);
        for (int i = 0; i < n; i++)
        {
            double g = -recencyDays[i];
            int r = 1 + (g > r0 ? 1 : 0) + (g > r1 ? 1 : 0) + (g > r2 ? 1 : 0) + (g > r3 ? 1 : 0);
            double fv = frequency[i];
            int f = 1 + (fv > f0 ? 1 : 0) + (fv > f1 ? 1 : 0) + (fv > f2 ? 1 : 0) + (fv > f3 ? 1 : 0);
            double mv = monetary[i];
            int m = 1 + (mv > m0 ? 1 : 0) + (mv > m1 ? 1 : 0) + (mv > m2 ? 1 : 0) + (mv > m3 ? 1 : 0);
            countsR[r - 1]++;
            countsF[f - 1]++;
            countsM[m - 1]++;
            scores[i] = RfmScore.Unchecked(r, f, m);
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
