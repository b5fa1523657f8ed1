using CustomerRetention.Churn;

namespace CustomerRetention.Json.Converters;

/// <summary><see cref="RetentionScenario"/>: <c>{ "valueBefore", "valueAfter", "change", "relativeChange" }</c> (the last two derived, ignored when reading).</summary>
internal sealed class RetentionScenarioJsonConverter : ObjectJsonConverter<RetentionScenario>
{
    protected override RetentionScenario Read(JsonMembers m) => new(m.Double("valueBefore"), m.Double("valueAfter"));

    protected override void Write(JsonMemberWriter w, RetentionScenario value)
    {
        w.Double("valueBefore", value.ValueBefore);
        w.Double("valueAfter", value.ValueAfter);
        w.Double("change", value.Change);
        w.Double("relativeChange", value.RelativeChange);
    }
}

/// <summary>
/// <see cref="SpendComparison"/>: <c>{ "customersSaved", "acquisitionCostAvoided", "retentionSpend" }</c>
/// plus the derived <c>netSaving</c>, <c>breakEvenSpend</c> and <c>costPerCustomerSaved</c>
/// (which is <c>"Infinity"</c> when spending saves nobody).
/// </summary>
internal sealed class SpendComparisonJsonConverter : ObjectJsonConverter<SpendComparison>
{
    protected override SpendComparison Read(JsonMembers m) =>
        new(m.Double("customersSaved"), m.Double("acquisitionCostAvoided"), m.Double("retentionSpend"));

    protected override void Write(JsonMemberWriter w, SpendComparison value)
    {
        w.Double("customersSaved", value.CustomersSaved);
        w.Double("acquisitionCostAvoided", value.AcquisitionCostAvoided);
        w.Double("retentionSpend", value.RetentionSpend);
        w.Double("netSaving", value.NetSaving);
        w.Double("breakEvenSpend", value.BreakEvenSpend);
        w.Double("costPerCustomerSaved", value.CostPerCustomerSaved);
    }
}

/// <summary>
/// <see cref="PeriodChurn"/>: the four counts <see cref="ChurnMath.Period"/> takes
/// (<c>customersAtStart</c>, <c>lost</c>, <c>newCustomers</c>, <c>newLost</c>) plus the derived
/// rates; read back through <see cref="ChurnMath.Period"/>.
/// </summary>
internal sealed class PeriodChurnJsonConverter : ObjectJsonConverter<PeriodChurn>
{
    protected override PeriodChurn Read(JsonMembers m) =>
        ChurnMath.Period(m.Int64("customersAtStart"), m.Int64("lost"), m.Int64("newCustomers"), m.Int64("newLost"));

    protected override void Write(JsonMemberWriter w, PeriodChurn value)
    {
        w.Int64("customersAtStart", value.CustomersAtStart);
        w.Int64("lost", value.Lost);
        w.Int64("newCustomers", value.NewCustomers);
        w.Int64("newLost", value.NewLost);
        w.Int64("customersAtEnd", value.CustomersAtEnd);
        w.Value("churn", value.Churn);
        w.NullableValue("newCustomerChurn", value.NewCustomerChurn);
        w.Double("rateCountingNewCustomers", value.RateCountingNewCustomers);
        w.Double("averageDenominatorRate", value.AverageDenominatorRate);
    }
}

/// <summary>
/// <see cref="RevenueRetention"/>: its seven components (<c>startingRevenue</c>, <c>expansion</c>,
/// <c>contraction</c>, <c>churnedRevenue</c>, <c>newRevenue</c>, <c>customers</c>,
/// <c>churnedCustomers</c>) plus the derived ratios; read back through
/// <see cref="RevenueRetention.FromComponents(double, double, double, double, double, long, long)"/>.
/// </summary>
internal sealed class RevenueRetentionJsonConverter : ObjectJsonConverter<RevenueRetention>
{
    protected override RevenueRetention Read(JsonMembers m) => RevenueRetention.FromComponents(
        m.Double("startingRevenue"), m.Double("expansion"), m.Double("contraction"), m.Double("churnedRevenue"),
        m.Double("newRevenue"), m.Int64("customers"), m.Int64("churnedCustomers"));

    protected override void Write(JsonMemberWriter w, RevenueRetention value)
    {
        w.Double("startingRevenue", value.StartingRevenue);
        w.Double("expansion", value.Expansion);
        w.Double("contraction", value.Contraction);
        w.Double("churnedRevenue", value.ChurnedRevenue);
        w.Double("newRevenue", value.NewRevenue);
        w.Int64("customers", value.Customers);
        w.Int64("churnedCustomers", value.ChurnedCustomers);
        w.Double("netRevenueRetention", value.NetRevenueRetention);
        w.Double("grossRevenueRetention", value.GrossRevenueRetention);
    }
}
