using System.Collections;
using NodaTime;

namespace CustomerRetention;

/// <summary>
/// Transactions in columns: for row i, the dense customer index <c>CustomerIndices[i]</c> (into
/// <see cref="Customers"/>), the day number <c>DayNumbers[i]</c> (days since 1970-01-01, see
/// <see cref="CustomerRetention.DayNumbers"/>) and the amount <c>Amounts[i]</c>. This is what the CSV
/// reader produces and what the fast entry points of <see cref="PurchaseAggregator"/> read.
/// </summary>
/// <remarks>
/// Customers are numbered 0..n−1 in order of first appearance. Immutable once built (build one
/// with <see cref="Builder"/> or <see cref="FromTransactions"/>), thread-safe for reading.
/// Enumerating it yields the rows as <see cref="Transaction"/>s, in input order.
/// <example>
/// <code>
/// var builder = new TransactionTable.Builder();
/// builder.Add(new CustomerId("C01"), new LocalDate(1997, 1, 1), 29.33m);
/// TransactionTable table = builder.ToTable();
/// PurchaseSummaries summaries = PurchaseAggregator.Summarize(table, new LocalDate(1997, 9, 30));
/// </code>
/// </example>
/// </remarks>
public sealed class TransactionTable : IReadOnlyList<Transaction>
{
    private readonly CustomerId[] _customers;
    private readonly int[] _customerIndices;
    private readonly int[] _dayNumbers;
    private readonly long[]? _amountUnits;
    private readonly int _amountScale;
    private readonly int _count;
    private decimal[]? _amounts;

    private TransactionTable(CustomerId[] customers, int[] customerIndices, int[] dayNumbers, long[]? amountUnits, int amountScale, decimal[]? amounts, int count)
    {
        _customers = customers;
        _customerIndices = customerIndices;
        _dayNumbers = dayNumbers;
        _amountUnits = amountUnits;
        _amountScale = amountScale;
        _amounts = amounts;
        _count = count;
    }

    /// <summary>A table with no rows and no customers.</summary>
    public static TransactionTable Empty { get; } = new([], [], [], [], 0, null, 0);

    /// <summary>The number of rows (transactions).</summary>
    public int Count => _count;

    /// <summary>The customers, by dense index (order of first appearance).</summary>
    public IReadOnlyList<CustomerId> Customers => _customers;

    /// <summary>The number of distinct customers.</summary>
    public int CustomerCount => _customers.Length;

    /// <summary>Row i's customer as an index into <see cref="Customers"/>.</summary>
    public ReadOnlySpan<int> CustomerIndices => _customerIndices.AsSpan(0, _count);

    /// <summary>Row i's date as a day number (days since 1970-01-01).</summary>
    public ReadOnlySpan<int> DayNumbers => _dayNumbers.AsSpan(0, _count);

    /// <summary>Row i's amount (exact decimal). When the amounts are stored as scaled integers (see <see cref="TryGetAmountUnits"/>) the decimals are made on first use.</summary>
    public ReadOnlySpan<decimal> Amounts => (_amounts ??= MakeAmounts()).AsSpan(0, _count);

    /// <summary>Row <paramref name="index"/> as a transaction.</summary>
    /// <param name="index">Range: 0 ≤ index &lt; <see cref="Count"/>.</param>
    public Transaction this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, "Index is outside the table.");
            }

            return new Transaction(_customers[_customerIndices[index]], CustomerRetention.DayNumbers.ToDate(_dayNumbers[index]), AmountAt(index));
        }
    }

    /// <summary>Builds the table of <paramref name="transactions"/>, in their order.</summary>
    /// <param name="transactions">Any transactions, any order.</param>
    /// <returns>The table.</returns>
    public static TransactionTable FromTransactions(IEnumerable<Transaction> transactions)
    {
        Guard.NotNull(transactions);
        var builder = new Builder();
        foreach (Transaction t in transactions)
        {
            builder.Add(t.Customer, t.Date, t.Amount);
        }

        return builder.ToTable();
    }

    /// <summary>
    /// The amounts as exact scaled integers when every amount has at most 9 decimals and fits:
    /// amount = units · 10^−scale (e.g. cents with scale 2). The fast paths sum these instead of decimals.
    /// </summary>
    /// <param name="units">Row i's amount in units of 10^−scale; empty when false is returned.</param>
    /// <param name="scale">The number of decimals. Range: 0 ≤ scale ≤ 9.</param>
    /// <returns>Whether the table stores its amounts so.</returns>
    public bool TryGetAmountUnits(out ReadOnlySpan<long> units, out int scale)
    {
        if (_amountUnits is null)
        {
            units = default;
            scale = 0;
            return false;
        }

        units = _amountUnits.AsSpan(0, _count);
        scale = _amountScale;
        return true;
    }

    /// <inheritdoc/>
    public IEnumerator<Transaction> GetEnumerator()
    {
        for (int i = 0; i < _count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private decimal AmountAt(int index) =>
        _amounts is not null ? _amounts[index] : AmountUnits.ToDecimal(_amountUnits![index], _amountScale);

    private decimal[] MakeAmounts()
    {
        var amounts = new decimal[_count];
        for (int i = 0; i < amounts.Length; i++)
        {
            amounts[i] = AmountUnits.ToDecimal(_amountUnits![i], _amountScale);
        }

        return amounts;
    }

    /// <summary>
    /// Collects rows one by one into a <see cref="TransactionTable"/>; customer ids are interned
    /// (one string per customer, looked up by span). Amounts are kept as exact scaled integers while
    /// they have at most 9 decimals and fit (the fast aggregation path), as decimals otherwise.
    /// Not thread-safe; use one builder per thread.
    /// </summary>
    [MutableByDesign]
    public sealed class Builder
    {
        private readonly CustomerInterner _interner;
        private int[] _customerIndices;
        private int[] _dayNumbers;
        private long[]? _units;
        private int _scale;
        private decimal[]? _amounts;
        private int _count;
        private bool _built;

        /// <summary>Creates an empty builder.</summary>
        public Builder()
            : this(1024)
        {
        }

        /// <summary>Creates an empty builder with room for <paramref name="capacity"/> rows.</summary>
        /// <param name="capacity">Range: capacity ≥ 0; the builder grows beyond it as needed.</param>
        public Builder(int capacity)
        {
            Guard.NonNegative(capacity);
            int c = Math.Max(capacity, 16);
            _interner = new CustomerInterner(Math.Min(c, 1 << 16));

            // Only rows 0..Count−1 are ever read: large columns need not be zeroed (nor their pages touched) up front.
            _customerIndices = ArrayAllocation.Uninitialized<int>(c);
            _dayNumbers = ArrayAllocation.Uninitialized<int>(c);
            _units = ArrayAllocation.Uninitialized<long>(c);
        }

        /// <summary>The number of rows added so far.</summary>
        public int Count => _count;

        /// <summary>The number of distinct customers so far.</summary>
        public int CustomerCount => _interner.Count;

        /// <summary>Adds one transaction.</summary>
        /// <param name="customer">Who bought.</param>
        /// <param name="date">When.</param>
        /// <param name="amount">How much, any sign.</param>
        public void Add(CustomerId customer, LocalDate date, decimal amount)
        {
            int index = NextRow();
            _customerIndices[index] = _interner.GetOrAdd(customer.Value);
            _dayNumbers[index] = CustomerRetention.DayNumbers.FromDate(date);
            SetAmount(index, amount);
            _count++;
        }

        /// <summary>Adds one transaction given by its customer id's characters and a day number (the allocation-free path of readers).</summary>
        /// <param name="customerId">The id's characters; copied to a string only the first time the customer is seen.</param>
        /// <param name="dayNumber">Days since 1970-01-01 (see <see cref="CustomerRetention.DayNumbers"/>).</param>
        /// <param name="amount">How much, any sign.</param>
        public void Add(ReadOnlySpan<char> customerId, int dayNumber, decimal amount)
        {
            int index = NextRow();
            _customerIndices[index] = _interner.GetOrAdd(customerId);
            _dayNumbers[index] = dayNumber;
            SetAmount(index, amount);
            _count++;
        }

        /// <summary>Builds the table; the builder must not be used afterwards.</summary>
        /// <returns>The table of the rows added.</returns>
        public TransactionTable ToTable()
        {
            if (_built)
            {
                throw new InvalidOperationException("ToTable was already called on this builder.");
            }

            _built = true;
            string[] ids = _interner.ToArray();
            var customers = new CustomerId[ids.Length];
            for (int i = 0; i < ids.Length; i++)
            {
                customers[i] = new CustomerId(ids[i]);
            }

            return new TransactionTable(customers, _customerIndices, _dayNumbers, _units, _scale, _amounts, _count);
        }

        /// <summary>
        /// Adds one transaction whose amount is <paramref name="amountUnits"/> · 10^−<paramref name="amountScale"/>
        /// (e.g. 1299 at scale 2 for 12.99): the readers' fast path, no decimal arithmetic.
        /// </summary>
        /// <param name="customerId">The id's characters; copied to a string only the first time the customer is seen.</param>
        /// <param name="dayNumber">Days since 1970-01-01 (see <see cref="CustomerRetention.DayNumbers"/>).</param>
        /// <param name="amountUnits">The amount in units, any sign.</param>
        /// <param name="amountScale">The number of decimals of the units. Range: 0 ≤ amountScale ≤ 9.</param>
        public void Add(ReadOnlySpan<char> customerId, int dayNumber, long amountUnits, int amountScale)
        {
            Guard.InRange(amountScale, 0, AmountUnits.MaxScale);
            int index = NextRow();
            _customerIndices[index] = _interner.GetOrAdd(customerId);
            _dayNumbers[index] = dayNumber;
            if (_units is not null && amountScale == _scale)
            {
                _units[index] = amountUnits;
            }
            else
            {
                SetUnits(index, amountUnits, amountScale);
            }

            _count++;
        }

        private void SetUnits(int index, long units, int scale)
        {
            if (_units is not null)
            {
                if (scale < _scale && AmountUnits.TryRescale(units, _scale - scale, out long rescaled))
                {
                    _units[index] = rescaled;
                    return;
                }

                if (scale > _scale && RaiseScale(scale))
                {
                    _units[index] = units;
                    return;
                }

                if (scale == _scale)
                {
                    _units[index] = units;
                    return;
                }

                ToDecimals();
            }

            _amounts![index] = AmountUnits.ToDecimal(units, scale);
        }

        private void SetAmount(int index, decimal amount)
        {
            if (_units is not null && AmountUnits.TryFromDecimal(amount, out long units, out int scale))
            {
                SetUnits(index, units, scale);
                return;
            }

            if (_units is not null)
            {
                ToDecimals();
            }

            _amounts![index] = amount;
        }

        /// <summary>Rescales every stored amount to <paramref name="scale"/> decimals; false (nothing changed) when one would overflow.</summary>
        private bool RaiseScale(int scale)
        {
            int by = scale - _scale;
            long[] units = _units!;
            long limit = long.MaxValue / AmountUnits.Pow10(by);
            for (int i = 0; i < _count; i++)
            {
                if (units[i] > limit || units[i] < -limit)
                {
                    return false;
                }
            }

            long factor = AmountUnits.Pow10(by);
            for (int i = 0; i < _count; i++)
            {
                units[i] *= factor;
            }

            _scale = scale;
            return true;
        }

        private void ToDecimals()
        {
            long[] units = _units!;
            var amounts = new decimal[_customerIndices.Length];
            for (int i = 0; i < _count; i++)
            {
                amounts[i] = AmountUnits.ToDecimal(units[i], _scale);
            }

            _amounts = amounts;
            _units = null;
        }

        private int NextRow()
        {
            if (_built)
            {
                throw new InvalidOperationException("ToTable was already called on this builder.");
            }

            if (_count == _customerIndices.Length)
            {
                int size = _count * 2;
                Array.Resize(ref _customerIndices, size);
                Array.Resize(ref _dayNumbers, size);
                if (_units is not null)
                {
                    Array.Resize(ref _units, size);
                }
                else
                {
                    Array.Resize(ref _amounts, size);
                }
            }

            return _count;
        }
    }
}
