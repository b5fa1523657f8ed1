namespace CustomerRetention.Health;

/// <summary>
/// The post-analysis of churn-management cases (phase 3): save rate, time to save and revenue kept of the treated
/// cases, and — when a randomised hold-out group was kept — the uplift of intervening with its interval. Only closed
/// cases count; open ones are reported by number. Immutable.
/// </summary>
public sealed class CaseAnalysis
{
    private CaseAnalysis(IReadOnlyList<RetentionCase> cases, double z)
    {
        foreach (RetentionCase c in cases)
        {
            if (c.Outcome == CaseOutcome.Open)
            {
                OpenCases++;
                continue;
            }

            bool saved = c.Outcome == CaseOutcome.Saved;
            if (c.Group == CaseGroup.HoldOut)
            {
                HoldOutClosed++;
                HoldOutSaved += saved ? 1 : 0;
                continue;
            }

            TreatedClosed++;
            if (saved)
            {
                TreatedSaved++;
                RevenueKept += c.RevenueKept;
            }
        }

        int[] days = cases.Where(c => c.Group == CaseGroup.Treated && c.Outcome == CaseOutcome.Saved)
            .Select(c => c.DaysOpen!.Value).OrderBy(d => d).ToArray();
        if (days.Length > 0)
        {
            MeanDaysToSave = days.Average();
            MedianDaysToSave = days.Length % 2 == 1 ? days[days.Length / 2] : (days[(days.Length / 2) - 1] + days[days.Length / 2]) / 2.0;
        }

        if (TreatedClosed > 0 && HoldOutClosed > 0)
        {
            Uplift = UpliftEstimate.FromCounts(TreatedSaved, TreatedClosed, HoldOutSaved, HoldOutClosed, z);
        }
    }

    /// <summary>Cases still open (not counted in the rates).</summary>
    public int OpenCases { get; }

    /// <summary>Closed treated cases.</summary>
    public int TreatedClosed { get; }

    /// <summary>Treated cases closed as saved.</summary>
    public int TreatedSaved { get; }

    /// <summary>Closed hold-out cases.</summary>
    public int HoldOutClosed { get; }

    /// <summary>Hold-out cases closed as saved (customers who stayed without any intervention).</summary>
    public int HoldOutSaved { get; }

    /// <summary>The treated save rate, saved ÷ closed, or null with no closed treated case.</summary>
    public double? SaveRate => TreatedClosed > 0 ? (double)TreatedSaved / TreatedClosed : null;

    /// <summary>The hold-out save rate, or null with no closed hold-out case.</summary>
    public double? HoldOutSaveRate => HoldOutClosed > 0 ? (double)HoldOutSaved / HoldOutClosed : null;

    /// <summary>Mean days from opening to a save (treated), or null with no save.</summary>
    public double? MeanDaysToSave { get; }

    /// <summary>Median days from opening to a save (treated), or null with no save.</summary>
    public double? MedianDaysToSave { get; }

    /// <summary>Revenue kept by the treated saves.</summary>
    public decimal RevenueKept { get; }

    /// <summary>The uplift with its interval, or null unless both groups have a closed case.</summary>
    public UpliftEstimate? Uplift { get; }

    /// <summary>Analyses <paramref name="cases"/>.</summary>
    /// <param name="cases">The cases. Range: none null.</param>
    /// <param name="z">The two-sided critical value of the uplift interval (<see cref="UpliftEstimate"/>; default 95 %). Range: &gt; 0.</param>
    /// <returns>The analysis.</returns>
    public static CaseAnalysis Analyze(IEnumerable<RetentionCase> cases, double z = UpliftEstimate.Z95)
    {
        Guard.NotNull(cases);
        Guard.Positive(z);
        RetentionCase[] all = cases.ToArray();
        if (Array.IndexOf(all, null) >= 0)
        {
            throw new ArgumentException("A case is null.", nameof(cases));
        }

        return new CaseAnalysis(all, z);
    }
}
