using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerRetention.Json.Converters;

/// <summary>
/// The contract of a library type that System.Text.Json cannot build by itself (a struct with
/// get-only properties, a class with several public constructors or only factories): written as a
/// JSON object with camelCase members, read back through the type's public constructor or factory
/// so that its validation runs. A missing member, a member of the wrong JSON type, or a value the
/// type rejects becomes a <see cref="JsonException"/> naming the type and the member; the
/// serializer adds the path of the object.
/// </summary>
/// <typeparam name="T">The library type.</typeparam>
internal abstract class ObjectJsonConverter<T> : JsonConverter<T>
{
    /// <summary>The type's name in error messages.</summary>
    protected virtual string Name => typeof(T).Name;

    /// <inheritdoc/>
    public sealed override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"{Name} must be a JSON object, not {JsonNumbers.Describe(ref reader)}.");
        }

        using JsonDocument document = JsonDocument.ParseValue(ref reader);
        try
        {
            return Read(new JsonMembers(document.RootElement, options, Name));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // A constructor or factory rejected a value, or a replayed step was not allowed next.
            throw new JsonException($"{Name}: {ex.Message}", ex);
        }
    }

    /// <inheritdoc/>
    public sealed override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        Write(new JsonMemberWriter(writer, options), value);
        writer.WriteEndObject();
    }

    /// <summary>Builds the value from its members through the type's public API.</summary>
    /// <param name="members">The members of the JSON object.</param>
    /// <returns>The value.</returns>
    protected abstract T Read(JsonMembers members);

    /// <summary>Writes the value's members.</summary>
    /// <param name="writer">The member writer.</param>
    /// <param name="value">The value.</param>
    protected abstract void Write(JsonMemberWriter writer, T value);
}

/// <summary>Typed, validated access to the members of one JSON object.</summary>
internal readonly struct JsonMembers
{
    private readonly JsonElement _object;
    private readonly JsonSerializerOptions _options;
    private readonly string _typeName;

    public JsonMembers(JsonElement obj, JsonSerializerOptions options, string typeName)
    {
        _object = obj;
        _options = options;
        _typeName = typeName;
    }

    /// <summary>Whether the member is present (and not null).</summary>
    public bool Has(string name) => _object.TryGetProperty(name, out JsonElement e) && e.ValueKind != JsonValueKind.Null;

    public int Int32(string name)
    {
        JsonElement e = Required(name);
        return e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int value) ? value : throw Wrong(name, "a 32-bit integer", e);
    }

    public long Int64(string name)
    {
        JsonElement e = Required(name);
        return e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out long value) ? value : throw Wrong(name, "a 64-bit integer", e);
    }

    public decimal Decimal(string name)
    {
        JsonElement e = Required(name);
        return e.ValueKind == JsonValueKind.Number && e.TryGetDecimal(out decimal value) ? value : throw Wrong(name, "a decimal number", e);
    }

    public double Double(string name)
    {
        JsonElement e = Required(name);
        try
        {
            return JsonNumbers.ReadDouble(e, $"{_typeName}.{name}");
        }
        catch (FormatException)
        {
            throw Wrong(name, "a number", e);
        }
    }

    /// <summary>A double that may be null (or absent, which reads as null).</summary>
    public double? NullableDouble(string name) => Has(name) ? Double(name) : null;

    public bool Boolean(string name)
    {
        JsonElement e = Required(name);
        return e.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Wrong(name, "true or false", e),
        };
    }

    public string String(string name)
    {
        JsonElement e = Required(name);
        return e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Wrong(name, "a string", e);
    }

    /// <summary>A member of any type the options know, read through its own contract.</summary>
    public TValue Value<TValue>(string name)
    {
        JsonElement e = Required(name);
        try
        {
            return e.Deserialize(RetentionJson.TypeInfo<TValue>(_options))
                ?? throw new JsonException($"{_typeName}.{name} must not be null.");
        }
        catch (JsonException ex)
        {
            string inner = ex.Path is null or "$" ? string.Empty : ex.Path.Substring(1);
            throw new JsonException($"{_typeName}.{name}{inner}: {ex.Message}", ex);
        }
    }

    /// <summary>A member of a value type that may be null (or absent, which reads as null).</summary>
    public TValue? NullableValue<TValue>(string name)
        where TValue : struct => Has(name) ? Value<TValue>(name) : null;

    /// <summary>A member of a reference type that may be null (or absent, which reads as null).</summary>
    public TValue? NullableReference<TValue>(string name)
        where TValue : class => Has(name) ? Value<TValue>(name) : null;

    private JsonElement Required(string name)
    {
        if (!_object.TryGetProperty(name, out JsonElement e))
        {
            throw new JsonException($"{_typeName}: the required member '{name}' is missing.");
        }

        return e;
    }

    private JsonException Wrong(string name, string expected, JsonElement found) =>
        new($"{_typeName}.{name} must be {expected}, not {JsonNumbers.Describe(found)}.");
}

/// <summary>Writes the members of one JSON object with the library's representations.</summary>
internal readonly struct JsonMemberWriter
{
    private readonly Utf8JsonWriter _writer;
    private readonly JsonSerializerOptions _options;

    public JsonMemberWriter(Utf8JsonWriter writer, JsonSerializerOptions options)
    {
        _writer = writer;
        _options = options;
    }

    public void Int32(string name, int value) => _writer.WriteNumber(name, value);

    public void Int64(string name, long value) => _writer.WriteNumber(name, value);

    public void Decimal(string name, decimal value) => _writer.WriteNumber(name, value);

    public void Boolean(string name, bool value) => _writer.WriteBoolean(name, value);

    public void String(string name, string value) => _writer.WriteString(name, value);

    public void NullableString(string name, string? value)
    {
        if (value is null)
        {
            _writer.WriteNull(name);
        }
        else
        {
            _writer.WriteString(name, value);
        }
    }

    public void Double(string name, double value)
    {
        _writer.WritePropertyName(name);
        JsonNumbers.WriteDouble(_writer, value);
    }

    public void NullableDouble(string name, double? value)
    {
        if (value is double v)
        {
            Double(name, v);
        }
        else
        {
            _writer.WriteNull(name);
        }
    }

    public void Value<TValue>(string name, TValue value)
    {
        _writer.WritePropertyName(name);
        JsonSerializer.Serialize(_writer, value, RetentionJson.TypeInfo<TValue>(_options));
    }

    public void NullableValue<TValue>(string name, TValue? value)
        where TValue : struct
    {
        if (value is TValue v)
        {
            Value(name, v);
        }
        else
        {
            _writer.WriteNull(name);
        }
    }
}
