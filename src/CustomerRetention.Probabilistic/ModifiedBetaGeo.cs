namespace CustomerRetention.Probabilistic;

/// <summary>
/// The MBG/NBD model of Batislam, Denizel &amp; Filiztekin (2007), "Empirical validation and comparison of models
/// for customer base analysis", IJRM 24(3): BG/NBD in which a customer may also drop out right after the first
/// purchase. Likelihood, maximum-likelihood fit and predictions (as in R's BTYDplus, mbgcnbd with k = 1).
/// Times (t_x, T, horizons) are in the unit the data were summarised in (e.g. weeks). Thread-safe.
/// </summary>
public static class ModifiedBetaGeo
{
    private const int Shift = 1;

    /// <summary>
    /// The log-likelihood of one customer (Batislam et al. 2007), in log space:
    /// ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x+1) − ln B(a, b)
    /// + ln[(α+T)^{−(r+x)} + a/(b+x) (α+t_x)^{−(r+x)}].
    /// </summary>

    /// <inheritdoc cref="BetaGeo.LogLikelihood(BetaGeoParameters, double, double, double)" path="/param"/>
    /// <inheritdoc cref="BetaGeo.LogLikelihood(BetaGeoParameters, double, double, double)" path="/returns"/>
    public static double LogLikelihood(ModifiedBetaGeoParameters parameters, double frequency, double recency, double T)
        => Model(parameters).LogLikelihood(frequency, recency, T);

    /// <summary>The total log-likelihood Σ wᵢ ln Lᵢ over weighted rows.</summary>

    /// <inheritdoc cref="BetaGeo.LogLikelihood(BetaGeoParameters, PurchaseHistories)" path="/param"/>
    /// <inheritdoc cref="BetaGeo.LogLikelihood(BetaGeoParameters, PurchaseHistories)" path="/returns"/>
    public static double LogLikelihood(ModifiedBetaGeoParameters parameters, PurchaseHistories data)
    {
        Guard.NotNull(data);
        return Model(parameters).LogLikelihood(data);
    }

    /// <summary>
    /// Fits the model by maximum likelihood (BFGS over the log-parameters with the analytic gradient, restarts,
    /// covariance from the Hessian) on the distinct rows (equal rows are merged first, <see cref="PurchaseHistories.Compress"/>;
    /// <see cref="FitResult.Rows"/> counts them). <see cref="ModelInputs"/> convert to the rows implicitly: <c>BetaGeo.Fit(inputs)</c>. Published fit on the CDNOW sample: r 0.525, α 6.183, a 0.891, b 1.614, LL −9582.13 (Batislam et al. 2007; BTYDplus).
    /// </summary>

    /// <inheritdoc cref="BetaGeo.Fit(PurchaseHistories, FitOptions?)" path="/param"/>
    /// <inheritdoc cref="BetaGeo.Fit(PurchaseHistories, FitOptions?)" path="/returns"/>
    public static FitResult<ModifiedBetaGeoParameters> Fit(PurchaseHistories data, FitOptions? options = null)
    {
        Guard.NotNull(data);
        return BetaGeoFamily.Fit(data, options ?? FitOptions.Default, Shift, t => new ModifiedBetaGeoParameters(t[0], t[1], t[2], t[3]));
    }

    /// <summary>
    /// P(alive | x, t_x, T) = 1 / (1 + a/(b+x) ((α+T)/(α+t_x))^{r+x}) (Batislam et al. 2007); below 1 even when x = 0.
    /// </summary>

    /// <inheritdoc cref="BetaGeo.ProbabilityAlive(BetaGeoParameters, double, double, double)" path="/param"/>
    /// <inheritdoc cref="BetaGeo.ProbabilityAlive(BetaGeoParameters, double, double, double)" path="/returns"/>
    public static double ProbabilityAlive(ModifiedBetaGeoParameters parameters, double frequency, double recency, double T)
        => Model(parameters).ProbabilityAlive(frequency, recency, T);

    /// <summary>
    /// E[X(t)], the expected number of repeat purchases in (0, t] of a new customer:
    /// b/(a−1) [1 − (α/(α+t))^r ₂F₁(r, b+1; a+b; t/(α+t))].
    /// </summary>

    /// <inheritdoc cref="BetaGeo.ExpectedPurchases(BetaGeoParameters, double)" path="/param"/>
    /// <inheritdoc cref="BetaGeo.ExpectedPurchases(BetaGeoParameters, double)" path="/returns"/>
    public static double ExpectedPurchases(ModifiedBetaGeoParameters parameters, double horizon)
        => Model(parameters).ExpectedPurchases(horizon);

    /// <summary>
    /// E[Y(t) | x, t_x, T], the expected purchases in the next t time units of a customer with history
    /// (x, t_x, T): (a+b+x)/(a−1) [1 − ((α+T)/(α+T+t))^{r+x} ₂F₁(r+x, b+x+1; a+b+x; t/(α+T+t))] · P(alive),
    /// evaluated through Euler's transformation of the ₂F₁ term so that it is stable for large x.
    /// </summary>

    /// <inheritdoc cref="BetaGeo.ConditionalExpectedPurchases(BetaGeoParameters, double, double, double, double)" path="/param"/>
    /// <inheritdoc cref="BetaGeo.ConditionalExpectedPurchases(BetaGeoParameters, double, double, double, double)" path="/returns"/>
    public static double ConditionalExpectedPurchases(ModifiedBetaGeoParameters parameters, double horizon, double frequency, double recency, double T)
        => Model(parameters).ConditionalExpectedPurchases(horizon, frequency, recency, T);

    /// <summary>
    /// P(alive) and the expected purchases in the next <paramref name="horizon"/> for many customers at once,
    /// written into the destination spans (no allocation per customer).
    /// </summary>

    /// <inheritdoc cref="BetaGeo.Predict(BetaGeoParameters, double, ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, Span{double})" path="/param"/>
    public static void Predict(
        ModifiedBetaGeoParameters parameters, double horizon,
        ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> T,
        Span<double> probabilityAlive, Span<double> expectedPurchases)
        => Model(parameters).Predict(horizon, frequency, recency, T, probabilityAlive, expectedPurchases);

    /// <summary>
    /// P(X(t) = n), the probability of exactly n repeat purchases in (0, t] for a new customer. Given (λ, p) the
    /// customer survives time 0 with probability 1−p and then each purchase with probability 1−p, so
    /// P(X = n | λ, p) = (1−p)^{n+1} Poisson(n; λt) + 1{n&gt;0} p(1−p)^n P(Poisson(λt) ≥ n) + 1{n=0} p; over
    /// λ ~ Gamma(r, α) and p ~ Beta(a, b) (derived in docs/models/mbg-nbd.md, after FHL 2005, eq. 8, and
    /// Batislam et al. 2007):
    /// B(a, b+n+1)/B(a, b) · NB(n) + 1{n&gt;0} B(a+1, b+n)/B(a, b) · P(NB ≥ n) + 1{n=0} a/(a+b),
    /// with NB the negative binomial (r, α/(α+t)) count; the Beta ratios and NB(n) are taken in log space.
    /// </summary>

    /// <inheritdoc cref="BetaGeo.ProbabilityOfPurchases(BetaGeoParameters, double, int)" path="/param"/>
    /// <inheritdoc cref="BetaGeo.ProbabilityOfPurchases(BetaGeoParameters, double, int)" path="/returns"/>
    public static double ProbabilityOfPurchases(ModifiedBetaGeoParameters parameters, double horizon, int count)
        => Model(parameters).ProbabilityOfPurchases(horizon, count);

    /// <summary>The family member of these parameters, validated (the error names <c>parameters</c>).</summary>
    private static BetaGeoFamilyModel Model(ModifiedBetaGeoParameters parameters)
    {
        ModifiedBetaGeoParameters p = parameters.Checked(nameof(parameters));
        return new BetaGeoFamilyModel(p.R, p.Alpha, p.A, p.B, Shift);
    }
}
