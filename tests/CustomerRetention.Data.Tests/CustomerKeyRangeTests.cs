using DuckDB.NET.Data;
using NodaTime;

namespace CustomerRetention.Data.Tests;

/// <summary>
/// Splitting a table into customer-key ranges (<see cref="DbPushDown.SplitByCustomerKey"/>) and aggregating each
/// range with the engine's daily rows (<see cref="PushDownSql.DailyRows"/> with a range): the bounds are parameters,
/// the ranges take every row once, and the merged parts equal the library's summary of the whole table.
/// </summary>
public sealed class CustomerKeyRangeTests
{
    [Fact]
    public void The_Bounds_And_The_Count_Are_Parameters_And_The_Customer_Column_Is_Quoted()
    {
        var columns = new TransactionColumns { Customer = "cust\"id" };
        PushDownQuery daily = PushDownSql.DailyRows(SqlDialect.PostgreSql, SqlSource.Table("sales"), columns, new CustomerKeyRange("c'10", "c'20"));
        PushDownQuery first = PushDownSql.DailyRows(SqlDialect.PostgreSql, SqlSource.Table("sales"), columns, new CustomerKeyRange(null, "c'10"));
        PushDownQuery bounds = PushDownSql.KeyBoundaries(SqlDialect.Spark, SqlSource.Table("sales"), 7, columns);

        Assert.Contains("WHERE \"cust\"\"id\" >= $1 AND \"cust\"\"id\" < $2", daily.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("c'", daily.Text, StringComparison.Ordinal);
        Assert.Equal(["c'10", "c'20"], daily.Parameters);
        Assert.Contains("WHERE (\"cust\"\"id\" < $1 OR \"cust\"\"id\" IS NULL)", first.Text, StringComparison.Ordinal);
        Assert.Contains("NTILE(CAST(:p1 AS INTEGER))", bounds.Text, StringComparison.Ordinal);
        Assert.Contains("`cust\"id`", bounds.Text, StringComparison.Ordinal);
        Assert.Equal([7], bounds.Parameters);
    }

    [Fact]
    public void Bad_Arguments_Name_The_Parameter()
    {
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => PushDownSql.KeyBoundaries(SqlDialect.DuckDb, SqlSource.Table("sales"), 0)).ParamName);
        Assert.Equal("upper", Assert.Throws<ArgumentException>(() => new CustomerKeyRange("a", DBNull.Value)).ParamName);
        Assert.Equal("connection", Assert.Throws<ArgumentNullException>(() => DbPushDown.SplitByCustomerKey(null!, SqlDialect.DuckDb, SqlSource.Table("sales"), 3)).ParamName);
    }

    [Theory]
    [InlineData("VARCHAR", 7)]
    [InlineData("BIGINT", 7)]
    [InlineData("VARCHAR", 1)]
    public void Key_Ranges_Of_The_Cdnow_Table_Merge_Into_The_Librarys_Summaries(string idType, int count)
    {
        using DuckDBConnection db = Engines.DuckDb();
        Engines.Load(db, "sales", Rows.CdnowTransactions, idType);
        SqlSource source = SqlSource.Table("sales");

        IReadOnlyList<CustomerKeyRange> ranges = DbPushDown.SplitByCustomerKey(db, SqlDialect.DuckDb, source, count);
        PurchaseAggregate[] parts = ranges.Select(r => DbPushDown.Aggregate(db, SqlDialect.DuckDb, source, range: r)).ToArray();

        Assert.Equal(count, ranges.Count);
        Assert.Null(ranges[0].Lower);
        Assert.Null(ranges[^1].Upper);
        for (int i = 1; i < ranges.Count; i++)
        {
            Assert.Equal(ranges[i - 1].Upper, ranges[i].Lower);
        }

        // Disjoint: no customer in two parts; about equal: 2,357 customers in 7 ranges of 336 or 337 (in 1, all of them).
        Assert.Equal(parts.Sum(p => p.CustomerCount), parts.SelectMany(p => p.Customers).Distinct().Count());
        Assert.All(parts, p => Assert.InRange(p.CustomerCount, 2357 / count, (2357 / count) + 1));
        PurchaseAggregate merged = PurchaseAggregate.Merge(parts);
        Assert.Equal(6919, merged.TransactionCount);
        Rows.AssertIdentical(Rows.Summaries(Rows.CdnowTransactions, Rows.CdnowCalibrationEnd), merged.Summarize(Rows.CdnowCalibrationEnd));
        Rows.AssertIdentical(Rows.Summaries(Rows.CdnowTransactions, null), merged.Summarize());
    }

    [Fact]
    public void The_First_Range_Takes_Null_Ids_So_A_Bad_Row_Stops_The_Read()
    {
        using DuckDBConnection db = Engines.DuckDb();
        Engines.Execute(db, "CREATE TABLE sales (customer_id VARCHAR, date DATE, amount DECIMAL(9,2))");
        Engines.Execute(db, "INSERT INTO sales VALUES ('a', DATE '2024-01-01', 1), ('b', DATE '2024-01-02', 2), ('c', DATE '2024-01-03', 3), (NULL, DATE '2024-01-04', 4)");
        SqlSource source = SqlSource.Table("sales");

        IReadOnlyList<CustomerKeyRange> ranges = DbPushDown.SplitByCustomerKey(db, SqlDialect.DuckDb, source, 3);

        Assert.Equal(3, ranges.Count);
        Assert.Equal(["b", "c"], ranges.Skip(1).Select(r => r.Lower));
        Assert.Throws<DataSourceException>(() => DbPushDown.Aggregate(db, SqlDialect.DuckDb, source, range: ranges[0]));
        Assert.Equal(new LocalDate(2024, 1, 3), DbPushDown.Aggregate(db, SqlDialect.DuckDb, source, range: ranges[2]).Summarize().Single().LastPurchase);
    }

    [Fact]
    public void Fewer_Customers_Than_Ranges_Give_Fewer_Ranges_And_An_Empty_Table_One()
    {
        using DuckDBConnection db = Engines.DuckDb();
        Engines.Execute(db, "CREATE TABLE sales (customer_id VARCHAR, date DATE, amount DECIMAL(9,2))");
        CustomerKeyRange only = Assert.Single(DbPushDown.SplitByCustomerKey(db, SqlDialect.DuckDb, SqlSource.Table("sales"), 5));
        Assert.Null(only.Lower);
        Assert.Null(only.Upper);
        Engines.Execute(db, "INSERT INTO sales VALUES ('a', DATE '2024-01-01', 1), ('b', DATE '2024-01-02', 2)");
        Assert.Equal(2, DbPushDown.SplitByCustomerKey(db, SqlDialect.DuckDb, SqlSource.Table("sales"), 5).Count);
    }
}
