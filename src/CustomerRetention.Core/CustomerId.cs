namespace CustomerRetention;

/// <summary>
/// A customer's identifier: an opaque string compared ordinally (case-sensitive, culture-free),
/// exactly as it appears in the input (<c>"C01"</c> and <c>"c01"</c> are two customers).
/// </summary>
/// <remarks>
/// A small immutable value, safe to share between threads. Its default value holds the empty string.
/// Contrast with the dense customer index of a <see cref="TransactionTable"/>: an <c>int</c> 0..n−1
/// that the columnar entry points use instead of the id itself.
/// </remarks>
public readonly struct CustomerId : IEquatable<CustomerId>, IComparable<CustomerId>
{
    private readonly string? _value;

    /// <summary>Creates the id <paramref name="value"/>.</summary>
    /// <param name="value">The identifier as written in the source; any string, compared ordinally.</param>
    public CustomerId(string value) => _value = Guard.NotNull(value);

    /// <summary>The identifier; the empty string for <c>default(CustomerId)</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Ordinal equality of two ids.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>Whether the two ids are the same string.</returns>
    public static bool operator ==(CustomerId left, CustomerId right) => left.Equals(right);

    /// <summary>Ordinal inequality of two ids.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>Whether the two ids differ.</returns>
    public static bool operator !=(CustomerId left, CustomerId right) => !left.Equals(right);

    /// <summary>Ordinal order: before.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>Whether <paramref name="left"/> sorts before <paramref name="right"/>.</returns>
    public static bool operator <(CustomerId left, CustomerId right) => left.CompareTo(right) < 0;

    /// <summary>Ordinal order: after.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>Whether <paramref name="left"/> sorts after <paramref name="right"/>.</returns>
    public static bool operator >(CustomerId left, CustomerId right) => left.CompareTo(right) > 0;

    /// <summary>Ordinal order: before or equal.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>Whether <paramref name="left"/> sorts before or equals <paramref name="right"/>.</returns>
    public static bool operator <=(CustomerId left, CustomerId right) => left.CompareTo(right) <= 0;

    /// <summary>Ordinal order: after or equal.</summary>
    /// <param name="left">The first id.</param>
    /// <param name="right">The second id.</param>
    /// <returns>Whether <paramref name="left"/> sorts after or equals <paramref name="right"/>.</returns>
    public static bool operator >=(CustomerId left, CustomerId right) => left.CompareTo(right) >= 0;

    /// <inheritdoc/>
    public bool Equals(CustomerId other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CustomerId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc/>
    public int CompareTo(CustomerId other) => string.CompareOrdinal(Value, other.Value);

    /// <summary>The identifier itself.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value;
}
