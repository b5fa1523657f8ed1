namespace CustomerRetention.TestKit;

/// <summary>
/// An independent check of a fit's standard errors: the Hessian of the full log-likelihood over the natural
/// parameters by second central differences of the log-likelihood's values (never its gradient), inverted by
/// Gauss–Jordan elimination; the standard errors are √diag((−H)⁻¹).
/// </summary>
public static class NumericalHessian
{
    /// <summary>√diag((−H)⁻¹) with H the finite-difference Hessian of <paramref name="logLikelihood"/> at <paramref name="point"/>.</summary>
    /// <param name="logLikelihood">The full log-likelihood of the natural parameters.</param>
    /// <param name="point">The maximum-likelihood estimate.</param>
    /// <param name="relativeStep">The step per parameter, relative to its value.</param>
    /// <returns>The standard errors.</returns>
    public static double[] StandardErrors(Func<double[], double> logLikelihood, double[] point, double relativeStep = 1e-3)
    {
        int k = point.Length;
        double[] h = point.Select(p => relativeStep * Math.Abs(p)).ToArray();
        double[,] hessian = new double[k, k];
        double f0 = logLikelihood(point);
        for (int i = 0; i < k; i++)
        {
            for (int j = i; j < k; j++)
            {
                double value;
                if (i == j)
                {
                    value = (At(logLikelihood, point, i, h[i], j, 0) - (2 * f0) + At(logLikelihood, point, i, -h[i], j, 0)) / (h[i] * h[i]);
                }
                else
                {
                    value = (At(logLikelihood, point, i, h[i], j, h[j]) - At(logLikelihood, point, i, h[i], j, -h[j])
                        - At(logLikelihood, point, i, -h[i], j, h[j]) + At(logLikelihood, point, i, -h[i], j, -h[j])) / (4 * h[i] * h[j]);
                }

                hessian[i, j] = -value;
                hessian[j, i] = -value;
            }
        }

        double[,] inverse = Invert(hessian);
        return Enumerable.Range(0, k).Select(i => Math.Sqrt(inverse[i, i])).ToArray();
    }

    private static double At(Func<double[], double> f, double[] point, int i, double di, int j, double dj)
    {
        double[] x = (double[])point.Clone();
        x[i] += di;
        x[j] += dj;
        return f(x);
    }

    private static double[,] Invert(double[,] matrix)
    {
        int n = matrix.GetLength(0);
        double[,] a = (double[,])matrix.Clone();
        double[,] inverse = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            inverse[i, i] = 1;
        }

        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < n; r++)
            {
                if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = r;
                }
            }

            for (int c = 0; c < n; c++)
            {
                (a[col, c], a[pivot, c]) = (a[pivot, c], a[col, c]);
                (inverse[col, c], inverse[pivot, c]) = (inverse[pivot, c], inverse[col, c]);
            }

            double pv = a[col, col];
            for (int c = 0; c < n; c++)
            {
                a[col, c] /= pv;
                inverse[col, c] /= pv;
            }

            for (int r = 0; r < n; r++)
            {
                if (r != col)
                {
                    double factor = a[r, col];
                    for (int c = 0; c < n; c++)
                    {
                        a[r, c] -= factor * a[col, c];
                        inverse[r, c] -= factor * inverse[col, c];
                    }
                }
            }
        }

        return inverse;
    }
}
