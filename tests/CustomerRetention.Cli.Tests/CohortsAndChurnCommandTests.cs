namespace CustomerRetention.Cli.Tests;

/// <summary>The <c>cohorts</c> and <c>churn</c> commands (docs/cli.md), in-process.</summary>
public sealed class CohortsAndChurnCommandTests
{
    // The worked example of docs/churn.md and docs/cohorts.md.
    private const string Example =
        "customer_id,date,amount\r\nC,2024-03-31,8\r\nA,2024-01-05,10\r\nB,2024-01-20,5\r\nD,2024-03-05,13\r\nA,2024-03-20,30\r\nC,2024-02-15,7\r\nD,2024-01-10,12\r\nA,2024-02-10,20.50\r\n";

    [Theory]
    [InlineData(null)]
    [InlineData("de-DE")]
    public void Cohorts_Prints_The_Contract_Columns(string? culture)
    {
        CliResult result = culture is null
            ? CliRunner.RunWithInput(Example, "cohorts", "--transactions", "-")
            : RunInCultureWithInput(culture);

        Assert.Equal(0, result.ExitCode);
        // By hand: January cohort A, B, D; February cohort C (docs/cohorts.md).
        Assert.Equal(
            "cohort,customers,period,active,retention,revenue\n"
            + "2024-01-01,3,0,3,1,27\n"
            + "2024-01-01,3,1,1,0.3333333333333333,20.50\n"
            + "2024-01-01,3,2,2,0.6666666666666666,43\n"
            + "2024-02-01,1,0,1,1,7\n"
            + "2024-02-01,1,1,1,1,8\n",
            result.Output);
    }

    [Fact]
    public void Churn_Prints_The_Contract_Columns()
    {
        CliResult result = CliRunner.RunWithInput(Example, "churn", "--transactions", "-", "--period", "month", "--inactivity-days", "30");

        Assert.Equal(0, result.ExitCode);
        // By hand (docs/churn.md): February loses B and D of A, B, D; March reactivates D.
        Assert.Equal(
            "period,customers_at_start,lost,new,reactivated,churn_rate,active_at_end\n"
            + "2024-01-01,0,0,3,0,,3\n"
            + "2024-02-01,3,2,1,0,0.6666666666666666,2\n"
            + "2024-03-01,2,0,0,1,0,3\n",
            result.Output);
    }

    [Fact]
    public void Churn_Json_Has_Null_For_An_Undefined_Rate()
    {
        CliResult result = CliRunner.RunWithInput(Example, "churn", "--transactions", "-", "--period", "month", "--inactivity-days", "30", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"churn_rate\": null", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("churn", "--transactions", "-", "--period", "month")]
    [InlineData("churn", "--transactions", "-", "--period", "month", "--inactivity-days", "0")]
    [InlineData("churn", "--transactions", "-", "--period", "year", "--inactivity-days", "30")]
    [InlineData("churn", "--transactions", "-", "--inactivity-days", "30")]
    [InlineData("cohorts", "--transactions", "-", "--period", "day")]
    public void Bad_Options_Are_One_Line_Exit_2(params string[] args)
    {
        CliResult result = CliRunner.RunWithInput(Example, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.ErrorLines);
    }

    [Fact]
    public void Header_Only_Input_Gives_Header_Only_Output()
    {
        CliResult result = CliRunner.RunWithInput("customer_id,date,amount\n", "cohorts", "--transactions", "-");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("cohort,customers,period,active,retention,revenue\n", result.Output);
    }

    private static CliResult RunInCultureWithInput(string culture)
    {
        string path = Path.Combine(Path.GetTempPath(), $"cohorts-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, Example);
        try
        {
            return CliRunner.RunInCulture(culture, "cohorts", "--transactions", path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
