namespace CustomerRetention.Probabilistic.Tests;

/// <summary>
/// The common fit report of every model: standard errors and covariance agree with an independent numerical
/// Hessian of the full log-likelihood (second differences of its values, tests/CustomerRetention.TestKit/NumericalHessian.cs)
/// to 2 %; AIC and BIC follow their definitions; a fit the data cannot identify says so.
/// </summary>
public class FitReportTests
{
    public static TheoryData<string> Models => new() { "bg-nbd", "mbg-nbd", "pareto-nbd", "gamma-gamma", "bg-bb" };

    [Theory]
    [MemberData(nameof(Models))]
    public void StandardErrors_Agree_With_An_Independent_Numerical_Hessian(string model)
    {
        (FitResult fit, Func<double[], double> logLikelihood) = FitAndLikelihood(model);
        double[] expected = NumericalHessian.StandardErrors(logLikelihood, fit.ParameterValues.ToArray());
        Assert.Equal(FitStatus.Converged, fit.Status);
        for (int i = 0; i < expected.Length; i++)
        {
            Tolerance.Close(expected[i], fit.StandardErrors[i], relative: 0.02);
            Tolerance.Close(expected[i] * expected[i], fit.Covariance[i][i], relative: 0.04);
        }

        // The covariance is symmetric, its diagonal the squared standard errors, and the fit's LL is the model's LL at the estimate.
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(fit.StandardErrors[i] * fit.StandardErrors[i], fit.Covariance[i][i], 12);
            for (int j = 0; j < expected.Length; j++)
            {
                Tolerance.Close(fit.Covariance[i][j], fit.Covariance[j][i], relative: 1e-12, absolute: 1e-300);
            }
        }

        Tolerance.Close(logLikelihood(fit.ParameterValues.ToArray()), fit.LogLikelihood, relative: 1e-12);
        Tolerance.Close((2.0 * fit.ParameterCount) - (2 * fit.LogLikelihood), fit.Aic, relative: 1e-15);
        Tolerance.Close((fit.ParameterCount * Math.Log(fit.Customers)) - (2 * fit.LogLikelihood), fit.Bic, relative: 1e-15);
        Assert.Empty(fit.Warnings);
    }

    [Theory]
    [InlineData("bg-nbd")]
    [InlineData("mbg-nbd")]
    [InlineData("pareto-nbd")]
    public void Data_Without_Repeat_Purchases_Is_Reported_As_Not_Identified(string model)
    {
        // Every customer with frequency 0: the purchase rate cannot be estimated (r → 0 or the Hessian is singular).
        var t = Enumerable.Range(0, 200).Select(i => 10.0 + (i % 30)).ToArray();
        var data = new PurchaseHistories(new double[200], new double[200], t);
        FitResult fit = TransactionModel.Fit(Kind(model), data).Report;
        Assert.Equal(FitStatus.NotIdentified, fit.Status);
        Assert.NotEmpty(fit.Warnings);
    }

    [Fact]
    public void A_Fit_Goes_Wherever_Its_Parameters_Do_And_Inputs_Go_Straight_Into_A_Fit()
    {
        // The calls of issue 17: BetaGeo.Fit(inputs) with ModelInputs, BetaGeo.ProbabilityAlive(fit, ...).
        PurchaseSummaries summaries = CdnowSummaries();
        ModelInputs inputs = summaries.ToModelInputs(new NodaTime.LocalDate(1997, 9, 30), TimeUnit.Week);
        FitResult<BetaGeoParameters> fit = BetaGeo.Fit(inputs);
        double alive = BetaGeo.ProbabilityAlive(fit, 2, 30.43, 38.86);
        Assert.Equal(BetaGeo.ProbabilityAlive(fit.Parameters, 2, 30.43, 38.86), alive);
        Tolerance.Decimals(-9582.43, fit.LogLikelihood, 2);
        Assert.Equal(2357, fit.Customers);
    }

    private static PurchaseSummaries CdnowSummaries() =>
        PurchaseAggregator.Summarize(Csv.TransactionCsv.ReadFile(TestData.Path("cdnow_sample_transactions.csv")).Table, through: new NodaTime.LocalDate(1997, 9, 30));

    private static TransactionModelKind Kind(string model) => model switch
    {
        "bg-nbd" => TransactionModelKind.BetaGeo,
        "mbg-nbd" => TransactionModelKind.ModifiedBetaGeo,
        _ => TransactionModelKind.ParetoNbd,
    };

    private static (FitResult Fit, Func<double[], double> LogLikelihood) FitAndLikelihood(string model)
    {
        PurchaseHistories cdnow = CdnowData.Histories;
        switch (model)
        {
            case "bg-nbd":
                return (BetaGeo.Fit(cdnow), p => BetaGeo.LogLikelihood(new BetaGeoParameters(p[0], p[1], p[2], p[3]), cdnow));
            case "mbg-nbd":
                return (ModifiedBetaGeo.Fit(cdnow), p => ModifiedBetaGeo.LogLikelihood(new ModifiedBetaGeoParameters(p[0], p[1], p[2], p[3]), cdnow));
            case "pareto-nbd":
                return (ParetoNbd.Fit(cdnow), p => ParetoNbd.LogLikelihood(new ParetoNbdParameters(p[0], p[1], p[2], p[3]), cdnow));
            case "gamma-gamma":
                return (GammaGamma.Fit(CdnowData.X, CdnowData.Zbar, ReadOnlySpan<double>.Empty), p =>
                {
                    var g = new GammaGammaParameters(p[0], p[1], p[2]);
                    double sum = 0;
                    for (int i = 0; i < CdnowData.X.Length; i++)
                    {
                        if (CdnowData.X[i] > 0 && CdnowData.Zbar[i] > 0)
                        {
                            sum += GammaGamma.LogLikelihood(g, CdnowData.X[i], CdnowData.Zbar[i]);
                        }
                    }

                    return sum;
                });
            default:
                // BG/BB is a discrete-time model: its own published data set, the donations of FHS (2010).
                PurchaseHistories donations = BetaGeoBetaBinomialTests.Donations();
                return (BetaGeoBetaBinomial.Fit(donations), p =>
                {
                    var b = new BetaGeoBetaBinomialParameters(p[0], p[1], p[2], p[3]);
                    double sum = 0;
                    for (int i = 0; i < donations.Count; i++)
                    {
                        sum += donations.Weight[i] * BetaGeoBetaBinomial.LogLikelihood(b, (int)donations.Frequency[i], (int)donations.Recency[i], (int)donations.T[i]);
                    }

                    return sum;
                });
        }
    }
}
