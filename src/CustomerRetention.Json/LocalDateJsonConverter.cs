using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace CustomerRetention.Json;

/// <summary>
/// Reads and writes a NodaTime <see cref="LocalDate"/> as an ISO calendar date string
/// (<c>"1997-09-30"</c>), the form the <c>retention</c> tool prints.
/// </summary>
/// <remarks>Stateless and thread-safe; use <see cref="Instance"/>.</remarks>
public sealed class LocalDateJsonConverter : JsonConverter<LocalDate>
{
    /// <summary>The shared instance.</summary>
    public static readonly LocalDateJsonConverter Instance = new();

    /// <summary>Reads an ISO <c>yyyy-MM-dd</c> string.</summary>
    /// <param name="reader">The reader positioned on a string token.</param>
    /// <param name="typeToConvert">Always <see cref="LocalDate"/>.</param>
    /// <param name="options">The serializer options (unused).</param>
    /// <returns>The date.</returns>
    /// <exception cref="JsonException">The token is not a string or not an ISO date.</exception>
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected an ISO date string (yyyy-MM-dd) but found {reader.TokenType}.");
        }

        string text = reader.GetString()!;
        ParseResult<LocalDate> result = LocalDatePattern.Iso.Parse(text);
        return result.Success ? result.Value : throw new JsonException($"'{text}' is not an ISO date (yyyy-MM-dd).");
    }

    /// <summary>Writes the date as an ISO <c>yyyy-MM-dd</c> string.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The date.</param>
    /// <param name="options">The serializer options (unused).</param>
    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options)
    {
        Guard.NotNull(writer);
        Guard.NotNull(options);
        writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
    }
}
