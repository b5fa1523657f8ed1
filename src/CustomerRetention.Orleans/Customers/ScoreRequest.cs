using NodaTime;

namespace CustomerRetention.Orleans.Customers;

/// <summary>What to score a customer for.</summary>
/// <param name="AsOf">The scoring day: purchases after it are ignored, T runs up to it, and the RFM recency counts from it. Null: the current model's calibration end.</param>
/// <param name="Horizon">The prediction horizon for the expected purchases and CLV, in the model's time unit. Range: 0 ≤ horizon ≤ 1e6.</param>
/// <param name="DiscountRate">The CLV discount rate per time unit. Range: 0 ≤ d ≤ 10.</param>
[GenerateSerializer]
[Alias("CustomerRetention.ScoreRequest")]
public readonly record struct ScoreRequest(
    [property: Id(0)] LocalDate? AsOf,
    [property: Id(1)] double Horizon,
    [property: Id(2)] double DiscountRate);
