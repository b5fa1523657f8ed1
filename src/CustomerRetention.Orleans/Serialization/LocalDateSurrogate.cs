using NodaTime;

namespace CustomerRetention.Orleans.Serialization;

/// <summary>The wire form of a NodaTime <see cref="LocalDate"/> (ISO calendar): its day number since 0001-01-01.</summary>
[GenerateSerializer]
[Alias("CustomerRetention.LocalDate")]
internal struct LocalDateSurrogate
{
    /// <summary>Days since 0001-01-01 (<see cref="DateOnly.DayNumber"/>).</summary>
    [Id(0)]
    public int DayNumber;
}

/// <summary>Converts <see cref="LocalDate"/> to and from <see cref="LocalDateSurrogate"/> for Orleans' serializer.</summary>
[RegisterConverter]
internal sealed class LocalDateSurrogateConverter : IConverter<LocalDate, LocalDateSurrogate>
{
    /// <inheritdoc/>
    public LocalDate ConvertFromSurrogate(in LocalDateSurrogate surrogate) => DayNumbers.ToDate(surrogate.DayNumber);

    /// <inheritdoc/>
    public LocalDateSurrogate ConvertToSurrogate(in LocalDate value) => new() { DayNumber = DayNumbers.FromDate(value) };
}
