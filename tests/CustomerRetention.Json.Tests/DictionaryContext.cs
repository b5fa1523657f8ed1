using System.Text.Json.Serialization;

namespace CustomerRetention.Json.Tests;

/// <summary>A caller's own context combined with <see cref="RetentionJson.TypeInfoResolver"/> (docs/json.md shows how).</summary>
[JsonSerializable(typeof(Dictionary<CustomerId, Probability>))]
internal sealed partial class DictionaryContext : JsonSerializerContext
{
}
