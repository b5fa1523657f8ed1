using System.Data.Common;
using System.Globalization;
using NodaTime;

namespace CustomerRetention.Data;

/// <summary>
/// Reads the rows of <see cref="PushDownSql.Summary"/>: checks each customer's row for the bad source rows
/// the query counted, then builds its <see cref="PurchaseSummary"/> (none when the customer's first purchase
/// is after the cut-off). Problems name the source's own column (from <see cref="TransactionColumns"/>).
/// </summary>
internal sealed class SummaryRowReader
{
    private readonly DbDataReader _reader;
    private readonly string _source;
    private readonly TransactionColumns _names;
    private readonly SourceColumn _customer;
    private readonly SourceColumn _first;
    private readonly SourceColumn _last;
    private readonly SourceColumn _transactions;
    private readonly SourceColumn _purchaseDays;
    private readonly SourceColumn _total;
    private readonly SourceColumn _firstDayAmount;
    private readonly SourceColumn _nullDates;
    private readonly SourceColumn _nullAmounts;
    private readonly SourceColumn _earliest;
    private readonly SourceColumn _latest;
    private readonly SourceColumn _allAmounts;

    public SummaryRowReader(DbDataReader reader, string source, TransactionColumns names)
    {
        _reader = reader;
        _source = source;
        _names = names;
        _customer = SourceColumn.CustomerId(reader, PushDownSql.CustomerColumn, source);
        _first = SourceColumn.Date(reader, PushDownSql.FirstDayColumn, source);
        _last = SourceColumn.Date(reader, PushDownSql.LastDayColumn, source);
        _transactions = SourceColumn.Count(reader, PushDownSql.TransactionsColumn, source);
        _purchaseDays = SourceColumn.Count(reader, PushDownSql.PurchaseDaysColumn, source);
        _total = SourceColumn.Amount(reader, PushDownSql.TotalAmountColumn, source);
        _firstDayAmount = SourceColumn.Amount(reader, PushDownSql.FirstDayAmountColumn, source);
        _nullDates = SourceColumn.Count(reader, PushDownSql.NullDatesColumn, source);
        _nullAmounts = SourceColumn.Count(reader, PushDownSql.NullAmountsColumn, source);
        _earliest = SourceColumn.Date(reader, PushDownSql.EarliestDayColumn, source);
        _latest = SourceColumn.Date(reader, PushDownSql.LatestDayColumn, source);
        _allAmounts = SourceColumn.Amount(reader, PushDownSql.AllAmountsColumn, source);
    }

    /// <summary>The next customer's row, checked; <paramref name="summary"/> null when they bought only after the cut-off. False at the end.</summary>
    public bool Next(out string customer, out PurchaseSummary? summary)
    {
        summary = null;
        if (!_reader.Read())
        {
            customer = string.Empty;
            return false;
        }

        LocalDate? earliest = _earliest.ReadDate(_reader);
        customer = _customer.ReadCustomerId(_reader)
            ?? throw Problem(null, earliest, _names.Customer, "NULL" + (earliest is LocalDate e ? " (in rows dated from " + Iso(e) + ")" : string.Empty));
        long nullDates = Count(_nullDates, customer);
        if (nullDates > 0)
        {
            throw Problem(customer, null, _names.Date, "NULL" + Times(nullDates, "row"));
        }

        long nullAmounts = Count(_nullAmounts, customer);
        if (nullAmounts > 0)
        {
            throw Problem(customer, null, _names.Amount, string.Format(CultureInfo.InvariantCulture, "NULL on {0} purchase day{1}", nullAmounts, nullAmounts == 1 ? string.Empty : "s"));
        }

        foreach (LocalDate? bound in new[] { earliest, _latest.ReadDate(_reader) })
        {
            if (bound is LocalDate b && !DataDates.Contains(b))
            {
                throw Problem(customer, b, _names.Date, RowReader.OutOfRange(b));
            }
        }

        if (!_allAmounts.TryReadAmount(_reader, out _, out string? problem))
        {
            throw Problem(customer, null, _names.Amount, "a row's amount is " + problem);
        }

        if (_first.ReadDate(_reader) is not LocalDate first)
        {
            return true;
        }

        LocalDate last = _last.ReadDate(_reader) ?? first;
        long transactions = Count(_transactions, customer);
        long purchaseDays = Count(_purchaseDays, customer);
        decimal total = Amount(_total, customer);
        decimal firstDay = Amount(_firstDayAmount, customer);
        try
        {
            summary = new PurchaseSummary(first, last, transactions, checked((int)purchaseDays), total, firstDay);
        }
        catch (Exception ex) when (ex is ArgumentException or OverflowException)
        {
            throw Problem(customer, null, null, "the engine's summary is inconsistent (" + ex.Message + ")");
        }

        return true;
    }

    private static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Times(long n, string what) =>
        string.Format(CultureInfo.InvariantCulture, " in {0} {1}{2}", n, what, n == 1 ? string.Empty : "s");

    private long Count(SourceColumn column, string customer) =>
        column.TryReadCount(_reader, out long value, out string? problem) ? value : throw Problem(customer, null, column.Name, problem!);

    private decimal Amount(SourceColumn column, string customer) =>
        column.TryReadAmount(_reader, out decimal value, out string? problem) ? value : throw Problem(customer, null, _names.Amount, problem!);

    private DataSourceException Problem(string? customer, LocalDate? date, string? column, string problem) =>
        new(_source, 0, customer, date, column, problem);
}
