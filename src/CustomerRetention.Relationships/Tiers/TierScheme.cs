using System.Globalization;

namespace CustomerRetention.Relationships;

/// <summary>
/// A configurable customer-tier scheme (domain brief §2, "value-added service by tier"): tiers with entry
/// thresholds on one value measure, and a hysteresis margin m so that a customer near a boundary does
/// not flap between tiers.
/// </summary>
/// <remarks>
/// <para>Rules, with tiers ordered from the highest threshold down and T_k the threshold of tier k:</para>
/// <list type="bullet">
/// <item>A first assignment (<see cref="Assign(double)"/>) takes the highest tier with value ≥ T_k; below every threshold, the lowest tier.</item>
/// <item>A reassignment from tier c (<see cref="Reassign(CustomerTier, double)"/>) promotes to the highest tier k above c with value ≥ T_k + m;
/// otherwise keeps c while value ≥ T_c − m (the lowest tier is always kept); otherwise demotes to the highest tier k below c
/// with value ≥ T_k − m, or to the lowest tier.</item>
/// </list>
/// <para>So within the band (T − m, T + m) around a threshold no value moves a customer either way. The bands of
/// neighbouring thresholds may not overlap: consecutive thresholds are at least 2m apart. Immutable; thread-safe.</para>
/// </remarks>
public sealed class TierScheme
{
    private readonly CustomerTier[] _tiers;

    /// <summary>Creates a scheme.</summary>
    /// <param name="measure">The value measure the thresholds are on.</param>
    /// <param name="margin">The hysteresis margin m, in the measure's units. Range: m ≥ 0, and consecutive thresholds at least 2m apart.</param>
    /// <param name="tiers">The tiers, in any order; at least one; names and thresholds distinct.</param>
    public TierScheme(TierMeasure measure, double margin, IEnumerable<CustomerTier> tiers)
    {
        Guard.NotNull(tiers);
        Measure = Guard.Defined(measure);
        Margin = Guard.NonNegative(margin);
        var list = new List<CustomerTier>();
        foreach (CustomerTier tier in tiers)
        {
            list.Add(tier ?? throw new ArgumentException("A tier is null.", nameof(tiers)));
        }

        if (list.Count == 0)
        {
            throw new ArgumentException("A scheme needs at least one tier.", nameof(tiers));
        }

        list.Sort((a, b) => b.Threshold.CompareTo(a.Threshold));
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < list.Count; i++)
        {
            if (!names.Add(list[i].Name))
            {
                throw new ArgumentException($"Two tiers are named '{list[i].Name}'.", nameof(tiers));
            }

            if (i > 0 && (list[i - 1].Threshold - list[i].Threshold <= 0 || list[i - 1].Threshold - list[i].Threshold < 2 * Margin))
            {
                throw new ArgumentException(
                    Invariant($"Tiers '{list[i - 1].Name}' and '{list[i].Name}' are {list[i - 1].Threshold - list[i].Threshold} apart: thresholds must differ and be at least twice the margin ({2 * Margin}) apart."),
                    nameof(tiers));
            }
        }

        _tiers = list.ToArray();
    }

    /// <summary>The tiers, highest threshold first.</summary>
    public IReadOnlyList<CustomerTier> Tiers => _tiers;

    /// <summary>The value measure the thresholds are on.</summary>
    public TierMeasure Measure { get; }

    /// <summary>The hysteresis margin m.</summary>
    public double Margin { get; }

    /// <summary>
    /// The four-tier scheme VIP / Key / Regular / Basic. Privileges (this library's default pairing of the
    /// source's list): VIP all; Key green channel, early access, gifts, events; Regular events; Basic none.
    /// </summary>
    /// <param name="measure">The value measure.</param>
    /// <param name="vip">VIP threshold.</param>
    /// <param name="key">Key threshold. Range: key ≤ vip − 2·margin.</param>
    /// <param name="regular">Regular threshold; Basic takes everything below. Range: regular ≤ key − 2·margin.</param>
    /// <param name="margin">The hysteresis margin. Range: ≥ 0.</param>
    /// <returns>The scheme.</returns>
    public static TierScheme Standard(TierMeasure measure, double vip, double key, double regular, double margin)
    {
        Guard.Finite(vip);
        Guard.Finite(key);
        Guard.Finite(regular);
        Guard.NonNegative(margin);
        return new TierScheme(measure, margin, new[]
        {
            new CustomerTier("VIP", vip, Privilege.All),
            new CustomerTier("Key", key, Privilege.GreenChannel | Privilege.EarlyAccess | Privilege.Gifts | Privilege.Events),
            new CustomerTier("Regular", regular, Privilege.Events),
            new CustomerTier("Basic", regular - Math.Max(1.0, 2 * margin), Privilege.None),
        });
    }

    /// <summary>The tier of a customer seen for the first time: the highest tier with value ≥ its threshold, else the lowest.</summary>
    /// <param name="value">The customer's value on the scheme's measure. Range: finite.</param>
    /// <returns>The tier.</returns>
    public CustomerTier Assign(double value)
    {
        Guard.Finite(value);
        for (int k = 0; k < _tiers.Length; k++)
        {
            if (value >= _tiers[k].Threshold)
            {
                return _tiers[k];
            }
        }

        return _tiers[_tiers.Length - 1];
    }

    /// <summary>The tier of a customer now in <paramref name="current"/> whose value is <paramref name="value"/>, with hysteresis (see the remarks on <see cref="TierScheme"/>).</summary>
    /// <param name="current">A tier of this scheme.</param>
    /// <param name="value">The customer's value now. Range: finite.</param>
    /// <returns>The decision: the tier, the change and why.</returns>
    public TierDecision Reassign(CustomerTier current, double value)
    {
        Guard.NotNull(current);
        Guard.Finite(value);
        int c = Array.IndexOf(_tiers, current);
        if (c < 0)
        {
            throw new ArgumentException($"Tier '{current.Name}' is not a tier of this scheme.", nameof(current));
        }

        for (int k = 0; k < c; k++)
        {
            if (value >= _tiers[k].Threshold + Margin)
            {
                return new TierDecision(_tiers[k], current, TierChange.Promoted, Invariant(
                    $"value {value} ≥ {_tiers[k].Name} threshold {_tiers[k].Threshold} + margin {Margin}"));
            }
        }

        if (c == _tiers.Length - 1 || value >= _tiers[c].Threshold - Margin)
        {
            return new TierDecision(current, current, TierChange.Kept, c == _tiers.Length - 1
                ? Invariant($"value {value} below every promotion line; {current.Name} is the lowest tier")
                : Invariant($"value {value} ≥ {current.Name} threshold {current.Threshold} − margin {Margin}, below every promotion line"));
        }

        for (int k = c + 1; k < _tiers.Length - 1; k++)
        {
            if (value >= _tiers[k].Threshold - Margin)
            {
                return Demoted(k);
            }
        }

        return Demoted(_tiers.Length - 1);

        TierDecision Demoted(int k) => new(_tiers[k], current, TierChange.Demoted, Invariant(
            $"value {value} < {current.Name} threshold {current.Threshold} − margin {Margin}"));
    }

    /// <summary>The tiers of one customer over a sequence of values: the first by <see cref="Assign(double)"/>, the rest by <see cref="Reassign(CustomerTier, double)"/>.</summary>
    /// <param name="values">The customer's values in time order.</param>
    /// <returns>One tier per value.</returns>
    public IReadOnlyList<CustomerTier> Track(IEnumerable<double> values)
    {
        Guard.NotNull(values);
        var tiers = new List<CustomerTier>();
        CustomerTier? current = null;
        foreach (double value in values)
        {
            current = current is null ? Assign(value) : Reassign(current, value).Tier;
            tiers.Add(current);
        }

        return tiers;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
