using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerRetention.Churn;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace CustomerRetention.Json.Converters;

/// <summary>
/// A value type that wraps one validated double, written as a plain JSON number. Reading
/// rebuilds it through its public constructor, so the type's own validation runs; a value it
/// rejects becomes a <see cref="JsonException"/>.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
internal abstract class DoubleValueConverter<T> : JsonConverter<T>
{
    /// <summary>The type's name in error messages.</summary>
    protected abstract string Name { get; }

    /// <inheritdoc/>
    public sealed override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        double value = JsonNumbers.ReadDouble(ref reader, Name);
        try
        {
            return Create(value);
        }
        catch (ArgumentException ex)
        {
            throw new JsonException($"{value.ToString("R", CultureInfo.InvariantCulture)} is not a valid {Name}: {ex.Message}", ex);
        }
    }

    /// <inheritdoc/>
    public sealed override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        JsonNumbers.WriteDouble(writer, ValueOf(value));

    /// <summary>Builds the value through its public, validating constructor.</summary>
    protected abstract T Create(double value);

    /// <summary>The double the value wraps.</summary>
    protected abstract double ValueOf(T value);
}

/// <summary><see cref="Probability"/> as a plain number in [0, 1].</summary>
internal sealed class ProbabilityJsonConverter : DoubleValueConverter<Probability>
{
    protected override string Name => "probability";

    protected override Probability Create(double value) => new(value);

    protected override double ValueOf(Probability value) => value.Value;
}

/// <summary><see cref="ChurnRate"/> as a plain number in [0, 1].</summary>
internal sealed class ChurnRateJsonConverter : DoubleValueConverter<ChurnRate>
{
    protected override string Name => "churn rate";

    protected override ChurnRate Create(double value) => new(value);

    protected override double ValueOf(ChurnRate value) => value.Value;
}

/// <summary><see cref="RetentionRate"/> as a plain number in [0, 1].</summary>
internal sealed class RetentionRateJsonConverter : DoubleValueConverter<RetentionRate>
{
    protected override string Name => "retention rate";

    protected override RetentionRate Create(double value) => new(value);

    protected override double ValueOf(RetentionRate value) => value.Value;
}

/// <summary>
/// <see cref="CustomerId"/> as a plain JSON string (also as a dictionary key). <c>null</c> is
/// rejected: a customer id is never missing.
/// </summary>
internal sealed class CustomerIdJsonConverter : JsonConverter<CustomerId>
{
    public override CustomerId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? new CustomerId(reader.GetString()!)
            : throw new JsonException($"A customer id must be a string, not {JsonNumbers.Describe(ref reader)}.");

    public override void Write(Utf8JsonWriter writer, CustomerId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);

    public override CustomerId ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, CustomerId value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.Value);
}

/// <summary>
/// <see cref="TimeUnit"/> as the string <c>"day"</c>, <c>"week"</c>, or its length in days
/// (<c>"30.4375"</c>); reading goes through <see cref="TimeUnit.Parse(string)"/> and also takes
/// a plain number of days.
/// </summary>
internal sealed class TimeUnitJsonConverter : JsonConverter<TimeUnit>
{
    public override TimeUnit Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return reader.TokenType switch
            {
                JsonTokenType.String => TimeUnit.Parse(reader.GetString()!),
                JsonTokenType.Number => TimeUnit.OfDays(reader.GetDouble()),
                _ => throw new JsonException($"A time unit must be \"day\", \"week\" or a number of days, not {JsonNumbers.Describe(ref reader)}."),
            };
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new JsonException(ex.Message, ex);
        }
    }

    public override void Write(Utf8JsonWriter writer, TimeUnit value, JsonSerializerOptions options)
    {
        if (value == TimeUnit.Day)
        {
            writer.WriteStringValue("day");
        }
        else if (value == TimeUnit.Week)
        {
            writer.WriteStringValue("week");
        }
        else
        {
            writer.WriteStringValue(value.LengthInDays.ToString("R", CultureInfo.InvariantCulture));
        }
    }
}

/// <summary>NodaTime <see cref="LocalDate"/> as an ISO <c>yyyy-MM-dd</c> string, through NodaTime.Serialization.SystemTextJson.</summary>
internal sealed class IsoLocalDateJsonConverter : DelegatingConverterBase<LocalDate>
{
    public IsoLocalDateJsonConverter()
        : base(NodaConverters.LocalDateConverter)
    {
    }
}

/// <summary>NodaTime <see cref="Period"/> in its round-trip ISO-like form (<c>"P1M"</c>), through NodaTime.Serialization.SystemTextJson.</summary>
internal sealed class RoundtripPeriodJsonConverter : DelegatingConverterBase<Period>
{
    public RoundtripPeriodJsonConverter()
        : base(NodaConverters.RoundtripPeriodConverter)
    {
    }
}
