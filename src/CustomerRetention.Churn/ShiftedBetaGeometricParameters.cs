namespace CustomerRetention.Churn;

/// <summary>
/// The two parameters of the shifted-beta-geometric model (Fader &amp; Hardie 2007): the churn probability θ of a
/// customer is Beta(α, β) across customers. The value a fit reports
/// (<see cref="FitResult{TParameters}.Parameters"/>); <see cref="ShiftedBetaGeometric"/> is the model built from
/// it, with its predictions. Immutable value.
/// </summary>
public readonly record struct ShiftedBetaGeometricParameters
{
    /// <summary>Creates the parameters.</summary>
    /// <param name="alpha">α of the Beta mixing distribution of churn probabilities. Range: α &gt; 0.</param>
    /// <param name="beta">β of the Beta mixing distribution. Range: β &gt; 0.</param>
    public ShiftedBetaGeometricParameters(double alpha, double beta)
    {
        Alpha = Guard.Positive(alpha);
        Beta = Guard.Positive(beta);
    }

    /// <summary>α (&gt; 0).</summary>
    public double Alpha { get; }

    /// <summary>β (&gt; 0).</summary>
    public double Beta { get; }
}
