using Marsad.Tests.Events;
using Marsad.Text;

namespace Marsad.Tests.Text;

// English sentences, numbers and times. Sentences written for these tests. Publication date: Tuesday 2016-10-25.
public class EnglishTextTests(EnglishFixture fx) : IClassFixture<EnglishFixture>
{
    [Theory]
    [InlineData("Mr. Smith said U.S. forces left on Jan. 5. The army then moved in.", 2)]
    [InlineData("Gen. Haftar spoke on Monday. Brig. Gen. Mismari agreed. Fighting resumed.", 3)]
    [InlineData("Was it an attack? Officials would not say! The town is calm.", 3)]
    public void SentencesEndAtStopsButNotAtAbbreviations(string text, int count)
    {
        Assert.Equal(count, fx.Analyze(text).Sentences.Count);
    }

    [Fact]
    public void ThePossessiveIsAMatchForm()
    {
        var doc = fx.Analyze("Libya's army advanced.");
        Assert.Contains("libya", doc.Tokens[0].MatchForms);
        // The text itself keeps its characters: spans point into it unchanged.
        Assert.Equal("Libya's", doc.Tokens[0].Surface);
    }

    [Theory]
    [InlineData("The attack killed 1,250 people.", "1,250", 1250, 1250, false)]
    [InlineData("The attack killed twenty-five people.", "twenty-five", 25, 25, false)]
    [InlineData("The attack killed three hundred and twelve people.", "three hundred and twelve", 312, 312, false)]
    [InlineData("The attack killed at least 12 people.", "at least 12", 12, 12, true)]
    [InlineData("The attack killed dozens of people.", "dozens", 20, 99, true)]
    [InlineData("The attack killed hundreds of people.", "hundreds", 200, 999, true)]
    [InlineData("The attack killed scores of people.", "scores", 20, 99, true)]
    [InlineData("The attack killed tens of thousands of people.", "tens of thousands", 20000, 99999, true)]
    [InlineData("The attack killed a dozen people.", "a dozen", 12, 12, false)]
    [InlineData("The attack killed several people.", "several", 3, 9, true)]
    public void NumbersAreReadLikeTheArabicOnes(string text, string span, long min, long max, bool approximate)
    {
        var doc = fx.Analyze(text);
        var n = Assert.Single(doc.Numbers);
        Assert.Equal(span, doc.Slice(n.Span));
        Assert.Equal((min, max, approximate), (n.Min, n.Max, n.Approximate));
    }

    [Theory]
    [InlineData("Turnout was 45 percent.")]
    [InlineData("The meeting began at 9:30.")]
    public void PercentagesAndClockTimesAreNotCounts(string text)
    {
        Assert.Empty(fx.Analyze(text).Numbers);
    }

    [Theory]
    [InlineData("It happened yesterday.", "yesterday", "2016-10-24", "2016-10-24", "day")]
    [InlineData("It happened today.", "today", "2016-10-25", "2016-10-25", "day")]
    [InlineData("It happened on Monday.", "Monday", "2016-10-24", "2016-10-24", "day")]
    [InlineData("It happened on Tuesday.", "Tuesday", "2016-10-25", "2016-10-25", "day")]
    [InlineData("It happened last Tuesday.", "last Tuesday", "2016-10-18", "2016-10-18", "day")]
    [InlineData("It happened on Sunday night.", "Sunday night", "2016-10-23", "2016-10-23", "day")]
    [InlineData("It happened overnight.", "overnight", "2016-10-24", "2016-10-25", "range")]
    [InlineData("It happened on March 12.", "March 12", "2016-03-12", "2016-03-12", "day")]
    [InlineData("It happened on 12 March 2015.", "12 March 2015", "2015-03-12", "2015-03-12", "day")]
    [InlineData("It happened on March 12, 2015.", "March 12, 2015", "2015-03-12", "2015-03-12", "day")]
    [InlineData("It happened on Nov. 3.", "Nov. 3", "2015-11-03", "2015-11-03", "day")]
    [InlineData("It happened in July.", "in July", "2016-07-01", "2016-07-31", "month")]
    [InlineData("It happened last week.", "last week", "2016-10-17", "2016-10-23", "week")]
    [InlineData("It happened last month.", "last month", "2016-09-01", "2016-09-30", "month")]
    [InlineData("It happened earlier this month.", "earlier this month", "2016-10-01", "2016-10-25", "range")]
    [InlineData("It happened two days ago.", "two days ago", "2016-10-23", "2016-10-23", "day")]
    [InlineData("It happened a week ago.", "a week ago", "2016-10-18", "2016-10-18", "day")]
    [InlineData("It happened days ago.", "days ago", "2016-10-18", "2016-10-24", "range")]
    [InlineData("It happened in 2014.", "in 2014", "2014-01-01", "2014-12-31", "year")]
    public void TimesResolveAgainstPublication(string text, string span, string start, string end, string precision)
    {
        var doc = fx.Analyze(text);
        var t = Assert.Single(doc.Times);
        Assert.Equal(span, doc.Slice(t.Span));
        Assert.NotNull(t.Value);
        Assert.Equal((PipelineFixture.Day(start), PipelineFixture.Day(end), precision), (t.Value!.Start, t.Value.End, t.Value.PrecisionCode));
    }

    [Theory]
    [InlineData("Officials may travel next week.")]
    [InlineData("Fighters may have withdrawn.")]
    public void MayTheVerbIsNoMonth(string text)
    {
        Assert.DoesNotContain(fx.Analyze(text).Times, t => t.Kind == "month" || t.Kind == "date");
    }

    [Fact]
    public void WithoutPublicationOnlyDatesWithAYearResolve()
    {
        var doc = fx.Analyze("It happened yesterday, not on March 12, 2015.", published: null);
        Assert.Equal(2, doc.Times.Count);
        Assert.Null(doc.Times[0].Value);
        Assert.Equal(PipelineFixture.Day("2015-03-12"), doc.Times[1].Value?.Start);
    }
}
