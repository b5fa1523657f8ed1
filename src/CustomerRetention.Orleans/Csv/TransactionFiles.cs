using System.Text;

namespace CustomerRetention.Orleans.Csv;

/// <summary>
/// The one place this package reads transaction CSV files (Core's <c>TransactionCsv</c>, columns
/// <c>customer_id,date,amount</c>): a whole file, or the rows of one byte range of it behind the header.
/// </summary>
internal static class TransactionFiles
{
    /// <summary>The rows of the whole file.</summary>
    public static TransactionTable Read(string path) => CustomerRetention.Csv.TransactionCsv.ReadFile(path).Table;

    /// <summary>
    /// The rows whose lines start in [<paramref name="start"/>, <paramref name="end"/>) of the file, read as
    /// a CSV file made of the header line and those bytes; <paramref name="start"/> and <paramref name="end"/>
    /// are line starts (see <see cref="Aggregation.FilePartition.Split"/>). Errors name the range in the source.
    /// </summary>
    public static TransactionTable ReadRange(string path, long start, long end)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        byte[] header = ReadHeaderLine(file);
        var body = new byte[end - start];
        file.Position = start;
        file.ReadExactly(body);
        using var stream = new MemoryStream(header.Length + body.Length);
        stream.Write(header);
        stream.Write(body);
        stream.Position = 0;
        string source = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{path} [bytes {start}..{end})");
        return CustomerRetention.Csv.TransactionCsv.Read(stream, source).Table;
    }

    /// <summary>The header line including its line feed (a file without one gets one added).</summary>
    public static byte[] ReadHeaderLine(Stream file)
    {
        file.Position = 0;
        var line = new List<byte>(64);
        int b;
        while ((b = file.ReadByte()) >= 0)
        {
            line.Add((byte)b);
            if (b == '\n')
            {
                return line.ToArray();
            }
        }

        line.AddRange(Encoding.ASCII.GetBytes("\n"));
        return line.ToArray();
    }
}
