namespace CustomerRetention.Probabilistic.Tests;

/// <summary>BG/BB at the level of the other models: DERT and residual CLV, a seeded simulator, holdout tracking, properties.</summary>
public class BetaGeoBetaBinomialCompletionTests
{
    // Fader, Hardie & Shang (2010), the donations: α 1.204, β 0.750, γ 0.657, δ 2.783.
    private static readonly BetaGeoBetaBinomialParameters Published = new(1.204, 0.750, 0.657, 2.783);

    [Theory]
    [InlineData(0, 0, 6, 0.1)]
    [InlineData(2, 4, 6, 0.1)]
    [InlineData(6, 6, 6, 0.1)]
    [InlineData(3, 5, 6, 0.25)]
    [InlineData(1, 1, 10, 0.05)]
    public void Dert_Equals_The_Discounted_Sum_Of_The_Conditional_Expectations(int x, int tx, int n, double d)
    {
        // Independent route: Σ_{k≥1} (E[X(n, n+k)] − E[X(n, n+k−1)]) / (1+d)^k with the model's own conditional
        // expectation (FHS 2010, eq. 13), summed until the terms vanish.
        double sum = 0, previous = 0;
        for (int k = 1; k <= 2000; k++)
        {
            double current = BetaGeoBetaBinomial.ConditionalExpectedPurchases(Published, k, x, tx, n);
            sum += (current - previous) / Math.Pow(1 + d, k);
            previous = current;
        }

        double dert = BetaGeoBetaBinomial.DiscountedExpectedResidualTransactions(Published, d, x, tx, n);
        Tolerance.Close(sum, dert, relative: 1e-9);
        Tolerance.Close(12.5 * dert, CustomerLifetimeValue.DiscountedResidual(Published, x, tx, n, 12.5, d), relative: 1e-15);
    }

    [Fact]
    public void Dert_Rises_With_Frequency_And_Recency_And_Falls_With_The_Discount_Rate()
    {
        double Dert(int x, int tx, double d) => BetaGeoBetaBinomial.DiscountedExpectedResidualTransactions(Published, d, x, tx, 6);
        Assert.True(Dert(2, 6, 0.1) > Dert(2, 4, 0.1));
        Assert.True(Dert(4, 6, 0.1) > Dert(2, 6, 0.1));
        Assert.True(Dert(3, 5, 0.05) > Dert(3, 5, 0.2));
        Assert.Throws<ArgumentOutOfRangeException>("discountRate", () => Dert(3, 5, 0));
    }

    [Fact]
    public void Simulator_Is_Seeded_And_A_Fit_Recovers_Its_Parameters()
    {
        int[] opportunities = Enumerable.Repeat(6, 20_000).ToArray();
        PurchaseHistories first = CustomerBaseSimulator.BetaGeoBetaBinomial(Published, opportunities, 7);
        PurchaseHistories again = CustomerBaseSimulator.BetaGeoBetaBinomial(Published, opportunities, 7);
        Assert.Equal(first.Frequency.ToArray(), again.Frequency.ToArray());
        Assert.Equal(first.Recency.ToArray(), again.Recency.ToArray());

        FitResult<BetaGeoBetaBinomialParameters> fit = BetaGeoBetaBinomial.Fit(first);
        double[] expected = [Published.Alpha, Published.Beta, Published.Gamma, Published.Delta];
        for (int i = 0; i < 4; i++)
        {
            Assert.True(Math.Abs(fit.ParameterValues[i] - expected[i]) < 4 * fit.StandardErrors[i], $"{fit.ParameterNames[i]}: {fit.ParameterValues[i]} vs {expected[i]} (SE {fit.StandardErrors[i]})");
        }
    }

    [Fact]
    public void Simulated_Frequencies_Match_The_Expected_Distribution()
    {
        // P(X(n) = x) (FHS 2010, eq. 7) against the simulator's histogram: within 4 binomial standard errors.
        const int Customers = 50_000;
        PurchaseHistories data = CustomerBaseSimulator.BetaGeoBetaBinomial(Published, Enumerable.Repeat(6, Customers).ToArray(), 3);
        double total = 0;
        for (int x = 0; x <= 6; x++)
        {
            double p = BetaGeoBetaBinomial.ProbabilityOfPurchases(Published, 6, x);
            total += p;
            int count = 0;
            foreach (double f in data.Frequency)
            {
                count += f == x ? 1 : 0;
            }

            Assert.True(Math.Abs(count - (Customers * p)) < 4 * Math.Sqrt(Customers * p * (1 - p)), $"x = {x}: {count} vs {Customers * p:F1}");
        }

        Tolerance.Close(1.0, total, relative: 1e-12);
    }

    [Fact]
    public void Holdout_Tracking_By_Frequency_Adds_Up_To_The_Unconditional_Expectation()
    {
        // Σ over a simulated calibration (n = 6) of E[X(6, 6+5) | x, t_x, 6] estimates N (E[X(11)] − E[X(6)]), with
        // E[X(n)] = Σ_x x P(X(n) = x) from the frequency distribution (FHS 2010, eq. 7): an independent route.
        const int Customers = 30_000;
        PurchaseHistories calibration = CustomerBaseSimulator.BetaGeoBetaBinomial(Published, Enumerable.Repeat(6, Customers).ToArray(), 9);
        IReadOnlyList<HoldoutBucket> buckets = HoldoutValidation.ByFrequency(Published, calibration, 5, new double[calibration.Count], 6);
        double expected = buckets.Sum(b => b.Customers * b.Expected);
        double unconditional = Customers * (MeanCount(11) - MeanCount(6));
        Tolerance.Close(unconditional, expected, relative: 0.03);
        Assert.Equal(Customers, buckets.Sum(b => b.Customers));
        Assert.All(buckets, b => Assert.Equal(0, b.Actual));
    }

    private static double MeanCount(int n) => Enumerable.Range(0, n + 1).Sum(x => x * BetaGeoBetaBinomial.ProbabilityOfPurchases(Published, n, x));
}
