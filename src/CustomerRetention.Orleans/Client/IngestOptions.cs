namespace CustomerRetention.Orleans.Client;

/// <summary>How the client streams transactions to the customer grains.</summary>
public sealed class IngestOptions
{
    private int _batchSize = 20_000;
    private int _maxConcurrentCalls = 256;

    /// <summary>The default options.</summary>
    public static IngestOptions Default { get; } = new();

    /// <summary>
    /// Rows taken from the input at a time (default 20,000); their purchases are grouped by customer and
    /// sent as one call per customer (at most <see cref="MaxConcurrentCalls"/> at a time), and the next rows wait until every call succeeded.
    /// Range: ≥ 1.
    /// </summary>
    public int BatchSize
    {
        get => _batchSize;
        init => _batchSize = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The batch size must be at least 1.");
    }

    /// <summary>
    /// The most customer calls in flight at once (default 256). More calls in flight queue up in the silos
    /// without adding throughput, and a score asked meanwhile waits behind them. Range: ≥ 1.
    /// </summary>
    public int MaxConcurrentCalls
    {
        get => _maxConcurrentCalls;
        init => _maxConcurrentCalls = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "At least one call must be allowed in flight.");
    }

    /// <summary>The retry policy of each call (default <see cref="RetryPolicy.Default"/>).</summary>
    public RetryPolicy Retry { get; init; } = RetryPolicy.Default;

    /// <summary>Told the number of rows done after each batch; may be null.</summary>
    public IProgress<long>? Progress { get; init; }
}
