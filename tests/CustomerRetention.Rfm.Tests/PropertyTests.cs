using FsCheck;
using FsCheck.Fluent;

namespace CustomerRetention.Rfm.Tests;

/// <summary>The issue's FsCheck properties.</summary>
public sealed class PropertyTests
{
    /// <summary>A customer base with many ties: small integer ranges, skewed frequencies.</summary>
    public sealed record Base(double[] Recency, double[] Frequency, double[] Monetary, int Bins, BinningMethod Method)
    {
        public int N => Recency.Length;

        public RfmBinning Binning => Method switch
        {
            BinningMethod.Ntile => RfmBinning.Ntile(Bins),
            BinningMethod.Thresholds => RfmBinning.Thresholds(Steps(Bins, 40), Steps(Bins, 2), Steps(Bins, 25)),
            _ => RfmBinning.Quantile(Bins),
        };

        public override string ToString() =>
            $"{Method} k={Bins} R=[{string.Join(",", Recency)}] F=[{string.Join(",", Frequency)}] M=[{string.Join(",", Monetary)}]";

        private static double[] Steps(int bins, double step) => Enumerable.Range(1, bins - 1).Select(i => i * step).ToArray();
    }

    private static Gen<Base> BaseGen(params BinningMethod[] methods) =>
        from n in Gen.Choose(0, 60)
        from r in Gen.ArrayOf(Gen.Choose(0, 12).Select(x => x * 15.0), n)
        from f in Gen.ArrayOf(Gen.Frequency((6, Gen.Constant(1.0)), (3, Gen.Choose(2, 4).Select(x => (double)x)), (1, Gen.Choose(5, 30).Select(x => (double)x))), n)
        from m in Gen.ArrayOf(Gen.Choose(-5, 40).Select(x => x * 2.5), n)
        from k in Gen.Choose(2, 10)
        from method in Gen.Elements(methods)
        select new Base(r, f, m, k, method);

    private static readonly BinningMethod[] AllMethods = [BinningMethod.Quantile, BinningMethod.Ntile, BinningMethod.Thresholds];

    private static (RfmScoring Scoring, RfmScore[] Scores) Score(Base b)
    {
        var scores = new RfmScore[b.N];
        return (RfmAnalysis.Score(b.Binning, b.Recency, b.Frequency, b.Monetary, scores), scores);
    }

    [Fact]
    public void Scores_Stay_In_One_To_K_Meets_Specification() =>
        Properties.ForAll(BaseGen(AllMethods).ToArbitrary(), b =>
        {
            (RfmScoring scoring, RfmScore[] scores) = Score(b);
            return scores.All(s => s.R >= 1 && s.R <= b.Bins && s.F >= 1 && s.F <= b.Bins && s.M >= 1 && s.M <= b.Bins)
                && scoring.Recency.Counts.Sum() == b.N;
        });

    [Fact]
    public void Better_Values_Never_Get_Lower_Scores_Meets_Specification() =>
        Properties.ForAll(BaseGen(AllMethods).ToArbitrary(), b =>
        {
            (_, RfmScore[] s) = Score(b);
            for (int i = 0; i < b.N; i++)
            {
                for (int j = 0; j < b.N; j++)
                {
                    if ((b.Monetary[i] > b.Monetary[j] && s[i].M < s[j].M)
                        || (b.Frequency[i] > b.Frequency[j] && s[i].F < s[j].F)
                        || (b.Recency[i] < b.Recency[j] && s[i].R < s[j].R))
                    {
                        return false;
                    }
                }
            }

            return true;
        });

    [Fact]
    public void Equal_Values_Get_Equal_Scores_In_Quantile_Mode_Meets_Specification() =>
        Properties.ForAll(BaseGen(BinningMethod.Quantile, BinningMethod.Thresholds).ToArbitrary(), b =>
        {
            (_, RfmScore[] s) = Score(b);
            for (int i = 0; i < b.N; i++)
            {
                for (int j = 0; j < b.N; j++)
                {
                    if ((b.Monetary[i] == b.Monetary[j] && s[i].M != s[j].M)
                        || (b.Frequency[i] == b.Frequency[j] && s[i].F != s[j].F)
                        || (b.Recency[i] == b.Recency[j] && s[i].R != s[j].R))
                    {
                        return false;
                    }
                }
            }

            return true;
        });

    [Fact]
    public void Quantile_Scores_Equal_The_Definition_Meets_Specification() =>
        // Against a direct transcription of docs/cli.md: sort the goodness values, type-7 quantile at i/k,
        // score = 1 + the number of cut points strictly below.
        Properties.ForAll(BaseGen(BinningMethod.Quantile).ToArbitrary(), b =>
        {
            (_, RfmScore[] s) = Score(b);
            double[] g = b.Recency.Select(d => -d).ToArray();
            for (int i = 0; i < b.N; i++)
            {
                if (s[i].R != Reference(g, g[i], b.Bins) || s[i].F != Reference(b.Frequency, b.Frequency[i], b.Bins)
                    || s[i].M != Reference(b.Monetary, b.Monetary[i], b.Bins))
                {
                    return false;
                }
            }

            return true;
        });

    [Fact]
    public void Permuting_Customers_Changes_Nothing_Meets_Specification()
    {
        Gen<(Base, int[])> gen =
            from b in BaseGen(AllMethods)
            from p in Gen.Shuffle(Enumerable.Range(0, b.N).ToArray())
            select (b, p);
        Properties.ForAll(gen.ToArbitrary(), t =>
        {
            (Base b, int[] p) = t;
            CustomerValues[] customers = Enumerable.Range(0, b.N)
                .Select(i => new CustomerValues("c" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), new RfmValues((int)b.Recency[i], (int)b.Frequency[i], (decimal)b.Monetary[i])))
                .ToArray();
            RfmResult original = RfmAnalysis.Score(customers, b.Binning);
            RfmResult permuted = RfmAnalysis.Score(p.Select(i => customers[i]).ToArray(), b.Binning);
            for (int j = 0; j < p.Length; j++)
            {
                if (permuted.Customers[j].Score != original.Customers[p[j]].Score)
                {
                    return false;
                }
            }

            return original.Scoring.Monetary.CutPoints.SequenceEqual(permuted.Scoring.Monetary.CutPoints)
                && original.Scoring.Recency.CutPoints.SequenceEqual(permuted.Scoring.Recency.CutPoints);
        });
    }

    [Fact]
    public void Ntile_Bin_Sizes_Differ_By_At_Most_One_Meets_Specification() =>
        Properties.ForAll(BaseGen(BinningMethod.Ntile).ToArbitrary(), b =>
        {
            (RfmScoring scoring, _) = Score(b);
            foreach (DimensionBins d in new[] { scoring.Recency, scoring.Frequency, scoring.Monetary })
            {
                if (d.Counts.Max() - d.Counts.Min() > 1 || d.Counts.Sum() != b.N)
                {
                    return false;
                }
            }

            return true;
        });

    [Fact]
    public void Every_Score_Maps_To_Exactly_One_Default_Segment_Meets_Specification()
    {
        Gen<RfmScore> scores =
            from r in Gen.Choose(1, 5)
            from f in Gen.Choose(1, 5)
            from m in Gen.Choose(1, 5)
            select new RfmScore(r, f, m);
        Properties.ForAll(scores.ToArbitrary(), s =>
            SegmentMap.Default.Rules.Count(rule => rule.Matches(s)) == 1
            && SegmentMap.Default.Rules.First(rule => rule.Matches(s)).Segment == SegmentMap.Default.Classify(s));
    }

    private static int Reference(double[] values, double v, int k)
    {
        double[] x = values.OrderBy(a => a).ToArray();
        int score = 1;
        for (int i = 1; i < k; i++)
        {
            double h = (x.Length - 1) * (double)i / k;
            int lo = (int)Math.Floor(h);
            double q = lo + 1 < x.Length ? x[lo] + ((h - lo) * (x[lo + 1] - x[lo])) : x[lo];
            score += q < v ? 1 : 0;
        }

        return score;
    }
}
