namespace CustomerRetention.Rfm;

/// <summary>The three dimensions of RFM analysis.</summary>
public enum RfmDimension
{
    /// <summary>Recency: days from the customer's last purchase to the as-of date (fewer is better).</summary>
    Recency = 0,

    /// <summary>Frequency: the number of transactions on or before the as-of date (more is better).</summary>
    Frequency = 1,

    /// <summary>Monetary: the total (or mean) amount of those transactions (more is better).</summary>
    Monetary = 2,
}

/// <summary>How RFM values are cut into scores 1..k.</summary>
public enum BinningMethod
{
    /// <summary>
    /// Cut points at the i/k quantiles (R type 7, linear interpolation) of the goodness values;
    /// ties are never split and a value equal to a cut point gets the lower score.
    /// </summary>
    Quantile = 0,

    /// <summary>
    /// Equal-count bins as SQL <c>NTILE</c>: sizes differ by at most one, ties broken by value and
    /// then by position (customer id in the friendly overloads), so ties can be split.
    /// </summary>
    Ntile = 1,

    /// <summary>Cut points given by the user per dimension, on the original scale.</summary>
    Thresholds = 2,
}

/// <summary>Whether the monetary value is the total or the mean amount of a customer's transactions.</summary>
public enum MonetaryMeasure
{
    /// <summary>The sum of the amounts (refunds, negative amounts, included).</summary>
    Total = 0,

    /// <summary>The sum of the amounts divided by the number of transactions.</summary>
    Mean = 1,
}

/// <summary>How urgent an early-warning signal is; <see cref="None"/> is the default (no signal).</summary>
public enum WarningLevel
{
    /// <summary>No rule fired.</summary>
    None = 0,

    /// <summary>Keep an eye on the customer.</summary>
    Watch = 1,

    /// <summary>The customer shows signs of leaving: reach out.</summary>
    Warning = 2,

    /// <summary>The customer is very likely leaving or gone: act now.</summary>
    Critical = 3,
}
