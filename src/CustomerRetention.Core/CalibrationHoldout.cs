using NodaTime;

namespace CustomerRetention;

/// <summary>
/// A calibration/holdout split: the purchase summaries at the calibration end (what a model is
/// fitted on), and for the same customers what happened next: the number of repeat purchase days and
/// their amount in the holdout window (calibration end, holdout end], plus the daily series of repeat
/// purchase days over both periods (what a tracking plot compares with the model's forecast).
/// </summary>
/// <remarks>
/// Only customers whose first purchase is on or before the calibration end are in the split, as in
/// Fader, Hardie &amp; Lee (2005): on the CDNOW sample with calibration end 1997-09-30, 2,357
/// customers. Every holdout purchase day is a repeat purchase day (the first purchase is in the
/// calibration period); same-day purchases merge. Immutable, thread-safe for reading.
/// </remarks>
public sealed class CalibrationHoldout
{
    private readonly int[] _holdoutPurchaseDays;
    private readonly decimal[] _holdoutAmounts;
    private readonly int[] _dailyRepeatPurchases;

    private CalibrationHoldout(LocalDate calibrationEnd, LocalDate holdoutEnd, PurchaseSummaries calibration, int[] holdoutPurchaseDays, decimal[] holdoutAmounts, LocalDate seriesStart, int[] daily)
    {
        CalibrationEnd = calibrationEnd;
        HoldoutEnd = holdoutEnd;
        Calibration = calibration;
        _holdoutPurchaseDays = holdoutPurchaseDays;
        _holdoutAmounts = holdoutAmounts;
        SeriesStart = seriesStart;
        _dailyRepeatPurchases = daily;
    }

    /// <summary>The last day of the calibration period, inclusive.</summary>
    public LocalDate CalibrationEnd { get; }

    /// <summary>The last day of the holdout period, inclusive.</summary>
    public LocalDate HoldoutEnd { get; }

    /// <summary>The holdout length in days (holdout end − calibration end).</summary>
    public int HoldoutDays => Period.DaysBetween(CalibrationEnd, HoldoutEnd);

    /// <summary>The summaries of the purchases up to the calibration end, one per customer of the split.</summary>
    public PurchaseSummaries Calibration { get; }

    /// <summary>Per customer (aligned with <see cref="Calibration"/>), the number of purchase days in the holdout window.</summary>
    public ReadOnlySpan<int> HoldoutPurchaseDays => _holdoutPurchaseDays;

    /// <summary>Per customer (aligned with <see cref="Calibration"/>), the total amount of the holdout window.</summary>
    public ReadOnlySpan<decimal> HoldoutAmounts => _holdoutAmounts;

    /// <summary>The first day of <see cref="DailyRepeatPurchases"/>: the earliest first purchase of the customers.</summary>
    public LocalDate SeriesStart { get; }

    /// <summary>
    /// For each day from <see cref="SeriesStart"/> through <see cref="HoldoutEnd"/>, the number of
    /// repeat purchase days of the split's customers on that day (each customer's first purchase
    /// day excluded). Cumulate it for the tracking plot.
    /// </summary>
    public ReadOnlySpan<int> DailyRepeatPurchases => _dailyRepeatPurchases;

    /// <summary>The total number of repeat purchase days in the holdout window.</summary>
    /// <returns>Σ holdout purchase days.</returns>
    public long TotalHoldoutPurchaseDays()
    {
        long total = 0;
        foreach (int d in _holdoutPurchaseDays)
        {
            total += d;
        }

        return total;
    }

    /// <summary>
    /// Rebuilds a split from its parts (what a stored result holds), checking that they agree as
    /// <see cref="Split(PurchaseAggregate, LocalDate, LocalDate)"/> makes them agree.
    /// </summary>
    /// <param name="calibrationEnd">The last calibration day, inclusive.</param>
    /// <param name="holdoutEnd">The last holdout day, inclusive. Range: holdoutEnd ≥ calibrationEnd.</param>
    /// <param name="calibration">The summaries up to the calibration end (<see cref="PurchaseSummaries.Through"/> = <paramref name="calibrationEnd"/>).</param>
    /// <param name="holdoutPurchaseDays">Per customer, the purchase days in the holdout. Range: 0 ≤ each ≤ holdout days.</param>
    /// <param name="holdoutAmounts">Per customer, the holdout amount.</param>
    /// <param name="seriesStart">The earliest first purchase of the customers (the calibration end when there are none).</param>
    /// <param name="dailyRepeatPurchases">Per day from <paramref name="seriesStart"/> through <paramref name="holdoutEnd"/>, the repeat purchase days. Range: each ≥ 0; the days after the calibration end sum to the holdout purchase days.</param>
    /// <returns>The split (copies of the lists).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A list has the wrong length, or the parts disagree.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A date or a count is out of range.</exception>
    public static CalibrationHoldout Create(
        LocalDate calibrationEnd,
        LocalDate holdoutEnd,
        PurchaseSummaries calibration,
        IReadOnlyList<int> holdoutPurchaseDays,
        IReadOnlyList<decimal> holdoutAmounts,
        LocalDate seriesStart,
        IReadOnlyList<int> dailyRepeatPurchases)
    {
        Guard.NotNull(holdoutPurchaseDays);
        Guard.NotNull(holdoutAmounts);
        Guard.NotNull(dailyRepeatPurchases);
        Guard.NotNull(calibration);
        int calEnd = DayNumbers.FromDate(calibrationEnd);
        int holdEnd = DayNumbers.FromDate(holdoutEnd);
        if (holdEnd < calEnd)
        {
            throw new ArgumentOutOfRangeException(nameof(holdoutEnd), holdoutEnd, "The holdout end must not be before the calibration end.");
        }

        if (calibration.Through != calibrationEnd)
        {
            throw new ArgumentException($"The calibration summaries must be cut off at the calibration end {calibrationEnd}.", nameof(calibration));
        }

        int n = calibration.Count;
        Guard.SameLength(n, holdoutPurchaseDays.Count, nameof(holdoutPurchaseDays));
        Guard.SameLength(n, holdoutAmounts.Count, nameof(holdoutAmounts));
        int start = calEnd;
        foreach (PurchaseSummary s in calibration)
        {
            start = Math.Min(start, s.FirstDayNumber);
        }

        if (DayNumbers.FromDate(seriesStart) != start)
        {
            throw new ArgumentOutOfRangeException(nameof(seriesStart), seriesStart, $"The series starts at the earliest first purchase, {DayNumbers.ToDate(start)}.");
        }

        Guard.SameLength(holdEnd - start + 1, dailyRepeatPurchases.Count, nameof(dailyRepeatPurchases));
        int holdoutLength = holdEnd - calEnd;
        var days = new int[n];
        var amounts = new decimal[n];
        long holdoutTotal = 0;
        for (int i = 0; i < n; i++)
        {
            days[i] = Guard.InRange(holdoutPurchaseDays[i], 0, holdoutLength, nameof(holdoutPurchaseDays));
            amounts[i] = holdoutAmounts[i];
            holdoutTotal += days[i];
        }

        var daily = new int[dailyRepeatPurchases.Count];
        long dailyHoldoutTotal = 0;
        for (int d = 0; d < daily.Length; d++)
        {
            daily[d] = Guard.NonNegative(dailyRepeatPurchases[d], nameof(dailyRepeatPurchases));
            if (start + d > calEnd)
            {
                dailyHoldoutTotal += daily[d];
            }
        }

        if (dailyHoldoutTotal != holdoutTotal)
        {
            throw new ArgumentException($"The daily series counts {dailyHoldoutTotal} repeat purchase days in the holdout, the customers {holdoutTotal}.", nameof(dailyRepeatPurchases));
        }

        return new CalibrationHoldout(calibrationEnd, holdoutEnd, calibration, days, amounts, seriesStart, daily);
    }

    /// <summary>Splits the transactions of <paramref name="table"/> at <paramref name="calibrationEnd"/>.</summary>
    /// <param name="table">The transactions, any order.</param>
    /// <param name="calibrationEnd">The last calibration day, inclusive.</param>
    /// <param name="holdoutEnd">The last holdout day, inclusive. Range: holdoutEnd ≥ calibrationEnd.</param>
    /// <returns>The split.</returns>
    public static CalibrationHoldout Split(TransactionTable table, LocalDate calibrationEnd, LocalDate holdoutEnd)
    {
        Guard.NotNull(table);
        return Split(PurchaseAggregate.FromTable(table), calibrationEnd, holdoutEnd);
    }

    /// <summary>Splits an aggregate at <paramref name="calibrationEnd"/>.</summary>
    /// <param name="aggregate">The purchases.</param>
    /// <param name="calibrationEnd">The last calibration day, inclusive.</param>
    /// <param name="holdoutEnd">The last holdout day, inclusive. Range: holdoutEnd ≥ calibrationEnd.</param>
    /// <returns>The split.</returns>
    public static CalibrationHoldout Split(PurchaseAggregate aggregate, LocalDate calibrationEnd, LocalDate holdoutEnd)
    {
        Guard.NotNull(aggregate);
        int calEnd = DayNumbers.FromDate(calibrationEnd);
        int holdEnd = DayNumbers.FromDate(holdoutEnd);
        if (holdEnd < calEnd)
        {
            throw new ArgumentOutOfRangeException(nameof(holdoutEnd), holdoutEnd, "The holdout end must not be before the calibration end.");
        }

        PurchaseSummaries calibration = aggregate.Summarize(calibrationEnd);
        int n = calibration.Count;
        var holdoutDays = new int[n];
        var holdoutAmounts = new decimal[n];
        int seriesStart = int.MaxValue;
        foreach (PurchaseSummary s in calibration)
        {
            seriesStart = Math.Min(seriesStart, s.FirstDayNumber);
        }

        if (n == 0)
        {
            seriesStart = calEnd;
        }

        var daily = new int[holdEnd - seriesStart + 1];
        int k = 0;
        for (int c = 0; c < aggregate.CustomerCount && k < n; c++)
        {
            if (aggregate.Customers[c] != calibration.Customers[k])
            {
                continue;
            }

            ReadOnlySpan<int> days = aggregate.DayNumbersOf(c);
            ReadOnlySpan<decimal> amounts = aggregate.AmountsOf(c);
            for (int p = 1; p < days.Length && days[p] <= holdEnd; p++)
            {
                daily[days[p] - seriesStart]++;
                if (days[p] > calEnd)
                {
                    holdoutDays[k]++;
                    holdoutAmounts[k] += amounts[p];
                }
            }

            k++;
        }

        return new CalibrationHoldout(calibrationEnd, holdoutEnd, calibration, holdoutDays, holdoutAmounts, DayNumbers.ToDate(seriesStart), daily);
    }
}
