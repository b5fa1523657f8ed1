using System.Globalization;

namespace CustomerRetention.Churn.Tests;

/// <summary>sBG returns the library's common fit report: covariance and standard errors from the Hessian, AIC/BIC, status.</summary>
public class SbgFitReportTests
{
    private static double[] Regular() =>
        TestData.Rows("sbg_regular_survivors.csv").Select(r => double.Parse(r[1], CultureInfo.InvariantCulture)).Take(8).ToArray();

    [Fact]
    public void StandardErrors_Agree_With_An_Independent_Numerical_Hessian()
    {
        // The regular customers of Fader & Hardie (2007), years 0..7; the check differentiates the model's own
        // log-likelihood (ShiftedBetaGeometric.LogLikelihood) twice numerically (TestKit/NumericalHessian.cs).
        double[] survivors = Regular();
        FitResult<ShiftedBetaGeometricParameters> fit = ShiftedBetaGeometric.Fit(survivors);
        double[] expected = NumericalHessian.StandardErrors(
            p => new ShiftedBetaGeometric(p[0], p[1]).LogLikelihood(survivors),
            [fit.Parameters.Alpha, fit.Parameters.Beta]);
        Assert.Equal(FitStatus.Converged, fit.Status);
        Assert.Empty(fit.Warnings);
        Tolerance.Close(expected[0], fit.StandardErrors[0], relative: 0.02);
        Tolerance.Close(expected[1], fit.StandardErrors[1], relative: 0.02);
        Tolerance.Close(fit.Covariance[0][1], fit.Covariance[1][0], relative: 1e-12);
        Assert.Equal(["alpha", "beta"], fit.ParameterNames);
        Assert.Equal(1000, fit.Customers);
        Assert.Equal(7, fit.Rows);
        Tolerance.Close(4 - (2 * fit.LogLikelihood), fit.Aic, relative: 1e-15);
        Tolerance.Close((2 * Math.Log(1000)) - (2 * fit.LogLikelihood), fit.Bic, relative: 1e-15);
    }

    [Fact]
    public void A_Homogeneous_Cohort_Is_Reported_As_Not_Identified()
    {
        // Exactly geometric survivors (every customer churns with 20 % each period): the Beta runs to a point mass,
        // α, β → ∞ with α/(α+β) = 0.2, which the data cannot tell from any large α + β.
        double[] survivors = [100000, 80000, 64000, 51200, 40960, 32768];
        FitResult<ShiftedBetaGeometricParameters> fit = ShiftedBetaGeometric.Fit(survivors);
        Assert.Equal(FitStatus.NotIdentified, fit.Status);
        Assert.NotEmpty(fit.Warnings);
        Tolerance.Close(0.2, fit.Parameters.Alpha / (fit.Parameters.Alpha + fit.Parameters.Beta), relative: 1e-3);
    }
}
