namespace CustomerRetention.Probabilistic.Numerics;

/// <summary>
/// Maximum likelihood over log-parameters: BFGS from each start, restarts from the best end point with a fresh
/// Hessian approximation, an optional L2 penalty, and standard errors from the numerical Hessian.
/// </summary>
internal static class Fitting
{
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
    public static FitResult<T> Run<T>(
        GradientObjective negativeMeanLogLikelihood,
        double totalWeight,
        IReadOnlyList<double[]> startsInLogSpace,
        FitOptions options,
        string[] names,
        Func<double[], T> build,
        int rows,
        int excluded,
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
        double meanNegLl = negativeMeanLogLikelihood(point, gradient);
        double logLikelihood = -meanNegLl * totalWeight;
        double[] theta = new double[dimension];
        for (int i = 0; i < dimension; i++)
        {
            theta[i] = Math.Exp(point[i]);
        }

        double[] errors = StandardErrors(negativeMeanLogLikelihood, point, theta, totalWeight);
        if (double.IsNaN(logLikelihood) || double.IsInfinity(logLikelihood))
        {
            throw new InvalidOperationException("The likelihood is not finite at any point the optimiser reached; the data cannot be fitted by this model.");
        }

        return new FitResult<T>(build(theta), logLikelihood, best.Converged, iterations, names, theta, errors, totalWeight, rows, excluded);
    }

    /// <summary>
    /// Starting values for a large data set: the best end point of BFGS from each start on a deterministic
    /// subsample of about <see cref="WarmStartRows"/> rows, with BFGS's inverse-Hessian approximation there
    /// (null when the data are small or every run failed). The objective is a mean per customer, so the
    /// subsample's curvature approximates the full data's: the full fit starts from this point and this
    /// curvature and needs few passes over all rows.
    /// </summary>
    public static MinimizerResult? WarmStart(Func<PurchaseHistories, GradientObjective> objectiveFor, PurchaseHistories data, IReadOnlyList<double[]> starts, FitOptions options)
    {
        if (data.Count < 4 * WarmStartRows)
        {
            return null;
        }

        PurchaseHistories sample = data.Every(data.Count / WarmStartRows);
        if (sample.TotalWeight <= 0)
        {
            return null;
        }

        GradientObjective objective = objectiveFor(sample);
        MinimizerResult best = default;
        bool haveBest = false;
        foreach (double[] start in starts)
        {
            MinimizerResult result = Minimizer.Bfgs(objective, start, options.MaxIterations, Math.Max(options.GradientTolerance, 1e-6));
            if (!haveBest || result.Value < best.Value)
            {
                best = result;
                haveBest = true;
            }

            if (best.Converged && !double.IsPositiveInfinity(best.Value))
            {
                break;
            }
        }

        return haveBest && !double.IsPositiveInfinity(best.Value) ? best : null;
    }

    /// <summary>The subsample size for <see cref="WarmStart"/>.</summary>
    public const int WarmStartRows = 10_000;

    private static double[] StandardErrors(GradientObjective negativeMeanLogLikelihood, double[] point, double[] theta, double totalWeight)
    {
        int n = point.Length;
        double[] errors = new double[n];
        double[] hessian = Minimizer.Hessian(negativeMeanLogLikelihood, point);
        bool ok = true;
        foreach (double v in hessian)
        {
            ok &= !double.IsNaN(v) && !double.IsInfinity(v);
        }

        if (ok && Minimizer.TryInvert(hessian, n, out double[] inverse))
        {
            for (int i = 0; i < n; i++)
            {
                double variance = inverse[(i * n) + i] / totalWeight;
                errors[i] = variance > 0 && !double.IsInfinity(variance) ? theta[i] * Math.Sqrt(variance) : double.PositiveInfinity;
            }
        }
        else
        {
            errors.AsSpan().Fill(double.PositiveInfinity);
        }

        return errors;
    }
}

/// <summary>Wraps an objective without a gradient into one with central-difference gradients.</summary>
internal static class NumericGradient
{
    public static GradientObjective Wrap(Objective objective, double step = 1e-5) =>
        (x, g) => Minimizer.NumericalGradient(objective, x, g, step);
}
