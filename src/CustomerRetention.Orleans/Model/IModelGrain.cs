using NodaTime;
using Orleans.Concurrency;

namespace CustomerRetention.Orleans.Model;

/// <summary>
/// The customer base's model: the current BG/NBD fit and the population's compressed (x, t_x, T)
/// counts it was fitted to, persisted. One per cluster under the key <see cref="Key"/>.
/// </summary>
[Alias("CustomerRetention.IModelGrain")]
public interface IModelGrain : IGrainWithStringKey
{
    /// <summary>The key of the cluster's model grain.</summary>
    const string Key = "current";

    /// <summary>
    /// Refits: every registry shard condenses its customers' summaries (cut off at
    /// <paramref name="calibrationEnd"/>) into counts, the counts merge here, BG/NBD is fitted to them and
    /// the result becomes the current model (version + 1). No transaction leaves its customer's grain.
    /// </summary>
    /// <param name="calibrationEnd">The calibration end, inclusive.</param>
    /// <param name="unitLengthInDays">The model's time unit in days (7 for weeks). Range: &gt; 0, finite.</param>
    /// <returns>The new model.</returns>
    /// <exception cref="InvalidOperationException">No customer bought on or before the calibration end.</exception>
    [Alias("Refit")]
    Task<CustomerBaseModel> Refit(LocalDate calibrationEnd, double unitLengthInDays);

    /// <summary>The current model, or null before the first refit; answered even while a refit runs.</summary>
    /// <returns>The model.</returns>
    [Alias("GetModel")]
    [AlwaysInterleave]
    Task<CustomerBaseModel?> GetModel();

    /// <summary>The counts the current model was fitted to, or null before the first refit; answered even while a refit runs.</summary>
    /// <returns>The counts.</returns>
    [Alias("GetCounts")]
    [AlwaysInterleave]
    Task<PopulationCounts?> GetCounts();
}
