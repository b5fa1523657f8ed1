// The customer-base cluster's client. Commands (common options: --redis HOST:PORT, --cluster-id ID,
// --service-id ID, defaults 127.0.0.1:6390 and customer-retention):
//   ingest FILE [--key-prefix P] [--batch N]          record a transactions CSV exactly once
//   query CUSTOMER [--as-of DATE] [--horizon T] [--discount D]
//   refit --calibration-end DATE [--unit day|week|DAYS]
//   aggregate FILE [--partitions N] [--through DATE]  partitioned batch aggregation
//   generate FILE --rows N [--seed S]                 write a synthetic transactions file (no cluster)
//   bench FILE [--warmup-rows N] [--batch N]          ingest throughput and score latency under load
using CustomerRetention.Orleans.Samples;

try
{
    return await ClientCommands.RunAsync(args).ConfigureAwait(false);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
