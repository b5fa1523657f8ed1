using NodaTime;

namespace CustomerRetention.Relationships;

/// <summary>
/// Where one departed customer stands in the five-step win-back pipeline (domain brief §4):
/// tracked → selected → contacted → diagnosed → offer made → won back or declined → intensive care.
/// </summary>
public enum WinBackState
{
    /// <summary>Step 1: counted among the departed customers.</summary>
    Tracked = 0,

    /// <summary>Step 2: chosen for recovery (not every departed customer is worth the same).</summary>
    Selected = 1,

    /// <summary>Step 3: reached with respect — apologise, listen.</summary>
    Contacted = 2,

    /// <summary>Step 3–4: the reason diagnosed and recorded.</summary>
    Diagnosed = 3,

    /// <summary>Step 3: an offer made (not a pitch).</summary>
    OfferMade = 4,

    /// <summary>The customer came back.</summary>
    WonBack = 5,

    /// <summary>The customer declined (after the contact, the diagnosis or the offer). Final.</summary>
    Declined = 6,

    /// <summary>Step 5: intensive care for the returning customer — service calls, purchases and support tracked, reviewed every six months. Final.</summary>
    IntensiveCare = 7,
}

/// <summary>The legal moves and the names of <see cref="WinBackState"/>.</summary>
public static class WinBackStates
{
    private static readonly string[] Names =
    [
        "tracked", "selected", "contacted", "diagnosed", "offer-made", "won-back", "declined", "intensive-care",
    ];

    /// <summary>
    /// Whether from → to is a legal move: tracked → selected → contacted → diagnosed → offer made → won back →
    /// intensive care, and declined from contacted, diagnosed or offer made.
    /// </summary>
    /// <param name="from">A defined state.</param>
    /// <param name="to">A defined state.</param>
    /// <returns>True for the legal moves only.</returns>
    public static bool IsLegal(WinBackState from, WinBackState to) => (Guard.Defined(from), Guard.Defined(to)) switch
    {
        (WinBackState.Tracked, WinBackState.Selected) => true,
        (WinBackState.Selected, WinBackState.Contacted) => true,
        (WinBackState.Contacted, WinBackState.Diagnosed) => true,
        (WinBackState.Diagnosed, WinBackState.OfferMade) => true,
        (WinBackState.OfferMade, WinBackState.WonBack) => true,
        (WinBackState.WonBack, WinBackState.IntensiveCare) => true,
        (WinBackState.Contacted or WinBackState.Diagnosed or WinBackState.OfferMade, WinBackState.Declined) => true,
        _ => false,
    };

    /// <summary>Whether the customer came back: <see cref="WinBackState.WonBack"/> or <see cref="WinBackState.IntensiveCare"/>.</summary>
    /// <param name="state">A defined state.</param>
    /// <returns>True when won back.</returns>
    public static bool IsWonBack(WinBackState state) => Guard.Defined(state) is WinBackState.WonBack or WinBackState.IntensiveCare;

    /// <summary>The state's name as files and the tool write it, e.g. <c>offer-made</c>.</summary>
    /// <param name="state">A defined state.</param>
    /// <returns>The name.</returns>
    public static string NameOf(WinBackState state) => Names[(int)Guard.Defined(state)];

    /// <summary>Parses a state name (<c>offer-made</c>, <c>offer_made</c>, <c>OfferMade</c>, case-insensitively).</summary>
    /// <param name="text">The name.</param>
    /// <returns>The state.</returns>
    /// <exception cref="ArgumentException">The name is not a win-back state.</exception>
    public static WinBackState Parse(string text)
    {
        Guard.NotNull(text);
        string key = ChurnReasons.Normalise(text);
        for (int i = 0; i < Names.Length; i++)
        {
            if (string.Equals(ChurnReasons.Normalise(Names[i]), key, StringComparison.Ordinal))
            {
                return (WinBackState)i;
            }
        }

        throw new ArgumentException($"'{text}' is not a win-back state (one of {string.Join(", ", Names)}).", nameof(text));
    }
}

/// <summary>One step of a <see cref="WinBackCase"/>: the state entered and the day.</summary>
/// <param name="State">The state entered.</param>
/// <param name="Date">The day.</param>
public readonly record struct WinBackStep(WinBackState State, LocalDate Date);

/// <summary>
/// One departed customer's way through the win-back pipeline (domain brief §4): a state machine that accepts only
/// the legal moves (<see cref="WinBackStates.IsLegal"/>), on dates that never go back, and in intensive care
/// schedules a review every six months. Immutable: each move returns a new case; thread-safe.
/// </summary>
public sealed class WinBackCase
{
    /// <summary>The interval between intensive-care reviews: six months (domain brief §4, step 5).</summary>
    public static readonly Period ReviewInterval = Period.FromMonths(6);

    private readonly WinBackStep[] _steps;
    private readonly LocalDate[] _reviews;

    private WinBackCase(Departure departure, WinBackStep[] steps, LocalDate[] reviews)
    {
        Departure = departure;
        _steps = steps;
        _reviews = reviews;
    }

    /// <summary>The departure, with the reasons diagnosed so far.</summary>
    public Departure Departure { get; }

    /// <summary>The current state.</summary>
    public WinBackState State => _steps[_steps.Length - 1].State;

    /// <summary>The day of the latest step or review.</summary>
    public LocalDate LastDate => _reviews.Length > 0 ? _reviews[_reviews.Length - 1] : _steps[_steps.Length - 1].Date;

    /// <summary>Every state entered, oldest first (the first is <see cref="WinBackState.Tracked"/>).</summary>
    public IReadOnlyList<WinBackStep> Steps => _steps;

    /// <summary>The intensive-care reviews held, oldest first.</summary>
    public IReadOnlyList<LocalDate> Reviews => _reviews;

    /// <summary>The day the customer was won back, or null.</summary>
    public LocalDate? WonBackOn => DateOf(WinBackState.WonBack);

    /// <summary>Days from the departure to the day the customer was won back, or null.</summary>
    public int? DaysToWinBack => WonBackOn is { } won ? Period.DaysBetween(Departure.Date, won) : null;

    /// <summary>The day the next intensive-care review is due: six months after the latest review, or after entering intensive care; null outside intensive care.</summary>
    public LocalDate? NextReviewDue =>
        State == WinBackState.IntensiveCare ? LastReviewOrCareStart().Plus(ReviewInterval) : null;

    /// <summary>Starts a case: the departed customer is tracked.</summary>
    /// <param name="departure">The departure.</param>
    /// <param name="trackedOn">The day tracking starts; not before the departure.</param>
    /// <returns>A case in <see cref="WinBackState.Tracked"/>.</returns>
    public static WinBackCase Track(Departure departure, LocalDate trackedOn)
    {
        Guard.NotNull(departure);
        if (trackedOn < departure.Date)
        {
            throw new ArgumentOutOfRangeException(nameof(trackedOn), trackedOn, "A customer is tracked on or after the day of departure.");
        }

        return new WinBackCase(departure, [new WinBackStep(WinBackState.Tracked, trackedOn)], []);
    }

    /// <summary>Moves the case to <paramref name="to"/> on <paramref name="date"/>.</summary>
    /// <param name="to">The next state; must be a legal move from <see cref="State"/>.</param>
    /// <param name="date">The day; not before <see cref="LastDate"/>.</param>
    /// <returns>The new case.</returns>
    /// <exception cref="InvalidOperationException">The move is not legal.</exception>
    public WinBackCase MoveTo(WinBackState to, LocalDate date)
    {
        Guard.Defined(to);
        CheckDate(date);
        if (!WinBackStates.IsLegal(State, to))
        {
            throw new InvalidOperationException(
                $"A win-back case cannot move from {WinBackStates.NameOf(State)} to {WinBackStates.NameOf(to)}.");
        }

        return With(Departure, to, date);
    }

    /// <summary>Records the diagnosed reasons and moves a contacted case to <see cref="WinBackState.Diagnosed"/>.</summary>
    /// <param name="date">The day; not before <see cref="LastDate"/>.</param>
    /// <param name="reasons">The reasons found; at least one.</param>
    /// <returns>The new case, its departure carrying the reasons.</returns>
    public WinBackCase Diagnose(LocalDate date, IEnumerable<ChurnReason> reasons)
    {
        Guard.NotNull(reasons);
        Departure diagnosed = Departure.WithReasons(reasons);
        if (diagnosed.Reasons.Count == 0)
        {
            throw new ArgumentException("A diagnosis names at least one reason.", nameof(reasons));
        }

        CheckDate(date);
        if (!WinBackStates.IsLegal(State, WinBackState.Diagnosed))
        {
            throw new InvalidOperationException($"A win-back case cannot move from {WinBackStates.NameOf(State)} to diagnosed.");
        }

        return With(diagnosed, WinBackState.Diagnosed, date);
    }

    /// <summary>Records an intensive-care review held on <paramref name="date"/>.</summary>
    /// <param name="date">The day; not before <see cref="LastDate"/>.</param>
    /// <returns>The new case.</returns>
    /// <exception cref="InvalidOperationException">The case is not in intensive care.</exception>
    public WinBackCase RecordReview(LocalDate date)
    {
        if (State != WinBackState.IntensiveCare)
        {
            throw new InvalidOperationException($"Reviews are held in intensive care; the case is {WinBackStates.NameOf(State)}.");
        }

        CheckDate(date);
        var reviews = new LocalDate[_reviews.Length + 1];
        Array.Copy(_reviews, reviews, _reviews.Length);
        reviews[_reviews.Length] = date;
        return new WinBackCase(Departure, _steps, reviews);
    }

    /// <summary>
    /// The review dates scheduled from entering intensive care through <paramref name="through"/>: care start + 6, 12,
    /// 18 … months (each from the start, so month ends do not drift). Empty outside intensive care.
    /// </summary>
    /// <param name="through">The last day to schedule.</param>
    /// <returns>The scheduled dates.</returns>
    public IReadOnlyList<LocalDate> ReviewSchedule(LocalDate through)
    {
        var dates = new List<LocalDate>();
        if (DateOf(WinBackState.IntensiveCare) is not { } start)
        {
            return dates;
        }

        for (int k = 1; ; k++)
        {
            LocalDate due = start.PlusMonths(6 * k);
            if (due > through)
            {
                return dates;
            }

            dates.Add(due);
        }
    }

    private LocalDate? DateOf(WinBackState state)
    {
        foreach (WinBackStep step in _steps)
        {
            if (step.State == state)
            {
                return step.Date;
            }
        }

        return null;
    }

    private LocalDate LastReviewOrCareStart() =>
        _reviews.Length > 0 ? _reviews[_reviews.Length - 1] : DateOf(WinBackState.IntensiveCare)!.Value;

    private WinBackCase With(Departure departure, WinBackState to, LocalDate date)
    {
        var steps = new WinBackStep[_steps.Length + 1];
        Array.Copy(_steps, steps, _steps.Length);
        steps[_steps.Length] = new WinBackStep(to, date);
        return new WinBackCase(departure, steps, _reviews);
    }

    private void CheckDate(LocalDate date)
    {
        if (date < LastDate)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, "The date is before the case's latest step.");
        }
    }
}
