using System.Diagnostics;
using CustomerRetention.Orleans.Aggregation;
using CustomerRetention.Orleans.Csv;
using CustomerRetention.Orleans.Customers;
using CustomerRetention.Orleans.Registry;
using CustomerRetention.Orleans.Model;
using NodaTime;

namespace CustomerRetention.Orleans.Client;

/// <summary>
/// The customer base on a cluster, seen from a client (or from inside a silo): ingest transactions
/// exactly once, read summaries and scores, refit the model, run a partitioned batch aggregation. Every
/// call is retried by the <see cref="RetryPolicy"/>, which is safe because purchases carry idempotency
/// keys. Thread-safe.
/// </summary>
/// <param name="grains">The cluster client's (or a silo's) grain factory.</param>
/// <param name="retry">The retry policy of single calls; null for <see cref="RetryPolicy.Default"/>.</param>
public sealed class CustomerBaseClient(IGrainFactory grains, RetryPolicy? retry = null)
{
    private readonly IGrainFactory _grains = grains ?? throw new ArgumentNullException(nameof(grains));
    private readonly RetryPolicy _retry = retry ?? RetryPolicy.Default;

    /// <summary>
    /// Sends the transactions to their customers' grains, <see cref="IngestOptions.BatchSize"/> rows at a
    /// time, one call per customer and batch, retrying failed calls: each transaction is recorded exactly
    /// once, including after a silo loss.
    /// </summary>
    /// <param name="transactions">The transactions with their idempotency keys.</param>
    /// <param name="options">Batch size, retries and progress; null for the defaults.</param>
    /// <param name="cancellationToken">Stops between batches and retries.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException">A transaction has no key; the batches before it are recorded, so a corrected re-run with the same keys records only the rest.</exception>
    public async Task<IngestReport> IngestAsync(IEnumerable<KeyedTransaction> transactions, IngestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        options ??= IngestOptions.Default;
        var clock = Stopwatch.StartNew();
        long rows = 0, recorded = 0, duplicates = 0, retries = 0;
        var batch = new Dictionary<CustomerId, List<Purchase>>();
        int inBatch = 0;
        foreach (KeyedTransaction t in transactions)
        {
            if (string.IsNullOrEmpty(t.IdempotencyKey))
            {
                throw new ArgumentException(FormattableString.Invariant($"Transaction {rows} (customer '{t.Transaction.Customer}') has no idempotency key."), nameof(transactions));
            }

            if (!batch.TryGetValue(t.Transaction.Customer, out List<Purchase>? purchases))
            {
                batch.Add(t.Transaction.Customer, purchases = []);
            }

            purchases.Add(new Purchase(t.IdempotencyKey, t.Transaction.Date, t.Transaction.Amount));
            rows++;
            if (++inBatch == options.BatchSize)
            {
                await SendAsync().ConfigureAwait(false);
            }
        }

        if (inBatch > 0)
        {
            await SendAsync().ConfigureAwait(false);
        }

        return new IngestReport(rows, recorded, duplicates, retries, clock.Elapsed);

        async Task SendAsync()
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Parallel.ForEachAsync(
                batch,
                new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrentCalls, CancellationToken = cancellationToken },
                async (kv, token) =>
                {
                    RecordOutcome o = await options.Retry.RunAsync(
                        () => _grains.GetGrain<ICustomerGrain>(kv.Key.Value).Record(kv.Value),
                        _ => Interlocked.Increment(ref retries),
                        token).ConfigureAwait(false);
                    Interlocked.Add(ref recorded, o.Recorded);
                    Interlocked.Add(ref duplicates, o.Duplicates);
                }).ConfigureAwait(false);
            batch.Clear();
            inBatch = 0;
            options.Progress?.Report(rows);
        }
    }

    /// <summary>
    /// Ingests a transactions CSV file (columns <c>customer_id,date,amount</c>); the idempotency key of a
    /// row is <c>{keyPrefix}#{row index}</c>, so ingesting the same file again with the same prefix records nothing.
    /// </summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="keyPrefix">The prefix of the keys, naming the file (e.g. its name and date). Range: not empty.</param>
    /// <param name="options">Batch size, retries and progress; null for the defaults.</param>
    /// <param name="cancellationToken">Stops between batches and retries.</param>
    /// <returns>The report.</returns>
    public Task<IngestReport> IngestFileAsync(string path, string keyPrefix, IngestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrEmpty(keyPrefix);
        TransactionTable table = TransactionFiles.Read(path);
        return IngestAsync(Keyed(table, keyPrefix), options, cancellationToken);
    }

    /// <summary>The rows of <paramref name="table"/> keyed <c>{keyPrefix}#{row index}</c>.</summary>
    /// <param name="table">The transactions.</param>
    /// <param name="keyPrefix">The key prefix. Range: not empty.</param>
    /// <returns>The keyed transactions, in row order.</returns>
    public static IEnumerable<KeyedTransaction> Keyed(TransactionTable table, string keyPrefix)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrEmpty(keyPrefix);
        return table.Select((t, i) => new KeyedTransaction(t, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{keyPrefix}#{i}")));
    }

    /// <summary>The customer's purchase summary (of the purchases through <paramref name="through"/> when given).</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="through">The cut-off, inclusive; null for all purchases.</param>
    /// <returns>The summary; the default (no purchases) for an unknown customer.</returns>
    public Task<PurchaseSummary> GetSummaryAsync(CustomerId customer, LocalDate? through = null) =>
        _retry.RunAsync(() => _grains.GetGrain<ICustomerGrain>(customer.Value).GetSummary(through));

    /// <summary>The customer's score under the current model (see <see cref="ICustomerGrain.Score"/>).</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="request">The scoring day, horizon and discount rate.</param>
    /// <returns>The score, or null when the customer has no purchase on or before the scoring day.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The horizon or the discount rate is out of range.</exception>
    public Task<CustomerScore?> ScoreAsync(CustomerId customer, ScoreRequest request)
    {
        request.Checked(nameof(request));
        return _retry.RunAsync(() => _grains.GetGrain<ICustomerGrain>(customer.Value).Score(request));
    }

    /// <summary>Refits the model from the customers' summaries (see <see cref="IModelGrain.Refit"/>).</summary>
    /// <param name="calibrationEnd">The calibration end, inclusive.</param>
    /// <param name="unit">The model's time unit.</param>
    /// <returns>The new model.</returns>
    public Task<CustomerBaseModel> RefitAsync(LocalDate calibrationEnd, TimeUnit unit) =>
        _retry.RunAsync(() => _grains.GetGrain<IModelGrain>(IModelGrain.Key).Refit(calibrationEnd, unit.LengthInDays));

    /// <summary>The current model, or null before the first refit.</summary>
    /// <returns>The model.</returns>
    public Task<CustomerBaseModel?> GetModelAsync() =>
        _retry.RunAsync(() => _grains.GetGrain<IModelGrain>(IModelGrain.Key).GetModel());

    /// <summary>The population counts the current model was fitted to, or null before the first refit.</summary>
    /// <returns>The counts.</returns>
    public Task<PopulationCounts?> GetCountsAsync() =>
        _retry.RunAsync(() => _grains.GetGrain<IModelGrain>(IModelGrain.Key).GetCounts());

    /// <summary>Every registered customer, from all registry shards, in ordinal order.</summary>
    /// <returns>The customers.</returns>
    public async Task<IReadOnlyList<CustomerId>> CustomersAsync()
    {
        IReadOnlyList<CustomerId>[] shards = await Task.WhenAll(Enumerable.Range(0, CustomerRegistry.ShardCount)
            .Select(i => _retry.RunAsync(() => _grains.GetGrain<ICustomerRegistryGrain>(i).Customers()))).ConfigureAwait(false);
        List<CustomerId> all = shards.SelectMany(s => s).ToList();
        all.Sort();
        return all;
    }

    /// <summary>
    /// A partitioned batch aggregation: each partition is aggregated by its own partition grain where that
    /// grain runs, the partial aggregates come back (one row per customer and day, never the
    /// transactions) and merge, in partition order, into the summaries. For the partitions of one file in
    /// file order (<see cref="FilePartition.Split"/>), the result equals the single-machine summaries of the
    /// file, customers in order of first appearance.
    /// </summary>
    /// <param name="partitions">The partitions, in order.</param>
    /// <param name="through">The cut-off, inclusive; null for all purchases.</param>
    /// <param name="cancellationToken">Stops the retries.</param>
    /// <returns>The summaries.</returns>
    public Task<PurchaseSummaries> AggregateAsync(IReadOnlyList<FilePartition> partitions, LocalDate? through = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        return AggregatePartsAsync(partitions, (grain, p) => grain.Aggregate(p), through, cancellationToken);
    }

    /// <summary>
    /// A partitioned batch aggregation of a database table: each key range is aggregated by its own partition
    /// grain, which reads it through its silo's connection factory (the engine does the per-day GROUP BY); the
    /// partial aggregates merge into the summaries. A customer's rows are all in one partition
    /// (<see cref="TablePartition.Split"/>), so the result equals the single-machine summaries of the table,
    /// customers in partition order and, within a partition, in the order the engine returned them.
    /// </summary>
    /// <param name="partitions">The partitions, in order.</param>
    /// <param name="through">The cut-off, inclusive; null for all purchases.</param>
    /// <param name="cancellationToken">Stops the retries.</param>
    /// <returns>The summaries.</returns>
    public Task<PurchaseSummaries> AggregateAsync(IReadOnlyList<TablePartition> partitions, LocalDate? through = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        return AggregatePartsAsync(partitions, (grain, p) => grain.AggregateTable(p), through, cancellationToken);
    }

    private async Task<PurchaseSummaries> AggregatePartsAsync<TPartition>(
        IReadOnlyList<TPartition> partitions, Func<IPartitionGrain, TPartition, Task<AggregateRows>> aggregate, LocalDate? through, CancellationToken cancellationToken)
    {
        string job = Guid.NewGuid().ToString("N");
        AggregateRows[] parts = await Task.WhenAll(partitions.Select((p, i) => _retry.RunAsync(
            () => aggregate(_grains.GetGrain<IPartitionGrain>(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{job}/{i}")), p),
            cancellationToken: cancellationToken))).ConfigureAwait(false);
        return PurchaseAggregate.Merge(parts.Select(p => p.ToAggregate())).Summarize(through);
    }
}
