using CustomerRetention.Relationships;
using NodaTime;

namespace CustomerRetention.Relationships.Tests;

/// <summary>Prospect follow-up classes (domain brief §1).</summary>
public sealed class ProspectsTests
{
    [Theory]
    // Domain brief §1: very promising = focused on a model; promising = budget, clear need, high interest;
    // ordinary = clear need, average interest; no intent = explicit refusal.
    [InlineData(true, InterestLevel.High, true, true, false, ProspectClass.VeryPromising)]
    [InlineData(true, InterestLevel.High, true, false, false, ProspectClass.Promising)]
    [InlineData(true, InterestLevel.Average, false, false, false, ProspectClass.Ordinary)]
    [InlineData(true, InterestLevel.High, false, false, false, ProspectClass.Ordinary)]
    [InlineData(true, InterestLevel.High, true, true, true, ProspectClass.NoIntent)]
    [InlineData(false, InterestLevel.High, true, false, false, ProspectClass.NoIntent)]
    [InlineData(true, InterestLevel.Low, true, false, false, ProspectClass.NoIntent)]
    public void Classify_FollowsTheRules(bool need, InterestLevel interest, bool budget, bool focused, bool refused, ProspectClass expected)
    {
        ProspectClassification c = Prospects.Classify(new ProspectSignals(need, interest, budget, focused, refused));

        Assert.Equal(expected, c.Class);
        Assert.False(string.IsNullOrWhiteSpace(c.Reason));
    }

    [Fact]
    public void Plans_GiveChannelCadenceTopics()
    {
        FollowUpPlan plan = Prospects.PlanFor(ProspectClass.Promising);

        Assert.Equal(FollowUpChannel.Call, plan.Channel);
        Assert.Equal(new LocalDate(2026, 1, 8), plan.NextContact(new LocalDate(2026, 1, 1)));
        Assert.True(plan.Topics.HasFlag(FollowUpTopic.OpenQuestion));
        Assert.Equal(4, Prospects.DefaultPlans.Count);
        Assert.Equal(new LocalDate(2026, 4, 30), Prospects.PlanFor(ProspectClass.NoIntent).NextContact(new LocalDate(2026, 1, 30)));
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Prospects.Classify(new ProspectSignals(true, (InterestLevel)7, true, false, false)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Prospects.PlanFor((ProspectClass)(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FollowUpPlan(FollowUpChannel.Call, Period.Zero, FollowUpTopic.News));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FollowUpPlan(FollowUpChannel.Call, Period.FromHours(3), FollowUpTopic.News));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FollowUpPlan(FollowUpChannel.Call, Period.FromDays(1), FollowUpTopic.None));
    }
}
