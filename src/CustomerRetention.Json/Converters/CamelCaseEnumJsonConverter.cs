using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerRetention.Json.Converters;

/// <summary>
/// An enum as its camelCase name (flags as <c>"a, b"</c>); numbers are rejected, so a value that
/// is not a name of the enum never reads back as an undefined member. Generic, hence safe under
/// native AOT.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal sealed class CamelCaseEnumJsonConverter<TEnum> : JsonStringEnumConverter<TEnum>
    where TEnum : struct, Enum
{
    public CamelCaseEnumJsonConverter()
        : base(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    {
    }
}
