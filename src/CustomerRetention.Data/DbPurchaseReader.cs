using System.Data.Common;
using NodaTime;

namespace CustomerRetention.Data;

/// <summary>
/// Turns the rows of any ADO.NET <see cref="DbDataReader"/> into purchase aggregates and summaries:
/// transactions <c>(customer_id, date, amount)</c>, daily rows <c>(customer_id, date, amount,
/// transactions)</c>, or the result of the push-down summary query (<see cref="PushDownSql.Summary"/>).
/// </summary>
/// <remarks>
/// <para>Rows stream: what is held is the result being built (one entry per customer-day for an
/// aggregate, per customer for summaries), never a table of the rows read.</para>
/// <para>Columns are found by name (exactly, else ignoring case) and their types checked before the first
/// row: customer ids text, an integer or a UUID; dates a date or timestamp type (a timestamp counts on its
/// calendar date, as the engine's <c>CAST(… AS DATE)</c> does); amounts a numeric type (decimal and
/// integer types exactly, floating point to the nearest 15-digit decimal). A NULL, a date outside
/// <see cref="DataDates"/>' range or a non-finite amount stops the read with a
/// <see cref="DataSourceException"/> naming the row, its key and the column.</para>
/// </remarks>
public static class DbPurchaseReader
{
    /// <summary>The aggregate of the transactions of <paramref name="reader"/> (any order): same-day transactions of a customer merge.</summary>
    /// <param name="reader">The rows, positioned before the first one; read to the end, not disposed of.</param>
    /// <param name="source">The source's name in messages (a table, <c>query</c>, a file).</param>
    /// <param name="columns">The column names; <see cref="TransactionColumns.Default"/> when null.</param>
    /// <returns>The aggregate, customers in order of first appearance.</returns>
    /// <exception cref="DataSourceException">A column is missing or of the wrong type, or a row is bad.</exception>
    public static PurchaseAggregate ReadTransactions(DbDataReader reader, string source, TransactionColumns? columns = null)
    {
        Guard.NotNull(reader);
        Guard.NotNull(source);
        columns ??= TransactionColumns.Default;
        var rows = new RowReader(reader, source, columns, withTransactions: false);
        var table = new DailyPurchaseTable();
        while (rows.Next(out string customer, out LocalDate date, out decimal amount, out _))
        {
            table.Add(customer, DayNumbers.FromDate(date), amount, 1);
        }

        return table.ToAggregate();
    }

    /// <summary>
    /// The transactions of <paramref name="reader"/> as a <see cref="TransactionTable"/>, for the analyses that
    /// need every row (RFM's transaction counts, cohorts, churn). Holds all rows: for purchase summaries of a
    /// large source, prefer <see cref="ReadTransactions"/> or the push-down summary.
    /// </summary>
    /// <param name="reader">The rows, positioned before the first one; read to the end, not disposed of.</param>
    /// <param name="source">The source's name in messages.</param>
    /// <param name="columns">The column names; <see cref="TransactionColumns.Default"/> when null.</param>
    /// <returns>The table, rows in the reader's order.</returns>
    /// <exception cref="DataSourceException">A column is missing or of the wrong type, or a row is bad.</exception>
    public static TransactionTable ReadTransactionTable(DbDataReader reader, string source, TransactionColumns? columns = null)
    {
        Guard.NotNull(reader);
        Guard.NotNull(source);
        columns ??= TransactionColumns.Default;
        var rows = new RowReader(reader, source, columns, withTransactions: false);
        var builder = new TransactionTable.Builder();
        while (rows.Next(out string customer, out LocalDate date, out decimal amount, out _))
        {
            builder.Add(customer.AsSpan(), DayNumbers.FromDate(date), amount);
        }

        return builder.ToTable();
    }

    /// <summary>
    /// The aggregate of the daily rows of <paramref name="reader"/> (e.g. the result of <see cref="PushDownSql.DailyRows"/>,
    /// or of a GROUP BY on each partition): rows with the same customer and day merge again.
    /// </summary>
    /// <param name="reader">The rows, positioned before the first one; read to the end, not disposed of.</param>
    /// <param name="source">The source's name in messages.</param>
    /// <param name="columns">The column names, <see cref="TransactionColumns.Transactions"/> included; <see cref="TransactionColumns.Default"/> when null.</param>
    /// <returns>The aggregate, customers in order of first appearance.</returns>
    /// <exception cref="DataSourceException">A column is missing or of the wrong type, or a row is bad.</exception>
    public static PurchaseAggregate ReadDailyPurchases(DbDataReader reader, string source, TransactionColumns? columns = null)
    {
        Guard.NotNull(reader);
        Guard.NotNull(source);
        columns ??= TransactionColumns.Default;
        var rows = new RowReader(reader, source, columns, withTransactions: true);
        var table = new DailyPurchaseTable();
        while (rows.Next(out string customer, out LocalDate date, out decimal amount, out long transactions))
        {
            table.Add(customer, DayNumbers.FromDate(date), amount, Math.Max(1, transactions));
        }

        return table.ToAggregate();
    }

    /// <summary>
    /// The purchase summaries of the result of <see cref="PushDownSql.Summary"/>, after its checks: a NULL
    /// customer id, date or amount, a date outside <see cref="DataDates"/>' range or a non-finite amount in any
    /// row of the source (either side of the cut-off) stops the read, naming the customer and the column.
    /// </summary>
    /// <param name="reader">The summary query's rows, positioned before the first one; read to the end, not disposed of.</param>
    /// <param name="source">The source's name in messages.</param>
    /// <param name="through">The cut-off the query was written with (null for none).</param>
    /// <param name="columns">The source's column names, for messages; <see cref="TransactionColumns.Default"/> when null.</param>
    /// <returns>One summary per customer with a purchase through the cut-off, in the query's order (by customer id).</returns>
    /// <exception cref="DataSourceException">The source has a bad row.</exception>
    public static PurchaseSummaries ReadSummaries(DbDataReader reader, string source, LocalDate? through, TransactionColumns? columns = null)
    {
        Guard.NotNull(reader);
        Guard.NotNull(source);
        columns ??= TransactionColumns.Default;
        var summary = new SummaryRowReader(reader, source, columns);
        var customers = new List<CustomerId>();
        var summaries = new List<PurchaseSummary>();
        while (summary.Next(out string customer, out PurchaseSummary? value))
        {
            if (value is PurchaseSummary s)
            {
                customers.Add(new CustomerId(customer));
                summaries.Add(s);
            }
        }

        return PurchaseSummaries.Create(customers, summaries, through);
    }
}
