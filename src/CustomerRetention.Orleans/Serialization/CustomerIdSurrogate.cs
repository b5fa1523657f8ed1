namespace CustomerRetention.Orleans.Serialization;

/// <summary>The wire form of a <see cref="CustomerId"/>: its string.</summary>
[GenerateSerializer]
[Alias("CustomerRetention.CustomerId")]
internal struct CustomerIdSurrogate
{
    /// <summary>The identifier.</summary>
    [Id(0)]
    public string Value;
}

/// <summary>Converts <see cref="CustomerId"/> to and from <see cref="CustomerIdSurrogate"/> for Orleans' serializer.</summary>
[RegisterConverter]
internal sealed class CustomerIdSurrogateConverter : IConverter<CustomerId, CustomerIdSurrogate>
{
    /// <inheritdoc/>
    public CustomerId ConvertFromSurrogate(in CustomerIdSurrogate surrogate) => new(surrogate.Value ?? string.Empty);

    /// <inheritdoc/>
    public CustomerIdSurrogate ConvertToSurrogate(in CustomerId value) => new() { Value = value.Value };
}
