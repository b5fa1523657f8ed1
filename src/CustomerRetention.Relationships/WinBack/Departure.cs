using NodaTime;

namespace CustomerRetention.Relationships;

/// <summary>A departed customer (domain brief §4, win-back step 1): who, when, the revenue lost, and why — when known.</summary>
public sealed record Departure
{
    private readonly ChurnReason[] _reasons;

    /// <summary>Creates a departure record.</summary>
    /// <param name="customerId">The customer's identifier. Not empty.</param>
    /// <param name="date">The day the customer was recorded as gone.</param>
    /// <param name="revenueLost">The revenue lost with the customer (e.g. the last 12 months' revenue). Range: ≥ 0.</param>
    /// <param name="reasons">The diagnosed reasons, possibly none yet; duplicates count once.</param>
    public Departure(string customerId, LocalDate date, decimal revenueLost, IEnumerable<ChurnReason> reasons)
    {
        CustomerId = Guard.NotNullOrWhiteSpace(customerId);
        Guard.NotNull(reasons);
        Date = date;
        RevenueLost = Guard.NonNegative(revenueLost);
        var list = new List<ChurnReason>();
        foreach (ChurnReason reason in reasons)
        {
            Guard.Defined(reason, nameof(reasons));
            if (!list.Contains(reason))
            {
                list.Add(reason);
            }
        }

        _reasons = list.ToArray();
    }

    /// <summary>The customer's identifier.</summary>
    public string CustomerId { get; }

    /// <summary>The day the customer was recorded as gone.</summary>
    public LocalDate Date { get; }

    /// <summary>The revenue lost with the customer.</summary>
    public decimal RevenueLost { get; }

    /// <summary>The diagnosed reasons, in the order first given; empty when not diagnosed yet.</summary>
    public IReadOnlyList<ChurnReason> Reasons => _reasons;

    /// <summary>The same departure with the reasons diagnosed.</summary>
    /// <param name="reasons">The reasons.</param>
    /// <returns>A new record.</returns>
    public Departure WithReasons(IEnumerable<ChurnReason> reasons) => new(CustomerId, Date, RevenueLost, Guard.NotNull(reasons));

    /// <summary>Value equality: the same customer, date, revenue lost and reasons in the same order.</summary>
    /// <param name="other">The other departure, or null.</param>
    /// <returns>Whether the two are equal.</returns>
    public bool Equals(Departure? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (!string.Equals(CustomerId, other.CustomerId, StringComparison.Ordinal) || Date != other.Date
            || RevenueLost != other.RevenueLost || _reasons.Length != other._reasons.Length)
        {
            return false;
        }

        for (int i = 0; i < _reasons.Length; i++)
        {
            if (_reasons[i] != other._reasons[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A hash code consistent with <see cref="Equals(Departure)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        unchecked
        {
            int hash = (StringComparer.Ordinal.GetHashCode(CustomerId) * 31) + Date.GetHashCode();
            hash = (hash * 31) + RevenueLost.GetHashCode();
            foreach (ChurnReason reason in _reasons)
            {
                hash = (hash * 31) + (int)reason;
            }

            return hash;
        }
    }
}

/// <summary>How a departure's revenue is attributed to its reasons when it has several.</summary>
public enum ReasonAttribution
{
    /// <summary>Split equally among the reasons: the reasons' revenues add up to the total.</summary>
    EqualShare = 0,

    /// <summary>Counted in full for each reason: each reason's revenue is what it put at risk; the sum exceeds the total.</summary>
    Full = 1,
}

/// <summary>One reason's line in a <see cref="ReasonRanking"/>.</summary>
/// <param name="Reason">The reason.</param>
/// <param name="Departures">Departures that name it.</param>
/// <param name="RevenueLost">The revenue attributed to it.</param>
/// <param name="Share">Its revenue ÷ the total revenue lost (0 when nothing was lost).</param>
public readonly record struct ReasonRevenue(ChurnReason Reason, int Departures, decimal RevenueLost, double Share);

/// <summary>The departure reasons ranked by the revenue they lost (domain brief §4, win-back step 4).</summary>
public sealed record ReasonRanking
{
    /// <summary>Creates a ranking.</summary>
    /// <param name="reasons">The reasons named at least once, most revenue lost first.</param>
    /// <param name="totalRevenueLost">The revenue lost over every departure.</param>
    /// <param name="undiagnosedDepartures">Departures with no reason recorded yet.</param>
    /// <param name="undiagnosedRevenueLost">Their revenue.</param>
    public ReasonRanking(IReadOnlyList<ReasonRevenue> reasons, decimal totalRevenueLost, int undiagnosedDepartures, decimal undiagnosedRevenueLost)
    {
        Reasons = Guard.NotNull(reasons);
        TotalRevenueLost = Guard.NonNegative(totalRevenueLost);
        UndiagnosedDepartures = Guard.NonNegative(undiagnosedDepartures);
        UndiagnosedRevenueLost = Guard.NonNegative(undiagnosedRevenueLost);
    }

    /// <summary>The reasons named at least once, most revenue lost first (ties: more departures first, then the source's order).</summary>
    public IReadOnlyList<ReasonRevenue> Reasons { get; }

    /// <summary>The revenue lost over every departure.</summary>
    public decimal TotalRevenueLost { get; }

    /// <summary>Departures with no reason recorded yet.</summary>
    public int UndiagnosedDepartures { get; }

    /// <summary>The revenue of the undiagnosed departures.</summary>
    public decimal UndiagnosedRevenueLost { get; }
}

/// <summary>A departed customer considered for a call: the value of winning them back and the chance they return.</summary>
public sealed record WinBackProspect
{
    /// <summary>Creates a prospect.</summary>
    /// <param name="customerId">The customer's identifier. Not empty.</param>
    /// <param name="value">The value of winning the customer back (revenue lost, or CLV). Range: ≥ 0.</param>
    /// <param name="chanceOfReturn">The chance the customer returns if called. Range: 0 ≤ p ≤ 1.</param>
    public WinBackProspect(string customerId, decimal value, double chanceOfReturn)
    {
        CustomerId = Guard.NotNullOrWhiteSpace(customerId);
        Value = Guard.NonNegative(value);
        ChanceOfReturn = Guard.Probability(chanceOfReturn);
    }

    /// <summary>The customer's identifier.</summary>
    public string CustomerId { get; }

    /// <summary>The value of winning the customer back.</summary>
    public decimal Value { get; }

    /// <summary>The chance the customer returns if called, in [0, 1].</summary>
    public double ChanceOfReturn { get; }

    /// <summary>The expected value of a call: value × chance of return.</summary>
    public double Priority => (double)Value * ChanceOfReturn;
}

/// <summary>Departures counted per period (domain brief §4, win-back step 1: count departed customers and their revenue monthly or quarterly).</summary>
/// <param name="PeriodStart">The first day of the month or quarter.</param>
/// <param name="Departures">Departures dated in the period.</param>
/// <param name="RevenueLost">Their revenue lost.</param>
public readonly record struct DepartureCount(LocalDate PeriodStart, int Departures, decimal RevenueLost);

/// <summary>The length of the periods of <see cref="WinBack.Count(IEnumerable{Departure}, TrackingPeriod)"/>.</summary>
public enum TrackingPeriod
{
    /// <summary>Calendar months.</summary>
    Month = 0,

    /// <summary>Calendar quarters.</summary>
    Quarter = 1,
}
