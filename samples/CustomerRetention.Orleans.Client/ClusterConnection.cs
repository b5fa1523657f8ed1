using CustomerRetention.Orleans.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace CustomerRetention.Orleans.Samples;

/// <summary>A started Orleans client of the cluster whose membership is in Redis.</summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterConnection(IHost host) => _host = host;

    /// <summary>The cluster client.</summary>
    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    /// <summary>Connects to the cluster (Orleans retries until a gateway answers or its timeout passes).</summary>
    /// <param name="redis">The Redis configuration, e.g. <c>127.0.0.1:6390</c>.</param>
    /// <param name="clusterId">The cluster id the silos use.</param>
    /// <param name="serviceId">The service id the silos use.</param>
    /// <returns>The connection.</returns>
    public static async Task<ClusterConnection> ConnectAsync(string redis, string clusterId, string serviceId)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client =>
        {
            client.UseCustomerRetentionRedis(redis);
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = serviceId;
            });
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(2));
        });
        IHost host = builder.Build();
        await host.StartAsync().ConfigureAwait(false);
        return new ClusterConnection(host);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        finally
        {
            _host.Dispose();
        }
    }
}
