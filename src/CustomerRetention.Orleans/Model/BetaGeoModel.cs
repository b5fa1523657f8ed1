using CustomerRetention.Probabilistic;

namespace CustomerRetention.Orleans.Model;

/// <summary>
/// The one place this package calls into CustomerRetention.Probabilistic: the BG/NBD fit of the
/// population's compressed counts and the per-customer predictions (P(alive), conditional expected
/// purchases, discounted CLV). Everything else in the package speaks its own wire types.
/// </summary>
internal static class BetaGeoModel
{
    /// <summary>
    /// Fits BG/NBD by maximum likelihood to the weighted rows of <paramref name="counts"/> (one row per
    /// distinct history, weight = customers; the likelihood is a weighted sum, so this is the fit of the
    /// customers), with t_x and T converted from days to the unit.
    /// </summary>
    public static BetaGeoFit Fit(PopulationCounts counts, double unitLengthInDays)
    {
        int n = counts.Rows.Count;
        var x = new double[n];
        var tx = new double[n];
        var t = new double[n];
        var w = new double[n];
        for (int i = 0; i < n; i++)
        {
            HistoryCount row = counts.Rows[i];
            x[i] = row.Frequency;
            tx[i] = row.RecencyDays / unitLengthInDays;
            t[i] = row.AgeDays / unitLengthInDays;
            w[i] = row.Customers;
        }

        FitResult<BetaGeoParameters> fit = BetaGeo.Fit(PurchaseHistories.FromSpans(x, tx, t, w));
        BetaGeoParameters p = fit.Parameters;
        return new BetaGeoFit(p.R, p.Alpha, p.A, p.B, fit.LogLikelihood, fit.Converged);
    }

    /// <summary>P(alive | x, t_x, T) under the fit (FHL 2005, eq. 11).</summary>
    public static double ProbabilityAlive(BetaGeoFit fit, ModelInput input) =>
        BetaGeo.ProbabilityAlive(Parameters(fit), input.Frequency, input.Recency, input.T);

    /// <summary>E[Y(horizon) | x, t_x, T] under the fit (FHL 2005, eq. 10).</summary>
    public static double ExpectedPurchases(BetaGeoFit fit, ModelInput input, double horizon) =>
        BetaGeo.ConditionalExpectedPurchases(Parameters(fit), horizon, input.Frequency, input.Recency, input.T);

    /// <summary>The discounted CLV over the horizon with <paramref name="averageValue"/> per purchase.</summary>
    public static double LifetimeValue(BetaGeoFit fit, ModelInput input, double averageValue, double horizon, double discountRate) =>
        CustomerLifetimeValue.Discounted(Parameters(fit), input.Frequency, input.Recency, input.T, averageValue, horizon, discountRate);

    private static BetaGeoParameters Parameters(BetaGeoFit fit) => new(fit.R, fit.Alpha, fit.A, fit.B);
}
