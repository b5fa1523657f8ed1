namespace CustomerRetention.Probabilistic;

/// <summary>
/// The four parameters of the BG/NBD model (Fader, Hardie &amp; Lee 2005, "Counting your customers the easy
/// way"): while alive a customer buys as a Poisson process with rate λ ~ Gamma(shape r, rate α); after each
/// purchase the customer drops out with probability p ~ Beta(a, b). Immutable value.
/// </summary>
public readonly record struct BetaGeoParameters
{
    /// <summary>Creates the parameters.</summary>
    /// <param name="r">Shape of the purchase-rate gamma distribution. Range: r &gt; 0.</param>
    /// <param name="alpha">Rate (scale⁻¹) of the purchase-rate gamma distribution, in time units. Range: α &gt; 0.</param>
    /// <param name="a">First shape of the drop-out beta distribution. Range: a &gt; 0.</param>
    /// <param name="b">Second shape of the drop-out beta distribution. Range: b &gt; 0.</param>
    public BetaGeoParameters(double r, double alpha, double a, double b)
    {
        R = Guard.Positive(r);
        Alpha = Guard.Positive(alpha);
        A = Guard.Positive(a);
        B = Guard.Positive(b);
    }

    /// <summary>r, shape of the purchase-rate gamma distribution (r &gt; 0).</summary>
    public double R { get; }

    /// <summary>α, rate of the purchase-rate gamma distribution (α &gt; 0).</summary>
    public double Alpha { get; }

    /// <summary>a, first shape of the drop-out beta distribution (a &gt; 0).</summary>
    public double A { get; }

    /// <summary>b, second shape of the drop-out beta distribution (b &gt; 0).</summary>
    public double B { get; }

    /// <summary>
    /// The parameters of a fit report, so that a fit goes wherever parameters do, e.g.
    /// <c>ProbabilityAlive(fit, x, t_x, T)</c>. The same as <see cref="FromFit"/>.
    /// </summary>
    /// <param name="fit">The fit report.</param>
    public static implicit operator BetaGeoParameters(FitResult<BetaGeoParameters> fit) => FromFit(fit);

    /// <summary>The parameters of a fit report (<see cref="FitResult{TParameters}.Parameters"/>).</summary>
    /// <param name="fit">The fit report.</param>
    /// <returns>Its parameters.</returns>
    public static BetaGeoParameters FromFit(FitResult<BetaGeoParameters> fit) => Guard.NotNull(fit).Parameters;

    internal BetaGeoParameters Checked(string paramName) =>
        R > 0 ? this : throw new ArgumentException("The parameters are the default value (all zero); create them with the constructor.", paramName);
}

/// <summary>
/// The four parameters of the MBG/NBD model (Batislam, Denizel &amp; Filiztekin 2007): as BG/NBD, except that a
/// customer may also drop out right after the first purchase, so that P(alive) &lt; 1 even with no repeat
/// purchase. Immutable value.
/// </summary>
public readonly record struct ModifiedBetaGeoParameters
{
    /// <summary>Creates the parameters.</summary>
    /// <param name="r">Shape of the purchase-rate gamma distribution. Range: r &gt; 0.</param>
    /// <param name="alpha">Rate of the purchase-rate gamma distribution. Range: α &gt; 0.</param>
    /// <param name="a">First shape of the drop-out beta distribution. Range: a &gt; 0.</param>
    /// <param name="b">Second shape of the drop-out beta distribution. Range: b &gt; 0.</param>
    public ModifiedBetaGeoParameters(double r, double alpha, double a, double b)
    {
        R = Guard.Positive(r);
        Alpha = Guard.Positive(alpha);
        A = Guard.Positive(a);
        B = Guard.Positive(b);
    }

    /// <summary>r, shape of the purchase-rate gamma distribution (r &gt; 0).</summary>
    public double R { get; }

    /// <summary>α, rate of the purchase-rate gamma distribution (α &gt; 0).</summary>
    public double Alpha { get; }

    /// <summary>a, first shape of the drop-out beta distribution (a &gt; 0).</summary>
    public double A { get; }

    /// <summary>b, second shape of the drop-out beta distribution (b &gt; 0).</summary>
    public double B { get; }

    /// <summary>
    /// The parameters of a fit report, so that a fit goes wherever parameters do, e.g.
    /// <c>ProbabilityAlive(fit, x, t_x, T)</c>. The same as <see cref="FromFit"/>.
    /// </summary>
    /// <param name="fit">The fit report.</param>
    public static implicit operator ModifiedBetaGeoParameters(FitResult<ModifiedBetaGeoParameters> fit) => FromFit(fit);

    /// <summary>The parameters of a fit report (<see cref="FitResult{TParameters}.Parameters"/>).</summary>
    /// <param name="fit">The fit report.</param>
    /// <returns>Its parameters.</returns>
    public static ModifiedBetaGeoParameters FromFit(FitResult<ModifiedBetaGeoParameters> fit) => Guard.NotNull(fit).Parameters;

    internal ModifiedBetaGeoParameters Checked(string paramName) =>
        R > 0 ? this : throw new ArgumentException("The parameters are the default value (all zero); create them with the constructor.", paramName);
}
