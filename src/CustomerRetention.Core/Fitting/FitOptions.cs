namespace CustomerRetention;

/// <summary>
/// Options of a maximum-likelihood fit. The defaults fit the published data sets to their printed
/// precision; <see cref="Default"/> is the shared instance. Immutable.
/// </summary>
public sealed class FitOptions
{
    private readonly double _penalty;
    private readonly int _maxIterations = 1000;
    private readonly int _restarts = 2;
    private readonly double _gradientTolerance = 1e-9;

    /// <summary>The default options.</summary>
    public static FitOptions Default { get; } = new();

    /// <summary>
    /// L2 penalty λ added to the objective as in Python's lifetimes: minimise −LL/N + λ·Σθ² over the
    /// parameters θ. Range: λ ≥ 0; default 0 (plain maximum likelihood).
    /// </summary>
    public double Penalty
    {
        get => _penalty;
        init => _penalty = Guard.NonNegative(value);
    }

    /// <summary>Iteration limit of each quasi-Newton run. Range: ≥ 1; default 1000.</summary>
    public int MaxIterations
    {
        get => _maxIterations;
        init => _maxIterations = Guard.Positive(value);
    }

    /// <summary>
    /// How many times a run is restarted from its end point with a fresh Hessian approximation (and, when it
    /// failed, from other starting points). Range: ≥ 0; default 2.
    /// </summary>
    public int Restarts
    {
        get => _restarts;
        init => _restarts = Guard.NonNegative(value);
    }

    /// <summary>
    /// Convergence threshold on the largest gradient component of −LL/N over the log-parameters.
    /// Range: &gt; 0; default 1e-9.
    /// </summary>
    public double GradientTolerance
    {
        get => _gradientTolerance;
        init => _gradientTolerance = Guard.Positive(value);
    }
}
