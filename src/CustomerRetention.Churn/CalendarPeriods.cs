using NodaTime;

namespace CustomerRetention.Churn;

/// <summary>The calendar periods that cohort tables and transaction churn are counted in.</summary>
public enum CalendarPeriod
{
    /// <summary>Calendar months, written as their first day (1997-03-01).</summary>
    Month = 0,

    /// <summary>ISO weeks, Monday to Sunday, written as their Monday.</summary>
    Week = 1,

    /// <summary>Calendar quarters (January, April, July, October), written as their first day.</summary>
    Quarter = 2,
}

/// <summary>
/// Numbers calendar periods consecutively, so that "periods since acquisition" is a subtraction:
/// month index = 12·year + month − 1, quarter index = 4·year + (month − 1)/3, ISO week index =
/// ⌊(day number + 3) / 7⌋ (day number 0 = 1970-01-01, a Thursday; weeks start on Monday).
/// </summary>
public static class CalendarPeriods
{
    /// <summary>The index of the period that holds <paramref name="date"/>.</summary>
    /// <param name="date">A date (ISO calendar).</param>
    /// <param name="period">The kind of period.</param>
    /// <returns>The period's index; consecutive periods have consecutive indices.</returns>
    public static int IndexOf(LocalDate date, CalendarPeriod period)
    {
        Guard.Defined(period);
        return IndexOfDay(DayNumbers.FromDate(date), period);
    }

    /// <summary>The first day of the period with index <paramref name="index"/>.</summary>
    /// <param name="index">A period index from <see cref="IndexOf"/>. Range: within years −9998..9999.</param>
    /// <param name="period">The kind of period.</param>
    /// <returns>The period's first day (a Monday for weeks).</returns>
    public static LocalDate StartOf(int index, CalendarPeriod period)
    {
        Guard.Defined(period);
        return DayNumbers.ToDate(StartDayOf(index, period));
    }

    internal static int IndexOfDay(int dayNumber, CalendarPeriod period)
    {
        if (period == CalendarPeriod.Week)
        {
            return FloorDiv(dayNumber + 3, 7);
        }

        LocalDate date = DayNumbers.ToDate(dayNumber);
        return period == CalendarPeriod.Month
            ? (12 * date.Year) + date.Month - 1
            : (4 * date.Year) + ((date.Month - 1) / 3);
    }

    internal static int StartDayOf(int index, CalendarPeriod period)
    {
        switch (period)
        {
            case CalendarPeriod.Week:
                return (7 * index) - 3;
            case CalendarPeriod.Month:
                {
                    int year = FloorDiv(index, 12);
                    return DayNumbers.FromDate(new LocalDate(year, index - (12 * year) + 1, 1));
                }

            default:
                {
                    int year = FloorDiv(index, 4);
                    return DayNumbers.FromDate(new LocalDate(year, (3 * (index - (4 * year))) + 1, 1));
                }
        }
    }

    /// <summary>
    /// A lookup table from day number to period index over [<paramref name="firstDay"/>, <paramref name="lastDay"/>],
    /// so that the hot loops find a transaction's period with one array read.
    /// </summary>
    internal static int[] DayToPeriodTable(int firstDay, int lastDay, CalendarPeriod period)
    {
        var table = new int[lastDay - firstDay + 1];
        int day = firstDay;
        while (day <= lastDay)
        {
            int index = IndexOfDay(day, period);
            int next = Math.Min(StartDayOf(index + 1, period), lastDay + 1);
            for (; day < next; day++)
            {
                table[day - firstDay] = index;
            }
        }

        return table;
    }

    private static int FloorDiv(int a, int b) => a >= 0 ? a / b : -((-a + b - 1) / b);
}
