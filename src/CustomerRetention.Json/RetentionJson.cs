using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CustomerRetention.Rfm;

namespace CustomerRetention.Json;

/// <summary>
/// Writes and reads CustomerRetention's results and inputs as JSON through the source-generated
/// contracts: camelCase members, enums as camelCase strings, dates as ISO <c>yyyy-MM-dd</c>
/// strings, the value types (<see cref="Probability"/>, churn and retention rates,
/// <see cref="CustomerId"/>, <see cref="TimeUnit"/>) as plain values, and ±∞ and NaN as the
/// strings <c>"Infinity"</c>, <c>"-Infinity"</c> and <c>"NaN"</c> (docs/json.md shows the wire
/// format). Reading validates: malformed input fails with a <see cref="JsonException"/> naming the
/// path, never with an invalid object. No reflection: safe under trimming and native AOT.
/// </summary>
/// <remarks>Thread-safe; the shared options are read-only.</remarks>
public static class RetentionJson
{
    private static readonly Lazy<JsonSerializerOptions> Compact = new(() => Build(indented: false));
    private static readonly Lazy<JsonSerializerOptions> Indented = new(() => Build(indented: true));

    /// <summary>
    /// The contracts as a resolver, for callers that combine them with their own
    /// (<c>JsonTypeInfoResolver.Combine(RetentionJson.TypeInfoResolver, MyContext.Default)</c>).
    /// It is the generated context plus two rules the generator cannot express: every member a
    /// type is built from must be present, and an early-warning rule carries its <c>kind</c>.
    /// </summary>
    public static IJsonTypeInfoResolver TypeInfoResolver { get; } =
        JsonTypeInfoResolver.Combine(RetentionJsonContext.Default, SpanHoldingTypes.Instance)
            .WithAddedModifier(RequireEveryInitMember)
            .WithAddedModifier(WarningRuleKinds);

    /// <summary>The shared, read-only options (compact output) every helper here uses.</summary>
    public static JsonSerializerOptions Options => Compact.Value;

    /// <summary>
    /// A fresh, mutable copy of the options, so that callers may change them (add their own
    /// resolver or converters); each call returns a new instance.
    /// </summary>
    /// <param name="indented">Whether to indent the output.</param>
    /// <returns>The options.</returns>
    public static JsonSerializerOptions CreateOptions(bool indented = false) =>
        new(indented ? Indented.Value : Compact.Value);

    /// <summary>The contract of <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">A type the package covers (docs/json.md lists them).</typeparam>
    /// <returns>The type's metadata under <see cref="Options"/>.</returns>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> has no contract here.</exception>
    public static JsonTypeInfo<T> TypeInfo<T>() => TypeInfo<T>(Options);

    /// <summary>Writes <paramref name="value"/> as compact JSON text.</summary>
    /// <typeparam name="T">A type the package covers.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The JSON.</returns>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> has no contract here.</exception>
    public static string Serialize<T>(T value) => Serialize(value, indented: false);

    /// <summary>Writes <paramref name="value"/> as JSON text.</summary>
    /// <typeparam name="T">A type the package covers.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="indented">Whether to indent the output.</param>
    /// <returns>The JSON.</returns>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> has no contract here.</exception>
    public static string Serialize<T>(T value, bool indented) =>
        JsonSerializer.Serialize(value, TypeInfo<T>(indented ? Indented.Value : Compact.Value));

    /// <summary>Writes <paramref name="value"/> as compact UTF-8 JSON to a stream (for indented output, pass a <see cref="Utf8JsonWriter"/> made with <c>Indented = true</c>).</summary>
    /// <typeparam name="T">A type the package covers.</typeparam>
    /// <param name="utf8Json">The stream (left open).</param>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    public static void Serialize<T>(Stream utf8Json, T value) =>
        JsonSerializer.Serialize(Guard.NotNull(utf8Json), value, TypeInfo<T>(Options));

    /// <summary>Writes <paramref name="value"/> to a writer (whose own settings decide the layout).</summary>
    /// <typeparam name="T">A type the package covers.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public static void Serialize<T>(Utf8JsonWriter writer, T value) =>
        JsonSerializer.Serialize(Guard.NotNull(writer), value, TypeInfo<T>(Options));

    /// <summary>Reads a <typeparamref name="T"/> from JSON text, validating it.</summary>
    /// <typeparam name="T">A type the package covers.</typeparam>
    /// <param name="json">The JSON.</param>
    /// <returns>The value, never null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">The JSON is malformed, null, lacks a member, has a member of the wrong type, or holds a value the type rejects; the message names the path.</exception>
    public static T Deserialize<T>(string json)
    {
        Guard.NotNull(json);
        try
        {
            return NotNull(JsonSerializer.Deserialize(json, TypeInfo<T>(Options)));
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            throw WithPath<T>(ex);
        }
    }

    /// <summary>Reads a <typeparamref name="T"/> from UTF-8 JSON, validating it.</summary>
    /// <typeparam name="T">A type the package covers.</typeparam>
    /// <param name="utf8Json">The UTF-8 JSON.</param>
    /// <returns>The value, never null.</returns>
    /// <exception cref="JsonException">As for <see cref="Deserialize{T}(string)"/>.</exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            return NotNull(JsonSerializer.Deserialize(utf8Json, TypeInfo<T>(Options)));
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            throw WithPath<T>(ex);
        }
    }

    /// <summary>Reads a <typeparamref name="T"/> from a UTF-8 JSON stream, validating it.</summary>
    /// <typeparam name="T">A type the package covers.</typeparam>
    /// <param name="utf8Json">The stream (read to its end, left open).</param>
    /// <returns>The value, never null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="JsonException">As for <see cref="Deserialize{T}(string)"/>.</exception>
    public static T Deserialize<T>(Stream utf8Json)
    {
        Guard.NotNull(utf8Json);
        try
        {
            return NotNull(JsonSerializer.Deserialize(utf8Json, TypeInfo<T>(Options)));
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            throw WithPath<T>(ex);
        }
    }

    /// <summary>The contract of <typeparamref name="T"/> under the given options.</summary>
    internal static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options) =>
        options.TryGetTypeInfo(typeof(T), out JsonTypeInfo? info)
            ? (JsonTypeInfo<T>)info
            : throw new NotSupportedException($"CustomerRetention.Json has no contract for {typeof(T)}.");

    private static T NotNull<T>(T? value) =>
        value ?? throw new JsonException($"The JSON is null, not a {typeof(T).Name}.", "$", null, null);

    /// <summary>
    /// The exception callers see: a <see cref="JsonException"/> whose message names the path.
    /// System.Text.Json sets <see cref="JsonException.Path"/> on failures inside converters but
    /// leaves their own message alone, and lets a type's constructor's
    /// <see cref="ArgumentException"/> through; both are turned into one message here.
    /// </summary>
    private static JsonException WithPath<T>(Exception ex)
    {
        if (ex is JsonException json)
        {
            return json.Path is null || json.Message.Contains("Path: ")
                ? json
                : new JsonException($"{json.Message} Path: {json.Path} | LineNumber: {json.LineNumber} | BytePositionInLine: {json.BytePositionInLine}.", json.Path, json.LineNumber, json.BytePositionInLine, json);
        }

        string parameter = ex is ArgumentException { ParamName: { } p } ? $" (member '{p}')" : string.Empty;
        return new JsonException($"The JSON does not describe a valid {typeof(T).Name}{parameter}: {ex.Message}", ex);
    }

    private static JsonSerializerOptions Build(bool indented)
    {
        var options = new JsonSerializerOptions(RetentionJsonContext.Default.Options)
        {
            TypeInfoResolver = TypeInfoResolver,
            WriteIndented = indented,
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>
    /// Every member a value is built from — a constructor parameter without a default value, or an
    /// init-only or settable property — must be present (a parameter that C# lets callers omit may
    /// be omitted in JSON too, and takes its documented default).
    /// System.Text.Json leaves the parameters of a positional record struct (such as
    /// <see cref="Transaction"/>) optional even under <c>RespectRequiredConstructorParameters</c>,
    /// so a missing one would read as a default value.
    /// </summary>
    private static void RequireEveryInitMember(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (JsonPropertyInfo property in info.Properties)
        {
            bool buildsTheValue = property.AssociatedParameter is { } parameter ? !parameter.HasDefaultValue : property.Set is not null;
            if (buildsTheValue)
            {
                property.IsRequired = true;
            }
        }
    }

    /// <summary>An early-warning rule is written with a <c>kind</c> discriminator: <c>cadence</c>, <c>scoreDrop</c> or <c>threshold</c>.</summary>
    private static void WarningRuleKinds(JsonTypeInfo info)
    {
        if (info.Type != typeof(WarningRule))
        {
            return;
        }

        info.PolymorphismOptions = new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = "kind",
            UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization,
            DerivedTypes =
            {
                new JsonDerivedType(typeof(CadenceRule), "cadence"),
                new JsonDerivedType(typeof(ScoreDropRule), "scoreDrop"),
                new JsonDerivedType(typeof(ThresholdRule), "threshold"),
            },
        };
    }
}
