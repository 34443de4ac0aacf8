using Marsad.Text;

namespace Marsad.Tests.Text;

public class SentenceSplitterTests
{
    private static string[] Sentences(string text) =>
        SentenceSplitter.Split(text).Select(s => text.Substring(s.Start, s.Length)).ToArray();

    [Fact]
    public void ParagraphJoinStaysWithFirstSentence()
    {
        var s = Sentences("وصل المقاتلون من خارج ليبيا., السلطات الجزائرية أعلنت إغلاق الحدود.");
        Assert.Equal(["وصل المقاتلون من خارج ليبيا.,", "السلطات الجزائرية أعلنت إغلاق الحدود."], s);
    }

    [Theory]
    [InlineData("انتهى الاجتماع.,بدأ التصويت", 2)]
    [InlineData("هل انتهى الاجتماع؟, بدأ التصويت", 2)]
    [InlineData("قال المصدر إن الوضع هادئ،, وأضاف أن الدوريات مستمرة", 1)]
    public void CommaJoins(string text, int expected) => Assert.Equal(expected, Sentences(text).Length);

    [Fact]
    public void ArabicQuestionAndExclamationMarks()
    {
        var s = Sentences("هل يعود النازحون قريبا؟ لا أحد يعرف! لكن الأمل قائم.");
        Assert.Equal(["هل يعود النازحون قريبا؟", "لا أحد يعرف!", "لكن الأمل قائم."], s);
    }

    [Fact]
    public void ClosingQuotesBelongToTheSentence()
    {
        var s = Sentences("وقال الناطق: «لن نتراجع عن قرارنا.» ثم غادر القاعة. وأضاف \"الحوار مستمر.\" وانتهى اللقاء.");
        Assert.Equal(["وقال الناطق: «لن نتراجع عن قرارنا.»", "ثم غادر القاعة.", "وأضاف \"الحوار مستمر.\"", "وانتهى اللقاء."], s);
    }

    [Fact]
    public void CommaAndSemicolonDoNotSplit()
    {
        Assert.Single(Sentences("تقدمت القوات نحو المدينة، وسيطرت على المطار؛ وهو ما أكده المتحدث."));
    }

    [Fact]
    public void DecimalsAbbreviationsAndInitialsDoNotSplit()
    {
        Assert.Single(Sentences("بلغ النمو 3.5 في المئة بحسب د. سامي العلي من جامعة U.S. Naval وفق Mr. Smith."));
        Assert.Single(Sentences("نقلت وكالة (د.ب.أ) الخبر."));
        Assert.Single(Sentences("وكتبت جي. كيه. رولينغ روايتها الأولى."));
    }

    [Fact]
    public void EraLetterAfterYearEndsTheSentence()
    {
        var s = Sentences("تأسست البلدية عام 1950م. وبعد ذلك توسعت المدينة.");
        Assert.Equal(2, s.Length);
        Assert.Equal("تأسست البلدية عام 1950م.", s[0]);
    }

    [Fact]
    public void EllipsisIsAPauseNotAnEnd()
    {
        Assert.Single(Sentences("لسنا أعداء.. ولسنا حلفاء أيضا"));
        Assert.Equal(2, Sentences("ما زلنا ننتظر...». ثم صمت الجميع.").Length);
    }

    [Fact]
    public void SpansExcludeSurroundingSpaces()
    {
        var text = "جملة أولى. جملة ثانية؟ جملة ثالثة";
        foreach (var span in SentenceSplitter.Split(text))
        {
            Assert.NotEqual(' ', text[span.Start]);
            Assert.NotEqual(' ', text[span.End - 1]);
        }
        Assert.Equal(3, SentenceSplitter.Split(text).Count);
    }
}
