namespace CustomerRetention.Churn;

/// <summary>
/// A small Nelder–Mead simplex minimiser (Nelder &amp; Mead 1965; standard coefficients 1, 2, ½, ½),
/// enough for the two-parameter likelihoods of this package on log-parameters. Internal: the
/// Probabilistic package has its own; the packages share no internals.
/// </summary>
internal static class NelderMead
{
    /// <summary>Minimises <paramref name="f"/> from <paramref name="start"/>; non-finite values count as +∞.</summary>
    public static NelderMeadResult Minimize(Func<double[], double> f, double[] start, double step = 0.5, double tolerance = 1e-13, int maxIterations = 20_000)
    {
        int n = start.Length;
        var simplex = new double[n + 1][];
        var values = new double[n + 1];
        for (int i = 0; i <= n; i++)
        {
            simplex[i] = (double[])start.Clone();
            if (i > 0)
            {
                simplex[i][i - 1] += step;
            }

            values[i] = Evaluate(f, simplex[i]);
        }

        var centroid = new double[n];
        var trial = new double[n];
        var trial2 = new double[n];
        int iteration = 0;
        bool converged = false;
        for (; iteration < maxIterations; iteration++)
        {
            Sort(simplex, values);
            double spread = Math.Abs(values[n] - values[0]);
            double size = 0;
            for (int i = 1; i <= n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    size = Math.Max(size, Math.Abs(simplex[i][j] - simplex[0][j]));
                }
            }

            if (spread <= tolerance * (Math.Abs(values[0]) + tolerance) && size <= 1e-9)
            {
                converged = true;
                break;
            }

            Array.Clear(centroid, 0, n);
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    centroid[j] += simplex[i][j] / n;
                }
            }

            double[] worst = simplex[n];
            for (int j = 0; j < n; j++)
            {
                trial[j] = centroid[j] + (centroid[j] - worst[j]);
            }

            double fr = Evaluate(f, trial);
            if (fr < values[0])
            {
                for (int j = 0; j < n; j++)
                {
                    trial2[j] = centroid[j] + (2 * (centroid[j] - worst[j]));
                }

                double fe = Evaluate(f, trial2);
                if (fe < fr)
                {
                    Array.Copy(trial2, worst, n);
                    values[n] = fe;
                }
                else
                {
                    Array.Copy(trial, worst, n);
                    values[n] = fr;
                }

                continue;
            }

            if (fr < values[n - 1])
            {
                Array.Copy(trial, worst, n);
                values[n] = fr;
                continue;
            }

            bool outside = fr < values[n];
            for (int j = 0; j < n; j++)
            {
                trial2[j] = outside
                    ? centroid[j] + (0.5 * (trial[j] - centroid[j]))
                    : centroid[j] + (0.5 * (worst[j] - centroid[j]));
            }

            double fc = Evaluate(f, trial2);
            if (fc < (outside ? fr : values[n]))
            {
                Array.Copy(trial2, worst, n);
                values[n] = fc;
                continue;
            }

            for (int i = 1; i <= n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    simplex[i][j] = simplex[0][j] + (0.5 * (simplex[i][j] - simplex[0][j]));
                }

                values[i] = Evaluate(f, simplex[i]);
            }
        }

        Sort(simplex, values);
        return new NelderMeadResult(simplex[0], values[0], iteration, converged);
    }

    private static double Evaluate(Func<double[], double> f, double[] x)
    {
        double value = f(x);
        return double.IsNaN(value) ? double.PositiveInfinity : value;
    }

    private static void Sort(double[][] simplex, double[] values)
    {
        for (int i = 1; i < values.Length; i++)
        {
            double v = values[i];
            double[] p = simplex[i];
            int j = i - 1;
            while (j >= 0 && values[j] > v)
            {
                values[j + 1] = values[j];
                simplex[j + 1] = simplex[j];
                j--;
            }

            values[j + 1] = v;
            simplex[j + 1] = p;
        }
    }
}

/// <summary>The minimiser's answer.</summary>
internal readonly record struct NelderMeadResult(double[] Point, double Value, int Iterations, bool Converged);
