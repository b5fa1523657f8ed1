namespace CustomerRetention.Orleans.Model;

/// <summary>
/// Fitted BG/NBD parameters (Fader, Hardie &amp; Lee 2005, "Counting your customers the easy way"):
/// r and α of the gamma purchase rate (α in the model's time unit), a and b of the beta dropout
/// probability, with the maximised log-likelihood.
/// </summary>
/// <param name="R">r &gt; 0.</param>
/// <param name="Alpha">α &gt; 0, in the model's time unit.</param>
/// <param name="A">a &gt; 0.</param>
/// <param name="B">b &gt; 0.</param>
/// <param name="LogLikelihood">The log-likelihood at the parameters (full, with constants).</param>
/// <param name="Converged">Whether the optimiser met its convergence test.</param>
[GenerateSerializer]
[Alias("CustomerRetention.BetaGeoFit")]
public sealed record BetaGeoFit(
    [property: Id(0)] double R,
    [property: Id(1)] double Alpha,
    [property: Id(2)] double A,
    [property: Id(3)] double B,
    [property: Id(4)] double LogLikelihood,
    [property: Id(5)] bool Converged);
