namespace CustomerRetention.Rfm.Tests;

/// <summary>Scoring above the two-core threshold (2^17 customers): the same scores, cut points and errors as the definition and the sequential path.</summary>
public sealed class LargeInputTests
{
    private const int N = 200_000;

    [Theory]
    [InlineData(5)]
    [InlineData(4)]
    public void Large_Inputs_Score_As_The_Definition(int k)
    {
        (double[] recency, double[] frequency, double[] monetary) = Columns(seed: k);
        var scores = new RfmScore[N];

        RfmScoring scoring = RfmAnalysis.Score(RfmBinning.Quantile(k), recency, frequency, monetary, scores);

        // docs/cli.md: cut points at the i/k type-7 quantiles of the goodness values; score = 1 + the number
        // of cut points strictly below the value.
        double[] goodness = [.. recency.Select(r => -r)];
        double[] qr = Cuts(goodness, k), qf = Cuts(frequency, k), qm = Cuts(monetary, k);
        for (int i = 0; i < N; i++)
        {
            Assert.Equal(1 + qr.Count(q => q < goodness[i]), scores[i].R);
            Assert.Equal(1 + qf.Count(q => q < frequency[i]), scores[i].F);
            Assert.Equal(1 + qm.Count(q => q < monetary[i]), scores[i].M);
        }

        Assert.Equal(qm, scoring.Monetary.CutPoints);
        Assert.Equal(N, scoring.Recency.Counts.Sum());
        Assert.Equal(scores.Count(s => s.F == 1), scoring.Frequency.Counts[0]);
    }

    [Fact]
    public void The_First_Bad_Column_Is_Reported_As_In_Order()
    {
        (double[] recency, double[] frequency, double[] monetary) = Columns(seed: 1);
        recency[N - 1] = double.NaN;
        monetary[7] = double.PositiveInfinity;

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => RfmAnalysis.Score(RfmBinning.Default, recency, frequency, monetary, new RfmScore[N]));

        Assert.Equal("recencyDays", error.ParamName);
    }

    private static (double[] Recency, double[] Frequency, double[] Monetary) Columns(int seed)
    {
        var random = new Random(seed);
        var recency = new double[N];
        var frequency = new double[N];
        var monetary = new double[N];
        for (int i = 0; i < N; i++)
        {
            recency[i] = random.Next(700);
            frequency[i] = 1 + (int)(-Math.Log(1 - random.NextDouble()) * 2); // skewed: many ties at 1
            monetary[i] = Math.Round(Math.Exp(3 + random.NextDouble() * 2), 2);
        }

        return (recency, frequency, monetary);
    }

    private static double[] Cuts(double[] values, int k)
    {
        double[] x = [.. values.OrderBy(v => v)];
        var cuts = new double[k - 1];
        for (int i = 1; i < k; i++)
        {
            double h = (x.Length - 1) * (double)i / k;
            int lo = (int)Math.Floor(h);
            cuts[i - 1] = x[lo] + ((h - lo) * (x[lo + 1] - x[lo]));
        }

        return cuts;
    }
}
