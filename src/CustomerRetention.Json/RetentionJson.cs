using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerRetention.Json;

/// <summary>
/// The serializer options every CustomerRetention result is written with: camelCase names,
/// NodaTime dates as ISO strings, enums as strings, no NaN or infinity (the libraries never produce them).
/// </summary>
public static class RetentionJson
{
    /// <summary>
    /// Creates a fresh options instance (mutable, so that callers may add their own converters);
    /// each call returns a new one.
    /// </summary>
    /// <param name="indented">Whether to indent the output.</param>
    /// <returns>The options.</returns>
    public static JsonSerializerOptions CreateOptions(bool indented = false)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = indented,
            NumberHandling = JsonNumberHandling.Strict,
        };
        options.Converters.Add(LocalDateJsonConverter.Instance);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}
