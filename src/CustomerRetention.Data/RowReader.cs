using System.Data.Common;
using System.Globalization;
using NodaTime;

namespace CustomerRetention.Data;

/// <summary>
/// Reads transactions or daily rows from a <see cref="DbDataReader"/> one at a time, checked: every
/// problem is a <see cref="DataSourceException"/> with the row's number and key (customer, date).
/// </summary>
internal sealed class RowReader
{
    private readonly DbDataReader _reader;
    private readonly string _source;
    private readonly SourceColumn _customer;
    private readonly SourceColumn _date;
    private readonly SourceColumn _amount;
    private readonly SourceColumn? _transactions;
    private long _row;

    public RowReader(DbDataReader reader, string source, TransactionColumns columns, bool withTransactions)
    {
        _reader = reader;
        _source = source;
        _customer = SourceColumn.CustomerId(reader, columns.Customer, source);
        _date = SourceColumn.Date(reader, columns.Date, source);
        _amount = SourceColumn.Amount(reader, columns.Amount, source);
        _transactions = withTransactions ? SourceColumn.Count(reader, columns.Transactions, source) : null;
    }

    /// <summary>
    /// The names of <paramref name="columns"/> as <paramref name="reader"/> spells them, after checking that each
    /// exists and has a type its part allows (for the push-down SQL, from a query's result without rows).
    /// </summary>
    public static TransactionColumns Resolve(DbDataReader reader, string source, TransactionColumns columns) => new()
    {
        Customer = SourceColumn.CustomerId(reader, columns.Customer, source).Name,
        Date = SourceColumn.Date(reader, columns.Date, source).Name,
        Amount = SourceColumn.Amount(reader, columns.Amount, source).Name,
        Transactions = columns.Transactions,
    };

    /// <summary>The next row; false at the end. <paramref name="transactions"/> is 1 for transactions.</summary>
    public bool Next(out string customer, out LocalDate date, out decimal amount, out long transactions)
    {
        if (!_reader.Read())
        {
            customer = string.Empty;
            date = default;
            amount = 0m;
            transactions = 0;
            return false;
        }

        _row++;
        LocalDate? maybeDate = _date.ReadDate(_reader);
        customer = _customer.ReadCustomerId(_reader) ?? throw Problem(null, maybeDate, _customer.Name, "NULL");
        date = maybeDate ?? throw Problem(customer, null, _date.Name, "NULL");
        if (!DataDates.Contains(date))
        {
            throw Problem(customer, date, _date.Name, OutOfRange(date));
        }

        if (!_amount.TryReadAmount(_reader, out amount, out string? problem))
        {
            throw Problem(customer, date, _amount.Name, problem!);
        }

        transactions = 1;
        if (_transactions is SourceColumn count && !count.TryReadCount(_reader, out transactions, out problem))
        {
            throw Problem(customer, date, count.Name, problem!);
        }

        return true;
    }

    /// <summary>The problem text of a date outside <see cref="DataDates"/>' range.</summary>
    internal static string OutOfRange(LocalDate date) => string.Format(
        CultureInfo.InvariantCulture,
        "{0:yyyy-MM-dd} is outside {1:yyyy-MM-dd}..{2:yyyy-MM-dd}",
        date,
        DataDates.Earliest,
        DataDates.Latest);

    private DataSourceException Problem(string? customer, LocalDate? date, string column, string problem) =>
        new(_source, _row, customer, date, column, problem);
}
