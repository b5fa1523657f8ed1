using System.Collections;
using NodaTime;

namespace CustomerRetention;

/// <summary>
/// The purchase summaries of a customer base: one <see cref="PurchaseSummary"/> per customer with at
/// least one purchase (up to <see cref="Through"/> when a cut-off was given), in the order of the
/// customers' first appearance in the input. Immutable, thread-safe for reading.
/// </summary>
public sealed class PurchaseSummaries : IReadOnlyList<PurchaseSummary>
{
    private readonly CustomerId[] _customers;
    private readonly PurchaseSummary[] _summaries;
    private readonly int _count;
    private Dictionary<CustomerId, int>? _index;

    /// <summary>The summaries and their customers (the arrays become this object's: the aggregators make them for it).</summary>
    internal PurchaseSummaries(CustomerId[] customers, PurchaseSummary[] summaries, LocalDate? through)
    {
        _customers = customers;
        _summaries = summaries;
        _count = summaries.Length;
        Through = through;
    }

    /// <summary>
    /// Summaries computed elsewhere, e.g. by a database from the push-down summary query of
    /// CustomerRetention.Data, or built by hand with <see cref="PurchaseSummary(LocalDate, LocalDate, long, int, decimal, decimal)"/>.
    /// </summary>
    /// <param name="customers">The customers, each at most once.</param>
    /// <param name="summaries">Their summaries, aligned with <paramref name="customers"/>; each with purchases.</param>
    /// <param name="through">The cut-off the summaries were computed at (inclusive), or null when all purchases count. Range: on or after every last purchase.</param>
    /// <returns>The summaries, in the order given.</returns>
    public static PurchaseSummaries Create(IReadOnlyList<CustomerId> customers, IReadOnlyList<PurchaseSummary> summaries, LocalDate? through = null)
    {
        Guard.NotNull(customers);
        Guard.NotNull(summaries);
        Guard.SameLength(customers.Count, summaries.Count, nameof(summaries));
        var ids = new CustomerId[customers.Count];
        var rows = new PurchaseSummary[summaries.Count];
        var seen = new HashSet<CustomerId>();
        int end = through is LocalDate t ? DayNumbers.FromDate(t) : int.MaxValue;
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = customers[i];
            rows[i] = summaries[i];
            if (!seen.Add(ids[i]))
            {
                throw new ArgumentException($"Customer '{ids[i].Value}' appears more than once.", nameof(customers));
            }

            if (!rows[i].HasPurchases)
            {
                throw new ArgumentException($"The summary of customer '{ids[i].Value}' has no purchases.", nameof(summaries));
            }

            if (rows[i].LastDayNumber > end)
            {
                throw new ArgumentOutOfRangeException(nameof(through), through, $"Customer '{ids[i].Value}' has a purchase after the cut-off.");
            }
        }

        return new PurchaseSummaries(ids, rows, through);
    }

    /// <summary>The cut-off: only purchases on or before it were counted; null when all were.</summary>
    public LocalDate? Through { get; }

    /// <summary>The number of customers.</summary>
    public int Count => _count;

    /// <summary>The customers, aligned with the summaries (each id a string made once, whichever road read them).</summary>
    public IReadOnlyList<CustomerId> Customers => _customers;

    /// <summary>The summaries as a span, aligned with <see cref="Customers"/>.</summary>
    public ReadOnlySpan<PurchaseSummary> Span => new(_summaries, 0, _count);

    /// <summary>The summary of the customer at <paramref name="index"/>.</summary>
    /// <param name="index">Range: 0 ≤ index &lt; <see cref="Count"/>.</param>
    public PurchaseSummary this[int index] => (uint)index < (uint)_count ? _summaries[index] : throw new ArgumentOutOfRangeException(nameof(index), index, "The index must be below Count.");

    /// <summary>The summary of <paramref name="customer"/>, if they bought (up to <see cref="Through"/>).</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="summary">Their summary, or the default (no purchases).</param>
    /// <returns>Whether the customer is in the summaries.</returns>
    public bool TryGet(CustomerId customer, out PurchaseSummary summary)
    {
        Dictionary<CustomerId, int> index = _index ??= BuildIndex();
        if (index.TryGetValue(customer, out int i))
        {
            summary = _summaries[i];
            return true;
        }

        summary = default;
        return false;
    }

    /// <summary>The total number of repeat purchase days (sum of the frequencies x).</summary>
    /// <returns>Σ x.</returns>
    public long TotalRepeatPurchaseDays()
    {
        long total = 0;
        foreach (PurchaseSummary s in Span)
        {
            total += s.RepeatPurchaseDays;
        }

        return total;
    }

    /// <summary>
    /// The model inputs (x, t_x, T, z̄) of every customer at <paramref name="calibrationEnd"/>, in
    /// <paramref name="unit"/>, as columns. The summaries should be cut off at the calibration end
    /// (<see cref="Through"/> = <paramref name="calibrationEnd"/>).
    /// </summary>
    /// <param name="calibrationEnd">End of the calibration period, inclusive. Range: on or after every last purchase.</param>
    /// <param name="unit">The unit of model time.</param>
    /// <returns>The inputs, aligned with <see cref="Customers"/>.</returns>
    public ModelInputs ToModelInputs(LocalDate calibrationEnd, TimeUnit unit)
    {
        int end = DayNumbers.FromDate(calibrationEnd);
        ReadOnlySpan<PurchaseSummary> summaries = Span;
        int n = summaries.Length;
        var frequency = new double[n];
        var recency = new double[n];
        var t = new double[n];
        var monetary = new decimal[n];
        for (int i = 0; i < n; i++)
        {
            ModelInput input = summaries[i].ToModelInputAt(end, unit);
            frequency[i] = input.Frequency;
            recency[i] = input.Recency;
            t[i] = input.T;
            monetary[i] = input.MonetaryValue;
        }

        return new ModelInputs(_customers, frequency, recency, t, monetary, calibrationEnd, unit);
    }

    /// <inheritdoc/>
    public IEnumerator<PurchaseSummary> GetEnumerator()
    {
        for (int i = 0; i < _count; i++)
        {
            yield return _summaries[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>No customers and no cut-off.</summary>
    public static PurchaseSummaries Empty { get; } = new(Array.Empty<CustomerId>(), Array.Empty<PurchaseSummary>(), null);

    private Dictionary<CustomerId, int> BuildIndex()
    {
        var index = new Dictionary<CustomerId, int>(_count);
        for (int i = 0; i < _count; i++)
        {
            index[_customers[i]] = i;
        }

        return index;
    }
}

/// <summary>
/// The model inputs of a customer base as columns (what the model fitters read): per customer
/// x (frequency), t_x (recency), T and z̄ (monetary value), at <see cref="CalibrationEnd"/> in
/// <see cref="Unit"/>. Immutable, thread-safe for reading.
/// </summary>
public sealed class ModelInputs : IReadOnlyList<ModelInput>
{
    private readonly IReadOnlyList<CustomerId> _customers;
    private readonly double[] _frequency;
    private readonly double[] _recency;
    private readonly double[] _t;
    private readonly decimal[] _monetary;

    internal ModelInputs(IReadOnlyList<CustomerId> customers, double[] frequency, double[] recency, double[] t, decimal[] monetary, LocalDate calibrationEnd, TimeUnit unit)
    {
        _customers = customers;
        _frequency = frequency;
        _recency = recency;
        _t = t;
        _monetary = monetary;
        CalibrationEnd = calibrationEnd;
        Unit = unit;
    }

    /// <summary>Rebuilds model inputs from their parts (what a stored result holds).</summary>
    /// <param name="customers">The customers, distinct, aligned with <paramref name="inputs"/>.</param>
    /// <param name="inputs">One input per customer (each validated by <see cref="ModelInput"/>'s constructor).</param>
    /// <param name="calibrationEnd">The calibration end the inputs were computed at.</param>
    /// <param name="unit">The unit of recency and T.</param>
    /// <returns>The inputs as columns (copies).</returns>
    /// <exception cref="ArgumentNullException">A list is null.</exception>
    /// <exception cref="ArgumentException">The lists differ in length or a customer repeats.</exception>
    public static ModelInputs Create(IReadOnlyList<CustomerId> customers, IReadOnlyList<ModelInput> inputs, LocalDate calibrationEnd, TimeUnit unit)
    {
        Guard.NotNull(customers);
        Guard.NotNull(inputs);
        Guard.SameLength(customers.Count, inputs.Count, nameof(inputs));
        int n = inputs.Count;
        var ids = new CustomerId[n];
        var seen = new HashSet<CustomerId>();
        var frequency = new double[n];
        var recency = new double[n];
        var t = new double[n];
        var monetary = new decimal[n];
        for (int i = 0; i < n; i++)
        {
            ids[i] = customers[i];
            if (!seen.Add(ids[i]))
            {
                throw new ArgumentException($"Customer '{ids[i]}' appears more than once.", nameof(customers));
            }

            ModelInput input = inputs[i];
            frequency[i] = input.Frequency;
            recency[i] = input.Recency;
            t[i] = input.T;
            monetary[i] = input.MonetaryValue;
        }

        return new ModelInputs(ids, frequency, recency, t, monetary, calibrationEnd, unit);
    }

    /// <summary>The calibration end the inputs are computed at.</summary>
    public LocalDate CalibrationEnd { get; }

    /// <summary>The unit of <see cref="Recency"/> and <see cref="T"/>.</summary>
    public TimeUnit Unit { get; }

    /// <summary>The number of customers.</summary>
    public int Count => _frequency.Length;

    /// <summary>The customers, aligned with the columns.</summary>
    public IReadOnlyList<CustomerId> Customers => _customers;

    /// <summary>x per customer (whole numbers, as doubles for the fitters).</summary>
    public ReadOnlySpan<double> Frequency => _frequency;

    /// <summary>t_x per customer, in <see cref="Unit"/>.</summary>
    public ReadOnlySpan<double> Recency => _recency;

    /// <summary>T per customer, in <see cref="Unit"/>.</summary>
    public ReadOnlySpan<double> T => _t;

    /// <summary>z̄ per customer (exact decimal mean of the repeat purchase days; 0 when x = 0).</summary>
    public ReadOnlySpan<decimal> MonetaryValue => _monetary;

    /// <summary>The inputs of the customer at <paramref name="index"/>.</summary>
    /// <param name="index">Range: 0 ≤ index &lt; <see cref="Count"/>.</param>
    public ModelInput this[int index] => new((int)_frequency[index], _recency[index], _t[index], _monetary[index]);

    /// <inheritdoc/>
    public IEnumerator<ModelInput> GetEnumerator()
    {
        for (int i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
