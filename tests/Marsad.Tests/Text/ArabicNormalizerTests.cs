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
}
