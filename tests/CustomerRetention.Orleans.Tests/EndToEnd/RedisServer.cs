using System.Diagnostics;

namespace CustomerRetention.Orleans.Tests.EndToEnd;

/// <summary>
/// The Redis server of the end-to-end test: <c>RETENTION_TEST_REDIS</c> when set (CI sets it from
/// <c>.ci/start-redis</c>), else the one <c>.ci/start-redis</c> starts (or finds) now, so that
/// <c>dotnet test</c> works on a developer machine too. Never skips: no Redis is a failure.
/// </summary>
internal static class RedisServer
{
    private const string Variable = "RETENTION_TEST_REDIS";

    /// <summary>The StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6390</c>.</summary>
    public static string Connection { get; } = Resolve();

    private static string Resolve()
    {
        string? configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        string script = Path.Combine(RepositoryPaths.Root, ".ci", "start-redis");
        using var process = Process.Start(new ProcessStartInfo("bash", [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"Could not run {script}.");
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed (exit {(process.HasExited ? process.ExitCode : -1)}): {stderr.Result}");
        }

        string prefix = $"export {Variable}=";
        string? line = output.Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line is not null
            ? line[prefix.Length..].Trim()
            : throw new InvalidOperationException($"{script} printed no '{prefix}…' line: {output}");
    }
}
