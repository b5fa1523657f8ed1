using NodaTime;

namespace CustomerRetention;

/// <summary>
/// One customer's purchase history condensed: first and last purchase day, number of transactions,
/// number of distinct purchase days, total amount, and the total of the repeat purchase days (every
/// purchase day but the first). Purchases on the same day merge into one purchase day.
/// </summary>
/// <remarks>
/// <para>
/// From it come the inputs of the probabilistic models (<see cref="ToModelInput"/>), following
/// Fader, Hardie &amp; Lee (2005), "Counting your customers the easy way": frequency x = purchase
/// days − 1, recency t_x = last − first purchase day, T = calibration end − first purchase day,
/// and the monetary value z̄ = mean amount of the repeat purchase days. See docs/purchase-summary.md.
/// </para>
/// <para>
/// The default value is the summary of no purchase (<see cref="HasPurchases"/> false). Immutable,
/// thread-safe. Build summaries with <see cref="PurchaseAggregator"/>.
/// </para>
/// </remarks>
public readonly struct PurchaseSummary : IEquatable<PurchaseSummary>
{
    private readonly decimal _totalAmount;
    private readonly decimal _firstDayAmount;
    private readonly long _transactions;
    private readonly int _firstDay;
    private readonly int _lastDay;
    private readonly int _purchaseDays;

    /// <summary>Creates a summary from its parts, e.g. from an aggregate computed elsewhere (SQL, Spark).</summary>
    /// <param name="firstPurchase">The first purchase day.</param>
    /// <param name="lastPurchase">The last purchase day. Range: lastPurchase ≥ firstPurchase.</param>
    /// <param name="transactions">Number of transactions (rows). Range: transactions ≥ purchaseDays.</param>
    /// <param name="purchaseDays">Number of distinct purchase days. Range: 1 ≤ purchaseDays ≤ days from first to last + 1 (exactly 1 when first = last).</param>
    /// <param name="totalAmount">Sum of all amounts, any sign.</param>
    /// <param name="firstDayAmount">Sum of the amounts of the first purchase day, any sign.</param>
    public PurchaseSummary(LocalDate firstPurchase, LocalDate lastPurchase, long transactions, int purchaseDays, decimal totalAmount, decimal firstDayAmount)
    {
        int first = DayNumbers.FromDate(firstPurchase);
        int last = DayNumbers.FromDate(lastPurchase);
        if (last < first)
        {
            throw new ArgumentOutOfRangeException(nameof(lastPurchase), lastPurchase, "The last purchase must not be before the first.");
        }

        Guard.NonNegative(transactions);
        if (purchaseDays < 1 || (long)purchaseDays > (long)last - first + 1 || (first == last && purchaseDays != 1))
        {
            throw new ArgumentOutOfRangeException(nameof(purchaseDays), purchaseDays, "Purchase days must be between 1 and the days from the first to the last purchase (inclusive).");
        }

        if (transactions < purchaseDays)
        {
            throw new ArgumentOutOfRangeException(nameof(transactions), transactions, "There must be at least one transaction per purchase day.");
        }

        _totalAmount = totalAmount;
        _firstDayAmount = firstDayAmount;
        _transactions = transactions;
        _firstDay = first;
        _lastDay = last;
        _purchaseDays = purchaseDays;
    }

    /// <summary>A summary from parts already known to be consistent (the aggregators' results).</summary>
    internal PurchaseSummary(int firstDay, int lastDay, long transactions, int purchaseDays, decimal totalAmount, decimal firstDayAmount)
    {
        _totalAmount = totalAmount;
        _firstDayAmount = firstDayAmount;
        _transactions = transactions;
        _firstDay = firstDay;
        _lastDay = lastDay;
        _purchaseDays = purchaseDays;
    }

    /// <summary>Whether there is at least one purchase; false for <c>default(PurchaseSummary)</c>.</summary>
    public bool HasPurchases => _transactions > 0;

    /// <summary>The first purchase day (meaningless when <see cref="HasPurchases"/> is false).</summary>
    public LocalDate FirstPurchase => DayNumbers.ToDate(_firstDay);

    /// <summary>The last purchase day (meaningless when <see cref="HasPurchases"/> is false).</summary>
    public LocalDate LastPurchase => DayNumbers.ToDate(_lastDay);

    /// <summary>The first purchase day as a day number (days since 1970-01-01).</summary>
    public int FirstDayNumber => _firstDay;

    /// <summary>The last purchase day as a day number (days since 1970-01-01).</summary>
    public int LastDayNumber => _lastDay;

    /// <summary>Number of transactions (rows), same-day ones counted separately.</summary>
    public long Transactions => _transactions;

    /// <summary>Number of distinct purchase days (same-day purchases merged).</summary>
    public int PurchaseDays => _purchaseDays;

    /// <summary>Number of repeat purchase days: <see cref="PurchaseDays"/> − 1 (0 without purchases). The models' frequency x.</summary>
    public int RepeatPurchaseDays => _purchaseDays > 0 ? _purchaseDays - 1 : 0;

    /// <summary>Sum of all amounts.</summary>
    public decimal TotalAmount => _totalAmount;

    /// <summary>Sum of the amounts of the first purchase day.</summary>
    public decimal FirstDayAmount => _firstDayAmount;

    /// <summary>Sum of the amounts of the repeat purchase days: <see cref="TotalAmount"/> − <see cref="FirstDayAmount"/>.</summary>
    public decimal RepeatAmount => _totalAmount - _firstDayAmount;

    /// <summary>
    /// The mean amount of the repeat purchase days, z̄ = <see cref="RepeatAmount"/> / x (exact decimal
    /// division); 0 when there is no repeat purchase day. The first purchase is excluded, as in
    /// Fader, Hardie &amp; Lee (2005), "RFM and CLV", because the first purchase is not part of the
    /// repeat-buying process the models describe.
    /// </summary>
    public decimal MonetaryValue => _purchaseDays > 1 ? RepeatAmount / (_purchaseDays - 1) : 0m;

    /// <summary>Equality of two summaries.</summary>
    /// <param name="left">The first summary.</param>
    /// <param name="right">The second summary.</param>
    /// <returns>Whether all parts are equal.</returns>
    public static bool operator ==(PurchaseSummary left, PurchaseSummary right) => left.Equals(right);

    /// <summary>Inequality of two summaries.</summary>
    /// <param name="left">The first summary.</param>
    /// <param name="right">The second summary.</param>
    /// <returns>Whether a part differs.</returns>
    public static bool operator !=(PurchaseSummary left, PurchaseSummary right) => !left.Equals(right);

    /// <summary>
    /// The model inputs at <paramref name="calibrationEnd"/> in <paramref name="unit"/>:
    /// frequency x = <see cref="RepeatPurchaseDays"/>, recency t_x = (last − first) / unit,
    /// T = (calibrationEnd − first) / unit, monetary value z̄ = <see cref="MonetaryValue"/>.
    /// The summary must be of the purchases up to the calibration end only (see
    /// <see cref="PurchaseAggregator.Summarize(TransactionTable, LocalDate?)"/>).
    /// </summary>
    /// <param name="calibrationEnd">The end of the calibration period, inclusive. Range: ≥ <see cref="LastPurchase"/>.</param>
    /// <param name="unit">The unit of model time.</param>
    /// <returns>The inputs (x, t_x, T, z̄).</returns>
    public ModelInput ToModelInput(LocalDate calibrationEnd, TimeUnit unit) => ToModelInputAt(DayNumbers.FromDate(calibrationEnd), unit);

    internal ModelInput ToModelInputAt(int calibrationEndDay, TimeUnit unit)
    {
        if (!HasPurchases)
        {
            throw new InvalidOperationException("A summary without purchases has no model inputs.");
        }

        if (calibrationEndDay < _lastDay)
        {
            throw new ArgumentOutOfRangeException("calibrationEnd", DayNumbers.ToDate(calibrationEndDay), "The calibration end is before the last purchase of the summary.");
        }

        double length = unit.LengthInDays;
        return new ModelInput(_purchaseDays - 1, (_lastDay - _firstDay) / length, (calibrationEndDay - _firstDay) / length, MonetaryValue);
    }

    /// <inheritdoc/>
    public bool Equals(PurchaseSummary other) =>
        _totalAmount == other._totalAmount && _firstDayAmount == other._firstDayAmount && _transactions == other._transactions
        && _firstDay == other._firstDay && _lastDay == other._lastDay && _purchaseDays == other._purchaseDays;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PurchaseSummary other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        unchecked
        {
            int h = _totalAmount.GetHashCode();
            h = (h * 397) ^ _firstDayAmount.GetHashCode();
            h = (h * 397) ^ _transactions.GetHashCode();
            h = (h * 397) ^ _firstDay;
            h = (h * 397) ^ _lastDay;
            return (h * 397) ^ _purchaseDays;
        }
    }

    /// <summary>A readable form, e.g. <c>1997-01-01..1997-08-02: 3 transactions on 3 days, total 74.02</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => HasPurchases
        ? FormattableString.Invariant($"{FirstPurchase:yyyy-MM-dd}..{LastPurchase:yyyy-MM-dd}: {_transactions} transactions on {_purchaseDays} days, total {_totalAmount}")
        : "no purchases";
}
