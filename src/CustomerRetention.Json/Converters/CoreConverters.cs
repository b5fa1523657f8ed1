using NodaTime;

namespace CustomerRetention.Json.Converters;

/// <summary><see cref="ModelInput"/>: <c>{ "frequency", "recency", "t", "monetaryValue" }</c>.</summary>
internal sealed class ModelInputJsonConverter : ObjectJsonConverter<ModelInput>
{
    internal static ModelInput ReadMembers(JsonMembers m) =>
        new(m.Int32("frequency"), m.Double("recency"), m.Double("t"), m.Decimal("monetaryValue"));

    internal static void WriteMembers(JsonMemberWriter w, ModelInput value)
    {
        w.Int32("frequency", value.Frequency);
        w.Double("recency", value.Recency);
        w.Double("t", value.T);
        w.Decimal("monetaryValue", value.MonetaryValue);
    }

    protected override ModelInput Read(JsonMembers m) => ReadMembers(m);

    protected override void Write(JsonMemberWriter w, ModelInput value) => WriteMembers(w, value);
}

/// <summary>
/// <see cref="PurchaseSummary"/>: the six members its constructor takes (<c>firstPurchase</c>,
/// <c>lastPurchase</c>, <c>transactions</c>, <c>purchaseDays</c>, <c>totalAmount</c>,
/// <c>firstDayAmount</c>). The summary of a customer without purchases (the default value) has
/// <c>transactions</c> 0 and reads back only with every other member as written.
/// </summary>
internal sealed class PurchaseSummaryJsonConverter : ObjectJsonConverter<PurchaseSummary>
{
    internal static PurchaseSummary ReadMembers(JsonMembers m)
    {
        LocalDate first = m.Value<LocalDate>("firstPurchase");
        LocalDate last = m.Value<LocalDate>("lastPurchase");
        long transactions = m.Int64("transactions");
        int purchaseDays = m.Int32("purchaseDays");
        decimal total = m.Decimal("totalAmount");
        decimal firstDay = m.Decimal("firstDayAmount");
        if (transactions != 0)
        {
            return new PurchaseSummary(first, last, transactions, purchaseDays, total, firstDay);
        }

        PurchaseSummary none = default;
        return first == none.FirstPurchase && last == none.LastPurchase && purchaseDays == 0 && total == 0m && firstDay == 0m
            ? none
            : throw new ArgumentException("A summary with no transactions has no purchase days, amounts or dates of its own.", "transactions");
    }

    internal static void WriteMembers(JsonMemberWriter w, PurchaseSummary value)
    {
        w.Value("firstPurchase", value.FirstPurchase);
        w.Value("lastPurchase", value.LastPurchase);
        w.Int64("transactions", value.Transactions);
        w.Int32("purchaseDays", value.PurchaseDays);
        w.Decimal("totalAmount", value.TotalAmount);
        w.Decimal("firstDayAmount", value.FirstDayAmount);
    }

    protected override PurchaseSummary Read(JsonMembers m) => ReadMembers(m);

    protected override void Write(JsonMemberWriter w, PurchaseSummary value) => WriteMembers(w, value);
}

/// <summary>
/// <see cref="PurchaseSummaries"/>: <c>{ "through", "customers": [ { "customer", …summary… } ] }</c>,
/// read back through <see cref="PurchaseSummaries.Create"/>.
/// </summary>
internal sealed class PurchaseSummariesJsonConverter : ObjectJsonConverter<PurchaseSummaries>
{
    protected override PurchaseSummaries Read(JsonMembers m)
    {
        IReadOnlyList<CustomerSummary> rows = m.Value<IReadOnlyList<CustomerSummary>>("customers");
        var customers = new CustomerId[rows.Count];
        var summaries = new PurchaseSummary[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            customers[i] = rows[i].Customer;
            summaries[i] = rows[i].Summary;
        }

        return PurchaseSummaries.Create(customers, summaries, m.NullableValue<LocalDate>("through"));
    }

    protected override void Write(JsonMemberWriter w, PurchaseSummaries value)
    {
        w.NullableValue("through", value.Through);
        var rows = new CustomerSummary[value.Count];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = new CustomerSummary(value.Customers[i], value[i]);
        }

        w.Value<IReadOnlyList<CustomerSummary>>("customers", rows);
    }
}

/// <summary>One customer's row of <see cref="PurchaseSummaries"/> on the wire: the customer id beside the summary's members.</summary>
internal readonly record struct CustomerSummary(CustomerId Customer, PurchaseSummary Summary);

/// <summary>The row converter: <c>{ "customer", "firstPurchase", … }</c>.</summary>
internal sealed class CustomerSummaryJsonConverter : ObjectJsonConverter<CustomerSummary>
{
    protected override string Name => "PurchaseSummaries row";

    protected override CustomerSummary Read(JsonMembers m) =>
        new(m.Value<CustomerId>("customer"), PurchaseSummaryJsonConverter.ReadMembers(m));

    protected override void Write(JsonMemberWriter w, CustomerSummary value)
    {
        w.Value("customer", value.Customer);
        PurchaseSummaryJsonConverter.WriteMembers(w, value.Summary);
    }
}

/// <summary>
/// <see cref="ModelInputs"/>: <c>{ "calibrationEnd", "unit", "customers": [ { "customer",
/// "frequency", "recency", "t", "monetaryValue" } ] }</c>, read back through <see cref="ModelInputs.Create"/>.
/// </summary>
internal sealed class ModelInputsJsonConverter : ObjectJsonConverter<ModelInputs>
{
    protected override ModelInputs Read(JsonMembers m)
    {
        IReadOnlyList<CustomerModelInput> rows = m.Value<IReadOnlyList<CustomerModelInput>>("customers");
        var customers = new CustomerId[rows.Count];
        var inputs = new ModelInput[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            customers[i] = rows[i].Customer;
            inputs[i] = rows[i].Input;
        }

        return ModelInputs.Create(customers, inputs, m.Value<LocalDate>("calibrationEnd"), m.Value<TimeUnit>("unit"));
    }

    protected override void Write(JsonMemberWriter w, ModelInputs value)
    {
        w.Value("calibrationEnd", value.CalibrationEnd);
        w.Value("unit", value.Unit);
        var rows = new CustomerModelInput[value.Count];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = new CustomerModelInput(value.Customers[i], value[i]);
        }

        w.Value<IReadOnlyList<CustomerModelInput>>("customers", rows);
    }
}

/// <summary>One customer's row of <see cref="ModelInputs"/> on the wire.</summary>
internal readonly record struct CustomerModelInput(CustomerId Customer, ModelInput Input);

/// <summary>The row converter: <c>{ "customer", "frequency", "recency", "t", "monetaryValue" }</c>.</summary>
internal sealed class CustomerModelInputJsonConverter : ObjectJsonConverter<CustomerModelInput>
{
    protected override string Name => "ModelInputs row";

    protected override CustomerModelInput Read(JsonMembers m) =>
        new(m.Value<CustomerId>("customer"), ModelInputJsonConverter.ReadMembers(m));

    protected override void Write(JsonMemberWriter w, CustomerModelInput value)
    {
        w.Value("customer", value.Customer);
        ModelInputJsonConverter.WriteMembers(w, value.Input);
    }
}

/// <summary>
/// <see cref="CalibrationHoldout"/>: <c>{ "calibrationEnd", "holdoutEnd", "calibration",
/// "holdoutPurchaseDays", "holdoutAmounts", "seriesStart", "dailyRepeatPurchases" }</c>, read back
/// through <see cref="CalibrationHoldout.Create"/>, which checks that the parts agree.
/// </summary>
internal sealed class CalibrationHoldoutJsonConverter : ObjectJsonConverter<CalibrationHoldout>
{
    protected override CalibrationHoldout Read(JsonMembers m) => CalibrationHoldout.Create(
        m.Value<LocalDate>("calibrationEnd"),
        m.Value<LocalDate>("holdoutEnd"),
        m.Value<PurchaseSummaries>("calibration"),
        m.Value<IReadOnlyList<int>>("holdoutPurchaseDays"),
        m.Value<IReadOnlyList<decimal>>("holdoutAmounts"),
        m.Value<LocalDate>("seriesStart"),
        m.Value<IReadOnlyList<int>>("dailyRepeatPurchases"));

    protected override void Write(JsonMemberWriter w, CalibrationHoldout value)
    {
        w.Value("calibrationEnd", value.CalibrationEnd);
        w.Value("holdoutEnd", value.HoldoutEnd);
        w.Value("calibration", value.Calibration);
        w.Value<IReadOnlyList<int>>("holdoutPurchaseDays", value.HoldoutPurchaseDays.ToArray());
        w.Value<IReadOnlyList<decimal>>("holdoutAmounts", value.HoldoutAmounts.ToArray());
        w.Value("seriesStart", value.SeriesStart);
        w.Value<IReadOnlyList<int>>("dailyRepeatPurchases", value.DailyRepeatPurchases.ToArray());
    }
}
