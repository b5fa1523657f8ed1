using NodaTime;

namespace CustomerRetention.Rfm.Tests;

public sealed class MigrationAndWarningTests
{
    [Fact]
    public void Migration_Counts_Customers_And_Revenue_Per_Cell()
    {
        // a: Champions → At Risk (100 → 120); b: Champions → Champions (50 → 80); c: At Risk → At Risk (10 → 10);
        // d: only before (At Risk, 5); e: only after (New Customers, 7).
        SegmentedCustomer[] before = [new("a", "Champions", 100m), new("b", "Champions", 50m), new("c", "At Risk", 10m), new("d", "At Risk", 5m)];
        SegmentedCustomer[] after = [new("b", "Champions", 80m), new("a", "At Risk", 120m), new("c", "At Risk", 10m), new("e", "New Customers", 7m)];
        SegmentMigration migration = SegmentMigration.Between(before, after);

        MigrationCell down = migration.Cell("Champions", "At Risk");
        Assert.Equal(1, down.Customers);
        Assert.Equal(100m, down.RevenueBefore);
        Assert.Equal(120m, down.RevenueAfter);
        Assert.Equal(1, migration.Cell("Champions", "Champions").Customers);
        Assert.Equal(1, migration.Cell(SegmentMigration.NotPresent, "New Customers").Customers);
        Assert.Equal(5m, migration.Cell("At Risk", SegmentMigration.NotPresent).RevenueBefore);
        Assert.Equal(0, migration.Cell("New Customers", "Champions").Customers);
        Assert.Equal(2, migration.CustomersFrom("Champions"));
        Assert.Equal(2, migration.CustomersTo("At Risk"));
        Assert.Equal(["Champions", "At Risk", "New Customers", SegmentMigration.NotPresent], migration.Segments);
        // 5 distinct customers → the cells add up to 5.
        Assert.Equal(5, migration.Cells.Sum(c => c.Customers));
    }

    [Fact]
    public void Migration_Follows_The_Given_Segment_Order_And_Rejects_Duplicates()
    {
        SegmentedCustomer[] rows = [new("a", "At Risk", 1m)];
        SegmentMigration m = SegmentMigration.Between(rows, rows, ["Champions", "At Risk"]);
        Assert.Equal(["Champions", "At Risk"], m.Segments);

        Assert.Throws<ArgumentException>(() => SegmentMigration.Between([new("a", "X", 1m), new("a", "Y", 1m)], rows));
    }

    [Fact]
    public void Cadence_Is_The_Mean_Gap_Between_Purchase_Days()
    {
        // First 1998-01-01, last 1998-03-02 (60 days), 4 purchase days → 60 / 3 = 20 days.
        PurchaseCadence c = PurchaseCadence.From(new LocalDate(1998, 1, 1), new LocalDate(1998, 3, 2), 4);
        Assert.Equal(20.0, c.MeanGapDays);
        Assert.True(c.HasCadence);
        Assert.False(PurchaseCadence.From(new LocalDate(1998, 1, 1), new LocalDate(1998, 1, 1), 1).HasCadence);
        Assert.Throws<ArgumentOutOfRangeException>(() => PurchaseCadence.From(new LocalDate(1998, 1, 1), new LocalDate(1998, 3, 2), 1));
    }

    [Fact]
    public void Personal_Cadence_Flags_A_Regular_Buyer_Gone_Silent_But_Not_A_Rare_Buyer()
    {
        // Both silent 45 days. Weekly buyer (gap 7): 45 > 2·7 = 14 and 45 > 4·7 = 28 → Critical.
        // Buyer with a 30-day gap: 45 ≤ 2·30 = 60 → nothing.
        var weekly = new CustomerSignals(new RfmValues(45, 10, 100m), new RfmScore(3, 5, 5), default, new PurchaseCadence(10, 7));
        var monthly = new CustomerSignals(new RfmValues(45, 10, 100m), new RfmScore(3, 5, 5), default, new PurchaseCadence(10, 30));

        EarlyWarning w = EarlyWarningRules.Default.Evaluate(weekly);
        Assert.Equal(WarningLevel.Critical, w.Level);
        Assert.Equal(2, w.Reasons.Count);
        Assert.Equal("no purchase for 45 days, 6.4x the usual gap of 7 days (rule: more than 2x)", w.Reasons[0]);
        Assert.Equal(WarningLevel.Critical, EarlyWarningRules.Default.LevelOf(weekly));
        Assert.Same(EarlyWarning.None, EarlyWarningRules.Default.Evaluate(monthly));
    }

    [Fact]
    public void Score_Drop_And_Threshold_Rules_Explain_Themselves()
    {
        // R fell 5 → 2 (drop 3 ≥ 2 → Warning); F 4 and R 2 → "frequent buyer gone quiet" → Critical.
        var s = new CustomerSignals(new RfmValues(200, 8, 300m), new RfmScore(2, 4, 4), new RfmScore(5, 4, 4), default);
        EarlyWarning w = EarlyWarningRules.Default.Evaluate(s);

        Assert.Equal(WarningLevel.Critical, w.Level);
        Assert.Equal(
            ["R score fell from 5 to 2 (rule: a drop of 2 or more)", "frequent buyer gone quiet: F score 4 >= 4 and R score 2 <= 2"],
            w.Reasons);
    }

    [Fact]
    public void Value_Threshold_Rule_On_Recency_Days()
    {
        // "recency ≥ 180 days" at Watch: 180 fires (≥), 179 does not.
        var rules = new EarlyWarningRules([new ThresholdRule("lapsed", [new ThresholdCondition(RfmDimension.Recency, ThresholdTarget.Value, atLeast: true, 180)], WarningLevel.Watch)]);
        var at = new CustomerSignals(new RfmValues(180, 1, 1m), new RfmScore(1, 1, 1), default, default);
        var before = new CustomerSignals(new RfmValues(179, 1, 1m), new RfmScore(1, 1, 1), default, default);

        Assert.Equal(WarningLevel.Watch, rules.LevelOf(at));
        Assert.Equal("lapsed: recency (days) 180 >= 180", rules.Evaluate(at).Reasons[0]);
        Assert.Equal(WarningLevel.None, rules.LevelOf(before));
    }

    [Fact]
    public void Rules_Are_Validated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CadenceRule(0, 3, WarningLevel.Watch));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CadenceRule(2, 1, WarningLevel.Watch));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CadenceRule(2, 3, WarningLevel.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScoreDropRule(RfmDimension.Recency, 0, WarningLevel.Watch));
        Assert.Throws<ArgumentException>(() => new ThresholdRule("x", [], WarningLevel.Watch));
    }
}
