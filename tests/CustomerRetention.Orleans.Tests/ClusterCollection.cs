namespace CustomerRetention.Orleans.Tests;

/// <summary>The test classes that share one <see cref="InProcessCluster"/> (started once, run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<InProcessCluster>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "in-process cluster";
}
