using CustomerRetention.Orleans.Client;
using CustomerRetention.Orleans.Hosting;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace CustomerRetention.Orleans.Tests;

/// <summary>
/// An Orleans test cluster of three silos in this process (Orleans' TestingHost, test membership, memory
/// grain storage under the package's storage name), with a client. Scores always fetch the current model.
/// The silos read table partitions from <see cref="CdnowDatabase"/>, a DuckDB file opened read-only.
/// </summary>
public sealed class InProcessCluster : IAsyncLifetime
{
    /// <summary>The number of silos.</summary>
    public const int Silos = 3;

    private InProcessTestCluster? _cluster;

    /// <summary>The running cluster.</summary>
    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not started.");

    /// <summary>The package's client over the cluster's client.</summary>
    public CustomerBaseClient Client => new(Cluster.Client);

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(Silos);
        builder.ConfigureSilo((_, silo) => silo
            .AddMemoryGrainStorage(CustomerRetentionStorage.Name)
            .AddCustomerRetention(o => o.ModelRefreshInterval = TimeSpan.Zero)
            .AddCustomerRetentionTables(CdnowDatabase.OpenReadOnly));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
