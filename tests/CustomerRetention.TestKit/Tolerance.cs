using System.Globalization;
using Xunit.Sdk;

namespace CustomerRetention.TestKit;

/// <summary>
/// The one way tests compare floating-point results. A reference value from a paper is printed
/// to a few decimals: <see cref="Decimals"/> checks a result rounds to it; computed values are
/// compared with a relative tolerance.
/// </summary>
public static class Tolerance
{
    /// <summary>Asserts |actual − expected| ≤ max(absolute, relative·|expected|), and that actual is finite.</summary>
    public static void Close(double expected, double actual, double relative = 1e-9, double absolute = 0.0)
    {
        if (double.IsNaN(actual) || double.IsInfinity(actual))
        {
            throw new XunitException(string.Format(CultureInfo.InvariantCulture, "Expected {0:R} but got a non-finite {1:R}.", expected, actual));
        }

        double allowed = Math.Max(absolute, relative * Math.Abs(expected));
        double difference = Math.Abs(actual - expected);
        if (difference > allowed)
        {
            throw new XunitException(string.Format(
                CultureInfo.InvariantCulture,
                "Expected {0:R} ± {1:G3} but got {2:R} (off by {3:G3}).",
                expected,
                allowed,
                actual,
                difference));
        }
    }

    /// <summary>
    /// Asserts that <paramref name="actual"/> agrees with a value published to
    /// <paramref name="decimals"/> decimals: within half a unit of the last printed digit.
    /// </summary>
    public static void Decimals(double published, double actual, int decimals) =>
        Close(published, actual, relative: 0, absolute: 0.5 * Math.Pow(10, -decimals) * (1 + 1e-9));

    /// <summary>Asserts a value printed with <paramref name="significant"/> significant digits is matched.</summary>
    public static void Significant(double published, double actual, int significant)
    {
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(published))) - significant + 1);
        Close(published, actual, relative: 0, absolute: 0.5 * magnitude * (1 + 1e-9));
    }
}
