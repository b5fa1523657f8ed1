namespace CustomerRetention.Health;

/// <summary>
/// One entry of a risk-word lexicon: a phrase, its weight and its language. The phrase is matched in its normal form
/// (<see cref="TextNormalizer"/>); a trailing <c>*</c> matches any word ending (<c>cancel*</c> matches "cancel",
/// "cancelled", "cancellation"). In scripts written with spaces the phrase must start and end on word boundaries
/// ("cancel" does not match "cancellation"); in Han, Kana and Hangul it matches anywhere. Immutable.
/// </summary>
public sealed class RiskPhrase
{
    /// <summary>Creates the entry.</summary>
    /// <param name="phrase">The phrase as written (optionally ending in <c>*</c>). Range: not empty once normalised.</param>
    /// <param name="weight">Its weight: how strongly it signals risk. Range: 0 &lt; weight ≤ 1.</param>
    /// <param name="language">Its language tag, e.g. <c>en</c>, <c>ko</c>, <c>zh</c>. Range: not empty.</param>
    public RiskPhrase(string phrase, double weight, string language)
    {
        Guard.NotNull(phrase);
        Guard.NotNullOrWhiteSpace(language);
        string normalized = TextNormalizer.Normalize(phrase);
        IsPrefix = normalized.EndsWith("*", StringComparison.Ordinal);
        if (IsPrefix)
        {
            normalized = normalized.Substring(0, normalized.Length - 1).TrimEnd();
        }

        if (normalized.Length == 0)
        {
            throw new ArgumentException("The phrase is empty.", nameof(phrase));
        }

        if (!(weight > 0 && weight <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "The weight must be above 0 and at most 1.");
        }

        Phrase = phrase;
        Normalized = normalized;
        Weight = weight;
        Language = language.Trim();
    }

    /// <summary>The phrase as written.</summary>
    public string Phrase { get; }

    /// <summary>The phrase in normal form, without a trailing <c>*</c>.</summary>
    public string Normalized { get; }

    /// <summary>Whether the phrase ended in <c>*</c> (matches any word ending).</summary>
    public bool IsPrefix { get; }

    /// <summary>Its weight, in (0, 1].</summary>
    public double Weight { get; }

    /// <summary>Its language tag.</summary>
    public string Language { get; }

    /// <summary>The first position at which the phrase matches <paramref name="normalizedText"/>, or −1.</summary>
    /// <param name="normalizedText">Text already in normal form (<see cref="TextNormalizer.Normalize"/>).</param>
    /// <returns>The position, or −1.</returns>
    public int IndexIn(string normalizedText)
    {
        Guard.NotNull(normalizedText);
        bool boundaryBefore = !TextNormalizer.IsUnspaced(Normalized[0]) && TextNormalizer.IsWordChar(Normalized[0]);
        char last = Normalized[Normalized.Length - 1];
        bool boundaryAfter = !IsPrefix && !TextNormalizer.IsUnspaced(last) && TextNormalizer.IsWordChar(last);
        int from = 0;
        while (from <= normalizedText.Length - Normalized.Length)
        {
            int at = normalizedText.IndexOf(Normalized, from, StringComparison.Ordinal);
            if (at < 0)
            {
                return -1;
            }

            int end = at + Normalized.Length;
            bool startOk = !boundaryBefore || at == 0 || !TextNormalizer.IsWordChar(normalizedText[at - 1]);
            bool endOk = !boundaryAfter || end == normalizedText.Length || !TextNormalizer.IsWordChar(normalizedText[end]);
            if (startOk && endOk)
            {
                return at;
            }

            from = at + 1;
        }

        return -1;
    }

    /// <inheritdoc />
    public override string ToString() => Phrase;
}
