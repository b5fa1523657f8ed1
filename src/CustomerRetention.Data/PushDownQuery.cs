using System.Data.Common;

namespace CustomerRetention.Data;

/// <summary>
/// A query written by <see cref="PushDownSql"/>: its text, with placeholders, and the values of its
/// parameters in order (<c>$1</c>, <c>$2</c>, … or Spark's <c>:p1</c>, …). Values are never written
/// into the text. Immutable.
/// </summary>
public sealed class PushDownQuery
{
    private readonly object[] _parameters;

    internal PushDownQuery(SqlDialect dialect, string text, IEnumerable<object> parameters)
    {
        Dialect = dialect;
        Text = text;
        _parameters = parameters.ToArray();
    }

    /// <summary>The dialect the text is written in.</summary>
    public SqlDialect Dialect { get; }

    /// <summary>The SQL text.</summary>
    public string Text { get; }

    /// <summary>The parameter values, in placeholder order (dates as ISO <c>yyyy-MM-dd</c> text, cast to DATE in the text).</summary>
    public IReadOnlyList<object> Parameters => _parameters;

    /// <summary>
    /// A command on <paramref name="connection"/> with the text and the parameters, positional and unnamed
    /// (as Npgsql and DuckDB.NET bind <c>$1</c>, <c>$2</c>, …). The caller disposes of it.
    /// </summary>
    /// <param name="connection">An open connection of the query's engine.</param>
    /// <returns>The command.</returns>
    public DbCommand CreateCommand(DbConnection connection)
    {
        Guard.NotNull(connection);
        DbCommand command = connection.CreateCommand();
        command.CommandText = Text;
        foreach (object value in _parameters)
        {
            DbParameter parameter = command.CreateParameter();
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
