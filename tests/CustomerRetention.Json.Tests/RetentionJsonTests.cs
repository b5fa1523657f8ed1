using System.Text;
using System.Text.Json;
using CustomerRetention.Churn;
using CustomerRetention.Relationships;

namespace CustomerRetention.Json.Tests;

/// <summary>The helpers' entry points and the one representation of non-finite numbers.</summary>
public sealed class RetentionJsonTests
{
    private static readonly Transaction Sample = new(new CustomerId("C-1"), new NodaTime.LocalDate(2024, 2, 29), 10.5m);

    [Fact]
    public void Serialize_Compact_HasCamelCaseMembersAndIsoDates() =>
        Assert.Equal("""{"customer":"C-1","date":"2024-02-29","amount":10.5}""", RetentionJson.Serialize(Sample));

    [Fact]
    public void Serialize_Indented_ReadsBackEqual()
    {
        string json = RetentionJson.Serialize(Sample, indented: true);
        Assert.Contains("\n", json, StringComparison.Ordinal);
        Assert.Equal(Sample, RetentionJson.Deserialize<Transaction>(json));
    }

    [Fact]
    public void StreamAndUtf8_RoundTrip()
    {
        using var stream = new MemoryStream();
        RetentionJson.Serialize(stream, Sample);
        Assert.Equal(Sample, RetentionJson.Deserialize<Transaction>(stream.ToArray().AsSpan()));
        stream.Position = 0;
        Assert.Equal(Sample, RetentionJson.Deserialize<Transaction>(stream));
    }

    [Fact]
    public void Utf8JsonWriter_WritesTheSameJson()
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            RetentionJson.Serialize(writer, Sample);
        }

        Assert.Equal(RetentionJson.Serialize(Sample), Encoding.UTF8.GetString(buffer.ToArray()));
    }

    [Fact]
    public void Options_AreReadOnly_CreateOptionsGivesAMutableCopy()
    {
        Assert.True(RetentionJson.Options.IsReadOnly);
        JsonSerializerOptions copy = RetentionJson.CreateOptions(indented: true);
        Assert.False(copy.IsReadOnly);
        Assert.True(copy.WriteIndented);
        Assert.NotSame(copy, RetentionJson.CreateOptions(indented: true));
        Assert.Equal(RetentionJson.Serialize(Sample, indented: true), JsonSerializer.Serialize(Sample, copy));
    }

    [Fact]
    public void TypeInfo_WorksWithJsonSerializer() =>
        Assert.Equal(Sample, JsonSerializer.Deserialize(RetentionJson.Serialize(Sample), RetentionJson.TypeInfo<Transaction>()));

    [Theory]
    [InlineData(double.PositiveInfinity, "\"Infinity\"")]
    [InlineData(double.NegativeInfinity, "\"-Infinity\"")]
    [InlineData(double.NaN, "\"NaN\"")]
    public void NonFiniteDouble_IsANamedString_AndReadsBack(double value, string expected)
    {
        // In a generated contract (a positional record) and in a list; SpendComparison below is converter-written.
        var measure = new PenetrationMeasure(value, 0.5, 0.25);
        string json = RetentionJson.Serialize(measure);
        Assert.Contains($"\"productShare\":{expected}", json, StringComparison.Ordinal);
        Assert.Equal(measure.ProductShare, RetentionJson.Deserialize<PenetrationMeasure>(json).ProductShare);
        Assert.Equal($"[{expected}]", RetentionJson.Serialize<IReadOnlyList<double>>(new[] { value }));
        Assert.Equal(value, RetentionJson.Deserialize<IReadOnlyList<double>>($"[{expected}]")[0]);
    }

    [Fact]
    public void InfiniteCostPerCustomerSaved_IsWrittenAndReadBack()
    {
        var comparison = new SpendComparison(0, 0, 5_000);
        Assert.True(double.IsPositiveInfinity(comparison.CostPerCustomerSaved));
        string json = RetentionJson.Serialize(comparison);
        Assert.Contains("\"costPerCustomerSaved\":\"Infinity\"", json, StringComparison.Ordinal);
        Assert.Equal(comparison, RetentionJson.Deserialize<SpendComparison>(json));
    }

    [Fact]
    public void CustomerId_AsDictionaryKey_RoundTrips()
    {
        var map = new Dictionary<CustomerId, Probability> { [new CustomerId("a\"b")] = new Probability(0.5) };
        JsonSerializerOptions options = RetentionJson.CreateOptions();
        options.TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(RetentionJson.TypeInfoResolver, DictionaryContext.Default);
        string json = JsonSerializer.Serialize(map, options);
        Assert.Equal("""{"a\u0022b":0.5}""", json);
        Assert.Equal(map, JsonSerializer.Deserialize<Dictionary<CustomerId, Probability>>(json, options));
    }
}
