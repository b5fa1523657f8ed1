namespace CustomerRetention.Probabilistic;

/// <summary>
/// Draws synthetic customer bases from given model parameters, for tests, teaching and capacity planning. Seeded:
/// the same seed, parameters and ages give the same customers on every platform. Thread-safe (no shared state).
/// </summary>
public static class CustomerBaseSimulator
{
    /// <summary>
    /// Simulates BG/NBD customers (FHL 2005, section 2): λ ~ Gamma(r, α), p ~ Beta(a, b); purchases follow a Poisson
    /// process with rate λ and after each repeat purchase the customer drops out with probability p.
    /// </summary>
    /// <param name="parameters">The model parameters.</param>
    /// <param name="T">T per customer: one customer is drawn per entry. Range: T ≥ 0.</param>
    /// <param name="seed">Random seed.</param>
    /// <returns>The customers' (x, t_x, T), one row each with weight 1.</returns>
    public static PurchaseHistories BetaGeo(BetaGeoParameters parameters, ReadOnlySpan<double> T, int seed)
    {
        BetaGeoParameters p = parameters.Checked(nameof(parameters));
        Guard.AllFinite(T);
        var random = new Random(seed);
        int n = T.Length;
        double[] x = new double[n], tx = new double[n], t = new double[n];
        for (int i = 0; i < n; i++)
        {
            double age = Guard.NonNegative(T[i], nameof(T));
            double lambda = Gamma(random, p.R) / p.Alpha;
            double dropout = Beta(random, p.A, p.B);
            double time = 0, last = 0;
            int count = 0;
            while (true)
            {
                time += Exponential(random) / lambda;
                if (time > age)
                {
                    break;
                }

                count++;
                last = time;
                if (random.NextDouble() < dropout)
                {
                    break;
                }
            }

            x[i] = count;
            tx[i] = last;
            t[i] = age;
        }

        return PurchaseHistories.FromSpans(x, tx, t, ReadOnlySpan<double>.Empty);
    }

    /// <summary>
    /// Simulates BG/BB customers (Fader, Hardie &amp; Shang 2010): p ~ Beta(α, β), θ ~ Beta(γ, δ); at each of the n
    /// opportunities an active customer first becomes inactive with probability θ and, if still active, transacts
    /// with probability p.
    /// </summary>
    /// <param name="parameters">The model parameters.</param>
    /// <param name="opportunities">n per customer: one customer is drawn per entry. Range: n ≥ 0.</param>
    /// <param name="seed">Random seed.</param>
    /// <returns>The customers' (x, t_x, n), one row each with weight 1 (t_x = 0 when x = 0).</returns>
    public static PurchaseHistories BetaGeoBetaBinomial(BetaGeoBetaBinomialParameters parameters, ReadOnlySpan<int> opportunities, int seed)
    {
        BetaGeoBetaBinomialParameters p = parameters.Checked(nameof(parameters));
        var random = new Random(seed);
        int count = opportunities.Length;
        double[] x = new double[count], tx = new double[count], n = new double[count];
        for (int i = 0; i < count; i++)
        {
            int length = Guard.NonNegative(opportunities[i], nameof(opportunities));
            double transact = Beta(random, p.Alpha, p.Beta);
            double dropout = Beta(random, p.Gamma, p.Delta);
            int purchases = 0, last = 0;
            for (int t = 1; t <= length; t++)
            {
                if (random.NextDouble() < dropout)
                {
                    break;
                }

                if (random.NextDouble() < transact)
                {
                    purchases++;
                    last = t;
                }
            }

            x[i] = purchases;
            tx[i] = last;
            n[i] = length;
        }

        return PurchaseHistories.FromSpans(x, tx, n, ReadOnlySpan<double>.Empty);
    }

    /// <summary>
    /// Simulates Pareto/NBD customers (Schmittlein, Morrison &amp; Colombo 1987): λ ~ Gamma(r, α), μ ~ Gamma(s, β), a
    /// lifetime τ ~ Exponential(μ), and purchases as a Poisson process with rate λ until min(τ, T).
    /// </summary>
    /// <param name="parameters">The model parameters.</param>
    /// <param name="T">T per customer: one customer per entry. Range: T ≥ 0.</param>
    /// <param name="seed">Random seed.</param>
    /// <returns>The customers' (x, t_x, T).</returns>
    public static PurchaseHistories ParetoNbd(ParetoNbdParameters parameters, ReadOnlySpan<double> T, int seed)
    {
        ParetoNbdParameters p = parameters.Checked(nameof(parameters));
        Guard.AllFinite(T);
        var random = new Random(seed);
        int n = T.Length;
        double[] x = new double[n], tx = new double[n], t = new double[n];
        for (int i = 0; i < n; i++)
        {
            double age = Guard.NonNegative(T[i], nameof(T));
            double lambda = Gamma(random, p.R) / p.Alpha;
            double mu = Gamma(random, p.S) / p.Beta;
            double end = Math.Min(age, Exponential(random) / mu);
            double time = 0, last = 0;
            int count = 0;
            while (true)
            {
                time += Exponential(random) / lambda;
                if (time > end)
                {
                    break;
                }

                count++;
                last = time;
            }

            x[i] = count;
            tx[i] = last;
            t[i] = age;
        }

        return PurchaseHistories.FromSpans(x, tx, t, ReadOnlySpan<double>.Empty);
    }

    internal static double Exponential(Random random) => -Math.Log(1.0 - random.NextDouble());

    internal static double Normal(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>Gamma(shape, 1) by Marsaglia &amp; Tsang (2000); shape &lt; 1 through Gamma(shape+1)·U^{1/shape}.</summary>
    internal static double Gamma(Random random, double shape)
    {
        if (shape < 1)
        {
            double u = 1.0 - random.NextDouble();
            return Gamma(random, shape + 1) * Math.Pow(u, 1.0 / shape);
        }

        double d = shape - (1.0 / 3);
        double c = 1.0 / Math.Sqrt(9 * d);
        while (true)
        {
            double z, v;
            do
            {
                z = Normal(random);
                v = 1 + (c * z);
            }
            while (v <= 0);

            v = v * v * v;
            double u = 1.0 - random.NextDouble();
            if (Math.Log(u) < (0.5 * z * z) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }

    internal static double Beta(Random random, double a, double b)
    {
        double x = Gamma(random, a);
        double y = Gamma(random, b);
        double s = x + y;
        return s > 0 ? x / s : (random.NextDouble() < a / (a + b) ? 1 : 0);
    }
}
