namespace CustomerRetention.Orleans.Samples;

/// <summary>The one place the samples read a transactions CSV file themselves (Core's reader).</summary>
internal static class TransactionFile
{
    /// <summary>The rows of the file (columns <c>customer_id,date,amount</c>).</summary>
    public static TransactionTable Read(string path) => CustomerRetention.Csv.TransactionCsv.ReadFile(path).Table;
}
