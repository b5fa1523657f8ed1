// A silo of the customer-base cluster: Redis membership and grain storage, endpoints on 127.0.0.1.
// Prints "silo ready" on standard output once it has joined the cluster; stops on Ctrl+C or SIGTERM.
using System.Net;
using CustomerRetention.Orleans.Hosting;
using CustomerRetention.Orleans.Silo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

SiloArguments arguments;
try
{
    arguments = SiloArguments.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message.Replace(" (Parameter 'args')", string.Empty, StringComparison.Ordinal));
    Console.Error.WriteLine(SiloArguments.Usage);
    return 2;
}

HostApplicationBuilder builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.UseOrleans(silo =>
{
    silo.UseCustomerRetentionRedis(arguments.Redis);
    silo.ConfigureEndpoints(IPAddress.Loopback, arguments.SiloPort, arguments.GatewayPort);
    silo.Configure<ClusterOptions>(o =>
    {
        o.ClusterId = arguments.ClusterId;
        o.ServiceId = arguments.ServiceId;
    });
    silo.Configure<ClusterMembershipOptions>(ClusterTimings.FastFailureDetection);
});

using IHost host = builder.Build();
host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() =>
    Console.WriteLine($"silo ready: silo port {arguments.SiloPort}, gateway port {arguments.GatewayPort}, pid {Environment.ProcessId}"));
await host.RunAsync();
return 0;
