namespace CustomerRetention.Probabilistic;

/// <summary>
/// One model of a <see cref="ModelComparison"/>: the fitted model and how it did on the holdout. Immutable.
/// </summary>
public sealed class ModelComparisonEntry
{
    internal ModelComparisonEntry(TransactionModel model, double meanAbsoluteError, double rootMeanSquaredError, double actual, double expected)
    {
        Model = model;
        MeanAbsoluteError = meanAbsoluteError;
        RootMeanSquaredError = rootMeanSquaredError;
        Actual = actual;
        Expected = expected;
    }

    /// <summary>The model fitted on the calibration period.</summary>
    public TransactionModel Model { get; }

    /// <summary>The mean over customers of |actual − E[Y(holdout) | x, t_x, T]|, the per-customer error of the conditional expectation.</summary>
    public double MeanAbsoluteError { get; }

    /// <summary>√(mean over customers of (actual − E[Y(holdout) | x, t_x, T])²).</summary>
    public double RootMeanSquaredError { get; }

    /// <summary>The actual repeat purchases of all customers in the holdout.</summary>
    public double Actual { get; }

    /// <summary>The expected repeat purchases of all customers in the holdout (Σ E[Y | x, t_x, T]).</summary>
    public double Expected { get; }

    /// <summary>The aggregate tracking error over the holdout, (expected − actual)/actual (0 when both are 0).</summary>
    public double TotalError => Actual == 0 ? (Expected == 0 ? 0 : double.PositiveInfinity) : (Expected - Actual) / Actual;
}

/// <summary>
/// Several transaction models fitted on a calibration period and compared on the holdout (per-customer MAE and
/// RMSE of the conditional expected purchases, the totals, the log-likelihood, AIC and BIC), and the one chosen
/// by <see cref="Compare(CalibrationHoldout, TimeUnit, IReadOnlyList{TransactionModelKind}?, FitOptions?)"/>'s
/// rule. Immutable.
/// </summary>
public sealed class ModelComparison
{
    /// <summary>Models whose holdout MAE is within this relative margin of the best count as tied; BIC decides among them.</summary>
    public const double TieMargin = 0.01;

    private ModelComparison(IReadOnlyList<ModelComparisonEntry> models, ModelComparisonEntry chosen, double holdoutLength)
    {
        Models = models;
        Chosen = chosen;
        HoldoutLength = holdoutLength;
    }

    /// <summary>The models in the order asked for.</summary>
    public IReadOnlyList<ModelComparisonEntry> Models { get; }

    /// <summary>The chosen model (see the rule of <see cref="Compare(CalibrationHoldout, TimeUnit, IReadOnlyList{TransactionModelKind}?, FitOptions?)"/>).</summary>
    public ModelComparisonEntry Chosen { get; }

    /// <summary>The length of the holdout period in model time units.</summary>
    public double HoldoutLength { get; }

    /// <summary>The models every comparison fits unless told otherwise: BG/NBD, MBG/NBD and Pareto/NBD.</summary>
    public static IReadOnlyList<TransactionModelKind> DefaultModels { get; } =
        Array.AsReadOnly(new[] { TransactionModelKind.BetaGeo, TransactionModelKind.ModifiedBetaGeo, TransactionModelKind.ParetoNbd });

    /// <summary>
    /// Fits each model on the calibration summaries of <paramref name="split"/> (x, t_x, T at the calibration end in
    /// <paramref name="unit"/>) and compares its conditional expected repeat purchases over the holdout with each
    /// customer's actual ones (<see cref="CalibrationHoldout.HoldoutPurchaseDays"/>).
    /// </summary>
    /// <remarks>
    /// The rule for <see cref="Chosen"/>: among the models whose fit is <see cref="FitStatus.Converged"/> (all of
    /// them when none is), the ones whose per-customer holdout MAE is within <see cref="TieMargin"/> (1 %) of the
    /// lowest; among those, the lowest BIC (fewer or equally many parameters, better in-sample fit); then the order
    /// asked for. The per-customer error comes first because the predictions a user acts on are per customer;
    /// BIC breaks ties because the holdout of one data set cannot tell apart models that predict alike.
    /// </remarks>
    /// <param name="split">The calibration summaries and the holdout purchases per customer.</param>
    /// <param name="unit">The model time unit (e.g. <see cref="TimeUnit.Week"/>).</param>
    /// <param name="models">The models to fit, or null for <see cref="DefaultModels"/>; at least one, each once.</param>
    /// <param name="options">Fit options, or null for the defaults.</param>
    /// <returns>The comparison.</returns>
    public static ModelComparison Compare(CalibrationHoldout split, TimeUnit unit, IReadOnlyList<TransactionModelKind>? models = null, FitOptions? options = null)
    {
        Guard.NotNull(split);
        models ??= DefaultModels;
        if (models.Count == 0 || models.Distinct().Count() != models.Count)
        {
            throw new ArgumentException("Name at least one model, each once.", nameof(models));
        }

        ModelInputs inputs = split.Calibration.ToModelInputs(split.CalibrationEnd, unit);
        double[] actual = new double[inputs.Count];
        ReadOnlySpan<int> holdout = split.HoldoutPurchaseDays;
        for (int i = 0; i < actual.Length; i++)
        {
            actual[i] = holdout[i];
        }

        return Compare(inputs, actual, split.HoldoutDays / unit.LengthInDays, models, options);
    }

    /// <summary>
    /// Fits each model on <paramref name="calibration"/> and compares its conditional expected purchases over
    /// <paramref name="holdoutLength"/> with <paramref name="actual"/>; the rule of <see cref="Chosen"/> is that of
    /// <see cref="Compare(CalibrationHoldout, TimeUnit, IReadOnlyList{TransactionModelKind}?, FitOptions?)"/>.
    /// </summary>
    /// <param name="calibration">The calibration rows, one customer each (weights are honoured).</param>
    /// <param name="actual">The actual repeat purchases per row in the holdout (per customer of the row).</param>
    /// <param name="holdoutLength">The holdout length in model time. Range: &gt; 0.</param>
    /// <param name="models">The models, or null for <see cref="DefaultModels"/>.</param>
    /// <param name="options">Fit options, or null for the defaults.</param>
    /// <returns>The comparison.</returns>
    public static ModelComparison Compare(PurchaseHistories calibration, ReadOnlySpan<double> actual, double holdoutLength, IReadOnlyList<TransactionModelKind>? models = null, FitOptions? options = null)
    {
        Guard.NotNull(calibration);
        Guard.SameLength(calibration.Count, actual.Length);
        Guard.AllFinite(actual);
        Guard.Positive(holdoutLength);
        models ??= DefaultModels;
        if (models.Count == 0 || models.Distinct().Count() != models.Count)
        {
            throw new ArgumentException("Name at least one model, each once.", nameof(models));
        }

        int n = calibration.Count;
        double[] alive = new double[n];
        double[] expected = new double[n];
        ReadOnlySpan<double> w = calibration.Weight;
        var entries = new List<ModelComparisonEntry>(models.Count);
        foreach (TransactionModelKind kind in models)
        {
            TransactionModel model = TransactionModel.Fit(kind, calibration, options);
            model.Predict(holdoutLength, calibration, alive, expected);
            double absolute = 0, squared = 0, totalActual = 0, totalExpected = 0, customers = 0;
            for (int i = 0; i < n; i++)
            {
                double error = actual[i] - expected[i];
                absolute += w[i] * Math.Abs(error);
                squared += w[i] * error * error;
                totalActual += w[i] * actual[i];
                totalExpected += w[i] * expected[i];
                customers += w[i];
            }

            entries.Add(new ModelComparisonEntry(model, absolute / customers, Math.Sqrt(squared / customers), totalActual, totalExpected));
        }

        return new ModelComparison(entries.AsReadOnly(), Choose(entries), holdoutLength);
    }

    private static ModelComparisonEntry Choose(List<ModelComparisonEntry> entries)
    {
        List<ModelComparisonEntry> trusted = entries.Where(e => e.Model.Report.Status == FitStatus.Converged).ToList();
        if (trusted.Count == 0)
        {
            trusted = entries;
        }

        double best = trusted.Min(e => e.MeanAbsoluteError);
        ModelComparisonEntry chosen = trusted.First(e => e.MeanAbsoluteError <= best * (1 + TieMargin));
        foreach (ModelComparisonEntry e in trusted)
        {
            if (e.MeanAbsoluteError <= best * (1 + TieMargin) && e.Model.Report.Bic < chosen.Model.Report.Bic)
            {
                chosen = e;
            }
        }

        return chosen;
    }
}
