using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace CustomerRetention.Benchmarks;

/// <summary>
/// Runs the benchmarks chosen on the command line (BenchmarkDotNet's switcher:
/// <c>--filter '*'</c>, <c>--job Dry</c>, ...). Exits non-zero when a benchmark failed to build or run,
/// so that a CI dry run catches benchmarks that rot.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        IEnumerable<Summary> summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
            .Run(args, DefaultConfig.Instance.WithOptions(ConfigOptions.JoinSummary));
        var all = summaries.ToList();
        bool failed = all.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));
        return failed ? 1 : 0;
    }
}
