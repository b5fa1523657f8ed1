namespace CustomerRetention.Probabilistic;

/// <summary>
/// One frequency bucket of a calibration/holdout comparison: the customers with a given number of calibration
/// repeat purchases (the last bucket collects "and more"), and their mean actual and expected holdout purchases.
/// </summary>
/// <param name="Frequency">The calibration frequency x of the bucket (the last bucket: x ≥ this value).</param>
/// <param name="Customers">The number of customers (sum of weights) in the bucket.</param>
/// <param name="Actual">Their mean actual number of purchases in the holdout.</param>
/// <param name="Expected">Their mean expected number of purchases in the holdout.</param>
public readonly record struct HoldoutBucket(int Frequency, double Customers, double Actual, double Expected);

/// <summary>
/// Calibration/holdout validation (FHL 2005, figure 4 and 5): expected versus actual repeat purchases in the
/// holdout period by calibration frequency, and the cumulative tracking series over calendar time. Thread-safe.
/// </summary>
public static class HoldoutValidation
{
    /// <summary>Expected vs actual holdout purchases per calibration frequency under BG/NBD.</summary>
    /// <param name="parameters">The fitted model.</param>
    /// <param name="calibration">The calibration histories (x, t_x, T) with weights.</param>
    /// <param name="holdoutLength">Length of the holdout period. Range: &gt; 0.</param>
    /// <param name="actual">Actual holdout purchases per calibration row (per customer of the row, i.e. a mean).</param>
    /// <param name="maxFrequency">Frequencies from this value up share the last bucket. Range: ≥ 0.</param>
    /// <returns>Buckets 0..maxFrequency (empty buckets omitted).</returns>
    public static IReadOnlyList<HoldoutBucket> ByFrequency(BetaGeoParameters parameters, PurchaseHistories calibration, double holdoutLength, ReadOnlySpan<double> actual, int maxFrequency)
    {
        Guard.NotNull(calibration);
        BetaGeoParameters p = parameters.Checked(nameof(parameters));
        return Buckets((x, tx, t) => BetaGeoFamily.ConditionalExpected(p.R, p.Alpha, p.A, p.B, 0, holdoutLength, x, tx, t), calibration, holdoutLength, actual, maxFrequency);
    }

    /// <summary>Expected vs actual holdout purchases per calibration frequency under Pareto/NBD.</summary>
    /// <param name="parameters">The fitted model.</param>
    /// <param name="calibration">The calibration histories with weights.</param>
    /// <param name="holdoutLength">Length of the holdout period. Range: &gt; 0.</param>
    /// <param name="actual">Actual holdout purchases per calibration row.</param>
    /// <param name="maxFrequency">Frequencies from this value up share the last bucket. Range: ≥ 0.</param>
    /// <returns>Buckets 0..maxFrequency (empty buckets omitted).</returns>
    public static IReadOnlyList<HoldoutBucket> ByFrequency(ParetoNbdParameters parameters, PurchaseHistories calibration, double holdoutLength, ReadOnlySpan<double> actual, int maxFrequency)
    {
        Guard.NotNull(calibration);
        ParetoNbdParameters p = parameters.Checked(nameof(parameters));
        return Buckets((x, tx, t) => ParetoNbd.Conditional(p, holdoutLength, x, tx, t), calibration, holdoutLength, actual, maxFrequency);
    }

    /// <summary>
    /// The cumulative expected repeat purchases of a customer base over calendar time under BG/NBD:
    /// S(c) = Σᵢ wᵢ E[X(c − fᵢ)] for c ≥ fᵢ, where fᵢ is customer i's first-purchase time (FHL 2005, figure 5).
    /// </summary>
    /// <param name="parameters">The fitted model.</param>
    /// <param name="firstPurchaseTimes">fᵢ per row, on the calendar axis of <paramref name="times"/>.</param>
    /// <param name="weights">Customers per row, or empty for ones.</param>
    /// <param name="times">The calendar times c at which to evaluate the series.</param>
    /// <returns>S(c) per time.</returns>
    public static double[] CumulativeTracking(BetaGeoParameters parameters, ReadOnlySpan<double> firstPurchaseTimes, ReadOnlySpan<double> weights, ReadOnlySpan<double> times)
    {
        BetaGeoParameters p = parameters.Checked(nameof(parameters));
        return Tracking(t => BetaGeoFamily.ConditionalExpected(p.R, p.Alpha, p.A, p.B, 0, t, 0, 0, 0), firstPurchaseTimes, weights, times);
    }

    /// <summary>
    /// The same under any fitted transaction model: S(c) = Σᵢ wᵢ E[X(c − fᵢ)] with the model's
    /// <see cref="TransactionModel.ExpectedPurchases"/>.
    /// </summary>
    /// <param name="model">The fitted model.</param>
    /// <param name="firstPurchaseTimes">fᵢ per row, on the calendar axis of <paramref name="times"/>.</param>
    /// <param name="weights">Customers per row, or empty for ones.</param>
    /// <param name="times">The calendar times c at which to evaluate the series.</param>
    /// <returns>S(c) per time.</returns>
    public static double[] CumulativeTracking(TransactionModel model, ReadOnlySpan<double> firstPurchaseTimes, ReadOnlySpan<double> weights, ReadOnlySpan<double> times)
    {
        Guard.NotNull(model);
        return Tracking(model.ExpectedPurchases, firstPurchaseTimes, weights, times);
    }

    /// <summary>Expected vs actual holdout purchases per calibration frequency under any fitted transaction model.</summary>
    /// <param name="model">The fitted model.</param>
    /// <param name="calibration">The calibration histories with weights.</param>
    /// <param name="holdoutLength">Length of the holdout period. Range: &gt; 0.</param>
    /// <param name="actual">Actual holdout purchases per calibration row.</param>
    /// <param name="maxFrequency">Frequencies from this value up share the last bucket. Range: ≥ 0.</param>
    /// <returns>Buckets 0..maxFrequency (empty buckets omitted).</returns>
    public static IReadOnlyList<HoldoutBucket> ByFrequency(TransactionModel model, PurchaseHistories calibration, double holdoutLength, ReadOnlySpan<double> actual, int maxFrequency)
    {
        Guard.NotNull(model);
        Guard.NotNull(calibration);
        return Buckets((x, tx, t) => model.ConditionalExpectedPurchases(holdoutLength, x, tx, t), calibration, holdoutLength, actual, maxFrequency);
    }

    /// <summary>
    /// Expected vs actual transactions in the next <paramref name="futureOpportunities"/> opportunities per
    /// calibration frequency under BG/BB (FHS 2010's holdout validation: conditional expectations by x).
    /// </summary>
    /// <param name="parameters">The fitted model.</param>
    /// <param name="calibration">The calibration rows (x, t_x, n), whole numbers, with weights.</param>
    /// <param name="futureOpportunities">n*, the holdout opportunities. Range: ≥ 1.</param>
    /// <param name="actual">Actual holdout transactions per calibration row (per customer of the row).</param>
    /// <param name="maxFrequency">Frequencies from this value up share the last bucket. Range: ≥ 0.</param>
    /// <returns>Buckets 0..maxFrequency (empty buckets omitted).</returns>
    public static IReadOnlyList<HoldoutBucket> ByFrequency(BetaGeoBetaBinomialParameters parameters, PurchaseHistories calibration, int futureOpportunities, ReadOnlySpan<double> actual, int maxFrequency)
    {
        Guard.NotNull(calibration);
        BetaGeoBetaBinomialParameters p = parameters.Checked(nameof(parameters));
        Guard.Positive(futureOpportunities);
        return Buckets((x, tx, n) => BetaGeoBetaBinomial.ConditionalExpectedPurchases(p, futureOpportunities, BetaGeoBetaBinomial.ToWhole(x, nameof(calibration)), BetaGeoBetaBinomial.ToWhole(tx, nameof(calibration)), BetaGeoBetaBinomial.ToWhole(n, nameof(calibration))), calibration, futureOpportunities, actual, maxFrequency);
    }

    private static double[] Tracking(Func<double, double> expectedPurchases, ReadOnlySpan<double> firstPurchaseTimes, ReadOnlySpan<double> weights, ReadOnlySpan<double> times)
    {
        Guard.AllFinite(firstPurchaseTimes);
        Guard.AllFinite(times);
        if (!weights.IsEmpty)
        {
            Guard.SameLength(firstPurchaseTimes.Length, weights.Length);
        }

        double[] result = new double[times.Length];
        for (int k = 0; k < times.Length; k++)
        {
            double sum = 0;
            for (int i = 0; i < firstPurchaseTimes.Length; i++)
            {
                double age = times[k] - firstPurchaseTimes[i];
                if (age > 0)
                {
                    double w = weights.IsEmpty ? 1.0 : weights[i];
                    sum += w * expectedPurchases(age);
                }
            }

            result[k] = sum;
        }

        return result;
    }

    private static HoldoutBucket[] Buckets(Func<double, double, double, double> expected, PurchaseHistories calibration, double holdoutLength, ReadOnlySpan<double> actual, int maxFrequency)
    {
        Guard.Positive(holdoutLength);
        Guard.SameLength(calibration.Count, actual.Length);
        Guard.AllFinite(actual);
        Guard.NonNegative(maxFrequency);
        double[] customers = new double[maxFrequency + 1], actualSum = new double[maxFrequency + 1], expectedSum = new double[maxFrequency + 1];
        for (int i = 0; i < calibration.Count; i++)
        {
            double w = calibration.Weight[i];
            int bucket = (int)Math.Min(maxFrequency, Math.Floor(calibration.Frequency[i]));
            customers[bucket] += w;
            actualSum[bucket] += w * actual[i];
            expectedSum[bucket] += w * expected(calibration.Frequency[i], calibration.Recency[i], calibration.T[i]);
        }

        var buckets = new List<HoldoutBucket>();
        for (int b = 0; b <= maxFrequency; b++)
        {
            if (customers[b] > 0)
            {
                buckets.Add(new HoldoutBucket(b, customers[b], actualSum[b] / customers[b], expectedSum[b] / customers[b]));
            }
        }

        return buckets.ToArray();
    }
}
