using System.Data.Common;
using System.Text.RegularExpressions;
using CustomerRetention.Csv;
using CustomerRetention.Data;
using DuckDB.NET.Data;
using NodaTime;
using Npgsql;

namespace CustomerRetention.Cli.Tests;

/// <summary>
/// docs/scale-out.md shows only SQL a test ran: each block marked <c>&lt;!-- sql: retention … --&gt;</c> is
/// exactly what that command prints, and runs on PostgreSQL and DuckDB (table <c>sales</c> holding the
/// CDNOW sample), giving the library's own summaries of the CSV, bit for bit.
/// </summary>
public sealed partial class ScaleOutSqlTests(DataSourceFixture data) : IClassFixture<DataSourceFixture>
{
    private static readonly LocalDate CalibrationEnd = new(1997, 9, 30);

    public static TheoryData<string> Commands => new(Blocks().Select(b => b.Command));

    [Theory]
    [MemberData(nameof(Commands))]
    public void The_Block_Is_What_The_Command_Prints(string command)
    {
        string block = Blocks().Single(b => b.Command == command).Sql;

        CliResult result = CliRunner.Run(command.Split(' ').Skip(1).ToArray());

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(block + "\n", result.Output.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void The_Block_Runs_On_PostgreSql_And_DuckDb_And_Gives_The_Librarys_Summaries(string command)
    {
        string sql = Blocks().Single(b => b.Command == command).Sql;
        bool summary = command.Contains(" summary ", StringComparison.Ordinal);
        PurchaseSummaries expected = PurchaseAggregator.Summarize(TransactionCsv.ReadFile(data.Csv).Table, CalibrationEnd);

        data.Postgresql("CREATE OR REPLACE VIEW sales AS SELECT * FROM cdnow");
        using (var pg = new NpgsqlConnection(data.Postgres))
        {
            pg.Open();
            AssertSame(expected, Run(pg, sql, summary));
        }

        using var duck = new DuckDBConnection("Data Source=" + data.DuckDbFile + ";ACCESS_MODE=READ_ONLY");
        duck.Open();
        AssertSame(expected, Run(duck, sql, summary));
    }

    private static PurchaseSummaries Run(DbConnection connection, string sql, bool summary)
    {
        using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        if (summary)
        {
            DbParameter p = command.CreateParameter();
            p.Value = "1997-09-30";
            command.Parameters.Add(p);
        }

        using DbDataReader reader = command.ExecuteReader();
        return summary
            ? DbPurchaseReader.ReadSummaries(reader, "sales", CalibrationEnd)
            : DbPurchaseReader.ReadDailyPurchases(reader, "sales").Summarize(CalibrationEnd);
    }

    private static void AssertSame(PurchaseSummaries expected, PurchaseSummaries actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.True(actual.TryGet(expected.Customers[i], out PurchaseSummary got));
            Assert.Equal(expected[i], got);
            Assert.Equal(decimal.GetBits(expected[i].TotalAmount), decimal.GetBits(got.TotalAmount));
            Assert.Equal(decimal.GetBits(expected[i].FirstDayAmount), decimal.GetBits(got.FirstDayAmount));
        }
    }

    private static List<(string Command, string Sql)> Blocks()
    {
        string path = Path.Combine(Repository.Root(), "docs", "scale-out.md");
        string text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var blocks = BlockPattern().Matches(text).Select(m => (m.Groups[1].Value.Trim(), m.Groups[2].Value.TrimEnd('\n'))).ToList();
        Assert.True(blocks.Count >= 2, $"{path} has no marked SQL blocks");
        return blocks;
    }

    [GeneratedRegex(@"<!-- sql: (retention [^\n]*?) -->\n```sql\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex BlockPattern();
}
