using NodaTime;

namespace CustomerRetention.Relationships;

/// <summary>The habit lever of one customer: the regularity of the intervals between purchase days.</summary>
/// <param name="PurchaseDays">Distinct purchase days.</param>
/// <param name="MeanIntervalDays">Mean days between consecutive purchase days; 0 with fewer than two days.</param>
/// <param name="IntervalVariation">Coefficient of variation of the intervals (population standard deviation ÷ mean); null with fewer than two intervals.</param>
/// <param name="Score">1 ÷ (1 + variation) in (0, 1]; 0 with fewer than <see cref="LockIn.MinimumHabitDays"/> purchase days.</param>
public readonly record struct HabitMeasure(int PurchaseDays, double MeanIntervalDays, double? IntervalVariation, double Score);

/// <summary>The product-penetration lever of one customer: products and categories held against the catalogue.</summary>
/// <param name="ProductShare">Products held ÷ products in the catalogue.</param>
/// <param name="CategoryShare">Categories held ÷ categories in the catalogue.</param>
/// <param name="Score">(product share + category share) ÷ 2, in [0, 1].</param>
public readonly record struct PenetrationMeasure(double ProductShare, double CategoryShare, double Score);

/// <summary>The policy-bundling lever of one customer: contracts still running and points redeemable only in the scheme.</summary>
/// <param name="ActiveContracts">Contracts whose end is after the as-of date.</param>
/// <param name="MonthsLeft">Months left summed over the active contracts (days ÷ 30.4375).</param>
/// <param name="ContractScore">min(1, months left ÷ horizon).</param>
/// <param name="PointsScore">min(1, points ÷ saturation).</param>
/// <param name="Score">(contract score + points score) ÷ 2, in [0, 1].</param>
public readonly record struct BundlingMeasure(int ActiveContracts, double MonthsLeft, double ContractScore, double PointsScore, double Score);

/// <summary>A contract that ties the customer: its name and the day it ends.</summary>
public sealed record Contract
{
    /// <summary>Creates a contract.</summary>
    /// <param name="name">What it is, e.g. "24-month plan".</param>
    /// <param name="end">The day it ends.</param>
    public Contract(string name, LocalDate end)
    {
        Name = Guard.NotNullOrWhiteSpace(name);
        End = end;
    }

    /// <summary>What it is.</summary>
    public string Name { get; }

    /// <summary>The day it ends.</summary>
    public LocalDate End { get; }
}

/// <summary>The scales that turn contracts and points into a bundling score in [0, 1].</summary>
public sealed record BundlingScales
{
    /// <summary>Creates scales.</summary>
    /// <param name="contractHorizonMonths">Months left at which the contract part is full. Range: &gt; 0.</param>
    /// <param name="pointsSaturation">Points at which the points part is full. Range: &gt; 0.</param>
    public BundlingScales(double contractHorizonMonths, double pointsSaturation)
    {
        ContractHorizonMonths = Guard.Positive(contractHorizonMonths);
        PointsSaturation = Guard.Positive(pointsSaturation);
    }

    /// <summary>
    /// 24 months (the two-year plan of the domain brief §5) and 1,000 points (this library's choice:
    /// set your scheme's own).
    /// </summary>
    public static BundlingScales Default { get; } = new(24, 1000);

    /// <summary>Months left at which the contract part is full.</summary>
    public double ContractHorizonMonths { get; }

    /// <summary>Points at which the points part is full.</summary>
    public double PointsSaturation { get; }
}
