using System.Globalization;
using CustomerRetention.Probabilistic;

namespace CustomerRetention.NetStandard.Tests;

/// <summary>The probabilistic models on the netstandard2.0 build (sequential row sums, no net8.0 fast path).</summary>
public class ProbabilisticNetStandardTests
{
    [Fact]
    public void BetaGeoAndParetoNbd_CdnowFits_ReproducePublishedLogLikelihoods()
    {
        IReadOnlyList<string[]> rows = TestData.Rows("cdnow_sample_summary_weeks.csv");
        double[] Column(int c) => rows.Select(r => double.Parse(r[c], CultureInfo.InvariantCulture)).ToArray();
        PurchaseHistories data = new PurchaseHistories(Column(1), Column(2), Column(3)).Compress();
        // Fader, Hardie & Lee (2005): BG/NBD LL −9582.43; Pareto/NBD LL −9594.98 ("RFM and CLV").
        Tolerance.Close(-9582.43, BetaGeo.Fit(data).LogLikelihood, absolute: 0.01);
        Tolerance.Close(-9594.98, ParetoNbd.Fit(data).LogLikelihood, absolute: 0.01);
    }
}
