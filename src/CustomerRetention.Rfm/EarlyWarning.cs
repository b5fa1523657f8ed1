using System.Globalization;
using NodaTime;

namespace CustomerRetention.Rfm;

/// <summary>
/// A customer's own purchase rhythm: how many distinct purchase days and the mean gap between them.
/// The default value has no cadence (fewer than two purchase days). Immutable.
/// </summary>
public readonly struct PurchaseCadence : IEquatable<PurchaseCadence>
{
    /// <summary>Creates the cadence.</summary>
    /// <param name="purchaseDays">Distinct purchase days. Range: purchaseDays ≥ 0.</param>
    /// <param name="meanGapDays">Mean days between consecutive purchase days. Range: finite, ≥ 0.</param>
    public PurchaseCadence(int purchaseDays, double meanGapDays)
    {
        PurchaseDays = Guard.NonNegative(purchaseDays);
        MeanGapDays = Guard.NonNegative(meanGapDays);
    }

    /// <summary>Distinct purchase days.</summary>
    public int PurchaseDays { get; }

    /// <summary>Mean days between consecutive purchase days: (last − first) / (purchase days − 1); 0 with one day.</summary>
    public double MeanGapDays { get; }

    /// <summary>Whether there is a rhythm to compare with: at least two purchase days and a positive gap.</summary>
    public bool HasCadence => PurchaseDays >= 2 && MeanGapDays > 0;

    /// <summary>The cadence from the first and last purchase days: mean gap = (last − first) in days / (purchaseDays − 1).</summary>
    /// <param name="firstPurchase">The first purchase day.</param>
    /// <param name="lastPurchase">The last purchase day. Range: ≥ firstPurchase.</param>
    /// <param name="purchaseDays">Distinct purchase days. Range: ≥ 1, and ≥ 2 when the dates differ.</param>
    /// <returns>The cadence.</returns>
    public static PurchaseCadence From(LocalDate firstPurchase, LocalDate lastPurchase, int purchaseDays)
    {
        Guard.Positive(purchaseDays);
        if (lastPurchase < firstPurchase)
        {
            throw new ArgumentOutOfRangeException(nameof(lastPurchase), lastPurchase, "The last purchase must be on or after the first.");
        }

        int span = Period.Between(firstPurchase, lastPurchase, PeriodUnits.Days).Days;
        if (purchaseDays == 1)
        {
            return span == 0
                ? new PurchaseCadence(1, 0)
                : throw new ArgumentOutOfRangeException(nameof(purchaseDays), purchaseDays, "Different first and last purchase days make at least two purchase days.");
        }

        return new PurchaseCadence(purchaseDays, (double)span / (purchaseDays - 1));
    }

    /// <inheritdoc />
    public bool Equals(PurchaseCadence other) => PurchaseDays == other.PurchaseDays && MeanGapDays.Equals(other.MeanGapDays);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PurchaseCadence other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (PurchaseDays * 397) ^ MeanGapDays.GetHashCode();
}

/// <summary>
/// What the early-warning rules look at for one customer: the RFM values and scores now, the scores
/// at an earlier as-of date (default: none) and the customer's purchase cadence (default: none). Immutable.
/// </summary>
public readonly struct CustomerSignals
{
    /// <summary>Creates the signals.</summary>
    /// <param name="values">The RFM values at the as-of date.</param>
    /// <param name="score">The scores at the as-of date.</param>
    /// <param name="previousScore">The scores at an earlier as-of date, or the default value when unknown.</param>
    /// <param name="cadence">The purchase cadence, or the default value when unknown.</param>
    public CustomerSignals(RfmValues values, RfmScore score, RfmScore previousScore, PurchaseCadence cadence)
    {
        Values = values;
        Score = score;
        PreviousScore = previousScore;
        Cadence = cadence;
    }

    /// <summary>The RFM values at the as-of date.</summary>
    public RfmValues Values { get; }

    /// <summary>The scores at the as-of date.</summary>
    public RfmScore Score { get; }

    /// <summary>The scores at an earlier as-of date (not <see cref="RfmScore.IsScored"/> when unknown).</summary>
    public RfmScore PreviousScore { get; }

    /// <summary>The purchase cadence (no <see cref="PurchaseCadence.HasCadence"/> when unknown).</summary>
    public PurchaseCadence Cadence { get; }
}

/// <summary>An early-warning rule: when it fires, it flags the customer at its <see cref="Level"/> with a reason. Immutable.</summary>
public abstract class WarningRule
{
    private protected WarningRule(WarningLevel level)
    {
        Level = Guard.Defined(level);
        if (level == WarningLevel.None)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "A rule must flag at Watch, Warning or Critical.");
        }
    }

    /// <summary>The level at which the rule flags a customer.</summary>
    public WarningLevel Level { get; }

    /// <summary>Whether the rule fires for <paramref name="signals"/>.</summary>
    /// <param name="signals">The customer's signals.</param>
    /// <returns>Whether it fires.</returns>
    public abstract bool Fires(in CustomerSignals signals);

    /// <summary>The reason, in words with the numbers, that the rule fired (call only when it did).</summary>
    /// <param name="signals">The customer's signals.</param>
    /// <returns>The reason.</returns>
    public abstract string Explain(in CustomerSignals signals);
}

/// <summary>
/// Personal cadence: fires when the days since the last purchase exceed <see cref="Multiple"/> times
/// the customer's own mean gap between purchase days — a regular weekly buyer silent for a month is
/// a warning, a yearly buyer silent for a month is not. Needs at least <see cref="MinimumPurchaseDays"/>
/// purchase days.
/// </summary>
public sealed class CadenceRule : WarningRule
{
    /// <summary>Creates the rule.</summary>
    /// <param name="multiple">How many usual gaps of silence fire the rule. Range: multiple &gt; 0.</param>
    /// <param name="minimumPurchaseDays">Purchase days needed to trust the cadence. Range: ≥ 2.</param>
    /// <param name="level">The level. Range: not None.</param>
    public CadenceRule(double multiple, int minimumPurchaseDays, WarningLevel level)
        : base(level)
    {
        Multiple = Guard.Positive(multiple);
        MinimumPurchaseDays = Guard.InRange(minimumPurchaseDays, 2, int.MaxValue);
    }

    /// <summary>How many usual gaps of silence fire the rule.</summary>
    public double Multiple { get; }

    /// <summary>Purchase days needed to trust the cadence.</summary>
    public int MinimumPurchaseDays { get; }

    /// <inheritdoc />
    public override bool Fires(in CustomerSignals signals) =>
        signals.Cadence.HasCadence
        && signals.Cadence.PurchaseDays >= MinimumPurchaseDays
        && signals.Values.RecencyDays > Multiple * signals.Cadence.MeanGapDays;

    /// <inheritdoc />
    public override string Explain(in CustomerSignals signals)
    {
        double gap = signals.Cadence.MeanGapDays;
        return string.Format(
            CultureInfo.InvariantCulture,
            "no purchase for {0} days, {1:0.#}x the usual gap of {2:0.#} days (rule: more than {3:0.##}x)",
            signals.Values.RecencyDays,
            signals.Values.RecencyDays / gap,
            gap,
            Multiple);
    }
}

/// <summary>Fires when a score fell by at least <see cref="MinimumDrop"/> since the earlier as-of date.</summary>
public sealed class ScoreDropRule : WarningRule
{
    /// <summary>Creates the rule.</summary>
    /// <param name="dimension">The score watched.</param>
    /// <param name="minimumDrop">The smallest drop that fires. Range: 1 ≤ minimumDrop ≤ 9.</param>
    /// <param name="level">The level. Range: not None.</param>
    public ScoreDropRule(RfmDimension dimension, int minimumDrop, WarningLevel level)
        : base(level)
    {
        Dimension = Guard.Defined(dimension);
        MinimumDrop = Guard.InRange(minimumDrop, 1, RfmBinning.MaxBins - 1);
    }

    /// <summary>The score watched.</summary>
    public RfmDimension Dimension { get; }

    /// <summary>The smallest drop that fires.</summary>
    public int MinimumDrop { get; }

    /// <inheritdoc />
    public override bool Fires(in CustomerSignals signals) =>
        signals.PreviousScore.IsScored && signals.Score.IsScored
        && signals.PreviousScore.Get(Dimension) - signals.Score.Get(Dimension) >= MinimumDrop;

    /// <inheritdoc />
    public override string Explain(in CustomerSignals signals) => string.Format(
        CultureInfo.InvariantCulture,
        "{0} score fell from {1} to {2} (rule: a drop of {3} or more)",
        Letter(Dimension),
        signals.PreviousScore.Get(Dimension),
        signals.Score.Get(Dimension),
        MinimumDrop);

    internal static string Letter(RfmDimension d) => d switch
    {
        RfmDimension.Recency => "R",
        RfmDimension.Frequency => "F",
        _ => "M",
    };
}

/// <summary>What a threshold condition compares: the raw value or the score.</summary>
public enum ThresholdTarget
{
    /// <summary>The value on its original scale (days, transactions, amount).</summary>
    Value = 0,

    /// <summary>The score 1..k.</summary>
    Score = 1,
}

/// <summary>One comparison of a threshold rule: a value or score of a dimension at least or at most a limit. Immutable.</summary>
public readonly struct ThresholdCondition : IEquatable<ThresholdCondition>
{
    /// <summary>Creates the condition.</summary>
    /// <param name="dimension">The dimension.</param>
    /// <param name="target">Value or score.</param>
    /// <param name="atLeast">True for "≥ limit", false for "≤ limit".</param>
    /// <param name="limit">The limit. Range: finite.</param>
    public ThresholdCondition(RfmDimension dimension, ThresholdTarget target, bool atLeast, double limit)
    {
        Dimension = Guard.Defined(dimension);
        Target = Guard.Defined(target);
        AtLeast = atLeast;
        Limit = Guard.Finite(limit);
    }

    /// <summary>The dimension.</summary>
    public RfmDimension Dimension { get; }

    /// <summary>Value or score.</summary>
    public ThresholdTarget Target { get; }

    /// <summary>True for "≥ limit", false for "≤ limit".</summary>
    public bool AtLeast { get; }

    /// <summary>The limit.</summary>
    public double Limit { get; }

    /// <summary>Whether the condition holds.</summary>
    /// <param name="signals">The customer's signals.</param>
    /// <returns>Whether it holds.</returns>
    public bool Holds(in CustomerSignals signals)
    {
        double x = Actual(signals);
        return AtLeast ? x >= Limit : x <= Limit;
    }

    /// <inheritdoc />
    public bool Equals(ThresholdCondition other) =>
        Dimension == other.Dimension && Target == other.Target && AtLeast == other.AtLeast && Limit.Equals(other.Limit);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ThresholdCondition other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => ((int)Dimension * 31) + ((int)Target * 7) + (AtLeast ? 1 : 0) + Limit.GetHashCode();

    internal double Actual(in CustomerSignals signals) =>
        Target == ThresholdTarget.Score ? signals.Score.Get(Dimension) : signals.Values.Get(Dimension);

    internal string Describe(in CustomerSignals signals)
    {
        string name = Target == ThresholdTarget.Score
            ? ScoreDropRule.Letter(Dimension) + " score"
            : Dimension switch
            {
                RfmDimension.Recency => "recency (days)",
                RfmDimension.Frequency => "frequency",
                _ => "monetary",
            };
        return string.Format(CultureInfo.InvariantCulture, "{0} {1} {2} {3}", name, Actual(signals), AtLeast ? ">=" : "<=", Limit);
    }
}

/// <summary>
/// Fires when all its conditions hold, e.g. "F score ≥ 4 and R score ≤ 2" (a frequent buyer gone
/// quiet) or "recency ≥ 180 days". The plain threshold rules of the source's churn criteria. Immutable.
/// </summary>
public sealed class ThresholdRule : WarningRule
{
    private readonly ThresholdCondition[] _conditions;

    /// <summary>Creates the rule.</summary>
    /// <param name="name">A short name shown in the reason.</param>
    /// <param name="conditions">The conditions, all of which must hold. Range: at least one.</param>
    /// <param name="level">The level. Range: not None.</param>
    public ThresholdRule(string name, IReadOnlyList<ThresholdCondition> conditions, WarningLevel level)
        : base(level)
    {
        Name = Guard.NotNullOrWhiteSpace(name);
        Guard.NotNull(conditions);
        if (conditions.Count == 0)
        {
            throw new ArgumentException("A threshold rule needs at least one condition.", nameof(conditions));
        }

        _conditions = conditions.ToArray();
    }

    /// <summary>The rule's name.</summary>
    public string Name { get; }

    /// <summary>The conditions, all of which must hold.</summary>
    public IReadOnlyList<ThresholdCondition> Conditions => _conditions;

    /// <inheritdoc />
    public override bool Fires(in CustomerSignals signals)
    {
        foreach (ThresholdCondition c in _conditions)
        {
            if (!c.Holds(signals))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override string Explain(in CustomerSignals signals)
    {
        var parts = new string[_conditions.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            parts[i] = _conditions[i].Describe(signals);
        }

        return Name + ": " + string.Join(" and ", parts);
    }
}

/// <summary>The outcome of the early-warning rules for one customer: the highest level of the rules that fired and their reasons. Immutable.</summary>
public sealed class EarlyWarning
{
    private static readonly string[] NoReasons = [];

    internal EarlyWarning(WarningLevel level, string[] reasons)
    {
        Level = level;
        Reasons = reasons;
    }

    /// <summary>No rule fired.</summary>
    public static EarlyWarning None { get; } = new(WarningLevel.None, NoReasons);

    /// <summary>The highest level among the rules that fired (<see cref="WarningLevel.None"/> when none did).</summary>
    public WarningLevel Level { get; }

    /// <summary>Why, one line per rule that fired, in the order of the rules.</summary>
    public IReadOnlyList<string> Reasons { get; }

    /// <inheritdoc />
    public override string ToString() => Level + (Reasons.Count > 0 ? ": " + string.Join("; ", Reasons) : string.Empty);
}

/// <summary>
/// A set of early-warning rules (the source's RFM-based churn criteria, made explainable): each
/// rule that fires adds its reason, and the customer's level is the highest among them. Immutable
/// and thread-safe.
/// </summary>
public sealed class EarlyWarningRules
{
    private readonly WarningRule[] _rules;

    /// <summary>Creates the set.</summary>
    /// <param name="rules">The rules. Range: none null.</param>
    public EarlyWarningRules(IReadOnlyList<WarningRule> rules)
    {
        Guard.NotNull(rules);
        _rules = new WarningRule[rules.Count];
        for (int i = 0; i < _rules.Length; i++)
        {
            _rules[i] = rules[i] ?? throw new ArgumentException(FormattableString.Invariant($"Rule {i} is null."), nameof(rules));
        }
    }

    /// <summary>
    /// The default rules, for quintile scores: silent for more than 2× the usual gap (at least 3
    /// purchase days) → Warning, more than 4× → Critical; R score fell by 2 or more → Warning; F score
    /// fell by 2 or more → Watch; a frequent buyer gone quiet (F score ≥ 4 and R score ≤ 2) → Critical.
    /// </summary>
    public static EarlyWarningRules Default { get; } = new(
    [
        new CadenceRule(2, 3, WarningLevel.Warning),
        new CadenceRule(4, 3, WarningLevel.Critical),
        new ScoreDropRule(RfmDimension.Recency, 2, WarningLevel.Warning),
        new ScoreDropRule(RfmDimension.Frequency, 2, WarningLevel.Watch),
        new ThresholdRule(
            "frequent buyer gone quiet",
            [
                new ThresholdCondition(RfmDimension.Frequency, ThresholdTarget.Score, atLeast: true, 4),
                new ThresholdCondition(RfmDimension.Recency, ThresholdTarget.Score, atLeast: false, 2),
            ],
            WarningLevel.Critical),
    ]);

    /// <summary>The rules, in order.</summary>
    public IReadOnlyList<WarningRule> Rules => _rules;

    /// <summary>The level alone (no reasons built, no allocation): the highest level among the rules that fire.</summary>
    /// <param name="signals">The customer's signals.</param>
    /// <returns>The level.</returns>
    public WarningLevel LevelOf(in CustomerSignals signals)
    {
        WarningLevel level = WarningLevel.None;
        foreach (WarningRule rule in _rules)
        {
            if (rule.Level > level && rule.Fires(signals))
            {
                level = rule.Level;
            }
        }

        return level;
    }

    /// <summary>Evaluates every rule: the highest level and the reasons of the rules that fired.</summary>
    /// <param name="signals">The customer's signals.</param>
    /// <returns>The warning (<see cref="EarlyWarning.None"/> when no rule fired).</returns>
    public EarlyWarning Evaluate(in CustomerSignals signals)
    {
        List<string>? reasons = null;
        WarningLevel level = WarningLevel.None;
        foreach (WarningRule rule in _rules)
        {
            if (rule.Fires(signals))
            {
                (reasons ??= []).Add(rule.Explain(signals));
                if (rule.Level > level)
                {
                    level = rule.Level;
                }
            }
        }

        return reasons is null ? EarlyWarning.None : new EarlyWarning(level, reasons.ToArray());
    }
}
