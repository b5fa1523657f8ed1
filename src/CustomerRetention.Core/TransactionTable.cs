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
    private readonly decimal[] _amounts;
    private readonly int _count;

    private TransactionTable(CustomerId[] customers, int[] customerIndices, int[] dayNumbers, decimal[] amounts, int count)
    {
        _customers = customers;
        _customerIndices = customerIndices;
        _dayNumbers = dayNumbers;
        _amounts = amounts;
        _count = count;
    }

    /// <summary>A table with no rows and no customers.</summary>
    public static TransactionTable Empty { get; } = new([], [], [], [], 0);

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

    /// <summary>Row i's amount.</summary>
    public ReadOnlySpan<decimal> Amounts => _amounts.AsSpan(0, _count);

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

            return new Transaction(_customers[_customerIndices[index]], CustomerRetention.DayNumbers.ToDate(_dayNumbers[index]), _amounts[index]);
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

    /// <inheritdoc/>
    public IEnumerator<Transaction> GetEnumerator()
    {
        for (int i = 0; i < _count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// Collects rows one by one into a <see cref="TransactionTable"/>; customer ids are interned
    /// (one string per customer, looked up by span). Not thread-safe; use one builder per thread.
    /// </summary>
    [MutableByDesign]
    public sealed class Builder
    {
        private readonly CustomerInterner _interner;
        private int[] _customerIndices;
        private int[] _dayNumbers;
        private decimal[] _amounts;
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
            _customerIndices = new int[c];
            _dayNumbers = new int[c];
            _amounts = new decimal[c];
        }

        /// <summary>The number of rows added so far.</summary>
        public int Count => _count;

        /// <summary>The number of distinct customers so far.</summary>
        public int CustomerCount => _interner.Count;

        /// <summary>Adds one transaction.</summary>
        /// <param name="customer">Who bought.</param>
        /// <param name="date">When.</param>
        /// <param name="amount">How much, any sign.</param>
        public void Add(CustomerId customer, LocalDate date, decimal amount) =>
            AddRow(_interner.GetOrAdd(customer.Value), CustomerRetention.DayNumbers.FromDate(date), amount);

        /// <summary>Adds one transaction given by its customer id's characters and a day number (the allocation-free path of readers).</summary>
        /// <param name="customerId">The id's characters; copied to a string only the first time the customer is seen.</param>
        /// <param name="dayNumber">Days since 1970-01-01 (see <see cref="CustomerRetention.DayNumbers"/>).</param>
        /// <param name="amount">How much, any sign.</param>
        public void Add(ReadOnlySpan<char> customerId, int dayNumber, decimal amount) =>
            AddRow(_interner.GetOrAdd(customerId), dayNumber, amount);

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

            return new TransactionTable(customers, _customerIndices, _dayNumbers, _amounts, _count);
        }

        private void AddRow(int customer, int day, decimal amount)
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
                Array.Resize(ref _amounts, size);
            }

            _customerIndices[_count] = customer;
            _dayNumbers[_count] = day;
            _amounts[_count] = amount;
            _count++;
        }
    }
}
