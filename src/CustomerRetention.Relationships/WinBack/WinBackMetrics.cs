namespace CustomerRetention.Relationships;

/// <summary>The figures of a win-back programme (domain brief §4: e.g. 30 % of departed customers recovered in financial services).</summary>
public sealed record WinBackMetrics
{
    /// <summary>Creates the figures.</summary>
    /// <param name="departed">Cases tracked.</param>
    /// <param name="contacted">Cases that reached the contact step or beyond.</param>
    /// <param name="wonBack">Cases won back (won back or in intensive care).</param>
    /// <param name="declined">Cases declined.</param>
    /// <param name="recoveredRevenue">The revenue lost of the cases won back.</param>
    /// <param name="meanDaysToWinBack">Mean days from departure to win-back, or null when none was won back.</param>
    /// <param name="medianDaysToWinBack">Median of the same, or null.</param>
    public WinBackMetrics(int departed, int contacted, int wonBack, int declined, decimal recoveredRevenue, double? meanDaysToWinBack, double? medianDaysToWinBack)
    {
        Departed = Guard.NonNegative(departed);
        Contacted = Guard.NonNegative(contacted);
        WonBack = Guard.NonNegative(wonBack);
        Declined = Guard.NonNegative(declined);
        RecoveredRevenue = Guard.NonNegative(recoveredRevenue);
        MeanDaysToWinBack = meanDaysToWinBack is { } mean ? Guard.Finite(mean, nameof(meanDaysToWinBack)) : null;
        MedianDaysToWinBack = medianDaysToWinBack is { } median ? Guard.Finite(median, nameof(medianDaysToWinBack)) : null;
    }

    /// <summary>Cases tracked.</summary>
    public int Departed { get; }

    /// <summary>Cases that reached the contact step or beyond.</summary>
    public int Contacted { get; }

    /// <summary>Cases won back.</summary>
    public int WonBack { get; }

    /// <summary>Cases declined.</summary>
    public int Declined { get; }

    /// <summary>Recovery rate: won back ÷ departed, 0 when no case is tracked.</summary>
    public double RecoveryRate => Departed == 0 ? 0.0 : (double)WonBack / Departed;

    /// <summary>Won back ÷ contacted, 0 when nobody was contacted.</summary>
    public double ContactSuccessRate => Contacted == 0 ? 0.0 : (double)WonBack / Contacted;

    /// <summary>The revenue lost of the cases won back: the revenue the programme recovered.</summary>
    public decimal RecoveredRevenue { get; }

    /// <summary>Mean days from departure to win-back, or null.</summary>
    public double? MeanDaysToWinBack { get; }

    /// <summary>Median days from departure to win-back, or null.</summary>
    public double? MedianDaysToWinBack { get; }
}
