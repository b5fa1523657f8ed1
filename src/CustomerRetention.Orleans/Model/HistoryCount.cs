namespace CustomerRetention.Orleans.Model;

/// <summary>
/// The number of customers who share one history (x, t_x, T) at a calibration end, with t_x and T as
/// whole days (the models' unit is applied at the fit): one row of the population's compressed counts.
/// </summary>
/// <param name="Frequency">x, repeat purchase days.</param>
/// <param name="RecencyDays">t_x in days: last − first purchase day.</param>
/// <param name="AgeDays">T in days: calibration end − first purchase day.</param>
/// <param name="Customers">How many customers have this history. Range: ≥ 1.</param>
[GenerateSerializer]
[Alias("CustomerRetention.HistoryCount")]
public readonly record struct HistoryCount(
    [property: Id(0)] int Frequency,
    [property: Id(1)] int RecencyDays,
    [property: Id(2)] int AgeDays,
    [property: Id(3)] long Customers);
