using BenchmarkDotNet.Attributes;
using CustomerRetention.Satisfaction;

namespace CustomerRetention.Benchmarks;

/// <summary>
/// NPS and CSAT over a column of survey answers: one pass, a histogram, no allocation.
/// Baseline: the physical floor, one pass summing the same column of ints.
/// </summary>
[MemoryDiagnoser]
public class NpsBenchmark
{
    private int[] _nps = [];
    private int[] _csat = [];

    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([1_000_000], [1_000]);

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _nps = new int[N];
        _csat = new int[N];
        for (int i = 0; i < N; i++)
        {
            _nps[i] = random.Next(0, 11);
            _csat[i] = random.Next(1, 6);
        }
    }

    [Benchmark(Baseline = true)]
    public long SumAnswers()
    {
        long sum = 0;
        foreach (int a in _nps)
        {
            sum += a;
        }

        return sum;
    }

    [Benchmark]
    public double NpsCompute() => Nps.Compute(_nps).Score;

    [Benchmark]
    public double CsatCompute() => Csat.Compute(RatingScale.FivePoint, _csat).TopBoxShare;
}
