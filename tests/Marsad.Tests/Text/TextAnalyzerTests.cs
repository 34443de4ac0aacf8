using Marsad.Text;

namespace Marsad.Tests.Text;

public class TextAnalyzerTests
{
    // Written for these tests; not taken from any news source.
    private const string Paragraph =
        "أعلنت السلطات المحلية في مدينة الزاوية، صباح الأحد، أن اشتباكات عنيفة اندلعت بين فصيلين مسلحين قرب الميناء., " +
        "وقال مسؤول أمني إن سبعة عشر شخصًا قتلوا وأصيب نحو 40 آخرين، بينهم ١٢ طفلا. " +
        "هل تصمد الهدنة التي أُعلنت مساء أمس؟ يرى مراقبون أن الوضع ما زال هشًّا! " +
        "وأضاف المسؤول: «نزح بضع مئات من العائلات باتجاه الجنوب.» وتقدّر منظمات الإغاثة كلفة الأضرار بـ2.5 مليون دينار.";

    [Fact]
    public void ParagraphIsSplitAndTokenized()
    {
        var doc = new Document(new Article("p", Paragraph));
        new TextAnalyzer().Process(doc);
        new NumberRecognizer().Process(doc);

        Assert.Equal(6, doc.Sentences.Count);
        Assert.EndsWith("الميناء.,", doc.Slice(doc.Sentences[0].Span), StringComparison.Ordinal);
        Assert.EndsWith("أمس؟", doc.Slice(doc.Sentences[2].Span), StringComparison.Ordinal);
        Assert.EndsWith("الجنوب.»", doc.Slice(doc.Sentences[4].Span), StringComparison.Ordinal);
        Assert.StartsWith("وتقدّر", doc.Slice(doc.Sentences[5].Span), StringComparison.Ordinal);

        int expectedFirst = 0;
        for (int s = 0; s < doc.Sentences.Count; s++)
        {
            var sentence = doc.Sentences[s];
            Assert.Equal(s, sentence.Index);
            Assert.Equal(expectedFirst, sentence.FirstToken);
            expectedFirst += sentence.TokenCount;
            foreach (var t in doc.TokensOf(sentence))
                Assert.True(sentence.Span.Contains(t.Span));
        }
        Assert.Equal(doc.Tokens.Count, expectedFirst);
        for (int i = 0; i < doc.Tokens.Count; i++)
        {
            Assert.Equal(i, doc.Tokens[i].Index);
            Assert.Equal(doc.Slice(doc.Tokens[i].Span), doc.Tokens[i].Surface);
        }

        var numbers = doc.Numbers.Select(n => (doc.Slice(n.Span), n.Min, n.Max, n.Approximate)).ToArray();
        Assert.Equal(
            [("سبعة عشر", 17L, 17L, false), ("نحو 40", 40L, 40L, true), ("١٢", 12L, 12L, false),
             ("بضع مئات", 300L, 900L, true), ("2.5 مليون", 2_500_000L, 2_500_000L, false)],
            numbers);

        var ittijah = doc.Tokens.First(t => t.Surface == "باتجاه");
        Assert.Contains("اتجاه", ittijah.MatchForms);
        var wa = doc.Tokens.First(t => t.Surface == "وقال");
        Assert.Equal("قال", wa.Stem);
    }

    [Fact]
    public void EmptyDocument()
    {
        var doc = new Document(new Article("e", "   "));
        new TextAnalyzer().Process(doc);
        new NumberRecognizer().Process(doc);
        Assert.Empty(doc.Sentences);
        Assert.Empty(doc.Tokens);
        Assert.Empty(doc.Numbers);
    }
}
