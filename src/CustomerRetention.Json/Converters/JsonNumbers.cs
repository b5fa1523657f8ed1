using System.Globalization;
using System.Text.Json;

namespace CustomerRetention.Json.Converters;

/// <summary>
/// The one representation of doubles on the wire: a finite value is a JSON number written in
/// round-trip form; +∞, −∞ and NaN are the strings <c>"Infinity"</c>, <c>"-Infinity"</c> and
/// <c>"NaN"</c> — the same strings System.Text.Json writes and reads under
/// <see cref="System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals"/>,
/// which the generated contracts use for every other double.
/// </summary>
internal static class JsonNumbers
{
    /// <summary>Writes a double as a number, or as one of the three named literals.</summary>
    public static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        if (double.IsNaN(value))
        {
            writer.WriteStringValue("NaN");
        }
        else if (double.IsPositiveInfinity(value))
        {
            writer.WriteStringValue("Infinity");
        }
        else if (double.IsNegativeInfinity(value))
        {
            writer.WriteStringValue("-Infinity");
        }
        else
        {
            writer.WriteNumberValue(value);
        }
    }

    /// <summary>Reads a number or one of the three named literals.</summary>
    /// <exception cref="JsonException">Neither a number nor a named literal.</exception>
    public static double ReadDouble(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.GetDouble();
        }

        if (reader.TokenType == JsonTokenType.String && TryParseNamed(reader.GetString()!, out double named))
        {
            return named;
        }

        throw new JsonException($"{what} must be a number (or \"Infinity\", \"-Infinity\", \"NaN\"), not {Describe(ref reader)}.");
    }

    /// <summary>Reads a number or one of the three named literals from a parsed element.</summary>
    /// <exception cref="JsonException">Neither a number nor a named literal.</exception>
    public static double ReadDouble(JsonElement element, string what)
    {
        if (element.ValueKind == JsonValueKind.Number)
        {
            return element.GetDouble();
        }

        if (element.ValueKind == JsonValueKind.String && TryParseNamed(element.GetString()!, out double named))
        {
            return named;
        }

        throw new JsonException($"{what} must be a number (or \"Infinity\", \"-Infinity\", \"NaN\"), not {Describe(element)}.");
    }

    /// <summary>A short description of the current token for an error message.</summary>
    public static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => "the string \"" + reader.GetString() + "\"",
        JsonTokenType.Number => "the number " + (reader.TryGetDouble(out double d) ? d.ToString("R", CultureInfo.InvariantCulture) : "?"),
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.Null => "null",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        _ => reader.TokenType.ToString(),
    };

    /// <summary>A short description of an element for an error message.</summary>
    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => "the string \"" + element.GetString() + "\"",
        JsonValueKind.Number => "the number " + element.GetRawText(),
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Null => "null",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => element.ValueKind.ToString(),
    };

    private static bool TryParseNamed(string text, out double value)
    {
        switch (text)
        {
            case "Infinity":
                value = double.PositiveInfinity;
                return true;
            case "-Infinity":
                value = double.NegativeInfinity;
                return true;
            case "NaN":
                value = double.NaN;
                return true;
            default:
                value = 0;
                return false;
        }
    }
}
