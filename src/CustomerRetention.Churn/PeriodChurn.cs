namespace CustomerRetention.Churn;

/// <summary>
/// One period's churn account (<see cref="ChurnMath.Period"/>): the customers present at the start
/// and how many of them left, the customers acquired during the period and how many of those
/// left, and the rates — the new customers kept out of <see cref="Churn"/>.
/// </summary>
/// <remarks>Immutable and thread-safe; build it with <see cref="ChurnMath.Period"/>, which validates the counts.</remarks>
public sealed class PeriodChurn : IEquatable<PeriodChurn>
{
    internal PeriodChurn(long customersAtStart, long lost, long newCustomers, long newLost)
    {
        CustomersAtStart = customersAtStart;
        Lost = lost;
        NewCustomers = newCustomers;
        NewLost = newLost;
    }

    /// <summary>Customers at the start of the period.</summary>
    public long CustomersAtStart { get; }

    /// <summary>Of the customers at the start, those gone at the end.</summary>
    public long Lost { get; }

    /// <summary>Customers acquired during the period.</summary>
    public long NewCustomers { get; }

    /// <summary>Of the new customers, those gone again at the end.</summary>
    public long NewLost { get; }

    /// <summary>Customers at the end: start − lost + new − new lost.</summary>
    public long CustomersAtEnd => CustomersAtStart - Lost + NewCustomers - NewLost;

    /// <summary>The period's churn, lost / customers at start (new customers excluded).</summary>
    public ChurnRate Churn => new((double)Lost / CustomersAtStart);

    /// <summary>The new customers' own churn, new lost / new; null when no customer was acquired.</summary>
    public ChurnRate? NewCustomerChurn => NewCustomers == 0 ? null : new ChurnRate((double)NewLost / NewCustomers);

    /// <summary>
    /// The common mistake, (lost + new lost) / customers at start, kept to show how far off it is
    /// (16.5 % instead of 15 % in the source's example). Not a probability: it can exceed 1.
    /// </summary>
    public double RateCountingNewCustomers => (double)(Lost + NewLost) / CustomersAtStart;

    /// <summary>The average-denominator variant (see <see cref="ChurnMath.AverageDenominatorRate"/>), which understates churn under growth.</summary>
    public double AverageDenominatorRate => ChurnMath.AverageDenominatorRate(CustomersAtStart, CustomersAtEnd, Lost);

    /// <inheritdoc/>
    public bool Equals(PeriodChurn? other) =>
        other is not null && CustomersAtStart == other.CustomersAtStart && Lost == other.Lost
        && NewCustomers == other.NewCustomers && NewLost == other.NewLost;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as PeriodChurn);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        unchecked((((CustomersAtStart.GetHashCode() * 397) ^ Lost.GetHashCode()) * 397 ^ NewCustomers.GetHashCode()) * 397 ^ NewLost.GetHashCode());
}
