namespace CustomerRetention.Orleans.Client;

/// <summary>What an ingest did.</summary>
/// <param name="Rows">Transactions read from the input.</param>
/// <param name="Recorded">Transactions recorded by their customers' grains (new keys).</param>
/// <param name="Duplicates">Transactions the grains had already recorded (replays, or calls that succeeded but whose reply was lost and were retried).</param>
/// <param name="Retries">Grain calls retried after a transient failure.</param>
/// <param name="Elapsed">Wall-clock time.</param>
public sealed record IngestReport(long Rows, long Recorded, long Duplicates, long Retries, TimeSpan Elapsed)
{
    /// <summary>Rows per second of wall-clock time.</summary>
    public double RowsPerSecond => Elapsed > TimeSpan.Zero ? Rows / Elapsed.TotalSeconds : 0;
}
