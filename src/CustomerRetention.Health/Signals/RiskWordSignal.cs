namespace CustomerRetention.Health;

/// <summary>
/// Risk words found in what the customer wrote or said (notes, e-mails, survey comments): the lexicon phrases that hit. Immutable.
/// </summary>
/// <remarks>
/// Scale: the sum of the weights of the distinct phrases that hit (each phrase once however often it occurs).
/// Risk: r = min(1, sum) — one explicit cancellation word (weight 1) is the full risk, two price complaints (0.5 each) too.
/// </remarks>
public sealed class RiskWordSignal
{
    private readonly RiskWordMatch[] _matches;

    /// <summary>Creates the signal from matches (e.g. <see cref="RiskLexicon.Match"/> over the customer's texts).</summary>
    /// <param name="matches">The matches. Range: none null.</param>
    public RiskWordSignal(IEnumerable<RiskWordMatch> matches)
    {
        Guard.NotNull(matches);
        var seen = new HashSet<RiskPhrase>();
        var distinct = new List<RiskWordMatch>();
        foreach (RiskWordMatch m in matches)
        {
            if (m is null)
            {
                throw new ArgumentException("A match is null.", nameof(matches));
            }

            if (seen.Add(m.Phrase))
            {
                distinct.Add(m);
            }
        }

        _matches = distinct.ToArray();
    }

    /// <summary>The signal of the phrases of <paramref name="lexicon"/> found in any of <paramref name="texts"/>.</summary>
    /// <param name="lexicon">The lexicon.</param>
    /// <param name="texts">The texts. Range: none null.</param>
    /// <returns>The signal.</returns>
    public static RiskWordSignal Find(RiskLexicon lexicon, IEnumerable<string> texts)
    {
        Guard.NotNull(lexicon);
        Guard.NotNull(texts);
        var matches = new List<RiskWordMatch>();
        foreach (string text in texts)
        {
            matches.AddRange(lexicon.Match(text ?? throw new ArgumentException("A text is null.", nameof(texts))));
        }

        return new RiskWordSignal(matches);
    }

    /// <summary>The distinct phrases that hit, in the order first found.</summary>
    public IReadOnlyList<RiskWordMatch> Matches => _matches;

    /// <summary>The sum of the weights of the distinct phrases that hit.</summary>
    public double TotalWeight => _matches.Sum(m => m.Phrase.Weight);

    /// <summary>The risk min(1, sum of weights).</summary>
    /// <returns>The risk.</returns>
    public double Risk() => Math.Min(1.0, TotalWeight);

    /// <summary>The reason in words, e.g. "risk words: 'cancel*', '해지'".</summary>
    /// <returns>The reason.</returns>
    public string Describe() => _matches.Length == 0
        ? "no risk words"
        : "risk words: " + string.Join(", ", _matches.Select(m => "'" + m.Phrase.Phrase + "'"));
}
