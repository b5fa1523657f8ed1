using System.Globalization;

namespace CustomerRetention.Satisfaction;

/// <summary>
/// The rates of the complaint "iceberg": what share of dissatisfied customers complain, how many
/// of the silent ones never come back, and how far the bad word travels.
/// </summary>
/// <remarks>
/// <para>The defaults (<see cref="Source"/>) are the domain brief's figures: 4 % of dissatisfied
/// customers complain and 96 % leave silently; 90 % of those never buy the brand again; each
/// dissatisfied customer tells 8–12 others (10 here; <see cref="SourceLow"/> and
/// <see cref="SourceHigh"/> give the ends), who each tell about 20.</para>
/// <para>These popular figures descend from the TARP studies for the White House Office of
/// Consumer Affairs (1979, updated 1986), whose findings are narrower: they concern particular
/// industries and problem types, the low complaint rate refers to complaints that reach the
/// company's management rather than the front line, and the repurchase figures depend on the size
/// of the loss. Supply your own rates when you have them. Immutable and thread-safe.</para>
/// </remarks>
public sealed class IcebergRates
{
    /// <summary>Creates rates.</summary>
    /// <param name="complainShare">Share of dissatisfied customers who complain. Range: 0 &lt; value ≤ 1.</param>
    /// <param name="neverReturnShare">Share of the silent dissatisfied who never buy again. Range: 0–1.</param>
    /// <param name="toldPerDissatisfied">People each dissatisfied customer tells. Range: ≥ 0.</param>
    /// <param name="retoldPerTold">People each of those tells in turn. Range: ≥ 0.</param>
    public IcebergRates(double complainShare, double neverReturnShare, double toldPerDissatisfied, double retoldPerTold)
    {
        Guard.Probability(complainShare);
        if (complainShare <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(complainShare), complainShare, "The complaint share must be greater than zero.");
        }

        ComplainShare = complainShare;
        NeverReturnShare = Guard.Probability(neverReturnShare);
        ToldPerDissatisfied = Guard.NonNegative(toldPerDissatisfied);
        RetoldPerTold = Guard.NonNegative(retoldPerTold);
    }

    /// <summary>The domain brief's figures: 4 % complain, 90 % of the silent never return, each tells 10 (8–12), who each tell 20.</summary>
    public static IcebergRates Source { get; } = new(0.04, 0.90, 10, 20);

    /// <summary><see cref="Source"/> with the low end of "8–12 told".</summary>
    public static IcebergRates SourceLow { get; } = new(0.04, 0.90, 8, 20);

    /// <summary><see cref="Source"/> with the high end of "8–12 told".</summary>
    public static IcebergRates SourceHigh { get; } = new(0.04, 0.90, 12, 20);

    /// <summary>Share of dissatisfied customers who complain (default 0.04).</summary>
    public double ComplainShare { get; }

    /// <summary>Share of the silent dissatisfied who never buy again (default 0.90).</summary>
    public double NeverReturnShare { get; }

    /// <summary>People each dissatisfied customer tells (default 10).</summary>
    public double ToldPerDissatisfied { get; }

    /// <summary>People each of those tells in turn (default 20).</summary>
    public double RetoldPerTold { get; }
}

/// <summary>What the iceberg estimator infers from the complaints received.</summary>
/// <remarks>Immutable value; counts are expected values, hence not whole numbers.</remarks>
/// <param name="Complaints">Complaints received (the tip).</param>
/// <param name="Dissatisfied">Estimated dissatisfied customers: Complaints / ComplainShare.</param>
/// <param name="Silent">Estimated silent dissatisfied customers: Dissatisfied − Complaints.</param>
/// <param name="Lost">Estimated customers lost: NeverReturnShare · Silent.</param>
/// <param name="FirstHandReach">People told by the dissatisfied: Dissatisfied · ToldPerDissatisfied.</param>
/// <param name="SecondHandReach">People told by those: FirstHandReach · RetoldPerTold.</param>
public readonly record struct IcebergEstimate(double Complaints, double Dissatisfied, double Silent, double Lost, double FirstHandReach, double SecondHandReach)
{
    /// <summary>Everyone the bad word reaches: FirstHandReach + SecondHandReach.</summary>
    public double WordOfMouthReach => FirstHandReach + SecondHandReach;
}

/// <summary>How a customer's problem ended.</summary>
public enum ComplaintResolution
{
    /// <summary>Had a problem and did not complain.</summary>
    NoComplaint = 0,

    /// <summary>Complained; the complaint was not resolved.</summary>
    Unresolved = 1,

    /// <summary>Complained; the complaint was resolved.</summary>
    Resolved = 2,

    /// <summary>Complained; the complaint was resolved quickly.</summary>
    ResolvedQuickly = 3,
}

/// <summary>Repurchase (loyalty) rates by how a customer's problem ended: the alternative to the iceberg's single never-return rate.</summary>
/// <remarks>
/// <see cref="Tarp"/>: 9 % (did not complain), 19 % (complained, not resolved), 54 % (resolved),
/// 82 % (resolved quickly) would buy again — the TARP (1986) figures for problems costing more than
/// US$100 as commonly quoted (e.g. Albrecht &amp; Zemke, <i>Service America!</i>, 1985; Hart, Heskett &amp;
/// Sasser, "The Profitable Art of Service Recovery", <i>HBR</i> 1990). A well-handled complainant is
/// more loyal than one who never complained. Immutable and thread-safe.
/// </remarks>
public sealed class RepurchaseRates
{
    /// <summary>Creates rates.</summary>
    /// <param name="noComplaint">Range: 0–1.</param>
    /// <param name="unresolved">Range: 0–1.</param>
    /// <param name="resolved">Range: 0–1.</param>
    /// <param name="resolvedQuickly">Range: 0–1.</param>
    public RepurchaseRates(double noComplaint, double unresolved, double resolved, double resolvedQuickly)
    {
        NoComplaint = Guard.Probability(noComplaint);
        Unresolved = Guard.Probability(unresolved);
        Resolved = Guard.Probability(resolved);
        ResolvedQuickly = Guard.Probability(resolvedQuickly);
    }

    /// <summary>TARP (1986), problems over US$100: 0.09, 0.19, 0.54, 0.82.</summary>
    public static RepurchaseRates Tarp { get; } = new(0.09, 0.19, 0.54, 0.82);

    /// <summary>Repurchase rate of customers who did not complain.</summary>
    public double NoComplaint { get; }

    /// <summary>Repurchase rate of complainants left unresolved.</summary>
    public double Unresolved { get; }

    /// <summary>Repurchase rate of complainants whose complaint was resolved.</summary>
    public double Resolved { get; }

    /// <summary>Repurchase rate of complainants whose complaint was resolved quickly.</summary>
    public double ResolvedQuickly { get; }

    /// <summary>The rate for one outcome.</summary>
    /// <param name="resolution">The outcome.</param>
    public double Rate(ComplaintResolution resolution) => Guard.Defined(resolution) switch
    {
        ComplaintResolution.NoComplaint => NoComplaint,
        ComplaintResolution.Unresolved => Unresolved,
        ComplaintResolution.Resolved => Resolved,
        _ => ResolvedQuickly,
    };

    /// <summary>Expected customers who buy again: Σ countₖ·rateₖ.</summary>
    /// <param name="noComplaint">Customers with a problem who did not complain. Range: ≥ 0.</param>
    /// <param name="unresolved">Unresolved complainants. Range: ≥ 0.</param>
    /// <param name="resolved">Resolved complainants. Range: ≥ 0.</param>
    /// <param name="resolvedQuickly">Quickly resolved complainants. Range: ≥ 0.</param>
    public double ExpectedRepurchasers(double noComplaint, double unresolved, double resolved, double resolvedQuickly)
    {
        Guard.NonNegative(noComplaint);
        Guard.NonNegative(unresolved);
        Guard.NonNegative(resolved);
        Guard.NonNegative(resolvedQuickly);
        return (noComplaint * NoComplaint) + (unresolved * Unresolved) + (resolved * Resolved) + (resolvedQuickly * ResolvedQuickly);
    }
}

/// <summary>
/// The complaint iceberg: from the complaints a firm receives, the dissatisfied customers it does
/// not hear from, the customers it loses and how far the bad word travels.
/// </summary>
public static class ComplaintIceberg
{
    /// <summary>
    /// Dissatisfied = C / complainShare; Silent = Dissatisfied − C; Lost = neverReturnShare·Silent;
    /// first-hand reach = Dissatisfied·told; second-hand reach = first-hand·retold.
    /// </summary>
    /// <param name="complaintsReceived">Complaints received, C. Range: ≥ 0.</param>
    /// <param name="rates">The rates (see <see cref="IcebergRates.Source"/> for the domain brief's figures).</param>
    public static IcebergEstimate Estimate(double complaintsReceived, IcebergRates rates)
    {
        Guard.NotNull(rates);
        Guard.NonNegative(complaintsReceived);
        double dissatisfied = complaintsReceived / rates.ComplainShare;
        double silent = dissatisfied - complaintsReceived;
        double lost = rates.NeverReturnShare * silent;
        double first = dissatisfied * rates.ToldPerDissatisfied;
        double second = first * rates.RetoldPerTold;
        return new IcebergEstimate(complaintsReceived, dissatisfied, silent, lost, first, second);
    }

    /// <summary>The estimate with the domain brief's rates (<see cref="IcebergRates.Source"/>).</summary>
    /// <param name="complaintsReceived">Complaints received. Range: ≥ 0.</param>
    public static IcebergEstimate Estimate(double complaintsReceived) => Estimate(complaintsReceived, IcebergRates.Source);
}

/// <summary>The six steps of complaint handling, in order.</summary>
public enum ComplaintStep
{
    /// <summary>1. Listen: let the customer tell the whole story.</summary>
    Listen = 1,

    /// <summary>2. Share the customer's feelings.</summary>
    Share = 2,

    /// <summary>3. Probe the problem: find its cause.</summary>
    Probe = 3,

    /// <summary>4. Check: confirm the problem and the remedy on both sides.</summary>
    Check = 4,

    /// <summary>5. Act: a concrete plan, kept.</summary>
    Act = 5,

    /// <summary>6. Satisfy: verify the customer is satisfied and prevent recurrence.</summary>
    Satisfy = 6,
}

/// <summary>One recorded step of a complaint case.</summary>
/// <remarks>Immutable.</remarks>
public sealed class ComplaintStepRecord
{
    /// <summary>A step record (what <see cref="ComplaintCase.Record"/> adds, or a stored case holds).</summary>
    /// <param name="step">The step.</param>
    /// <param name="note">What was done.</param>
    /// <exception cref="ArgumentNullException"><paramref name="note"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is not defined.</exception>
    public ComplaintStepRecord(ComplaintStep step, string note)
    {
        Guard.NotNull(note);
        Guard.Defined(step);
        Step = step;
        Note = note;
    }

    /// <summary>The step.</summary>
    public ComplaintStep Step { get; }

    /// <summary>What was done or learned.</summary>
    public string Note { get; }
}

/// <summary>
/// A complaint case that records the six handling steps — Listen, Share, Probe, Check, Act,
/// Satisfy — strictly in order (domain brief §4). Recording returns a new case; a step out of
/// order is an <see cref="InvalidOperationException"/>.
/// </summary>
/// <remarks>Immutable and thread-safe: every <see cref="Record"/> returns a new case.</remarks>
public sealed class ComplaintCase
{
    private readonly ComplaintStepRecord[] _steps;

    /// <summary>Opens a case with no step recorded.</summary>
    /// <param name="caseId">The case's identifier. Range: not empty.</param>
    /// <param name="customerId">The complaining customer, or null when unknown.</param>
    public ComplaintCase(string caseId, string? customerId = null)
        : this(Guard.NotNullOrWhiteSpace(caseId), customerId, [])
    {
    }

    private ComplaintCase(string caseId, string? customerId, ComplaintStepRecord[] steps)
    {
        CaseId = caseId;
        CustomerId = customerId;
        _steps = steps;
    }

    /// <summary>The case's identifier.</summary>
    public string CaseId { get; }

    /// <summary>The complaining customer, or null.</summary>
    public string? CustomerId { get; }

    /// <summary>The steps recorded so far, in order.</summary>
    public IReadOnlyList<ComplaintStepRecord> Steps => _steps;

    /// <summary>The step to record next, or null when the case is closed.</summary>
    public ComplaintStep? NextStep => _steps.Length >= 6 ? null : (ComplaintStep)(_steps.Length + 1);

    /// <summary>Whether all six steps are recorded (the customer is satisfied).</summary>
    public bool IsClosed => _steps.Length >= 6;

    /// <summary>Records <paramref name="step"/>, which must be <see cref="NextStep"/>; returns the new case.</summary>
    /// <param name="step">The step. Range: equal to <see cref="NextStep"/>.</param>
    /// <param name="note">What was done or learned. Range: not empty.</param>
    /// <exception cref="InvalidOperationException">The step is not the next one, or the case is closed.</exception>
    public ComplaintCase Record(ComplaintStep step, string note)
    {
        Guard.NotNullOrWhiteSpace(note);
        Guard.Defined(step);
        ComplaintStep? next = NextStep;
        if (next is null)
        {
            throw new InvalidOperationException(string.Format(CultureInfo.InvariantCulture, "Case '{0}' is closed: all six steps are recorded.", CaseId));
        }

        if (step != next.Value)
        {
            throw new InvalidOperationException(string.Format(CultureInfo.InvariantCulture, "Case '{0}': the next step is {1}, not {2}.", CaseId, next.Value, step));
        }

        var steps = new ComplaintStepRecord[_steps.Length + 1];
        Array.Copy(_steps, steps, _steps.Length);
        steps[_steps.Length] = new ComplaintStepRecord(step, note);
        return new ComplaintCase(CaseId, CustomerId, steps);
    }

    /// <summary>Records the next step; returns the new case.</summary>
    /// <param name="note">What was done or learned. Range: not empty.</param>
    /// <exception cref="InvalidOperationException">The case is closed.</exception>
    public ComplaintCase Advance(string note)
    {
        Guard.NotNullOrWhiteSpace(note);
        ComplaintStep next = NextStep ?? throw new InvalidOperationException(string.Format(CultureInfo.InvariantCulture, "Case '{0}' is closed: all six steps are recorded.", CaseId));
        return Record(next, note);
    }
}

/// <summary>
/// Managing expectations: satisfaction depends on expectation, so promise a little less than you
/// can deliver (able to serve within 18 h → promise 24 h; on site within 2 h → promise 3 h).
/// </summary>
public static class Expectations
{
    private static readonly double[] DefaultSteps = [1, 2, 3, 4, 6, 8, 12, 24, 48, 72, 96, 120, 168];

    /// <summary>The customary promise steps in hours: 1, 2, 3, 4, 6, 8, 12, 24, 48, 72, 96, 120, 168.</summary>
    public static IReadOnlyList<double> HourSteps => DefaultSteps;

    /// <summary>
    /// The promise for a capability in hours: the smallest customary step (<see cref="HourSteps"/>) at
    /// or above capability·(1 + slack); beyond 168 h, the next multiple of 168 h.
    /// 18 h → 24 h and 2 h → 3 h with the default slack of 20 % (domain brief §4).
    /// </summary>
    /// <param name="capability">What you can reliably deliver (hours). Range: &gt; 0.</param>
    /// <param name="slack">The minimum cushion as a fraction of the capability. Range: ≥ 0; default 0.2.</param>
    public static double Promise(double capability, double slack = 0.2) => Promise(capability, slack, DefaultSteps);

    /// <summary>
    /// The promise for a capability on a custom ladder of steps: the smallest step at or above
    /// capability·(1 + slack); beyond the last step, the next multiple of the last step.
    /// </summary>
    /// <param name="capability">What you can reliably deliver. Range: &gt; 0.</param>
    /// <param name="slack">The minimum cushion as a fraction of the capability. Range: ≥ 0.</param>
    /// <param name="steps">The customary steps, ascending. Range: at least one, each &gt; 0, strictly increasing.</param>
    public static double Promise(double capability, double slack, ReadOnlySpan<double> steps)
    {
        Guard.Positive(capability);
        Guard.NonNegative(slack);
        if (steps.IsEmpty)
        {
            throw new ArgumentException("At least one step is needed.", nameof(steps));
        }

        Guard.AllFinite(steps);
        for (int i = 0; i < steps.Length; i++)
        {
            if (steps[i] <= 0 || (i > 0 && steps[i] <= steps[i - 1]))
            {
                throw new ArgumentException("Steps must be positive and strictly increasing.", nameof(steps));
            }
        }

        double target = capability * (1 + slack);
        if (double.IsInfinity(target))
        {
            throw new ArgumentOutOfRangeException(nameof(capability), capability, "The capability is too large.");
        }

        for (int i = 0; i < steps.Length; i++)
        {
            if (steps[i] >= target)
            {
                return steps[i];
            }
        }

        double last = steps[steps.Length - 1];
        return Math.Ceiling(target / last) * last;
    }
}
