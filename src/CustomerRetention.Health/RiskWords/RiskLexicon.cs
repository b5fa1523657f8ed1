using System.Globalization;

namespace CustomerRetention.Health;

/// <summary>
/// A risk-word lexicon: phrases with weights in several languages, matched on normalised text
/// (<see cref="TextNormalizer"/>). The shipped examples (<see cref="Shipped"/>) are cancellation and
/// dissatisfaction words in English (<c>en</c>), Korean (<c>ko</c>) and Chinese (<c>zh</c>); a caller
/// replaces or extends them with <see cref="Parse"/>. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// The text format (UTF-8): one entry per line, <c>language TAB weight TAB phrase</c>, the weight in the
/// invariant culture in (0, 1]; lines that are empty or start with <c>#</c> are ignored. E.g.
/// <c>en	1	cancel*</c>, <c>ko	1	해지</c>, <c>zh	0.5	太贵</c>.
/// </remarks>
public sealed class RiskLexicon
{
    /// <summary>The languages whose examples are shipped as embedded resources.</summary>
    public static readonly IReadOnlyList<string> ShippedLanguages = ["en", "ko", "zh"];

    private static readonly Lazy<RiskLexicon> DefaultLexicon = new(() => Shipped([.. ShippedLanguages]));

    private readonly RiskPhrase[] _phrases;

    /// <summary>Creates the lexicon.</summary>
    /// <param name="phrases">The phrases. Range: none null.</param>
    public RiskLexicon(IEnumerable<RiskPhrase> phrases)
    {
        Guard.NotNull(phrases);
        _phrases = phrases.ToArray();
        for (int i = 0; i < _phrases.Length; i++)
        {
            if (_phrases[i] is null)
            {
                throw new ArgumentException(FormattableString.Invariant($"Phrase {i} is null."), nameof(phrases));
            }
        }
    }

    /// <summary>The shipped examples of every shipped language (English, Korean, Chinese).</summary>
    public static RiskLexicon Default => DefaultLexicon.Value;

    /// <summary>The phrases.</summary>
    public IReadOnlyList<RiskPhrase> Phrases => _phrases;

    /// <summary>The shipped examples of the given languages.</summary>
    /// <param name="languages">Language tags among <see cref="ShippedLanguages"/>.</param>
    /// <returns>The lexicon.</returns>
    public static RiskLexicon Shipped(params string[] languages)
    {
        Guard.NotNull(languages);
        var phrases = new List<RiskPhrase>();
        foreach (string language in languages)
        {
            if (language is null || !ShippedLanguages.Contains(language, StringComparer.Ordinal))
            {
                throw new ArgumentOutOfRangeException(nameof(languages), language, "No shipped lexicon for this language (shipped: en, ko, zh).");
            }

            string name = "CustomerRetention.Health.Lexicons." + language + ".tsv";
            using Stream stream = typeof(RiskLexicon).Assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException("The embedded lexicon " + name + " is missing.");
            using var reader = new StreamReader(stream);
            phrases.AddRange(Parse(reader).Phrases);
        }

        return new RiskLexicon(phrases);
    }

    /// <summary>Reads a lexicon in the text format (see the remarks).</summary>
    /// <param name="reader">The text.</param>
    /// <returns>The lexicon.</returns>
    /// <exception cref="FormatException">A line is not <c>language TAB weight TAB phrase</c> or its weight is out of range; the message names the line.</exception>
    public static RiskLexicon Parse(TextReader reader)
    {
        Guard.NotNull(reader);
        var phrases = new List<RiskPhrase>();
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }

            string[] fields = line.Split('\t');
            if (fields.Length != 3)
            {
                throw new FormatException(FormattableString.Invariant($"Lexicon line {lineNumber}: expected 'language<TAB>weight<TAB>phrase', found {fields.Length} field(s)."));
            }

            if (!double.TryParse(fields[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double weight) || !(weight > 0 && weight <= 1))
            {
                throw new FormatException(FormattableString.Invariant($"Lexicon line {lineNumber}: the weight '{fields[1]}' is not a number above 0 and at most 1."));
            }

            if (fields[0].Trim().Length == 0 || TextNormalizer.Normalize(fields[2]).TrimEnd('*').Trim().Length == 0)
            {
                throw new FormatException(FormattableString.Invariant($"Lexicon line {lineNumber}: the language and the phrase must not be empty."));
            }

            phrases.Add(new RiskPhrase(fields[2], weight, fields[0]));
        }

        return new RiskLexicon(phrases);
    }

    /// <summary>The phrases found in <paramref name="text"/>, each once, in the lexicon's order.</summary>
    /// <param name="text">Free text (a note, an e-mail, a survey comment).</param>
    /// <returns>The matches (empty when none).</returns>
    public IReadOnlyList<RiskWordMatch> Match(string text)
    {
        Guard.NotNull(text);
        string normalized = TextNormalizer.Normalize(text);
        var matches = new List<RiskWordMatch>();
        foreach (RiskPhrase phrase in _phrases)
        {
            int at = phrase.IndexIn(normalized);
            if (at >= 0)
            {
                matches.Add(new RiskWordMatch(phrase, at));
            }
        }

        return matches;
    }
}
