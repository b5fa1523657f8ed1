using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerRetention.Core.Tests;

public sealed class VocabularyTests
{
    [Fact]
    public void Customer_Ids_Compare_Ordinally()
    {
        Assert.NotEqual(new CustomerId("c01"), new CustomerId("C01"));
        Assert.Equal(new CustomerId("C01"), new CustomerId("C01"));
        Assert.True(new CustomerId("B") < new CustomerId("a"));
        Assert.Equal(string.Empty, default(CustomerId).Value);
        Assert.Throws<ArgumentNullException>(() => new CustomerId(null!));
    }

    [Fact]
    public void Time_Units_Convert_Days()
    {
        // 213 days = 30.43 weeks: customer 1 of the CDNOW summary (cdnow_sample_summary_weeks.csv).
        Tolerance.Decimals(30.43, TimeUnit.Week.FromDays(213), 2);
        Assert.Equal(213.0, TimeUnit.Day.FromDays(213));
        Assert.Equal(14.0, TimeUnit.Week.ToDays(2));
        Assert.Equal(TimeUnit.Week, TimeUnit.Parse("Weeks"));
        Assert.Equal(TimeUnit.Day, TimeUnit.Parse("day"));
        Assert.Equal(TimeUnit.Day, default);
        Assert.Equal(30.4375, TimeUnit.Parse("30.4375").LengthInDays);
        Assert.Equal("week", TimeUnit.Week.ToString());
        Assert.Throws<FormatException>(() => TimeUnit.Parse("fortnight"));
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeUnit.OfDays(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeUnit.OfDays(double.NaN));
    }

    [Fact]
    public void Probabilities_Are_Validated()
    {
        Assert.Equal(0.25, new Probability(0.75).Complement.Value);
        Assert.Equal(0.0, Probability.Zero.Value);
        Assert.Equal(1.0, (double)Probability.One);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Probability(1.0000001));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Probability(-0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Probability(double.NaN));
    }

    [Fact]
    public void Day_Numbers_Agree_With_NodaTime_Meets_Specification() =>
        Properties.ForAll(Gen.Choose(-700_000, 2_900_000).ToArbitrary(), offset =>
        {
            LocalDate date = new LocalDate(1, 1, 1).PlusDays(offset);
            int n = DayNumbers.FromDate(date);
            return n == Period.DaysBetween(DayNumbers.Epoch, date) && DayNumbers.ToDate(n) == date;
        });
}
