namespace CustomerRetention.Cli.Tests;

/// <summary>
/// docs/cli.md, "Data sources": every command that reads transactions gives the same output from a Parquet
/// file, a glob of Parquet or CSV files, a DuckDB database and a PostgreSQL server as from the CSV.
/// </summary>
public sealed class DataSourceCommandTests(DataSourceFixture data) : IClassFixture<DataSourceFixture>
{
    public static TheoryData<string> Commands => new()
    {
        "summary --calibration-end 1997-09-30 --time-unit week",
        "summary --calibration-end 1997-09-30",
        "rfm",
        "rfm --as-of 1998-01-01 --previous-as-of 1997-10-01 --warnings",
        "cohorts --period month",
        "churn --period quarter --inactivity-days 90",
        "fit bg-nbd --calibration-end 1997-09-30 --time-unit week",
        "predict pareto-nbd --calibration-end 1997-09-30 --time-unit week --horizon 39",
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_Source_Prints_What_The_Csv_Prints(string command)
    {
        string[] args = command.Split(' ');
        CliResult csv = CliRunner.Run([.. args, "--transactions", data.Csv]);
        Assert.Equal(0, csv.ExitCode);

        foreach (string[] source in Sources())
        {
            CliResult other = CliRunner.Run([.. args, .. source]);
            Assert.True(other.ExitCode == 0, string.Join(' ', source) + ": " + other.Error);
            Assert.True(csv.Output == other.Output, "differs from the CSV's output: " + string.Join(' ', source));
        }
    }

    [Fact]
    public void The_Summary_Is_The_Same_Under_A_Comma_Decimal_Culture()
    {
        string[] args = ["summary", "--calibration-end", "1997-09-30", "--time-unit", "week"];
        CliResult csv = CliRunner.Run([.. args, "--transactions", data.Csv]);

        CliResult pg = CliRunner.RunInCulture("de-DE", [.. args, "--provider", "postgres", "--database", data.Postgres, "--table", "cdnow"]);
        CliResult parquet = CliRunner.RunInCulture("de-DE", [.. args, "--transactions", data.Parquet]);

        Assert.Equal(csv.Output, pg.Output);
        Assert.Equal(csv.Output, parquet.Output);
    }

    [Fact]
    public void Other_Column_Names_Are_Read_With_The_Column_Options()
    {
        data.Postgresql("CREATE TABLE renamed AS SELECT customer_id AS client, date AS ordered_on, amount AS total FROM cdnow");
        string[] args = ["summary", "--calibration-end", "1997-09-30"];

        CliResult csv = CliRunner.Run([.. args, "--transactions", data.Csv]);
        CliResult pg = CliRunner.Run(
            [.. args, "--provider", "postgres", "--database", data.Postgres, "--table", "renamed", "--customer-column", "client", "--date-column", "ordered_on", "--amount-column", "total"]);

        Assert.Equal(0, pg.ExitCode);
        Assert.Equal(csv.Output, pg.Output);
    }

    [Fact]
    public void Parquet_Under_A_Small_Memory_Limit_Prints_The_Same()
    {
        string[] args = ["summary", "--calibration-end", "1997-09-30"];

        CliResult csv = CliRunner.Run([.. args, "--transactions", data.Csv]);
        CliResult limited = CliRunner.Run([.. args, "--transactions", data.ParquetGlob, "--memory-limit", "64MB"]);

        Assert.Equal(0, limited.ExitCode);
        Assert.Equal(csv.Output, limited.Output);
    }

    [Fact]
    public void The_Report_Reads_Parquet()
    {
        string html = Path.Combine(data.Directory, "report.html");

        CliResult result = CliRunner.Run("report", "--transactions", data.Parquet, "--calibration-end", "1997-09-30", "--out", html);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("<svg", File.ReadAllText(html), StringComparison.Ordinal);
    }

    private IEnumerable<string[]> Sources() =>
    [
        ["--transactions", data.Parquet],
        ["--transactions", data.ParquetGlob],
        ["--transactions", data.CsvGlob],
        ["--provider", "duckdb", "--database", data.DuckDbFile, "--table", "sales"],
        ["--provider", "duckdb", "--database", "Data Source=" + data.DuckDbFile, "--query", "SELECT * FROM sales"],
        ["--provider", "postgres", "--database", data.Postgres, "--table", "cdnow"],
        ["--provider", "postgres", "--database", data.Postgres, "--query", "SELECT customer_id, date, amount FROM cdnow"],
    ];
}
