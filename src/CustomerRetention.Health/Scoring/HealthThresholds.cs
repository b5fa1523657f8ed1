namespace CustomerRetention.Health;

/// <summary>
/// The thresholds that turn each signal into a risk in [0, 1] (each signal's documentation gives its formula). Immutable;
/// replace any of them with an object initialiser, e.g. <c>new HealthThresholds { RenewalWindowDays = 60 }</c>.
/// </summary>
public sealed class HealthThresholds
{
    private readonly double _cadenceFullRiskMultiple = 4;
    private readonly double _aliveDropFullRisk = 0.5;
    private readonly double _ticketHalfRiskLoad = 6;
    private readonly double _satisfactionGood = 0.9;
    private readonly double _satisfactionBad = 0.3;
    private readonly double _satisfactionDropFullRisk = 0.3;
    private readonly int _renewalWindowDays = 90;
    private readonly double _renewalEngagedFactor = 0.5;
    private readonly double _spendDropFullRisk = 0.8;

    /// <summary>The default thresholds.</summary>
    public static HealthThresholds Default { get; } = new();

    /// <summary>Overdue ratio (days silent ÷ usual gap) at which cadence is the full risk. Default 4 (the RFM early warning's critical multiple). Range: &gt; 1.</summary>
    public double CadenceFullRiskMultiple
    {
        get => _cadenceFullRiskMultiple;
        init => _cadenceFullRiskMultiple = Guard.Finite(value) > 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The multiple must be above 1.");
    }

    /// <summary>Fall of P(alive) that is the full risk. Default 0.5. Range: 0 &lt; value ≤ 1.</summary>
    public double AliveDropFullRisk { get => _aliveDropFullRisk; init => _aliveDropFullRisk = PositiveUnit(value); }

    /// <summary>Ticket load at which the ticket risk is one half. Default 6. Range: &gt; 0.</summary>
    public double TicketHalfRiskLoad { get => _ticketHalfRiskLoad; init => _ticketHalfRiskLoad = Guard.Positive(value); }

    /// <summary>Position on the satisfaction scale (0–1) at and above which the answer is no risk. Default 0.9. Range: 0 &lt; value ≤ 1, above <see cref="SatisfactionBad"/>.</summary>
    public double SatisfactionGood
    {
        get => _satisfactionGood;
        init => _satisfactionGood = PositiveUnit(value);
    }

    /// <summary>Position on the satisfaction scale (0–1) at and below which the answer is the full risk. Default 0.3. Range: 0 ≤ value &lt; 1, below <see cref="SatisfactionGood"/>.</summary>
    public double SatisfactionBad
    {
        get => _satisfactionBad;
        init => _satisfactionBad = Guard.InRange(value, 0, 1);
    }

    /// <summary>Fall on the satisfaction scale (as a fraction of it) that is the full risk. Default 0.3. Range: 0 &lt; value ≤ 1.</summary>
    public double SatisfactionDropFullRisk { get => _satisfactionDropFullRisk; init => _satisfactionDropFullRisk = PositiveUnit(value); }

    /// <summary>Days before a renewal at which its risk starts to rise. Default 90. Range: ≥ 1.</summary>
    public int RenewalWindowDays { get => _renewalWindowDays; init => _renewalWindowDays = Guard.Positive(value); }

    /// <summary>Factor on the renewal risk when the decision-maker is engaged. Default 0.5. Range: 0 ≤ value ≤ 1.</summary>
    public double RenewalEngagedFactor { get => _renewalEngagedFactor; init => _renewalEngagedFactor = Guard.InRange(value, 0, 1); }

    /// <summary>Relative spend decline that is the full risk. Default 0.8. Range: 0 &lt; value ≤ 1.</summary>
    public double SpendDropFullRisk { get => _spendDropFullRisk; init => _spendDropFullRisk = PositiveUnit(value); }

    /// <summary>g − b, checked positive (the two satisfaction thresholds can be set in any order, so they are compared when used).</summary>
    internal double SatisfactionSpan => _satisfactionGood > _satisfactionBad
        ? _satisfactionGood - _satisfactionBad
        : throw new ArgumentException("SatisfactionGood must be above SatisfactionBad.", "thresholds");

    private static double PositiveUnit(double value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? paramName = null) =>
        Guard.Finite(value, paramName) > 0 && value <= 1 ? value : throw new ArgumentOutOfRangeException(paramName, value, "The value must be above 0 and at most 1.");
}
