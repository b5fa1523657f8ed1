namespace CustomerRetention.Orleans.Hosting;

/// <summary>Options of the package's grains in a silo.</summary>
[MutableByDesign]
public sealed class CustomerRetentionOptions
{
    private TimeSpan _modelRefreshInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How old a silo's copy of the current model may get before a score fetches it again from the model
    /// grain (default 1 s). Range: ≥ 0 (0: every score asks the model grain).
    /// </summary>
    public TimeSpan ModelRefreshInterval
    {
        get => _modelRefreshInterval;
        set => _modelRefreshInterval = value >= TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "The model refresh interval must not be negative.");
    }
}
