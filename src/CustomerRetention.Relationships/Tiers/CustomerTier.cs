namespace CustomerRetention.Relationships;

/// <summary>One tier of a <see cref="TierScheme"/>: its name, its entry threshold on the scheme's measure, its privileges.</summary>
public sealed record CustomerTier
{
    /// <summary>Creates a tier.</summary>
    /// <param name="name">The tier's name, e.g. "VIP". Not empty.</param>
    /// <param name="threshold">The entry threshold on the scheme's measure. Range: finite.</param>
    /// <param name="privileges">What the tier is given.</param>
    public CustomerTier(string name, double threshold, Privilege privileges)
    {
        Name = Guard.NotNullOrWhiteSpace(name);
        Threshold = Guard.Finite(threshold);
        if ((privileges & ~Privilege.All) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(privileges), privileges, "Value holds flags that are not defined privileges.");
        }

        Privileges = privileges;
    }

    /// <summary>The tier's name.</summary>
    public string Name { get; }

    /// <summary>The entry threshold on the scheme's measure.</summary>
    public double Threshold { get; }

    /// <summary>What the tier is given.</summary>
    public Privilege Privileges { get; }
}

/// <summary>How a reassignment changed a customer's tier.</summary>
public enum TierChange
{
    /// <summary>The customer stays in the tier.</summary>
    Kept = 0,

    /// <summary>The customer moves up.</summary>
    Promoted = 1,

    /// <summary>The customer moves down.</summary>
    Demoted = 2,
}

/// <summary>The result of <see cref="TierScheme.Reassign(CustomerTier, double)"/>: the new tier, the change and why.</summary>
public sealed record TierDecision
{
    /// <summary>Creates a decision.</summary>
    /// <param name="tier">The tier after the decision.</param>
    /// <param name="previous">The tier before.</param>
    /// <param name="change">Kept, promoted or demoted.</param>
    /// <param name="reason">The rule applied, in words, with the numbers.</param>
    public TierDecision(CustomerTier tier, CustomerTier previous, TierChange change, string reason)
    {
        Tier = Guard.NotNull(tier);
        Previous = Guard.NotNull(previous);
        Reason = Guard.NotNullOrWhiteSpace(reason);
        Change = Guard.Defined(change);
    }

    /// <summary>The tier after the decision.</summary>
    public CustomerTier Tier { get; }

    /// <summary>The tier before.</summary>
    public CustomerTier Previous { get; }

    /// <summary>Kept, promoted or demoted.</summary>
    public TierChange Change { get; }

    /// <summary>The rule applied, in words, with the numbers.</summary>
    public string Reason { get; }
}
