namespace CustomerRetention.Satisfaction.Tests;

public class RatingScaleTests
{
    [Fact]
    public void FivePoint_HasLabelsAndMidpoint()
    {
        RatingScale s = RatingScale.FivePoint;
        Assert.Equal(1, s.Minimum);
        Assert.Equal(5, s.Maximum);
        Assert.Equal(5, s.Points);
        Assert.Equal(3.0, s.Midpoint);
        Assert.Equal("very satisfied", s.Label(5));
        Assert.Null(RatingScale.ZeroToTen.Label(3));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(5.5)]
    [InlineData(double.NaN)]
    public void Validate_OutsideTheScale_Throws(double answer)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RatingScale.FivePoint.Validate(answer, "answer"));
        Assert.Equal("answer", e.ParamName);
    }

    [Fact]
    public void ToHundred_MapsTheEnds()
    {
        Assert.Equal(0, RatingScale.FivePoint.ToHundred(1));
        Assert.Equal(100, RatingScale.FivePoint.ToHundred(5));
        Assert.Equal(50, RatingScale.ZeroToTen.ToHundred(5));
        Assert.Throws<ArgumentOutOfRangeException>(() => RatingScale.OneToTen.ToHundred(0));
    }

    [Fact]
    public void Constructor_RejectsBadBoundsAndLabels()
    {
        Assert.Equal("maximum", Assert.Throws<ArgumentOutOfRangeException>(() => new RatingScale(5, 5)).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => new RatingScale(1, 3, ["a", "b"])).ParamName);
    }

    [Fact]
    public void Equality_ComparesBoundsAndLabels()
    {
        Assert.Equal(new RatingScale(1, 10), RatingScale.OneToTen);
        Assert.NotEqual(new RatingScale(1, 5), RatingScale.FivePoint);
    }
}
