using CustomerRetention.Csv;
using CustomerRetention.Orleans.Model;
using CustomerRetention.Probabilistic;
using NodaTime;

namespace CustomerRetention.Orleans.Tests;

/// <summary>
/// The single-machine results the cluster must reproduce: the CSV reader's summaries and the BG/NBD
/// fits. The one file of the tests that calls CustomerRetention.Probabilistic and the CSV reader.
/// </summary>
internal static class SingleMachine
{
    /// <summary>The calibration end of the CDNOW sample (shared/design/reference-values.md).</summary>
    public static readonly LocalDate CdnowCalibrationEnd = new(1997, 9, 30);

    /// <summary>The CDNOW sample's rows (tests/data, 6,919 transactions of 2,357 customers).</summary>
    public static TransactionTable CdnowTable() => TransactionCsv.ReadFile(TestData.Path("cdnow_sample_transactions.csv")).Table;

    /// <summary>The rows of a CSV file.</summary>
    public static TransactionTable Read(string path) => TransactionCsv.ReadFile(path).Table;

    /// <summary>The one-pass summaries of a CSV file (the CLI's road).</summary>
    public static PurchaseSummaries SummarizeFile(string path, LocalDate? through = null) => TransactionCsv.SummarizeFile(path, through).Summaries;

    /// <summary>BG/NBD fitted on one machine to the canonical counts of the summaries cut off at the calibration end.</summary>
    public static BetaGeoFit FitCounts(PopulationCounts counts, TimeUnit unit) => ToFit(BetaGeo.Fit(Histories(counts, unit)));

    /// <summary>BG/NBD fitted on one machine to one row per customer, in customer order (no compression).</summary>
    public static BetaGeoFit FitPerCustomer(PurchaseSummaries summaries, LocalDate calibrationEnd, TimeUnit unit)
    {
        ModelInputs inputs = summaries.ToModelInputs(calibrationEnd, unit);
        return ToFit(BetaGeo.Fit(PurchaseHistories.FromSpans(inputs.Frequency, inputs.Recency, inputs.T, Enumerable.Repeat(1.0, inputs.Count).ToArray())));
    }

    /// <summary>P(alive), E[Y(t)] and CLV computed directly by the Probabilistic package.</summary>
    public static (double Alive, double Expected, double Clv) Predict(BetaGeoFit fit, ModelInput input, double horizon, double value, double discountRate)
    {
        var p = new BetaGeoParameters(fit.R, fit.Alpha, fit.A, fit.B);
        return (BetaGeo.ProbabilityAlive(p, input.Frequency, input.Recency, input.T),
            BetaGeo.ConditionalExpectedPurchases(p, horizon, input.Frequency, input.Recency, input.T),
            CustomerLifetimeValue.Discounted(p, input.Frequency, input.Recency, input.T, value, horizon, discountRate));
    }

    private static PurchaseHistories Histories(PopulationCounts counts, TimeUnit unit)
    {
        double d = unit.LengthInDays;
        return PurchaseHistories.FromSpans(
            counts.Rows.Select(r => (double)r.Frequency).ToArray(),
            counts.Rows.Select(r => r.RecencyDays / d).ToArray(),
            counts.Rows.Select(r => r.AgeDays / d).ToArray(),
            counts.Rows.Select(r => (double)r.Customers).ToArray());
    }

    private static BetaGeoFit ToFit(FitResult<BetaGeoParameters> fit) =>
        new(fit.Parameters.R, fit.Parameters.Alpha, fit.Parameters.A, fit.Parameters.B, fit.LogLikelihood, fit.Converged);
}
