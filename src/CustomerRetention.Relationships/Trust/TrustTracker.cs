using NodaTime;

namespace CustomerRetention.Relationships;

/// <summary>One move of a <see cref="TrustTracker"/>: when, from which stage to which, and why.</summary>
public sealed record TrustTransition
{
    /// <summary>Creates a transition record.</summary>
    /// <param name="date">The day of the move.</param>
    /// <param name="from">The stage left.</param>
    /// <param name="to">The stage entered.</param>
    /// <param name="reason">Why: the criterion met, or the caller's reason for a manual move or a regression.</param>
    public TrustTransition(LocalDate date, TrustStage from, TrustStage to, string reason)
    {
        Reason = Guard.NotNullOrWhiteSpace(reason);
        Date = date;
        From = Guard.Defined(from);
        To = Guard.Defined(to);
    }

    /// <summary>The day of the move.</summary>
    public LocalDate Date { get; }

    /// <summary>The stage left.</summary>
    public TrustStage From { get; }

    /// <summary>The stage entered.</summary>
    public TrustStage To { get; }

    /// <summary>Why the move happened.</summary>
    public string Reason { get; }

    /// <summary>Whether the move went back (to &lt; from).</summary>
    public bool IsRegression => To < From;
}

/// <summary>
/// Tracks one relationship along <see cref="TrustStage"/> (stranger → guard lowered → favour → trust →
/// dependence; domain brief §1). Interactions bring <see cref="TrustSignal"/>s; when the signals
/// collected since entering the current stage meet the rule out of it (<see cref="TrustCriteria"/>),
/// the tracker moves up exactly one stage and starts collecting afresh. It never skips a stage and
/// never goes back silently: a regression is an explicit <see cref="Regress"/> with a reason, kept
/// in <see cref="History"/>. Immutable: every call returns a new tracker; thread-safe.
/// </summary>
public sealed class TrustTracker
{
    private const TrustSignal AllSignals = (TrustSignal)((1 << 12) - 1);
    private readonly TrustTransition[] _history;

    private TrustTracker(TrustCriteria criteria, TrustStage stage, TrustSignal evidence, LocalDate? lastDate, TrustTransition[] history)
    {
        Criteria = criteria;
        Stage = stage;
        Evidence = evidence;
        LastDate = lastDate;
        _history = history;
    }

    /// <summary>A stranger, judged by <see cref="TrustCriteria.Default"/>.</summary>
    public static TrustTracker Initial { get; } = Start(TrustCriteria.Default);

    /// <summary>The rules of the forward transitions.</summary>
    public TrustCriteria Criteria { get; }

    /// <summary>The current stage.</summary>
    public TrustStage Stage { get; }

    /// <summary>The signals collected since the tracker entered <see cref="Stage"/>.</summary>
    public TrustSignal Evidence { get; }

    /// <summary>The day of the latest interaction or move, or null before the first.</summary>
    public LocalDate? LastDate { get; }

    /// <summary>Every move so far, oldest first.</summary>
    public IReadOnlyList<TrustTransition> History => _history;

    /// <summary>A stranger judged by <paramref name="criteria"/>.</summary>
    /// <param name="criteria">The rules of the forward transitions.</param>
    /// <returns>A tracker at <see cref="TrustStage.Stranger"/> with no evidence.</returns>
    public static TrustTracker Start(TrustCriteria criteria) =>
        new(Guard.NotNull(criteria), TrustStage.Stranger, TrustSignal.None, null, []);

    /// <summary>Whether a forward move from → to is legal: exactly one stage up.</summary>
    /// <param name="from">A defined stage.</param>
    /// <param name="to">A defined stage.</param>
    /// <returns>True when to = from + 1.</returns>
    public static bool IsLegalAdvance(TrustStage from, TrustStage to) => (int)Guard.Defined(to) == (int)Guard.Defined(from) + 1;

    /// <summary>Whether a regression from → to is legal: to any lower stage.</summary>
    /// <param name="from">A defined stage.</param>
    /// <param name="to">A defined stage.</param>
    /// <returns>True when to &lt; from.</returns>
    public static bool IsLegalRegression(TrustStage from, TrustStage to) => Guard.Defined(to) < Guard.Defined(from);

    /// <summary>
    /// Records an interaction: adds its signals to the evidence and, when the rule out of the current
    /// stage is met, moves up one stage (never more) and clears the evidence.
    /// </summary>
    /// <param name="date">The day of the interaction; not before <see cref="LastDate"/>.</param>
    /// <param name="signals">What the interaction showed (flags of <see cref="TrustSignal"/>).</param>
    /// <returns>The new tracker.</returns>
    public TrustTracker Observe(LocalDate date, TrustSignal signals)
    {
        CheckDate(date);
        if ((signals & ~AllSignals) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(signals), signals, "Value holds flags that are not defined TrustSignal values.");
        }

        TrustSignal evidence = Evidence | signals;
        if (Stage < TrustStage.Dependence)
        {
            TrustRule rule = Criteria.RuleFrom(Stage);
            if (rule.IsMetBy(evidence))
            {
                TrustStage next = Stage + 1;
                string reason = "criteria met: " + Describe(evidence & (rule.Required | rule.AnyOf));
                return Move(date, next, reason);
            }
        }

        return new TrustTracker(Criteria, Stage, evidence, date, _history);
    }

    /// <summary>Moves up one stage on the caller's judgement (e.g. a stage reached outside the tracked interactions).</summary>
    /// <param name="date">The day of the move; not before <see cref="LastDate"/>.</param>
    /// <param name="to">The next stage: <see cref="Stage"/> + 1.</param>
    /// <param name="reason">Why; kept in <see cref="History"/>.</param>
    /// <returns>The new tracker.</returns>
    /// <exception cref="InvalidOperationException"><paramref name="to"/> is not the next stage.</exception>
    public TrustTracker Advance(LocalDate date, TrustStage to, string reason)
    {
        Guard.NotNullOrWhiteSpace(reason);
        Guard.Defined(to);
        CheckDate(date);
        if (!IsLegalAdvance(Stage, to))
        {
            throw new InvalidOperationException($"Cannot advance from {Stage} to {to}: stages advance one at a time.");
        }

        return Move(date, to, reason);
    }

    /// <summary>Moves back to a lower stage (a broken promise, a lost contact), with a reason kept in <see cref="History"/>.</summary>
    /// <param name="date">The day of the move; not before <see cref="LastDate"/>.</param>
    /// <param name="to">A stage below <see cref="Stage"/>.</param>
    /// <param name="reason">Why; kept in <see cref="History"/>.</param>
    /// <returns>The new tracker, with the evidence cleared.</returns>
    /// <exception cref="InvalidOperationException"><paramref name="to"/> is not below <see cref="Stage"/>.</exception>
    public TrustTracker Regress(LocalDate date, TrustStage to, string reason)
    {
        Guard.NotNullOrWhiteSpace(reason);
        Guard.Defined(to);
        CheckDate(date);
        if (!IsLegalRegression(Stage, to))
        {
            throw new InvalidOperationException($"Cannot regress from {Stage} to {to}: a regression goes to a lower stage.");
        }

        return Move(date, to, reason);
    }

    internal static int CountFlags(TrustSignal signals)
    {
        int count = 0;
        for (int bits = (int)signals; bits != 0; bits &= bits - 1)
        {
            count++;
        }

        return count;
    }

    private static string Describe(TrustSignal signals) => signals.ToString();

    private TrustTracker Move(LocalDate date, TrustStage to, string reason)
    {
        var history = new TrustTransition[_history.Length + 1];
        Array.Copy(_history, history, _history.Length);
        history[_history.Length] = new TrustTransition(date, Stage, to, reason);
        return new TrustTracker(Criteria, to, TrustSignal.None, date, history);
    }

    private void CheckDate(LocalDate date)
    {
        if (LastDate is { } last && date < last)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"The date is before the latest recorded day {last:yyyy-MM-dd}.");
        }
    }
}
