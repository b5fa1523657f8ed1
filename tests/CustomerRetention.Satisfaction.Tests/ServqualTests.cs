namespace CustomerRetention.Satisfaction.Tests;

public class ServqualTests
{
    [Fact]
    public void Gaps_PerDimensionAndOverall()
    {
        // Hand-worked on 1–7: reliability items (E 6.5, P 5.0) and (E 6.0, P 5.5) → gap −1.0;
        // tangibles (E 5.0, P 5.5) → +0.5. Unweighted = (−1.0 + 0.5)/2 = −0.25;
        // weights tangibles 20, reliability 30 (others unmeasured) → 0.4·0.5 + 0.6·(−1.0) = −0.4.
        ServqualItem[] items =
        [
            new(ServqualDimension.Reliability, 6.5, 5.0),
            new(ServqualDimension.Reliability, 6.0, 5.5),
            new(ServqualDimension.Tangibles, 5.0, 5.5),
        ];
        ServqualResult r = Servqual.Gaps(RatingScale.SevenPoint, items);
        Assert.Equal(2, r.Dimensions.Count);
        Assert.Equal(ServqualDimension.Tangibles, r.Dimensions[0].Dimension);
        Tolerance.Close(0.5, r.Dimensions[0].Gap);
        Tolerance.Close(-1.0, r.Dimensions[1].Gap);
        Tolerance.Close(-0.25, r.UnweightedScore);
        Tolerance.Close(-0.25, r.WeightedScore);
        ServqualResult w = Servqual.Gaps(RatingScale.SevenPoint, items, [20, 30, 25, 15, 10]);
        Tolerance.Close(-0.4, w.WeightedScore, 1e-12);
        Tolerance.Close(-0.25, w.UnweightedScore);
    }

    [Fact]
    public void BadInput_NamesTheParameter()
    {
        Assert.Equal("items", Assert.Throws<ArgumentException>(() => Servqual.Gaps(RatingScale.SevenPoint, [])).ParamName);
        Assert.Equal("items", Assert.Throws<ArgumentOutOfRangeException>(() => Servqual.Gaps(RatingScale.SevenPoint, [new(ServqualDimension.Empathy, 8, 5)])).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => Servqual.Gaps(RatingScale.SevenPoint, [new(ServqualDimension.Empathy, 5, 5)], [1, 2])).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentOutOfRangeException>(() => Servqual.Gaps(RatingScale.SevenPoint, [new(ServqualDimension.Empathy, 5, 5)], [1, 1, 1, 1, -1])).ParamName);
    }

    [Fact]
    public void GapModel_HasFiveGapsInOrder()
    {
        // Parasuraman, Zeithaml & Berry (1985), Figure 1.
        Assert.Equal([1, 2, 3, 4, 5], ServiceGapModel.All.Select(g => g.Number).ToArray());
        Assert.Equal("Expected service", ServiceGapModel.Describe(ServiceGap.Perception).From);
        Assert.Equal("Perceived service", ServiceGapModel.Describe(ServiceGap.Perception).To);
        for (int i = 1; i < 3; i++)
        {
            Assert.Equal(ServiceGapModel.All[i - 1].To, ServiceGapModel.All[i].From); // gaps 1–3 chain
        }
    }
}
