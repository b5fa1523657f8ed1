using NodaTime;

namespace CustomerRetention.Health;

/// <summary>
/// A churn-management case through its three phases (<see cref="CasePhase"/>): opened on a warning (phase 1), with the
/// interventions and their dates (phase 2), closed as saved or lost with a reason (phase 3). Immutable: each step
/// returns a new case. A hold-out case (<see cref="CaseGroup.HoldOut"/>) takes no interventions; it is still closed as saved
/// or lost, so that <see cref="CaseAnalysis"/> can compare the groups.
/// </summary>
public sealed class RetentionCase
{
    private readonly Intervention[] _interventions;

    private RetentionCase(
        string customerId, CaseGroup group, LocalDate openedOn, string warning, decimal revenueAtRisk,
        Intervention[] interventions, CaseOutcome outcome, LocalDate? closedOn, string? closeReason, decimal revenueKept)
    {
        CustomerId = customerId;
        Group = group;
        OpenedOn = openedOn;
        Warning = warning;
        RevenueAtRisk = revenueAtRisk;
        _interventions = interventions;
        Outcome = outcome;
        ClosedOn = closedOn;
        CloseReason = closeReason;
        RevenueKept = revenueKept;
    }

    /// <summary>The customer.</summary>
    public string CustomerId { get; }

    /// <summary>Treated or hold-out.</summary>
    public CaseGroup Group { get; }

    /// <summary>The day the warning opened the case.</summary>
    public LocalDate OpenedOn { get; }

    /// <summary>The warning that opened it, in words (e.g. the health score's top reasons).</summary>
    public string Warning { get; }

    /// <summary>The revenue at stake (e.g. the customer's expected value for the next year).</summary>
    public decimal RevenueAtRisk { get; }

    /// <summary>The interventions, in the order recorded.</summary>
    public IReadOnlyList<Intervention> Interventions => _interventions;

    /// <summary>How it ended, or <see cref="CaseOutcome.Open"/>.</summary>
    public CaseOutcome Outcome { get; }

    /// <summary>The day it was closed, or null while open.</summary>
    public LocalDate? ClosedOn { get; }

    /// <summary>Why it ended so (the save's or the loss's reason), or null while open.</summary>
    public string? CloseReason { get; }

    /// <summary>The revenue kept by a save (0 unless saved).</summary>
    public decimal RevenueKept { get; }

    /// <summary>The phase: warning (open, no intervention), recovery (open, interventions) or analysis (closed).</summary>
    public CasePhase Phase => Outcome != CaseOutcome.Open ? CasePhase.Analysis : _interventions.Length > 0 ? CasePhase.Recovery : CasePhase.Warning;

    /// <summary>Days from opening to closing, or null while open.</summary>
    public int? DaysOpen => ClosedOn is { } c ? Period.Between(OpenedOn, c, PeriodUnits.Days).Days : null;

    /// <summary>Phase 1: opens a case on a warning.</summary>
    /// <param name="customerId">The customer. Range: not empty.</param>
    /// <param name="openedOn">The day of the warning.</param>
    /// <param name="warning">The warning in words. Range: not empty.</param>
    /// <param name="revenueAtRisk">The revenue at stake. Range: ≥ 0.</param>
    /// <param name="group">Treated (default) or hold-out (e.g. by <see cref="HoldOut.IsHeldOut"/>).</param>
    /// <returns>The open case.</returns>
    public static RetentionCase Open(string customerId, LocalDate openedOn, string warning, decimal revenueAtRisk, CaseGroup group = CaseGroup.Treated)
    {
        Guard.NotNullOrWhiteSpace(customerId);
        Guard.NotNullOrWhiteSpace(warning);
        return new RetentionCase(customerId, Guard.Defined(group), openedOn, warning, Guard.NonNegative(revenueAtRisk), [], CaseOutcome.Open, null, null, 0m);
    }

    /// <summary>Phase 2: records an intervention.</summary>
    /// <param name="intervention">What was done. Range: on or after the opening and the previous intervention.</param>
    /// <returns>The case with the intervention.</returns>
    /// <exception cref="InvalidOperationException">The case is closed, or in the hold-out group.</exception>
    public RetentionCase Record(Intervention intervention)
    {
        Guard.NotNull(intervention);
        if (Outcome != CaseOutcome.Open)
        {
            throw new InvalidOperationException("The case is closed: no intervention can be recorded.");
        }

        if (Group == CaseGroup.HoldOut)
        {
            throw new InvalidOperationException("A hold-out case gets no intervention: that is what makes the uplift measurable.");
        }

        LocalDate earliest = _interventions.Length > 0 ? _interventions[_interventions.Length - 1].Date : OpenedOn;
        if (intervention.Date < earliest)
        {
            throw new ArgumentOutOfRangeException(nameof(intervention), intervention.Date, "An intervention cannot precede the opening or the previous intervention.");
        }

        return new RetentionCase(CustomerId, Group, OpenedOn, Warning, RevenueAtRisk, [.. _interventions, intervention], Outcome, null, null, 0m);
    }

    /// <summary>Phase 3: closes the case as saved.</summary>
    /// <param name="closedOn">The day. Range: on or after the opening and the last intervention.</param>
    /// <param name="reason">Why the customer stayed. Range: not empty.</param>
    /// <param name="revenueKept">The revenue kept. Range: ≥ 0.</param>
    /// <returns>The closed case.</returns>
    public RetentionCase CloseSaved(LocalDate closedOn, string reason, decimal revenueKept) =>
        Close(CaseOutcome.Saved, closedOn, reason, Guard.NonNegative(revenueKept));

    /// <summary>Phase 3: closes the case as lost.</summary>
    /// <param name="closedOn">The day. Range: on or after the opening and the last intervention.</param>
    /// <param name="reason">Why the customer left. Range: not empty.</param>
    /// <returns>The closed case.</returns>
    public RetentionCase CloseLost(LocalDate closedOn, string reason) => Close(CaseOutcome.Lost, closedOn, reason, 0m);

    private RetentionCase Close(CaseOutcome outcome, LocalDate closedOn, string reason, decimal revenueKept)
    {
        Guard.NotNullOrWhiteSpace(reason);
        if (Outcome != CaseOutcome.Open)
        {
            throw new InvalidOperationException("The case is already closed.");
        }

        LocalDate earliest = _interventions.Length > 0 ? _interventions[_interventions.Length - 1].Date : OpenedOn;
        if (closedOn < earliest)
        {
            throw new ArgumentOutOfRangeException(nameof(closedOn), closedOn, "A case cannot close before its opening or its last intervention.");
        }

        return new RetentionCase(CustomerId, Group, OpenedOn, Warning, RevenueAtRisk, _interventions, outcome, closedOn, reason, revenueKept);
    }
}
