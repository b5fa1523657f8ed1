namespace CustomerRetention.Rfm;

/// <summary>
/// Finds several order statistics of an array at once without sorting it: a multi-quickselect with
/// three-way partitioning (so that heavy ties, such as most customers having bought once, cost one
/// pass instead of a quadratic descent). After the call, <c>a[rank]</c> holds the value a full sort
/// would put there, for every requested rank.
/// </summary>
internal static class Selection
{
    private const int SmallRange = 24;

    /// <summary>Puts the order statistics of <paramref name="ranks"/> (ascending, distinct) in place.</summary>
    public static void SelectRanks(Span<double> a, ReadOnlySpan<int> ranks)
    {
        if (a.Length == 0 || ranks.Length == 0)
        {
            return;
        }

        Select(a, 0, a.Length - 1, ranks);
    }

    private static void Select(Span<double> a, int lo, int hi, ReadOnlySpan<int> ranks)
    {
        while (ranks.Length > 0)
        {
            if (hi - lo < SmallRange)
            {
                InsertionSort(a, lo, hi);
                return;
            }

            double pivot = MedianOfThree(a[lo], a[lo + ((hi - lo) >> 1)], a[hi]);
            int lt = lo;
            int i = lo;
            int gt = hi;
            while (i <= gt)
            {
                double v = a[i];
                if (v < pivot)
                {
                    a[i] = a[lt];
                    a[lt] = v;
                    lt++;
                    i++;
                }
                else if (v > pivot)
                {
                    a[i] = a[gt];
                    a[gt] = v;
                    gt--;
                }
                else
                {
                    i++;
                }
            }

            // a[lo..lt-1] < pivot, a[lt..gt] == pivot, a[gt+1..hi] > pivot.
            int left = 0;
            while (left < ranks.Length && ranks[left] < lt)
            {
                left++;
            }

            int right = left;
            while (right < ranks.Length && ranks[right] <= gt)
            {
                right++;
            }

            ReadOnlySpan<int> leftRanks = ranks.Slice(0, left);
            ReadOnlySpan<int> rightRanks = ranks.Slice(right);
            if (leftRanks.Length > 0 && rightRanks.Length > 0)
            {
                // Recurse into the smaller side, loop on the larger one.
                if (lt - lo < hi - gt)
                {
                    Select(a, lo, lt - 1, leftRanks);
                    lo = gt + 1;
                    ranks = rightRanks;
                }
                else
                {
                    Select(a, gt + 1, hi, rightRanks);
                    hi = lt - 1;
                    ranks = leftRanks;
                }
            }
            else if (leftRanks.Length > 0)
            {
                hi = lt - 1;
                ranks = leftRanks;
            }
            else
            {
                lo = gt + 1;
                ranks = rightRanks;
            }
        }
    }

    private static double MedianOfThree(double x, double y, double z)
    {
        if (x > y)
        {
            (x, y) = (y, x);
        }

        if (y > z)
        {
            y = z;
        }

        return x > y ? x : y;
    }

    private static void InsertionSort(Span<double> a, int lo, int hi)
    {
        for (int i = lo + 1; i <= hi; i++)
        {
            double v = a[i];
            int j = i - 1;
            while (j >= lo && a[j] > v)
            {
                a[j + 1] = a[j];
                j--;
            }

            a[j + 1] = v;
        }
    }
}
