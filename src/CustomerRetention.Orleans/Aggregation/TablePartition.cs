using System.Data.Common;
using CustomerRetention.Data;

namespace CustomerRetention.Orleans.Aggregation;

/// <summary>
/// One partition of a database table of transactions: the rows whose customer id lies in a key range
/// (<see cref="CustomerKeyRange"/>, in the engine's order of the customer column). The partition grain reads it
/// through the connection factory configured on its silo
/// (<see cref="Hosting.CustomerRetentionHosting.AddCustomerRetentionTables"/>), with the engine's daily rows
/// (<see cref="PushDownSql.DailyRows"/>): every silo must reach the same database. Key bounds travel as
/// values of the column's type: text, an integer or a UUID. Immutable.
/// </summary>
[GenerateSerializer]
[Alias("CustomerRetention.TablePartition")]
public sealed class TablePartition
{
    [Id(0)]
    private readonly string _table;

    [Id(1)]
    private readonly int _dialect;

    [Id(2)]
    private readonly string _customer;

    [Id(3)]
    private readonly string _date;

    [Id(4)]
    private readonly string _amount;

    [Id(5)]
    private readonly object? _lower;

    [Id(6)]
    private readonly object? _upper;

    /// <summary>A partition.</summary>
    /// <param name="table">The table or view, e.g. <c>sales</c> or <c>crm.sales</c> (see <see cref="SqlSource.Table"/>).</param>
    /// <param name="dialect">The engine's dialect.</param>
    /// <param name="range">The customers of the partition.</param>
    /// <param name="columns">The table's column names; <see cref="TransactionColumns.Default"/> when null.</param>
    public TablePartition(string table, SqlDialect dialect, CustomerKeyRange range, TransactionColumns? columns = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(table);
        ArgumentNullException.ThrowIfNull(range);
        if (!Enum.IsDefined(dialect))
        {
            throw new ArgumentOutOfRangeException(nameof(dialect), dialect, "Unknown SQL dialect.");
        }

        columns ??= TransactionColumns.Default;
        _table = table;
        _dialect = (int)dialect;
        _customer = columns.Customer;
        _date = columns.Date;
        _amount = columns.Amount;
        _lower = range.Lower;
        _upper = range.Upper;
    }

    /// <summary>The table or view.</summary>
    public string Table => _table;

    /// <summary>The engine's dialect.</summary>
    public SqlDialect Dialect => (SqlDialect)_dialect;

    /// <summary>The customers of the partition.</summary>
    public CustomerKeyRange Range => new(_lower, _upper);

    /// <summary>The table's column names.</summary>
    public TransactionColumns Columns => new() { Customer = _customer, Date = _date, Amount = _amount };

    /// <summary>
    /// Splits the customers of <paramref name="table"/> into at most <paramref name="count"/> key ranges of about
    /// equal numbers of customers, boundaries computed by the engine (<see cref="DbPushDown.SplitByCustomerKey"/>).
    /// Together the partitions take every row once; a customer's rows are all in one partition.
    /// </summary>
    /// <param name="connection">An open connection to the database the silos read.</param>
    /// <param name="dialect">The engine's dialect.</param>
    /// <param name="table">The table or view.</param>
    /// <param name="count">The number of partitions wanted. Range: 1 ≤ count ≤ 1,000,000.</param>
    /// <param name="columns">The table's column names; <see cref="TransactionColumns.Default"/> when null.</param>
    /// <returns>The partitions, in key order.</returns>
    /// <exception cref="DataSourceException">The customer column is missing or of the wrong type.</exception>
    public static IReadOnlyList<TablePartition> Split(DbConnection connection, SqlDialect dialect, string table, int count, TransactionColumns? columns = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(table);
        return DbPushDown.SplitByCustomerKey(connection, dialect, SqlSource.Table(table), count, columns)
            .Select(range => new TablePartition(table, dialect, range, columns))
            .ToArray();
    }

    /// <summary>The aggregate of the partition's rows, read on <paramref name="connection"/>.</summary>
    internal PurchaseAggregate Aggregate(DbConnection connection) =>
        DbPushDown.Aggregate(connection, Dialect, SqlSource.Table(_table), Columns, Range);
}
