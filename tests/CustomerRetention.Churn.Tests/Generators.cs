using FsCheck;
using FsCheck.Fluent;

namespace CustomerRetention.Churn.Tests;

/// <summary>Generators shared by the property tests of this project.</summary>
internal static class Generators
{
    /// <summary>A probability in [0, 1] on a grid of 1e-6, the ends included.</summary>
    public static Gen<double> Probability { get; } =
        Gen.Frequency(
            (1, Gen.Constant(0.0)),
            (1, Gen.Constant(1.0)),
            (18, Gen.Choose(0, 1_000_000).Select(i => i / 1e6)));

    /// <summary>A probability strictly inside (0, 1).</summary>
    public static Gen<double> OpenProbability { get; } = Gen.Choose(1, 999_999).Select(i => i / 1e6);

    /// <summary>A number of periods per span, e.g. 12 months a year, 52 weeks, and fractional ones.</summary>
    public static Gen<double> PeriodsPerSpan { get; } =
        Gen.Frequency(
            (3, Gen.Elements(2.0, 4.0, 12.0, 52.0, 365.0)),
            (1, Gen.Choose(1, 1000).Select(i => i / 10.0)));
}
