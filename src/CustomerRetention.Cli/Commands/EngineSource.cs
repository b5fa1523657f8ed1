using System.Data.Common;
using CustomerRetention.Data;
using DuckDB.NET.Data;
using NodaTime;
using Npgsql;

namespace CustomerRetention.Cli.Commands;

/// <summary>
/// Transactions in an engine: a PostgreSQL or DuckDB database (<c>--provider</c>), or Parquet files read by
/// an in-memory DuckDB. Opens the connection, runs CustomerRetention.Data on it, and turns every failure
/// into one line for the user (exit 2): a bad row or column (<see cref="DataSourceException"/>), or the
/// engine's own error (no such table, cannot connect, a syntax error in <c>--query</c>).
/// </summary>
internal sealed class EngineSource(string provider, string? connectionString, SqlSource source, TransactionColumns columns, string? memoryLimit = null)
{
    /// <summary>The summaries through <paramref name="through"/>, computed by the engine.</summary>
    public TransactionSummaries Summarize(LocalDate? through)
    {
        PurchaseSummaries summaries = Run((connection, dialect, s, c) => DbPushDown.Summarize(connection, dialect, s, through, c), keepRowOrder: false);
        LocalDate? latest = null;
        if (through is null)
        {
            foreach (PurchaseSummary summary in summaries.Span)
            {
                latest = latest is LocalDate l && l >= summary.LastPurchase ? l : summary.LastPurchase;
            }
        }

        return new TransactionSummaries(summaries, latest);
    }

    /// <summary>
    /// Runs <paramref name="work"/> on an open connection to the source's engine. <paramref name="keepRowOrder"/>:
    /// whether an embedded DuckDB must return Parquet rows in the files' order (for rows pulled into a table, whose
    /// customers are numbered in order of first appearance); a query that orders its result itself need not.
    /// </summary>
    public T Run<T>(Func<DbConnection, SqlDialect, SqlSource, TransactionColumns, T> work, bool keepRowOrder = true)
    {
        SqlDialect dialect = provider == "postgres" ? SqlDialect.PostgreSql : SqlDialect.DuckDb;
        if (provider == "duckdb" && connectionString is null)
        {
            return WithDuckDb(provider, connection => work(connection, dialect, source, columns), memoryLimit, keepRowOrder);
        }

        return Guarded(provider, () =>
        {
            using DbConnection connection = Open();
            return work(connection, dialect, source, columns);
        });
    }

    /// <summary>
    /// Runs <paramref name="work"/> on an in-memory DuckDB (Parquet files, a glob), failures as one line naming
    /// <paramref name="subject"/>. What outgrows DuckDB's memory limit (<paramref name="memoryLimit"/>, by default
    /// 80 % of the machine's memory) spills to a directory of its own under the system's temporary directory,
    /// removed afterwards.
    /// </summary>
    public static T WithDuckDb<T>(string subject, Func<DbConnection, T> work, string? memoryLimit = null, bool keepRowOrder = true)
    {
        string spill = Path.Combine(Path.GetTempPath(), "retention-duckdb-" + Guid.NewGuid().ToString("N"));
        // A query that orders its result itself lets DuckDB drop the files' row order, and stream with less memory.
        var settings = new DbConnectionStringBuilder
        {
            ["Data Source"] = ":memory:",
            ["temp_directory"] = spill,
            ["preserve_insertion_order"] = keepRowOrder ? "true" : "false",
        };
        if (memoryLimit is not null)
        {
            settings["memory_limit"] = memoryLimit;
        }

        try
        {
            return Guarded(subject, () =>
            {
                using var connection = new DuckDBConnection(settings.ConnectionString);
                connection.Open();
                return work(connection);
            });
        }
        finally
        {
            if (Directory.Exists(spill))
            {
                Directory.Delete(spill, recursive: true);
            }
        }
    }

    private static T Guarded<T>(string subject, Func<T> work)
    {
        try
        {
            return work();
        }
        catch (DataSourceException e)
        {
            throw new CliException(e.Message, e);
        }
        catch (DbException e)
        {
            throw new CliException($"{subject}: {e.Message}", e);
        }
    }

    private DbConnection Open()
    {
        DbConnection connection;
        if (provider == "postgres")
        {
            connection = new NpgsqlConnection(connectionString);
        }
        else if (connectionString is null)
        {
            throw new InvalidOperationException("An in-memory DuckDB is opened by WithDuckDb.");
        }
        else if (connectionString.Contains('=', StringComparison.Ordinal))
        {
            connection = new DuckDBConnection(connectionString);
        }
        else
        {
            // A bare path: an existing database file, opened read-only (DuckDB would create a missing one).
            connection = File.Exists(connectionString)
                ? new DuckDBConnection($"Data Source={connectionString};ACCESS_MODE=READ_ONLY")
                : throw new CliException($"{connectionString}: no such DuckDB database file");
        }

        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
