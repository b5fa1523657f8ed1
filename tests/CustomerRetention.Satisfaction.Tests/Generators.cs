using FsCheck;
using FsCheck.Fluent;

namespace CustomerRetention.Satisfaction.Tests;

/// <summary>Generators shared by the property tests.</summary>
internal static class Generators
{
    /// <summary>A double in [lo, hi] on a grid of 1/1000 of the range (shrinks well, includes the ends).</summary>
    public static Gen<double> Between(double lo, double hi) =>
        Gen.Choose(0, 1000).Select(k => k == 1000 ? hi : lo + ((hi - lo) * k / 1000.0));

    /// <summary>Non-empty arrays of NPS answers 0–10.</summary>
    public static Arbitrary<int[]> NpsAnswers { get; } =
        Gen.Choose(0, 10).NonEmptyListOf().Select(l => l.ToArray()).ToArbitrary();

    /// <summary>Items with importance in [0, 10] (one at least positive) and satisfaction on 1–5.</summary>
    public static Arbitrary<(double[] Importance, double[] Satisfaction)> Items { get; } =
        Gen.Choose(1, 12)
            .SelectMany(n => Gen.Zip(Between(0, 10).ArrayOf(n), Between(1, 5).ArrayOf(n)))
            .Where(t => t.Item1.Sum() > 0)
            .ToArbitrary();
}
