using CustomerRetention.Numerics;

namespace CustomerRetention.Probabilistic.Numerics;

/// <summary>
/// Warm starts for fits on large data (the fit itself is <see cref="MaximumLikelihood"/>).
/// </summary>
internal static class Fitting
{
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
}

/// <summary>Wraps an objective without a gradient into one with central-difference gradients.</summary>
internal static class NumericGradient
{
    public static GradientObjective Wrap(Objective objective, double step = 1e-5) =>
        (x, g) => Minimizer.NumericalGradient(objective, x, g, step);
}
