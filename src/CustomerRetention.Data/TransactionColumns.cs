namespace CustomerRetention.Data;

/// <summary>
/// The names of the columns that hold a transaction's parts in a database table, a query's result or a
/// Parquet file: the customer id, the date and the amount, and for daily rows the number of transactions.
/// The defaults are those of the transactions CSV: <c>customer_id</c>, <c>date</c>, <c>amount</c>
/// (and <c>transactions</c>). Immutable.
/// </summary>
/// <example>
/// <code>
/// var columns = new TransactionColumns { Customer = "client", Date = "ordered_at", Amount = "total" };
/// </code>
/// </example>
public sealed class TransactionColumns
{
    private readonly string _customer = "customer_id";
    private readonly string _date = "date";
    private readonly string _amount = "amount";
    private readonly string _transactions = "transactions";

    /// <summary>The default names: <c>customer_id</c>, <c>date</c>, <c>amount</c>, <c>transactions</c>.</summary>
    public static TransactionColumns Default { get; } = new();

    /// <summary>The customer id column (text or integer).</summary>
    public string Customer { get => _customer; init => _customer = Guard.NotNullOrWhiteSpace(value, nameof(Customer)); }

    /// <summary>The date column (a date or timestamp type; a timestamp counts on its calendar date).</summary>
    public string Date { get => _date; init => _date = Guard.NotNullOrWhiteSpace(value, nameof(Date)); }

    /// <summary>The amount column (a numeric type: exact decimal, integer, or floating point).</summary>
    public string Amount { get => _amount; init => _amount = Guard.NotNullOrWhiteSpace(value, nameof(Amount)); }

    /// <summary>The number of transactions of a daily row (an integer type); read only for daily rows.</summary>
    public string Transactions { get => _transactions; init => _transactions = Guard.NotNullOrWhiteSpace(value, nameof(Transactions)); }
}
