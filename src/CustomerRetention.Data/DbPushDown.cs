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
    /// <returns>The aggregate (one entry per customer-day).</returns>
    /// <exception cref="DataSourceException">A column is missing or of the wrong type, or a row is bad.</exception>
    public static PurchaseAggregate Aggregate(DbConnection connection, SqlDialect dialect, SqlSource source, TransactionColumns? columns = null)
    {
        Guard.NotNull(connection);
        Guard.NotNull(source);
        TransactionColumns resolved = Resolve(connection, dialect, source, columns ?? TransactionColumns.Default);
        using DbCommand command = PushDownSql.DailyRows(dialect, source, resolved).CreateCommand(connection);
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

    private static TransactionColumns Resolve(DbConnection connection, SqlDialect dialect, SqlSource source, TransactionColumns columns)
    {
        using DbCommand probe = PushDownSql.Probe(dialect, source).CreateCommand(connection);
        using DbDataReader reader = probe.ExecuteReader();
        return RowReader.Resolve(reader, source.Name, columns);
    }
}
