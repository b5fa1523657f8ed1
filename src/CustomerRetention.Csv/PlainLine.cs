using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CustomerRetention.Csv;

/// <summary>The plain transactions line (<c>id,yyyy-MM-dd,amount</c>), parsed straight from UTF-8 bytes by the byte-level readers.</summary>
internal static class PlainLine
{
    /// <summary>
    /// The common line, parsed in one pass over the bytes: <c>id,yyyy-MM-dd,amount</c> then LF or CRLF, with an
    /// unquoted id without surrounding spaces and a plain amount (the grammar of <see cref="CsvParsing.TryParseUnits"/>).
    /// Returns the position after the line, or −1 for any other line. A line feed is known to follow
    /// <paramref name="pos"/> in <paramref name="chunk"/>. Thread-safe (no state).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Parse(ReadOnlySpan<byte> chunk, int pos, out int idLength, out int day, out long units, out int scale)
    {
        day = 0;
        units = 0;
        scale = 0;

        // The id: up to the first comma; a quote, CR or LF before it means another kind of line.
        int i = pos;
        while (true)
        {
            byte b = chunk[i];
            if (b == (byte)',')
            {
                break;
            }

            if (b == (byte)'"' || b == (byte)'\n' || b == (byte)'\r')
            {
                idLength = 0;
                return -1;
            }

            i++;
        }

        idLength = i - pos;
        if (idLength == 0 || IsSpace(chunk[pos]) || IsSpace(chunk[i - 1]))
        {
            return -1;
        }

        return ParseAfterId(chunk, i, out day, out units, out scale);
    }

    /// <summary>
    /// The rest of a plain line whose id ends at the comma at <paramref name="comma"/>: the date, the amount and the line
    /// end, as <see cref="Parse"/> reads them. Returns the position after the line, or −1 for any other line.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ParseAfterId(ReadOnlySpan<byte> chunk, int comma, out int day, out long units, out int scale)
    {
        day = 0;
        units = 0;
        scale = 0;
        int i = comma;
        if (i + 12 > chunk.Length)
        {
            return -1;
        }

        // The date: yyyy-MM-dd and a comma, its first eight bytes checked as one word.
        if (!TryDate(chunk.Slice(i + 1, 11), out day))
        {
            return -1;
        }

        return ParseAmount(chunk, i + 12, out units, out scale);
    }

    /// <summary>
    /// The amount at <paramref name="start"/> up to LF or CRLF (the grammar of <see cref="CsvParsing.TryParseUnits"/>):
    /// the position after the line, or −1. Up to 8 bytes of digits and one point are read as one word; anything else
    /// goes byte by byte (<see cref="ParseAmountByBytes"/>, which gives the same answer for every input).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int ParseAmount(ReadOnlySpan<byte> chunk, int start, out long units, out int scale)
    {
        if (BitConverter.IsLittleEndian && chunk.Length - start >= 9)
        {
            ulong word = MemoryMarshal.Read<ulong>(chunk.Slice(start, 8));
            int length = ShortAmount(word, out units, out scale);
            if (length > 0)
            {
                byte end = chunk[start + length];
                if (end == (byte)'\n')
                {
                    return start + length + 1;
                }

                if (end == (byte)'\r' && chunk[start + length + 1] == (byte)'\n')
                {
                    return start + length + 2;
                }
            }
        }

        return ParseAmountByBytes(chunk, start, out units, out scale);
    }

    /// <summary>The amount at <paramref name="start"/> read byte by byte (any length, a sign); see <see cref="ParseAmount"/>.</summary>
    internal static int ParseAmountByBytes(ReadOnlySpan<byte> chunk, int start, out long units, out int scale)
    {
        units = 0;
        scale = 0;
        int j = start;
        bool negative = false;
        byte first = chunk[j];
        if (first == (byte)'-' || first == (byte)'+')
        {
            negative = first == (byte)'-';
            j++;
        }

        long mantissa = 0;
        int digits = 0;
        int decimals = -1;
        byte c;
        while (true)
        {
            c = chunk[j];
            uint digit = (uint)(c - '0');
            if (digit <= 9)
            {
                if (++digits > 18)
                {
                    return -1;
                }

                mantissa = (mantissa * 10) + digit;
                if (decimals >= 0)
                {
                    decimals++;
                }
            }
            else if (c == (byte)'.' && decimals < 0)
            {
                decimals = 0;
            }
            else
            {
                break;
            }

            j++;
        }

        if (c == (byte)'\r' && j + 1 < chunk.Length && chunk[j + 1] == (byte)'\n')
        {
            j++;
        }
        else if (c != (byte)'\n')
        {
            return -1;
        }

        if (digits == 0 || decimals > 9)
        {
            return -1;
        }

        units = negative ? -mantissa : mantissa;
        scale = Math.Max(decimals, 0);
        return j + 1;
    }

    /// <summary>
    /// An amount of digits with at most one point among the first bytes of <paramref name="word"/> (little-endian), up to
    /// the first byte that is neither: its length, or 0 when there is none within the 8 bytes, no digit, or two points.
    /// The byte that ends it is the caller's to check. No branch per byte: the amount's length varies from row to row
    /// and would cost a mispredicted branch a row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ShortAmount(ulong word, out long units, out int scale)
    {
        const ulong High = 0x8080808080808080UL, Low7 = 0x7F7F7F7F7F7F7F7FUL;
        units = 0;
        scale = 0;

        // Per byte, without carries between bytes: the high bit set where the byte is not '0'..'9', and where it is '.'.
        ulong low = word & Low7;
        ulong notDigit = ((low + 0x4646464646464646UL) | ~(low + 0x5050505050505050UL) | word) & High;
        ulong pointBytes = word ^ 0x2E2E2E2E2E2E2E2EUL;
        ulong point = ~(((pointBytes & Low7) + Low7) | pointBytes) & High;
        ulong end = notDigit & ~point;
        if (end == 0)
        {
            return 0;
        }

        int length = TrailingZeroCount(end) >> 3;
        point &= (end & (0 - end)) - 1; // the points before the end
        if ((point & (point - 1)) != 0 || length - (point != 0 ? 1 : 0) == 0)
        {
            return 0;
        }

        ulong digits = word;
        int digitCount = length;
        if (point != 0)
        {
            // Drop the point: the bytes after it move down one place.
            int at = TrailingZeroCount(point) >> 3;
            ulong below = (1UL << (8 * at)) - 1;
            digits = (digits & below) | ((digits >> 8) & ~below);
            digitCount--;
            scale = length - 1 - at;
        }

        // The digits' values, the first one highest, then pairs, fours and all eight combined (the bytes beyond the
        // digits shift out).
        digits = (digits - 0x3030303030303030UL) << (8 * (8 - digitCount));
        digits = ((digits * 0x0A01UL) >> 8) & 0x00FF00FF00FF00FFUL;
        digits = ((digits * 0x0064_0001UL) >> 16) & 0x0000FFFF0000FFFFUL;
        units = (long)((digits * 0x0000_2710_0000_0001UL) >> 32);
        return length;
    }

    private static int TrailingZeroCount(ulong value)
    {
#if NET8_0_OR_GREATER
        return System.Numerics.BitOperations.TrailingZeroCount(value);
#else
        int count = 0;
        while ((value & 1) == 0)
        {
            value >>= 1;
            count++;
        }

        return count;
#endif
    }

    /// <summary>
    /// Whether the ids of <paramref name="length"/> bytes at <paramref name="a"/> and <paramref name="b"/> are equal; both
    /// must be followed by at least 8 bytes of <paramref name="chunk"/> (the rest of their lines).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool SameId(ReadOnlySpan<byte> chunk, int a, int b, int length)
    {
        if (length <= 8 && BitConverter.IsLittleEndian)
        {
            ref byte start = ref MemoryMarshal.GetReference(chunk);
            ulong difference = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, a)) ^ Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, b));
            return (difference << (8 * (8 - length))) == 0;
        }

        return chunk.Slice(a, length).SequenceEqual(chunk.Slice(b, length));
    }

    /// <summary>
    /// A well-mixed hash of the id of <paramref name="length"/> bytes at <paramref name="start"/>, which must be followed
    /// by at least 8 bytes of <paramref name="chunk"/> (the rest of its line): ids of up to 8 bytes are hashed as one word.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int IdHash(ReadOnlySpan<byte> chunk, int start, int length)
    {
        if (length > 8 || !BitConverter.IsLittleEndian)
        {
            return Utf8CustomerIds.Hash(chunk.Slice(start, length));
        }

        ulong word = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref MemoryMarshal.GetReference(chunk), start)) << (8 * (8 - length));
        ulong h = (word ^ (ulong)length) * 0x9E3779B97F4A7C15UL;
        return (int)((h ^ (h >> 29)) >> 33);
    }

    /// <summary>The day number of <c>yyyy-MM-dd,</c> (11 bytes); false for anything else.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryDate(ReadOnlySpan<byte> d, out int day)
    {
        if (BitConverter.IsLittleEndian)
        {
            // "yyyy-MM-" minus "0000-00-" byte by byte: digits become 0..9 and the dashes 0. A byte below its expected
            // value borrows and shows as a high nibble (so does any byte above '9'), which fails the check below.
            ulong x = Unsafe.ReadUnaligned<ulong>(ref MemoryMarshal.GetReference(d)) - 0x2D30302D30303030UL;
            int d0 = d[8] - '0', d1 = d[9] - '0';
            if ((((x + 0x0606060606060606UL) | x) & 0xF0F0F0F0F0F0F0F0UL) != 0 || (x & 0xFF0000FF00000000UL) != 0
                || ((uint)d0 > 9) | ((uint)d1 > 9) || d[10] != (byte)',')
            {
                day = 0;
                return false;
            }

            int year = ((int)(x & 0xFF) * 1000) + ((int)((x >> 8) & 0xFF) * 100) + ((int)((x >> 16) & 0xFF) * 10) + (int)((x >> 24) & 0xFF);
            int month = ((int)((x >> 40) & 0xFF) * 10) + (int)((x >> 48) & 0xFF);
            return TryDayNumber(year, month, (d0 * 10) + d1, out day);
        }

        if (d[4] != (byte)'-' || d[7] != (byte)'-' || d[10] != (byte)',')
        {
            day = 0;
            return false;
        }

        int y0 = d[0] - '0', y1 = d[1] - '0', y2 = d[2] - '0', y3 = d[3] - '0', m0 = d[5] - '0', m1 = d[6] - '0', e0 = d[8] - '0', e1 = d[9] - '0';
        if (((uint)y0 > 9) | ((uint)y1 > 9) | ((uint)y2 > 9) | ((uint)y3 > 9) | ((uint)m0 > 9) | ((uint)m1 > 9) | ((uint)e0 > 9) | ((uint)e1 > 9))
        {
            day = 0;
            return false;
        }

        return TryDayNumber((y0 * 1000) + (y1 * 100) + (y2 * 10) + y3, (m0 * 10) + m1, (e0 * 10) + e1, out day);
    }

    /// <summary>The day number of a date given by its parts; false for no such date (or a year before 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryDayNumber(int year, int month, int dayOfMonth, out int day)
    {
        int monthIndex = ((year - MonthTable.FirstYear) * 12) + month - 1;
        if ((uint)(year - MonthTable.FirstYear) < MonthTable.Years && (uint)(month - 1) < 12)
        {
            // Common years: the day number of the month's first day and the month's length from a table.
            day = MonthTable.Starts[monthIndex] + dayOfMonth - 1;
            return (uint)(dayOfMonth - 1) < MonthTable.Lengths[monthIndex];
        }

        if (year < 1)
        {
            day = 0;
            return false;
        }

        return CustomerRetention.DayNumbers.TryFromYearMonthDay(year, month, dayOfMonth, out day);
    }

    /// <summary>Day numbers of the first day of each month of the years 1900..2199, and the months' lengths.</summary>
    internal static class MonthTable
    {
        public const int FirstYear = 1900;
        public const int Years = 300;

        public static readonly int[] Starts = MakeStarts();

        public static readonly byte[] Lengths = MakeLengths();

        private static int[] MakeStarts()
        {
            var starts = new int[Years * 12];
            for (int i = 0; i < starts.Length; i++)
            {
                CustomerRetention.DayNumbers.TryFromYearMonthDay(FirstYear + (i / 12), (i % 12) + 1, 1, out starts[i]);
            }

            return starts;
        }

        private static byte[] MakeLengths()
        {
            var lengths = new byte[Years * 12];
            for (int i = 0; i < lengths.Length; i++)
            {
                int year = FirstYear + (i / 12);
                int month = (i % 12) + 1;
                byte length = 28;
                while (length < 31 && CustomerRetention.DayNumbers.TryFromYearMonthDay(year, month, length + 1, out _))
                {
                    length++;
                }

                lengths[i] = length;
            }

            return lengths;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSpace(byte b) => b == (byte)' ' || b == (byte)'\t';
}
