namespace CustomerRetention.Probabilistic;

/// <summary>
/// Model-based customer lifetime value: expected purchases per period from a transaction model times the expected
/// value per purchase (e.g. Gamma-Gamma's conditional expected average value), discounted per period:
/// CLV = Σ_{k=1}^{K} v · (E[Y(t_k)] − E[Y(t_{k−1})]) / (1 + d)^{t_k}, with t_k = min(k, horizon)
/// (the discrete approximation used by Python's lifetimes, <c>customer_lifetime_value</c>). Thread-safe.
/// </summary>
public static class CustomerLifetimeValue
{
    /// <summary>Discounted CLV of a customer under BG/NBD.</summary>
    /// <param name="parameters">The transaction model.</param>
    /// <param name="frequency">x. Range: x ≥ 0.</param>
    /// <param name="recency">t_x. Range: 0 ≤ t_x ≤ T.</param>
    /// <param name="T">T, the customer's age: time from the first purchase to the end of calibration. Range: T ≥ 0.</param>
    /// <param name="averageValue">Expected value per purchase (money). Range: finite.</param>
    /// <param name="horizon">How far ahead, in the model's time unit. Range: 0 ≤ horizon ≤ 1e6.</param>
    /// <param name="discountRate">Discount rate per time unit. Range: 0 ≤ d ≤ 10.</param>
    /// <returns>The present value of the expected future purchases.</returns>
    public static double Discounted(BetaGeoParameters parameters, double frequency, double recency, double T, double averageValue, double horizon, double discountRate)
    {
        BetaGeoParameters p = parameters.Checked(nameof(parameters));
        BetaGeo.CheckCustomer(frequency, recency, T);
        Check(averageValue, horizon, discountRate);
        return Sum(t => BetaGeoFamily.ConditionalExpected(p.R, p.Alpha, p.A, p.B, 0, t, frequency, recency, T), averageValue, horizon, discountRate);
    }

    /// <summary>Discounted CLV of a customer under MBG/NBD.</summary>
    /// <param name="parameters">The transaction model.</param>
    /// <param name="frequency">x. Range: x ≥ 0.</param>
    /// <param name="recency">t_x. Range: 0 ≤ t_x ≤ T.</param>
    /// <param name="T">T, the customer's age: time from the first purchase to the end of calibration. Range: T ≥ 0.</param>
    /// <param name="averageValue">Expected value per purchase. Range: finite.</param>
    /// <param name="horizon">How far ahead. Range: 0 ≤ horizon ≤ 1e6.</param>
    /// <param name="discountRate">Discount rate per time unit. Range: 0 ≤ d ≤ 10.</param>
    /// <returns>The present value of the expected future purchases.</returns>
    public static double Discounted(ModifiedBetaGeoParameters parameters, double frequency, double recency, double T, double averageValue, double horizon, double discountRate)
    {
        ModifiedBetaGeoParameters p = parameters.Checked(nameof(parameters));
        BetaGeo.CheckCustomer(frequency, recency, T);
        Check(averageValue, horizon, discountRate);
        return Sum(t => BetaGeoFamily.ConditionalExpected(p.R, p.Alpha, p.A, p.B, 1, t, frequency, recency, T), averageValue, horizon, discountRate);
    }

    /// <summary>Discounted CLV of a customer under Pareto/NBD.</summary>
    /// <param name="parameters">The transaction model.</param>
    /// <param name="frequency">x. Range: x ≥ 0.</param>
    /// <param name="recency">t_x. Range: 0 ≤ t_x ≤ T.</param>
    /// <param name="T">T, the customer's age: time from the first purchase to the end of calibration. Range: T ≥ 0.</param>
    /// <param name="averageValue">Expected value per purchase. Range: finite.</param>
    /// <param name="horizon">How far ahead. Range: 0 ≤ horizon ≤ 1e6.</param>
    /// <param name="discountRate">Discount rate per time unit. Range: 0 ≤ d ≤ 10.</param>
    /// <returns>The present value of the expected future purchases.</returns>
    public static double Discounted(ParetoNbdParameters parameters, double frequency, double recency, double T, double averageValue, double horizon, double discountRate)
    {
        ParetoNbdParameters p = parameters.Checked(nameof(parameters));
        BetaGeo.CheckCustomer(frequency, recency, T);
        Check(averageValue, horizon, discountRate);
        return Sum(t => ParetoNbd.Conditional(p, t, frequency, recency, T), averageValue, horizon, discountRate);
    }

    /// <summary>
    /// The residual lifetime value of a Pareto/NBD customer in closed form, with continuous discounting over an
    /// unbounded horizon (Fader, Hardie &amp; Lee 2005, "RFM and CLV", JMR 42(4), eq. 2 and the text after it):
    /// value per purchase × DERT(δ | r, α, s, β, x, t_x, T), see
    /// <see cref="ParetoNbd.DiscountedExpectedResidualTransactions"/>. Unlike
    /// <see cref="Discounted(ParetoNbdParameters, double, double, double, double, double, double)"/> (a discrete
    /// sum over a finite horizon) nothing is truncated or discretised.
    /// </summary>
    /// <param name="parameters">The transaction model.</param>
    /// <param name="frequency">x. Range: x ≥ 0.</param>
    /// <param name="recency">t_x. Range: 0 ≤ t_x ≤ T.</param>
    /// <param name="T">T, the customer's age: time from the first purchase to the end of calibration. Range: T ≥ 0.</param>
    /// <param name="averageValue">Expected value (or margin) per purchase, e.g. Gamma-Gamma's conditional expected average value. Range: finite.</param>
    /// <param name="discountRate">δ, continuously compounded discount rate per model time unit (15 % a year on weekly data: ln(1.15)/52). Range: δ &gt; 0.</param>
    /// <returns>The present value of the customer's expected future purchases.</returns>
    public static double DiscountedResidual(ParetoNbdParameters parameters, double frequency, double recency, double T, double averageValue, double discountRate)
    {
        ParetoNbdParameters p = parameters.Checked(nameof(parameters));
        BetaGeo.CheckCustomer(frequency, recency, T);
        Guard.Finite(averageValue);
        Guard.Positive(discountRate);
        return averageValue * ParetoNbd.Dert(p, discountRate, frequency, recency, T);
    }

    /// <summary>
    /// The residual CLV of a BG/BB customer (Fader, Hardie &amp; Shang 2010): value per transaction × DERT, the
    /// discounted expected transactions over all future opportunities
    /// (<see cref="BetaGeoBetaBinomial.DiscountedExpectedResidualTransactions"/>).
    /// </summary>
    /// <param name="parameters">The BG/BB model.</param>
    /// <param name="frequency">x. Range: 0 ≤ x ≤ t_x.</param>
    /// <param name="recency">t_x. Range: x ≤ t_x ≤ n.</param>
    /// <param name="opportunities">n. Range: n ≥ 0.</param>
    /// <param name="averageValue">Value (or margin) per transaction. Range: finite.</param>
    /// <param name="discountRate">d per opportunity. Range: d &gt; 0.</param>
    /// <returns>The present value of the customer's expected future transactions.</returns>
    public static double DiscountedResidual(BetaGeoBetaBinomialParameters parameters, int frequency, int recency, int opportunities, double averageValue, double discountRate)
    {
        Guard.Finite(averageValue);
        return averageValue * BetaGeoBetaBinomial.DiscountedExpectedResidualTransactions(parameters, discountRate, frequency, recency, opportunities);
    }

    internal static void Check(double averageValue, double horizon, double discountRate)
    {
        Guard.Finite(averageValue);
        Guard.InRange(horizon, 0, 1e6);
        Guard.InRange(discountRate, 0, 10);
    }

    internal static double Sum(Func<double, double> cumulative, double value, double horizon, double discountRate)
    {
        double total = 0;
        double previous = 0;
        int steps = (int)Math.Ceiling(horizon);
        for (int k = 1; k <= steps; k++)
        {
            double t = Math.Min(k, horizon);
            double current = cumulative(t);
            total += value * (current - previous) / Math.Pow(1 + discountRate, t);
            previous = current;
        }

        return total;
    }
}
