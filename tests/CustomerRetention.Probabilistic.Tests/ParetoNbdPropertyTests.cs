using FsCheck;
using FsCheck.Fluent;

namespace CustomerRetention.Probabilistic.Tests;

public class ParetoNbdPropertyTests
{
    private static readonly Gen<ParetoNbdParameters> Parameters =
        from r in Generators.LogUniform(1e-2, 1e2)
        from alpha in Generators.LogUniform(1e-2, 1e2)
        from s in Generators.LogUniform(1e-2, 1e2)
        from beta in Generators.LogUniform(1e-2, 1e2)
        select new ParetoNbdParameters(r, alpha, s, beta);

    [Fact]
    public void Dert_IsFiniteBoundedAndFallsWithTheDiscountRate_Meets_Specification() =>
        Properties.Check(Prop.ForAll((from p in Parameters from c in Generators.Histories from d in Generators.LogUniform(1e-4, 1) select (p, c, d)).ToArbitrary(), triple =>
        {
            (ParetoNbdParameters p, (double x, double tx, double t), double delta) = triple;
            double dert = ParetoNbd.DiscountedExpectedResidualTransactions(p, delta, x, tx, t);
            double slower = ParetoNbd.DiscountedExpectedResidualTransactions(p, 2 * delta, x, tx, t);
            // P(alive at T+u | alive at T) ≤ 1, so DERT ≤ P(alive) E[λ | x, T] / δ.
            double bound = ParetoNbd.ProbabilityAlive(p, x, tx, t) * (p.R + x) / (p.Alpha + t) / delta;
            Assert.True(
                double.IsFinite(dert) && dert >= 0 && slower <= dert * (1 + 1e-12) && dert <= (bound * (1 + 1e-9)) + 1e-300,
                FormattableString.Invariant($"{p} ({x}, {tx}, {t}) δ={delta}: {dert}, 2δ: {slower}, bound {bound}"));
        }));

    [Fact]
    public void ProbabilityOfPurchases_IsProbabilityWithPartialSumsAtMostOne_Meets_Specification() =>
        Properties.Check(Prop.ForAll((from p in Parameters from t in Generators.LogUniform(1e-2, 1e3) select (p, t)).ToArbitrary(), pair =>
        {
            (ParetoNbdParameters p, double t) = pair;
            double sum = 0;
            for (int n = 0; n <= 15; n++)
            {
                double pn = ParetoNbd.ProbabilityOfPurchases(p, t, n);
                sum += pn;
                Assert.True(pn >= 0 && pn <= 1 && sum <= 1 + 1e-9, FormattableString.Invariant($"{p} t={t} n={n}: {pn}, Σ {sum}"));
            }
        }), maxTest: 100);
}
