namespace CustomerRetention.Probabilistic;

/// <summary>The continuous-time transaction models that <see cref="TransactionModel"/> fits and compares.</summary>
public enum TransactionModelKind
{
    /// <summary>BG/NBD (Fader, Hardie &amp; Lee 2005), <see cref="Probabilistic.BetaGeo"/>; the tool's name <c>bg-nbd</c>.</summary>
    BetaGeo = 0,

    /// <summary>MBG/NBD (Batislam, Denizel &amp; Filiztekin 2007), <see cref="Probabilistic.ModifiedBetaGeo"/>; <c>mbg-nbd</c>.</summary>
    ModifiedBetaGeo = 1,

    /// <summary>Pareto/NBD (Schmittlein, Morrison &amp; Colombo 1987), <see cref="Probabilistic.ParetoNbd"/>; <c>pareto-nbd</c>.</summary>
    ParetoNbd = 2,
}
