using System.Runtime.InteropServices;

namespace CustomerRetention;

/// <summary>
/// One customer's running purchase totals while their purchases are added in date order, with amounts as exact
/// scaled integers (amount = units · 10^−scale, e.g. cents at scale 2): first and last purchase day, distinct
/// purchase days, transactions, total and first-day units. The one summing step of the library:
/// <see cref="PurchaseAggregator"/> and the CSV package's one-pass summariser both add rows and append runs with it,
/// and <see cref="ToSummary"/> gives the <see cref="PurchaseSummary"/>.
/// </summary>
/// <remarks>
/// Same-day purchases merge into one purchase day (see docs/purchase-summary.md). <see cref="TryAdd"/> and
/// <see cref="TryAppend"/> refuse (return false, nothing changed) a purchase dated before the last one added; the
/// caller then sorts by day. An <see cref="OverflowException"/> (a total beyond ±9.2e18 units) leaves the totals
/// unusable; sum as decimals then. The default value holds no purchase.
/// <example>
/// <code>
/// var totals = default(PurchaseTotals);
/// totals.TryAdd(DayNumbers.FromDate(new LocalDate(1997, 1, 1)), 1299);  // 12.99 at scale 2
/// totals.TryAdd(DayNumbers.FromDate(new LocalDate(1997, 2, 3)), 500);
/// PurchaseSummary summary = totals.ToSummary(scale: 2);                // 2 purchase days, total 17.99
/// </code>
/// </example>
/// </remarks>
[MutableByDesign]
[StructLayout(LayoutKind.Auto)]
public struct PurchaseTotals : IEquatable<PurchaseTotals>
{
    private long _totalUnits;
    private long _firstDayUnits;
    private long _transactions;
    private int _firstDay;
    private int _lastDay;
    private int _purchaseDays;

    /// <summary>The number of purchases added; 0 for none.</summary>
    public readonly long Transactions => _transactions;

    /// <summary>The first purchase day (days since 1970-01-01); meaningless without purchases.</summary>
    public readonly int FirstDayNumber => _firstDay;

    /// <summary>The last purchase day (days since 1970-01-01); meaningless without purchases.</summary>
    public readonly int LastDayNumber => _lastDay;

    /// <summary>The number of distinct purchase days.</summary>
    public readonly int PurchaseDays => _purchaseDays;

    /// <summary>The sum of all amounts, in units.</summary>
    public readonly long TotalUnits => _totalUnits;

    /// <summary>The sum of the first purchase day's amounts, in units.</summary>
    public readonly long FirstDayUnits => _firstDayUnits;

    /// <summary>Equality of two totals.</summary>
    /// <param name="left">The first totals.</param>
    /// <param name="right">The second totals.</param>
    /// <returns>Whether every part is equal.</returns>
    public static bool operator ==(PurchaseTotals left, PurchaseTotals right) => left.Equals(right);

    /// <summary>Inequality of two totals.</summary>
    /// <param name="left">The first totals.</param>
    /// <param name="right">The second totals.</param>
    /// <returns>Whether a part differs.</returns>
    public static bool operator !=(PurchaseTotals left, PurchaseTotals right) => !left.Equals(right);

    /// <summary>Adds one purchase dated on or after the last one added.</summary>
    /// <param name="dayNumber">The purchase day (days since 1970-01-01).</param>
    /// <param name="units">The amount in units of the caller's scale, any sign.</param>
    /// <returns>False (nothing changed) when the purchase is dated before the last one added.</returns>
    /// <exception cref="OverflowException">A total leaves the range of <see cref="long"/>.</exception>
    public bool TryAdd(int dayNumber, long units)
    {
        if (_transactions == 0)
        {
            this = new PurchaseTotals { _firstDay = dayNumber, _lastDay = dayNumber, _purchaseDays = 1, _transactions = 1, _totalUnits = units, _firstDayUnits = units };
            return true;
        }

        if (dayNumber > _lastDay)
        {
            _lastDay = dayNumber;
            _purchaseDays++;
        }
        else if (dayNumber == _lastDay)
        {
            if (dayNumber == _firstDay)
            {
                _firstDayUnits = checked(_firstDayUnits + units);
            }
        }
        else
        {
            return false;
        }

        _transactions++;
        _totalUnits = checked(_totalUnits + units);
        return true;
    }

    /// <summary>
    /// Appends the totals of the same customer's later purchases (summed at the same scale), whose first day is on or
    /// after this one's last day: a customer's runs of rows summed apart and joined in order.
    /// </summary>
    /// <param name="later">The later purchases' totals.</param>
    /// <returns>False (nothing changed) when <paramref name="later"/> starts before this one's last day.</returns>
    /// <exception cref="OverflowException">A total leaves the range of <see cref="long"/>.</exception>
    public bool TryAppend(in PurchaseTotals later)
    {
        if (later._transactions == 0)
        {
            return true;
        }

        if (_transactions == 0)
        {
            this = later;
            return true;
        }

        if (later._firstDay < _lastDay)
        {
            return false;
        }

        // The later days overlap these in at most one day: this one's last.
        bool sameDay = later._firstDay == _lastDay;
        long firstDayUnits = sameDay && _firstDay == _lastDay ? checked(_firstDayUnits + later._firstDayUnits) : _firstDayUnits;
        long totalUnits = checked(_totalUnits + later._totalUnits);
        _firstDayUnits = firstDayUnits;
        _totalUnits = totalUnits;
        _purchaseDays += later._purchaseDays - (sameDay ? 1 : 0);
        _lastDay = later._lastDay;
        _transactions += later._transactions;
        return true;
    }

    /// <summary>Multiplies the amounts by 10^<paramref name="by"/>: the same totals at <paramref name="by"/> more decimals.</summary>
    /// <param name="by">Range: 0 ≤ by ≤ 18.</param>
    /// <exception cref="OverflowException">A total leaves the range of <see cref="long"/>.</exception>
    public void Rescale(int by)
    {
        Guard.InRange(by, 0, 18);
        long factor = AmountUnits.Pow10(by);
        _totalUnits = checked(_totalUnits * factor);
        _firstDayUnits = checked(_firstDayUnits * factor);
    }

    /// <summary>The summary of the purchases added; <c>default</c> (no purchases) when none was.</summary>
    /// <param name="scale">The number of decimals of the units. Range: 0 ≤ scale ≤ 9.</param>
    /// <returns>The summary, amounts as exact decimals.</returns>
    public readonly PurchaseSummary ToSummary(int scale)
    {
        Guard.InRange(scale, 0, AmountUnits.MaxScale);
        return _transactions == 0
            ? default
            : new PurchaseSummary(_firstDay, _lastDay, _transactions, _purchaseDays, AmountUnits.ToDecimal(_totalUnits, scale), AmountUnits.ToDecimal(_firstDayUnits, scale));
    }

    /// <inheritdoc/>
    public readonly bool Equals(PurchaseTotals other) =>
        _totalUnits == other._totalUnits && _firstDayUnits == other._firstDayUnits && _transactions == other._transactions
        && _firstDay == other._firstDay && _lastDay == other._lastDay && _purchaseDays == other._purchaseDays;

    /// <inheritdoc/>
    public override readonly bool Equals(object? obj) => obj is PurchaseTotals other && Equals(other);

    /// <inheritdoc/>
    public override readonly int GetHashCode()
    {
        unchecked
        {
            int h = _totalUnits.GetHashCode();
            h = (h * 397) ^ _firstDayUnits.GetHashCode();
            h = (h * 397) ^ _transactions.GetHashCode();
            h = (h * 397) ^ _firstDay;
            h = (h * 397) ^ _lastDay;
            return (h * 397) ^ _purchaseDays;
        }
    }
}
