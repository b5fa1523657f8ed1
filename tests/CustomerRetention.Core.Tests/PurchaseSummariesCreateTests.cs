using NodaTime;

namespace CustomerRetention.Core.Tests;

/// <summary><see cref="PurchaseSummaries.Create"/>: summaries computed elsewhere (e.g. by a database) become the library's type, checked.</summary>
public sealed class PurchaseSummariesCreateTests
{
    private static readonly PurchaseSummary Two = new(new LocalDate(1997, 1, 1), new LocalDate(1997, 1, 18), 3, 2, 59.06m, 29.33m);

    [Fact]
    public void Created_Summaries_Equal_The_Aggregators_For_The_Same_Rows()
    {
        Transaction[] rows =
        [
            new(new CustomerId("1"), new LocalDate(1997, 1, 1), 29.33m),
            new(new CustomerId("1"), new LocalDate(1997, 1, 18), 20.00m),
            new(new CustomerId("1"), new LocalDate(1997, 1, 18), 9.73m),
        ];
        PurchaseSummaries computed = PurchaseAggregator.Summarize(rows, new LocalDate(1997, 9, 30));

        PurchaseSummaries created = PurchaseSummaries.Create([new CustomerId("1")], [Two], new LocalDate(1997, 9, 30));

        Assert.Equal(computed.Through, created.Through);
        Assert.Equal(computed[0], created[0]);
        Assert.True(created.TryGet(new CustomerId("1"), out PurchaseSummary found));
        Assert.Equal(Two, found);
    }

    [Fact]
    public void Bad_Parts_Are_Rejected_Naming_The_Parameter()
    {
        CustomerId a = new("a");
        Assert.Equal("summaries", Assert.Throws<ArgumentException>(() => PurchaseSummaries.Create([a], [])).ParamName);
        Assert.Equal("customers", Assert.Throws<ArgumentException>(() => PurchaseSummaries.Create([a, a], [Two, Two])).ParamName);
        Assert.Equal("summaries", Assert.Throws<ArgumentException>(() => PurchaseSummaries.Create([a], [default])).ParamName);
        Assert.Equal("through", Assert.Throws<ArgumentOutOfRangeException>(() => PurchaseSummaries.Create([a], [Two], new LocalDate(1997, 1, 10))).ParamName);
    }
}
