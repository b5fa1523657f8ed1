using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace CustomerRetention;

/// <summary>
/// Argument checks shared by every library. Each method returns the checked value, so a guard
/// reads as an assignment (<c>_rate = Guard.Probability(rate);</c>), and takes the parameter's
/// name from <see cref="CallerArgumentExpressionAttribute"/>, so messages always name it.
/// </summary>
/// <remarks>
/// Compiled into each assembly (see <c>src/Shared/README.md</c>). NaN and infinities are rejected
/// by every numeric check: a result of this library is never NaN because an input was.
/// Check null arguments first, in parameter order, then ranges: the public-surface test relies on it.
/// </remarks>
internal static class Guard
{
    /// <summary>Rejects null.</summary>
    public static T NotNull<T>([NotNull] T? value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        where T : class
    {
        if (value is null)
        {
            throw new ArgumentNullException(paramName);
        }

        return value;
    }

    /// <summary>Rejects null, the empty string and white space.</summary>
    public static string NotNullOrWhiteSpace([NotNull] string? value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value is null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("Value must not be empty or white space.", paramName);
        }

        return value;
    }

    /// <summary>Rejects NaN and infinities.</summary>
    public static double Finite(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, "Value must be a finite number.");
        }

        return value;
    }

    /// <summary>Rejects NaN, infinities and values below zero.</summary>
    public static double NonNegative(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        Finite(value, paramName);
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, "Value must be zero or greater.");
        }

        return value;
    }

    /// <summary>Rejects NaN, infinities, zero and values below zero.</summary>
    public static double Positive(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        Finite(value, paramName);
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, "Value must be greater than zero.");
        }

        return value;
    }

    /// <summary>Rejects values outside [0, 1] (and NaN).</summary>
    public static double Probability(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        => InRange(value, 0.0, 1.0, paramName);

    /// <summary>Rejects values outside the closed range [<paramref name="min"/>, <paramref name="max"/>] (and NaN).</summary>
    public static double InRange(double value, double min, double max, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        Finite(value, paramName);
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(paramName, value, FormattableString.Invariant($"Value must be between {min} and {max}."));
        }

        return value;
    }

    /// <summary>Rejects negative integers.</summary>
    public static int NonNegative(int value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, "Value must be zero or greater.");
        }

        return value;
    }

    /// <summary>Rejects negative 64-bit integers.</summary>
    public static long NonNegative(long value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, "Value must be zero or greater.");
        }

        return value;
    }

    /// <summary>Rejects zero and negative integers.</summary>
    public static int Positive(int value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, "Value must be greater than zero.");
        }

        return value;
    }

    /// <summary>Rejects integers outside the closed range [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static int InRange(int value, int min, int max, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(paramName, value, FormattableString.Invariant($"Value must be between {min} and {max}."));
        }

        return value;
    }

    /// <summary>Rejects negative decimals.</summary>
    public static decimal NonNegative(decimal value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, "Value must be zero or greater.");
        }

        return value;
    }

    /// <summary>Rejects an undefined value of an enum.</summary>
    public static TEnum Defined<TEnum>(TEnum value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(typeof(TEnum), value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"Value is not a defined {typeof(TEnum).Name}.");
        }

        return value;
    }

    /// <summary>Rejects a span that contains NaN or an infinity; the message names the first bad index.</summary>
    public static void AllFinite(ReadOnlySpan<double> values, [CallerArgumentExpression(nameof(values))] string? paramName = null)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]) || double.IsInfinity(values[i]))
            {
                throw new ArgumentOutOfRangeException(paramName, values[i], FormattableString.Invariant($"Element {i} must be a finite number."));
            }
        }
    }

    /// <summary>Rejects spans whose lengths differ.</summary>
    public static void SameLength(int expected, int actual, [CallerArgumentExpression(nameof(actual))] string? paramName = null)
    {
        if (expected != actual)
        {
            throw new ArgumentException(FormattableString.Invariant($"Length {actual} differs from the expected length {expected}."), paramName);
        }
    }
}
