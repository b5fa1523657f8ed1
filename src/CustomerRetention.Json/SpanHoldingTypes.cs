using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CustomerRetention.Json.Converters;

namespace CustomerRetention.Json;

/// <summary>
/// The contracts of types the source generator refuses to look at because they expose spans
/// (SYSLIB1225): only <see cref="CalibrationHoldout"/>. Its contract is its converter alone,
/// wrapped the way generated code wraps a converter — no reflection.
/// </summary>
internal sealed class SpanHoldingTypes : IJsonTypeInfoResolver
{
    public static SpanHoldingTypes Instance { get; } = new();

    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) =>
        type == typeof(CalibrationHoldout)
            ? JsonMetadataServices.CreateValueInfo<CalibrationHoldout>(options, new CalibrationHoldoutJsonConverter())
            : null;
}
