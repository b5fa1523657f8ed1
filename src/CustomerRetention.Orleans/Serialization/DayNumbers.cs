using NodaTime;

namespace CustomerRetention.Orleans.Serialization;

/// <summary>ISO calendar dates as whole day numbers (days since 0001-01-01), the form grain state keeps them in.</summary>
internal static class DayNumbers
{
    /// <summary>The day number of <paramref name="date"/>.</summary>
    public static int FromDate(LocalDate date) => date.ToDateOnly().DayNumber;

    /// <summary>The date of day number <paramref name="dayNumber"/>.</summary>
    public static LocalDate ToDate(int dayNumber) => LocalDate.FromDateOnly(DateOnly.FromDayNumber(dayNumber));
}
