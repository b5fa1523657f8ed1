namespace CustomerRetention.Health;

/// <summary>
/// Randomised, reproducible assignment to the hold-out group: a customer is held out when a hash of their id and a seed,
/// read as a uniform number u in [0, 1), is below the fraction. The same id and seed always give the same answer, so a
/// customer stays in their group across runs, and over many ids the held-out share approaches the fraction.
/// </summary>
public static class HoldOut
{
    /// <summary>Whether <paramref name="customerId"/> is in the hold-out group.</summary>
    /// <param name="customerId">The customer id.</param>
    /// <param name="fraction">The share to hold out. Range: 0 ≤ fraction ≤ 1.</param>
    /// <param name="seed">The seed (change it to draw a new random split).</param>
    /// <returns>Whether the customer is held out.</returns>
    public static bool IsHeldOut(string customerId, double fraction, ulong seed = 0)
    {
        Guard.NotNull(customerId);
        Guard.Probability(fraction);
        return Uniform(customerId, seed) < fraction;
    }

    /// <summary>
    /// u in [0, 1): FNV-1a (64-bit) over the id's UTF-16 code units, mixed with the seed by the SplitMix64 finaliser
    /// (Steele, Lea &amp; Flood 2014), top 53 bits over 2⁵³.
    /// </summary>
    internal static double Uniform(string customerId, ulong seed)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in customerId)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        ulong z = h + seed + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
