using System.Globalization;

namespace CustomerRetention;

/// <summary>
/// The unit of model time: a day, a week (7 days) or a custom length in days. Converts day counts
/// (between two calendar dates) to model time: <c>t = days / LengthInDays</c>, unrounded.
/// </summary>
/// <remarks>
/// The probabilistic models (BG/NBD, Pareto/NBD, …) are fitted in one unit, and their parameters
/// (e.g. the purchase rate's scale α) are in that unit: the CDNOW results of Fader, Hardie &amp; Lee
/// (2005) are in weeks. Its default value is <see cref="Day"/>. Immutable and thread-safe.
/// </remarks>
public readonly struct TimeUnit : IEquatable<TimeUnit>
{
    private readonly double _lengthMinusOne;

    private TimeUnit(double lengthInDays) => _lengthMinusOne = lengthInDays - 1.0;

    /// <summary>One day.</summary>
    public static TimeUnit Day => default;

    /// <summary>One week, 7 days.</summary>
    public static TimeUnit Week => new(7.0);

    /// <summary>The length of one unit in days (1 for <see cref="Day"/>, 7 for <see cref="Week"/>).</summary>
    public double LengthInDays => _lengthMinusOne + 1.0;

    /// <summary>A unit of a custom length, e.g. 30.4375 days for an average month.</summary>
    /// <param name="lengthInDays">Range: 0 &lt; lengthInDays &lt; ∞, long enough to be told from zero (above about 1e-16).</param>
    /// <returns>The unit.</returns>
    public static TimeUnit OfDays(double lengthInDays)
    {
        var unit = new TimeUnit(Guard.Positive(lengthInDays));
        return unit.LengthInDays > 0
            ? unit
            : throw new ArgumentOutOfRangeException(nameof(lengthInDays), lengthInDays, "The length is too short to represent (it must be well above 1e-16 days).");
    }

    /// <summary>Parses <c>day</c>, <c>week</c> (also plural, any case) or a number of days.</summary>
    /// <param name="text">The text, e.g. <c>week</c> or <c>30.4375</c> (invariant culture).</param>
    /// <returns>The unit.</returns>
    /// <exception cref="FormatException">The text is neither a unit name nor a positive number.</exception>
    public static TimeUnit Parse(string text)
    {
        Guard.NotNull(text);
        string t = text.Trim();
        if (t.Equals("day", StringComparison.OrdinalIgnoreCase) || t.Equals("days", StringComparison.OrdinalIgnoreCase))
        {
            return Day;
        }

        if (t.Equals("week", StringComparison.OrdinalIgnoreCase) || t.Equals("weeks", StringComparison.OrdinalIgnoreCase))
        {
            return Week;
        }

        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double days) && days > 0 && !double.IsInfinity(days))
        {
            return OfDays(days);
        }

        throw new FormatException($"'{text}' is not a time unit (day, week, or a positive number of days).");
    }

    /// <summary>Converts a number of days to this unit: <c>days / LengthInDays</c>.</summary>
    /// <param name="days">Range: any finite number (negative for a span backwards).</param>
    /// <returns>The span in this unit, unrounded.</returns>
    public double FromDays(double days) => Guard.Finite(days) / LengthInDays;

    /// <summary>Converts a span in this unit back to days: <c>units · LengthInDays</c>.</summary>
    /// <param name="units">Range: any finite number.</param>
    /// <returns>The span in days.</returns>
    public double ToDays(double units) => Guard.Finite(units) * LengthInDays;

    /// <summary>Equality of two units.</summary>
    /// <param name="left">The first unit.</param>
    /// <param name="right">The second unit.</param>
    /// <returns>Whether both have the same length.</returns>
    public static bool operator ==(TimeUnit left, TimeUnit right) => left.Equals(right);

    /// <summary>Inequality of two units.</summary>
    /// <param name="left">The first unit.</param>
    /// <param name="right">The second unit.</param>
    /// <returns>Whether the lengths differ.</returns>
    public static bool operator !=(TimeUnit left, TimeUnit right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(TimeUnit other) => _lengthMinusOne.Equals(other._lengthMinusOne);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TimeUnit other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _lengthMinusOne.GetHashCode();

    /// <summary><c>day</c>, <c>week</c>, or e.g. <c>30.4375 days</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => LengthInDays switch
    {
        1.0 => "day",
        7.0 => "week",
        double d => d.ToString("R", CultureInfo.InvariantCulture) + " days",
    };
}
