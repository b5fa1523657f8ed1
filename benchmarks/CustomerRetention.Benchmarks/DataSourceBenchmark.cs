using System.Data.Common;
using BenchmarkDotNet.Attributes;
using CustomerRetention.Data;
using DuckDB.NET.Data;
using NodaTime;
using Npgsql;

namespace CustomerRetention.Benchmarks;

/// <summary>
/// Summaries of transactions where they live (issue 19): 1M and 10M transactions (10 per customer) in PostgreSQL
/// (a table, <c>numeric(10,2)</c> amounts) and in a Parquet file read by an in-memory DuckDB. Side by side:
/// the push-down summary (the engine does both GROUP BYs, one row per customer comes back), the engine's
/// daily rows merged in .NET, and the rows pulled and aggregated in .NET. The baseline is the engine's own
/// time for the same summary query with nothing sent back (<c>SELECT COUNT(*) FROM (summary)</c>): the floor.
/// PostgreSQL is the server of the integration tests: <c>RETENTION_TEST_POSTGRES</c> (set by <c>.ci/run</c>,
/// printed by <c>.ci/start-postgres</c>). The data are generated in the engines and kept between runs.
/// </summary>
[MemoryDiagnoser]
public class DataSourceBenchmark
{
    private static readonly LocalDate Through = new(2022, 6, 30);

    private DbConnection _connection = null!;
    private SqlDialect _dialect;
    private SqlSource _source = null!;

    /// <summary>1M and 10M rows (smoke: 10k); <c>RETENTION_BENCH_DATA_ROWS</c> picks one size (a busy machine cannot afford both).</summary>
    public static IEnumerable<int> RowCounts =>
        int.TryParse(Environment.GetEnvironmentVariable("RETENTION_BENCH_DATA_ROWS"), out int rows) && rows > 0
            ? [rows]
            : BenchmarkSizes.Pick([1_000_000, 10_000_000], [10_000]);

    /// <summary>Transactions (of Rows / 10 customers).</summary>
    [ParamsSource(nameof(RowCounts))]
    public int Rows { get; set; }

    [Params("postgres", "parquet")]
    public string Engine { get; set; } = "postgres";

    [GlobalSetup]
    public void Setup()
    {
        int customers = Rows / 10;
        string rows = $"SELECT 'C' || ((i * 7919) % {customers}) AS customer_id, DATE '2020-01-01' + CAST((i * 31) % 1461 AS INTEGER) AS date, "
            + $"CAST((i * 37) % 10000 AS DECIMAL(10,2)) / 100 AS amount";
        if (Engine == "postgres")
        {
            string connection = Environment.GetEnvironmentVariable("RETENTION_TEST_POSTGRES")
                ?? throw new InvalidOperationException("Set RETENTION_TEST_POSTGRES (eval \"export $(.ci/start-postgres)\").");
            var pg = new NpgsqlConnection(connection + ";Command Timeout=0");
            pg.Open();
            string schema = "bench_" + Rows.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Execute(pg, $"CREATE SCHEMA IF NOT EXISTS {schema}; SET search_path TO {schema}");
            if (Scalar(pg, $"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '{schema}' AND table_name = 'sales'") == 0)
            {
                Execute(pg, $"CREATE TABLE sales AS SELECT customer_id, date, CAST(amount AS numeric(10,2)) AS amount FROM ({rows.Replace("DECIMAL(10,2)", "numeric(10,2)", StringComparison.Ordinal)} FROM generate_series(CAST(0 AS bigint), {Rows - 1}) AS g(i)) t; ANALYZE sales");
            }

            _connection = pg;
            _dialect = SqlDialect.PostgreSql;
            _source = SqlSource.Table("sales");
        }
        else
        {
            string path = Path.Combine(Path.GetTempPath(), $"retention-bench-{Rows}.parquet");
            var duck = new DuckDBConnection("Data Source=:memory:");
            duck.Open();
            if (!File.Exists(path))
            {
                Execute(duck, $"COPY ({rows} FROM range({Rows}) AS r(i)) TO '{path}' (FORMAT parquet)");
            }

            _connection = duck;
            _dialect = SqlDialect.DuckDb;
            _source = SqlSource.ParquetFiles(path);
        }

        Console.WriteLine($"// {Rows:N0} transactions of {customers:N0} customers in {Engine}; {EngineOnly():N0} customers through {Through}");
    }

    [GlobalCleanup]
    public void Cleanup() => _connection.Dispose();

    /// <summary>The floor: the engine runs the summary query and counts its rows; nothing comes back.</summary>
    [Benchmark(Baseline = true)]
    public long EngineOnly()
    {
        PushDownQuery summary = PushDownSql.Summary(_dialect, _source, Through);
        using DbCommand command = summary.CreateCommand(_connection);
        command.CommandText = "SELECT COUNT(*) FROM (" + summary.Text + ") AS s WHERE s.first_day IS NOT NULL";
        command.CommandTimeout = 0;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Push-down: the engine computes the summaries, one row per customer is read.</summary>
    [Benchmark]
    public int PushDownSummary() => DbPushDown.Summarize(_connection, _dialect, _source, Through).Count;

    /// <summary>Half way: the engine's daily rows (one per customer-day) merged into the aggregate in .NET.</summary>
    [Benchmark]
    public int DailyRowsMergedHere() => DbPushDown.Aggregate(_connection, _dialect, _source).Summarize(Through).Count;

    /// <summary>Pull: every row read and aggregated in .NET.</summary>
    [Benchmark]
    public int PullRowsAggregateHere()
    {
        using DbCommand command = PushDownSql.Transactions(_dialect, _source).CreateCommand(_connection);
        command.CommandTimeout = 0;
        using DbDataReader reader = command.ExecuteReader();
        return DbPurchaseReader.ReadTransactions(reader, _source.Name).Summarize(Through).Count;
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }

    private static long Scalar(DbConnection connection, string sql)
    {
        using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
