using Marsad.Text;

namespace Marsad.Tests.Events;

/// <summary>
/// The English path on awkward input: nothing throws, and every span it reports lies inside the text and says
/// what the text says there. A seeded shuffle of English news words (fixed seed, so a failure can be replayed).
/// </summary>
public class EnglishRobustnessTests(EnglishFixture fx) : IClassFixture<EnglishFixture>
{
    private static readonly string[] Words =
    [
        "Gunmen", "killed", "at", "least", "12", "1,200", "people", "in", "Sirte", "on", "Monday", "night", ".", ",", "U.S.", "forces",
        "were", "attacked", "by", "Islamic", "State", "militants", "May", "March", "12th", "2016", "-", "'s", "Tunisia's", "army",
        "no", "clashes", "according", "to", "the", "ministry", "said", "Jan.", "twenty", "-", "five", "dozens", "of", "ago", "two", "days",
        "last", "week", "\"", "(", ")", "?", "!", "border", "with", "Libya", "protesters", "rallied", "قتل", "مسلحون", "Mr.", "Gen.",
        "al", "-", "Qaeda", "linked", "fled", "towards", "Kasserine", "province", "reportedly", "denied", "will", "deploy", "…", ";",
    ];

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("...")]
    [InlineData("12")]
    [InlineData("May")]
    [InlineData("Mr.")]
    [InlineData("U.S.")]
    [InlineData("'s")]
    [InlineData("- - -")]
    [InlineData("قتل مسلحون ثلاثة جنود في سرت أمس.")]
    [InlineData("Gunmen killed")]
    [InlineData("killed by")]
    [InlineData("clashes between")]
    [InlineData("according to")]
    [InlineData("on March 31, 2016 and on February 30, 2016")]
    public void ShortAndOddTextsDoNotThrow(string text)
    {
        var (doc, events) = fx.Process(text);
        AssertSpansValid(doc, events);
    }

    [Fact]
    public void ShuffledNewsWordsDoNotThrowAndSpansStayInTheText()
    {
        var rng = new Random(20261125);
        for (int n = 0; n < 400; n++)
        {
            var text = string.Join(' ', Enumerable.Range(0, rng.Next(1, 60)).Select(_ => Words[rng.Next(Words.Length)]));
            var (doc, events) = fx.Process(text, rng.Next(3) == 0 ? null : "2016-10-25");
            AssertSpansValid(doc, events);
        }
    }

    private static void AssertSpansValid(Document doc, IReadOnlyList<Marsad.Events.EventRecord> events)
    {
        foreach (var e in events)
        {
            Assert.InRange(e.Evidence.Start, 0, doc.Text.Length);
            Assert.InRange(e.Evidence.End, e.Evidence.Start, doc.Text.Length);
            Assert.Equal(doc.Text[e.Evidence.Start..e.Evidence.End], e.EvidenceText);
            foreach (var (_, span) in e.ArgumentSpans)
                Assert.InRange(span.End, span.Start, doc.Text.Length);
        }
        foreach (var t in doc.Times)
            Assert.InRange(t.Span.End, t.Span.Start, doc.Text.Length);
        foreach (var num in doc.Numbers)
            Assert.True(num.Min <= num.Max);
    }
}
