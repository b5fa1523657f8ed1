using CustomerRetention.Csv;
using NodaTime;

namespace CustomerRetention.Probabilistic.Tests;

/// <summary>Checks the numbers of docs/models/cdnow-walkthrough.md, step by step.</summary>
public class CdnowWalkthroughTests
{
    [Fact]
    public void Walkthrough_FromTransactionsToClv()
    {
        // Step 1: transactions → per-customer summary at the calibration end, in weeks.
        TransactionTable table = TransactionCsv.ReadFile(TestData.Path("cdnow_sample_transactions.csv")).Table;
        var calibrationEnd = new LocalDate(1997, 9, 30);
        PurchaseSummaries calibration = PurchaseAggregator.Summarize(table, calibrationEnd);
        ModelInputs inputs = calibration.ToModelInputs(calibrationEnd, TimeUnit.Week);
        Assert.Equal(2357, inputs.Count);
        // reference-values.md: 2,457 repeat purchase days in calibration (same-day purchases merged).
        Assert.Equal(2457, calibration.TotalRepeatPurchaseDays());

        // Step 2: compress and fit BG/NBD.
        PurchaseHistories histories = PurchaseHistories.FromSpans(inputs.Frequency, inputs.Recency, inputs.T, ReadOnlySpan<double>.Empty);
        PurchaseHistories rows = histories.Compress();
        Assert.Equal(1016, rows.Count);
        FitResult<BetaGeoParameters> fit = BetaGeo.Fit(rows);
        // FHL (2005): r 0.2426, α 4.4136, a 0.7929, b 2.4259, LL −9582.43.
        Tolerance.Decimals(0.2426, fit.Parameters.R, 4);
        Tolerance.Decimals(4.4136, fit.Parameters.Alpha, 4);
        Tolerance.Decimals(0.7929, fit.Parameters.A, 4);
        Tolerance.Decimals(2.4259, fit.Parameters.B, 4);
        Tolerance.Decimals(-9582.43, fit.LogLikelihood, 2);

        // Step 3: the 39-week holdout, expected vs actual (FHL 2005: 1653.4 expected; 1,882 actual).
        double[] alive = new double[inputs.Count];
        double[] expected = new double[inputs.Count];
        BetaGeo.Predict(fit.Parameters, 39, inputs.Frequency, inputs.Recency, inputs.T, alive, expected);
        Tolerance.Decimals(1653.4, expected.Sum(), 1);
        PurchaseSummaries whole = PurchaseAggregator.Summarize(table, new LocalDate(1998, 6, 30));
        long actual = whole.TotalRepeatPurchaseDays() - calibration.TotalRepeatPurchaseDays();
        Assert.Equal(1882, actual);

        // Step 4: spend and value of customer 1 (x = 2, t_x = 30.43, T = 38.86, mean spend 22.345).
        FitResult<GammaGammaParameters> spend = GammaGamma.Fit(inputs.Frequency, inputs.MonetaryValue.ToArray().Select(m => (double)m).ToArray(), ReadOnlySpan<double>.Empty);
        Assert.Equal(946, spend.Customers);
        double value = GammaGamma.ConditionalExpectedAverageValue(spend.Parameters, inputs.Frequency[0], (double)inputs.MonetaryValue[0]);
        Tolerance.Decimals(24.65, value, 2); // FHL (2005) "RFM and CLV"
        double purchases = BetaGeo.ConditionalExpectedPurchases(fit.Parameters, 52, inputs.Frequency[0], inputs.Recency[0], inputs.T[0]);
        double undiscounted = CustomerLifetimeValue.Discounted(fit.Parameters, inputs.Frequency[0], inputs.Recency[0], inputs.T[0], value, 52, 0);
        Tolerance.Close(value * purchases, undiscounted, relative: 1e-12);
        double discounted = CustomerLifetimeValue.Discounted(fit.Parameters, inputs.Frequency[0], inputs.Recency[0], inputs.T[0], value, 52, 0.002);
        Assert.InRange(discounted, 0.9 * undiscounted, undiscounted);
        // The walkthrough prints these to 2 decimals.
        Tolerance.Decimals(0.73, alive[0], 2);
        Tolerance.Decimals(1.56, purchases, 2);
        Tolerance.Decimals(38.43, undiscounted, 2);
        Tolerance.Decimals(36.60, discounted, 2);
    }
}
