using NodaTime;
using NodaTime.Text;

namespace CustomerRetention.Csv;

/// <summary>
/// Parses dates to day numbers: <c>yyyy-MM-dd</c> and <c>yyyyMMdd</c> by hand (no allocation),
/// any other NodaTime pattern through NodaTime (invariant culture).
/// </summary>
internal sealed class DateParser
{
    private static readonly DateParser IsoParser = new(LocalDatePattern.Iso, Kind.Iso, "yyyy-MM-dd");

    private readonly LocalDatePattern _pattern;
    private readonly Kind _kind;

    private DateParser(LocalDatePattern pattern, Kind kind, string? patternText = null)
    {
        _pattern = pattern;
        _kind = kind;
        PatternText = patternText ?? pattern.PatternText;
    }

    private enum Kind
    {
        Iso,
        Compact,
        Other,
    }

    public string PatternText { get; }

    /// <summary>Whether this is the <c>yyyy-MM-dd</c> parser (the byte-level reader parses that pattern itself).</summary>
    public bool IsIso => _kind == Kind.Iso;

    public static DateParser For(LocalDatePattern pattern) =>
        ReferenceEquals(pattern, LocalDatePattern.Iso) ? IsoParser : new DateParser(pattern, KindOf(pattern.PatternText));

    /// <summary>A parser for a pattern text such as <c>yyyy-MM-dd</c> or <c>dd/MM/yyyy</c>.</summary>
    /// <exception cref="ArgumentException">The text is not a valid NodaTime date pattern.</exception>
    public static DateParser For(string patternText)
    {
        Kind kind = KindOf(patternText);
        if (kind == Kind.Iso)
        {
            return IsoParser;
        }

        LocalDatePattern pattern;
        try
        {
            pattern = LocalDatePattern.CreateWithInvariantCulture(patternText);
        }
        catch (InvalidPatternException e)
        {
            throw new ArgumentException($"'{patternText}' is not a date pattern: {e.Message}", nameof(patternText), e);
        }

        return new DateParser(pattern, kind);
    }

    public bool TryParse(ReadOnlySpan<char> text, out int dayNumber)
    {
        switch (_kind)
        {
            case Kind.Iso:
                if (text.Length == 10 && text[4] == '-' && text[7] == '-')
                {
                    return TryYmd(Digits(text, 0, 4), Digits(text, 5, 2), Digits(text, 8, 2), out dayNumber);
                }

                break;
            case Kind.Compact:
                if (text.Length == 8)
                {
                    return TryYmd(Digits(text, 0, 4), Digits(text, 4, 2), Digits(text, 6, 2), out dayNumber);
                }

                break;
            default:
                ParseResult<LocalDate> result = _pattern.Parse(text.ToString());
                if (result.Success)
                {
                    dayNumber = DayNumbers.FromDate(result.Value);
                    return true;
                }

                break;
        }

        dayNumber = 0;
        return false;
    }

    private static Kind KindOf(string patternText) => patternText switch
    {
        "yyyy-MM-dd" or "uuuu-MM-dd" => Kind.Iso,
        "yyyyMMdd" or "uuuuMMdd" => Kind.Compact,
        _ => Kind.Other,
    };

    private static int Digits(ReadOnlySpan<char> text, int start, int count)
    {
        int value = 0;
        for (int i = start; i < start + count; i++)
        {
            uint d = (uint)(text[i] - '0');
            if (d > 9)
            {
                return -1;
            }

            value = (value * 10) + (int)d;
        }

        return value;
    }

    private static bool TryYmd(int year, int month, int day, out int dayNumber)
    {
        if (year < 1)
        {
            dayNumber = 0;
            return false;
        }

        return DayNumbers.TryFromYearMonthDay(year, month, day, out dayNumber);
    }
}
