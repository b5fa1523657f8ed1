using CustomerRetention.Orleans.Client;

namespace CustomerRetention.Orleans.Tests;

public sealed class RetryPolicyTests
{
    private static readonly RetryPolicy Fast = new(4, TimeSpan.Zero, TimeSpan.Zero);

    [Fact]
    public async Task RunAsync_TransientFailures_RetriesUntilSuccess()
    {
        int calls = 0;
        var failures = new List<Exception>();

        int result = await Fast.RunAsync(() => ++calls < 3 ? throw new TimeoutException("lost") : Task.FromResult(42), failures.Add);

        Assert.Equal((42, 3, 2), (result, calls, failures.Count));
    }

    [Fact]
    public async Task RunAsync_AlwaysFailing_GivesUpAfterMaxAttemptsWithTheLastError()
    {
        int calls = 0;

        await Assert.ThrowsAsync<TimeoutException>(() => Fast.RunAsync<int>(() => { calls++; throw new TimeoutException(); }));

        Assert.Equal(4, calls);
    }

    [Theory]
    [InlineData(typeof(ArgumentException))]
    [InlineData(typeof(ArgumentOutOfRangeException))]
    [InlineData(typeof(InvalidOperationException))]
    public async Task RunAsync_BadInput_IsNotRetried(Type exception)
    {
        int calls = 0;

        await Assert.ThrowsAsync(exception, () => Fast.RunAsync<int>(() => { calls++; throw (Exception)Activator.CreateInstance(exception)!; }));

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task RunAsync_NoAttempts_ThrowsNamingMaxAttempts()
    {
        var e = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => (Fast with { MaxAttempts = 0 }).RunAsync(() => Task.FromResult(1)));

        Assert.Equal("MaxAttempts", e.ParamName);
    }
}
