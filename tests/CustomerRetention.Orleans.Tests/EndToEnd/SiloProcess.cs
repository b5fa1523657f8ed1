using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CustomerRetention.Orleans.Tests.EndToEnd;

/// <summary>
/// One sample silo host running as a separate process on 127.0.0.1 (<c>dotnet CustomerRetention.Orleans.Silo.dll</c>),
/// with its output kept for the failure message.
/// </summary>
internal sealed class SiloProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SiloProcess(Process process, int siloPort, int gatewayPort)
    {
        _process = process;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
    }

    /// <summary>The silo-to-silo port.</summary>
    public int SiloPort { get; }

    /// <summary>The client gateway port.</summary>
    public int GatewayPort { get; }

    /// <summary>The process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>What the silo printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts a silo of the cluster and waits until it has joined (it prints "silo ready").</summary>
    public static async Task<SiloProcess> StartAsync(string redis, string clusterId, string serviceId, TimeSpan timeout)
    {
        int siloPort = FreePort();
        int gatewayPort = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in new[] { RepositoryPaths.SiloAssembly, "--redis", redis, "--silo-port", Port(siloPort), "--gateway-port", Port(gatewayPort), "--cluster-id", clusterId, "--service-id", serviceId })
        {
            start.ArgumentList.Add(a);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var silo = new SiloProcess(process, siloPort, gatewayPort);
        process.OutputDataReceived += (_, e) => silo.Append(e.Data, ready: e.Data?.StartsWith("silo ready", StringComparison.Ordinal) == true);
        process.ErrorDataReceived += (_, e) => silo.Append(e.Data, ready: false);
        process.Exited += (_, _) => silo._ready.TrySetException(new InvalidOperationException($"The silo exited (code {process.ExitCode}) before it was ready:\n{silo.Output}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await silo._ready.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            silo.Dispose();
            throw new TimeoutException($"The silo on port {siloPort} was not ready within {timeout}:\n{silo.Output}");
        }

        return silo;
    }

    /// <summary>Kills the process with SIGKILL (no shutdown, no goodbye to the cluster) and waits for it to end.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: false); // Process.Kill sends SIGKILL on Unix.
        _process.WaitForExit();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }

        _process.Dispose();
    }

    private static string Port(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line, bool ready)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (ready)
        {
            _ready.TrySetResult();
        }
    }
}
