using CustomerRetention.Orleans.Csv;

namespace CustomerRetention.Orleans.Aggregation;

/// <summary>
/// One partition of a transactions CSV file (columns <c>customer_id,date,amount</c>): the rows whose
/// lines start in the byte range [<see cref="Start"/>, <see cref="End"/>). The file must be readable at
/// <see cref="Path"/> from every silo (a shared or replicated file system; on one machine, any path).
/// </summary>
/// <param name="Path">The file.</param>
/// <param name="Start">The first byte, a line start after the header.</param>
/// <param name="End">The byte after the last line.</param>
[GenerateSerializer]
[Alias("CustomerRetention.FilePartition")]
public sealed record FilePartition(
    [property: Id(0)] string Path,
    [property: Id(1)] long Start,
    [property: Id(2)] long End)
{
    /// <summary>
    /// Splits the rows of <paramref name="path"/> into <paramref name="count"/> partitions of about equal
    /// size, in file order, each cut at a line start; reads only the header and a few bytes at each cut.
    /// Fewer partitions come back when the file has fewer lines than cuts.
    /// </summary>
    /// <param name="path">The CSV file, with a header line.</param>
    /// <param name="count">The number of partitions wanted. Range: 1 ≤ count ≤ 1,000,000.</param>
    /// <returns>The partitions, in file order, covering every row once.</returns>
    public static IReadOnlyList<FilePartition> Split(string path, int count)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 1_000_000);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
        long length = file.Length;
        long first = Math.Min(TransactionFiles.ReadHeaderLine(file).Length, length);
        var cuts = new List<long> { first };
        for (int i = 1; i < count; i++)
        {
            long cut = NextLineStart(file, first + ((length - first) * i / count));
            if (cut > cuts[^1] && cut < length)
            {
                cuts.Add(cut);
            }
        }

        cuts.Add(length);
        var partitions = new List<FilePartition>(cuts.Count - 1);
        for (int i = 0; i + 1 < cuts.Count; i++)
        {
            partitions.Add(new FilePartition(path, cuts[i], cuts[i + 1]));
        }

        return partitions;
    }

    private static long NextLineStart(FileStream file, long from)
    {
        // The byte before 'from' ends a line, or the line containing 'from' runs to the next line feed.
        file.Position = from - 1;
        int b;
        while ((b = file.ReadByte()) >= 0)
        {
            if (b == '\n')
            {
                return file.Position;
            }
        }

        return file.Length;
    }
}
