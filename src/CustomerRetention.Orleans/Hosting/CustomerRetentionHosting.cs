using CustomerRetention.Orleans.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Storage;
using StackExchange.Redis;

namespace CustomerRetention.Orleans.Hosting;

/// <summary>Wires the package into Orleans silos and clients.</summary>
public static class CustomerRetentionHosting
{
    /// <summary>
    /// Adds the services the package's grains need (the silo's <see cref="CurrentModelCache"/>). The
    /// grain storage named <see cref="CustomerRetentionStorage.Name"/> must be configured as well, e.g. by
    /// <see cref="UseCustomerRetentionRedis(ISiloBuilder, string, Action{CustomerRetentionOptions}?)"/>.
    /// </summary>
    /// <param name="silo">The silo builder.</param>
    /// <param name="configure">Optional changes to the options.</param>
    /// <returns>The silo builder.</returns>
    public static ISiloBuilder AddCustomerRetention(this ISiloBuilder silo, Action<CustomerRetentionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.TryAddSingleton<CurrentModelCache>();
        OptionsBuilder<CustomerRetentionOptions> options = silo.Services.AddOptions<CustomerRetentionOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return silo;
    }

    /// <summary>
    /// Lets the silo's partition grains read table partitions (<see cref="Aggregation.TablePartition"/>):
    /// <paramref name="createConnection"/> returns a new connection of the provider of your choice to the
    /// database that holds the tables, e.g. <c>() =&gt; new NpgsqlConnection(cs)</c> or a DuckDB file opened
    /// read-only. Every silo needs it; without it a table partition fails with an <see cref="InvalidOperationException"/>.
    /// </summary>
    /// <param name="silo">The silo builder.</param>
    /// <param name="createConnection">Returns a new connection, open or not; the grain opens and disposes of it.</param>
    /// <returns>The silo builder.</returns>
    public static ISiloBuilder AddCustomerRetentionTables(this ISiloBuilder silo, Func<System.Data.Common.DbConnection> createConnection)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddSingleton(new TableConnectionFactory(createConnection));
        return silo;
    }

    /// <summary>
    /// Redis cluster membership and Redis grain storage (Orleans' own binary serializer for the state),
    /// plus <see cref="AddCustomerRetention"/>.
    /// </summary>
    /// <param name="silo">The silo builder.</param>
    /// <param name="redis">The StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6390</c>.</param>
    /// <param name="configure">Optional changes to the options.</param>
    /// <returns>The silo builder.</returns>
    public static ISiloBuilder UseCustomerRetentionRedis(this ISiloBuilder silo, string redis, Action<CustomerRetentionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ConfigurationOptions connection = Parse(redis);
        silo.UseRedisClustering(o => o.ConfigurationOptions = connection.Clone());
        silo.AddRedisGrainStorage(CustomerRetentionStorage.Name, o => o.Configure<Serializer>((storage, serializer) =>
        {
            storage.ConfigurationOptions = connection.Clone();
            storage.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        }));
        return silo.AddCustomerRetention(configure);
    }

    /// <summary>A client of a cluster whose membership is in Redis.</summary>
    /// <param name="client">The client builder.</param>
    /// <param name="redis">The StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6390</c>.</param>
    /// <returns>The client builder.</returns>
    public static IClientBuilder UseCustomerRetentionRedis(this IClientBuilder client, string redis)
    {
        ArgumentNullException.ThrowIfNull(client);
        ConfigurationOptions connection = Parse(redis);
        return client.UseRedisClustering(o => o.ConfigurationOptions = connection.Clone());
    }

    private static ConfigurationOptions Parse(string redis)
    {
        if (string.IsNullOrWhiteSpace(redis))
        {
            throw new ArgumentException("The Redis configuration must not be empty (e.g. 127.0.0.1:6390).", nameof(redis));
        }

        ConfigurationOptions options = ConfigurationOptions.Parse(redis);
        options.AbortOnConnectFail = false;
        return options;
    }
}
