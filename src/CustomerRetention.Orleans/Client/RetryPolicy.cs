namespace CustomerRetention.Orleans.Client;

/// <summary>
/// How the client retries a grain call that failed for a reason a retry can cure (a silo that died, a
/// timeout, a storage conflict after a membership change): up to <see cref="MaxAttempts"/> attempts, the
/// delay doubling from <see cref="FirstDelay"/> up to <see cref="MaxDelay"/>. Bad arguments
/// (<see cref="ArgumentException"/>) and invalid operations (<see cref="InvalidOperationException"/>, e.g.
/// scoring before the first refit) are not retried, nor bad data (<see cref="FormatException"/>, e.g. a bad row
/// in a partition: reading it again finds the same row). Safe for every call of the package: purchases are
/// idempotent, reads and refits have no partial effect.
/// </summary>
/// <param name="MaxAttempts">Attempts in all. Range: ≥ 1.</param>
/// <param name="FirstDelay">The wait before the second attempt. Range: ≥ 0.</param>
/// <param name="MaxDelay">The longest wait. Range: ≥ <paramref name="FirstDelay"/>.</param>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    /// <summary>40 attempts, 100 ms doubling to 2 s: rides out about a minute of cluster recovery.</summary>
    public static RetryPolicy Default { get; } = new(40, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2));

    /// <summary>Runs <paramref name="call"/> with retries.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="call">The grain call.</param>
    /// <param name="onRetry">Called before each retry with the failure.</param>
    /// <param name="cancellationToken">Stops the waiting between attempts.</param>
    /// <returns>The result of the first attempt that succeeds.</returns>
    public async Task<T> RunAsync<T>(Func<Task<T>> call, Action<Exception>? onRetry = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (MaxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "There must be at least one attempt.");
        }

        TimeSpan delay = FirstDelay;
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (Exception e) when (attempt < MaxAttempts && IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                onRetry?.Invoke(e);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
            }
        }
    }

    private static bool IsTransient(Exception e) => e is not (ArgumentException or InvalidOperationException or NotSupportedException or FormatException);
}
