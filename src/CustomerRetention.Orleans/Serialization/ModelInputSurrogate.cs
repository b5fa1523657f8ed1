namespace CustomerRetention.Orleans.Serialization;

/// <summary>The wire form of a <see cref="ModelInput"/> (x, t_x, T, z̄).</summary>
[GenerateSerializer]
[Alias("CustomerRetention.ModelInput")]
internal struct ModelInputSurrogate
{
    /// <summary>x.</summary>
    [Id(0)]
    public int Frequency;

    /// <summary>t_x.</summary>
    [Id(1)]
    public double Recency;

    /// <summary>T.</summary>
    [Id(2)]
    public double T;

    /// <summary>z̄.</summary>
    [Id(3)]
    public decimal MonetaryValue;
}

/// <summary>Converts <see cref="ModelInput"/> to and from <see cref="ModelInputSurrogate"/> for Orleans' serializer.</summary>
[RegisterConverter]
internal sealed class ModelInputSurrogateConverter : IConverter<ModelInput, ModelInputSurrogate>
{
    /// <inheritdoc/>
    public ModelInput ConvertFromSurrogate(in ModelInputSurrogate surrogate) => new(surrogate.Frequency, surrogate.Recency, surrogate.T, surrogate.MonetaryValue);

    /// <inheritdoc/>
    public ModelInputSurrogate ConvertToSurrogate(in ModelInput value) => new() { Frequency = value.Frequency, Recency = value.Recency, T = value.T, MonetaryValue = value.MonetaryValue };
}
