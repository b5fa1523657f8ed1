namespace CustomerRetention.Orleans.Hosting;

/// <summary>The name of the grain storage the package's grains persist their state in.</summary>
public static class CustomerRetentionStorage
{
    /// <summary>The storage provider name: <c>customer-retention</c>.</summary>
    public const string Name = "customer-retention";
}
