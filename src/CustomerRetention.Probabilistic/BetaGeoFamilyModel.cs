namespace CustomerRetention.Probabilistic;

/// <summary>
/// One member of the BG/NBD family with validated parameters (r, α, a, b) and its shift k: BG/NBD (k = 0, FHL 2005)
/// and MBG/NBD (k = 1, Batislam et al. 2007) differ only in whether a customer may also drop out right after the
/// first purchase, which moves the dropout count from x to x + k. <see cref="BetaGeo"/> and
/// <see cref="ModifiedBetaGeo"/> validate their parameters and delegate here, so that the argument checks, the
/// order in which they run and every prediction are written once for both models.
/// </summary>
internal readonly struct BetaGeoFamilyModel
{
    private readonly double _r;
    private readonly double _alpha;
    private readonly double _a;
    private readonly double _b;
    private readonly int _k;

    /// <summary>Creates the model from parameters the caller has already validated.</summary>
    /// <param name="r">r &gt; 0.</param>
    /// <param name="alpha">α &gt; 0.</param>
    /// <param name="a">a &gt; 0.</param>
    /// <param name="b">b &gt; 0.</param>
    /// <param name="k">0 for BG/NBD, 1 for MBG/NBD.</param>
    public BetaGeoFamilyModel(double r, double alpha, double a, double b, int k)
    {
        _r = r;
        _alpha = alpha;
        _a = a;
        _b = b;
        _k = k;
    }

    /// <summary>ln L of one customer (x, t_x, T).</summary>
    public double LogLikelihood(double frequency, double recency, double T)
    {
        BetaGeo.CheckCustomer(frequency, recency, T);
        return BetaGeoFamily.LogLikelihood(_r, _alpha, _a, _b, _k, frequency, recency, T);
    }

    /// <summary>Σ wᵢ ln Lᵢ over weighted rows.</summary>
    public double LogLikelihood(PurchaseHistories data)
    {
        var evaluator = new BetaGeoFamily.Evaluator(data, _k);
        Span<double> gradient = stackalloc double[4];
        return evaluator.TotalLogLikelihood(_r, _alpha, _a, _b, gradient);
    }

    /// <summary>P(alive | x, t_x, T).</summary>
    public double ProbabilityAlive(double frequency, double recency, double T)
    {
        BetaGeo.CheckCustomer(frequency, recency, T);
        return BetaGeoFamily.ProbabilityAlive(_r, _alpha, _a, _b, _k, frequency, recency, T);
    }

    /// <summary>E[X(t)] of a new customer.</summary>
    public double ExpectedPurchases(double horizon)
    {
        Guard.NonNegative(horizon);
        return BetaGeoFamily.ConditionalExpected(_r, _alpha, _a, _b, _k, horizon, 0, 0, 0);
    }

    /// <summary>E[Y(t) | x, t_x, T].</summary>
    public double ConditionalExpectedPurchases(double horizon, double frequency, double recency, double T)
    {
        Guard.NonNegative(horizon);
        BetaGeo.CheckCustomer(frequency, recency, T);
        return BetaGeoFamily.ConditionalExpected(_r, _alpha, _a, _b, _k, horizon, frequency, recency, T);
    }

    /// <summary>P(alive) and E[Y(t) | x, t_x, T] per customer into the destination spans.</summary>
    public void Predict(
        double horizon, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> T,
        Span<double> probabilityAlive, Span<double> expectedPurchases)
    {
        Guard.NonNegative(horizon);
        BetaGeoFamily.PredictMany(_r, _alpha, _a, _b, _k, horizon, frequency, recency, T, probabilityAlive, expectedPurchases);
    }

    /// <summary>
    /// P(X(t) = n) of a new customer: B(a, b+n+k)/B(a, b) · NB(n) + 1{n&gt;0} B(a+1, b+n−1+k)/B(a, b) · P(NB ≥ n)
    /// + 1{n=0} k·a/(a+b), with NB the negative binomial (r, α/(α+t)) count (FHL 2005, eq. 8, for k = 0;
    /// docs/models/mbg-nbd.md for k = 1, where the customer who drops out at time 0 buys nothing).
    /// </summary>
    public double ProbabilityOfPurchases(double horizon, int count)
    {
        Guard.NonNegative(horizon);
        Guard.NonNegative(count);
        double r = _r, alpha = _alpha, a = _a, b = _b;
        if (horizon == 0)
        {
            return count == 0 ? 1.0 : 0.0;
        }

        double logP = Math.Log(alpha) - Math.Log(alpha + horizon);
        double logQ = Math.Log(horizon) - Math.Log(alpha + horizon);
        double first = Math.Exp(BetaGeo.LogBetaRatio(a, b, 0, count + _k, a, b + count + _k) + BetaGeo.NegativeBinomialLog(r, logP, logQ, count));
        if (count == 0)
        {
            return BetaGeo.Clamp01(_k == 0 ? first : first + (a / (a + b)));
        }

        double tail = BetaGeo.NegativeBinomialTail(r, logP, logQ, count);
        double second = Math.Exp(BetaGeo.LogBetaRatio(a, b, 1, count - 1 + _k, a + 1, b + count - (1 - _k))) * tail;
        return BetaGeo.Clamp01(first + second);
    }
}
