namespace CustomerRetention.Orleans.Model;

/// <summary>The persisted state of the model grain: the current model and the counts it was fitted to.</summary>
[MutableByDesign]
[GenerateSerializer]
[Alias("CustomerRetention.ModelState")]
public sealed class ModelState
{
    /// <summary>The current model; null before the first refit.</summary>
    [Id(0)]
    public CustomerBaseModel? Current { get; set; }

    /// <summary>The counts of the current model; null before the first refit.</summary>
    [Id(1)]
    public PopulationCounts? Counts { get; set; }
}
