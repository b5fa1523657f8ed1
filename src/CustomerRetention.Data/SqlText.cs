namespace CustomerRetention.Data;

/// <summary>Identifier quoting and parameter placeholders per <see cref="SqlDialect"/>.</summary>
internal static class SqlText
{
    /// <summary>The identifier quoted: double quotes (PostgreSQL, DuckDB) or backticks (Spark), inner quotes doubled.</summary>
    public static string Identifier(SqlDialect dialect, string name)
    {
        if (name.IndexOf('\0') >= 0)
        {
            throw new ArgumentException("An identifier cannot contain a NUL character.", nameof(name));
        }

        return dialect == SqlDialect.Spark
            ? "`" + name.Replace("`", "``") + "`"
            : "\"" + name.Replace("\"", "\"\"") + "\"";
    }

    /// <summary>The placeholder of the 1-based parameter <paramref name="ordinal"/>: <c>$n</c>, or <c>:pn</c> for Spark.</summary>
    public static string Parameter(SqlDialect dialect, int ordinal) =>
        dialect == SqlDialect.Spark ? ":p" + ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture) : "$" + ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
