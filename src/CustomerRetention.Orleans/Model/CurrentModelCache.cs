using CustomerRetention.Orleans.Hosting;
using Microsoft.Extensions.Options;

namespace CustomerRetention.Orleans.Model;

/// <summary>
/// The silo's copy of the current model, so that a customer grain scores without a call to the model
/// grain: refreshed from the model grain at most once per <see cref="CustomerRetentionOptions.ModelRefreshInterval"/>
/// (one call per silo, shared by every grain that asks meanwhile). A refit therefore reaches the scores
/// within that interval; each score names the model version it used. Thread-safe.
/// </summary>
public sealed class CurrentModelCache(IGrainFactory grains, IOptions<CustomerRetentionOptions> options, TimeProvider time)
{
    private readonly object _gate = new();
    private CustomerBaseModel? _model;
    private long _fetchedAt = long.MinValue;
    private Task<CustomerBaseModel?>? _refresh;

    /// <summary>The current model (null when none has been fitted), at most one refresh interval old.</summary>
    /// <returns>The model.</returns>
    public ValueTask<CustomerBaseModel?> GetAsync()
    {
        long now = time.GetTimestamp();
        lock (_gate)
        {
            if (_model is not null && time.GetElapsedTime(_fetchedAt, now) < options.Value.ModelRefreshInterval)
            {
                return new ValueTask<CustomerBaseModel?>(_model);
            }

            _refresh ??= Refresh();
            return new ValueTask<CustomerBaseModel?>(_refresh);
        }
    }

    private async Task<CustomerBaseModel?> Refresh()
    {
        try
        {
            CustomerBaseModel? model = await grains.GetGrain<IModelGrain>(IModelGrain.Key).GetModel().ConfigureAwait(false);
            lock (_gate)
            {
                _model = model;
                _fetchedAt = time.GetTimestamp();
            }

            return model;
        }
        finally
        {
            lock (_gate)
            {
                _refresh = null;
            }
        }
    }
}
