using System.Text;

namespace CustomerRetention.Health;

/// <summary>
/// The normal form in which risk words are matched: Unicode compatibility normalisation (NFKC, which also folds
/// full-width Latin letters and digits to their ASCII forms and half-width katakana to full-width), then case
/// folding (invariant lower case), then every run of white space as one space, trimmed.
/// </summary>
public static class TextNormalizer
{
    /// <summary>The normal form of <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The normalised text.</returns>
    public static string Normalize(string text)
    {
        Guard.NotNull(text);
        string folded = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var result = new StringBuilder(folded.Length);
        bool pendingSpace = false;
        foreach (char c in folded)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = result.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    /// <summary>
    /// Whether <paramref name="c"/> belongs to a script written without spaces between words (Han, Hiragana, Katakana,
    /// Hangul): a phrase in such a script matches inside a longer run of text, as Korean particles and Chinese
    /// compounds attach to it.
    /// </summary>
    internal static bool IsUnspaced(char c) =>
        c is (>= '\u1100' and <= '\u11FF') or (>= '\u3040' and <= '\u30FF') or (>= '\u3130' and <= '\u318F')
            or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uAC00' and <= '\uD7A3') or (>= '\uF900' and <= '\uFAFF');

    /// <summary>Whether <paramref name="c"/> continues a word (a letter, digit or combining mark).</summary>
    internal static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;
}
