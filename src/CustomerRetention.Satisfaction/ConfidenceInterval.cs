using System.Globalization;

namespace CustomerRetention.Satisfaction;

/// <summary>A two-sided confidence interval [Lower, Upper] at a confidence level (0.95 for 95 %).</summary>
/// <remarks>Immutable value; the default value is the degenerate interval [0, 0] at level 0.</remarks>
public readonly struct ConfidenceInterval : IEquatable<ConfidenceInterval>
{
    /// <summary>Creates an interval.</summary>
    /// <param name="lower">The lower bound. Range: finite, ≤ <paramref name="upper"/>.</param>
    /// <param name="upper">The upper bound. Range: finite.</param>
    /// <param name="level">The confidence level. Range: 0 &lt; level &lt; 1.</param>
    public ConfidenceInterval(double lower, double upper, double level)
    {
        Guard.Finite(lower);
        Guard.Finite(upper);
        if (upper < lower)
        {
            throw new ArgumentOutOfRangeException(nameof(upper), upper, "The upper bound must not be below the lower bound.");
        }

        Lower = lower;
        Upper = upper;
        Level = ConfidenceLevel.Check(level);
    }

    /// <summary>The lower bound.</summary>
    public double Lower { get; }

    /// <summary>The upper bound.</summary>
    public double Upper { get; }

    /// <summary>The confidence level, e.g. 0.95.</summary>
    public double Level { get; }

    /// <summary>The half-width (Upper − Lower)/2: the margin of error of a symmetric interval.</summary>
    public double HalfWidth => 0.5 * (Upper - Lower);

    /// <summary>Whether <paramref name="value"/> lies in [Lower, Upper].</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <inheritdoc/>
    public bool Equals(ConfidenceInterval other) => Lower.Equals(other.Lower) && Upper.Equals(other.Upper) && Level.Equals(other.Level);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ConfidenceInterval other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Lower.GetHashCode() ^ (Upper.GetHashCode() * 31) ^ (Level.GetHashCode() * 17);

    /// <summary>Equality of bounds and level.</summary>
    public static bool operator ==(ConfidenceInterval left, ConfidenceInterval right) => left.Equals(right);

    /// <summary>Inequality of bounds or level.</summary>
    public static bool operator !=(ConfidenceInterval left, ConfidenceInterval right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "[{0:R}, {1:R}] at {2:P0}", Lower, Upper, Level);
}

/// <summary>Checks confidence levels.</summary>
internal static class ConfidenceLevel
{
    public static double Check(double level, string paramName = "level")
    {
        Guard.Finite(level, paramName);
        if (level <= 0 || level >= 1)
        {
            throw new ArgumentOutOfRangeException(paramName, level, "The confidence level must be strictly between 0 and 1 (0.95 for 95 %).");
        }

        return level;
    }
}
