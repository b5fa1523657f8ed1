using System.Globalization;

namespace CustomerRetention;

/// <summary>
/// One customer's inputs to the probabilistic models at a calibration end, in a <see cref="TimeUnit"/>:
/// frequency x (repeat purchase days), recency t_x (first to last purchase day), T (first purchase
/// day to the calibration end) and the monetary value z̄ (mean amount of the repeat purchase days).
/// Notation of Fader, Hardie &amp; Lee (2005), "Counting your customers the easy way", section 2.
/// </summary>
/// <remarks>Invariants: x ≥ 0, 0 ≤ t_x ≤ T, and t_x = 0 when x = 0 (z̄ = 0 too). The default value is all zeros.</remarks>
public readonly struct ModelInput : IEquatable<ModelInput>
{
    /// <summary>Creates the inputs; see the properties for their ranges.</summary>
    /// <param name="frequency">x. Range: x ≥ 0.</param>
    /// <param name="recency">t_x. Range: 0 ≤ t_x ≤ T.</param>
    /// <param name="t">T. Range: T ≥ 0.</param>
    /// <param name="monetaryValue">z̄, any sign (refunds may make it negative).</param>
    public ModelInput(int frequency, double recency, double t, decimal monetaryValue)
    {
        Frequency = Guard.NonNegative(frequency);
        T = Guard.NonNegative(t);
        Recency = Guard.InRange(recency, 0, t);
        MonetaryValue = monetaryValue;
    }

    /// <summary>x: the number of repeat purchase days (distinct purchase days − 1).</summary>
    public int Frequency { get; }

    /// <summary>t_x: the time from the first to the last purchase day, in the unit.</summary>
    public double Recency { get; }

    /// <summary>T: the time from the first purchase day to the calibration end, in the unit.</summary>
    public double T { get; }

    /// <summary>z̄: the mean amount of the repeat purchase days (first day excluded), 0 when x = 0; exact decimal.</summary>
    public decimal MonetaryValue { get; }

    /// <summary>Equality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether all parts are equal.</returns>
    public static bool operator ==(ModelInput left, ModelInput right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether a part differs.</returns>
    public static bool operator !=(ModelInput left, ModelInput right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(ModelInput other) =>
        Frequency == other.Frequency && Recency.Equals(other.Recency) && T.Equals(other.T) && MonetaryValue == other.MonetaryValue;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ModelInput other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        unchecked
        {
            int h = Frequency;
            h = (h * 397) ^ Recency.GetHashCode();
            h = (h * 397) ^ T.GetHashCode();
            return (h * 397) ^ MonetaryValue.GetHashCode();
        }
    }

    /// <summary>E.g. <c>x=2, t_x=30.43, T=38.86, zbar=22.35</c> (invariant culture, full precision).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture, "x={0}, t_x={1:R}, T={2:R}, zbar={3}", Frequency, Recency, T, MonetaryValue);
}
