using System.Data.Common;
using DuckDB.NET.Data;
using NodaTime;

namespace CustomerRetention.Data.Tests;

/// <summary>
/// The CDNOW sample (tests/data) summarised where it lives — PostgreSQL, DuckDB, Parquet files — equals,
/// bit for bit on the decimals, the library's own summary of the same rows. The push-down query does the
/// GROUP BY in the engine; the pull paths read rows (or the engine's daily rows) and aggregate in .NET.
/// </summary>
public sealed class CdnowEquivalenceTests
{
    public static TheoryData<bool> CutOffs => new() { true, false };

    [Theory]
    [MemberData(nameof(CutOffs))]
    public void PostgreSql_PushDown_Summary_Equals_The_Library_Bit_For_Bit(bool calibrationEnd)
    {
        LocalDate? through = calibrationEnd ? Rows.CdnowCalibrationEnd : null;
        using PostgresSchema db = Engines.Postgres();
        Engines.Load(db.Connection, "sales", Rows.CdnowTransactions, "numeric(12,2)");

        PurchaseSummaries summaries = DbPushDown.Summarize(db.Connection, SqlDialect.PostgreSql, SqlSource.Table("sales"), through);

        Rows.AssertIdentical(Rows.Summaries(Rows.CdnowTransactions, through), summaries);
    }

    [Theory]
    [MemberData(nameof(CutOffs))]
    public void DuckDb_PushDown_Summary_Equals_The_Library_Bit_For_Bit(bool calibrationEnd)
    {
        LocalDate? through = calibrationEnd ? Rows.CdnowCalibrationEnd : null;
        using DuckDBConnection db = Engines.DuckDb();
        Engines.Load(db, "sales", Rows.CdnowTransactions);

        PurchaseSummaries summaries = DbPushDown.Summarize(db, SqlDialect.DuckDb, SqlSource.Table("sales"), through);

        Rows.AssertIdentical(Rows.Summaries(Rows.CdnowTransactions, through), summaries);
    }

    [Fact]
    public void Parquet_Files_And_Their_Glob_Summarise_Like_The_Library()
    {
        string dir = Directory.CreateTempSubdirectory("retention-parquet-").FullName;
        try
        {
            using DuckDBConnection db = Engines.DuckDb();
            Engines.Load(db, "sales", Rows.CdnowTransactions);
            string whole = Path.Combine(dir, "cdnow.parquet");
            Export(db, "SELECT * FROM sales", whole);
            Directory.CreateDirectory(Path.Combine(dir, "parts"));
            Export(db, "SELECT * FROM sales WHERE date < DATE '1997-06-01'", Path.Combine(dir, "parts", "a.parquet"));
            Export(db, "SELECT * FROM sales WHERE date >= DATE '1997-06-01'", Path.Combine(dir, "parts", "b.parquet"));
            PurchaseSummaries expected = Rows.Summaries(Rows.CdnowTransactions, Rows.CdnowCalibrationEnd);

            using DuckDBConnection reader = Engines.DuckDb();
            Rows.AssertIdentical(expected, DbPushDown.Summarize(reader, SqlDialect.DuckDb, SqlSource.ParquetFiles(whole), Rows.CdnowCalibrationEnd));
            Rows.AssertIdentical(expected, DbPushDown.Summarize(reader, SqlDialect.DuckDb, SqlSource.ParquetFiles(Path.Combine(dir, "parts", "*.parquet")), Rows.CdnowCalibrationEnd));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void PostgreSql_Rows_Pulled_Into_The_Aggregate_Equal_The_Library()
    {
        using PostgresSchema db = Engines.Postgres();
        Engines.Load(db.Connection, "sales", Rows.CdnowTransactions, "numeric(12,2)");

        PurchaseAggregate aggregate = Pull(db.Connection, "SELECT customer_id, date, amount FROM sales");

        Rows.AssertIdentical(Rows.Summaries(Rows.CdnowTransactions, Rows.CdnowCalibrationEnd), aggregate.Summarize(Rows.CdnowCalibrationEnd));
        Assert.Equal(Rows.CdnowTransactions.Count, aggregate.TransactionCount);
    }

    [Fact]
    public void DuckDb_Daily_Rows_Pushed_Down_Merge_Into_The_Aggregate_Of_The_Library()
    {
        using DuckDBConnection db = Engines.DuckDb();
        Engines.Load(db, "sales", Rows.CdnowTransactions);

        PurchaseAggregate aggregate = DbPushDown.Aggregate(db, SqlDialect.DuckDb, SqlSource.Table("sales"));

        PurchaseAggregate expected = PurchaseAggregate.FromTransactions(Rows.CdnowTransactions);
        Assert.Equal(expected.PurchaseDayCount, aggregate.PurchaseDayCount);
        Assert.Equal(expected.TransactionCount, aggregate.TransactionCount);
        Rows.AssertIdentical(expected.Summarize(Rows.CdnowCalibrationEnd), aggregate.Summarize(Rows.CdnowCalibrationEnd));
    }

    [Fact]
    public void PostgreSql_Transaction_Table_Holds_Every_Row()
    {
        using PostgresSchema db = Engines.Postgres();
        Engines.Load(db.Connection, "sales", Rows.CdnowTransactions, "numeric(12,2)");
        using DbCommand command = db.Connection.CreateCommand();
        command.CommandText = "SELECT customer_id, date, amount FROM sales";
        using DbDataReader reader = command.ExecuteReader();

        TransactionTable table = DbPurchaseReader.ReadTransactionTable(reader, "sales");

        Assert.Equal(Rows.CdnowTransactions.Count, table.Count);
        Rows.AssertIdentical(Rows.Summaries(Rows.CdnowTransactions, null), PurchaseAggregator.Summarize(table));
    }

    internal static PurchaseAggregate Pull(DbConnection connection, string sql)
    {
        using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        using DbDataReader reader = command.ExecuteReader();
        return DbPurchaseReader.ReadTransactions(reader, "query");
    }

    private static void Export(DuckDBConnection db, string select, string path)
    {
        using DbCommand command = db.CreateCommand();
        command.CommandText = $"COPY ({select}) TO '{path.Replace("'", "''")}' (FORMAT parquet)";
        command.ExecuteNonQuery();
    }
}
