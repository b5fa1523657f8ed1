using System.Text.Json;
using CustomerRetention.Churn;
using CustomerRetention.Relationships;
using CustomerRetention.Rfm;
using CustomerRetention.Satisfaction;
using NodaTime;

namespace CustomerRetention.Json.Tests;

/// <summary>Malformed JSON fails with a <see cref="JsonException"/> that names where, never with an invalid object.</summary>
public sealed class MalformedJsonTests
{
    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    [InlineData("\"Infinity\"")]
    [InlineData("\"NaN\"")]
    public void Probability_OutsideTheUnitInterval_Throws(string json)
    {
        JsonException error = Assert.Throws<JsonException>(() => RetentionJson.Deserialize<Probability>(json));
        Assert.Contains("probability", error.Message, StringComparison.Ordinal);
        Assert.Equal("$", error.Path);
    }

    [Fact]
    public void ProbabilityInAList_AboveOne_NamesTheElement()
    {
        JsonException error = Assert.Throws<JsonException>(() => RetentionJson.Deserialize<Probability[]>("[0.1, 0.2, 1.5]"));
        Assert.Equal("$[2]", error.Path);
        Assert.Contains("Path: $[2]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NestedValueType_OutOfRange_NamesTheObjectAndMember()
    {
        const string json = """[{"habit":0.2,"productPenetration":0.5,"policyBundling":0.1,"relationship":null},{"habit":1.5,"productPenetration":0.5,"policyBundling":0.1,"relationship":null}]""";
        JsonException error = Assert.Throws<JsonException>(() => RetentionJson.Deserialize<LockInLevers[]>(json));
        Assert.Equal("$[1]", error.Path);
        Assert.Contains("LockInLevers", error.Message, StringComparison.Ordinal);
        Assert.Contains("habit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Transaction_MissingMember_NamesTheMemberAndPath()
    {
        const string json = """[{"customer":"a","date":"2020-01-01","amount":1},{"customer":"b","date":"2020-01-02"}]""";
        JsonException error = Assert.Throws<JsonException>(() => RetentionJson.Deserialize<Transaction[]>(json));
        Assert.Contains("amount", error.Message, StringComparison.Ordinal);
        Assert.Equal("$[1]", error.Path);
    }

    [Fact]
    public void ConverterType_MissingMember_NamesTheMember()
    {
        JsonException error = Assert.Throws<JsonException>(() => RetentionJson.Deserialize<RfmValues>("""{"recencyDays":3,"frequency":2}"""));
        Assert.Contains("'monetary' is missing", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"recencyDays":"three","frequency":2,"monetary":1}""", "recencyDays")]
    [InlineData("""{"recencyDays":3.5,"frequency":2,"monetary":1}""", "recencyDays")]
    [InlineData("""{"recencyDays":3,"frequency":null,"monetary":1}""", "frequency")]
    [InlineData("""{"recencyDays":3,"frequency":2,"monetary":"1"}""", "monetary")]
    [InlineData("""{"recencyDays":-3,"frequency":2,"monetary":1}""", "recencyDays")]
    public void RfmValues_WrongTypeOrRange_NamesTheMember(string json, string member)
    {
        JsonException error = Assert.Throws<JsonException>(() => RetentionJson.Deserialize<RfmValues>(json));
        Assert.Contains(member, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"r":11,"f":1,"m":1}""")]
    [InlineData("""{"r":0,"f":3,"m":1}""")]
    public void RfmScore_OutOfRange_Throws(string json) =>
        Assert.Throws<JsonException>(() => RetentionJson.Deserialize<RfmScore>(json));

    [Theory]
    [InlineData("\"gold\"")]
    [InlineData("0")]
    public void Enum_NotACamelCaseName_Throws(string json) =>
        Assert.Throws<JsonException>(() => RetentionJson.Deserialize<TierMeasure>(json));

    [Theory]
    [InlineData("\"1997-13-45\"")]
    [InlineData("\"30/09/1997\"")]
    [InlineData("19970930")]
    public void LocalDate_NotAnIsoDateString_Throws(string json) =>
        Assert.Throws<JsonException>(() => RetentionJson.Deserialize<LocalDate>(json));

    [Fact]
    public void GeneratedType_NullForANonNullableMember_Throws()
    {
        JsonException error = Assert.Throws<JsonException>(() => RetentionJson.Deserialize<Segment>("""{"name":null,"description":"d","action":"a"}"""));
        Assert.Contains("name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GeneratedType_NegativeParameter_ThrowsJsonExceptionNamingTheMember()
    {
        const string json = """{"measure":"revenue","margin":-0.1,"tiers":[{"name":"Gold","threshold":100,"privileges":"none"}]}""";
        JsonException error = Assert.Throws<JsonException>(() => RetentionJson.Deserialize<TierScheme>(json));
        Assert.Contains("margin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConstructorRejection_InAGeneratedType_ThrowsJsonExceptionNamingTheMember()
    {
        JsonException error = Assert.Throws<JsonException>(() => RetentionJson.Deserialize<CustomerTier>("""{"name":" ","threshold":1,"privileges":"none"}"""));
        Assert.Contains("'name'", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<ArgumentException>(error.InnerException);
    }

    [Fact]
    public void PurchaseSummary_MoreDaysThanTransactions_Throws()
    {
        const string json = """{"firstPurchase":"2020-01-01","lastPurchase":"2020-01-10","transactions":2,"purchaseDays":3,"totalAmount":10,"firstDayAmount":1}""";
        JsonException error = Assert.Throws<JsonException>(() => RetentionJson.Deserialize<PurchaseSummary>(json));
        Assert.Contains("transactions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PurchaseSummaries_RepeatedCustomer_Throws()
    {
        const string row = """{"customer":"a","firstPurchase":"2020-01-01","lastPurchase":"2020-01-01","transactions":1,"purchaseDays":1,"totalAmount":10,"firstDayAmount":10}""";
        string json = $$"""{"through":null,"customers":[{{row}},{{row}}]}""";
        JsonException error = Assert.Throws<JsonException>(() => RetentionJson.Deserialize<PurchaseSummaries>(json));
        Assert.Contains("more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PurchaseSummariesRow_BadSummary_NamesTheRow()
    {
        const string json = """{"through":null,"customers":[{"customer":"a","firstPurchase":"2020-01-01","lastPurchase":"2020-01-01","transactions":-1,"purchaseDays":1,"totalAmount":10,"firstDayAmount":10}]}""";
        JsonException error = Assert.Throws<JsonException>(() => RetentionJson.Deserialize<PurchaseSummaries>(json));
        Assert.Contains("customers[0]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ModelInput_InfiniteT_Throws()
    {
        JsonException error = Assert.Throws<JsonException>(() => RetentionJson.Deserialize<ModelInput>("""{"frequency":1,"recency":1,"t":"Infinity","monetaryValue":0}"""));
        Assert.Contains("t", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ComplaintCase_StepsOutOfOrder_Throws()
    {
        const string json = """{"caseId":"c","customerId":null,"steps":[{"step":"listen","note":"x"},{"step":"act","note":"y"}]}""";
        Assert.Throws<JsonException>(() => RetentionJson.Deserialize<ComplaintCase>(json));
    }

    [Fact]
    public void WarningRule_UnknownKind_Throws() =>
        Assert.Throws<JsonException>(() => RetentionJson.Deserialize<WarningRule>("""{"kind":"mystery","level":"watch"}"""));

    [Theory]
    [InlineData("null")]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[1,2]")]
    public void NotAnObject_Throws(string json) =>
        Assert.Throws<JsonException>(() => RetentionJson.Deserialize<ChurnRate[]>(json == "[1,2]" ? "[0.5, 2]" : json));

    [Fact]
    public void WriteOnlyType_CannotBeRead_SaysSo() =>
        Assert.Throws<NotSupportedException>(() => RetentionJson.Deserialize<RfmResult>("""{}"""));

    [Fact]
    public void Cohort_FirstPeriodNotTheWholeCohort_Throws()
    {
        const string json = """{"period":"month","cohorts":[{"start":"2024-03-01","customers":2,"active":[1,1],"revenue":[5,5]}]}""";
        JsonException error = Assert.Throws<JsonException>(() => RetentionJson.Deserialize<CohortTable>(json));
        Assert.Contains("active", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TypeWithoutContract_ThrowsNotSupported() =>
        Assert.Throws<NotSupportedException>(() => RetentionJson.Serialize(new Version(1, 2)));
}
