namespace CustomerRetention.Health;

/// <summary>
/// The three phases of churn management (docs/health.md, after the practitioner's "before, during, after"): a case is in
/// <see cref="Warning"/> when it opens, in <see cref="Recovery"/> once an intervention is recorded, and in
/// <see cref="Analysis"/> once it is closed.
/// </summary>
public enum CasePhase
{
    /// <summary>Phase 1, before the loss: the early warning fired and the case is open, nothing done yet.</summary>
    Warning = 0,

    /// <summary>Phase 2, while it happens: interventions are under way (complaint handling, repair, compensation, apology).</summary>
    Recovery = 1,

    /// <summary>Phase 3, after: the case is closed as saved or lost, with a reason, and counts in the post-analysis.</summary>
    Analysis = 2,
}

/// <summary>How a case ended.</summary>
public enum CaseOutcome
{
    /// <summary>Not closed yet.</summary>
    Open = 0,

    /// <summary>The customer stayed.</summary>
    Saved = 1,

    /// <summary>The customer left.</summary>
    Lost = 2,
}

/// <summary>Whether a case may be acted on, or belongs to the randomised hold-out group that gets no intervention.</summary>
public enum CaseGroup
{
    /// <summary>Acted on: interventions are recorded.</summary>
    Treated = 0,

    /// <summary>Held out at random: no intervention, so that the uplift of intervening can be measured.</summary>
    HoldOut = 1,
}
