namespace CustomerRetention.Numerics;

/// <summary>
/// The one maximum-likelihood runner of the library: BFGS (with the model's analytic gradient) over the
/// log-parameters θ = ln p from each start, restarts from the best end point with a fresh Hessian approximation,
/// an optional L2 penalty, then the report every model returns: the full log-likelihood, the covariance of the
/// natural parameters (the inverse Hessian of −LL at the optimum, by central differences of the analytic
/// gradient, mapped from θ by D = diag(p)), AIC/BIC, and the <see cref="FitStatus"/> with its warnings.
/// </summary>
internal static class MaximumLikelihood
{
    /// <summary>Parameters below e^−18.4 ≈ 1e-8 or above e^18.4 ≈ 1e8 count as run to the boundary.</summary>
    public const double BoundaryLogParameter = 18.42;

    /// <summary>A parameter whose standard error exceeds this multiple of its value counts as not identified.</summary>
    public const double MaxRelativeStandardError = 100;

    /// <summary>
    /// The objective the fits minimise, −LL/N over the log-parameters θ = ln p, and its gradient by the chain rule
    /// ∂(−LL/N)/∂θᵢ = −(∂LL/∂pᵢ)·pᵢ/N, from the model's total log-likelihood and its gradient over p.
    /// </summary>
    /// <param name="logParameters">θ = ln p.</param>
    /// <param name="gradient">Receives the gradient over θ.</param>
    /// <param name="totalWeight">N, the number of customers (sum of the row weights).</param>
    /// <param name="totalLogLikelihood">LL(p) and its gradient over p.</param>
    public static double NegativeMeanOverLogParameters(ReadOnlySpan<double> logParameters, Span<double> gradient, double totalWeight, GradientObjective totalLogLikelihood)
    {
        int k = logParameters.Length;
        Span<double> p = stackalloc double[k];
        for (int i = 0; i < k; i++)
        {
            p[i] = Math.Exp(logParameters[i]);
        }

        Span<double> g = stackalloc double[k];
        double total = totalLogLikelihood(p, g);
        for (int i = 0; i < k; i++)
        {
            gradient[i] = -g[i] * p[i] / totalWeight;
        }

        return -total / totalWeight;
    }

    /// <summary>Fits: −LL/N and its gradient over the log-parameters are minimised from each start.</summary>
    /// <param name="negativeMeanLogLikelihood">−LL/N and its gradient over θ = ln p.</param>
    /// <param name="totalWeight">N.</param>
    /// <param name="startsInLogSpace">Starting points θ.</param>
    /// <param name="options">The fit options.</param>
    /// <param name="names">The parameter names.</param>
    /// <param name="build">The model's parameters from p.</param>
    /// <param name="rows">Rows of the likelihood.</param>
    /// <param name="excluded">Customers left out.</param>
    /// <param name="boundaryWarnings">
    /// The model's own diagnosis of parameters on the boundary of the space (null for the generic one: any p
    /// outside [e^−18.42, e^18.42]); when it reports, the status is <see cref="FitStatus.NotIdentified"/> and the
    /// singular Hessian that goes with a boundary is not reported again.
    /// </param>
    /// <param name="firstInverseHessian">BFGS's starting inverse Hessian for the first start, or null.</param>
    public static FitResult<T> Fit<T>(
        GradientObjective negativeMeanLogLikelihood,
        double totalWeight,
        IReadOnlyList<double[]> startsInLogSpace,
        FitOptions options,
        string[] names,
        Func<double[], T> build,
        int rows,
        int excluded,
        Func<double[], IReadOnlyList<string>>? boundaryWarnings = null,
        double[]? firstInverseHessian = null)
        where T : struct
    {
        int dimension = names.Length;
        double penalty = options.Penalty;
        GradientObjective objective = penalty == 0
            ? negativeMeanLogLikelihood
            : (x, g) =>
            {
                double f = negativeMeanLogLikelihood(x, g);
                for (int i = 0; i < x.Length; i++)
                {
                    double theta = Math.Exp(x[i]);
                    f += penalty * theta * theta;
                    g[i] += 2 * penalty * theta * theta;
                }

                return f;
            };

        MinimizerResult best = default;
        bool haveBest = false;
        int iterations = 0;
        for (int index = 0; index < startsInLogSpace.Count; index++)
        {
            double[] start = startsInLogSpace[index];
            MinimizerResult result = Minimizer.Bfgs(objective, start, options.MaxIterations, options.GradientTolerance, index == 0 ? firstInverseHessian : null);
            iterations += result.Iterations;
            bool tie = haveBest && Math.Abs(result.Value - best.Value) <= 1e-12 * Math.Max(1, Math.Abs(best.Value));
            if (!haveBest || (tie ? result.Converged && !best.Converged : result.Value < best.Value))
            {
                best = result;
                haveBest = true;
            }

            if (best.Converged && !double.IsPositiveInfinity(best.Value))
            {
                break;
            }
        }

        for (int restart = 0; restart < options.Restarts; restart++)
        {
            MinimizerResult again = Minimizer.Bfgs(objective, best.Point, options.MaxIterations, options.GradientTolerance);
            iterations += again.Iterations;
            bool improved = again.Value < best.Value - (1e-12 * Math.Max(1, Math.Abs(best.Value)));
            if (again.Value <= best.Value)
            {
                best = new MinimizerResult(again.Point, again.Value, again.Converged || best.Converged && !improved, best.Iterations + again.Iterations, again.Evaluations, again.GradientNorm);
            }

            if (!improved && best.Converged)
            {
                break;
            }
        }

        double[] point = best.Point;
        double[] gradient = new double[dimension];
        double logLikelihood = -negativeMeanLogLikelihood(point, gradient) * totalWeight;
        if (double.IsNaN(logLikelihood) || double.IsInfinity(logLikelihood))
        {
            throw new InvalidOperationException("The likelihood is not finite at any point the optimiser reached; the data cannot be fitted by this model.");
        }

        double[] theta = new double[dimension];
        for (int i = 0; i < dimension; i++)
        {
            theta[i] = Math.Exp(point[i]);
        }

        var warnings = new List<string>();
        FitStatus status = best.Converged ? FitStatus.Converged : FitStatus.NotConverged;
        if (!best.Converged)
        {
            warnings.Add(FormattableString.Invariant($"the optimiser stopped after {iterations} iterations without meeting its gradient tolerance (largest gradient component {best.GradientNorm:G3}); the estimates may not be the maximum"));
        }

        IReadOnlyList<string> boundary = (boundaryWarnings ?? (p => GenericBoundaryWarnings(names, p)))(theta);
        if (boundary.Count > 0)
        {
            warnings.AddRange(boundary);
            status = FitStatus.NotIdentified;
        }

        double[][] covariance = Covariance(negativeMeanLogLikelihood, point, theta, totalWeight, out bool positiveDefinite);
        if (!positiveDefinite && boundary.Count == 0)
        {
            warnings.Add("the Hessian of the log-likelihood at the optimum is singular or not positive definite: these data do not identify every parameter, and their standard errors are not available");
            status = FitStatus.NotIdentified;
        }
        else if (positiveDefinite && boundary.Count == 0)
        {
            for (int i = 0; i < dimension; i++)
            {
                double relative = Math.Sqrt(covariance[i][i]) / theta[i];
                if (relative > MaxRelativeStandardError)
                {
                    warnings.Add(FormattableString.Invariant(
                        $"{names[i]} is not identified by these data: its standard error is {relative:G3} times its value ({names[i]} = {theta[i]:G4}); the likelihood is nearly flat along it (typically a parameter drifting towards a boundary of its space)"));
                    status = FitStatus.NotIdentified;
                }
            }
        }

        return new FitResult<T>(build(theta), logLikelihood, status, best.Converged, iterations, names, theta, covariance, totalWeight, rows, excluded, warnings);
    }

    /// <summary>A warning for each parameter outside [e^−18.42, e^18.42] (≈ [1e-8, 1e8]).</summary>
    public static IReadOnlyList<string> GenericBoundaryWarnings(IReadOnlyList<string> names, IReadOnlyList<double> values)
    {
        var warnings = new List<string>();
        for (int i = 0; i < values.Count; i++)
        {
            double v = values[i];
            if (!(Math.Abs(Math.Log(v)) < BoundaryLogParameter))
            {
                warnings.Add(FormattableString.Invariant(
                    $"{names[i]} ran to the boundary of its space ({names[i]} = {v:G4}): the data cannot identify it (the likelihood keeps rising towards {(v < 1 ? "0" : "∞")}), and it and its standard error carry no information"));
            }
        }

        return warnings;
    }

    /// <summary>
    /// Cov(p) = D H⁻¹ D / N with H the Hessian of −LL/N over θ = ln p at the optimum (central differences of the
    /// analytic gradient) and D = diag(p); +∞ on the diagonal (and false) when H is not finite or not positive definite.
    /// </summary>
    public static double[][] Covariance(GradientObjective negativeMeanLogLikelihood, double[] point, double[] theta, double totalWeight, out bool positiveDefinite)
    {
        int n = point.Length;
        double[][] covariance = new double[n][];
        for (int i = 0; i < n; i++)
        {
            covariance[i] = new double[n];
        }

        double[] hessian = Minimizer.Hessian(negativeMeanLogLikelihood, point);
        bool finite = true;
        foreach (double v in hessian)
        {
            finite &= !double.IsNaN(v) && !double.IsInfinity(v);
        }

        double[] inverse = [];
        positiveDefinite = finite && Minimizer.IsPositiveDefinite(hessian, n) && Minimizer.TryInvert(hessian, n, out inverse)
            && AllPositiveDiagonal(inverse, n);
        if (!positiveDefinite)
        {
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    covariance[i][j] = i == j ? double.PositiveInfinity : double.NaN;
                }
            }

            return covariance;
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                covariance[i][j] = theta[i] * theta[j] * inverse[(i * n) + j] / totalWeight;
            }
        }

        return covariance;
    }

    private static bool AllPositiveDiagonal(double[] matrix, int n)
    {
        for (int i = 0; i < n; i++)
        {
            double v = matrix[(i * n) + i];
            if (!(v > 0) || double.IsInfinity(v))
            {
                return false;
            }
        }

        return true;
    }
}
