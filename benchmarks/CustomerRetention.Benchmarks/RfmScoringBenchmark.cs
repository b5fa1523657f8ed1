using BenchmarkDotNet.Attributes;
using CustomerRetention.Rfm;

namespace CustomerRetention.Benchmarks;

/// <summary>
/// Scoring customers from their RFM values (quintiles, the default): cut points by multi-quickselect
/// on each column, then one scoring pass. The floor is one pass that reads the three columns.
/// </summary>
[MemoryDiagnoser]
public class RfmScoringBenchmark
{
    private double[] _recency = [];
    private double[] _frequency = [];
    private double[] _monetary = [];
    private RfmScore[] _scores = [];
    private int[] _segments = [];

    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([1_000_000], [1_000]);

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _recency = new double[N];
        _frequency = new double[N];
        _monetary = new double[N];
        _scores = new RfmScore[N];
        _segments = new int[N];
        RfmBenchmarkData.Generate(N, 42, (c, days, cents) =>
        {
            long total = 0;
            foreach (long x in cents)
            {
                total += x;
            }

            _recency[c] = RfmBenchmarkData.Days - 1 - days[days.Length - 1];
            _frequency[c] = days.Length;
            _monetary[c] = total / 100.0;
        });
    }

    [Benchmark(Baseline = true)]
    public double ReadThreeColumns()
    {
        double sum = 0;
        double[] r = _recency, f = _frequency, m = _monetary;
        for (int i = 0; i < r.Length; i++)
        {
            sum += r[i] + f[i] + m[i];
        }

        return sum;
    }

    [Benchmark]
    public RfmScoring ScoreQuintiles() => RfmAnalysis.Score(RfmBinning.Default, _recency, _frequency, _monetary, _scores);

    [Benchmark]
    public int ScoreAndSegment()
    {
        RfmAnalysis.Score(RfmBinning.Default, _recency, _frequency, _monetary, _scores);
        SegmentMap.Default.Classify(_scores, _segments);
        return _segments[0];
    }

    [Benchmark]
    public RfmScoring ScoreNtile() => RfmAnalysis.Score(RfmBinning.Ntile(5), _recency, _frequency, _monetary, _scores);
}
