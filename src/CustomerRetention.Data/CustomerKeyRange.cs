namespace CustomerRetention.Data;

/// <summary>
/// A range of customer ids in the engine's own order of the customer column: <see cref="Lower"/> ≤ id &lt;
/// <see cref="Upper"/>. An unbounded lower end (null) also takes the rows whose id is NULL, so that a set of
/// ranges that covers the keys covers every row and a bad row still stops the read. The bounds are values
/// of the column's type as the engine returned them (<see cref="DbPushDown.SplitByCustomerKey"/>) and go into
/// the query as parameters. Immutable.
/// </summary>
public sealed class CustomerKeyRange
{
    /// <summary>A range.</summary>
    /// <param name="lower">The first id of the range (inclusive); null for no lower bound (NULL ids included).</param>
    /// <param name="upper">The first id after the range (exclusive); null for no upper bound.</param>
    public CustomerKeyRange(object? lower, object? upper)
    {
        if (lower is DBNull || upper is DBNull)
        {
            throw new ArgumentException("A bound is a value or null, never DBNull.", lower is DBNull ? nameof(lower) : nameof(upper));
        }

        Lower = lower;
        Upper = upper;
    }

    /// <summary>Every id, NULL included.</summary>
    public static CustomerKeyRange All { get; } = new(null, null);

    /// <summary>The first id of the range (inclusive); null for no lower bound.</summary>
    public object? Lower { get; }

    /// <summary>The first id after the range (exclusive); null for no upper bound.</summary>
    public object? Upper { get; }

    /// <summary>The condition on the quoted customer column, adding the bounds to <paramref name="parameters"/>; null when unbounded.</summary>
    internal string? ToSql(SqlDialect dialect, string customer, List<object> parameters)
    {
        var parts = new List<string>(2);
        if (Lower is not null)
        {
            parameters.Add(Lower);
            parts.Add(customer + " >= " + SqlText.Parameter(dialect, parameters.Count));
        }

        if (Upper is not null)
        {
            parameters.Add(Upper);
            string below = customer + " < " + SqlText.Parameter(dialect, parameters.Count);
            parts.Add(Lower is null ? "(" + below + " OR " + customer + " IS NULL)" : below);
        }

        return parts.Count == 0 ? null : string.Join(" AND ", parts);
    }
}
