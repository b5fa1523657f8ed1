namespace CustomerRetention.Probabilistic;

/// <summary>
/// A fitted transaction model, whichever it is (BG/NBD, MBG/NBD, Pareto/NBD): its fit report and its predictions
/// under one set of names, so that code — a report, the tool, a user's model comparison — can handle "a fitted
/// model" without knowing which. Each member calls the model's own static method (e.g.
/// <see cref="Probabilistic.BetaGeo.ProbabilityAlive"/>); the span-based batch path stays allocation-free.
/// Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Times (t_x, T, horizons) are in the unit the data were summarised in. The prediction each model offers is
/// listed in docs/models/README.md.
/// </remarks>
public abstract class TransactionModel
{
    private protected TransactionModel(TransactionModelKind kind, FitResult report)
    {
        Kind = kind;
        Report = report;
    }

    /// <summary>Which model this is.</summary>
    public TransactionModelKind Kind { get; }

    /// <summary>The model's name as the tool writes it: <c>bg-nbd</c>, <c>mbg-nbd</c> or <c>pareto-nbd</c>.</summary>
    public string Name => NameOf(Kind);

    /// <summary>The fit report (parameters by name, log-likelihood, covariance, AIC/BIC, status and warnings).</summary>
    public FitResult Report { get; }

    /// <summary>Fits the model of <paramref name="kind"/> by maximum likelihood.</summary>
    /// <param name="kind">The model.</param>
    /// <param name="data">The calibration rows (<see cref="ModelInputs"/> convert implicitly).</param>
    /// <param name="options">Fit options, or null for <see cref="FitOptions.Default"/>.</param>
    /// <returns>The fitted model.</returns>
    public static TransactionModel Fit(TransactionModelKind kind, PurchaseHistories data, FitOptions? options = null)
    {
        Guard.NotNull(data);
        return Guard.Defined(kind) switch
        {
            TransactionModelKind.BetaGeo => new BetaGeoModel(Probabilistic.BetaGeo.Fit(data, options)),
            TransactionModelKind.ModifiedBetaGeo => new ModifiedBetaGeoModel(Probabilistic.ModifiedBetaGeo.Fit(data, options)),
            _ => new ParetoNbdModel(Probabilistic.ParetoNbd.Fit(data, options)),
        };
    }

    /// <summary>The model of a BG/NBD fit.</summary>
    /// <param name="fit">The fit report.</param>
    /// <returns>The model.</returns>
    public static TransactionModel From(FitResult<BetaGeoParameters> fit) => new BetaGeoModel(Guard.NotNull(fit));

    /// <summary>The model of an MBG/NBD fit.</summary>
    /// <param name="fit">The fit report.</param>
    /// <returns>The model.</returns>
    public static TransactionModel From(FitResult<ModifiedBetaGeoParameters> fit) => new ModifiedBetaGeoModel(Guard.NotNull(fit));

    /// <summary>The model of a Pareto/NBD fit.</summary>
    /// <param name="fit">The fit report.</param>
    /// <returns>The model.</returns>
    public static TransactionModel From(FitResult<ParetoNbdParameters> fit) => new ParetoNbdModel(Guard.NotNull(fit));

    /// <summary>The tool's name of a model: <c>bg-nbd</c>, <c>mbg-nbd</c>, <c>pareto-nbd</c>.</summary>
    /// <param name="kind">The model.</param>
    /// <returns>The name.</returns>
    public static string NameOf(TransactionModelKind kind) => Guard.Defined(kind) switch
    {
        TransactionModelKind.BetaGeo => "bg-nbd",
        TransactionModelKind.ModifiedBetaGeo => "mbg-nbd",
        _ => "pareto-nbd",
    };

    /// <summary>P(alive | x, t_x, T): the probability that the customer is still active at the end of calibration.</summary>
    /// <param name="frequency">x, repeat purchases. Range: x ≥ 0.</param>
    /// <param name="recency">t_x. Range: 0 ≤ t_x ≤ T.</param>
    /// <param name="T">T, the customer's age. Range: T ≥ 0.</param>
    /// <returns>A probability in [0, 1].</returns>
    public abstract double ProbabilityAlive(double frequency, double recency, double T);

    /// <summary>E[X(t)]: the expected repeat purchases of a new customer in (0, t].</summary>
    /// <param name="horizon">t. Range: t ≥ 0.</param>
    /// <returns>The expected number.</returns>
    public abstract double ExpectedPurchases(double horizon);

    /// <summary>E[Y(t) | x, t_x, T]: the expected purchases in the next t time units of a customer with history (x, t_x, T).</summary>
    /// <param name="horizon">t. Range: t ≥ 0.</param>
    /// <param name="frequency">x. Range: x ≥ 0.</param>
    /// <param name="recency">t_x. Range: 0 ≤ t_x ≤ T.</param>
    /// <param name="T">T, the customer's age: time from the first purchase to the end of calibration. Range: T ≥ 0.</param>
    /// <returns>The expected number.</returns>
    public abstract double ConditionalExpectedPurchases(double horizon, double frequency, double recency, double T);

    /// <summary>P(X(t) = n): the probability that a new customer makes exactly n repeat purchases in (0, t].</summary>
    /// <param name="horizon">t. Range: t ≥ 0.</param>
    /// <param name="count">n. Range: n ≥ 0.</param>
    /// <returns>A probability in [0, 1].</returns>
    public abstract double ProbabilityOfPurchases(double horizon, int count);

    /// <summary>P(alive) and the expected purchases in the next <paramref name="horizon"/> for many customers, into the destination spans (no allocation per customer).</summary>
    /// <param name="horizon">t. Range: t ≥ 0.</param>
    /// <param name="frequency">x per customer.</param>
    /// <param name="recency">t_x per customer.</param>
    /// <param name="T">T per customer: the customer's age, time from the first purchase to the end of calibration.</param>
    /// <param name="probabilityAlive">Receives P(alive) (same length as the inputs).</param>
    /// <param name="expectedPurchases">Receives the expected purchases (same length).</param>
    public abstract void Predict(double horizon, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> T, Span<double> probabilityAlive, Span<double> expectedPurchases);

    /// <summary>
    /// The discounted CLV of a customer: the model's expected purchases per period times
    /// <paramref name="averageValue"/>, discounted (<see cref="CustomerLifetimeValue"/>, the approximation of Python's
    /// lifetimes).
    /// </summary>
    /// <param name="frequency">x. Range: x ≥ 0.</param>
    /// <param name="recency">t_x. Range: 0 ≤ t_x ≤ T.</param>
    /// <param name="T">T, the customer's age: time from the first purchase to the end of calibration. Range: T ≥ 0.</param>
    /// <param name="averageValue">Expected value per purchase (e.g. <see cref="GammaGamma.ConditionalExpectedAverageValue"/>). Range: finite.</param>
    /// <param name="horizon">How far ahead, in the model's time unit. Range: 0 ≤ horizon ≤ 1e6.</param>
    /// <param name="discountRate">Discount rate per time unit. Range: 0 ≤ d ≤ 10.</param>
    /// <returns>The present value of the expected future purchases.</returns>
    public double LifetimeValue(double frequency, double recency, double T, double averageValue, double horizon, double discountRate)
    {
        ProbabilityAlive(frequency, recency, T); // validates the customer
        CustomerLifetimeValue.Check(averageValue, horizon, discountRate);
        return CustomerLifetimeValue.Sum(h => ConditionalExpectedPurchases(h, frequency, recency, T), averageValue, horizon, discountRate);
    }

    /// <summary>The same for the rows of <paramref name="data"/>.</summary>
    /// <param name="horizon">t. Range: t ≥ 0.</param>
    /// <param name="data">The customers (<see cref="ModelInputs"/> convert implicitly).</param>
    /// <param name="probabilityAlive">Receives P(alive) per row.</param>
    /// <param name="expectedPurchases">Receives the expected purchases per row.</param>
    public void Predict(double horizon, PurchaseHistories data, Span<double> probabilityAlive, Span<double> expectedPurchases)
    {
        Guard.NotNull(data);
        Predict(horizon, data.Frequency, data.Recency, data.T, probabilityAlive, expectedPurchases);
    }

    private sealed class BetaGeoModel(FitResult<BetaGeoParameters> fit) : TransactionModel(TransactionModelKind.BetaGeo, fit)
    {
        private readonly BetaGeoParameters _p = fit.Parameters;

        public override double ProbabilityAlive(double frequency, double recency, double T) => Probabilistic.BetaGeo.ProbabilityAlive(_p, frequency, recency, T);

        public override double ExpectedPurchases(double horizon) => Probabilistic.BetaGeo.ExpectedPurchases(_p, horizon);

        public override double ConditionalExpectedPurchases(double horizon, double frequency, double recency, double T) =>
            Probabilistic.BetaGeo.ConditionalExpectedPurchases(_p, horizon, frequency, recency, T);

        public override double ProbabilityOfPurchases(double horizon, int count) => Probabilistic.BetaGeo.ProbabilityOfPurchases(_p, horizon, count);

        public override void Predict(double horizon, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> T, Span<double> probabilityAlive, Span<double> expectedPurchases) =>
            Probabilistic.BetaGeo.Predict(_p, horizon, frequency, recency, T, probabilityAlive, expectedPurchases);
    }

    private sealed class ModifiedBetaGeoModel(FitResult<ModifiedBetaGeoParameters> fit) : TransactionModel(TransactionModelKind.ModifiedBetaGeo, fit)
    {
        private readonly ModifiedBetaGeoParameters _p = fit.Parameters;

        public override double ProbabilityAlive(double frequency, double recency, double T) => Probabilistic.ModifiedBetaGeo.ProbabilityAlive(_p, frequency, recency, T);

        public override double ExpectedPurchases(double horizon) => Probabilistic.ModifiedBetaGeo.ExpectedPurchases(_p, horizon);

        public override double ConditionalExpectedPurchases(double horizon, double frequency, double recency, double T) =>
            Probabilistic.ModifiedBetaGeo.ConditionalExpectedPurchases(_p, horizon, frequency, recency, T);

        public override double ProbabilityOfPurchases(double horizon, int count) => Probabilistic.ModifiedBetaGeo.ProbabilityOfPurchases(_p, horizon, count);

        public override void Predict(double horizon, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> T, Span<double> probabilityAlive, Span<double> expectedPurchases) =>
            Probabilistic.ModifiedBetaGeo.Predict(_p, horizon, frequency, recency, T, probabilityAlive, expectedPurchases);
    }

    private sealed class ParetoNbdModel(FitResult<ParetoNbdParameters> fit) : TransactionModel(TransactionModelKind.ParetoNbd, fit)
    {
        private readonly ParetoNbdParameters _p = fit.Parameters;

        public override double ProbabilityAlive(double frequency, double recency, double T) => Probabilistic.ParetoNbd.ProbabilityAlive(_p, frequency, recency, T);

        public override double ExpectedPurchases(double horizon) => Probabilistic.ParetoNbd.ExpectedPurchases(_p, horizon);

        public override double ConditionalExpectedPurchases(double horizon, double frequency, double recency, double T) =>
            Probabilistic.ParetoNbd.ConditionalExpectedPurchases(_p, horizon, frequency, recency, T);

        public override double ProbabilityOfPurchases(double horizon, int count) => Probabilistic.ParetoNbd.ProbabilityOfPurchases(_p, horizon, count);

        public override void Predict(double horizon, ReadOnlySpan<double> frequency, ReadOnlySpan<double> recency, ReadOnlySpan<double> T, Span<double> probabilityAlive, Span<double> expectedPurchases) =>
            Probabilistic.ParetoNbd.Predict(_p, horizon, frequency, recency, T, probabilityAlive, expectedPurchases);
    }
}
