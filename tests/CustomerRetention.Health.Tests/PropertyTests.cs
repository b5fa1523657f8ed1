using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerRetention.Health.Tests;

/// <summary>Invariants of the lexicon's normalisation and of the uplift interval.</summary>
public sealed class PropertyTests
{
    private static readonly Gen<RiskPhrase> ShippedPhrase = Gen.Elements(RiskLexicon.Default.Phrases.ToArray());

    [Fact]
    public void EveryShippedPhrase_HitsItself_InAnyCaseWidthOrNormalForm() =>
        Properties.ForAll(Gen.Zip(ShippedPhrase, Gen.Choose(0, 3)).ToArbitrary(), t =>
        {
            (RiskPhrase phrase, int variant) = t;
            string text = phrase.Normalized;
            text = variant switch
            {
                0 => text.ToUpperInvariant(),
                1 => FullWidth(text),
                2 => text.Normalize(NormalizationForm.FormD),
                _ => "  " + text.Replace(" ", " \t ", StringComparison.Ordinal) + "!",
            };
            return RiskLexicon.Default.Match("before, " + text + " after").Any(m => ReferenceEquals(m.Phrase, phrase));
        });

    [Fact]
    public void Normalize_IsIdempotent() =>
        Properties.ForAll(Gen.Elements("ＡＢＣ", "Ünïcödé", "해지", "退订", " a \t b ", "ﬁne", "Ⅻ", "İstanbul").ListOf().Select(l => string.Concat(l)).ToArbitrary(), s =>
            TextNormalizer.Normalize(TextNormalizer.Normalize(s)) == TextNormalizer.Normalize(s));

    [Fact]
    public void Uplift_IntervalHoldsTheEstimate_WithinMinusOneToOne() =>
        Properties.ForAll(Gen.Zip(Gen.Zip(Gen.Choose(1, 300), Gen.Choose(1, 300)), Gen.Zip(Gen.Choose(0, 1000), Gen.Choose(0, 1000))).ToArbitrary(), t =>
        {
            ((int n1, int n2), (int a, int b)) = t;
            int x1 = a * n1 / 1000;
            int x2 = b * n2 / 1000;
            UpliftEstimate e = UpliftEstimate.FromCounts(x1, n1, x2, n2);
            UpliftEstimate wider = UpliftEstimate.FromCounts(x1, n1, x2, n2, z: 2.5758293035489004);
            return e.Lower <= e.Uplift && e.Uplift <= e.Upper && e.Lower >= -1 && e.Upper <= 1
                && wider.Lower <= e.Lower + 1e-12 && wider.Upper >= e.Upper - 1e-12;
        });

    private static string FullWidth(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            b.Append(c is >= '!' and <= '~' ? (char)(c - '!' + '\uFF01') : c == ' ' ? '\u3000' : c);
        }

        return b.ToString();
    }
}
