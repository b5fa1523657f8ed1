using CustomerRetention.Orleans.Customers;
using CustomerRetention.Orleans.Hosting;
using CustomerRetention.Orleans.Model;
using NodaTime;
using Orleans.Concurrency;
using Orleans.Storage;

namespace CustomerRetention.Orleans.Registry;

/// <summary>
/// A registry shard (see <see cref="ICustomerRegistryGrain"/>). Registrations that arrive while a write
/// is under way are committed together by the next write (group commit), so that a burst of new
/// customers costs a few writes, not one each; every caller still returns only after a write that
/// includes its customer.
/// </summary>
[Reentrant]
public sealed class CustomerRegistryGrain([PersistentState("registry", CustomerRetentionStorage.Name)] IPersistentState<RegistryState> state) : Grain, ICustomerRegistryGrain
{
    private long _version;
    private long _persistedVersion;
    private Task _write = Task.CompletedTask;

    /// <inheritdoc/>
    public async Task Register(CustomerId customer)
    {
        if (state.State.Customers.Add(customer.Value))
        {
            _version++;
        }

        long target = _version;
        while (_persistedVersion < target)
        {
            if (_write.IsCompleted)
            {
                _write = WriteOnce();
            }

            await _write;
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<CustomerId>> Customers()
    {
        List<string> ids = state.State.Customers.ToList();
        ids.Sort(StringComparer.Ordinal);
        return Task.FromResult<IReadOnlyList<CustomerId>>(ids.ConvertAll(id => new CustomerId(id)));
    }

    /// <inheritdoc/>
    public async Task<PopulationCounts> Collect(LocalDate calibrationEnd)
    {
        string[] ids = state.State.Customers.ToArray();
        Task<PurchaseSummary>[] summaries = Array.ConvertAll(ids, id => GrainFactory.GetGrain<ICustomerGrain>(id).GetSummary(calibrationEnd));
        return PopulationCounts.FromSummaries(await Task.WhenAll(summaries), calibrationEnd);
    }

    private async Task WriteOnce()
    {
        long version = _version;
        try
        {
            await state.WriteStateAsync();
            _persistedVersion = version;
        }
        catch (InconsistentStateException)
        {
            // Another activation wrote this shard: drop this one and let the caller's retry reload it.
            DeactivateOnIdle();
            throw;
        }
    }
}
