using Marsad.Text;

namespace Marsad.Tests.Text;

public class CliticSegmenterTests
{
    private static string Roles(CliticAnalysis a) => string.Join("+", a.Segments.Select(s => s.Role.ToString()));

    [Fact]
    public void ConjunctionPrepositionArticle()
    {
        var a = CliticSegmenter.Segment("وبالمدينة");
        Assert.Equal(["وبالمدينه", "بالمدينه", "المدينه", "مدينه"], a.MatchForms);
        Assert.Equal("Conjunction+Preposition+Article+Stem", Roles(a));
        Assert.Equal("مدينه", a.Stem);
        Assert.Equal("المدينة", "وبالمدينة".Substring(a.Segments[2].Span.Start, a.Segments[2].Span.Length + a.Segments[3].Span.Length));
    }

    [Fact]
    public void LamBeforeLibyaIsAPreposition()
    {
        var a = CliticSegmenter.Segment("لليبيا");
        Assert.Equal("لليبيا", a.MatchForms[0]);
        Assert.Equal("ليبيا", a.MatchForms[1]);
        Assert.Equal("ليبيا", a.Stem);
        Assert.Equal("Preposition+Stem", Roles(a));
    }

    [Fact]
    public void LamLamContraction()
    {
        var a = CliticSegmenter.Segment("للسلاح");
        Assert.Equal("Preposition+Article+Stem", Roles(a));
        Assert.Equal("سلاح", a.Stem);
        Assert.Contains("السلاح", a.MatchForms);
        Assert.Contains("سلاح", a.MatchForms);
    }

    [Fact]
    public void ShortStemAfterPrepositionStaysWholeButIsAForm()
    {
        var a = CliticSegmenter.Segment("بسرت");
        Assert.Equal(["بسرت", "سرت"], a.MatchForms);
        Assert.Equal("بسرت", a.Stem);
    }

    [Fact]
    public void SayturaIsNotFuture()
    {
        var a = CliticSegmenter.Segment("وسيطرت");
        Assert.Equal(["وسيطرت", "سيطرت"], a.MatchForms);
        Assert.Equal("سيطرت", a.Stem);
        Assert.Equal("Conjunction+Stem", Roles(a));
    }

    [Fact]
    public void FutureSin()
    {
        var a = CliticSegmenter.Segment("وسيكون");
        Assert.Equal("Conjunction+Future+Stem", Roles(a));
        Assert.Equal("يكون", a.Stem);
    }

    [Fact]
    public void PronounAfterPluralConstruct()
    {
        var a = CliticSegmenter.Segment("مقاتليها");
        Assert.Equal("مقاتلي", a.Stem);
        Assert.Equal("Stem+Pronoun", Roles(a));
        Assert.Contains("مقاتلي", a.MatchForms);
        Assert.Contains("مقاتلين", a.MatchForms);
    }

    [Fact]
    public void TaMarbutaBeforePronoun()
    {
        var a = CliticSegmenter.Segment("مدينته");
        Assert.Equal("مدينه", a.Stem);
        Assert.Equal("Stem+Pronoun", Roles(a));
        Assert.Equal("مدينته", a.MatchForms[0]);
        Assert.Equal("مدينه", a.MatchForms[1]);
    }

    [Theory]
    [InlineData("وزير")]
    [InlineData("ليبيا")]
    [InlineData("بن")]
    [InlineData("المدينة")]
    [InlineData("كانت")]
    [InlineData("الله")]
    [InlineData("على")]
    [InlineData("آلاف")]
    [InlineData("ألفا")]
    public void WordsThatOnlyLookCliticized(string word)
    {
        var a = CliticSegmenter.Segment(word);
        Assert.DoesNotContain(a.Segments, s => s.Role is SegmentRole.Conjunction or SegmentRole.Preposition or SegmentRole.Pronoun);
        if (word != "المدينة")
            Assert.Single(a.Segments);
    }

    [Fact]
    public void ArticleIsKeptAsAForm()
    {
        var a = CliticSegmenter.Segment("والجيش");
        Assert.Equal(["والجيش", "الجيش", "جيش"], a.MatchForms);
        Assert.Equal("Conjunction+Article+Stem", Roles(a));
    }

    [Fact]
    public void TaMarbutaIsNotAPronoun()
    {
        var a = CliticSegmenter.Segment("مدينة");
        Assert.Equal(["مدينه"], a.MatchForms);
    }

    [Fact]
    public void SegmentsCoverTheOriginalWithDiacritics()
    {
        var text = "قال وَبِالمَدِينَةِ";
        var span = new TextSpan(4, text.Length - 4);
        var a = CliticSegmenter.Segment(text, span);
        Assert.Equal(span.Start, a.Segments[0].Span.Start);
        Assert.Equal(span.End, a.Segments[^1].Span.End);
        for (int i = 1; i < a.Segments.Count; i++)
            Assert.Equal(a.Segments[i - 1].Span.End, a.Segments[i].Span.Start);
        Assert.Equal("وَ", text.Substring(a.Segments[0].Span.Start, a.Segments[0].Span.Length));
        Assert.Equal("مدينه", a.Stem);
    }

    [Fact]
    public void NoFormShorterThanTwoLetters()
    {
        foreach (var w in new[] { "وله", "فيه", "بها", "لهم", "وبه", "كما" })
            Assert.All(CliticSegmenter.Segment(w).MatchForms, f => Assert.True(f.Length >= 2, w + " → " + f));
    }
}
