namespace CustomerRetention.Numerics;

/// <summary>An objective with its gradient: returns f(x) and writes ∇f(x) into <paramref name="gradient"/>.</summary>
internal delegate double GradientObjective(ReadOnlySpan<double> x, Span<double> gradient);

/// <summary>An objective without a gradient.</summary>
internal delegate double Objective(ReadOnlySpan<double> x);

/// <summary>The outcome of a minimisation.</summary>
internal readonly struct MinimizerResult
{
    public MinimizerResult(double[] point, double value, bool converged, int iterations, int evaluations, double gradientNorm, double[]? inverseHessian = null)
    {
        InverseHessian = inverseHessian;
        Point = point;
        Value = value;
        Converged = converged;
        Iterations = iterations;
        Evaluations = evaluations;
        GradientNorm = gradientNorm;
    }

    public double[] Point { get; }

    public double Value { get; }

    public bool Converged { get; }

    public int Iterations { get; }

    public int Evaluations { get; }

    public double GradientNorm { get; }

    /// <summary>BFGS's approximation of the inverse Hessian at the end point (row-major), when known.</summary>
    public double[]? InverseHessian { get; }
}

/// <summary>
/// BFGS quasi-Newton minimisation with a strong-Wolfe line search (Nocedal &amp; Wright 2006,
/// algorithms 6.1, 3.5 and 3.6), plus central-difference gradients and Hessians.
/// Non-finite objective values are treated as +∞, so the line search backs away from them.
/// </summary>
internal static class Minimizer
{
    private const double C1 = 1e-4;
    private const double C2 = 0.9;

    /// <summary>Minimises <paramref name="objective"/> from <paramref name="start"/>.</summary>
    /// <param name="objective">f and its gradient.</param>
    /// <param name="start">The starting point.</param>
    /// <param name="maxIterations">The iteration limit.</param>
    /// <param name="gradientTolerance">Converged when the largest gradient component is at most this.</param>
    /// <param name="initialInverseHessian">An approximation of the inverse Hessian at the start (e.g. from a fit on a subsample), or null for a scaled identity.</param>
    public static MinimizerResult Bfgs(GradientObjective objective, ReadOnlySpan<double> start, int maxIterations = 500, double gradientTolerance = 1e-9, double[]? initialInverseHessian = null)
    {
        int n = start.Length;
        double[] x = start.ToArray();
        double[] g = new double[n];
        double[] h = new double[n * n];
        double[] p = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        double[] s = new double[n];
        double[] y = new double[n];
        int evaluations = 1;
        double f = Safe(objective(x, g));
        if (double.IsPositiveInfinity(f))
        {
            return new MinimizerResult(x, f, false, 0, evaluations, double.PositiveInfinity);
        }

        if (initialInverseHessian is not null && initialInverseHessian.Length == n * n)
        {
            Array.Copy(initialInverseHessian, h, n * n);
        }
        else
        {
            ResetIdentity(h, n, g);
        }

        int iteration = 0;
        int stalls = 0;
        bool converged = false;
        while (iteration < maxIterations)
        {
            if (NormInf(g) <= gradientTolerance)
            {
                converged = true;
                break;
            }

            // p = −H g
            double slope = 0;
            for (int i = 0; i < n; i++)
            {
                double v = 0;
                for (int j = 0; j < n; j++)
                {
                    v -= h[(i * n) + j] * g[j];
                }

                p[i] = v;
                slope += v * g[i];
            }

            if (!(slope < 0))
            {
                ResetIdentity(h, n, g);
                for (int i = 0; i < n; i++)
                {
                    p[i] = -h[(i * n) + i] * g[i];
                }

                slope = 0;
                for (int i = 0; i < n; i++)
                {
                    slope += p[i] * g[i];
                }
            }

            iteration++;
            double step = LineSearch(objective, x, f, g, p, slope, xNew, gNew, ref evaluations, out double fNew);
            if (step <= 0 || double.IsPositiveInfinity(fNew))
            {
                // No acceptable step: the objective is flat to rounding here. Converged when the gradient is
                // small on the objective's scale; otherwise restart from steepest descent, then stop.
                if (NormInf(g) <= Math.Max(gradientTolerance, 1e-6))
                {
                    converged = true;
                    break;
                }

                if (stalls++ > 1)
                {
                    break;
                }

                ResetIdentity(h, n, g);
                continue;
            }

            double sy = 0;
            for (int i = 0; i < n; i++)
            {
                s[i] = xNew[i] - x[i];
                y[i] = gNew[i] - g[i];
                sy += s[i] * y[i];
            }

            double change = f - fNew;
            Array.Copy(xNew, x, n);
            Array.Copy(gNew, g, n);
            f = fNew;
            if (sy > 1e-300)
            {
                UpdateInverseHessian(h, s, y, sy, n);
            }

            if (change <= 1e-16 * Math.Max(1.0, Math.Abs(f)))
            {
                if (++stalls > 3)
                {
                    converged = NormInf(g) <= Math.Max(gradientTolerance, 1e-6);
                    break;
                }
            }
            else
            {
                stalls = 0;
            }
        }

        return new MinimizerResult(x, f, converged, iteration, evaluations, NormInf(g), h);
    }

    private static double Safe(double f) => double.IsNaN(f) || double.IsInfinity(f) ? double.PositiveInfinity : f;

    private static double NormInf(double[] g)
    {
        double m = 0;
        foreach (double v in g)
        {
            m = Math.Max(m, Math.Abs(v));
        }

        return double.IsNaN(m) ? double.PositiveInfinity : m;
    }

    private static void ResetIdentity(double[] h, int n, double[] g)
    {
        // Scale the first step so that it moves about one unit in the largest coordinate.
        double scale = 1.0 / Math.Max(1.0, NormInf(g));
        Array.Clear(h, 0, h.Length);
        for (int i = 0; i < n; i++)
        {
            h[(i * n) + i] = scale;
        }
    }

    private static void UpdateInverseHessian(double[] h, double[] s, double[] y, double sy, int n)
    {
        double rho = 1.0 / sy;
        Span<double> hy = stackalloc double[n];
        double yhy = 0;
        for (int i = 0; i < n; i++)
        {
            double v = 0;
            for (int j = 0; j < n; j++)
            {
                v += h[(i * n) + j] * y[j];
            }

            hy[i] = v;
            yhy += y[i] * v;
        }

        // H+ = H − ρ(Hy sᵀ + s yᵀH) + (ρ² yᵀHy + ρ) s sᵀ
        double factor = (rho * rho * yhy) + rho;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                h[(i * n) + j] += (-rho * ((hy[i] * s[j]) + (s[i] * hy[j]))) + (factor * s[i] * s[j]);
            }
        }
    }

    private static double Evaluate(GradientObjective objective, double[] x, double[] p, double alpha, double[] xOut, double[] gOut, ref int evaluations)
    {
        for (int i = 0; i < x.Length; i++)
        {
            xOut[i] = x[i] + (alpha * p[i]);
        }

        evaluations++;
        return Safe(objective(xOut, gOut));
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    private static double LineSearch(
        GradientObjective objective, double[] x, double f0, double[] g0, double[] p, double slope0,
        double[] xNew, double[] gNew, ref int evaluations, out double fNew)
    {
        // Keep the first trial step from jumping more than 5 units in log-parameter space.
        double pMax = 0;
        foreach (double v in p)
        {
            pMax = Math.Max(pMax, Math.Abs(v));
        }

        double alphaMax = pMax > 0 ? Math.Min(1e6, 20.0 / pMax) : 1.0;
        double alpha = Math.Min(1.0, 5.0 / Math.Max(pMax, 1e-300));
        double alphaPrev = 0;
        double fPrev = f0;
        double slopePrev = slope0;
        for (int i = 0; i < 40; i++)
        {
            double f = Evaluate(objective, x, p, alpha, xNew, gNew, ref evaluations);
            if (double.IsPositiveInfinity(f))
            {
                // Back away from a region where the objective is not finite.
                alphaMax = alpha;
                alpha = alphaPrev + (0.25 * (alpha - alphaPrev));
                if (alpha - alphaPrev < 1e-20)
                {
                    break;
                }

                continue;
            }

            if (f > f0 + (C1 * alpha * slope0) || (i > 0 && f >= fPrev))
            {
                if (ApproximateWolfe(f, f0, Dot(gNew, p), slope0))
                {
                    fNew = f;
                    return alpha;
                }

                return Zoom(objective, x, f0, slope0, p, alphaPrev, fPrev, slopePrev, alpha, f, xNew, gNew, ref evaluations, out fNew);
            }

            double slope = Dot(gNew, p);
            if (Math.Abs(slope) <= -C2 * slope0)
            {
                fNew = f;
                return alpha;
            }

            if (slope >= 0)
            {
                return Zoom(objective, x, f0, slope0, p, alpha, f, slope, alphaPrev, fPrev, xNew, gNew, ref evaluations, out fNew);
            }

            alphaPrev = alpha;
            fPrev = f;
            slopePrev = slope;
            alpha = Math.Min(alpha * 2.5, alphaMax);
            if (alpha <= alphaPrev)
            {
                fNew = f;
                return alpha;
            }
        }

        if (alphaPrev > 0)
        {
            fNew = Evaluate(objective, x, p, alphaPrev, xNew, gNew, ref evaluations);
            return alphaPrev;
        }

        fNew = double.PositiveInfinity;
        return 0;
    }

    private static double Zoom(
        GradientObjective objective, double[] x, double f0, double slope0, double[] p,
        double alphaLo, double fLo, double slopeLo, double alphaHi, double fHi,
        double[] xNew, double[] gNew, ref int evaluations, out double fNew)
    {
        for (int i = 0; i < 40; i++)
        {
            // Quadratic interpolation from (alphaLo, fLo, slopeLo) and (alphaHi, fHi), safeguarded.
            double d = alphaHi - alphaLo;
            double denominator = 2 * (fHi - fLo - (slopeLo * d));
            double alpha = denominator > 0 ? alphaLo - (slopeLo * d * d / denominator) : alphaLo + (0.5 * d);
            double lo = Math.Min(alphaLo, alphaHi);
            double hi = Math.Max(alphaLo, alphaHi);
            double margin = 0.1 * (hi - lo);
            if (!(alpha > lo + margin && alpha < hi - margin))
            {
                alpha = 0.5 * (alphaLo + alphaHi);
            }

            double f = Evaluate(objective, x, p, alpha, xNew, gNew, ref evaluations);
            if (f > f0 + (C1 * alpha * slope0) || f >= fLo)
            {
                if (ApproximateWolfe(f, f0, Dot(gNew, p), slope0))
                {
                    fNew = f;
                    return alpha;
                }

                alphaHi = alpha;
                fHi = f;
            }
            else
            {
                double slope = Dot(gNew, p);
                if (Math.Abs(slope) <= -C2 * slope0)
                {
                    fNew = f;
                    return alpha;
                }

                if (slope * (alphaHi - alphaLo) >= 0)
                {
                    alphaHi = alphaLo;
                    fHi = fLo;
                }

                alphaLo = alpha;
                fLo = f;
                slopeLo = slope;
            }

            if (Math.Abs(alphaHi - alphaLo) < 1e-16 * Math.Max(1.0, Math.Abs(alphaLo)))
            {
                break;
            }
        }

        if (alphaLo > 0 && fLo < f0)
        {
            fNew = Evaluate(objective, x, p, alphaLo, xNew, gNew, ref evaluations);
            return alphaLo;
        }

        fNew = f0;
        return 0;
    }

    /// <summary>
    /// The approximate Wolfe conditions of Hager &amp; Zhang (2005), used only where the sufficient-decrease test
    /// fails: near the optimum the objective's changes fall below its rounding error (a mean over many rows is
    /// accurate to ~1e-14 relative), so the step is judged by the directional derivative alone, which stays
    /// accurate: φ(α) ≤ φ(0) + ε|φ(0)| and (2δ − 1) φ'(0) ≥ φ'(α) ≥ σ φ'(0), with ε = 1e-12, δ = 0.1, σ = C2.
    /// Without it the line search spends dozens of evaluations bisecting rounding noise.
    /// </summary>
    private static bool ApproximateWolfe(double f, double f0, double slope, double slope0) =>
        !double.IsPositiveInfinity(f)
        && f <= f0 + (1e-12 * Math.Max(1.0, Math.Abs(f0)))
        && slope <= (2 * 0.1 - 1) * slope0
        && slope >= C2 * slope0;

    /// <summary>Central-difference gradient of <paramref name="objective"/>.</summary>
    public static double NumericalGradient(Objective objective, ReadOnlySpan<double> x, Span<double> gradient, double step = 1e-6)
    {
        double[] work = x.ToArray();
        double f = objective(work);
        for (int i = 0; i < x.Length; i++)
        {
            double h = step * Math.Max(1.0, Math.Abs(x[i]));
            work[i] = x[i] + h;
            double up = objective(work);
            work[i] = x[i] - h;
            double down = objective(work);
            work[i] = x[i];
            gradient[i] = (up - down) / (2 * h);
        }

        return f;
    }

    /// <summary>The Hessian by central differences of the gradient, symmetrised; row-major n × n.</summary>
    public static double[] Hessian(GradientObjective objective, ReadOnlySpan<double> x, double step = 1e-4)
    {
        int n = x.Length;
        double[] work = x.ToArray();
        double[] up = new double[n];
        double[] down = new double[n];
        double[] hessian = new double[n * n];
        for (int j = 0; j < n; j++)
        {
            double h = step * Math.Max(1.0, Math.Abs(x[j]));
            work[j] = x[j] + h;
            objective(work, up);
            work[j] = x[j] - h;
            objective(work, down);
            work[j] = x[j];
            for (int i = 0; i < n; i++)
            {
                hessian[(i * n) + j] = (up[i] - down[i]) / (2 * h);
            }
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                double m = 0.5 * (hessian[(i * n) + j] + hessian[(j * n) + i]);
                hessian[(i * n) + j] = m;
                hessian[(j * n) + i] = m;
            }
        }

        return hessian;
    }

    /// <summary>Whether a symmetric matrix (row-major n × n) is positive definite: its Cholesky factorisation exists with positive pivots.</summary>
    public static bool IsPositiveDefinite(double[] matrix, int n)
    {
        double[] l = new double[n * n];
        for (int j = 0; j < n; j++)
        {
            double diagonal = matrix[(j * n) + j];
            for (int k = 0; k < j; k++)
            {
                diagonal -= l[(j * n) + k] * l[(j * n) + k];
            }

            if (!(diagonal > 0))
            {
                return false;
            }

            l[(j * n) + j] = Math.Sqrt(diagonal);
            for (int i = j + 1; i < n; i++)
            {
                double v = matrix[(i * n) + j];
                for (int k = 0; k < j; k++)
                {
                    v -= l[(i * n) + k] * l[(j * n) + k];
                }

                l[(i * n) + j] = v / l[(j * n) + j];
            }
        }

        return true;
    }

    /// <summary>Inverts a small matrix by Gauss-Jordan elimination with partial pivoting; false when singular.</summary>
    public static bool TryInvert(double[] matrix, int n, out double[] inverse)
    {
        double[] a = (double[])matrix.Clone();
        inverse = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            inverse[(i * n) + i] = 1;
        }

        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < n; r++)
            {
                if (Math.Abs(a[(r * n) + col]) > Math.Abs(a[(pivot * n) + col]))
                {
                    pivot = r;
                }
            }

            double pv = a[(pivot * n) + col];
            if (!(Math.Abs(pv) > 1e-300) || double.IsNaN(pv))
            {
                return false;
            }

            if (pivot != col)
            {
                for (int k = 0; k < n; k++)
                {
                    (a[(col * n) + k], a[(pivot * n) + k]) = (a[(pivot * n) + k], a[(col * n) + k]);
                    (inverse[(col * n) + k], inverse[(pivot * n) + k]) = (inverse[(pivot * n) + k], inverse[(col * n) + k]);
                }
            }

            for (int k = 0; k < n; k++)
            {
                a[(col * n) + k] /= pv;
                inverse[(col * n) + k] /= pv;
            }

            for (int r = 0; r < n; r++)
            {
                if (r == col)
                {
                    continue;
                }

                double factor = a[(r * n) + col];
                if (factor == 0)
                {
                    continue;
                }

                for (int k = 0; k < n; k++)
                {
                    a[(r * n) + k] -= factor * a[(col * n) + k];
                    inverse[(r * n) + k] -= factor * inverse[(col * n) + k];
                }
            }
        }

        return true;
    }
}
