namespace CustomerRetention.Data;

/// <summary>The SQL dialects <see cref="PushDownSql"/> writes: how identifiers are quoted and parameters are named.</summary>
public enum SqlDialect
{
    /// <summary>PostgreSQL: identifiers in double quotes, parameters <c>$1</c>, <c>$2</c>, … (Npgsql's positional parameters).</summary>
    PostgreSql,

    /// <summary>DuckDB: identifiers in double quotes, parameters <c>$1</c>, <c>$2</c>, …; reads Parquet files itself.</summary>
    DuckDb,

    /// <summary>Spark SQL: identifiers in backticks, named parameters <c>:p1</c>, <c>:p2</c>, … (<c>spark.sql(query, args)</c>).</summary>
    Spark,
}
