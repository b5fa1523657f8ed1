using System.Globalization;

namespace CustomerRetention.Orleans.Silo;

/// <summary>The silo host's command line: <c>--redis HOST:PORT --silo-port N --gateway-port N [--cluster-id ID] [--service-id ID]</c>.</summary>
internal sealed record SiloArguments(string Redis, int SiloPort, int GatewayPort, string ClusterId, string ServiceId)
{
    public const string Usage = "usage: CustomerRetention.Orleans.Silo --redis HOST:PORT --silo-port N --gateway-port N [--cluster-id ID] [--service-id ID]";

    public static SiloArguments Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'.", nameof(args));
            }

            values[args[i][2..]] = args[i + 1];
        }

        string Required(string name) => values.TryGetValue(name, out string? v) ? v : throw new ArgumentException($"--{name} is required.", nameof(args));
        int Port(string name) => int.TryParse(Required(name), NumberStyles.None, CultureInfo.InvariantCulture, out int p) && p is > 0 and < 65536
            ? p
            : throw new ArgumentException($"--{name} must be a port number (1-65535).", nameof(args));

        return new SiloArguments(
            Required("redis"),
            Port("silo-port"),
            Port("gateway-port"),
            values.GetValueOrDefault("cluster-id", "customer-retention"),
            values.GetValueOrDefault("service-id", "customer-retention"));
    }
}
