using NodaTime;

namespace CustomerRetention.Data;

/// <summary>
/// The dates a data source may hold: 1900-01-01 to 2200-12-31. A date outside is taken for a
/// placeholder or a typing error (0001-01-01, 9999-12-31, a two-digit year) and stops the read with a
/// <see cref="DataSourceException"/>, rather than stretching every customer's T by centuries.
/// </summary>
public static class DataDates
{
    /// <summary>The earliest date accepted: 1900-01-01.</summary>
    public static LocalDate Earliest => new(1900, 1, 1);

    /// <summary>The latest date accepted: 2200-12-31.</summary>
    public static LocalDate Latest => new(2200, 12, 31);

    /// <summary>Whether <paramref name="date"/> is within <see cref="Earliest"/>..<see cref="Latest"/>.</summary>
    /// <param name="date">The date.</param>
    /// <returns>True when accepted.</returns>
    public static bool Contains(LocalDate date) => date >= Earliest && date <= Latest;
}
