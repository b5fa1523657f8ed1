namespace CustomerRetention.Orleans.Registry;

/// <summary>The persisted state of a registry shard: the ids of its customers.</summary>
[MutableByDesign]
[GenerateSerializer]
[Alias("CustomerRetention.RegistryState")]
public sealed class RegistryState
{
    /// <summary>The registered customer ids.</summary>
    [Id(0)]
    public HashSet<string> Customers { get; set; } = new(StringComparer.Ordinal);
}
