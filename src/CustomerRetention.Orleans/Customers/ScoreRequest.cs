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
    [property: Id(2)] double DiscountRate)
{
    /// <summary>Checks the ranges of <see cref="Horizon"/> and <see cref="DiscountRate"/>.</summary>
    /// <param name="paramName">The name of the parameter that holds this request, for the exception.</param>
    /// <returns>This request.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The horizon or the discount rate is out of range or NaN.</exception>
    public ScoreRequest Checked(string paramName)
    {
        if (!(Horizon >= 0) || Horizon > 1e6)
        {
            throw new ArgumentOutOfRangeException(paramName, Horizon, "The horizon must be between 0 and 1e6 time units.");
        }

        if (!(DiscountRate >= 0) || DiscountRate > 10)
        {
            throw new ArgumentOutOfRangeException(paramName, DiscountRate, "The discount rate must be between 0 and 10 per time unit.");
        }

        return this;
    }
}
