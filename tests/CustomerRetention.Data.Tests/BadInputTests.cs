using System.Data.Common;
using DuckDB.NET.Data;
using NodaTime;

namespace CustomerRetention.Data.Tests;

/// <summary>
/// Bad rows in a database stop the read with one line naming the column and the row's key, through the
/// push-down summary (even when the bad row lies after the cut-off) and through the pulled rows.
/// </summary>
public sealed class BadInputTests
{
    private static readonly LocalDate Through = new(1997, 9, 30);

    /// <summary>A bad row (SQL VALUES of PostgreSQL), the column it is bad in, and the customer it belongs to (null when that is what is missing).</summary>
    public static TheoryData<string, string, string?> PostgresCases => new()
    {
        { "(NULL, DATE '1997-01-05', 1.00)", "customer_id", null },
        { "('42', NULL, 1.00)", "date", "42" },
        { "('42', DATE '1997-01-05', NULL)", "amount", "42" },
        { "('42', DATE '1899-12-31', 1.00)", "date", "42" },
        { "('42', DATE '2201-01-01', 1.00)", "date", "42" },
        { "('42', DATE '1997-01-05', 'NaN'::numeric)", "amount", "42" },
        { "('42', DATE '1997-12-05', 'NaN'::numeric)", "amount", "42" },
    };

    /// <summary>The same for DuckDB, with a floating-point amount column (NaN and infinities).</summary>
    public static TheoryData<string, string, string?> DuckDbCases => new()
    {
        { "(NULL, DATE '1997-01-05', 1.0)", "customer_id", null },
        { "('42', NULL, 1.0)", "date", "42" },
        { "('42', DATE '1997-01-05', NULL)", "amount", "42" },
        { "('42', DATE '1899-12-31', 1.0)", "date", "42" },
        { "('42', DATE '2201-01-01', 1.0)", "date", "42" },
        { "('42', DATE '1997-01-05', 'NaN'::DOUBLE)", "amount", "42" },
        { "('42', DATE '1997-12-05', 'Infinity'::DOUBLE)", "amount", "42" },
    };

    [Theory]
    [MemberData(nameof(PostgresCases))]
    public void PostgreSql_Bad_Row_Names_Column_And_Customer(string row, string column, string? customer)
    {
        using PostgresSchema db = Engines.Postgres();
        Engines.Execute(db.Connection, "CREATE TABLE sales (customer_id text, date date, amount numeric)");
        Engines.Execute(db.Connection, "INSERT INTO sales VALUES ('7', DATE '1997-01-01', 2.50), ('7', DATE '1997-02-01', 3.50), " + row);

        AssertNamed(() => DbPushDown.Summarize(db.Connection, SqlDialect.PostgreSql, SqlSource.Table("sales"), Through), column, customer);
        AssertNamed(() => CdnowEquivalenceTests.Pull(db.Connection, "SELECT * FROM sales"), column, customer);
    }

    [Theory]
    [MemberData(nameof(DuckDbCases))]
    public void DuckDb_Bad_Row_Names_Column_And_Customer(string row, string column, string? customer)
    {
        using DuckDBConnection db = Engines.DuckDb();
        Engines.Execute(db, "CREATE TABLE sales (customer_id VARCHAR, date DATE, amount DOUBLE)");
        Engines.Execute(db, "INSERT INTO sales VALUES ('7', DATE '1997-01-01', 2.5), ('7', DATE '1997-02-01', 3.5), " + row);

        AssertNamed(() => DbPushDown.Summarize(db, SqlDialect.DuckDb, SqlSource.Table("sales"), Through), column, customer);
        AssertNamed(() => CdnowEquivalenceTests.Pull(db, "SELECT * FROM sales"), column, customer);
    }

    [Fact]
    public void Text_In_The_Amount_Column_Is_A_Type_Error_Naming_It()
    {
        using PostgresSchema db = Engines.Postgres();
        Engines.Execute(db.Connection, "CREATE TABLE sales (customer_id text, date date, amount text); INSERT INTO sales VALUES ('7', DATE '1997-01-01', '2.50')");

        DataSourceException pushed = Assert.Throws<DataSourceException>(() => DbPushDown.Summarize(db.Connection, SqlDialect.PostgreSql, SqlSource.Table("sales"), Through));
        DataSourceException pulled = Assert.Throws<DataSourceException>(() => CdnowEquivalenceTests.Pull(db.Connection, "SELECT * FROM sales"));

        foreach (DataSourceException e in new[] { pushed, pulled })
        {
            Assert.Equal("amount", e.Column);
            Assert.Contains("text", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_Missing_Column_Is_Named_With_The_Columns_There_Are()
    {
        using DuckDBConnection db = Engines.DuckDb();
        Engines.Execute(db, "CREATE TABLE sales (client VARCHAR, date DATE, amount DECIMAL(10,2))");

        DataSourceException e = Assert.Throws<DataSourceException>(() => DbPushDown.Summarize(db, SqlDialect.DuckDb, SqlSource.Table("sales"), Through));

        Assert.Equal("customer_id", e.Column);
        Assert.Equal("sales: column 'customer_id': no such column (the columns are client, date, amount)", e.Message);
    }

    [Fact]
    public void A_Pulled_Row_Error_Gives_The_Row_Number_And_Key()
    {
        using DuckDBConnection db = Engines.DuckDb();
        Engines.Execute(db, "CREATE TABLE sales AS SELECT * FROM (VALUES ('7', DATE '1997-01-01', 2.5), ('8', DATE '1997-01-02', NULL)) t(customer_id, date, amount)");
        using DbCommand command = db.CreateCommand();
        command.CommandText = "SELECT * FROM sales ORDER BY customer_id";
        using DbDataReader reader = command.ExecuteReader();

        DataSourceException e = Assert.Throws<DataSourceException>(() => DbPurchaseReader.ReadTransactions(reader, "sales"));

        Assert.Equal("sales: row 2 (customer '8', date 1997-01-02): column 'amount': NULL", e.Message);
        Assert.Equal(2, e.Row);
    }

    private static void AssertNamed(Func<object> read, string column, string? customer)
    {
        DataSourceException e = Assert.Throws<DataSourceException>(read);
        Assert.Equal(column, e.Column);
        Assert.Equal(customer, e.Customer);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Contains($"column '{column}'", e.Message, StringComparison.Ordinal);
    }
}
