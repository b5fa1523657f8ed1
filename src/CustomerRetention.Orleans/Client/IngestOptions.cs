namespace CustomerRetention.Orleans.Client;

/// <summary>How the client streams transactions to the customer grains.</summary>
public sealed class IngestOptions
{
    private int _batchSize = 20_000;

    /// <summary>The default options.</summary>
    public static IngestOptions Default { get; } = new();

    /// <summary>
    /// Rows taken from the input at a time (default 20,000); their purchases are grouped by customer and
    /// sent as one call per customer, all at once, and the next rows wait until every call succeeded.
    /// Range: ≥ 1.
    /// </summary>
    public int BatchSize
    {
        get => _batchSize;
        init => _batchSize = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The batch size must be at least 1.");
    }

    /// <summary>The retry policy of each call (default <see cref="RetryPolicy.Default"/>).</summary>
    public RetryPolicy Retry { get; init; } = RetryPolicy.Default;

    /// <summary>Told the number of rows done after each batch; may be null.</summary>
    public IProgress<long>? Progress { get; init; }
}
