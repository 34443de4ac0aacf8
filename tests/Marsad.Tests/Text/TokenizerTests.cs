using Marsad.Text;

namespace Marsad.Tests.Text;

public class TokenizerTests
{
    [Fact]
    public void EveryTokenSurfaceMatchesItsSpan()
    {
        var text = "قالَ المتحدث: «قُتل 17 شخصًا، وأُصيب ١٤٣٦ آخرون» في 2015/07/24, بنسبة 3.5% و٣٫٥ و١٬٠٠٠ (U.S.) ـ حسب الوكالة...";
        var tokens = Tokenizer.Tokenize(text);
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            Assert.Equal(i, t.Index);
            Assert.Equal(text.Substring(t.Start, t.Span.Length), t.Surface);
            Assert.Equal(ArabicNormalizer.Normalize(t.Surface), t.Normalized);
            foreach (var seg in t.Segments)
                Assert.True(t.Span.Contains(seg.Span));
        }
    }

    [Theory]
    [InlineData("1,000", "1,000")]
    [InlineData("6000", "6000")]
    [InlineData("١٤٣٦", "1436")]
    [InlineData("3.5", "3.5")]
    [InlineData("٣٫٥", "3٫5")]
    [InlineData("١٬٠٠٠", "1٬000")]
    [InlineData("50%", "50%")]
    [InlineData("2015/07/24", "2015/07/24")]
    public void NumbersAreSingleTokens(string surface, string normalized)
    {
        var tokens = Tokenizer.Tokenize("بلغ " + surface + " تقريبا");
        Assert.Equal(3, tokens.Count);
        Assert.Equal(TokenKind.Number, tokens[1].Kind);
        Assert.Equal(surface, tokens[1].Surface);
        Assert.Equal(normalized, tokens[1].Normalized);
    }

    [Fact]
    public void PunctuationIsSeparate()
    {
        var tokens = Tokenizer.Tokenize("«الهدنة»، (مؤقتة)؛ هل تصمد؟ نعم: 2015م.");
        var surfaces = tokens.Select(t => t.Surface).ToArray();
        Assert.Equal(["«", "الهدنة", "»", "،", "(", "مؤقتة", ")", "؛", "هل", "تصمد", "؟", "نعم", ":", "2015", "م", "."], surfaces);
        Assert.Equal(TokenKind.Punctuation, tokens[0].Kind);
        Assert.Equal(TokenKind.Number, tokens[13].Kind);
    }

    [Fact]
    public void LatinWordsAreLowerCasedAndWhole()
    {
        var t = Tokenizer.Tokenize("Reuters")[0];
        Assert.Equal("reuters", t.Normalized);
        Assert.Equal(TokenKind.Word, t.Kind);
        Assert.Single(t.Segments);
        Assert.Equal(["reuters"], t.MatchForms);
    }

    [Fact]
    public void DiacriticsAndTatweelStayInsideTheWord()
    {
        var tokens = Tokenizer.Tokenize("شخصًا بـ«العاجلة» وزيـــرُ");
        Assert.Equal("شخصًا", tokens[0].Surface);
        Assert.Equal("شخصا", tokens[0].Normalized);
        Assert.Equal("بـ", tokens[1].Surface);
        Assert.Equal("وزيـــرُ", tokens[^1].Surface);
        Assert.Equal("وزير", tokens[^1].Normalized);
    }

    [Fact]
    public void LoneTatweelIsADash()
    {
        var tokens = Tokenizer.Tokenize("سعود ـ رحمه الله ـ قال");
        Assert.Equal(TokenKind.Punctuation, tokens[1].Kind);
    }
}
