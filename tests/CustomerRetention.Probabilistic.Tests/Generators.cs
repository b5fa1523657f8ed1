using FsCheck;
using FsCheck.Fluent;

namespace CustomerRetention.Probabilistic.Tests;

/// <summary>FsCheck generators the model property tests share.</summary>
internal static class Generators
{
    /// <summary>Values spread evenly in log scale over [min, max] (parameters from 1e-2 to 1e2 all get their share).</summary>
    public static Gen<double> LogUniform(double min, double max) =>
        Gen.Choose(0, 1_000_000).Select(i => Math.Exp(Math.Log(min) + ((Math.Log(max) - Math.Log(min)) * i / 1_000_000.0)));

    /// <summary>Purchase histories (x, t_x, T): x up to 300, T up to 100, 0 ≤ t_x ≤ T, t_x = 0 without repeats.</summary>
    public static readonly Gen<(double X, double Tx, double T)> Histories =
        from x in Gen.Choose(0, 300)
        from t in Gen.Choose(0, 10_000).Select(i => i / 100.0)
        from f in Gen.Choose(0, 1000).Select(i => i / 1000.0)
        select ((double)x, x == 0 ? 0 : f * t, t);
}
