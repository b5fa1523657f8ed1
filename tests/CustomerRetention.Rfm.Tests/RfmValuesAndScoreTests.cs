using NodaTime;

namespace CustomerRetention.Rfm.Tests;

public sealed class RfmValuesAndScoreTests
{
    [Fact]
    public void Values_At_An_As_Of_Date()
    {
        // Last purchase 1998-01-01, as-of 1998-06-30: 31 + 28 + 31 + 30 + 31 + 30 − 1 = 180 days.
        var asOf = new LocalDate(1998, 6, 30);
        RfmValues total = RfmValues.At(asOf, new LocalDate(1998, 1, 1), 4, 100.50m);
        RfmValues mean = RfmValues.At(asOf, new LocalDate(1998, 1, 1), 4, 100.50m, MonetaryMeasure.Mean);

        Assert.Equal(180, total.RecencyDays);
        Assert.Equal(4, total.Frequency);
        Assert.Equal(100.50m, total.Monetary);
        Assert.Equal(25.125m, mean.Monetary); // 100.50 / 4
        Assert.Equal(0, RfmValues.At(asOf, asOf, 1, 5m).RecencyDays);
    }

    [Fact]
    public void Values_Reject_A_Purchase_After_The_As_Of_Date_And_No_Transactions()
    {
        var asOf = new LocalDate(1998, 6, 30);
        Assert.Throws<ArgumentOutOfRangeException>(() => RfmValues.At(asOf, asOf.PlusDays(1), 1, 5m));
        Assert.Throws<ArgumentOutOfRangeException>(() => RfmValues.At(asOf, asOf, 0, 5m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RfmValues(-1, 1, 5m));
    }

    [Fact]
    public void Score_Code_Totals_And_Cell()
    {
        var s = new RfmScore(5, 4, 3);

        Assert.Equal(543, s.Code);
        Assert.Equal(12, s.Total);
        Tolerance.Close(0.5 * 5 + 0.3 * 4 + 0.2 * 3, s.WeightedTotal(0.5, 0.3, 0.2)); // 2.5 + 1.2 + 0.6 = 4.3
        Assert.Equal(((4 * 5) + 3) * 5 + 2, s.CellIndex(5)); // ((R−1)·k + F−1)·k + M−1 = 117
        Assert.Equal("5-4-3", s.ToString());
        Assert.True(s.IsScored);
        Assert.False(default(RfmScore).IsScored);
    }

    [Fact]
    public void Score_Rejects_Out_Of_Range_Components()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RfmScore(0, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RfmScore(1, 11, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RfmScore(5, 5, 5).CellIndex(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RfmScore(5, 5, 5).WeightedTotal(double.NaN, 1, 1));
    }
}
