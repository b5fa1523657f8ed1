using CustomerRetention.Churn;
using CustomerRetention.Probabilistic;
using CustomerRetention.Rfm;
using NodaTime;

namespace CustomerRetention.Cli.Report;

/// <summary>
/// The figures of <c>retention report</c> (docs/report.md), computed from a transaction table through the
/// libraries' public APIs: headline figures, RFM segments (default 5-bin quantile scoring and
/// <see cref="SegmentMap.Default"/> at the file's last date), monthly acquisition cohorts, and a BG/NBD +
/// Gamma-Gamma fit on the calibration period (time unit: week) with P(alive), expected purchases and CLV
/// per customer and the cumulative calibration/holdout tracking series.
/// </summary>
internal sealed class ReportModel
{
    /// <summary>The horizon of expected purchases and CLV, in weeks.</summary>
    public const double HorizonWeeks = 52;

    /// <summary>Number of P(alive) histogram bins over [0, 1].</summary>
    public const int AliveBins = 20;

    /// <summary>At most this many (most recent) cohorts are drawn in the heat map.</summary>
    public const int MaxCohorts = 36;

    /// <summary>A file shorter than this many days has no holdout by default (the whole file calibrates).</summary>
    public const int MinDaysForHoldout = 84;

    private ReportModel()
    {
    }

    public string Source { get; private init; } = string.Empty;

    public int Customers { get; private init; }

    public int Transactions { get; private init; }

    public decimal Revenue { get; private init; }

    public LocalDate FirstDate { get; private init; }

    public LocalDate LastDate { get; private init; }

    public LocalDate CalibrationEnd { get; private init; }

    /// <summary>Whether the calibration end was chosen by the tool (no <c>--calibration-end</c>).</summary>
    public bool CalibrationEndIsDefault { get; private init; }

    /// <summary>Whether there is a holdout period (calibration end before the last date).</summary>
    public bool HasHoldout => CalibrationEnd < LastDate;

    public IReadOnlyList<SegmentRow> Segments { get; private init; } = [];

    public int SegmentedCustomers { get; private init; }

    public CohortTable Cohorts { get; private init; } = null!;

    public ModelFigures? Model { get; private init; }

    /// <summary>Why there is no model section, when <see cref="Model"/> is null.</summary>
    public string? ModelProblem { get; private init; }

    /// <summary>
    /// The default calibration end: for a file spanning at least <see cref="MinDaysForHoldout"/> days, the day
    /// that leaves the last third of the span as holdout (first + ⌊2/3 · span⌋); otherwise the last date.
    /// </summary>
    public static LocalDate DefaultCalibrationEnd(LocalDate first, LocalDate last)
    {
        int firstDay = DayNumbers.FromDate(first), lastDay = DayNumbers.FromDate(last);
        int span = lastDay - firstDay;
        return span < MinDaysForHoldout ? last : DayNumbers.ToDate(firstDay + (2 * span / 3));
    }

    /// <summary>Computes every figure; <paramref name="calibrationEnd"/> null = <see cref="DefaultCalibrationEnd"/>.</summary>
    public static ReportModel Compute(TransactionTable table, string source, LocalDate? calibrationEnd)
    {
        if (table.Count == 0)
        {
            throw new CliException($"{source}: no transactions to report on");
        }

        ReadOnlySpan<int> days = table.DayNumbers;
        int firstDay = int.MaxValue, lastDay = int.MinValue;
        foreach (int d in days)
        {
            firstDay = Math.Min(firstDay, d);
            lastDay = Math.Max(lastDay, d);
        }


        LocalDate first = DayNumbers.ToDate(firstDay), last = DayNumbers.ToDate(lastDay);
        LocalDate end = calibrationEnd ?? DefaultCalibrationEnd(first, last);
        if (end < first)
        {
            throw new CliException(FormattableString.Invariant($"option '--calibration-end': {end:yyyy-MM-dd} is before the first transaction ({first:yyyy-MM-dd})"));
        }

        if (end > last)
        {
            end = last;
        }

        // RFM at the last date of the file.
        var summaries = new PurchaseSummary[table.CustomerCount];
        PurchaseAggregator.Summarize(table, lastDay, summaries);
        decimal revenue = 0;
        foreach (PurchaseSummary s in summaries)
        {
            revenue += s.TotalAmount; // through the last day, every row counts
        }

        int n = summaries.Length;
        var r = new double[n];
        var f = new double[n];
        var m = new double[n];
        for (int c = 0; c < n; c++)
        {
            r[c] = lastDay - summaries[c].LastDayNumber;
            f[c] = summaries[c].Transactions;
            m[c] = (double)summaries[c].TotalAmount;
        }

        var scores = new RfmScore[n];
        RfmAnalysis.Score(RfmBinning.Default, r, f, m, scores);
        SegmentMap map = SegmentMap.Default;
        var segmentOf = new int[n];
        map.Classify(scores, segmentOf);

        ModelFigures? model = null;
        string? problem = null;
        try
        {
            model = ModelFigures.Compute(table, summaries, end, firstDay, lastDay);
        }
        catch (ArgumentException e)
        {
            problem = Reason(e);
        }

        if (model is null && problem is null)
        {
            problem = "no customer has a purchase in the calibration period";
        }

        var rows = new SegmentRow[map.Segments.Count];
        for (int s = 0; s < rows.Length; s++)
        {
            rows[s] = new SegmentRow(map.Segments[s]);
        }

        for (int c = 0; c < n; c++)
        {
            SegmentRow row = rows[segmentOf[c]];
            row.Customers++;
            row.Revenue += summaries[c].TotalAmount;
            row.RecencyDaysSum += r[c];
            row.TransactionsSum += f[c];
            if (model is not null)
            {
                row.AliveSum += model.Alive[c];
                row.ExpectedSum += model.Expected[c];
                row.ClvSum += model.Clv[c];
            }
        }

        return new ReportModel
        {
            Source = source,
            Customers = table.CustomerCount,
            Transactions = table.Count,
            Revenue = revenue,
            FirstDate = first,
            LastDate = last,
            CalibrationEnd = end,
            CalibrationEndIsDefault = calibrationEnd is null,
            Segments = rows,
            SegmentedCustomers = n,
            Cohorts = Churn.Cohorts.Build(table, CalendarPeriod.Month),
            Model = model,
            ModelProblem = problem,
        };
    }

    /// <summary>The first line of an exception's message, without " (Parameter '…')" and the final full stop.</summary>
    internal static string Reason(ArgumentException e)
    {
        string line = e.Message.Split('\n')[0];
        int paren = line.IndexOf(" (Parameter", StringComparison.Ordinal);
        return (paren < 0 ? line : line.Substring(0, paren)).TrimEnd().TrimEnd('.');
    }

    /// <summary>One RFM segment's sums (means are sums / customers).</summary>
    internal sealed class SegmentRow(Segment segment)
    {
        public Segment Segment { get; } = segment;

        public int Customers { get; set; }

        public decimal Revenue { get; set; }

        public double RecencyDaysSum { get; set; }

        public double TransactionsSum { get; set; }

        public double AliveSum { get; set; }

        public double ExpectedSum { get; set; }

        public double ClvSum { get; set; }

        public double Mean(double sum) => Customers == 0 ? 0 : sum / Customers;
    }

    /// <summary>
    /// The transaction models (BG/NBD, MBG/NBD, Pareto/NBD, compared on the holdout) and Gamma-Gamma fitted on the
    /// calibration period (weeks), and the chosen model's per-customer predictions from each customer's whole
    /// history through the file's last date.
    /// </summary>
    internal sealed class ModelFigures
    {
        private ModelFigures()
        {
        }

        /// <summary>The transaction model used for the predictions: the one the holdout comparison chose, or (without a holdout) the lowest BIC.</summary>
        public TransactionModel Model { get; private init; } = null!;

        /// <summary>The comparison of BG/NBD, MBG/NBD and Pareto/NBD on the holdout (null without a holdout).</summary>
        public ModelComparison? Comparison { get; private init; }

        /// <summary>The models fitted (with a holdout, those of <see cref="Comparison"/>).</summary>
        public IReadOnlyList<TransactionModel> Fitted { get; private init; } = [];

        public FitResult<GammaGammaParameters>? Spend { get; private init; }

        public string? SpendProblem { get; private init; }

        /// <summary>Customers with a purchase in the calibration period (the fit's customers).</summary>
        public int CalibrationCustomers { get; private init; }

        /// <summary>Calibration length in weeks (first transaction to calibration end).</summary>
        public double CalibrationWeeks { get; private init; }

        /// <summary>Holdout length in weeks (0 without a holdout).</summary>
        public double HoldoutWeeks { get; private init; }

        /// <summary>Per table customer: P(alive) at the last date.</summary>
        public double[] Alive { get; private init; } = [];

        /// <summary>Per table customer: expected purchases in the next <see cref="HorizonWeeks"/> weeks.</summary>
        public double[] Expected { get; private init; } = [];

        /// <summary>Per table customer: undiscounted CLV over <see cref="HorizonWeeks"/> weeks (0 without a spend model).</summary>
        public double[] Clv { get; private init; } = [];

        /// <summary>P(alive) histogram: customers per bin of width 1 / <see cref="AliveBins"/>.</summary>
        public int[] AliveHistogram { get; private init; } = [];

        /// <summary>Weeks since the first transaction at which the tracking series are evaluated.</summary>
        public double[] TrackingWeeks { get; private init; } = [];

        /// <summary>Cumulative actual repeat purchase days of the calibration customers.</summary>
        public double[] TrackingActual { get; private init; } = [];

        /// <summary>Cumulative expected repeat purchases (<see cref="HoldoutValidation.CumulativeTracking(TransactionModel, ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double})"/>).</summary>
        public double[] TrackingExpected { get; private init; } = [];

        /// <summary>Actual and expected repeat purchases in the holdout, summed over the calibration customers.</summary>
        public double HoldoutActual { get; private init; }

        public double HoldoutExpected { get; private init; }

        /// <summary>Actual repeat purchases (distinct purchase days after the first) in the calibration period.</summary>
        public double CalibrationRepeats { get; private init; }

        public static ModelFigures? Compute(TransactionTable table, PurchaseSummary[] whole, LocalDate calibrationEnd, int firstDay, int lastDay)
        {
            int endDay = DayNumbers.FromDate(calibrationEnd);
            PurchaseSummaries calibration = PurchaseAggregator.Summarize(table, calibrationEnd);
            ModelInputs inputs = calibration.ToModelInputs(calibrationEnd, TimeUnit.Week);
            if (inputs.Count == 0)
            {
                return null;
            }

            // BG/NBD, MBG/NBD and Pareto/NBD on the calibration period; with a holdout the comparison chooses
            // (ModelComparison's documented rule), without one the lowest BIC among the trusted fits.
            ModelComparison? comparison = null;
            TransactionModel model;
            IReadOnlyList<TransactionModel> fitted;
            if (lastDay > endDay)
            {
                comparison = ModelComparison.Compare(CalibrationHoldout.Split(table, calibrationEnd, DayNumbers.ToDate(lastDay)), TimeUnit.Week);
                model = comparison.Chosen.Model;
                fitted = comparison.Models.Select(e => e.Model).ToArray();
            }
            else
            {
                fitted = ModelComparison.DefaultModels.Select(kind => TransactionModel.Fit(kind, inputs)).ToArray();
                TransactionModel[] trusted = fitted.Where(f => f.Report.Status == FitStatus.Converged).ToArray();
                model = (trusted.Length > 0 ? trusted : fitted).OrderBy(f => f.Report.Bic).First();
            }

            double[] spendValues = new double[inputs.Count];
            for (int i = 0; i < spendValues.Length; i++)
            {
                spendValues[i] = (double)inputs.MonetaryValue[i];
            }

            FitResult<GammaGammaParameters>? spend = null;
            string? spendProblem = null;
            try
            {
                spend = GammaGamma.Fit(inputs.Frequency, spendValues, default);
                if (spend.Parameters.Q <= 1)
                {
                    // The mean spend pγ/(q − 1) does not exist: no finite CLV.
                    spendProblem = FormattableString.Invariant($"the fitted q = {spend.Parameters.Q:0.####} is not above 1, so the mean spend does not exist");
                    spend = null;
                }
            }
            catch (ArgumentException e)
            {
                spendProblem = Reason(e);
            }

            // Predictions from each customer's whole history (through the last date), with the calibration parameters.
            int n = whole.Length;
            double[] alive = new double[n], expected = new double[n], clv = new double[n];
            int[] histogram = new int[AliveBins];
            for (int c = 0; c < n; c++)
            {
                PurchaseSummary s = whole[c];
                double x = s.RepeatPurchaseDays;
                double tx = (s.LastDayNumber - s.FirstDayNumber) / 7.0;
                double t = (lastDay - s.FirstDayNumber) / 7.0;
                alive[c] = model.ProbabilityAlive(x, tx, t);
                expected[c] = model.ConditionalExpectedPurchases(HorizonWeeks, x, tx, t);
                if (spend is not null)
                {
                    double mean = (double)s.MonetaryValue;
                    double value = GammaGamma.ConditionalExpectedAverageValue(spend.Parameters, x > 0 && mean > 0 ? x : 0, mean);
                    clv[c] = model.LifetimeValue(x, tx, t, value, HorizonWeeks, 0);
                }

                histogram[Math.Min(AliveBins - 1, (int)Math.Floor(alive[c] * AliveBins))]++;
            }

            (double[] weeks, double[] actual, double[] expectedSeries, double holdoutActual, double calibrationRepeats) = Tracking(table, model, firstDay, endDay, lastDay);
            double holdoutExpected = comparison?.Chosen.Expected ?? 0;

            return new ModelFigures
            {
                Model = model,
                Comparison = comparison,
                Fitted = fitted,
                Spend = spend,
                SpendProblem = spendProblem,
                CalibrationCustomers = inputs.Count,
                CalibrationWeeks = (endDay - firstDay) / 7.0,
                HoldoutWeeks = (lastDay - endDay) / 7.0,
                Alive = alive,
                Expected = expected,
                Clv = clv,
                AliveHistogram = histogram,
                TrackingWeeks = weeks,
                TrackingActual = actual,
                TrackingExpected = expectedSeries,
                HoldoutActual = holdoutActual,
                HoldoutExpected = holdoutExpected,
                CalibrationRepeats = calibrationRepeats,
            };
        }

        /// <summary>
        /// Weekly cumulative repeat purchases of the customers whose first purchase is on or before the calibration
        /// end: actual (distinct purchase days after the first) and expected (FHL 2005, figure 5). Time is in weeks
        /// since the first transaction day, with the same convention as the model inputs (T = days / 7 from the
        /// first purchase to the calibration end); points every 7 days, plus the calibration end and the last day.
        /// Also returns the actual repeat purchase days after the calibration end.
        /// </summary>
        private static (double[] Weeks, double[] Actual, double[] Expected, double HoldoutActual, double CalibrationRepeats) Tracking(TransactionTable table, TransactionModel model, int firstDay, int endDay, int lastDay)
        {
            PurchaseAggregate aggregate = PurchaseAggregate.FromTable(table);
            int spanDays = lastDay - firstDay;
            int endOffset = endDay - firstDay;
            double[] repeatsOnDay = new double[spanDays + 1];
            var firstCounts = new SortedDictionary<int, double>();
            for (int c = 0; c < aggregate.CustomerCount; c++)
            {
                ReadOnlySpan<int> purchaseDays = aggregate.DayNumbersOf(c);
                if (purchaseDays.Length == 0 || purchaseDays[0] > endDay)
                {
                    continue;
                }

                int first = purchaseDays[0] - firstDay;
                firstCounts[first] = firstCounts.TryGetValue(first, out double w) ? w + 1 : 1;
                for (int j = 1; j < purchaseDays.Length; j++)
                {
                    repeatsOnDay[purchaseDays[j] - firstDay]++;
                }
            }

            var offsets = new SortedSet<int> { endOffset, spanDays };
            for (int e = 0; e <= spanDays; e += 7)
            {
                offsets.Add(e);
            }

            double[] weeks = new double[offsets.Count], actual = new double[offsets.Count];
            double running = 0, holdoutActual = 0, calibrationRepeats = 0;
            int day = 0, k = 0;
            foreach (int e in offsets)
            {
                for (; day <= e; day++)
                {
                    running += repeatsOnDay[day];
                }

                weeks[k] = e / 7.0;
                actual[k] = running;
                k++;
            }

            for (int d = 0; d <= endOffset; d++)
            {
                calibrationRepeats += repeatsOnDay[d];
            }

            for (int d = endOffset + 1; d <= spanDays; d++)
            {
                holdoutActual += repeatsOnDay[d];
            }

            double[] starts = new double[firstCounts.Count], weights = new double[firstCounts.Count];
            int i = 0;
            foreach (KeyValuePair<int, double> pair in firstCounts)
            {
                starts[i] = pair.Key / 7.0;
                weights[i] = pair.Value;
                i++;
            }

            double[] expected = HoldoutValidation.CumulativeTracking(model, starts, weights, weeks);
            return (weeks, actual, expected, holdoutActual, calibrationRepeats);
        }
    }
}
