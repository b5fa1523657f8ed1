using System.Buffers;
using NodaTime;

namespace CustomerRetention.Rfm;

/// <summary>
/// RFM scoring, the task's entry point: RFM values in, scores 1..k out, with the cut points used.
/// The span overload is the hot path (one selection pass per dimension to find the cut points, one
/// pass to score, no allocation per customer); the list overload calls it.
/// </summary>
/// <remarks>
/// Named <c>RfmAnalysis</c> rather than <c>Rfm</c> so that it never collides with the
/// <c>CustomerRetention.Rfm</c> namespace in callers' code. Thread-safe: it keeps no state.
/// </remarks>
public static class RfmAnalysis
{
    /// <summary>
    /// Scores customers from their RFM values, column by column: customer i has
    /// <c>recencyDays[i]</c>, <c>frequency[i]</c>, <c>monetary[i]</c>, and gets <c>scores[i]</c>.
    /// Each dimension is scored on its goodness (−recency, frequency, monetary) by
    /// <paramref name="binning"/>; a value equal to a cut point gets the lower score.
    /// </summary>
    /// <param name="binning">The binning (method and k).</param>
    /// <param name="recencyDays">Days since each customer's last purchase. Range: finite.</param>
    /// <param name="frequency">Number of transactions. Range: finite.</param>
    /// <param name="monetary">Total or mean amount. Range: finite.</param>
    /// <param name="scores">Receives the scores. Range: same length as the inputs.</param>
    /// <returns>The cut points and the scores in use per dimension.</returns>
    public static RfmScoring Score(RfmBinning binning, ReadOnlySpan<double> recencyDays, ReadOnlySpan<double> frequency, ReadOnlySpan<double> monetary, Span<RfmScore> scores)
    {
        Guard.NotNull(binning);
        int n = recencyDays.Length;
        Guard.SameLength(n, frequency.Length);
        Guard.SameLength(n, monetary.Length);
        Guard.SameLength(n, scores.Length);
        int k = binning.Bins;
        var countsR = new int[k];
        var countsF = new int[k];
        var countsM = new int[k];
        Span<int> cells = stackalloc int[k * k * k];
        double[] cutsR, cutsF, cutsM;
        switch (binning.Method)
        {
            case BinningMethod.Ntile:
                {
                    byte[] buffer = ArrayPool<byte>.Shared.Rent(3 * Math.Max(n, 1));
                    try
                    {
                        Span<byte> br = buffer.AsSpan(0, n);
                        Span<byte> bf = buffer.AsSpan(n, n);
                        Span<byte> bm = buffer.AsSpan(2 * n, n);
                        cutsR = Binner.Ntile(recencyDays, lowerIsBetter: true, k, br, nameof(recencyDays));
                        cutsF = Binner.Ntile(frequency, lowerIsBetter: false, k, bf, nameof(frequency));
                        cutsM = Binner.Ntile(monetary, lowerIsBetter: false, k, bm, nameof(monetary));
                        for (int i = 0; i < n; i++)
                        {
                            countsR[br[i] - 1]++;
                            countsF[bf[i] - 1]++;
                            countsM[bm[i] - 1]++;
                            scores[i] = RfmScore.Unchecked(br[i], bf[i], bm[i]);
                        }
                    }
                    finally
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                    }

                    break;
                }

            case BinningMethod.Thresholds:
                {
                    Binner.RejectNonFinite(recencyDays, nameof(recencyDays));
                    Binner.RejectNonFinite(frequency, nameof(frequency));
                    Binner.RejectNonFinite(monetary, nameof(monetary));
                    double[] tr = Binner.FixedThresholds(binning.RecencyThresholds, lowerIsBetter: true, out cutsR);
                    double[] tf = Binner.FixedThresholds(binning.FrequencyThresholds, lowerIsBetter: false, out cutsF);
                    double[] tm = Binner.FixedThresholds(binning.MonetaryThresholds, lowerIsBetter: false, out cutsM);
                    Binner.ScoreAll(recencyDays, frequency, monetary, tr, tf, tm, scores, cells);
                    Binner.CountsFromCells(cells, k, countsR, countsF, countsM);
                    break;
                }

            default:
                {
                    var thresholds = new double[3][];
                    var cuts = new double[3][];
                    if (n < ParallelMinCustomers || ParallelWork.Workers(2) < 2 || !TryQuantileThresholdsInParallel(recencyDays, frequency, monetary, k, thresholds, cuts))
                    {
                        thresholds[0] = Binner.QuantileThresholds(recencyDays, lowerIsBetter: true, k, nameof(recencyDays), out cuts[0]);
                        thresholds[1] = Binner.QuantileThresholds(frequency, lowerIsBetter: false, k, nameof(frequency), out cuts[1]);
                        thresholds[2] = Binner.QuantileThresholds(monetary, lowerIsBetter: false, k, nameof(monetary), out cuts[2]);
                    }

                    (cutsR, cutsF, cutsM) = (cuts[0], cuts[1], cuts[2]);
                    ScoreAll(recencyDays, frequency, monetary, thresholds[0], thresholds[1], thresholds[2], scores, cells);
                    Binner.CountsFromCells(cells, k, countsR, countsF, countsM);
                    break;
                }
        }

        return new RfmScoring(
            binning,
            n,
            new DimensionBins(RfmDimension.Recency, binning.Method, k, cutsR, countsR),
            new DimensionBins(RfmDimension.Frequency, binning.Method, k, cutsF, countsF),
            new DimensionBins(RfmDimension.Monetary, binning.Method, k, cutsM, countsM));
    }

    /// <summary>From this many customers on, the quantile cut points and the scores are computed on two cores.</summary>
    private const int ParallelMinCustomers = 1 << 17;

    /// <summary>
    /// The three dimensions' quantile thresholds on two workers: monetary (a radix select over doubles, the
    /// slowest) on one, recency and frequency (usually counting passes over whole numbers) on the other. Returns
    /// false when a worker failed, so that the caller repeats the work in order and reports the first bad column
    /// as the sequential path does.
    /// </summary>
    private static unsafe bool TryQuantileThresholdsInParallel(ReadOnlySpan<double> recencyDays, ReadOnlySpan<double> frequency, ReadOnlySpan<double> monetary, int k, double[][] thresholds, double[][] cuts)
    {
        int n = recencyDays.Length;
        fixed (double* pr = recencyDays, pf = frequency, pm = monetary)
        {
            nint ir = (nint)pr, iF = (nint)pf, im = (nint)pm;
            try
            {
                ParallelWork.Run(2, worker =>
                {
                    if (worker == 0)
                    {
                        thresholds[2] = Binner.QuantileThresholds(new ReadOnlySpan<double>((double*)im, n), lowerIsBetter: false, k, nameof(monetary), out cuts[2]);
                    }
                    else
                    {
                        thresholds[0] = Binner.QuantileThresholds(new ReadOnlySpan<double>((double*)ir, n), lowerIsBetter: true, k, nameof(recencyDays), out cuts[0]);
                        thresholds[1] = Binner.QuantileThresholds(new ReadOnlySpan<double>((double*)iF, n), lowerIsBetter: false, k, nameof(frequency), out cuts[1]);
                    }
                });
                return true;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }
    }

    /// <summary>Scores every customer against the thresholds and counts the R×F×M cells; large inputs in halves on two cores.</summary>
    private static unsafe void ScoreAll(ReadOnlySpan<double> recencyDays, ReadOnlySpan<double> frequency, ReadOnlySpan<double> monetary, double[] tr, double[] tf, double[] tm, Span<RfmScore> scores, Span<int> cells)
    {
        int n = recencyDays.Length;
        if (n < ParallelMinCustomers || ParallelWork.Workers(2) < 2)
        {
            Binner.ScoreAll(recencyDays, frequency, monetary, tr, tf, tm, scores, cells);
            return;
        }

        int cellCount = cells.Length;
        var partial = new int[2 * cellCount];
        fixed (double* pr = recencyDays, pf = frequency, pm = monetary)
        fixed (RfmScore* ps = scores)
        {
            nint ir = (nint)pr, iF = (nint)pf, im = (nint)pm, iS = (nint)ps;
            ParallelWork.Run(2, worker =>
            {
                int from = worker == 0 ? 0 : n / 2;
                int length = worker == 0 ? n / 2 : n - (n / 2);
                Binner.ScoreAll(
                    new ReadOnlySpan<double>((double*)ir + from, length),
                    new ReadOnlySpan<double>((double*)iF + from, length),
                    new ReadOnlySpan<double>((double*)im + from, length),
                    tr,
                    tf,
                    tm,
                    new Span<RfmScore>((RfmScore*)iS + from, length),
                    partial.AsSpan(worker * cellCount, cellCount));
            });
        }

        for (int c = 0; c < cellCount; c++)
        {
            cells[c] += partial[c] + partial[cellCount + c];
        }
    }

    /// <summary>
    /// Scores customers given with their ids. Customers are ordered by id (ordinal) before binning, so
    /// that the result does not depend on the order of the list, and ntile ties are broken by id.
    /// </summary>
    /// <param name="customers">The customers and their values; ids must be unique.</param>
    /// <param name="binning">The binning (method and k).</param>
    /// <returns>The scored customers, in the order given, and the cut points.</returns>
    public static RfmResult Score(IReadOnlyList<CustomerValues> customers, RfmBinning binning)
    {
        Guard.NotNull(customers);
        Guard.NotNull(binning);
        int n = customers.Count;
        var order = new int[n];
        var ids = new string[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
            ids[i] = (customers[i] ?? throw new ArgumentException(FormattableString.Invariant($"Customer {i} is null."), nameof(customers))).CustomerId;
        }

        Array.Sort(ids, order, StringComparer.Ordinal);
        for (int i = 1; i < n; i++)
        {
            if (string.Equals(ids[i], ids[i - 1], StringComparison.Ordinal))
            {
                throw new ArgumentException($"Customer id '{ids[i]}' appears more than once.", nameof(customers));
            }
        }

        var r = new double[n];
        var f = new double[n];
        var m = new double[n];
        for (int p = 0; p < n; p++)
        {
            RfmValues v = customers[order[p]].Values;
            r[p] = v.RecencyDays;
            f[p] = v.Frequency;
            m[p] = (double)v.Monetary;
        }

        var sorted = new RfmScore[n];
        RfmScoring scoring = Score(binning, r, f, m, sorted);
        var result = new ScoredCustomer[n];
        for (int p = 0; p < n; p++)
        {
            CustomerValues c = customers[order[p]];
            result[order[p]] = new ScoredCustomer(c.CustomerId, c.Values, sorted[p]);
        }

        return new RfmResult(scoring, result);
    }

    /// <summary>
    /// Scores the customers of purchase summaries (e.g. <c>PurchaseAggregator.Summarize(table, through: asOf)</c>)
    /// at <paramref name="asOf"/>: recency in days from each customer's last purchase, frequency = transactions,
    /// monetary = total or mean amount (<see cref="RfmValues.At(PurchaseSummary, LocalDate, MonetaryMeasure)"/>).
    /// Customer ids are the summaries' ids; the result is in the summaries' order.
    /// </summary>
    /// <param name="binning">The binning (method and k), first as in the column overload.</param>
    /// <param name="summaries">The summaries; every last purchase must be on or before <paramref name="asOf"/>.</param>
    /// <param name="asOf">The as-of date (inclusive).</param>
    /// <param name="measure">Total (default) or mean amount.</param>
    /// <returns>The scored customers and the cut points.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A customer's last purchase is after <paramref name="asOf"/>.</exception>
    public static RfmResult Score(RfmBinning binning, PurchaseSummaries summaries, LocalDate asOf, MonetaryMeasure measure = MonetaryMeasure.Total)
    {
        Guard.NotNull(binning);
        Guard.NotNull(summaries);
        Guard.Defined(measure);
        var customers = new CustomerValues[summaries.Count];
        for (int i = 0; i < customers.Length; i++)
        {
            PurchaseSummary summary = summaries[i];
            if (summary.LastPurchase > asOf)
            {
                throw new ArgumentOutOfRangeException(nameof(asOf), asOf, FormattableString.Invariant($"Customer '{summaries.Customers[i].Value}' purchased on {summary.LastPurchase:yyyy-MM-dd}, after the as-of date; summarise through the as-of date."));
            }

            customers[i] = new CustomerValues(summaries.Customers[i].Value, RfmValues.At(summary, asOf, measure));
        }

        return Score(customers, binning);
    }

    /// <summary>Scores the customers of purchase summaries with the default binning (quintiles) and total amounts.</summary>
    /// <param name="summaries">The summaries; every last purchase must be on or before <paramref name="asOf"/>.</param>
    /// <param name="asOf">The as-of date (inclusive).</param>
    /// <returns>The scored customers and the cut points.</returns>
    public static RfmResult Score(PurchaseSummaries summaries, LocalDate asOf) => Score(RfmBinning.Default, summaries, asOf);

    /// <summary>Scores customers with the default binning (quintiles).</summary>
    /// <param name="customers">The customers and their values; ids must be unique.</param>
    /// <returns>The scored customers, in the order given, and the cut points.</returns>
    public static RfmResult Score(IReadOnlyList<CustomerValues> customers) => Score(customers, RfmBinning.Default);
}

/// <summary>A customer id with the customer's RFM values. Immutable.</summary>
public sealed class CustomerValues
{
    /// <summary>Creates the pair.</summary>
    /// <param name="customerId">The customer id (opaque, compared ordinally).</param>
    /// <param name="values">The RFM values.</param>
    public CustomerValues(string customerId, RfmValues values)
    {
        CustomerId = Guard.NotNull(customerId);
        Values = values;
    }

    /// <summary>The customer id.</summary>
    public string CustomerId { get; }

    /// <summary>The RFM values.</summary>
    public RfmValues Values { get; }
}

/// <summary>A customer with RFM values and scores. Immutable.</summary>
public sealed class ScoredCustomer
{
    /// <summary>Creates the record.</summary>
    /// <param name="customerId">The customer id.</param>
    /// <param name="values">The RFM values.</param>
    /// <param name="score">The scores.</param>
    public ScoredCustomer(string customerId, RfmValues values, RfmScore score)
    {
        CustomerId = Guard.NotNull(customerId);
        Values = values;
        Score = score;
    }

    /// <summary>The customer id.</summary>
    public string CustomerId { get; }

    /// <summary>The RFM values.</summary>
    public RfmValues Values { get; }

    /// <summary>The scores.</summary>
    public RfmScore Score { get; }
}

/// <summary>Scored customers with the cut points that scored them. Immutable.</summary>
public sealed class RfmResult
{
    internal RfmResult(RfmScoring scoring, IReadOnlyList<ScoredCustomer> customers)
    {
        Scoring = scoring;
        Customers = customers;
    }

    /// <summary>The binning outcome: cut points and scores in use per dimension.</summary>
    public RfmScoring Scoring { get; }

    /// <summary>The customers, in the order given.</summary>
    public IReadOnlyList<ScoredCustomer> Customers { get; }
}
