namespace CustomerRetention.Probabilistic;

/// <summary>
/// The report of a maximum-likelihood fit: the parameters, the full log-likelihood (all constant terms
/// included, comparable with published values), whether the optimiser converged, and standard errors from
/// the observed information (the inverse Hessian of −LL, by the delta method from the log-parameters).
/// Immutable.
/// </summary>
/// <typeparam name="TParameters">The model's parameter type, e.g. <see cref="BetaGeoParameters"/>.</typeparam>
public sealed class FitResult<TParameters>
    where TParameters : struct
{
    internal FitResult(
        TParameters parameters,
        double logLikelihood,
        bool converged,
        int iterations,
        IReadOnlyList<string> parameterNames,
        IReadOnlyList<double> parameterValues,
        IReadOnlyList<double> standardErrors,
        double customers,
        int rows,
        int excluded,
        IReadOnlyList<string>? warnings = null)
    {
        Warnings = warnings ?? [];
        Parameters = parameters;
        LogLikelihood = logLikelihood;
        Converged = converged;
        Iterations = iterations;
        ParameterNames = parameterNames;
        ParameterValues = parameterValues;
        StandardErrors = standardErrors;
        Customers = customers;
        Rows = rows;
        Excluded = excluded;
    }

    /// <summary>The fitted parameters.</summary>
    public TParameters Parameters { get; }

    /// <summary>The maximised log-likelihood Σ wᵢ ln Lᵢ (without the penalty).</summary>
    public double LogLikelihood { get; }

    /// <summary>Whether the optimiser met its gradient tolerance.</summary>
    public bool Converged { get; }

    /// <summary>Quasi-Newton iterations over all runs.</summary>
    public int Iterations { get; }

    /// <summary>The parameter names in the order of <see cref="ParameterValues"/> (the tool's JSON names, e.g. r, alpha, a, b).</summary>
    public IReadOnlyList<string> ParameterNames { get; }

    /// <summary>The parameter values in the order of <see cref="ParameterNames"/>.</summary>
    public IReadOnlyList<double> ParameterValues { get; }

    /// <summary>Standard error of each parameter, in the order of <see cref="ParameterNames"/>; +∞ when the Hessian is singular.</summary>
    public IReadOnlyList<double> StandardErrors { get; }

    /// <summary>The number of customers fitted (the sum of the weights).</summary>
    public double Customers { get; }

    /// <summary>The number of (weighted) rows the likelihood was summed over.</summary>
    public int Rows { get; }

    /// <summary>
    /// Problems of the fitted point worth telling the user, one sentence each; empty when there are none. BG/NBD and
    /// MBG/NBD report here when the dropout parameters ran to the boundary of the parameter space (data without
    /// visible dropout: a/(a+b) → 0 or a+b → ∞), where the likelihood is flat in a and b, the fit is effectively
    /// the NBD model (or a fixed dropout probability), and a, b and their standard errors carry no information.
    /// Predictions from such a fit remain valid (they are those of the limiting model).
    /// </summary>
    public IReadOnlyList<string> Warnings { get; }

    internal FitResult<TParameters> WithWarnings(IReadOnlyList<string> warnings) =>
        warnings.Count == 0
            ? this
            : new FitResult<TParameters>(Parameters, LogLikelihood, Converged, Iterations, ParameterNames, ParameterValues, StandardErrors, Customers, Rows, Excluded, warnings);

    /// <summary>Customers left out of the fit (Gamma-Gamma: repeat buyers with a zero or negative mean spend); 0 otherwise.</summary>
    public int Excluded { get; }
}
