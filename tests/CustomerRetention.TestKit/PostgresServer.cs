using System.Diagnostics;

namespace CustomerRetention.TestKit;

/// <summary>
/// The PostgreSQL server of the integration tests: the connection string in the environment variable
/// <c>RETENTION_TEST_POSTGRES</c> (set by <c>.ci/run</c> from <c>.ci/start-postgres</c>), or else the server
/// <c>.ci/start-postgres</c> starts now (it installs PostgreSQL when missing). Never skipped: when no
/// server can be had, <see cref="ConnectionString"/> throws and the tests that need it fail.
/// </summary>
public static class PostgresServer
{
    /// <summary>The environment variable that holds the connection string.</summary>
    public const string Variable = "RETENTION_TEST_POSTGRES";

    private static readonly Lazy<string> Connection = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The connection string of the test server (Npgsql syntax); starts the server on first use when the variable is unset.</summary>
    public static string ConnectionString => Connection.Value;

    private static string Start()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        string script = Path.Combine(Repository.Root(), ".ci", "start-postgres");
        var start = new ProcessStartInfo("bash", [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot run {script}.");
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{script} did not finish in 10 minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed (exit {process.ExitCode}): {error.Result}");
        }

        const string prefix = Variable + "='";
        string? line = output.Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line is null
            ? throw new InvalidOperationException($"{script} printed no {Variable}: {output}")
            : line.Substring(prefix.Length).TrimEnd('\r', '\'');
    }
}
