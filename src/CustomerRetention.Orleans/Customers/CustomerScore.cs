using NodaTime;

namespace CustomerRetention.Orleans.Customers;

/// <summary>
/// A customer scored by their grain under the current model: the RFM values (as the Rfm package counts
/// them: recency in days since the last purchase, frequency in transactions, monetary as the total), the
/// model inputs (x, t_x, T) and P(alive), the expected purchases and the discounted CLV.
/// </summary>
/// <param name="Summary">The purchase summary through <paramref name="AsOf"/>.</param>
/// <param name="AsOf">The scoring day.</param>
/// <param name="RecencyDays">RFM recency: days from the last purchase to the scoring day.</param>
/// <param name="Frequency">RFM frequency: the number of transactions.</param>
/// <param name="Monetary">RFM monetary: the total amount.</param>
/// <param name="Input">The model inputs (x, t_x, T, z̄) at the scoring day, in the model's unit.</param>
/// <param name="ProbabilityAlive">P(alive | x, t_x, T) (FHL 2005, eq. 11).</param>
/// <param name="ExpectedPurchases">E[Y(horizon) | x, t_x, T] (FHL 2005, eq. 10).</param>
/// <param name="LifetimeValue">Discounted CLV over the horizon; value per purchase z̄ when x &gt; 0, else the population's mean repeat spend.</param>
/// <param name="ModelVersion">The version of the model used.</param>
[GenerateSerializer]
[Alias("CustomerRetention.CustomerScore")]
public sealed record CustomerScore(
    [property: Id(0)] PurchaseSummary Summary,
    [property: Id(1)] LocalDate AsOf,
    [property: Id(2)] int RecencyDays,
    [property: Id(3)] long Frequency,
    [property: Id(4)] decimal Monetary,
    [property: Id(5)] ModelInput Input,
    [property: Id(6)] double ProbabilityAlive,
    [property: Id(7)] double ExpectedPurchases,
    [property: Id(8)] double LifetimeValue,
    [property: Id(9)] int ModelVersion);

