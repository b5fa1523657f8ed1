using CustomerRetention.Numerics;

namespace CustomerRetention.Churn;

/// <summary>
/// When the payments a CLV formula counts fall, relative to the moment the value is computed —
/// the choice that separates the three textbook formulas reconciled by Fader &amp; Hardie's note 024
/// ("Reconciling and clarifying CLV formulas", 2012). Each period the customer stays with
/// probability r and pays margin m; d is the discount rate per period.
/// </summary>
public enum ClvTiming
{
    /// <summary>
    /// The customer has just paid; only the future payments count: m·r/(1 + d − r) = m·Σ_{t≥1} r^t/(1+d)^t
    /// (expected residual value, e.g. of an existing customer just after a renewal).
    /// </summary>
    FirstPaymentExcluded = 0,

    /// <summary>
    /// The payment due now is counted, undiscounted, then the future ones: m·(1 + d)/(1 + d − r)
    /// = m·Σ_{t≥0} r^t/(1+d)^t (value of a customer at acquisition, paying up front).
    /// </summary>
    FirstPaymentIncluded = 1,

    /// <summary>
    /// Payments at the end of each period, the first one certain and discounted one period:
    /// m/(1 + d − r) = m·Σ_{t≥1} r^(t−1)/(1+d)^t.
    /// </summary>
    PaymentsAtPeriodEnd = 2,
}

/// <summary>
/// Customer lifetime value from a constant retention rate, a margin per period and a discount
/// rate: the three textbook variants of Fader &amp; Hardie's note 024, named by <see cref="ClvTiming"/>
/// so that the choice is explicit, and finite-horizon versions.
/// </summary>
/// <remarks>
/// With q = r/(1 + d): Σ_{t=0}^{∞} q^t = (1 + d)/(1 + d − r). The three multiples differ by a
/// factor q or 1/(1 + d): with r = 0.8, d = 0.1 they are 2.67 (excluded), 3.67 (included) and
/// 3.33 (period end). A constant r ignores heterogeneity and understates value
/// (see <see cref="ShiftedBetaGeometric"/> for DEL/DERL).
/// </remarks>
public static class Clv
{
    /// <summary>
    /// The margin multiple over an infinite horizon: CLV / m. r/(1 + d − r) (first payment
    /// excluded), (1 + d)/(1 + d − r) (included), 1/(1 + d − r) (payments at period end).
    /// Fader &amp; Hardie (2012), note 024, equations (1)–(3).
    /// </summary>
    /// <param name="retention">Retention per period, r. Range: 0 ≤ r ≤ 1, and r &lt; 1 + d.</param>
    /// <param name="discountRate">Discount rate per period, d. Range: d &gt; −1, and d &gt; r − 1 so that the sum converges.</param>
    /// <param name="timing">Which payments count.</param>
    /// <returns>The multiple of the per-period margin.</returns>
    public static double MarginMultiple(RetentionRate retention, double discountRate, ClvTiming timing)
    {
        CheckDiscount(discountRate);
        Guard.Defined(timing);
        double r = retention.Value;
        double denominator = 1.0 + discountRate - r;
        if (denominator <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(discountRate), discountRate, "With an infinite horizon the discount rate must exceed retention − 1 (1 + d − r > 0), or the value diverges.");
        }

        return timing switch
        {
            ClvTiming.FirstPaymentExcluded => r / denominator,
            ClvTiming.FirstPaymentIncluded => (1.0 + discountRate) / denominator,
            _ => 1.0 / denominator,
        };
    }

    /// <summary>
    /// The margin multiple over a finite horizon of <paramref name="payments"/> payments, with
    /// q = r/(1 + d): Σ_{t=1}^{n} q^t (excluded), Σ_{t=0}^{n−1} q^t (included),
    /// (1/(1 + d))·Σ_{t=0}^{n−1} q^t (period end). Tends to <see cref="MarginMultiple(RetentionRate, double, ClvTiming)"/> as n grows.
    /// </summary>
    /// <param name="retention">Retention per period. Range: 0 ≤ r ≤ 1.</param>
    /// <param name="discountRate">Discount rate per period. Range: d &gt; −1.</param>
    /// <param name="timing">Which payments count.</param>
    /// <param name="payments">How many payments the horizon holds. Range: payments ≥ 0.</param>
    /// <returns>The multiple of the per-period margin.</returns>
    public static double MarginMultiple(RetentionRate retention, double discountRate, ClvTiming timing, int payments)
    {
        CheckDiscount(discountRate);
        Guard.Defined(timing);
        Guard.NonNegative(payments);
        double r = retention.Value;
        double onePlusD = 1.0 + discountRate;
        double q = r / onePlusD;
        double sum; // Σ_{t=0}^{n−1} q^t
        if (payments == 0)
        {
            sum = 0;
        }
        else if (q == 0)
        {
            sum = 1;
        }
        else
        {
            double oneMinusQ = (onePlusD - r) / onePlusD;
            sum = Math.Abs(oneMinusQ) < 1e-12
                ? payments
                : -SpecialFunctions.Expm1(payments * Math.Log(q)) / oneMinusQ;
        }

        return timing switch
        {
            ClvTiming.FirstPaymentExcluded => q * sum,
            ClvTiming.FirstPaymentIncluded => sum,
            _ => sum / onePlusD,
        };
    }

    /// <summary>CLV = margin × <see cref="MarginMultiple(RetentionRate, double, ClvTiming)"/>.</summary>
    /// <param name="margin">Margin per period, m (may be negative for a loss-making customer). Range: finite.</param>
    /// <param name="retention">Retention per period. Range: 0 ≤ r ≤ 1.</param>
    /// <param name="discountRate">Discount rate per period. Range: d &gt; r − 1 and d &gt; −1.</param>
    /// <param name="timing">Which payments count.</param>
    /// <returns>The lifetime value.</returns>
    public static double Value(double margin, RetentionRate retention, double discountRate, ClvTiming timing)
    {
        Guard.Finite(margin);
        return margin * MarginMultiple(retention, discountRate, timing);
    }

    /// <summary>Finite-horizon CLV = margin × <see cref="MarginMultiple(RetentionRate, double, ClvTiming, int)"/>.</summary>
    /// <param name="margin">Margin per period. Range: finite.</param>
    /// <param name="retention">Retention per period. Range: 0 ≤ r ≤ 1.</param>
    /// <param name="discountRate">Discount rate per period. Range: d &gt; −1.</param>
    /// <param name="timing">Which payments count.</param>
    /// <param name="payments">How many payments the horizon holds. Range: ≥ 0.</param>
    /// <returns>The lifetime value over the horizon.</returns>
    public static double Value(double margin, RetentionRate retention, double discountRate, ClvTiming timing, int payments)
    {
        Guard.Finite(margin);
        return margin * MarginMultiple(retention, discountRate, timing, payments);
    }

    internal static void CheckDiscount(double discountRate, string paramName = "discountRate")
    {
        Guard.Finite(discountRate, paramName);
        if (discountRate <= -1.0)
        {
            throw new ArgumentOutOfRangeException(paramName, discountRate, "The discount rate must be greater than −1.");
        }
    }
}
