using System.Collections.ObjectModel;

namespace CustomerRetention;

/// <summary>
/// The report of a maximum-likelihood fit, the same for every model of the library (BG/NBD, MBG/NBD,
/// Pareto/NBD, BG/BB, Gamma-Gamma, sBG): the parameters by name, the full log-likelihood (all constant terms
/// included, comparable with published values), the covariance matrix of the natural parameters (the inverse of
/// the Hessian of −LL at the optimum) and the standard errors on its diagonal, AIC and BIC, the optimiser's
/// iterations and convergence, a <see cref="FitStatus"/> and warnings. <see cref="FitResult{TParameters}"/> adds
/// the model's typed parameters; this base lets code handle a fit without knowing the model. Immutable.
/// </summary>
public abstract class FitResult
{
    private protected FitResult(
        double logLikelihood,
        FitStatus status,
        bool converged,
        int iterations,
        IReadOnlyList<string> parameterNames,
        IReadOnlyList<double> parameterValues,
        IReadOnlyList<IReadOnlyList<double>> covariance,
        double customers,
        int rows,
        int excluded,
        IReadOnlyList<string> warnings)
    {
        Guard.NotNull(parameterNames);
        Guard.NotNull(parameterValues);
        Guard.NotNull(covariance);
        Guard.NotNull(warnings);
        int k = parameterNames.Count;
        Guard.SameLength(k, parameterValues.Count, nameof(parameterValues));
        Guard.SameLength(k, covariance.Count, nameof(covariance));
        var rowsOfCovariance = new IReadOnlyList<double>[k];
        var errors = new double[k];
        for (int i = 0; i < k; i++)
        {
            Guard.NotNull(covariance[i], nameof(covariance));
            Guard.SameLength(k, covariance[i].Count, nameof(covariance));
            rowsOfCovariance[i] = Array.AsReadOnly(covariance[i].ToArray());
            double variance = covariance[i][i];
            errors[i] = variance >= 0 && !double.IsInfinity(variance) ? Math.Sqrt(variance) : double.PositiveInfinity;
        }

        LogLikelihood = Guard.Finite(logLikelihood);
        Status = status;
        Converged = converged;
        Iterations = Guard.NonNegative(iterations);
        ParameterNames = Array.AsReadOnly(parameterNames.ToArray());
        ParameterValues = Array.AsReadOnly(parameterValues.ToArray());
        Covariance = Array.AsReadOnly(rowsOfCovariance);
        StandardErrors = Array.AsReadOnly(errors);
        Customers = Guard.NonNegative(customers);
        Rows = Guard.NonNegative(rows);
        Excluded = Guard.NonNegative(excluded);
        Warnings = Array.AsReadOnly(warnings.ToArray());
    }

    /// <summary>The maximised log-likelihood Σ wᵢ ln Lᵢ with all constant terms (without a penalty, if one was used).</summary>
    public double LogLikelihood { get; }

    /// <summary>Whether the fit can be trusted, by the rule of <see cref="FitStatus"/>; the reasons are in <see cref="Warnings"/>.</summary>
    public FitStatus Status { get; }

    /// <summary>Whether the optimiser met its gradient tolerance (a fit may converge and still be <see cref="FitStatus.NotIdentified"/>).</summary>
    public bool Converged { get; }

    /// <summary>Quasi-Newton (BFGS) iterations over all runs.</summary>
    public int Iterations { get; }

    /// <summary>The number of parameters k.</summary>
    public int ParameterCount => ParameterNames.Count;

    /// <summary>The parameter names in the order of <see cref="ParameterValues"/> (the tool's JSON names, e.g. r, alpha, a, b).</summary>
    public IReadOnlyList<string> ParameterNames { get; }

    /// <summary>The parameter values in the order of <see cref="ParameterNames"/>.</summary>
    public IReadOnlyList<double> ParameterValues { get; }

    /// <summary>
    /// The covariance matrix of the natural parameters, rows and columns in the order of <see cref="ParameterNames"/>:
    /// the inverse of the Hessian of −LL at the optimum (the observed information). The fits compute it over the
    /// log-parameters θ = ln p and map it by Cov(p) = D Cov(θ) D with D = diag(p), which is exact at a stationary
    /// point. +∞ on the diagonal when the Hessian is singular or not positive definite (see <see cref="Status"/>).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<double>> Covariance { get; }

    /// <summary>The standard error of each parameter, √Covariance[i][i], in the order of <see cref="ParameterNames"/>; +∞ when not identified.</summary>
    public IReadOnlyList<double> StandardErrors { get; }

    /// <summary>Akaike's information criterion, AIC = 2k − 2 LL.</summary>
    public double Aic => (2.0 * ParameterCount) - (2 * LogLikelihood);

    /// <summary>Schwarz's Bayesian information criterion, BIC = k ln(<see cref="Customers"/>) − 2 LL.</summary>
    public double Bic => (ParameterCount * Math.Log(Math.Max(Customers, 1))) - (2 * LogLikelihood);

    /// <summary>The number of customers fitted (the sum of the row weights; sBG: the cohort size N0 or the number of durations).</summary>
    public double Customers { get; }

    /// <summary>The number of (weighted) rows the likelihood was summed over (sBG: the number of periods observed).</summary>
    public int Rows { get; }

    /// <summary>Customers left out of the fit (Gamma-Gamma: repeat buyers with a zero or negative mean spend); 0 otherwise.</summary>
    public int Excluded { get; }

    /// <summary>
    /// Problems of the fit worth telling the user, one sentence each; empty when there are none. Every fit warns
    /// when a parameter ran to the boundary of its space, when the Hessian is singular or not positive definite,
    /// and when the optimiser did not converge; BG/NBD and MBG/NBD also say when dropout is not identified (data
    /// without visible dropout: the fit is effectively the NBD model).
    /// </summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The value of the named parameter.</summary>
    /// <param name="name">A name of <see cref="ParameterNames"/>.</param>
    /// <returns>Its value.</returns>
    /// <exception cref="ArgumentException">The model has no parameter of that name.</exception>
    public double Parameter(string name)
    {
        Guard.NotNull(name);
        for (int i = 0; i < ParameterNames.Count; i++)
        {
            if (ParameterNames[i] == name)
            {
                return ParameterValues[i];
            }
        }

        throw new ArgumentException($"The model has no parameter '{name}' (it has {string.Join(", ", ParameterNames)}).", nameof(name));
    }
}

/// <summary>
/// A fit report (see <see cref="FitResult"/>) with the model's typed parameters, e.g.
/// <c>FitResult&lt;BetaGeoParameters&gt;</c>. Immutable.
/// </summary>
/// <typeparam name="TParameters">The model's parameter type (a readonly record struct per model).</typeparam>
public sealed class FitResult<TParameters> : FitResult
    where TParameters : struct
{
    /// <summary>Creates a report; the models create theirs, this constructor serves stored fits and tests.</summary>
    /// <param name="parameters">The fitted parameters.</param>
    /// <param name="logLikelihood">The maximised full log-likelihood. Range: finite.</param>
    /// <param name="status">Whether the fit can be trusted.</param>
    /// <param name="converged">Whether the optimiser met its tolerance.</param>
    /// <param name="iterations">Optimiser iterations. Range: ≥ 0.</param>
    /// <param name="parameterNames">The k parameter names.</param>
    /// <param name="parameterValues">The k parameter values, in the order of the names.</param>
    /// <param name="covariance">The k × k covariance matrix of the parameters (rows in the order of the names).</param>
    /// <param name="customers">Customers fitted. Range: ≥ 0.</param>
    /// <param name="rows">Rows of the likelihood. Range: ≥ 0.</param>
    /// <param name="excluded">Customers left out. Range: ≥ 0.</param>
    /// <param name="warnings">Warnings, one sentence each.</param>
    public FitResult(
        TParameters parameters,
        double logLikelihood,
        FitStatus status,
        bool converged,
        int iterations,
        IReadOnlyList<string> parameterNames,
        IReadOnlyList<double> parameterValues,
        IReadOnlyList<IReadOnlyList<double>> covariance,
        double customers,
        int rows,
        int excluded,
        IReadOnlyList<string> warnings)
        : base(logLikelihood, status, converged, iterations, parameterNames, parameterValues, covariance, customers, rows, excluded, warnings)
    {
        Parameters = parameters;
    }

    /// <summary>The fitted parameters.</summary>
    public TParameters Parameters { get; }

    /// <summary>
    /// This report with more warnings and the status they imply (the worse of the two: a model's own check may
    /// find that a converged fit is not identified).
    /// </summary>
    /// <param name="warnings">The warnings to add; none returns this report.</param>
    /// <param name="status">The status the warnings imply.</param>
    /// <returns>The report.</returns>
    public FitResult<TParameters> WithWarnings(IReadOnlyList<string> warnings, FitStatus status)
    {
        Guard.NotNull(warnings);
        if (warnings.Count == 0)
        {
            return this;
        }

        FitStatus worse = (FitStatus)Math.Max((int)status, (int)Status);
        return new FitResult<TParameters>(Parameters, LogLikelihood, worse, Converged, Iterations, ParameterNames, ParameterValues, Covariance, Customers, Rows, Excluded, [.. Warnings, .. warnings]);
    }
}
