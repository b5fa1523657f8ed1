using BenchmarkDotNet.Attributes;

namespace CustomerRetention.Benchmarks;

/// <summary>
/// The floor every benchmark class compares against, in its simplest form: one pass summing a
/// column of doubles. Kept so that the harness itself (build, run, exit code) is always exercised.
/// </summary>
[MemoryDiagnoser]
public class ColumnSumBenchmark
{
    private double[] _values = [];

    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([1_000_000], [1_000]);

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _values = new double[N];
        for (int i = 0; i < _values.Length; i++)
        {
            _values[i] = random.NextDouble();
        }
    }

    [Benchmark(Baseline = true)]
    public double Sum()
    {
        double sum = 0;
        foreach (double v in _values)
        {
            sum += v;
        }

        return sum;
    }
}
