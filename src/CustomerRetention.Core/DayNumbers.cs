using NodaTime;

namespace CustomerRetention;

/// <summary>
/// Calendar dates as day numbers: the number of days since 1970-01-01 (day 0), negative before it.
/// The columnar types (<see cref="TransactionTable"/>, the span entry of
/// <see cref="PurchaseAggregator"/>) store dates this way: an <c>int</c> per row, and the number of
/// days between two dates is a subtraction.
/// </summary>
public static class DayNumbers
{
    /// <summary>The date of day number 0: 1970-01-01.</summary>
    public static LocalDate Epoch => new(1970, 1, 1);

    /// <summary>The day number of <paramref name="date"/> (ISO calendar; other calendars are converted).</summary>
    /// <param name="date">Any date of NodaTime's range.</param>
    /// <returns>Days since 1970-01-01.</returns>
    public static int FromDate(LocalDate date)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            date = date.WithCalendar(CalendarSystem.Iso);
        }

        return FromYearMonthDay(date.Year, date.Month, date.Day);
    }

    /// <summary>The date of day number <paramref name="dayNumber"/>.</summary>
    /// <param name="dayNumber">Days since 1970-01-01; Range: within NodaTime's ISO calendar (about ±9,999 years).</param>
    /// <returns>The ISO date.</returns>
    public static LocalDate ToDate(int dayNumber)
    {
        // Howard Hinnant's civil_from_days (public-domain algorithm, "chrono-Compatible Low-Level Date Algorithms").
        long z = (long)dayNumber + 719468;
        long era = (z >= 0 ? z : z - 146096) / 146097;
        long doe = z - (era * 146097);
        long yoe = (doe - (doe / 1460) + (doe / 36524) - (doe / 146096)) / 365;
        long y = yoe + (era * 400);
        long doy = doe - ((365 * yoe) + (yoe / 4) - (yoe / 100));
        long mp = ((5 * doy) + 2) / 153;
        long d = doy - (((153 * mp) + 2) / 5) + 1;
        long m = mp < 10 ? mp + 3 : mp - 9;
        if (m <= 2)
        {
            y++;
        }

        return new LocalDate((int)y, (int)m, (int)d);
    }

    /// <summary>Days since 1970-01-01 of a valid proleptic Gregorian date (Hinnant's days_from_civil).</summary>
    internal static int FromYearMonthDay(int year, int month, int day)
    {
        long y = month <= 2 ? year - 1 : year;
        long era = (y >= 0 ? y : y - 399) / 400;
        long yoe = y - (era * 400);
        long mp = month > 2 ? month - 3 : month + 9;
        long doy = (((153 * mp) + 2) / 5) + day - 1;
        long doe = (yoe * 365) + (yoe / 4) - (yoe / 100) + doy;
        return (int)((era * 146097) + doe - 719468);
    }

    /// <summary>The day number of year/month/day, when that is a valid Gregorian date in NodaTime's range (what file readers parse dates into without a <see cref="LocalDate"/>).</summary>
    /// <param name="year">The year, e.g. 1997.</param>
    /// <param name="month">The month, 1–12.</param>
    /// <param name="day">The day of the month, 1–31.</param>
    /// <param name="dayNumber">Days since 1970-01-01, or 0 when there is no such date.</param>
    /// <returns>Whether there is such a date.</returns>
    public static bool TryFromYearMonthDay(int year, int month, int day, out int dayNumber)
    {
        bool valid = IsValid(year, month, day);
        dayNumber = valid ? FromYearMonthDay(year, month, day) : 0;
        return valid;
    }

    /// <summary>Whether year/month/day is a valid Gregorian date in NodaTime's range.</summary>
    internal static bool IsValid(int year, int month, int day)
    {
        if (year < -9998 || year > 9999 || month < 1 || month > 12 || day < 1)
        {
            return false;
        }

        return day <= DaysInMonth(year, month);
    }

    private static int DaysInMonth(int year, int month) => month switch
    {
        2 => (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };
}
