using System.Data.Common;
using DuckDB.NET.Data;
using Npgsql;

namespace CustomerRetention.Cli.Tests;

/// <summary>
/// The CDNOW sample (tests/data) where the tool reads it besides CSV: a DuckDB database file, a Parquet file,
/// two Parquet files split by date, two CSV files split the same way, and a schema of its own on the test
/// PostgreSQL server (<see cref="PostgresServer"/>) holding the same rows in table <c>cdnow</c>.
/// </summary>
public sealed class DataSourceFixture : IDisposable
{
    public DataSourceFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("retention-cli-data-").FullName;
        Csv = TestData.Path("cdnow_sample_transactions.csv");
        DuckDbFile = Path.Combine(Directory, "cdnow.duckdb");
        Parquet = Path.Combine(Directory, "cdnow.parquet");
        ParquetGlob = Path.Combine(Directory, "parts", "*.parquet");
        CsvGlob = Path.Combine(Directory, "parts", "*.csv");
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "parts"));
        using (var duck = new DuckDBConnection("Data Source=" + DuckDbFile))
        {
            duck.Open();
            Execute(duck, "CREATE TABLE sales AS SELECT * FROM read_csv($1, header = true, columns = {'customer_id': 'INTEGER', 'date': 'DATE', 'amount': 'DECIMAL(10,2)'})", Csv);
            Execute(duck, "COPY sales TO $1 (FORMAT parquet)", Parquet);
            Execute(duck, "COPY (SELECT * FROM sales WHERE date < DATE '1997-06-01') TO $1 (FORMAT parquet)", Path.Combine(Directory, "parts", "a.parquet"));
            Execute(duck, "COPY (SELECT * FROM sales WHERE date >= DATE '1997-06-01') TO $1 (FORMAT parquet)", Path.Combine(Directory, "parts", "b.parquet"));
        }

        string[] lines = File.ReadAllLines(Csv);
        File.WriteAllLines(Path.Combine(Directory, "parts", "a.csv"), [lines[0], .. lines.Skip(1).Where(l => string.CompareOrdinal(l.Split(',')[1], "1997-06-01") < 0)]);
        File.WriteAllLines(Path.Combine(Directory, "parts", "b.csv"), [lines[0], .. lines.Skip(1).Where(l => string.CompareOrdinal(l.Split(',')[1], "1997-06-01") >= 0)]);

        Schema = "cli_" + Guid.NewGuid().ToString("N");
        var builder = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString) { SearchPath = Schema };
        Postgres = builder.ConnectionString;
        using var pg = new NpgsqlConnection(PostgresServer.ConnectionString);
        pg.Open();
        Execute(pg, $"CREATE SCHEMA {Schema}; CREATE TABLE {Schema}.cdnow (customer_id integer, date date, amount numeric(10,2))");
        using (TextWriter copy = pg.BeginTextImport($"COPY {Schema}.cdnow FROM STDIN (FORMAT csv, HEADER true)"))
        {
            copy.Write(File.ReadAllText(Csv));
        }
    }

    /// <summary>A temporary directory for the files, removed on dispose.</summary>
    public string Directory { get; }

    public string Csv { get; }

    public string DuckDbFile { get; }

    public string Parquet { get; }

    public string ParquetGlob { get; }

    public string CsvGlob { get; }

    /// <summary>The PostgreSQL schema holding table <c>cdnow</c>.</summary>
    public string Schema { get; }

    /// <summary>A connection string whose search path is <see cref="Schema"/>.</summary>
    public string Postgres { get; }

    /// <summary>Runs SQL on the test server in <see cref="Schema"/>.</summary>
    public void Postgresql(string sql)
    {
        using var pg = new NpgsqlConnection(Postgres);
        pg.Open();
        Execute(pg, sql);
    }

    public void Dispose()
    {
        using (var pg = new NpgsqlConnection(PostgresServer.ConnectionString))
        {
            pg.Open();
            Execute(pg, $"DROP SCHEMA {Schema} CASCADE");
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }

    internal static void Execute(DbConnection connection, string sql, params object[] parameters)
    {
        using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (object value in parameters)
        {
            DbParameter p = command.CreateParameter();
            p.Value = value;
            command.Parameters.Add(p);
        }

        command.ExecuteNonQuery();
    }
}
