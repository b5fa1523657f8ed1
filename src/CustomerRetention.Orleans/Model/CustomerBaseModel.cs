using NodaTime;

namespace CustomerRetention.Orleans.Model;

/// <summary>
/// The current model of the customer base, held by the <see cref="IModelGrain">model grain</see>:
/// the BG/NBD fit at a calibration end in a time unit, the population's mean spend per repeat purchase
/// day (the value per purchase of customers without repeat purchases in CLV) and a version that grows
/// with every refit.
/// </summary>
/// <param name="Version">1 for the first fit, +1 per refit.</param>
/// <param name="CalibrationEnd">The calibration end of the fit (inclusive).</param>
/// <param name="UnitLengthInDays">The model's time unit in days (7 for weeks).</param>
/// <param name="BetaGeo">The fitted BG/NBD parameters.</param>
/// <param name="MeanRepeatSpend">The population's mean amount per repeat purchase day.</param>
/// <param name="Customers">The number of customers the fit saw.</param>
/// <param name="DistinctHistories">The number of distinct (x, t_x, T) rows the fit read.</param>
[GenerateSerializer]
[Alias("CustomerRetention.CustomerBaseModel")]
public sealed record CustomerBaseModel(
    [property: Id(0)] int Version,
    [property: Id(1)] LocalDate CalibrationEnd,
    [property: Id(2)] double UnitLengthInDays,
    [property: Id(3)] BetaGeoFit BetaGeo,
    [property: Id(4)] decimal MeanRepeatSpend,
    [property: Id(5)] long Customers,
    [property: Id(6)] int DistinctHistories)
{
    /// <summary>The model's time unit.</summary>
    public TimeUnit Unit => TimeUnit.OfDays(UnitLengthInDays);
}
