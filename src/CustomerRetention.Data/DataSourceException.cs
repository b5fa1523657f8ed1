using System.Globalization;
using NodaTime;

namespace CustomerRetention.Data;

/// <summary>
/// A row of a data source that cannot be a transaction: a NULL customer id, date or amount, a value of
/// the wrong type, a date outside <see cref="DataDates.Earliest"/>..<see cref="DataDates.Latest"/>, a
/// non-finite amount (NaN, ±∞), or a required column that is missing. The message is one line naming the
/// source, the row (its number and key: customer id and date, as far as they are known) and the column,
/// like a malformed CSV row's.
/// </summary>
/// <example><c>sales: row 12 (customer_id '1042', date 1997-03-02): column 'amount': NULL</c></example>
public sealed class DataSourceException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">The source's name in messages (a table name, <c>query</c>, a file).</param>
    /// <param name="row">The 1-based row number of the result the problem was found in; 0 when there is none (a missing column, a problem found by the engine's summary).</param>
    /// <param name="customer">The row's customer id, when known.</param>
    /// <param name="date">The row's date, when known.</param>
    /// <param name="column">The column at fault, or null when the row as a whole is.</param>
    /// <param name="problem">What is wrong, without the location.</param>
    public DataSourceException(string source, long row, string? customer, LocalDate? date, string? column, string problem)
        : base(Compose(Guard.NotNull(source), row, customer, date, column, Guard.NotNull(problem)))
    {
        Source = source;
        Row = row;
        Customer = customer;
        Date = date;
        Column = column;
        Problem = problem;
    }

    /// <summary>The source's name in messages.</summary>
    public new string Source { get; }

    /// <summary>The 1-based row number in the result; 0 when the problem is about the source as a whole.</summary>
    public long Row { get; }

    /// <summary>The row's customer id, when known.</summary>
    public string? Customer { get; }

    /// <summary>The row's date, when known.</summary>
    public LocalDate? Date { get; }

    /// <summary>The column at fault, or null.</summary>
    public string? Column { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    private static string Compose(string source, long row, string? customer, LocalDate? date, string? column, string problem)
    {
        var text = new System.Text.StringBuilder(source);
        if (row > 0)
        {
            text.Append(": row ").Append(row.ToString(CultureInfo.InvariantCulture));
        }

        string? key = customer is null
            ? date is LocalDate d0 ? $"date {Iso(d0)}" : null
            : date is LocalDate d1 ? $"customer '{customer}', date {Iso(d1)}" : $"customer '{customer}'";
        if (key is not null)
        {
            text.Append(row > 0 ? " (" : ": (").Append(key).Append(')');
        }

        if (column is not null)
        {
            text.Append(": column '").Append(column).Append('\'');
        }

        return text.Append(": ").Append(problem).ToString();
    }

    private static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
