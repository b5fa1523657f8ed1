namespace CustomerRetention.Health;

/// <summary>
/// The uplift of intervening: the save rate of the treated cases minus the save rate of the randomised hold-out,
/// d = x₁/n₁ − x₂/n₂, with Newcombe's hybrid score interval. Immutable.
/// </summary>
/// <remarks>
/// <para>The interval is method 10 of Newcombe (1998), "Interval estimation for the difference between independent
/// proportions: comparison of eleven methods", Statistics in Medicine 17, 873–890: with (lᵢ, uᵢ) the Wilson score
/// interval of each rate,
/// lᵢ, uᵢ = (2xᵢ + z² ∓ z·√(z² + 4xᵢ(1 − xᵢ/nᵢ))) / (2(nᵢ + z²)),
/// the limits are L = d − √((p₁ − l₁)² + (u₂ − p₂)²) and U = d + √((u₁ − p₁)² + (p₂ − l₂)²).
/// Unlike the Wald interval d ± z·√(p₁(1−p₁)/n₁ + p₂(1−p₂)/n₂) it stays within [−1, 1], is not degenerate at 0 or all
/// saves, and keeps close to its nominal coverage for small groups (Newcombe's evaluation).</para>
/// <para>z is the two-sided normal critical value Φ⁻¹((1 + level) / 2): 1.959963984540054 for 95 % (the default),
/// 1.6448536269514722 for 90 %, 2.5758293035489004 for 99 %.</para>
/// </remarks>
public sealed class UpliftEstimate
{
    /// <summary>z for a two-sided 95 % interval, Φ⁻¹(0.975).</summary>
    public const double Z95 = 1.959963984540054;

    private UpliftEstimate(int treatedSaved, int treated, int holdOutSaved, int holdOut, double z)
    {
        TreatedSaved = treatedSaved;
        Treated = treated;
        HoldOutSaved = holdOutSaved;
        HoldOut = holdOut;
        Z = z;
        double p1 = (double)treatedSaved / treated;
        double p2 = (double)holdOutSaved / holdOut;
        (double l1, double u1) = Wilson(treatedSaved, treated, z);
        (double l2, double u2) = Wilson(holdOutSaved, holdOut, z);
        Uplift = p1 - p2;
        Lower = Math.Max(-1, Uplift - Math.Sqrt(((p1 - l1) * (p1 - l1)) + ((u2 - p2) * (u2 - p2))));
        Upper = Math.Min(1, Uplift + Math.Sqrt(((u1 - p1) * (u1 - p1)) + ((p2 - l2) * (p2 - l2))));
    }

    /// <summary>Saved treated cases, x₁.</summary>
    public int TreatedSaved { get; }

    /// <summary>Closed treated cases, n₁.</summary>
    public int Treated { get; }

    /// <summary>Saved hold-out cases, x₂.</summary>
    public int HoldOutSaved { get; }

    /// <summary>Closed hold-out cases, n₂.</summary>
    public int HoldOut { get; }

    /// <summary>The critical value z used.</summary>
    public double Z { get; }

    /// <summary>The uplift d = x₁/n₁ − x₂/n₂: the share of treated customers saved because of the intervention.</summary>
    public double Uplift { get; }

    /// <summary>The interval's lower limit.</summary>
    public double Lower { get; }

    /// <summary>The interval's upper limit.</summary>
    public double Upper { get; }

    /// <summary>The estimate from counts.</summary>
    /// <param name="treatedSaved">Saved treated cases. Range: 0 ≤ treatedSaved ≤ treated.</param>
    /// <param name="treated">Closed treated cases. Range: ≥ 1.</param>
    /// <param name="holdOutSaved">Saved hold-out cases. Range: 0 ≤ holdOutSaved ≤ holdOut.</param>
    /// <param name="holdOut">Closed hold-out cases. Range: ≥ 1.</param>
    /// <param name="z">The two-sided critical value (see the remarks). Range: &gt; 0.</param>
    /// <returns>The estimate.</returns>
    public static UpliftEstimate FromCounts(int treatedSaved, int treated, int holdOutSaved, int holdOut, double z = Z95)
    {
        Guard.Positive(treated);
        Guard.Positive(holdOut);
        Guard.InRange(treatedSaved, 0, treated);
        Guard.InRange(holdOutSaved, 0, holdOut);
        Guard.Positive(z);
        return new UpliftEstimate(treatedSaved, treated, holdOutSaved, holdOut, z);
    }

    /// <summary>The Wilson score interval of x/n (Wilson 1927), the building block of the hybrid interval.</summary>
    /// <param name="successes">x. Range: 0 ≤ x ≤ n.</param>
    /// <param name="trials">n. Range: ≥ 1.</param>
    /// <param name="z">The two-sided critical value. Range: &gt; 0.</param>
    /// <returns>The limits.</returns>
    public static (double Lower, double Upper) Wilson(int successes, int trials, double z = Z95)
    {
        Guard.Positive(trials);
        Guard.InRange(successes, 0, trials);
        Guard.Positive(z);
        double x = successes;
        double n = trials;
        double centre = (2 * x) + (z * z);
        double half = z * Math.Sqrt((z * z) + (4 * x * (1 - (x / n))));
        double denominator = 2 * (n + (z * z));
        return (Math.Max(0, (centre - half) / denominator), Math.Min(1, (centre + half) / denominator));
    }

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"{Uplift:0.####} [{Lower:0.####}, {Upper:0.####}]");
}
