using CustomerRetention.Numerics;

namespace CustomerRetention.Probabilistic.Numerics;

/// <summary>
/// ln Γ(p + m) − ln Γ(p) and ψ(p + m) − ψ(p) for whole m = 0..max, built by the recurrences
/// ln Γ(p + m + 1) = ln Γ(p + m) + ln(p + m) and ψ(p + m + 1) = ψ(p + m) + 1/(p + m), so that a likelihood
/// pass over many rows costs a table look-up per row instead of special-function calls. Non-integral or
/// larger m fall back to the functions themselves.
/// </summary>
internal sealed class GammaTable
{
    private double[] _logGamma = new double[1];
    private double[] _digamma = new double[1];
    private double _p = double.NaN;
    private double _logGammaP;
    private double _digammaP;
    private int _max = -1;

    public void Build(double p, int max, bool withDigamma)
    {
        _p = p;
        _logGammaP = SpecialFunctions.LogGamma(p);
        _digammaP = withDigamma ? SpecialFunctions.Digamma(p) : 0;
        _max = max;
        if (max < 0)
        {
            return;
        }

        if (_logGamma.Length < max + 1)
        {
            _logGamma = new double[max + 1];
            _digamma = new double[max + 1];
        }

        double lg = 0;
        double dg = 0;
        for (int m = 0; m <= max; m++)
        {
            _logGamma[m] = lg;
            _digamma[m] = dg;
            double v = p + m;
            lg += Math.Log(v);
            dg += 1.0 / v;
        }
    }

    /// <summary>ln Γ(p + m) − ln Γ(p).</summary>
    public double LogRatio(double m)
    {
        int k = (int)m;
        return k == m && k <= _max ? _logGamma[k] : _p < 1e5 ? SpecialFunctions.LogGamma(_p + m) - _logGammaP : SpecialFunctions.LogGammaDifference(_p, m);
    }

    /// <summary>ψ(p + m) − ψ(p).</summary>
    public double DigammaDifference(double m)
    {
        int k = (int)m;
        return k == m && k <= _max ? _digamma[k] : SpecialFunctions.Digamma(_p + m) - _digammaP;
    }

    /// <summary>The table size to use for rows whose largest frequency is <paramref name="maxFrequency"/>: −1 for none.</summary>
    public static int SizeFor(double maxFrequency, bool integer, int rows) =>
        integer && maxFrequency <= Math.Max(4096, 8.0 * rows) && maxFrequency < 10_000_000 ? (int)maxFrequency + 1 : -1;
}
