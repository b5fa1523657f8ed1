namespace CustomerRetention.Orleans.Directory;

/// <summary>The persisted state of a directory shard: the ids of its customers.</summary>
[GenerateSerializer]
[Alias("CustomerRetention.DirectoryState")]
public sealed class DirectoryState
{
    /// <summary>The registered customer ids.</summary>
    [Id(0)]
    public HashSet<string> Customers { get; set; } = new(StringComparer.Ordinal);
}
