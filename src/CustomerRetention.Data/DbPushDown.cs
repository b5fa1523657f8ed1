using System.Data.Common;
using NodaTime;

namespace CustomerRetention.Data;

/// <summary>
/// Runs the push-down SQL (<see cref="PushDownSql"/>) on an open connection and reads its result: the
/// engine does the GROUP BY, .NET receives one row per customer (or per customer-day).
/// </summary>
/// <remarks>
/// Before the query, the source's columns are looked at (a <c>SELECT * … LIMIT 0</c>): a missing column or
/// one of the wrong type (text in the amount column, say) is a <see cref="DataSourceException"/> naming it,
/// and a column spelled with other capitals is used as the source spells it. Errors of the engine itself
/// (no such table, a syntax error in a query) come as the provider's <see cref="DbException"/>.
/// </remarks>
/// <example>
/// <code>
/// using var connection = new NpgsqlConnection("Host=localhost;Username=analyst;Database=crm");
/// connection.Open();
/// PurchaseSummaries summaries = DbPushDown.Summarize(
///     connection, SqlDialect.PostgreSql, SqlSource.Table("sales"), through: new LocalDate(1997, 9, 30));
/// </code>
/// </example>
public static class DbPushDown
{
    /// <summary>The purchase summaries of <paramref name="source"/> through <paramref name="through"/>, computed by the engine.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="dialect">The engine's dialect (<see cref="SqlDialect.PostgreSql"/> or <see cref="SqlDialect.DuckDb"/>).</param>
    /// <param name="source">Where the transactions are.</param>
    /// <param name="through">The cut-off (e.g. the calibration end), inclusive; null for every purchase.</param>
    /// <param name="columns">The source's column names; <see cref="TransactionColumns.Default"/> when null.</param>
    /// <returns>One summary per customer with a purchase through the cut-off, ordered by customer id.</returns>
    /// <exception cref="DataSourceException">A column is missing or of the wrong type, or a row is bad.</exception>
    public static PurchaseSummaries Summarize(DbConnection connection, SqlDialect dialect, SqlSource source, LocalDate? through, TransactionColumns? columns = null)
    {
        Guard.NotNull(connection);
        Guard.NotNull(source);
        TransactionColumns resolved = Resolve(connection, dialect, source, columns ?? TransactionColumns.Default);
        using DbCommand command = PushDownSql.Summary(dialect, source, through, resolved).CreateCommand(connection);
        using DbDataReader reader = command.ExecuteReader();
        return DbPurchaseReader.ReadSummaries(reader, source.Name, through, resolved);
    }

    /// <summary>The purchase aggregate of <paramref name="source"/>, from the daily rows the engine computes (<see cref="PushDownSql.DailyRows"/>).</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="dialect">The engine's dialect.</param>
    /// <param name="source">Where the transactions are.</param>
    /// <param name="columns">The source's column names; <see cref="TransactionColumns.Default"/> when null.</param>
    /// <param name="range">Only the customers in this key range (one partition of <see cref="SplitByCustomerKey"/>); every row when null.</param>
    /// <returns>The aggregate (one entry per customer-day).</returns>
    /// <exception cref="DataSourceException">A column is missing or of the wrong type, or a row is bad.</exception>
    public static PurchaseAggregate Aggregate(DbConnection connection, SqlDialect dialect, SqlSource source, TransactionColumns? columns = null, CustomerKeyRange? range = null)
    {
        Guard.NotNull(connection);
        Guard.NotNull(source);
        TransactionColumns resolved = Resolve(connection, dialect, source, columns ?? TransactionColumns.Default);
        using DbCommand command = PushDownSql.DailyRows(dialect, source, resolved, range).CreateCommand(connection);
        using DbDataReader reader = command.ExecuteReader();
        return DbPurchaseReader.ReadDailyPurchases(reader, source.Name, TransactionColumns.Default);
    }

    /// <summary>
    /// Every transaction of <paramref name="source"/> as a <see cref="TransactionTable"/> (<see cref="PushDownSql.Transactions"/>):
    /// the pull path, for analyses that need every row (RFM's transaction counts, cohorts, churn). Holds all rows.
    /// </summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="dialect">The engine's dialect.</param>
    /// <param name="source">Where the transactions are.</param>
    /// <param name="columns">The source's column names; <see cref="TransactionColumns.Default"/> when null.</param>
    /// <returns>The table, in the engine's row order.</returns>
    /// <exception cref="DataSourceException">A column is missing or of the wrong type, or a row is bad.</exception>
    public static TransactionTable ReadTable(DbConnection connection, SqlDialect dialect, SqlSource source, TransactionColumns? columns = null)
    {
        Guard.NotNull(connection);
        Guard.NotNull(source);
        TransactionColumns resolved = Resolve(connection, dialect, source, columns ?? TransactionColumns.Default);
        using DbCommand command = PushDownSql.Transactions(dialect, source, resolved).CreateCommand(connection);
        using DbDataReader reader = command.ExecuteReader();
        return DbPurchaseReader.ReadTransactionTable(reader, source.Name, resolved);
    }

    /// <summary>
    /// Splits the customers of <paramref name="source"/> into at most <paramref name="count"/> key ranges of about
    /// equal numbers of customers, boundaries computed by the engine (<see cref="PushDownSql.KeyBoundaries"/>).
    /// The ranges are in key order and together take every row once (the first is open below and takes NULL
    /// ids, the last open above); fewer come back when there are fewer customers, one (all rows) when none.
    /// </summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="dialect">The engine's dialect.</param>
    /// <param name="source">Where the transactions are.</param>
    /// <param name="count">The number of ranges wanted. Range: 1 ≤ count ≤ 1,000,000.</param>
    /// <param name="columns">The source's column names; <see cref="TransactionColumns.Default"/> when null.</param>
    /// <returns>The ranges, in key order.</returns>
    /// <exception cref="DataSourceException">The customer column is missing or of the wrong type.</exception>
    public static IReadOnlyList<CustomerKeyRange> SplitByCustomerKey(DbConnection connection, SqlDialect dialect, SqlSource source, int count, TransactionColumns? columns = null)
    {
        Guard.NotNull(connection);
        Guard.NotNull(source);
        TransactionColumns resolved = Resolve(connection, dialect, source, columns ?? TransactionColumns.Default);
        using DbCommand command = PushDownSql.KeyBoundaries(dialect, source, count, resolved).CreateCommand(connection);
        using DbDataReader reader = command.ExecuteReader();
        var bounds = new List<object>();
        while (reader.Read())
        {
            bounds.Add(reader.GetValue(0));
        }

        var ranges = new List<CustomerKeyRange>(Math.Max(1, bounds.Count));
        for (int i = 0; i < Math.Max(1, bounds.Count); i++)
        {
            ranges.Add(new CustomerKeyRange(i == 0 ? null : bounds[i], i + 1 < bounds.Count ? bounds[i + 1] : null));
        }

        return ranges;
    }

    private static TransactionColumns Resolve(DbConnection connection, SqlDialect dialect, SqlSource source, TransactionColumns columns)
    {
        using DbCommand probe = PushDownSql.Probe(dialect, source).CreateCommand(connection);
        using DbDataReader reader = probe.ExecuteReader();
        return RowReader.Resolve(reader, source.Name, columns);
    }
}
