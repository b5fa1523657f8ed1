using CustomerRetention.Orleans.Registry;
using CustomerRetention.Orleans.Hosting;
using CustomerRetention.Orleans.Model;
using CustomerRetention.Orleans.Serialization;
using NodaTime;

namespace CustomerRetention.Orleans.Customers;

/// <summary>
/// A customer's grain (see <see cref="ICustomerGrain"/>). The summary of all purchases is kept in memory
/// and recomputed (by Core's <see cref="PurchaseAggregate"/>) only when a purchase is recorded, so a score
/// is a few arithmetic operations on it.
/// </summary>
public sealed class CustomerGrain(
    [PersistentState("customer", CustomerRetentionStorage.Name)] IPersistentState<CustomerState> state,
    CurrentModelCache models) : Grain, ICustomerGrain
{
    private PurchaseSummary? _summary;

    private CustomerId Customer => new(this.GetPrimaryKeyString());

    /// <inheritdoc/>
    public async Task<RecordOutcome> Record(IReadOnlyList<Purchase> purchases)
    {
        ArgumentNullException.ThrowIfNull(purchases);
        for (int i = 0; i < purchases.Count; i++)
        {
            if (string.IsNullOrEmpty(purchases[i].IdempotencyKey))
            {
                throw new ArgumentException(FormattableString.Invariant($"Purchase {i} of customer '{Customer}' has no idempotency key."), nameof(purchases));
            }
        }

        CustomerState s = state.State;
        var fresh = new List<Purchase>(purchases.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (Purchase p in purchases)
        {
            if (!s.RecordedKeys.Contains(p.IdempotencyKey) && seen.Add(p.IdempotencyKey))
            {
                fresh.Add(p);
            }
        }

        if (fresh.Count == 0)
        {
            return new RecordOutcome(0, purchases.Count);
        }

        if (!s.Registered)
        {
            // Registered before the purchases are durable: a customer with a durable purchase is always listed.
            await GrainFactory.GetGrain<ICustomerRegistryGrain>(CustomerRegistry.ShardOf(Customer)).Register(Customer);
            s.Registered = true;
        }

        foreach (Purchase p in fresh)
        {
            int day = DayNumbers.FromDate(p.Date);
            DayTotal total = s.Days.GetValueOrDefault(day);
            s.Days[day] = new DayTotal(total.Amount + p.Amount, total.Transactions + 1);
            s.RecordedKeys.Add(p.IdempotencyKey);
        }

        _summary = null;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // The memory now holds purchases that may not be durable: drop this activation so that the
            // retry starts from the stored state and records them again.
            DeactivateOnIdle();
            throw;
        }

        return new RecordOutcome(fresh.Count, purchases.Count - fresh.Count);
    }

    /// <inheritdoc/>
    public Task<PurchaseSummary> GetSummary(LocalDate? through) => Task.FromResult(SummaryThrough(through));

    /// <inheritdoc/>
    public async Task<CustomerScore?> Score(ScoreRequest request)
    {
        request.Checked(nameof(request));
        CustomerBaseModel model = await models.GetAsync()
            ?? throw new InvalidOperationException("There is no model of the customer base yet: refit it first.");
        LocalDate asOf = request.AsOf ?? model.CalibrationEnd;
        PurchaseSummary summary = SummaryThrough(asOf);
        if (!summary.HasPurchases)
        {
            return null;
        }

        ModelInput input = summary.ToModelInput(asOf, model.Unit);
        double value = (double)(input.Frequency > 0 ? input.MonetaryValue : model.MeanRepeatSpend);
        return new CustomerScore(
            summary,
            asOf,
            Period.DaysBetween(summary.LastPurchase, asOf),
            summary.Transactions,
            summary.TotalAmount,
            input,
            BetaGeoModel.ProbabilityAlive(model.BetaGeo, input),
            BetaGeoModel.ExpectedPurchases(model.BetaGeo, input, request.Horizon),
            BetaGeoModel.LifetimeValue(model.BetaGeo, input, value, request.Horizon, request.DiscountRate),
            model.Version);
    }

    private PurchaseSummary SummaryThrough(LocalDate? through)
    {
        PurchaseSummary all = _summary ??= Summarize(null);
        if (!all.HasPurchases || through is not LocalDate cut || cut >= all.LastPurchase)
        {
            return all;
        }

        return Summarize(cut);
    }

    private PurchaseSummary Summarize(LocalDate? through)
    {
        PurchaseSummaries summaries = PurchaseAggregate
            .FromDailyPurchases(state.State.Days.Select(d => new DailyPurchase(Customer, DayNumbers.ToDate(d.Key), d.Value.Amount, d.Value.Transactions)))
            .Summarize(through);
        return summaries.Count == 0 ? default : summaries[0];
    }
}
