using System.Globalization;
using BenchmarkDotNet.Attributes;
using CustomerRetention.Probabilistic;

namespace CustomerRetention.Benchmarks;

/// <summary>
/// Data for the probabilistic-model benchmarks: the CDNOW sample summary (found by walking up to tests/data) and the
/// synthetic customer base of shared/design/reference-values.md (first purchase uniform over 365 days of a 730-day
/// window, λ ~ Gamma(0.9, 5.4/week), lifetime rate μ ~ Gamma(0.8, 60/week)), summarised in weeks with day granularity.
/// </summary>
internal static class ProbabilisticData
{
    public static PurchaseHistories Cdnow()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "tests", "data", "cdnow_sample_summary_weeks.csv")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        string path = dir is null
            ? throw new FileNotFoundException("tests/data/cdnow_sample_summary_weeks.csv not found above " + AppContext.BaseDirectory)
            : Path.Combine(dir, "tests", "data", "cdnow_sample_summary_weeks.csv");
        var x = new List<double>();
        var tx = new List<double>();
        var t = new List<double>();
        foreach (string line in File.ReadLines(path).Skip(1))
        {
            string[] f = line.Split(',');
            x.Add(double.Parse(f[1], CultureInfo.InvariantCulture));
            tx.Add(double.Parse(f[2], CultureInfo.InvariantCulture));
            t.Add(double.Parse(f[3], CultureInfo.InvariantCulture));
        }

        return new PurchaseHistories(x, tx, t);
    }

    public static PurchaseHistories Synthetic(int customers, int seed = 42)
    {
        var random = new Random(seed);
        double[] ages = new double[customers];
        for (int i = 0; i < customers; i++)
        {
            ages[i] = (730 - random.Next(0, 365)) / 7.0;
        }

        PurchaseHistories raw = CustomerBaseSimulator.ParetoNbd(new ParetoNbdParameters(0.9, 5.4, 0.8, 60), ages, seed);

        // Day granularity, as a summary of dated transactions would give.
        double[] tx = raw.Recency.ToArray();
        for (int i = 0; i < tx.Length; i++)
        {
            tx[i] = Math.Floor(tx[i] * 7) / 7;
        }

        return PurchaseHistories.FromSpans(raw.Frequency, tx, raw.T, ReadOnlySpan<double>.Empty);
    }
}

/// <summary>BG/NBD and Pareto/NBD fits: the CDNOW sample (2,357 customers, 1,016 rows) and 1M synthetic customers.</summary>
[MemoryDiagnoser]
public class ModelFitBenchmark
{
    private PurchaseHistories _cdnow = null!;
    private PurchaseHistories _synthetic = null!;

    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([1_000_000], [10_000]);

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _cdnow = ProbabilisticData.Cdnow().Compress();
        _synthetic = ProbabilisticData.Synthetic(N).Compress();
    }

    /// <summary>The floor: one pass reading the synthetic columns.</summary>
    [Benchmark(Baseline = true)]
    public double ReadColumns()
    {
        double sum = 0;
        ReadOnlySpan<double> x = _synthetic.Frequency, tx = _synthetic.Recency, t = _synthetic.T, w = _synthetic.Weight;
        for (int i = 0; i < x.Length; i++)
        {
            sum += w[i] * (x[i] + tx[i] + t[i]);
        }

        return sum;
    }

    [Benchmark]
    public double BetaGeoFitCdnow() => BetaGeo.Fit(_cdnow).LogLikelihood;

    [Benchmark]
    public double ParetoNbdFitCdnow() => ParetoNbd.Fit(_cdnow).LogLikelihood;

    [Benchmark]
    public double BetaGeoFitSynthetic() => BetaGeo.Fit(_synthetic).LogLikelihood;

    [Benchmark]
    public double ParetoNbdFitSynthetic() => ParetoNbd.Fit(_synthetic).LogLikelihood;
}

/// <summary>One BG/NBD log-likelihood-plus-gradient pass over 1M rows (the fit's inner loop), and Pareto/NBD LL and LL-plus-gradient passes.</summary>
[MemoryDiagnoser]
public class LikelihoodPassBenchmark
{
    private PurchaseHistories _data = null!;
    private Probabilistic.BetaGeoFamily.Evaluator _evaluator = null!;
    private ParetoNbd.Evaluator _pareto = null!;
    private readonly double[] _gradient = new double[4];

    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([1_000_000], [10_000]);

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = ProbabilisticData.Synthetic(N);
        _evaluator = new Probabilistic.BetaGeoFamily.Evaluator(_data, 0);
        _pareto = new ParetoNbd.Evaluator(_data);
    }

    [Benchmark(Baseline = true)]
    public double ReadColumns()
    {
        double sum = 0;
        ReadOnlySpan<double> x = _data.Frequency, tx = _data.Recency, t = _data.T, w = _data.Weight;
        for (int i = 0; i < x.Length; i++)
        {
            sum += w[i] * (x[i] + tx[i] + t[i]);
        }

        return sum;
    }

    [Benchmark]
    public double BetaGeoLogLikelihoodAndGradient() => _evaluator.TotalLogLikelihood(0.9, 5.4, 0.8, 2.5, _gradient);

    [Benchmark]
    public double ParetoNbdLogLikelihood() => _pareto.Total(0.9, 5.4, 0.8, 60);

    /// <summary>One Pareto/NBD log-likelihood-plus-analytic-gradient pass (the fit's inner loop).</summary>
    [Benchmark]
    public double ParetoNbdLogLikelihoodAndGradient() => _pareto.TotalWithGradient(0.9, 5.4, 0.8, 60, _gradient);
}

/// <summary>P(alive) and expected purchases in the next 52 weeks for 1M customers, into preallocated spans.</summary>
[MemoryDiagnoser]
public class PredictionBenchmark
{
    private PurchaseHistories _data = null!;
    private double[] _alive = [];
    private double[] _expected = [];
    private readonly BetaGeoParameters _parameters = new(0.2426, 4.4136, 0.7929, 2.4259);
    private readonly BetaGeoParameters _boundary = new(0.8968, 5.3925, 11351.22, 1074087502.09);

    public static IEnumerable<int> Sizes => BenchmarkSizes.Pick([1_000_000], [10_000]);

    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = ProbabilisticData.Synthetic(N);
        _alive = new double[N];
        _expected = new double[N];
    }

    [Benchmark(Baseline = true)]
    public double ReadColumns()
    {
        double sum = 0;
        ReadOnlySpan<double> x = _data.Frequency, tx = _data.Recency, t = _data.T;
        for (int i = 0; i < x.Length; i++)
        {
            sum += x[i] + tx[i] + t[i];
        }

        return sum;
    }

    [Benchmark]
    public double BetaGeoAliveAndExpected()
    {
        BetaGeo.Predict(_parameters, 52, _data.Frequency, _data.Recency, _data.T, _alive, _expected);
        return _expected[0];
    }

    /// <summary>
    /// The same at a fit on data without dropout (issue #6: a, b ran to ~1e4, 1e9; the Euler series then needed
    /// ~a·z terms per customer): the bounded forms keep it at the cost of the ordinary case.
    /// </summary>
    [Benchmark]
    public double BetaGeoAliveAndExpectedAtTheBoundary()
    {
        BetaGeo.Predict(_boundary, 52, _data.Frequency, _data.Recency, _data.T, _alive, _expected);
        return _expected[0];
    }
}
