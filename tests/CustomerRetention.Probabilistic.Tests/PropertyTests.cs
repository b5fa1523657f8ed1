using FsCheck;
using FsCheck.Fluent;

namespace CustomerRetention.Probabilistic.Tests;

public class PropertyTests
{
    private static readonly Gen<BetaGeoParameters> BgParameters =
        from r in Generators.LogUniform(1e-2, 1e2)
        from alpha in Generators.LogUniform(1e-2, 1e2)
        from a in Generators.LogUniform(1e-2, 1e2)
        from b in Generators.LogUniform(1e-2, 1e2)
        select new BetaGeoParameters(r, alpha, a, b);

    [Fact]
    public void BetaGeoProbabilityAlive_IsProbabilityAndOneWithoutRepeat_Meets_Specification() =>
        Properties.Check(Prop.ForAll(Gen.Zip(BgParameters, Generators.Histories).ToArbitrary(), pair =>
        {
            (BetaGeoParameters p, (double x, double tx, double t)) = pair;
            double alive = BetaGeo.ProbabilityAlive(p, x, tx, t);
            return alive >= 0 && alive <= 1 && (x > 0 || alive == 1);
        }));

    [Fact]
    public void ParetoNbdProbabilityAlive_IsProbability_Meets_Specification() =>
        Properties.Check(Prop.ForAll(Gen.Zip(BgParameters, Generators.Histories).ToArbitrary(), pair =>
        {
            (BetaGeoParameters q, (double x, double tx, double t)) = pair;
            var p = new ParetoNbdParameters(q.R, q.Alpha, q.A, q.B);
            double alive = ParetoNbd.ProbabilityAlive(p, x, tx, t);
            return alive >= 0 && alive <= 1;
        }));

    [Fact]
    public void ExpectedPurchases_GrowWithHorizon_Meets_Specification() =>
        Properties.Check(Prop.ForAll((from p in BgParameters from c in Generators.Histories from h in Gen.Choose(1, 2000) select (p, c, h / 10.0)).ToArbitrary(), triple =>
        {
            (BetaGeoParameters p, (double x, double tx, double t), double h) = triple;
            var pn = new ParetoNbdParameters(p.R, p.Alpha, p.A, p.B);
            var mbg = new ModifiedBetaGeoParameters(p.R, p.Alpha, p.A, p.B);
            void Grows(string what, double shorter, double longer)
            {
                Assert.True(longer >= (shorter * (1 - 1e-9)) - 1e-12 && double.IsFinite(longer), FormattableString.Invariant($"{what} {p} ({x}, {tx}, {t}) h={h}: {shorter} then {longer}"));
            }

            Grows("BG", BetaGeo.ConditionalExpectedPurchases(p, h, x, tx, t), BetaGeo.ConditionalExpectedPurchases(p, 2 * h, x, tx, t));
            Grows("MBG", ModifiedBetaGeo.ConditionalExpectedPurchases(mbg, h, x, tx, t), ModifiedBetaGeo.ConditionalExpectedPurchases(mbg, 2 * h, x, tx, t));
            Grows("PNBD", ParetoNbd.ConditionalExpectedPurchases(pn, h, x, tx, t), ParetoNbd.ConditionalExpectedPurchases(pn, 2 * h, x, tx, t));
            Grows("BG0", BetaGeo.ExpectedPurchases(p, h), BetaGeo.ExpectedPurchases(p, 2 * h));
        }), maxTest: 500);

    [Fact]
    public void WeightedLikelihood_EqualsExpandedLikelihood_Meets_Specification() =>
        Properties.Check(Prop.ForAll(Gen.Zip(BgParameters, Gen.ListOf(Gen.Zip(Generators.Histories, Gen.Choose(1, 4)))).ToArbitrary(), pair =>
        {
            (BetaGeoParameters p, var rows) = pair;
            var weighted = new PurchaseHistories(rows.Select(r => r.Item1.X).ToArray(), rows.Select(r => r.Item1.Tx).ToArray(), rows.Select(r => r.Item1.T).ToArray(), rows.Select(r => (double)r.Item2).ToArray());
            var expanded = rows.SelectMany(r => Enumerable.Repeat(r.Item1, r.Item2)).ToArray();
            var plain = new PurchaseHistories(expanded.Select(r => r.X).ToArray(), expanded.Select(r => r.Tx).ToArray(), expanded.Select(r => r.T).ToArray());
            double a = BetaGeo.LogLikelihood(p, weighted), b = BetaGeo.LogLikelihood(p, plain);
            var pn = new ParetoNbdParameters(p.R, p.Alpha, p.A, p.B);
            double c = ParetoNbd.LogLikelihood(pn, weighted), d = ParetoNbd.LogLikelihood(pn, plain);
            return Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(b)) && Math.Abs(c - d) <= 1e-9 * Math.Max(1, Math.Abs(d));
        }));

    [Fact]
    public void WeightedFit_EqualsExpandedFit_Meets_Specification() =>
        Properties.Check(
            Prop.ForAll(Gen.Choose(1, 1_000_000).ToArbitrary(), seed =>
            {
                var random = new Random(seed);
                double[] ages = Enumerable.Range(0, 300).Select(_ => (double)random.Next(20, 40)).ToArray();
                PurchaseHistories customers = CustomerBaseSimulator.BetaGeo(new BetaGeoParameters(0.5, 5, 0.8, 2.5), ages, seed);
                PurchaseHistories compressed = customers.Compress();
                FitResult<BetaGeoParameters> a = BetaGeo.Fit(customers), b = BetaGeo.Fit(compressed);
                return Math.Abs(a.LogLikelihood - b.LogLikelihood) < 1e-6
                    && Math.Abs(a.Parameters.R - b.Parameters.R) < 1e-4 * a.Parameters.R
                    && compressed.TotalWeight == customers.TotalWeight;
            }),
            maxTest: 10);

    [Fact]
    public void SimulatedBetaGeo_FitRecoversParameters_Meets_Specification()
    {
        var truth = new BetaGeoParameters(0.24, 4.4, 0.79, 2.4);
        var random = new Random(7);
        double[] ages = Enumerable.Range(0, 50_000).Select(_ => 27 + (12 * random.NextDouble())).ToArray();
        FitResult<BetaGeoParameters> fit = BetaGeo.Fit(CustomerBaseSimulator.BetaGeo(truth, ages, 11));
        double[] expected = [truth.R, truth.Alpha, truth.A, truth.B];
        for (int i = 0; i < 4; i++)
        {
            Assert.True(Math.Abs(fit.ParameterValues[i] - expected[i]) < 4 * fit.StandardErrors[i], $"{fit.ParameterNames[i]}: {fit.ParameterValues[i]} vs {expected[i]} (SE {fit.StandardErrors[i]})");
        }
    }

    [Fact]
    public void SimulatedParetoNbd_FitRecoversParameters_Meets_Specification()
    {
        var truth = new ParetoNbdParameters(0.55, 10.6, 0.61, 11.7);
        var random = new Random(5);
        double[] ages = Enumerable.Range(0, 50_000).Select(_ => (double)random.Next(27 * 7, 39 * 7) / 7).ToArray();
        FitResult<ParetoNbdParameters> fit = ParetoNbd.Fit(CustomerBaseSimulator.ParetoNbd(truth, ages, 3).Compress());
        double[] expected = [truth.R, truth.Alpha, truth.S, truth.Beta];
        for (int i = 0; i < 4; i++)
        {
            Assert.True(Math.Abs(fit.ParameterValues[i] - expected[i]) < 4 * fit.StandardErrors[i], $"{fit.ParameterNames[i]}: {fit.ParameterValues[i]} vs {expected[i]} (SE {fit.StandardErrors[i]})");
        }
    }
}
