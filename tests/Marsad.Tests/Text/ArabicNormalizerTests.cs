using Marsad.Text;

namespace Marsad.Tests.Text;

public class ArabicNormalizerTests
{
    [Theory]
    [InlineData("أحمد", "احمد")]          // hamza on alef
    [InlineData("إجدابيا", "اجدابيا")]    // hamza under alef
    [InlineData("آمنة", "امنه")]          // madda, ta marbuta
    [InlineData("مستشفى", "مستشفي")]      // alef maqsura
    [InlineData("بنڤردان", "بنقردان")]    // Maghrebi veh
    [InlineData("الجزائـــــر", "الجزاير")] // tatweel, hamza on ya
    [InlineData("مَدْرَسَةٌ", "مدرسه")]     // diacritics
    [InlineData("مسؤول", "مسوول")]        // hamza on waw
    [InlineData("کابل", "كابل")]          // Persian kaf
    [InlineData("ایران", "ايران")]        // Persian ya
    [InlineData("٢٠١٦", "2016")]          // Arabic-Indic digits
    [InlineData("۱۷", "17")]              // Persian digits
    [InlineData("ISIS", "isis")]
    public void FoldsLetterVariantsToOneMatchForm(string input, string expected) =>
        Assert.Equal(expected, ArabicNormalizer.Normalize(input));

    [Fact]
    public void DirectionMarksAndJoinersDisappear() =>
        Assert.Equal("سرت", ArabicNormalizer.Normalize("\u200Fسر\u200Cت\u200E"));

    [Fact]
    public void SpellingVariantsOfOnePlaceMeet() =>
        Assert.Equal(ArabicNormalizer.Normalize("أجدابيا"), ArabicNormalizer.Normalize("إجدابيا"));

    [Fact]
    public void PresentationFormsReadAsTheirLetters()
    {
        // "المقاومة الشعبية" as PDF copies draw it, one glyph code per letter shape.
        const string drawn = "\uFE8D\uFEDF\uFEE4\uFED8\uFE8E\uFEED\uFEE3\uFE94 \uFE8D\uFEDF\uFEB8\uFECC\uFE92\uFEF4\uFE94";
        Assert.Equal(ArabicNormalizer.Normalize("المقاومة الشعبية"), ArabicNormalizer.Normalize(drawn));
        Assert.True(ArabicNormalizer.IsArabicLetter('\uFEE4'));
    }

    [Fact]
    public void PresentationFormsTokenizeLikePlainLetters()
    {
        var plain = new Document(new Article("a", "وتمكنت المقاومة الشعبية من أسر العشرات"));
        var drawn = new Document(new Article("b", "\uFEED\uFE97\uFEE4\uFEDC\uFEE8\uFE96 \uFE8D\uFEDF\uFEE4\uFED8\uFE8E\uFEED\uFEE3\uFE94 \uFE8D\uFEDF\uFEB8\uFECC\uFE92\uFEF4\uFE94 \uFEE3\uFEE6 \uFE83\uFEB3\uFEAE \uFE8D\uFEDF\uFECC\uFEB8\uFEAE\uFE8D\uFE95"));
        new TextAnalyzer().Process(plain);
        new TextAnalyzer().Process(drawn);
        Assert.Equal(plain.Tokens.Select(t => t.Normalized), drawn.Tokens.Select(t => t.Normalized));
    }
}
