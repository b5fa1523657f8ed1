using CustomerRetention.Numerics;
using CustomerRetention.Probabilistic.Numerics;

namespace CustomerRetention.Probabilistic.Tests;

public class ParetoNbdGradientTests
{
    public static TheoryData<double, double, double, double> Parameters => new()
    {
        { 0.5533, 10.578, 0.6061, 11.669 },  // CDNOW (α < β)
        { 0.5533, 11.669, 0.6061, 10.578 },  // α > β
        { 0.8, 7.0, 1.3, 7.0 },              // α = β
        { 0.9, 5.4, 0.8, 60 },               // z near 1 for small t (continued fraction)
        { 2.5, 60, 0.3, 1.5 },               // α ≫ β
        { 0.2, 0.5, 4.0, 90 },
    };

    [Theory]
    [MemberData(nameof(Parameters))]
    public void RowGradient_MatchesCentralDifferences(double r, double alpha, double s, double beta)
    {
        double[][] rows =
        [
            [0, 0, 38], [1, 5, 38], [3, 20, 38], [26, 30.86, 31], [2, 37.9, 38], [5, 38, 38], [221, 103.43, 103.57], [1, 0.5, 80],
        ];
        foreach (double[] row in rows)
        {
            double x = row[0], tx = row[1], t = row[2];
            double value = ParetoNbd.RowGradient(
                r, alpha, s, beta, Math.Log(alpha), Math.Log(beta), x, tx, t,
                SpecialFunctions.LogGamma(r + x) - SpecialFunctions.LogGamma(r), SpecialFunctions.Digamma(r + x) - SpecialFunctions.Digamma(r),
                out double gr, out double galpha, out double gs, out double gbeta);
            Tolerance.Close(ParetoNbd.LogLikelihood(new ParetoNbdParameters(r, alpha, s, beta), x, tx, t), value, relative: 1e-12, absolute: 1e-12);
            double[] analytic = [gr, galpha, gs, gbeta];
            double[] point = [r, alpha, s, beta];
            for (int k = 0; k < 4; k++)
            {
                double h = 1e-5 * point[k];
                double[] up = (double[])point.Clone(), down = (double[])point.Clone();
                up[k] += h;
                down[k] -= h;
                double numeric = (LogL(up, x, tx, t) - LogL(down, x, tx, t)) / (2 * h);
                Tolerance.Close(numeric, analytic[k], relative: 1e-6, absolute: 1e-7);
            }
        }
    }

    private static double LogL(double[] p, double x, double tx, double t) =>
        ParetoNbd.LogLikelihood(new ParetoNbdParameters(p[0], p[1], p[2], p[3]), x, tx, t);

    [Fact]
    public void TotalGradient_Cdnow_MatchesCentralDifferences_AndVanishesAtTheOptimum()
    {
        PurchaseHistories data = CdnowData.Histories.Compress();
        var evaluator = new ParetoNbd.Evaluator(data);
        double[] point = [0.5533, 10.578, 0.6061, 11.669];
        double[] gradient = new double[4];
        double total = evaluator.TotalWithGradient(point[0], point[1], point[2], point[3], gradient);
        Tolerance.Close(evaluator.Total(point[0], point[1], point[2], point[3]), total, relative: 1e-13);
        for (int k = 0; k < 4; k++)
        {
            double h = 1e-5 * point[k];
            double[] up = (double[])point.Clone(), down = (double[])point.Clone();
            up[k] += h;
            down[k] -= h;
            double numeric = (evaluator.Total(up[0], up[1], up[2], up[3]) - evaluator.Total(down[0], down[1], down[2], down[3])) / (2 * h);
            Tolerance.Close(numeric, gradient[k], relative: 1e-6, absolute: 1e-5);
        }

        // fits.json "pareto-nbd": the maximum-likelihood estimates to full precision; the score is ~0 there.
        evaluator.TotalWithGradient(0.5532770463888939, 10.577683459301806, 0.6062399917386181, 11.66873538501105, gradient);
        foreach (double g in gradient)
        {
            Assert.InRange(g, -1e-3, 1e-3);
        }
    }

    [Fact]
    public void LogSeriesOneGradient_ContinuedFractionBranch_MatchesDifferences()
    {
        foreach ((double b, double c, double z) in new[] { (1.6, 5.2, 0.999), (30.5, 31.8, 0.9), (1.8, 3.0, 0.65), (201.6, 202.9, 0.99), (0.7, 2.3, 0.3) })
        {
            double value = ParetoNbd.LogSeriesOneGradient(b, c, z, out double db, out double dc, out double dz);
            Tolerance.Close(Math.Log(ParetoNbd.SeriesOne(b, c, z)), value, relative: 1e-13);
            double h = 1e-6;
            Tolerance.Close((Math.Log(ParetoNbd.SeriesOne(b + h, c, z)) - Math.Log(ParetoNbd.SeriesOne(b - h, c, z))) / (2 * h), db, relative: 1e-6, absolute: 1e-8);
            Tolerance.Close((Math.Log(ParetoNbd.SeriesOne(b, c + h, z)) - Math.Log(ParetoNbd.SeriesOne(b, c - h, z))) / (2 * h), dc, relative: 1e-6, absolute: 1e-8);
            double hz = 1e-3 * (1 - z);
            Tolerance.Close((Math.Log(ParetoNbd.SeriesOne(b, c, z + hz)) - Math.Log(ParetoNbd.SeriesOne(b, c, z - hz))) / (2 * hz), dz, relative: 1e-6);
        }
    }

    [Fact]
    public void Fit_WarmStartOnLargeData_ReachesTheColdStartOptimum()
    {
        // 60,000 simulated customers (above the 40,000-row threshold of the subsample warm start).
        var random = new Random(3);
        double[] ages = new double[60_000];
        for (int i = 0; i < ages.Length; i++)
        {
            ages[i] = (730 - random.Next(0, 365)) / 7.0;
        }

        PurchaseHistories data = CustomerBaseSimulator.ParetoNbd(new ParetoNbdParameters(0.9, 5.4, 0.8, 60), ages, seed: 11);
        Assert.True(data.Count >= 4 * Fitting.WarmStartRows);
        FitResult<ParetoNbdParameters> warm = ParetoNbd.Fit(data);

        // Cold start: the same optimiser from the generic starting points only, without the subsample.
        var evaluator = new ParetoNbd.Evaluator(data);
        double meanT = 0, sumX = 0;
        for (int i = 0; i < data.Count; i++)
        {
            meanT += data.T[i];
            sumX += data.Frequency[i];
        }

        double rate = sumX / meanT;
        meanT /= data.Count;
        var starts = new List<double[]>
        {
            new[] { Math.Log(0.5), Math.Log(0.5 / rate), Math.Log(0.5), Math.Log(meanT) },
            new[] { 0.0, Math.Log(1.0 / rate), 0.0, Math.Log(meanT) },
        };
        FitResult<ParetoNbdParameters> cold = CustomerRetention.Numerics.MaximumLikelihood.Fit(
            evaluator.NegativeMean, data.TotalWeight, starts, FitOptions.Default, ["r", "alpha", "s", "beta"],
            t => new ParetoNbdParameters(t[0], t[1], t[2], t[3]), data.Count, 0);
        Assert.True(warm.Converged);
        Assert.True(cold.Converged);
        Tolerance.Close(cold.LogLikelihood, warm.LogLikelihood, relative: 0, absolute: 1e-8);
        Tolerance.Close(cold.Parameters.R, warm.Parameters.R, relative: 1e-4);
        Tolerance.Close(cold.Parameters.Beta, warm.Parameters.Beta, relative: 1e-4);
    }
}
