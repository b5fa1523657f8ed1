using FsCheck;
using FsCheck.Fluent;

namespace CustomerRetention.Rfm.Tests;

/// <summary>The selection engine against a full sort, on both of its paths (counting and radix select).</summary>
public sealed class OrderStatisticsTests
{
    private static bool AgreesWithSort(double[] values, int[] ranks)
    {
        double[] sorted = values.OrderBy(v => v).ToArray();
        var found = new double[ranks.Length];
        OrderStatistics.Find(values, ranks, found, "values");
        for (int j = 0; j < ranks.Length; j++)
        {
            if (found[j] != sorted[ranks[j]])
            {
                return false;
            }
        }

        return true;
    }

    private static Gen<(double[], int[])> Case(Gen<double> value) =>
        from n in Gen.Choose(1, 3000)
        from values in Gen.ArrayOf(value, n)
        from picks in Gen.ArrayOf(Gen.Choose(0, n - 1), 8)
        select (values, picks.Distinct().OrderBy(x => x).ToArray());

    [Fact]
    public void Integer_Columns_Counting_Path_Meets_Specification() =>
        Properties.ForAll(Case(Gen.Choose(-50, 800).Select(x => (double)x)).ToArbitrary(), t => AgreesWithSort(t.Item1, t.Item2));

    [Fact]
    public void Fractional_And_Wide_Columns_Radix_Path_Meets_Specification() =>
        Properties.ForAll(
            Case(Gen.OneOf(
                Gen.Choose(-100000, 100000).Select(x => x / 100.0),
                Gen.Choose(0, 20).Select(x => Math.Pow(10, x) * 1.5),
                Gen.Constant(0.0),
                Gen.Constant(-0.0))).ToArbitrary(),
            t => AgreesWithSort(t.Item1, t.Item2));

    [Fact]
    public void Large_Column_With_Heavy_Ties()
    {
        // 100,000 values: 70 % equal to 1, the rest spread; the vectorised range pass and both paths.
        var random = new Random(7);
        double[] ints = Enumerable.Range(0, 100_000).Select(_ => random.NextDouble() < 0.7 ? 1.0 : random.Next(2, 60)).ToArray();
        double[] money = Enumerable.Range(0, 100_000).Select(_ => Math.Round(Math.Exp(3 + random.NextDouble() * 3), 2)).ToArray();
        int[] ranks = [0, 19_999, 20_000, 39_999, 40_000, 59_999, 60_000, 79_999, 80_000, 99_999];

        Assert.True(AgreesWithSort(ints, ranks));
        Assert.True(AgreesWithSort(money, ranks));
    }

    [Fact]
    public void Non_Finite_Values_Are_Found_On_Both_Paths()
    {
        double[] values = Enumerable.Range(0, 100).Select(i => (double)i).ToArray();
        values[57] = double.PositiveInfinity;
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => OrderStatistics.Find(values, [3], new double[1], "monetary"));
        Assert.Equal("monetary", e.ParamName);
        Assert.Contains("Element 57", e.Message, StringComparison.Ordinal);
    }
}
