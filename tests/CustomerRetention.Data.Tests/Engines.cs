using System.Data.Common;
using DuckDB.NET.Data;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace CustomerRetention.Data.Tests;

/// <summary>The real engines of the tests: an in-memory DuckDB, and a schema of its own on the test PostgreSQL server.</summary>
internal static class Engines
{
    /// <summary>A new in-memory DuckDB database.</summary>
    public static DuckDBConnection DuckDb()
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }

    /// <summary>A connection to the test server (see <see cref="PostgresServer"/>) whose search path is a new schema, dropped on dispose.</summary>
    public static PostgresSchema Postgres() => new();

    /// <summary>Runs a statement.</summary>
    public static void Execute(DbConnection connection, string sql)
    {
        using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Creates table <paramref name="table"/> (customer_id, date, amount of the given SQL types) holding <paramref name="rows"/> in DuckDB.</summary>
    public static void Load(DuckDBConnection connection, string table, IEnumerable<Transaction> rows, string idType = "VARCHAR", string amountType = "DECIMAL(18,2)")
    {
        Execute(connection, $"CREATE TABLE \"{table}\" (customer_id {idType}, date DATE, amount {amountType})");
        using DuckDBAppender appender = connection.CreateAppender(table);
        foreach (Transaction t in rows)
        {
            IDuckDBAppenderRow row = appender.CreateRow();
            row = idType == "VARCHAR" ? row.AppendValue(t.Customer.Value) : row.AppendValue(long.Parse(t.Customer.Value, System.Globalization.CultureInfo.InvariantCulture));
            row.AppendValue(new DateOnly(t.Date.Year, t.Date.Month, t.Date.Day)).AppendValue(t.Amount).EndRow();
        }
    }

    /// <summary>Creates table <paramref name="table"/> (customer_id text, date date, amount of the given SQL type) holding <paramref name="rows"/> in PostgreSQL.</summary>
    public static void Load(NpgsqlConnection connection, string table, IEnumerable<Transaction> rows, string amountType = "numeric")
    {
        Execute(connection, $"CREATE TABLE \"{table.Replace("\"", "\"\"")}\" (customer_id text, date date, amount {amountType})");
        using NpgsqlBinaryImporter importer = connection.BeginBinaryImport($"COPY \"{table.Replace("\"", "\"\"")}\" (customer_id, date, amount) FROM STDIN (FORMAT BINARY)");
        foreach (Transaction t in rows)
        {
            importer.StartRow();
            importer.Write(t.Customer.Value, NpgsqlDbType.Text);
            importer.Write(new DateOnly(t.Date.Year, t.Date.Month, t.Date.Day), NpgsqlDbType.Date);
            importer.Write(t.Amount, NpgsqlDbType.Numeric);
        }

        importer.Complete();
    }

    /// <summary>The date as DuckDB's and Npgsql's date type.</summary>
    public static DateOnly ToDateOnly(LocalDate date) => new(date.Year, date.Month, date.Day);
}

/// <summary>A connection to the test PostgreSQL server working in a schema of its own, dropped on dispose.</summary>
internal sealed class PostgresSchema : IDisposable
{
    public PostgresSchema()
    {
        Name = "t_" + Guid.NewGuid().ToString("N");
        Connection = new NpgsqlConnection(PostgresServer.ConnectionString);
        Connection.Open();
        Engines.Execute(Connection, $"CREATE SCHEMA {Name}; SET search_path TO {Name}");
    }

    /// <summary>The schema's name.</summary>
    public string Name { get; }

    /// <summary>The open connection, search path set to the schema.</summary>
    public NpgsqlConnection Connection { get; }

    public void Dispose()
    {
        Engines.Execute(Connection, $"DROP SCHEMA {Name} CASCADE");
        Connection.Dispose();
    }
}
