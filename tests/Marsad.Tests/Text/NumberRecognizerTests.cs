using Marsad.Text;

namespace Marsad.Tests.Text;

public class NumberRecognizerTests
{
    private static Document Analyze(string text)
    {
        var doc = new Document(new Article("t", text));
        new TextAnalyzer().Process(doc);
        new NumberRecognizer().Process(doc);
        return doc;
    }

    private static NumberMention Single(string text)
    {
        var doc = Analyze(text);
        return Assert.Single(doc.Numbers);
    }

    [Theory]
    [InlineData("قتل 17 شخصا", "17", 17)]
    [InlineData("قتل ١٧ شخصا", "١٧", 17)]
    [InlineData("قتل سبعة عشر شخصا", "سبعة عشر", 17)]
    [InlineData("نزح ستة آلاف شخص", "ستة آلاف", 6000)]
    [InlineData("وصلت 48 مروحية", "48", 48)]
    [InlineData("أصيب ثلاثة وعشرين مدنيا", "ثلاثة وعشرين", 23)]
    [InlineData("اعتقل مائتين من المشتبه بهم", "مائتين", 200)]
    [InlineData("سقطت أربعة صواريخ", "أربعة", 4)]
    [InlineData("لقي 297 شخصًا حتفهم", "297", 297)]
    [InlineData("قتل خمسة وعشرين عنصرا", "خمسة وعشرين", 25)]
    [InlineData("شارك ثلاثمائة متطوع", "ثلاثمائة", 300)]
    [InlineData("شارك ثلاث مئة متطوع", "ثلاث مئة", 300)]
    [InlineData("فر 3 آلاف لاجئ", "3 آلاف", 3000)]
    [InlineData("بلغت الخسائر 2.5 مليون دولار", "2.5 مليون", 2_500_000)]
    [InlineData("تضم ألف و500 مقاتل", "ألف و500", 1500)]
    [InlineData("تضم المدينة 1,000 منزل", "1,000", 1000)]
    [InlineData("يسكنها ١٬٠٠٠ نسمة", "١٬٠٠٠", 1000)]
    [InlineData("دمرت ألفا منزل", "ألفا", 1000)]
    [InlineData("نزح ألفين من السكان", "ألفين", 2000)]
    [InlineData("أصيب اثنا عشر جنديا", "اثنا عشر", 12)]
    [InlineData("وقتل إحدى عشرة امرأة", "إحدى عشرة", 11)]
    [InlineData("أصيب مائة وخمسون شخصا", "مائة وخمسون", 150)]
    [InlineData("خرج ثلاثة آلاف وخمسمائة متظاهر", "ثلاثة آلاف وخمسمائة", 3500)]
    [InlineData("قتل شخص واحد", "واحد", 1)]
    [InlineData("أصيب اثنان من الحراس", "اثنان", 2)]
    [InlineData("هاجم المسلحون بثلاثة زوارق", "ثلاثة", 3)]
    [InlineData("تبرع بمليون دولار", "مليون", 1_000_000)]
    public void ExactNumbers(string text, string spanText, long value)
    {
        var doc = Analyze(text);
        var n = Assert.Single(doc.Numbers);
        Assert.Equal(spanText, doc.Slice(n.Span));
        Assert.Equal(value, n.Min);
        Assert.Equal(value, n.Max);
        Assert.True(n.IsExact);
    }

    [Theory]
    [InlineData("نزح مئات المدنيين", "مئات", 200, 999)]
    [InlineData("قتل عشرات الجنود", "عشرات", 20, 99)]
    [InlineData("اعتقل العشرات من المحتجين", "العشرات", 20, 99)]
    [InlineData("فر آلاف السكان", "آلاف", 2000, 9999)]
    [InlineData("تجمع بضع مئات من المحتجين", "بضع مئات", 300, 900)]
    [InlineData("نزح بضعة آلاف من السكان", "بضعة آلاف", 3000, 9000)]
    [InlineData("خرج عشرات الآلاف في مسيرات", "عشرات الآلاف", 20000, 99999)]
    [InlineData("اعتقل بضعة أشخاص", "بضعة", 3, 9)]
    [InlineData("سقط بين 10-15 قتيلا", "10-15", 10, 15)]
    public void VagueAmountsAreApproximateRanges(string text, string spanText, long min, long max)
    {
        var doc = Analyze(text);
        var n = Assert.Single(doc.Numbers);
        Assert.Equal(spanText, doc.Slice(n.Span));
        Assert.Equal(min, n.Min);
        Assert.Equal(max, n.Max);
        Assert.True(n.Approximate);
    }

    [Theory]
    [InlineData("قتل نحو 40 مسلحا", "نحو 40", 40)]
    [InlineData("نزح حوالى ألفين", "حوالى ألفين", 2000)]
    [InlineData("أصيب قرابة خمسين شخصا", "قرابة خمسين", 50)]
    [InlineData("قتل ما يقارب 300 شخص", "ما يقارب 300", 300)]
    [InlineData("اعتقل ما يزيد عن عشرين شابا", "ما يزيد عن عشرين", 20)]
    [InlineData("قتل أكثر من 50 شخصا", "أكثر من 50", 50)]
    [InlineData("وصل أقل من مائة لاجئ", "أقل من مائة", 100)]
    [InlineData("نزح 300 شخص تقريبًا", "300 شخص تقريبًا", 300)]
    public void HedgesWidenTheSpanAndMakeItApproximate(string text, string spanText, long value)
    {
        var doc = Analyze(text);
        var n = Assert.Single(doc.Numbers);
        if (spanText.EndsWith("تقريبًا", StringComparison.Ordinal))
            Assert.EndsWith("تقريبًا", doc.Slice(n.Span), StringComparison.Ordinal);
        else
            Assert.Equal(spanText, doc.Slice(n.Span));
        Assert.Equal(value, n.Min);
        Assert.Equal(value, n.Max);
        Assert.True(n.Approximate);
    }

    [Theory]
    [InlineData("ارتفعت الأسعار 15% خلال العام")]
    [InlineData("ارتفعت الأسعار ١٥٪ خلال العام")]
    [InlineData("ارتفعت الأسعار 15 في المئة خلال العام")]
    [InlineData("ارتفعت الأسعار خمسة بالمئة خلال العام")]
    [InlineData("وصل الوفد يوم الاثنين الماضي")]
    [InlineData("احتل الفريق المركز الأول والثاني")]
    [InlineData("احتفلت المدينة بالعيد الحادي عشر")]
    [InlineData("وقع الهجوم في 2015/07/24 صباحا")]
    [InlineData("عاد الهدوء في القرن العشرين")]
    [InlineData("هذه مهارات القرن الحادي والعشرين")]
    [InlineData("تناول كمية قليلة من الطعام وكميات من الماء")]
    [InlineData("شاركت طائرات F-16 في الغارات")]
    public void NotCounts(string text) => Assert.Empty(Analyze(text).Numbers);

    [Fact]
    public void DigitYearsAreStillNumbers()
    {
        var n = Single("تأسست الجمعية عام 2003 في الرياض");
        Assert.Equal(2003, n.Min);
    }

    [Fact]
    public void DecimalAloneIsFloorToCeiling()
    {
        var n = Single("بلغ النمو 3.5 نقطة");
        Assert.Equal(3, n.Min);
        Assert.Equal(4, n.Max);
    }

    [Fact]
    public void SeparateNumbersStaySeparate()
    {
        var doc = Analyze("تراوحت أعمارهم بين ثمانية و12 عاما، وقتل خمسة خمسة");
        Assert.Equal([8L, 12L, 5L, 5L], doc.Numbers.Select(n => n.Min).ToArray());
    }
}
