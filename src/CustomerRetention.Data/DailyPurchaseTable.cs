using NodaTime;

namespace CustomerRetention.Data;

/// <summary>
/// Transactions merged by (customer, day) as they stream in: one slot per distinct customer-day, so the
/// memory held is that of the <see cref="PurchaseAggregate"/> being built, never a table of all rows.
/// </summary>
internal sealed class DailyPurchaseTable
{
    private readonly Dictionary<string, int> _customerIndex = new(StringComparer.Ordinal);
    private readonly List<CustomerId> _customers = [];
    private readonly Dictionary<long, int> _slotOf = [];
    private readonly List<int> _slotCustomer = [];
    private readonly List<int> _slotDay = [];
    private readonly List<decimal> _slotAmount = [];
    private readonly List<long> _slotTransactions = [];

    /// <summary>Adds <paramref name="transactions"/> transactions of <paramref name="customer"/> on <paramref name="day"/> worth <paramref name="amount"/> in all.</summary>
    public void Add(string customer, int day, decimal amount, long transactions)
    {
        if (!_customerIndex.TryGetValue(customer, out int c))
        {
            c = _customers.Count;
            _customerIndex.Add(customer, c);
            _customers.Add(new CustomerId(customer));
        }

        long key = ((long)c << 32) | (uint)day;
        if (_slotOf.TryGetValue(key, out int slot))
        {
            _slotAmount[slot] += amount;
            _slotTransactions[slot] += transactions;
            return;
        }

        _slotOf.Add(key, _slotCustomer.Count);
        _slotCustomer.Add(c);
        _slotDay.Add(day);
        _slotAmount.Add(amount);
        _slotTransactions.Add(transactions);
    }

    /// <summary>The aggregate of everything added, customers numbered in order of first appearance.</summary>
    public PurchaseAggregate ToAggregate() => PurchaseAggregate.FromDailyPurchases(Rows());

    private IEnumerable<DailyPurchase> Rows()
    {
        for (int i = 0; i < _slotCustomer.Count; i++)
        {
            yield return new DailyPurchase(_customers[_slotCustomer[i]], DayNumbers.ToDate(_slotDay[i]), _slotAmount[i], _slotTransactions[i]);
        }
    }
}
