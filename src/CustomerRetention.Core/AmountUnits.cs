namespace CustomerRetention;

/// <summary>
/// Exact amounts as scaled integers: amount = units · 10^−scale, 0 ≤ scale ≤ 9 (12.99 is 1299 at scale 2). The form in
/// which <see cref="TransactionTable"/> keeps amounts and <see cref="PurchaseTotals"/> sums them: integer sums, exact.
/// </summary>
public static class AmountUnits
{
    /// <summary>The most decimals a scale may have: 9.</summary>
    public const int MaxScale = 9;

    private static readonly long[] Powers =
    [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
        10_000_000_000, 100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000,
        1_000_000_000_000_000, 10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000,
    ];

    /// <summary>10^<paramref name="exponent"/>.</summary>
    /// <param name="exponent">Range: 0 ≤ exponent ≤ 18.</param>
    /// <returns>The power of ten.</returns>
    public static long Pow10(int exponent) => (uint)exponent < (uint)Powers.Length ? Powers[exponent] : throw new ArgumentOutOfRangeException(nameof(exponent), exponent, "The exponent must be between 0 and 18.");

    /// <summary>The exact decimal units · 10^−scale.</summary>
    /// <param name="units">The units, any sign.</param>
    /// <param name="scale">Range: 0 ≤ scale ≤ 9.</param>
    /// <returns>The amount, with <paramref name="scale"/> decimals.</returns>
    public static decimal ToDecimal(long units, int scale)
    {
        Guard.InRange(scale, 0, MaxScale);
        bool negative = units < 0;
        ulong magnitude = negative ? (ulong)(-(units + 1)) + 1 : (ulong)units;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, negative, (byte)scale);
    }

    /// <summary>Multiplies by 10^by unless that overflows.</summary>
    /// <param name="units">The units, any sign.</param>
    /// <param name="by">The decimals to add. Range: 0 ≤ by ≤ 18.</param>
    /// <param name="rescaled">units · 10^by, or 0 when that overflows.</param>
    /// <returns>Whether it fits a long.</returns>
    public static bool TryRescale(long units, int by, out long rescaled)
    {
        long factor = Pow10(by);
        long limit = long.MaxValue / factor;
        if (units > limit || units < -limit)
        {
            rescaled = 0;
            return false;
        }

        rescaled = units * factor;
        return true;
    }

    /// <summary>The decimal as units at its own scale (trailing zeros kept), if the scale is at most 9 and the units fit in a long.</summary>
    /// <param name="value">The amount.</param>
    /// <param name="units">Its units, or 0.</param>
    /// <param name="scale">Its number of decimals, or 0.</param>
    /// <returns>Whether it fits.</returns>
    public static bool TryFromDecimal(decimal value, out long units, out int scale)
    {
#if NET8_0_OR_GREATER
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
#else
        int[] bits = decimal.GetBits(value);
#endif
        scale = (bits[3] >> 16) & 0xFF;
        if (bits[2] != 0 || scale > MaxScale || bits[1] < 0)
        {
            units = 0;
            return false;
        }

        long magnitude = ((long)bits[1] << 32) | (uint)bits[0];
        units = bits[3] < 0 ? -magnitude : magnitude;
        return true;
    }
}
