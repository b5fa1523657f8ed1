namespace CustomerRetention;

/// <summary>Exact amounts as scaled integers: amount = units · 10^−scale, 0 ≤ scale ≤ 9.</summary>
internal static class AmountUnits
{
    public const int MaxScale = 9;

    private static readonly long[] Powers =
    [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
        10_000_000_000, 100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000,
        1_000_000_000_000_000, 10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000,
    ];

    public static long Pow10(int exponent) => Powers[exponent];

    public static decimal ToDecimal(long units, int scale)
    {
        bool negative = units < 0;
        ulong magnitude = negative ? (ulong)(-(units + 1)) + 1 : (ulong)units;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, negative, (byte)scale);
    }

    /// <summary>Multiplies by 10^by unless that overflows.</summary>
    public static bool TryRescale(long units, int by, out long rescaled)
    {
        long factor = Powers[by];
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
