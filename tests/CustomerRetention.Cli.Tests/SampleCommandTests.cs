using CustomerRetention.Cli.Commands;
using CustomerRetention.TestKit;

namespace CustomerRetention.Cli.Tests;

public sealed class SampleCommandTests
{
    [Fact]
    public void Sample_Cdnow_Prints_The_Embedded_Transactions()
    {
        CliResult result = CliRunner.Run("sample", "cdnow");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllText(TestData.Path("cdnow_sample_transactions.csv")), result.Output);
    }

    [Fact]
    public void Sample_Cdnow_Out_Writes_The_File()
    {
        string path = Path.Combine(Path.GetTempPath(), "retention-core-" + Guid.NewGuid().ToString("N") + ".csv");

        CliResult result = CliRunner.Run("sample", "cdnow", "--out", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllBytes(TestData.Path("cdnow_sample_transactions.csv")), File.ReadAllBytes(path));
    }

    [Fact]
    public void The_Sample_Piped_Into_Summary_Gives_The_Same_Summary_As_The_File()
    {
        string sample = CliRunner.Run("sample", "cdnow").Output;

        CliResult piped = CliRunner.RunWithInput(sample, "summary", "--transactions", "-", "--calibration-end", "1997-09-30");
        CliResult file = CliRunner.Run("summary", "--transactions", TestData.Path("cdnow_sample_transactions.csv"), "--calibration-end", "1997-09-30");

        Assert.Equal(0, piped.ExitCode);
        Assert.Equal(file.Output, piped.Output);
        // reference-values.md: 2,357 customers.
        Assert.Equal(2357 + 1, piped.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Unknown_Or_Missing_Sample_Names_Are_Usage_Errors()
    {
        Assert.Equal(2, CliRunner.Run("sample", "nope").ExitCode);
        Assert.Equal(2, CliRunner.Run("sample").ExitCode);
        Assert.Contains("cdnow", Assert.Single(CliRunner.Run("sample", "nope").ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void The_Embedded_Sample_Reads_As_Transactions()
    {
        using Stream stream = EmbeddedSamples.OpenCdnow();
        TransactionTable table = Csv.TransactionCsv.Read(stream, "cdnow").Table;

        // reference-values.md: 6,919 transactions of 2,357 customers.
        Assert.Equal(6919, table.Count);
        Assert.Equal(2357, table.CustomerCount);
    }
}
