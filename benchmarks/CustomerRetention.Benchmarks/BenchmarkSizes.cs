namespace CustomerRetention.Benchmarks;

/// <summary>
/// Problem sizes for <c>[ParamsSource]</c>. The full sizes are the ones docs/benchmarks.md reports;
/// with <c>RETENTION_BENCH_SMOKE=1</c> (the CI dry run) every benchmark runs once on a small size,
/// so that it cannot rot without making CI slow.
/// </summary>
public static class BenchmarkSizes
{
    /// <summary>Whether the smoke sizes are in force.</summary>
    public static bool Smoke => Environment.GetEnvironmentVariable("RETENTION_BENCH_SMOKE") == "1";

    /// <summary>Picks <paramref name="full"/> normally and <paramref name="smoke"/> in a smoke run.</summary>
    public static IEnumerable<T> Pick<T>(IEnumerable<T> full, IEnumerable<T> smoke) => Smoke ? smoke : full;
}
