namespace CustomerRetention.TestKit;

/// <summary>The reference data sets in <c>tests/data</c>, copied next to every test assembly.</summary>
public static class TestData
{
    /// <summary>The full path of a file in <c>tests/data</c>, e.g. <c>TestData.Path("cdnow_sample_transactions.csv")</c>.</summary>
    public static string Path(string fileName)
    {
        string path = System.IO.Path.Combine(AppContext.BaseDirectory, "data", fileName);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Test data file '{fileName}' is not in {System.IO.Path.GetDirectoryName(path)}.", path);
    }

    /// <summary>The lines of a CSV file in <c>tests/data</c> after its header, split on commas.</summary>
    public static IReadOnlyList<string[]> Rows(string fileName) =>
        File.ReadLines(Path(fileName)).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
}
