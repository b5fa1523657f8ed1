namespace CustomerRetention.Cli.Tests;

/// <summary>
/// Bad input from a database or a Parquet file, and misused options: one line on standard error naming the
/// column and the customer (or the option), exit code 2, and no output file (docs/cli.md).
/// </summary>
public sealed class DataSourceErrorTests(DataSourceFixture data) : IClassFixture<DataSourceFixture>
{
    /// <summary>A bad row added to the CDNOW rows, the key and the column (with the problem) the message must name, and a table name.</summary>
    public static TheoryData<string, string, string, string> BadRows => new()
    {
        { "SELECT NULL::integer, DATE '1997-03-01', 1.00::numeric", "date 1997-03-01", "column 'customer_id': NULL", "null_id" },
        { "SELECT 5, NULL::date, 1.00::numeric", "customer '5'", "column 'date': NULL", "null_date" },
        { "SELECT 5, DATE '1997-03-01', NULL::numeric", "customer '5'", "column 'amount': NULL", "null_amount" },
        { "SELECT 5, DATE '1899-12-31', 1.00::numeric", "customer '5', date 1899-12-31", "column 'date': 1899-12-31 is outside 1900-01-01..2200-12-31", "early" },
        { "SELECT 5, DATE '2201-01-01', 1.00::numeric", "customer '5', date 2201-01-01", "column 'date': 2201-01-01 is outside 1900-01-01..2200-12-31", "late" },
        { "SELECT 5, DATE '1997-03-01', 'NaN'::numeric", "customer '5'", "column 'amount':", "nan" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void A_Bad_Database_Row_Is_One_Line_Exit_2_And_No_Output(string badRow, string key, string column, string table)
    {
        data.Postgresql($"CREATE TABLE {table} AS SELECT * FROM cdnow UNION ALL {badRow}");
        foreach (string command in new[] { "summary --calibration-end 1997-09-30", "rfm", "cohorts" })
        {
            string output = Path.Combine(data.Directory, $"{table}-{command.Split(' ')[0]}.csv");

            CliResult result = CliRunner.Run([.. command.Split(' '), "--provider", "postgres", "--database", data.Postgres, "--table", table, "--out", output]);

            Assert.Equal(2, result.ExitCode);
            string line = Assert.Single(result.ErrorLines);
            Assert.StartsWith("retention: " + table + ":", line, StringComparison.Ordinal);
            Assert.Contains(key, line, StringComparison.Ordinal);
            Assert.Contains(column, line, StringComparison.Ordinal);
            Assert.False(File.Exists(output), "an output file was written");
        }
    }

    [Fact]
    public void Text_In_The_Amount_Column_Names_The_Column_And_Its_Type()
    {
        data.Postgresql("CREATE TABLE text_amounts AS SELECT customer_id, date, amount::text AS amount FROM cdnow");

        CliResult result = CliRunner.Run("summary", "--calibration-end", "1997-09-30", "--provider", "postgres", "--database", data.Postgres, "--table", "text_amounts");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("retention: text_amounts: column 'amount': its type is text, not a number", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void A_NaN_In_A_Parquet_File_Is_Named()
    {
        string path = Path.Combine(data.Directory, "nan.parquet");
        using (var duck = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:"))
        {
            duck.Open();
            DataSourceFixture.Execute(duck, "COPY (SELECT * FROM (VALUES ('a', DATE '1997-01-01', 1.5::DOUBLE), ('b', DATE '1997-01-02', 'NaN'::DOUBLE)) t(customer_id, date, amount)) TO $1 (FORMAT parquet)", path);
        }

        CliResult result = CliRunner.Run("summary", "--calibration-end", "1997-09-30", "--transactions", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"retention: {path}: (customer 'b'): column 'amount': a row's amount is NaN is not a finite number", Assert.Single(result.ErrorLines));
    }

    public static TheoryData<string[], string> Misuses => new()
    {
        { ["--table", "cdnow"], "option '--table' goes with --provider postgres|duckdb" },
        { ["--provider", "postgres", "--table", "cdnow"], "missing required option '--database' (with --provider postgres)" },
        { ["--provider", "postgres", "--database", "Host=127.0.0.1", "--table", "a", "--query", "SELECT 1"], "with --provider, give either --table NAME or --query SQL" },
        { ["--provider", "oracle", "--database", "x", "--table", "a"], "option '--provider': 'oracle' is not one of postgres, duckdb" },
        { ["--provider", "duckdb", "--database", "/nonexistent/x.duckdb", "--table", "a"], "/nonexistent/x.duckdb: no such DuckDB database file" },
        { ["--provider", "duckdb", "--database", "/nonexistent/x.duckdb", "--table", "a", "--date-format", "yyyyMMdd"], "option '--date-format' applies to CSV text, not to --provider (dates there have a date type)" },
        { ["--transactions", "/nonexistent/x.parquet"], "/nonexistent/x.parquet: no such file" },
        { ["--transactions", "/nonexistent/*.parquet"], "/nonexistent/*.parquet: no file matches" },
        { ["--transactions", "/nonexistent/x.parquet", "--memory-limit", "lots"], "option '--memory-limit': 'lots' is not a size (e.g. 512MB, 2GB)" },
        { ["--transactions", "/nonexistent/x.csv", "--memory-limit", "1GB"], "option '--memory-limit' applies to Parquet input" },
        { ["--provider", "postgres", "--database", "Host=127.0.0.1", "--table", "a", "--memory-limit", "1GB"], "option '--memory-limit' applies to Parquet input (a database manages its own memory)" },
    };

    [Theory]
    [MemberData(nameof(Misuses))]
    public void Misused_Options_Are_One_Line_Exit_2(string[] options, string message)
    {
        CliResult result = CliRunner.Run(["summary", "--calibration-end", "1997-09-30", .. options]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("retention: " + message, Assert.Single(result.ErrorLines));
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public void An_Engine_Error_Is_One_Line_Naming_The_Provider()
    {
        CliResult result = CliRunner.Run("summary", "--calibration-end", "1997-09-30", "--provider", "postgres", "--database", data.Postgres, "--table", "no_such_table");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("retention: postgres: 42P01: relation \"no_such_table\" does not exist", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }
}
