using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerRetention.Core.Tests;

public sealed class TransactionTableTests
{
    private static readonly LocalDate Start = new(2022, 1, 1);

    [Fact]
    public void Amounts_Of_Mixed_Scales_Stay_Exact()
    {
        var builder = new TransactionTable.Builder();
        builder.Add(new CustomerId("A"), Start, 1m);
        builder.Add(new CustomerId("A"), Start.PlusDays(1), 0.125m);
        builder.Add(new CustomerId("B"), Start, -2.5m);

        TransactionTable table = builder.ToTable();

        Assert.True(table.TryGetAmountUnits(out ReadOnlySpan<long> units, out int scale));
        Assert.Equal(3, scale);
        Assert.Equal([1000L, 125L, -2500L], units.ToArray());
        Assert.Equal([1m, 0.125m, -2.5m], table.Amounts.ToArray());
        Assert.Equal(-2.5m, table[2].Amount);
    }

    [Theory]
    [InlineData("100000000000000000000")]
    [InlineData("0.0000000001")]
    [InlineData("-12345678901234567890123.5")]
    public void Amounts_Beyond_Scaled_Integers_Fall_Back_To_Decimals(string big)
    {
        decimal amount = decimal.Parse(big, System.Globalization.CultureInfo.InvariantCulture);
        var builder = new TransactionTable.Builder();
        builder.Add(new CustomerId("A"), Start, 1.5m);
        builder.Add(new CustomerId("A"), Start.PlusDays(1), amount);

        TransactionTable table = builder.ToTable();

        Assert.False(table.TryGetAmountUnits(out _, out _));
        Assert.Equal([1.5m, amount], table.Amounts.ToArray());
        Assert.Equal(amount, Assert.Single(PurchaseAggregator.Summarize(table)).RepeatAmount);
    }

    [Fact]
    public void Integer_Totals_That_Would_Overflow_Are_Summed_As_Decimals()
    {
        long big = long.MaxValue / 2;
        var destination = new PurchaseSummary[1];

        PurchaseAggregator.Summarize([0, 0, 0], [1, 2, 3], [big, big, big], 0, int.MaxValue, destination);

        Assert.Equal(3m * big, destination[0].TotalAmount);
        Assert.Equal(2m * big, destination[0].RepeatAmount);
    }

    [Fact]
    public void Scaled_Units_And_Decimals_Give_The_Same_Summaries_Meets_Specification() =>
        Properties.Check(Prop.ForAll(
            Gen.ArrayOf(Gen.Choose(0, int.MaxValue)).ToArbitrary(),
            codes =>
            {
                int n = codes.Length;
                var customers = new int[n];
                var days = new int[n];
                var units = new long[n];
                var amounts = new decimal[n];
                for (int i = 0; i < n; i++)
                {
                    customers[i] = codes[i] % 5;
                    days[i] = codes[i] / 5 % 30;
                    units[i] = (codes[i] / 150 % 200_001) - 100_000;
                    amounts[i] = units[i] / 1000m;
                }

                var fromUnits = new PurchaseSummary[5];
                var fromDecimals = new PurchaseSummary[5];
                PurchaseAggregator.Summarize(customers, days, units, 3, 20, fromUnits);
                PurchaseAggregator.Summarize(customers, days, amounts, 20, fromDecimals);
                return fromUnits.SequenceEqual(fromDecimals);
            }));

    [Theory]
    [InlineData("2.5")]
    [InlineData("100000000000000000000")]
    public void A_Table_Summarizes_Into_A_Span_Indexed_By_Its_Customers(string bAmount)
    {
        // Scaled integers (2.5) or decimals (1e20): A has 1 + 2 on its first day and 4 two days later; B is after
        // the cut-off and stays empty.
        var builder = new TransactionTable.Builder();
        builder.Add(new CustomerId("A"), Start, 1m);
        builder.Add(new CustomerId("B"), Start.PlusDays(5), decimal.Parse(bAmount, System.Globalization.CultureInfo.InvariantCulture));
        builder.Add(new CustomerId("A"), Start, 2m);
        builder.Add(new CustomerId("A"), Start.PlusDays(2), 4m);
        TransactionTable table = builder.ToTable();
        var destination = new PurchaseSummary[2];

        PurchaseAggregator.Summarize(table, DayNumbers.FromDate(Start.PlusDays(4)), destination);

        Assert.Equal(7m, destination[0].TotalAmount);
        Assert.Equal(4m, destination[0].RepeatAmount);
        Assert.Equal(2, destination[0].PurchaseDays);
        Assert.False(destination[1].HasPurchases);
        var error = Assert.Throws<ArgumentException>(() => PurchaseAggregator.Summarize(table, int.MaxValue, new PurchaseSummary[3]));
        Assert.Equal("destination", error.ParamName);
    }

    [Fact]
    public void The_Builder_Cannot_Be_Used_After_ToTable()
    {
        var builder = new TransactionTable.Builder();
        builder.Add(new CustomerId("A"), Start, 1m);
        TransactionTable table = builder.ToTable();

        Assert.Throws<InvalidOperationException>(() => builder.Add(new CustomerId("B"), Start, 1m));
        Assert.Throws<InvalidOperationException>(() => builder.ToTable());
        Assert.Single(table);
    }

    [Fact]
    public void Many_Customers_Are_Interned_Once_Each()
    {
        var builder = new TransactionTable.Builder(0);
        for (int round = 0; round < 3; round++)
        {
            for (int c = 0; c < 50_000; c++)
            {
                builder.Add(("K" + c.ToString(System.Globalization.CultureInfo.InvariantCulture)).AsSpan(), 19000 + round, 1m);
            }
        }

        TransactionTable table = builder.ToTable();

        Assert.Equal(150_000, table.Count);
        Assert.Equal(50_000, table.CustomerCount);
        Assert.Equal(new CustomerId("K49999"), table.Customers[table.CustomerIndices[^1]]);
        Assert.Equal(49_999, table.CustomerIndices[^1]);
    }
}
