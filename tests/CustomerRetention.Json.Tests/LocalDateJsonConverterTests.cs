using System.Text.Json;
using CustomerRetention.Json;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerRetention.Json.Tests;

public sealed class LocalDateJsonConverterTests
{
    private static readonly JsonSerializerOptions Options = RetentionJson.CreateOptions();

    [Fact]
    public void Writes_Iso_Date()
    {
        Assert.Equal("\"1997-09-30\"", JsonSerializer.Serialize(new LocalDate(1997, 9, 30), Options));
    }

    [Fact]
    public void Reads_Iso_Date()
    {
        Assert.Equal(new LocalDate(1998, 6, 30), JsonSerializer.Deserialize<LocalDate>("\"1998-06-30\"", Options));
    }

    [Theory]
    [InlineData("\"1997-13-45\"")]
    [InlineData("\"30/09/1997\"")]
    [InlineData("19970930")]
    public void Rejects_Anything_But_An_Iso_Date_String(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<LocalDate>(json, Options));
    }

    [Fact]
    public void Round_Trip_Meets_Specification()
    {
        Arbitrary<int> days = Gen.Choose(-100_000, 100_000).ToArbitrary();
        Properties.ForAll(days, d =>
        {
            LocalDate date = new LocalDate(2000, 1, 1).PlusDays(d);
            return JsonSerializer.Deserialize<LocalDate>(JsonSerializer.Serialize(date, Options), Options) == date;
        });
    }
}
