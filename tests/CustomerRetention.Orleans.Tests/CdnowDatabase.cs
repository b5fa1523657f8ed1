using System.Data.Common;
using DuckDB.NET.Data;

namespace CustomerRetention.Orleans.Tests;

/// <summary>
/// A DuckDB database file, created once per test run in a temp directory, holding the CDNOW sample (tests/data)
/// as table <see cref="Table"/> (customer_id VARCHAR, date DATE, amount DECIMAL(12,2)) and a table
/// <see cref="BadTable"/> with a NULL customer id. Written, closed, then only opened read-only (by the silos and the test).
/// </summary>
internal static class CdnowDatabase
{
    /// <summary>The CDNOW sample's table.</summary>
    public const string Table = "cdnow sales";

    /// <summary>Three good rows and one with a NULL customer id.</summary>
    public const string BadTable = "bad_sales";

    private static readonly Lazy<string> File = new(Create);

    /// <summary>A new read-only connection to the file (created on first use), not yet open.</summary>
    public static DbConnection OpenReadOnly() => new DuckDBConnection($"Data Source={File.Value};ACCESS_MODE=READ_ONLY");

    private static string Create()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("retention-orleans-table-").FullName, "cdnow.duckdb");
        using (var connection = new DuckDBConnection($"Data Source={path}"))
        {
            connection.Open();
            using DbCommand create = connection.CreateCommand();
            create.CommandText = $"CREATE TABLE \"{Table}\" (customer_id VARCHAR, date DATE, amount DECIMAL(12,2));"
                + $" CREATE TABLE {BadTable} (customer_id VARCHAR, date DATE, amount DECIMAL(12,2));"
                + $" INSERT INTO {BadTable} VALUES ('a', DATE '2024-01-01', 1), ('b', DATE '2024-01-02', 2), ('c', DATE '2024-01-03', 3), (NULL, DATE '2024-01-04', 4);";
            create.ExecuteNonQuery();
            using DbCommand load = connection.CreateCommand();
            load.CommandText = $"INSERT INTO \"{Table}\" SELECT customer_id, date, amount FROM read_csv($1, header = true, columns = {{'customer_id': 'VARCHAR', 'date': 'DATE', 'amount': 'DECIMAL(12,2)'}})";
            DbParameter file = load.CreateParameter();
            file.Value = TestData.Path("cdnow_sample_transactions.csv");
            load.Parameters.Add(file);
            load.ExecuteNonQuery();
        }

        return path;
    }
}
