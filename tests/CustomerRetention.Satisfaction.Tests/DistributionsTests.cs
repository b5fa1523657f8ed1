using CustomerRetention.Satisfaction.Internal;
using FsCheck.Fluent;

namespace CustomerRetention.Satisfaction.Tests;

public class DistributionsTests
{
    [Theory]
    // Abramowitz & Stegun (1964), Table 26.1 and 26.5: Φ(1) = 0.8413447461, Φ(1.96) = 0.9750021049, Φ(3) = 0.9986501020.
    [InlineData(1.0, 0.8413447461)]
    [InlineData(1.96, 0.9750021049)]
    [InlineData(3.0, 0.9986501020)]
    [InlineData(0.0, 0.5)]
    public void NormalCdf_MatchesTables(double x, double expected)
    {
        Tolerance.Decimals(expected, Distributions.NormalCdf(x), 10);
        Tolerance.Decimals(1 - expected, Distributions.NormalCdf(-x), 10);
    }

    [Fact]
    public void NormalCdf_FarTail_MatchesTables()
    {
        // Abramowitz & Stegun Table 26.2: Q(10) = 7.6198530242e-24.
        Tolerance.Close(7.6198530242e-24, Distributions.NormalCdf(-10), relative: 1e-8);
    }

    [Theory]
    // Abramowitz & Stegun Table 26.5: z for upper tail 0.025, 0.005, 0.05.
    [InlineData(0.975, 1.959963985)]
    [InlineData(0.995, 2.575829304)]
    [InlineData(0.95, 1.644853627)]
    [InlineData(0.001, -3.090232306)]
    public void NormalQuantile_MatchesTables(double p, double expected) =>
        Tolerance.Decimals(expected, Distributions.NormalQuantile(p), 9);

    [Theory]
    // Student's t two-sided 95 % critical values (Abramowitz & Stegun Table 26.10; Fisher & Yates tables):
    // ν = 1: 12.706, ν = 9: 2.262, ν = 30: 2.042; ν = 4 at 99 %: 4.604.
    [InlineData(0.95, 1, 12.706204736)]
    [InlineData(0.95, 9, 2.262157163)]
    [InlineData(0.95, 30, 2.042272456)]
    [InlineData(0.99, 4, 4.604094871)]
    public void StudentTCritical_MatchesTables(double level, double df, double expected) =>
        Tolerance.Decimals(expected, Distributions.StudentTCritical(level, df), 6);

    [Theory]
    // Student's t with ν = 1 is the Cauchy distribution: F(t) = ½ + arctan(t)/π; with ν = 2, F(t) = ½ + t / (2√(2 + t²)).
    // Both run the incomplete beta on the shared ln B (src/Shared/Numerics).
    [InlineData(1.0, 0.5)]
    [InlineData(1.0, 3.0)]
    [InlineData(2.0, -1.5)]
    [InlineData(2.0, 4.0)]
    public void StudentTCdf_MatchesClosedForms(double df, double t)
    {
        double expected = df == 1 ? 0.5 + (Math.Atan(t) / Math.PI) : 0.5 + (t / (2 * Math.Sqrt(2 + (t * t))));
        Tolerance.Close(expected, Distributions.StudentTCdf(t, df), relative: 1e-13);
    }

    [Fact]
    public void NormalQuantile_InvertsCdf_Meets_Specification() =>
        Properties.ForAll(
            Generators.Between(1e-6, 1 - 1e-6).ToArbitrary(),
            p => Math.Abs(Distributions.NormalCdf(Distributions.NormalQuantile(p)) - p) < 1e-13);
}
