using FsCheck;
using FsCheck.Fluent;
using CustomerRetention.Numerics;
using CustomerRetention.Probabilistic.Numerics;

namespace CustomerRetention.Probabilistic.Tests;

public class SpecialFunctionsTests
{
    [Theory]
    // Known values: ln Γ(1) = ln Γ(2) = 0, Γ(1/2) = √π, Γ(10) = 9!, ln Γ(100) (Abramowitz & Stegun 6.1), ln Γ(0.001) (Wolfram Alpha).
    [InlineData(1.0, 0.0)]
    [InlineData(2.0, 0.0)]
    [InlineData(25.5, 56.389167643719944)]
    [InlineData(0.5, 0.57236494292470008707)]
    [InlineData(10.0, 12.801827480081469611)]
    [InlineData(100.0, 359.13420536957539878)]
    [InlineData(0.001, 6.9071788853838536)]
    [InlineData(3.7, 1.4280723266653883)]
    public void LogGamma_KnownValues(double x, double expected) =>
        Tolerance.Close(expected, SpecialFunctions.LogGamma(x), relative: 1e-13, absolute: 1e-14);

    [Fact]
    public void LogGamma_LargeArgument_MatchesFactorialSum()
    {
        // ln Γ(10001) = ln 10000! = Σ ln k.
        double sum = 0;
        for (int k = 2; k <= 10_000; k++)
        {
            sum += Math.Log(k);
        }

        Tolerance.Close(sum, SpecialFunctions.LogGamma(10_001), relative: 1e-13);
    }

    [Theory]
    // ψ(1) = −γ, ψ(1/2) = −γ − 2 ln 2, ψ(10) = H₉ − γ (Abramowitz & Stegun 6.3).
    [InlineData(1.0, -0.57721566490153286061)]
    [InlineData(0.5, -1.9635100260214234794)]
    [InlineData(10.0, 2.2517525890667211076)]
    [InlineData(0.01, -100.56088545786867)]
    public void Digamma_KnownValues(double x, double expected) =>
        Tolerance.Close(expected, SpecialFunctions.Digamma(x), relative: 1e-13);

    [Fact]
    public void Digamma_IsDerivativeOfLogGamma_Meets_Specification() =>
        Properties.ForAll(Gen.Choose(1, 100000).Select(i => i / 1000.0).ToArbitrary(), x =>
        {
            double h = 1e-5 * x;
            double numeric = (SpecialFunctions.LogGamma(x + h) - SpecialFunctions.LogGamma(x - h)) / (2 * h);
            return Math.Abs(numeric - SpecialFunctions.Digamma(x)) < 1e-6 * Math.Max(1, Math.Abs(numeric));
        });

    [Fact]
    public void LogBeta_KnownValue() =>
        // B(2, 3) = 1/12.
        Tolerance.Close(-Math.Log(12), SpecialFunctions.LogBeta(2, 3), relative: 1e-14);

    [Fact]
    public void LogAddExp_NoOverflow()
    {
        Tolerance.Close(1000 + Math.Log(2), SpecialFunctions.LogAddExp(1000, 1000), relative: 1e-15);
        Tolerance.Close(-1000 + Math.Log(2), SpecialFunctions.LogAddExp(-1000, -1000), relative: 1e-15);
        Assert.Equal(5.0, SpecialFunctions.LogAddExp(5, double.NegativeInfinity));
        Tolerance.Close(Math.Log(3), SpecialFunctions.LogSumExp([0.0, Math.Log(2)]), relative: 1e-15);
        Tolerance.Close(Math.Log(Math.Exp(2) - Math.Exp(1)), SpecialFunctions.LogSubExp(2, 1), relative: 1e-14);
        Tolerance.Close(Math.Log(1e-20), SpecialFunctions.Log1mExp(-1e-20), relative: 1e-12);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void Hyp2F1_ClosedForms(double z)
    {
        // ₂F₁(1, 1; 2; z) = −ln(1 − z)/z and ₂F₁(a, b; b; z) = (1 − z)^{−a} (Abramowitz & Stegun 15.1.3, 15.1.8).
        Tolerance.Close(-Math.Log(1 - z) / z, SpecialFunctions.Hyp2F1(1, 1, 2, z), relative: 1e-13);
        Tolerance.Close(Math.Pow(1 - z, -0.7), SpecialFunctions.Hyp2F1(0.7, 2.3, 2.3, z), relative: 1e-13);
    }
}
