using System.Globalization;

namespace CustomerRetention;

/// <summary>
/// A probability: a number in [0, 1], validated on creation, so that a value of this type is never
/// NaN and never out of range. Converts implicitly to <see cref="double"/>.
/// </summary>
/// <remarks>Its default value is 0. Contrast with a rate per period (churn, retention), which has its own types.</remarks>
public readonly struct Probability : IEquatable<Probability>, IComparable<Probability>
{
    /// <summary>Creates the probability <paramref name="value"/>.</summary>
    /// <param name="value">Range: 0 ≤ value ≤ 1.</param>
    public Probability(double value) => Value = Guard.Probability(value);

    /// <summary>The impossible event, 0.</summary>
    public static Probability Zero => default;

    /// <summary>The certain event, 1.</summary>
    public static Probability One => new(1.0);

    /// <summary>The value, 0 ≤ p ≤ 1.</summary>
    public double Value { get; }

    /// <summary>The complement 1 − p (the probability that the event does not happen).</summary>
    public Probability Complement => new(1.0 - Value);

    /// <summary>The value as a double.</summary>
    /// <param name="probability">The probability.</param>
    public static implicit operator double(Probability probability) => probability.Value;

    /// <summary>Equality of two probabilities.</summary>
    /// <param name="left">The first probability.</param>
    /// <param name="right">The second probability.</param>
    /// <returns>Whether the values are equal.</returns>
    public static bool operator ==(Probability left, Probability right) => left.Equals(right);

    /// <summary>Inequality of two probabilities.</summary>
    /// <param name="left">The first probability.</param>
    /// <param name="right">The second probability.</param>
    /// <returns>Whether the values differ.</returns>
    public static bool operator !=(Probability left, Probability right) => !left.Equals(right);

    /// <summary>Whether <paramref name="left"/> is less than <paramref name="right"/>.</summary>
    /// <param name="left">The first probability.</param>
    /// <param name="right">The second probability.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(Probability left, Probability right) => left.Value < right.Value;

    /// <summary>Whether <paramref name="left"/> is greater than <paramref name="right"/>.</summary>
    /// <param name="left">The first probability.</param>
    /// <param name="right">The second probability.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(Probability left, Probability right) => left.Value > right.Value;

    /// <summary>Whether <paramref name="left"/> is at most <paramref name="right"/>.</summary>
    /// <param name="left">The first probability.</param>
    /// <param name="right">The second probability.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(Probability left, Probability right) => left.Value <= right.Value;

    /// <summary>Whether <paramref name="left"/> is at least <paramref name="right"/>.</summary>
    /// <param name="left">The first probability.</param>
    /// <param name="right">The second probability.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(Probability left, Probability right) => left.Value >= right.Value;

    /// <summary>The value as a double (same as the implicit conversion).</summary>
    /// <returns><see cref="Value"/>.</returns>
    public double ToDouble() => Value;

    /// <inheritdoc/>
    public bool Equals(Probability other) => Value.Equals(other.Value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Probability other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode();

    /// <inheritdoc/>
    public int CompareTo(Probability other) => Value.CompareTo(other.Value);

    /// <summary>The value in the invariant culture, round-trippable.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture);
}
