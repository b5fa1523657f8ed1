namespace CustomerRetention.Data;

/// <summary>
/// Where the push-down SQL reads the transactions: a table (or view), the result of a query, or
/// Parquet files (DuckDB). A table's name is quoted part by part; a file path is passed as a parameter;
/// a query is the caller's own SQL, used as it is, as a sub-query. Immutable.
/// </summary>
public sealed class SqlSource
{
    private readonly string[] _tableParts;
    private readonly string? _query;
    private readonly string? _files;

    private SqlSource(string[] tableParts, string? query, string? files, string name)
    {
        _tableParts = tableParts;
        _query = query;
        _files = files;
        Name = name;
    }

    /// <summary>The source's name in messages: the table's name, <c>query</c>, or the file path.</summary>
    public string Name { get; }

    /// <summary>A table or view, e.g. <c>sales</c> or <c>crm.sales</c>: a dot separates the schema (and catalog) from the name, and each part is quoted as an identifier, so it is matched exactly (case included).</summary>
    /// <param name="qualifiedName">The name; no part may be empty.</param>
    /// <returns>The source.</returns>
    public static SqlSource Table(string qualifiedName)
    {
        Guard.NotNullOrWhiteSpace(qualifiedName);
        string[] parts = qualifiedName.Split('.');
        if (parts.Any(p => p.Length == 0))
        {
            throw new ArgumentException($"'{qualifiedName}' has an empty part; write schema.table.", nameof(qualifiedName));
        }

        return new SqlSource(parts, null, null, qualifiedName);
    }

    /// <summary>The rows of a query of the caller's own, e.g. <c>SELECT client AS customer_id, … FROM orders WHERE …</c>, read as a sub-query. It is SQL, not a value: it runs with the connection's rights.</summary>
    /// <param name="sql">A SELECT statement (no trailing semicolon needed).</param>
    /// <returns>The source.</returns>
    public static SqlSource Query(string sql)
    {
        Guard.NotNullOrWhiteSpace(sql);
        return new SqlSource([], sql.Trim().TrimEnd(';'), null, "query");
    }

    /// <summary>A Parquet file or a glob of them (e.g. <c>exports/*.parquet</c>), read by DuckDB's <c>read_parquet</c> with the path as a parameter. DuckDB only.</summary>
    /// <param name="pathOrGlob">The file or glob.</param>
    /// <returns>The source.</returns>
    public static SqlSource ParquetFiles(string pathOrGlob)
    {
        Guard.NotNullOrWhiteSpace(pathOrGlob);
        return new SqlSource([], null, pathOrGlob, pathOrGlob);
    }

    /// <summary>The source as a FROM item in <paramref name="dialect"/>, adding its values to <paramref name="parameters"/>.</summary>
    internal string ToSql(SqlDialect dialect, List<object> parameters)
    {
        if (_query is not null)
        {
            return "(\n" + _query + "\n)";
        }

        if (_files is not null)
        {
            if (dialect != SqlDialect.DuckDb)
            {
                throw new NotSupportedException($"Parquet files are read through DuckDB; the {dialect} dialect cannot take the path as a parameter.");
            }

            parameters.Add(_files);
            return "read_parquet(" + SqlText.Parameter(dialect, parameters.Count) + ")";
        }

        return string.Join(".", _tableParts.Select(p => SqlText.Identifier(dialect, p)));
    }
}
