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
        // The benchmark data set (BenchmarkData), summarised per customer: recency at the last day,
        // transactions, total amount.
        (int[] customers, int[] days, decimal[] amounts) = BenchmarkData.Generate(N);
        int asOf = BenchmarkData.FirstDay + BenchmarkData.Days - 1;
        var last = new int[N];
        for (int i = 0; i < customers.Length; i++)
        {
            int c = customers[i];
            last[c] = Math.Max(last[c], days[i]);
            _frequency[c]++;
            _monetary[c] += (double)amounts[i];
        }

        for (int c = 0; c < N; c++)
        {
            _recency[c] = asOf - last[c];
        }
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
