namespace CustomerRetention.Health;

/// <summary>A lexicon phrase found in a text: the phrase and where it first matched the normalised text. Immutable.</summary>
public sealed class RiskWordMatch
{
    /// <summary>Creates the match.</summary>
    /// <param name="phrase">The phrase that matched.</param>
    /// <param name="position">Its first position in the normalised text. Range: ≥ 0.</param>
    public RiskWordMatch(RiskPhrase phrase, int position)
    {
        Phrase = Guard.NotNull(phrase);
        Position = Guard.NonNegative(position);
    }

    /// <summary>The phrase that matched.</summary>
    public RiskPhrase Phrase { get; }

    /// <summary>Its first position in the normalised text.</summary>
    public int Position { get; }

    /// <inheritdoc />
    public override string ToString() => Phrase.Phrase;
}
