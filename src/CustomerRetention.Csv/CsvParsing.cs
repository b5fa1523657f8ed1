using System.Globalization;
using System.Runtime.CompilerServices;

namespace CustomerRetention.Csv;

/// <summary>Invariant-culture number parsing over spans, with the messages the CSV errors use.</summary>
internal static class CsvParsing
{
    private const int MaxShown = 40;

    /// <summary>A decimal: optional sign, digits, optional dot and digits; surrounding spaces allowed; no exponent, no thousands separator.</summary>
    public static bool TryParseDecimal(ReadOnlySpan<char> text, out decimal value)
    {
        text = TrimSpaces(text);
        if (TryParseDecimalFast(text, out value))
        {
            return true;
        }

        // Long mantissas (more than 18 digits): the framework's parser, restricted to the same grammar.
        const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
#if NET8_0_OR_GREATER
        return decimal.TryParse(text, Styles, CultureInfo.InvariantCulture, out value);
#else
        return decimal.TryParse(text.ToString(), Styles, CultureInfo.InvariantCulture, out value);
#endif
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseDecimalFast(ReadOnlySpan<char> text, out decimal value)
    {
        if (!TryParsePlainNumber(text, out ulong mantissa, out bool negative, out int decimals))
        {
            value = 0m;
            return false;
        }

        value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative, (byte)decimals);
        return true;
    }

    /// <summary>An amount as exact units at its own scale (amount = units · 10^−scale), for at most 18 digits and 9 decimals.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseUnits(ReadOnlySpan<char> text, out long units, out int scale)
    {
        if (!TryParsePlainNumber(text, out ulong mantissa, out bool negative, out int decimals) || decimals > 9)
        {
            units = 0;
            scale = 0;
            return false;
        }

        units = negative ? -(long)mantissa : (long)mantissa;
        scale = decimals;
        return true;
    }

    /// <summary>
    /// A plain number — optional sign, at most 18 digits, at most one decimal point, nothing else — as its
    /// digits (<paramref name="mantissa"/>) and the count of digits after the point.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryParsePlainNumber(ReadOnlySpan<char> text, out ulong mantissa, out bool negative, out int decimals)
    {
        mantissa = 0;
        decimals = 0;
        negative = false;
        int i = 0;
        if (text.Length > 0 && (text[0] == '-' || text[0] == '+'))
        {
            negative = text[0] == '-';
            i = 1;
        }

        int digits = 0;
        int afterPoint = -1;
        for (; i < text.Length; i++)
        {
            char c = text[i];
            uint d = (uint)(c - '0');
            if (d <= 9)
            {
                if (++digits > 18)
                {
                    return false;
                }

                mantissa = (mantissa * 10) + d;
                if (afterPoint >= 0)
                {
                    afterPoint++;
                }
            }
            else if (c == '.' && afterPoint < 0)
            {
                afterPoint = 0;
            }
            else
            {
                return false;
            }
        }

        decimals = Math.Max(afterPoint, 0);
        return digits > 0;
    }

    public static bool TryParseDouble(ReadOnlySpan<char> text, out double value)
    {
        text = TrimSpaces(text);
        const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
#if NET8_0_OR_GREATER
        bool ok = double.TryParse(text, Styles, CultureInfo.InvariantCulture, out value);
#else
        bool ok = double.TryParse(text.ToString(), Styles, CultureInfo.InvariantCulture, out value);
#endif
        return ok && !double.IsNaN(value) && !double.IsInfinity(value);
    }

    public static bool TryParseInt64(ReadOnlySpan<char> text, out long value)
    {
        text = TrimSpaces(text);
#if NET8_0_OR_GREATER
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
#else
        return long.TryParse(text.ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
#endif
    }

    public static string DecimalProblem(ReadOnlySpan<char> text)
    {
        ReadOnlySpan<char> t = TrimSpaces(text);
        if (t.IsEmpty)
        {
            return "empty value (expected a decimal number)";
        }

        if (IsNonFinite(t))
        {
            return $"'{Show(t)}' is not a finite decimal number";
        }

        if (t.IndexOf(',') >= 0)
        {
            return $"'{Show(t)}' is not a decimal number in the invariant culture (a dot for decimals, no thousands separator)";
        }

        return $"'{Show(t)}' is not a decimal number";
    }

    public static string DoubleProblem(ReadOnlySpan<char> text)
    {
        ReadOnlySpan<char> t = TrimSpaces(text);
        if (t.IsEmpty)
        {
            return "empty value (expected a number)";
        }

        if (IsNonFinite(t) || TryParseDoubleAny(t))
        {
            return $"'{Show(t)}' is not a finite number";
        }

        if (t.IndexOf(',') >= 0)
        {
            return $"'{Show(t)}' is not a number in the invariant culture (a dot for decimals, no thousands separator)";
        }

        return $"'{Show(t)}' is not a number";
    }

    /// <summary>The text for a message: control characters replaced, long text shortened.</summary>
    public static string Show(ReadOnlySpan<char> text, int maxLength = MaxShown)
    {
        ReadOnlySpan<char> t = text.Length > maxLength ? text.Slice(0, maxLength) : text;
        var chars = new char[t.Length];
        for (int i = 0; i < t.Length; i++)
        {
            char c = t[i];
            bool lineBreaking = char.IsControl(c) || c == '\u2028' || c == '\u2029' || char.IsSurrogate(c) || c == '\uFFFD';
            chars[i] = lineBreaking ? '?' : c;
        }

        return new string(chars) + (text.Length > maxLength ? "…" : string.Empty);
    }

    public static ReadOnlySpan<char> TrimSpaces(ReadOnlySpan<char> text)
    {
        int start = 0;
        int end = text.Length;
        while (start < end && (text[start] == ' ' || text[start] == '\t'))
        {
            start++;
        }

        while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\t'))
        {
            end--;
        }

        return text.Slice(start, end - start);
    }

    private static bool TryParseDoubleAny(ReadOnlySpan<char> t)
    {
#if NET8_0_OR_GREATER
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && (double.IsNaN(v) || double.IsInfinity(v));
#else
        return double.TryParse(t.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && (double.IsNaN(v) || double.IsInfinity(v));
#endif
    }

    private static bool IsNonFinite(ReadOnlySpan<char> t)
    {
        ReadOnlySpan<char> s = t.Length > 0 && (t[0] == '-' || t[0] == '+') ? t.Slice(1) : t;
        return s.Equals("nan".AsSpan(), StringComparison.OrdinalIgnoreCase)
            || s.Equals("inf".AsSpan(), StringComparison.OrdinalIgnoreCase)
            || s.Equals("infinity".AsSpan(), StringComparison.OrdinalIgnoreCase)
            || s.Equals("∞".AsSpan(), StringComparison.Ordinal);
    }
}
