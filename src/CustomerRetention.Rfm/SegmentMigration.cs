namespace CustomerRetention.Rfm;

/// <summary>A customer's segment and revenue at one as-of date (a row of a snapshot). Immutable.</summary>
public sealed class SegmentedCustomer
{
    /// <summary>Creates the row.</summary>
    /// <param name="customerId">The customer id (compared ordinally).</param>
    /// <param name="segment">The segment name at that date.</param>
    /// <param name="revenue">The revenue the customer carries at that date (e.g. the RFM monetary value).</param>
    public SegmentedCustomer(string customerId, string segment, decimal revenue)
    {
        CustomerId = Guard.NotNull(customerId);
        Segment = Guard.NotNull(segment);
        Revenue = revenue;
    }

    /// <summary>The customer id.</summary>
    public string CustomerId { get; }

    /// <summary>The segment name.</summary>
    public string Segment { get; }

    /// <summary>The revenue the customer carries.</summary>
    public decimal Revenue { get; }
}

/// <summary>
/// One cell of a migration matrix: the customers who were in <see cref="From"/> at the first date and
/// in <see cref="To"/> at the second, and the revenue they carried at each date. Immutable.
/// </summary>
public sealed class MigrationCell
{
    internal MigrationCell(string from, string to, int customers, decimal revenueBefore, decimal revenueAfter)
    {
        From = from;
        To = to;
        Customers = customers;
        RevenueBefore = revenueBefore;
        RevenueAfter = revenueAfter;
    }

    /// <summary>The segment at the first date, or <see cref="SegmentMigration.NotPresent"/> for customers new at the second date.</summary>
    public string From { get; }

    /// <summary>The segment at the second date, or <see cref="SegmentMigration.NotPresent"/> for customers absent from it.</summary>
    public string To { get; }

    /// <summary>The number of customers who moved from <see cref="From"/> to <see cref="To"/>.</summary>
    public int Customers { get; }

    /// <summary>Their revenue at the first date (0 for new customers).</summary>
    public decimal RevenueBefore { get; }

    /// <summary>Their revenue at the second date (0 for absent customers).</summary>
    public decimal RevenueAfter { get; }
}

/// <summary>
/// Segment migration between two as-of dates: how many customers moved from each segment to each
/// other, and the revenue they carry — the report CRM teams ask for ("how many Champions became
/// At Risk this quarter, and how much revenue is that?"). Immutable.
/// </summary>
public sealed class SegmentMigration
{
    /// <summary>The pseudo-segment of a customer absent from one of the two snapshots: <c>(none)</c>.</summary>
    public const string NotPresent = "(none)";

    private readonly MigrationCell[] _cells;
    private readonly Dictionary<(string, string), MigrationCell> _index;

    private SegmentMigration(IReadOnlyList<string> segments, MigrationCell[] cells)
    {
        Segments = segments;
        _cells = cells;
        _index = new Dictionary<(string, string), MigrationCell>();
        foreach (MigrationCell c in cells)
        {
            _index[(c.From, c.To)] = c;
        }
    }

    /// <summary>
    /// The segment names in the matrix: those of <c>segmentOrder</c> (or in order of first appearance),
    /// then <see cref="NotPresent"/> when some customer is in only one snapshot.
    /// </summary>
    public IReadOnlyList<string> Segments { get; }

    /// <summary>The non-empty cells, row by row (from) in the order of <see cref="Segments"/>, then by column (to).</summary>
    public IReadOnlyList<MigrationCell> Cells => _cells;

    /// <summary>
    /// Builds the matrix from two snapshots (customer, segment, revenue), matching customers by id.
    /// A customer only in <paramref name="after"/> moves from <see cref="NotPresent"/>; one only in
    /// <paramref name="before"/> moves to it.
    /// </summary>
    /// <param name="before">The snapshot at the first date; ids unique.</param>
    /// <param name="after">The snapshot at the second date; ids unique.</param>
    /// <returns>The migration matrix.</returns>
    public static SegmentMigration Between(IReadOnlyList<SegmentedCustomer> before, IReadOnlyList<SegmentedCustomer> after) =>
        Between(before, after, []);

    /// <summary>
    /// Builds the matrix from two snapshots, with the segments listed in <paramref name="segmentOrder"/>
    /// first (e.g. <see cref="SegmentMap.Segments"/> names), so that the matrix reads in a stable order.
    /// </summary>
    /// <param name="before">The snapshot at the first date; ids unique.</param>
    /// <param name="after">The snapshot at the second date; ids unique.</param>
    /// <param name="segmentOrder">Segment names in the order wanted; others follow in order of first appearance.</param>
    /// <returns>The migration matrix.</returns>
    public static SegmentMigration Between(IReadOnlyList<SegmentedCustomer> before, IReadOnlyList<SegmentedCustomer> after, IReadOnlyList<string> segmentOrder)
    {
        Guard.NotNull(before);
        Guard.NotNull(after);
        Guard.NotNull(segmentOrder);
        var names = new List<string>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (string s in segmentOrder)
        {
            if (s is not null && known.Add(s))
            {
                names.Add(s);
            }
        }

        Dictionary<string, SegmentedCustomer> first = ById(before, nameof(before), names, known);
        Dictionary<string, SegmentedCustomer> second = ById(after, nameof(after), names, known);
        var sums = new Dictionary<(string, string), (int Count, decimal Before, decimal After)>();
        bool absent = false;
        foreach (KeyValuePair<string, SegmentedCustomer> pair in first)
        {
            string to = NotPresent;
            decimal revenueAfter = 0m;
            if (second.TryGetValue(pair.Key, out SegmentedCustomer? later))
            {
                to = later.Segment;
                revenueAfter = later.Revenue;
            }
            else
            {
                absent = true;
            }

            Add(sums, pair.Value.Segment, to, pair.Value.Revenue, revenueAfter);
        }

        foreach (KeyValuePair<string, SegmentedCustomer> pair in second)
        {
            if (!first.ContainsKey(pair.Key))
            {
                absent = true;
                Add(sums, NotPresent, pair.Value.Segment, 0m, pair.Value.Revenue);
            }
        }

        if (absent && known.Add(NotPresent))
        {
            names.Add(NotPresent);
        }

        var cells = new List<MigrationCell>();
        foreach (string from in names)
        {
            foreach (string to in names)
            {
                if (sums.TryGetValue((from, to), out var s))
                {
                    cells.Add(new MigrationCell(from, to, s.Count, s.Before, s.After));
                }
            }
        }

        return new SegmentMigration(names, cells.ToArray());
    }

    /// <summary>The cell from one segment to another (an empty cell when no customer moved so).</summary>
    /// <param name="from">The segment at the first date.</param>
    /// <param name="to">The segment at the second date.</param>
    /// <returns>The cell.</returns>
    public MigrationCell Cell(string from, string to)
    {
        Guard.NotNull(from);
        Guard.NotNull(to);
        return _index.TryGetValue((from, to), out MigrationCell? cell) ? cell : new MigrationCell(from, to, 0, 0m, 0m);
    }

    /// <summary>The number of customers in <paramref name="segment"/> at the first date (row total).</summary>
    /// <param name="segment">The segment.</param>
    /// <returns>The row total.</returns>
    public int CustomersFrom(string segment)
    {
        Guard.NotNull(segment);
        int total = 0;
        foreach (MigrationCell c in _cells)
        {
            total += string.Equals(c.From, segment, StringComparison.Ordinal) ? c.Customers : 0;
        }

        return total;
    }

    /// <summary>The number of customers in <paramref name="segment"/> at the second date (column total).</summary>
    /// <param name="segment">The segment.</param>
    /// <returns>The column total.</returns>
    public int CustomersTo(string segment)
    {
        Guard.NotNull(segment);
        int total = 0;
        foreach (MigrationCell c in _cells)
        {
            total += string.Equals(c.To, segment, StringComparison.Ordinal) ? c.Customers : 0;
        }

        return total;
    }

    private static void Add(Dictionary<(string, string), (int Count, decimal Before, decimal After)> sums, string from, string to, decimal before, decimal after)
    {
        sums.TryGetValue((from, to), out var s);
        sums[(from, to)] = (s.Count + 1, s.Before + before, s.After + after);
    }

    private static Dictionary<string, SegmentedCustomer> ById(IReadOnlyList<SegmentedCustomer> rows, string paramName, List<string> names, HashSet<string> known)
    {
        var byId = new Dictionary<string, SegmentedCustomer>(rows.Count, StringComparer.Ordinal);
        for (int i = 0; i < rows.Count; i++)
        {
            SegmentedCustomer row = rows[i] ?? throw new ArgumentException(FormattableString.Invariant($"Row {i} is null."), paramName);
            if (byId.ContainsKey(row.CustomerId))
            {
                throw new ArgumentException($"Customer id '{row.CustomerId}' appears more than once.", paramName);
            }

            if (string.Equals(row.Segment, NotPresent, StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{NotPresent}' is reserved for customers absent from a snapshot.", paramName);
            }

            byId.Add(row.CustomerId, row);
            if (known.Add(row.Segment))
            {
                names.Add(row.Segment);
            }
        }

        return byId;
    }
}
