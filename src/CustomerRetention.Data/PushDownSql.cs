using System.Globalization;
using System.Text;
using NodaTime;

namespace CustomerRetention.Data;

/// <summary>
/// The SQL that pushes the heavy GROUP BY down to the engine where the transactions live: the daily
/// rows (one per customer and purchase day) and the full purchase summary (one per customer), for
/// PostgreSQL, DuckDB and Spark SQL. Identifiers are quoted; values (the cut-off, a file path) are
/// parameters.
/// </summary>
/// <remarks>
/// <para>The summary query follows Fader, Hardie &amp; Lee (2005): purchases on the same day merge into one
/// purchase day; only days on or before the cut-off count. Per customer it returns the first and last
/// purchase day, the transactions, the purchase days, the total amount and the first day's amount —
/// the parts of <see cref="PurchaseSummary"/> — summed by the engine in the amount column's own type, so
/// that for a decimal (numeric) column the totals are exactly those the library computes from the same
/// rows, scale included.</para>
/// <para>It also returns, over every row on either side of the cut-off, what
/// <see cref="DbPurchaseReader.ReadSummaries"/> checks so that bad rows stop the read as they would in
/// a CSV: rows with a NULL date or amount, the earliest and latest day, and the sum of all amounts (NaN
/// or infinite when an amount is). Rows come ordered by customer id.</para>
/// </remarks>
public static class PushDownSql
{
    /// <summary>The summary query's column: the customer id.</summary>
    internal const string CustomerColumn = "customer_id";

    /// <summary>The summary query's column: the first purchase day through the cut-off (NULL when none).</summary>
    internal const string FirstDayColumn = "first_day";

    /// <summary>The summary query's column: the last purchase day through the cut-off.</summary>
    internal const string LastDayColumn = "last_day";

    /// <summary>The summary query's column: the transactions through the cut-off.</summary>
    internal const string TransactionsColumn = "transactions";

    /// <summary>The summary query's column: the distinct purchase days through the cut-off.</summary>
    internal const string PurchaseDaysColumn = "purchase_days";

    /// <summary>The summary query's column: the sum of the amounts through the cut-off.</summary>
    internal const string TotalAmountColumn = "total_amount";

    /// <summary>The summary query's column: the sum of the first purchase day's amounts.</summary>
    internal const string FirstDayAmountColumn = "first_day_amount";

    /// <summary>The summary query's check column: rows with a NULL date (any date).</summary>
    internal const string NullDatesColumn = "null_dates";

    /// <summary>The summary query's check column: purchase days with a NULL amount (any date).</summary>
    internal const string NullAmountsColumn = "null_amount_days";

    /// <summary>The summary query's check column: the earliest day (any date).</summary>
    internal const string EarliestDayColumn = "earliest_day";

    /// <summary>The summary query's check column: the latest day (any date).</summary>
    internal const string LatestDayColumn = "latest_day";

    /// <summary>The summary query's check column: the sum of every amount (not finite when one is not).</summary>
    internal const string AllAmountsColumn = "all_amounts";

    /// <summary>
    /// The daily rows: <c>customer_id, date, amount, transactions</c>, one per customer and purchase day
    /// (a timestamp counts on its calendar date), <c>amount</c> the sum of that day's amounts (NULL when one
    /// of them is) and <c>transactions</c> their number. Read them with <see cref="DbPurchaseReader.ReadDailyPurchases"/>.
    /// </summary>
    /// <param name="dialect">The engine's dialect.</param>
    /// <param name="source">Where the transactions are.</param>
    /// <param name="columns">The source's column names; <see cref="TransactionColumns.Default"/> when null.</param>
    /// <param name="range">Only the customers whose id is in this range (a partition of a table, see
    /// <see cref="KeyBoundaries"/>); every row when null.</param>
    /// <returns>The query.</returns>
    public static PushDownQuery DailyRows(SqlDialect dialect, SqlSource source, TransactionColumns? columns = null, CustomerKeyRange? range = null)
    {
        Guard.NotNull(source);
        columns ??= TransactionColumns.Default;
        var parameters = new List<object>();
        string sql = "SELECT " + DailySelect(dialect, source, columns, parameters, "date", range);
        return new PushDownQuery(dialect, sql, parameters);
    }

    /// <summary>
    /// The transactions themselves: the source's customer, date and amount columns as they are (so that messages
    /// name them), the query of the pull path, for analyses that need every row. Read it with
    /// <see cref="DbPurchaseReader.ReadTransactionTable"/> or <see cref="DbPurchaseReader.ReadTransactions"/>.
    /// </summary>
    /// <param name="dialect">The engine's dialect.</param>
    /// <param name="source">Where the transactions are.</param>
    /// <param name="columns">The source's column names; <see cref="TransactionColumns.Default"/> when null.</param>
    /// <returns>The query.</returns>
    public static PushDownQuery Transactions(SqlDialect dialect, SqlSource source, TransactionColumns? columns = null)
    {
        Guard.NotNull(source);
        columns ??= TransactionColumns.Default;
        var parameters = new List<object>();
        string sql = "SELECT " + SqlText.Identifier(dialect, columns.Customer) + ", "
            + SqlText.Identifier(dialect, columns.Date) + ", "
            + SqlText.Identifier(dialect, columns.Amount) + "\nFROM " + source.ToSql(dialect, parameters) + " AS source";
        return new PushDownQuery(dialect, sql, parameters);
    }

    /// <summary>
    /// The purchase summary per customer through <paramref name="through"/> (all days when null), with the
    /// check columns (see the remarks of <see cref="PushDownSql"/>), ordered by customer id. Read it with
    /// <see cref="DbPurchaseReader.ReadSummaries"/>.
    /// </summary>
    /// <param name="dialect">The engine's dialect.</param>
    /// <param name="source">Where the transactions are.</param>
    /// <param name="through">The cut-off (e.g. the calibration end), inclusive; null for every purchase.</param>
    /// <param name="columns">The source's column names; <see cref="TransactionColumns.Default"/> when null.</param>
    /// <returns>The query.</returns>
    public static PushDownQuery Summary(SqlDialect dialect, SqlSource source, LocalDate? through, TransactionColumns? columns = null)
    {
        Guard.NotNull(source);
        columns ??= TransactionColumns.Default;
        var parameters = new List<object>();
        string daily = DailySelect(dialect, source, columns, parameters, "purchase_day");
        string counted;
        if (through is LocalDate t)
        {
            parameters.Add(t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            counted = "purchase_day <= CAST(" + SqlText.Parameter(dialect, parameters.Count) + " AS DATE)";
        }
        else
        {
            counted = "purchase_day IS NOT NULL";
        }

        var sql = new StringBuilder()
            .Append("WITH daily AS (\n  SELECT ").Append(daily.Replace("\n", "\n  ")).Append("\n),\n")
            .Append("marked AS (\n")
            .Append("  SELECT customer_id, purchase_day, amount, transactions,\n")
            .Append("         MIN(CASE WHEN ").Append(counted).Append(" THEN purchase_day END) OVER (PARTITION BY customer_id) AS first_day\n")
            .Append("  FROM daily\n)\n")
            .Append("SELECT customer_id,\n")
            .Append("       MIN(first_day) AS ").Append(FirstDayColumn).Append(",\n")
            .Append("       MAX(CASE WHEN ").Append(counted).Append(" THEN purchase_day END) AS ").Append(LastDayColumn).Append(",\n")
            .Append("       SUM(CASE WHEN ").Append(counted).Append(" THEN transactions END) AS ").Append(TransactionsColumn).Append(",\n")
            .Append("       COUNT(CASE WHEN ").Append(counted).Append(" THEN 1 END) AS ").Append(PurchaseDaysColumn).Append(",\n")
            .Append("       SUM(CASE WHEN ").Append(counted).Append(" THEN amount END) AS ").Append(TotalAmountColumn).Append(",\n")
            .Append("       SUM(CASE WHEN purchase_day = first_day THEN amount END) AS ").Append(FirstDayAmountColumn).Append(",\n")
            .Append("       SUM(CASE WHEN purchase_day IS NULL THEN transactions ELSE 0 END) AS ").Append(NullDatesColumn).Append(",\n")
            .Append("       COUNT(*) - COUNT(amount) AS ").Append(NullAmountsColumn).Append(",\n")
            .Append("       MIN(purchase_day) AS ").Append(EarliestDayColumn).Append(",\n")
            .Append("       MAX(purchase_day) AS ").Append(LatestDayColumn).Append(",\n")
            .Append("       SUM(amount) AS ").Append(AllAmountsColumn).Append('\n')
            .Append("FROM marked\n")
            .Append("GROUP BY customer_id\n")
            .Append("ORDER BY customer_id");
        return new PushDownQuery(dialect, sql.ToString(), parameters);
    }

    /// <summary>
    /// The boundaries that split the source's distinct customer ids, in the engine's order of the customer
    /// column, into at most <paramref name="count"/> ranges of about equal numbers of customers: one row per
    /// range, column <c>lower_bound</c>, the range's smallest id, ordered. Range i holds the ids from its
    /// lower bound up to (not including) the next one's. Computed by the engine with <c>NTILE</c> over the
    /// distinct ids; NULL ids are left out (the first range takes them, see <see cref="CustomerKeyRange"/>).
    /// Use it through <see cref="DbPushDown.SplitByCustomerKey"/>.
    /// </summary>
    /// <param name="dialect">The engine's dialect.</param>
    /// <param name="source">Where the transactions are.</param>
    /// <param name="count">The number of ranges wanted, a parameter of the query. Range: 1 ≤ count ≤ 1,000,000.</param>
    /// <param name="columns">The source's column names; <see cref="TransactionColumns.Default"/> when null.</param>
    /// <returns>The query.</returns>
    public static PushDownQuery KeyBoundaries(SqlDialect dialect, SqlSource source, int count, TransactionColumns? columns = null)
    {
        Guard.NotNull(source);
        if (count < 1 || count > 1_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "The number of ranges must be between 1 and 1,000,000.");
        }

        columns ??= TransactionColumns.Default;
        string customer = SqlText.Identifier(dialect, columns.Customer);
        var parameters = new List<object>();
        string from = source.ToSql(dialect, parameters);
        parameters.Add(count);
        string sql = new StringBuilder()
            .Append("WITH ids AS (\n  SELECT DISTINCT ").Append(customer).Append(" AS id FROM ").Append(from).Append(" AS source WHERE ").Append(customer).Append(" IS NOT NULL\n),\n")
            .Append("tiles AS (\n  SELECT id, NTILE(CAST(").Append(SqlText.Parameter(dialect, parameters.Count)).Append(" AS INTEGER)) OVER (ORDER BY id) AS tile FROM ids\n)\n")
            .Append("SELECT MIN(id) AS lower_bound FROM tiles GROUP BY tile ORDER BY tile")
            .ToString();
        return new PushDownQuery(dialect, sql, parameters);
    }

    /// <summary>The columns of the source as they are, no rows: a cheap look at the names and types.</summary>
    internal static PushDownQuery Probe(SqlDialect dialect, SqlSource source)
    {
        var parameters = new List<object>();
        string sql = "SELECT * FROM " + source.ToSql(dialect, parameters) + " AS source LIMIT 0";
        return new PushDownQuery(dialect, sql, parameters);
    }

    /// <summary>The select list, FROM and GROUP BY of the daily rows (without the SELECT keyword), the date column named <paramref name="dayName"/>.</summary>
    private static string DailySelect(SqlDialect dialect, SqlSource source, TransactionColumns columns, List<object> parameters, string dayName, CustomerKeyRange? range = null)
    {
        string customer = SqlText.Identifier(dialect, columns.Customer);
        string day = "CAST(" + SqlText.Identifier(dialect, columns.Date) + " AS DATE)";
        string amount = SqlText.Identifier(dialect, columns.Amount);
        string from = source.ToSql(dialect, parameters);
        string? where = range?.ToSql(dialect, customer, parameters);
        return new StringBuilder()
            .Append(customer).Append(" AS customer_id,\n")
            .Append("       ").Append(day).Append(" AS ").Append(dayName).Append(",\n")
            .Append("       CASE WHEN COUNT(").Append(amount).Append(") = COUNT(*) THEN SUM(").Append(amount).Append(") END AS amount,\n")
            .Append("       COUNT(*) AS transactions\n")
            .Append("FROM ").Append(from).Append(" AS source\n")
            .Append(where is null ? string.Empty : "WHERE " + where + "\n")
            .Append("GROUP BY ").Append(customer).Append(", ").Append(day)
            .ToString();
    }
}
