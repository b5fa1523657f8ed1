using CustomerRetention.Orleans.Registry;
using CustomerRetention.Orleans.Hosting;
using NodaTime;

namespace CustomerRetention.Orleans.Model;

/// <summary>The model grain (see <see cref="IModelGrain"/>); state in the package's grain storage.</summary>
public sealed class ModelGrain([PersistentState("model", CustomerRetentionStorage.Name)] IPersistentState<ModelState> state) : Grain, IModelGrain
{
    /// <inheritdoc/>
    public async Task<CustomerBaseModel> Refit(LocalDate calibrationEnd, double unitLengthInDays)
    {
        if (!(unitLengthInDays > 0) || double.IsInfinity(unitLengthInDays))
        {
            throw new ArgumentOutOfRangeException(nameof(unitLengthInDays), unitLengthInDays, "The unit length must be a positive, finite number of days.");
        }

        var shards = new Task<PopulationCounts>[CustomerRegistry.ShardCount];
        for (int i = 0; i < shards.Length; i++)
        {
            shards[i] = GrainFactory.GetGrain<ICustomerRegistryGrain>(i).Collect(calibrationEnd);
        }

        PopulationCounts counts = PopulationCounts.Merge(await Task.WhenAll(shards));
        if (counts.Customers == 0)
        {
            throw new InvalidOperationException(FormattableString.Invariant($"No customer bought on or before the calibration end {calibrationEnd:yyyy-MM-dd}: nothing to fit."));
        }

        BetaGeoFit fit = BetaGeoModel.Fit(counts, unitLengthInDays);
        var model = new CustomerBaseModel(
            (state.State.Current?.Version ?? 0) + 1, calibrationEnd, unitLengthInDays, fit, counts.MeanRepeatSpend, counts.Customers, counts.Rows.Count);
        // One assignment, so that a GetModel interleaved with the write sees the old state or the new one, never half.
        ModelState previous = state.State;
        state.State = new ModelState { Current = model, Counts = counts };
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = previous;
            throw;
        }

        return model;
    }

    /// <inheritdoc/>
    public Task<CustomerBaseModel?> GetModel() => Task.FromResult(state.State.Current);

    /// <inheritdoc/>
    public Task<PopulationCounts?> GetCounts() => Task.FromResult(state.State.Counts);
}
