using DuckDB.NET.Data;
using NodaTime;

namespace CustomerRetention.Data.Tests;

/// <summary>
/// Random transactions, generated from seeds and never looked at while writing the code — several per day,
/// refunds, awkward ids, amounts of mixed scale — summarised by each engine and by the library: identical.
/// </summary>
public sealed class HeldOutTests
{
    public static TheoryData<int> Seeds => new() { 11, 2024, 90210 };

    /// <summary>
    /// Amounts written with 0 to 4 decimals. The library sums a file's amounts at the largest scale any of them
    /// has (4 here), as does a NUMERIC(p, 4) column: identical bits. An unconstrained NUMERIC sums each
    /// customer at the largest scale among their own amounts: equal values, trailing zeros may differ.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void PostgreSql_Numeric_Of_Mixed_Scale_Summarises_Like_The_Library(int seed)
    {
        IReadOnlyList<Transaction> rows = Rows.HeldOut(seed, 3_000, decimals: -1);
        LocalDate through = new(2021, 6, 30);
        PurchaseSummaries expected = Rows.Summaries(rows, through);
        using PostgresSchema db = Engines.Postgres();
        Engines.Load(db.Connection, "held out", rows, "numeric(14,4)");
        Engines.Load(db.Connection, "unconstrained", rows, "numeric");

        Rows.AssertIdentical(expected, DbPushDown.Summarize(db.Connection, SqlDialect.PostgreSql, SqlSource.Table("held out"), through));
        Rows.AssertIdentical(expected, CdnowEquivalenceTests.Pull(db.Connection, "SELECT * FROM \"held out\"").Summarize(through));
        Rows.AssertIdentical(expected, DbPushDown.Aggregate(db.Connection, SqlDialect.PostgreSql, SqlSource.Table("held out")).Summarize(through));
        Rows.AssertIdentical(expected, DbPushDown.Summarize(db.Connection, SqlDialect.PostgreSql, SqlSource.Table("unconstrained"), through), valuesOnly: true);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void DuckDb_Decimal_Summarises_Like_The_Library(int seed)
    {
        IReadOnlyList<Transaction> rows = Rows.HeldOut(seed, 3_000, decimals: 2);
        LocalDate through = new(2020, 12, 31);
        using DuckDBConnection db = Engines.DuckDb();
        Engines.Load(db, "held out", rows);

        Rows.AssertIdentical(Rows.Summaries(rows, through), DbPushDown.Summarize(db, SqlDialect.DuckDb, SqlSource.Table("held out"), through));
        Rows.AssertIdentical(Rows.Summaries(rows, through), CdnowEquivalenceTests.Pull(db, "SELECT * FROM \"held out\"").Summarize(through));
        Rows.AssertIdentical(Rows.Summaries(rows, through), DbPushDown.Aggregate(db, SqlDialect.DuckDb, SqlSource.Table("held out")).Summarize(through));
    }

    [Fact]
    public void Other_Column_Names_Timestamps_And_A_Query_As_Source_Summarise_Like_The_Library()
    {
        IReadOnlyList<Transaction> rows = Rows.HeldOut(7, 2_000, decimals: 2);
        LocalDate through = new(2021, 1, 15);
        using PostgresSchema db = Engines.Postgres();
        Engines.Load(db.Connection, "raw", rows);
        Engines.Execute(db.Connection, "CREATE TABLE orders AS SELECT customer_id AS \"Client\", date + time '13:45' AS ordered_at, amount AS total, 'x' AS note FROM raw");
        var columns = new TransactionColumns { Customer = "client", Date = "ordered_at", Amount = "TOTAL" };

        Rows.AssertIdentical(Rows.Summaries(rows, through), DbPushDown.Summarize(db.Connection, SqlDialect.PostgreSql, SqlSource.Table("orders"), through, columns));
        Rows.AssertIdentical(
            Rows.Summaries(rows.Where(r => r.Amount > 0), through),
            DbPushDown.Summarize(db.Connection, SqlDialect.PostgreSql, SqlSource.Query("SELECT * FROM orders WHERE total > 0;"), through, columns));
    }
}
