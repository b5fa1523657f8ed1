using DuckDB.NET.Data;
using NodaTime;

namespace CustomerRetention.Data.Tests;

/// <summary>The SQL text: identifiers quoted, values passed as parameters, one dialect per engine.</summary>
public sealed class PushDownSqlTests
{
    [Fact]
    public void The_Cut_Off_Is_A_Parameter_Never_Written_Into_The_Text()
    {
        PushDownQuery query = PushDownSql.Summary(SqlDialect.PostgreSql, SqlSource.Table("sales"), new LocalDate(1997, 9, 30));

        Assert.DoesNotContain("1997", query.Text, StringComparison.Ordinal);
        Assert.Contains("CAST($1 AS DATE)", query.Text, StringComparison.Ordinal);
        Assert.Equal(["1997-09-30"], query.Parameters);
    }

    [Fact]
    public void A_File_Path_Is_A_Parameter_After_The_Cut_Off_Placeholder_Order()
    {
        PushDownQuery query = PushDownSql.Summary(SqlDialect.DuckDb, SqlSource.ParquetFiles("it's/*.parquet"), new LocalDate(1997, 9, 30));

        Assert.Contains("read_parquet($1)", query.Text, StringComparison.Ordinal);
        Assert.Contains("CAST($2 AS DATE)", query.Text, StringComparison.Ordinal);
        Assert.Equal(["it's/*.parquet", "1997-09-30"], query.Parameters);
    }

    [Fact]
    public void Spark_Quotes_With_Backticks_And_Names_Its_Parameters()
    {
        PushDownQuery query = PushDownSql.Summary(SqlDialect.Spark, SqlSource.Table("lake.sales"), new LocalDate(1997, 9, 30), new TransactionColumns { Customer = "cust`id" });

        Assert.Contains("`lake`.`sales`", query.Text, StringComparison.Ordinal);
        Assert.Contains("`cust``id` AS customer_id", query.Text, StringComparison.Ordinal);
        Assert.Contains("CAST(:p1 AS DATE)", query.Text, StringComparison.Ordinal);
        Assert.Throws<NotSupportedException>(() => PushDownSql.Summary(SqlDialect.Spark, SqlSource.ParquetFiles("x.parquet"), null));
    }

    [Fact]
    public void Identifiers_With_Quotes_And_Capitals_Reach_The_Right_Table_And_Columns()
    {
        using PostgresSchema db = Engines.Postgres();
        Engines.Execute(db.Connection, "CREATE TABLE \"Sales \"\"2024\"\"\" (\"Customer\" text, \"Day\" date, \"Amount; DROP TABLE x\" numeric)");
        Engines.Execute(db.Connection, "INSERT INTO \"Sales \"\"2024\"\"\" VALUES ('a', DATE '2024-01-01', 1.5), ('a', DATE '2024-01-03', 2.25)");
        var columns = new TransactionColumns { Customer = "Customer", Date = "Day", Amount = "Amount; DROP TABLE x" };

        PurchaseSummaries summaries = DbPushDown.Summarize(
            db.Connection, SqlDialect.PostgreSql, SqlSource.Table(db.Name + ".Sales \"2024\""), new LocalDate(2024, 12, 31), columns);

        PurchaseSummary a = Assert.Single(summaries);
        Assert.Equal(2, a.PurchaseDays);
        Assert.Equal(3.75m, a.TotalAmount);
    }

    [Fact]
    public void The_Daily_Rows_Query_Runs_On_DuckDb_And_Merges_Same_Day_Rows()
    {
        using DuckDBConnection db = Engines.DuckDb();
        Engines.Execute(db, "CREATE TABLE sales AS SELECT * FROM (VALUES ('a', TIMESTAMP '2024-01-01 09:00', 1.50::DECIMAL(9,2)), ('a', TIMESTAMP '2024-01-01 17:00', 2.00::DECIMAL(9,2)), ('b', TIMESTAMP '2024-01-02 00:00', 4.00::DECIMAL(9,2))) t(customer_id, date, amount)");
        using var command = PushDownSql.DailyRows(SqlDialect.DuckDb, SqlSource.Table("sales")).CreateCommand(db);
        using var reader = command.ExecuteReader();

        PurchaseAggregate aggregate = DbPurchaseReader.ReadDailyPurchases(reader, "sales");

        Assert.Equal(3, aggregate.TransactionCount);
        Assert.Equal(2, aggregate.PurchaseDayCount);
        PurchaseSummary a = aggregate.Summarize()[aggregate.Customers.ToList().IndexOf(new CustomerId("a"))];
        Assert.Equal(2, a.Transactions);
        Assert.Equal("3.50", a.TotalAmount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Bad_Arguments_Name_The_Parameter()
    {
        Assert.Equal("qualifiedName", Assert.Throws<ArgumentException>(() => SqlSource.Table("a..b")).ParamName);
        Assert.Equal("sql", Assert.Throws<ArgumentException>(() => SqlSource.Query(" ")).ParamName);
        Assert.Equal("source", Assert.Throws<ArgumentNullException>(() => PushDownSql.Summary(SqlDialect.DuckDb, null!, null)).ParamName);
        Assert.Equal("Amount", Assert.Throws<ArgumentException>(() => new TransactionColumns { Amount = "" }).ParamName);
    }
}
