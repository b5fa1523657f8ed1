using System.Text;

namespace CustomerRetention.Health.Tests;

/// <summary>The risk-word lexicon: its format, normalisation and matching (docs/health.md, "Risk words").</summary>
public sealed class RiskLexiconTests
{
    private static IReadOnlyList<string> Hits(RiskLexicon lexicon, string text) => lexicon.Match(text).Select(m => m.Phrase.Phrase).ToList();

    [Fact]
    public void ShippedLexicons_LoadEveryLanguage()
    {
        Assert.Equal(new[] { "en", "ko", "zh" }, RiskLexicon.Default.Phrases.Select(p => p.Language).Distinct());
        Assert.All(RiskLexicon.Default.Phrases, p => Assert.InRange(p.Weight, 0.01, 1));
        Assert.Equal(RiskLexicon.Default.Phrases.Count, RiskLexicon.Shipped("en").Phrases.Count + RiskLexicon.Shipped("ko").Phrases.Count + RiskLexicon.Shipped("zh").Phrases.Count);
        Assert.Equal("languages", Assert.Throws<ArgumentOutOfRangeException>(() => RiskLexicon.Shipped("fr")).ParamName);
    }

    [Theory]
    [InlineData("I want to CANCEL my plan", "cancel*")]
    [InlineData("We cancelled yesterday", "cancel*")]
    [InlineData("ＣＡＮＣＥＬ　ｔｈｅ　ｏｒｄｅｒ", "cancel*")]          // full-width Latin and an ideographic space (NFKC)
    [InlineData("this is\t too   EXPENSIVE", "too expensive")]          // white space runs and case
    [InlineData("해지하고 싶어요", "해지")]                               // Korean: the particle attaches, still a hit
    [InlineData("我想退订这个服务", "退订")]                                // Chinese: no spaces between words
    [InlineData("计划不续约了", "不续约")]
    public void Match_FindsThePhrase(string text, string phrase) =>
        Assert.Contains(phrase, Hits(RiskLexicon.Default, text));

    [Fact]
    public void Match_DecomposedHangul_IsNormalisedFirst()
    {
        string decomposed = "해지".Normalize(NormalizationForm.FormD); // conjoining jamo, as some keyboards and systems send it
        Assert.NotEqual("해지", decomposed);

        Assert.Contains("해지", Hits(RiskLexicon.Default, decomposed + "할게요"));
    }

    [Fact]
    public void Match_RespectsWordBoundaries()
    {
        var lexicon = new RiskLexicon([new RiskPhrase("cancel*", 1, "en"), new RiskPhrase("switch to", 0.5, "en"), new RiskPhrase("refund", 0.5, "en")]);

        Assert.Empty(Hits(lexicon, "a scancel b"));   // no word boundary before
        Assert.Empty(Hits(lexicon, "switch tower"));  // no boundary after "to"
        Assert.Empty(Hits(lexicon, "refunds"));       // no '*': the whole word only
        Assert.Equal(new[] { "switch to", "refund" }, Hits(lexicon, "Refund, then switch to them."));
    }

    [Fact]
    public void Match_ReturnsEachPhraseOnce_InLexiconOrder_WithPositions()
    {
        var lexicon = new RiskLexicon([new RiskPhrase("refund", 0.5, "en"), new RiskPhrase("cancel*", 1, "en")]);

        IReadOnlyList<RiskWordMatch> matches = lexicon.Match("Cancel now. Refund! cancel again");

        Assert.Equal(new[] { "refund", "cancel*" }, matches.Select(m => m.Phrase.Phrase));
        Assert.Equal(new[] { 12, 0 }, matches.Select(m => m.Position));
    }

    [Fact]
    public void Parse_ReadsTheFormat()
    {
        RiskLexicon lexicon = RiskLexicon.Parse(new StringReader("# comment\n\nen\t1\tcancel*\nko\t0.5\t환불\n"));

        Assert.Equal(2, lexicon.Phrases.Count);
        Assert.True(lexicon.Phrases[0].IsPrefix);
        Assert.Equal("cancel", lexicon.Phrases[0].Normalized);
        Assert.Equal(0.5, lexicon.Phrases[1].Weight);
        Assert.Equal("ko", lexicon.Phrases[1].Language);
    }

    [Theory]
    [InlineData("en\tcancel\n", "line 1")]
    [InlineData("# c\nen\t1.5\tcancel\n", "line 2")]
    [InlineData("en\tabc\tcancel\n", "line 1")]
    [InlineData("en\t1\t*\n", "line 1")]
    [InlineData("\t1\tcancel\n", "line 1")]
    public void Parse_BadLine_NamesIt(string text, string where) =>
        Assert.Contains(where, Assert.Throws<FormatException>(() => RiskLexicon.Parse(new StringReader(text))).Message, StringComparison.Ordinal);

    [Fact]
    public void Phrase_RejectsBadArguments()
    {
        Assert.Equal("weight", Assert.Throws<ArgumentOutOfRangeException>(() => new RiskPhrase("x", 0, "en")).ParamName);
        Assert.Equal("phrase", Assert.Throws<ArgumentException>(() => new RiskPhrase("  ", 1, "en")).ParamName);
        Assert.Equal("language", Assert.Throws<ArgumentException>(() => new RiskPhrase("x", 1, " ")).ParamName);
    }

    [Fact]
    public void Normalize_FoldsWidthCaseAndSpace() =>
        Assert.Equal("abc 123 カ", TextNormalizer.Normalize("  ＡＢＣ \u3000１２３  ｶ ")); // half-width katakana becomes full-width
}
