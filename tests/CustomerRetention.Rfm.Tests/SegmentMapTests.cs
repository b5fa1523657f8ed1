namespace CustomerRetention.Rfm.Tests;

public sealed class SegmentMapTests
{
    [Theory]
    // The grid (R first, F second), one cell of each rule; M plays no part.
    [InlineData(1, 1, "Hibernating")]
    [InlineData(2, 2, "Hibernating")]
    [InlineData(1, 3, "At Risk")]
    [InlineData(2, 4, "At Risk")]
    [InlineData(2, 5, "Can't Lose Them")]
    [InlineData(3, 2, "About To Sleep")]
    [InlineData(3, 3, "Need Attention")]
    [InlineData(3, 4, "Loyal Customers")]
    [InlineData(4, 5, "Loyal Customers")]
    [InlineData(4, 1, "Promising")]
    [InlineData(5, 1, "New Customers")]
    [InlineData(4, 3, "Potential Loyalists")]
    [InlineData(5, 2, "Potential Loyalists")]
    [InlineData(5, 4, "Champions")]
    [InlineData(5, 5, "Champions")]
    public void Default_Grid(int r, int f, string segment)
    {
        for (int m = 1; m <= 5; m++)
        {
            Assert.Equal(segment, SegmentMap.Default.Classify(new RfmScore(r, f, m)).Name);
        }
    }

    [Fact]
    public void Default_Grid_Is_Complete_Without_Fallback_And_Every_Segment_Has_An_Action()
    {
        Assert.Null(SegmentMap.Default.Fallback);
        Assert.Equal(5, SegmentMap.Default.Bins);
        Assert.Equal(10, SegmentMap.Default.Segments.Count);
        Assert.All(SegmentMap.Default.Segments, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Description));
            Assert.False(string.IsNullOrWhiteSpace(s.Action));
        });
    }

    [Fact]
    public void Rfm_Package_Table_First_Match_Wins_With_Others_Fallback()
    {
        // rfm 0.3 rfm_segment example: Champions R5 F5 M5; 4-4-4 matches Potential Loyalist (R3-5 F3-5 M2-5)
        // before Loyal Customers (R2-4 F2-4 M2-4); 2-5-1 matches no row → Others.
        SegmentMap map = SegmentMap.RfmPackage;
        Assert.Equal("Champions", map.Classify(new RfmScore(5, 5, 5)).Name);
        Assert.Equal("Potential Loyalist", map.Classify(new RfmScore(4, 4, 4)).Name);
        Assert.Equal("Loyal Customers", map.Classify(new RfmScore(2, 2, 2)).Name);
        Assert.Equal("Lost", map.Classify(new RfmScore(1, 1, 1)).Name);
        Assert.Equal("Others", map.Classify(new RfmScore(2, 5, 1)).Name);
        Assert.Same(Segments.Others, map.Fallback);
    }

    [Fact]
    public void Map_Without_Fallback_Must_Cover_Every_Cell()
    {
        var a = new Segment("A", "a", "act");
        var e = Assert.Throws<ArgumentException>(() => new SegmentMap(3, [new SegmentRule(a, new ScoreRange(1, 3), new ScoreRange(1, 2))]));
        Assert.Contains("R 1 F 3 M 1", e.Message, StringComparison.Ordinal);

        var other = new Segment("Other", "rest", "look");
        var map = new SegmentMap(3, [new SegmentRule(a, new ScoreRange(1, 3), new ScoreRange(1, 2))], other);
        Assert.Equal("Other", map.Classify(new RfmScore(2, 3, 1)).Name);
        Assert.Equal("A", map.Classify(new RfmScore(2, 2, 3)).Name);
    }

    [Fact]
    public void Ranges_Outside_The_Bins_Are_Rejected_When_Built()
    {
        var a = new Segment("A", "a", "act");
        Assert.Throws<ArgumentOutOfRangeException>(() => new SegmentMap(3, [new SegmentRule(a, new ScoreRange(1, 4), new ScoreRange(1, 3))], a));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScoreRange(3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScoreRange(0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SegmentRule(a, default, new ScoreRange(1, 3)));
        Assert.Throws<ArgumentException>(() => new SegmentMap(3, []));
    }

    [Fact]
    public void Classify_Rejects_Scores_Above_The_Map_Bins()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SegmentMap.Default.Classify(new RfmScore(6, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => SegmentMap.Default.Classify(default));
    }

    [Fact]
    public void Span_Classification_Matches_One_By_One()
    {
        RfmScore[] scores = [new(5, 5, 5), new(1, 1, 1), new(3, 3, 2)];
        var indexes = new int[3];
        SegmentMap.Default.Classify(scores, indexes);

        for (int i = 0; i < scores.Length; i++)
        {
            Assert.Equal(SegmentMap.Default.Classify(scores[i]), SegmentMap.Default.Segments[indexes[i]]);
        }
    }
}
