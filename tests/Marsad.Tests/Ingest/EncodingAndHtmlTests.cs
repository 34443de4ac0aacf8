using Marsad.Text;
using System.Text;
using Marsad.Ingest;

namespace Marsad.Tests.Ingest;

/// <summary>Encodings detected from BOM, header, meta tag and content; web pages turned into clean articles.</summary>
public sealed class EncodingAndHtmlTests
{
    // Written for these tests: a fictional municipal announcement.
    internal const string Arabic = "أعلنت بلدية المدينة الساحلية يوم الاثنين افتتاح سوق جديد للخضار قرب الميناء، وقال رئيس البلدية إن السوق سيخدم آلاف السكان في الأحياء المجاورة.";

    private static Encoding Cp(int page)
    {
        TextDecoder.EnsureCodePages();
        return Encoding.GetEncoding(page);
    }

    [Fact]
    public void CodePagesAreAvailableWithoutAPackage() =>
        Assert.Equal("windows-1256", TextDecoder.Lookup("cp1256")!.WebName);

    [Theory]
    [InlineData("utf-8", "content")]
    [InlineData("utf-8-bom", "bom")]
    [InlineData("utf-16le-bom", "bom")]
    [InlineData("utf-16be-bom", "bom")]
    [InlineData("utf-16le", "content")]
    [InlineData("windows-1256", "content")]
    [InlineData("iso-8859-6", "content")]
    public void DetectsEncodingFromBomOrContent(string form, string source)
    {
        byte[] bytes = form switch
        {
            "utf-8" => Encoding.UTF8.GetBytes(Arabic),
            "utf-8-bom" => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Arabic)],
            "utf-16le-bom" => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Arabic)],
            "utf-16be-bom" => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Arabic)],
            "utf-16le" => Encoding.Unicode.GetBytes(Arabic),
            "windows-1256" => Cp(1256).GetBytes(Arabic),
            _ => Cp(28596).GetBytes(Arabic.Replace("آ", "ا")),
        };
        var d = TextDecoder.Decode(bytes);
        Assert.True(d.Ok, d.Error);
        Assert.Equal(source, d.Source);
        Assert.Equal(form == "iso-8859-6" ? Arabic.Replace("آ", "ا") : Arabic, d.Text);
        if (form is "windows-1256" or "iso-8859-6")
            Assert.Equal(form, d.Encoding);
    }

    [Fact]
    public void LatinTextInASingleByteCodePageStaysLatin()
    {
        const string french = "Le marché de la ville a ouvert ses portes à côté du port, a déclaré le maire.";
        var d = TextDecoder.Decode(Cp(1252).GetBytes(french));
        Assert.True(d.Ok, d.Error);
        Assert.Equal("windows-1252", d.Encoding);
        Assert.Equal(french, d.Text);
    }

    [Fact]
    public void HeaderAndMetaCharsetsAreUsedWhenTheBytesAgree()
    {
        var bytes = Cp(1256).GetBytes(Arabic);
        var fromHeader = TextDecoder.Decode(bytes, TextDecoder.CharsetOf("text/html; charset=\"Windows-1256\""));
        Assert.Equal(("header", Arabic), (fromHeader.Source, fromHeader.Text));

        var page = Cp(1256).GetBytes($"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\"></head><body><p>{Arabic}</p></body></html>");
        var fromMeta = TextDecoder.Decode(page, html: true);
        Assert.Equal("meta", fromMeta.Source);
        Assert.Contains(Arabic, fromMeta.Text);
    }

    [Fact]
    public void AWrongDeclarationIsReportedAndTheContentDecides()
    {
        var d = TextDecoder.Decode(Cp(1256).GetBytes(Arabic), "utf-8");
        Assert.Equal(("windows-1256", Arabic), (d.Encoding, d.Text));
        Assert.Contains(d.Warnings, w => w.Contains("declares UTF-8", StringComparison.Ordinal));

        d = TextDecoder.Decode(Encoding.UTF8.GetBytes(Arabic), "iso-8859-1");
        Assert.Equal(("utf-8", Arabic), (d.Encoding, d.Text));
        Assert.Contains(d.Warnings, w => w.Contains("the bytes are UTF-8", StringComparison.Ordinal));

        d = TextDecoder.Decode(Cp(1256).GetBytes(Arabic), "latin1");
        Assert.Equal(("windows-1256", Arabic), (d.Encoding, d.Text));
    }

    [Fact]
    public void MojibakeIsRefusedNotStored()
    {
        // UTF-8 once read as Latin-1 and saved again as UTF-8: valid bytes, ruined text.
        string doubled = Cp(1252).GetString(Encoding.UTF8.GetBytes(Arabic));
        var d = TextDecoder.Decode(Encoding.UTF8.GetBytes(doubled));
        Assert.False(d.Ok);
        Assert.Contains("mojibake", d.Error, StringComparison.Ordinal);

        string as1256 = Cp(1256).GetString(Encoding.UTF8.GetBytes(Arabic));
        Assert.NotNull(TextChecks.MojibakeSample(as1256));
        Assert.Null(TextChecks.MojibakeSample(Arabic));
        Assert.Null(TextChecks.MojibakeSample("Ø is a letter in Danish; Ùnique."));
    }

    [Fact]
    public void HtmlPageGivesMainTextTitleDateAndLanguage()
    {
        string html = $$"""
            <!doctype html>
            <html lang="ar-EG" dir="rtl"><head>
            <meta charset="utf-8"><title>سوق جديد قرب الميناء</title>
            <meta property="article:published_time" content="2024-03-11T09:30:00+02:00">
            <style>body { color: red } .x::after { content: "نص مخفي في الأسلوب" }</style>
            <script>var hidden = "نص مخفي في البرنامج";</script>
            </head><body>
            <nav><a href="/">الرئيسية</a> | <a href="/sport">رياضة</a></nav>
            <article><h1>سوق جديد قرب الميناء</h1><p>{{Arabic}}</p><p>وأضاف أن العمل في السوق يبدأ صباح الثلاثاء.</p>
            <script>document.write("إعلان")</script><noscript>فعّل البرامج</noscript></article>
            <footer>جميع الحقوق محفوظة</footer></body></html>
            """;
        var diags = new List<IngestDiagnostic>();
        var a = HtmlArticleReader.Read(Encoding.UTF8.GetBytes(html), "page.html", diags.Add);
        Assert.NotNull(a);
        Assert.Contains(Arabic, a.Text);
        Assert.Contains("صباح الثلاثاء", a.Text);
        foreach (var hidden in (string[])["مخفي", "إعلان", "فعّل", "color", "الرئيسية", "محفوظة"])
            Assert.DoesNotContain(hidden, a.Text);
        Assert.Equal("سوق جديد قرب الميناء", a.Title);
        Assert.Equal(new DateOnly(2024, 3, 11), a.Published);
        Assert.Equal("ar", a.Lang);
        Assert.StartsWith("html-", a.Id);
    }

    [Theory]
    [InlineData("""<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2023-12-01T08:00:00Z"}]}</script>""", "2023-12-01")]
    [InlineData("""<time datetime="2022-05-17">١٧ مايو</time>""", "2022-05-17")]
    [InlineData("""<meta name="pubdate" content="Tue, 04 Jul 2023 10:00:00 GMT">""", "2023-07-04")]
    public void PublicationDateFromJsonLdTimeOrMeta(string markup, string expected)
    {
        string html = $"<html><head>{markup}</head><body><p>{Arabic}</p></body></html>";
        var a = HtmlArticleReader.Read(Encoding.UTF8.GetBytes(html), "p.html", _ => { });
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), a!.Published);
    }

    [Fact]
    public void Windows1256PageWithoutLangIsArabicByScript()
    {
        var bytes = Cp(1256).GetBytes($"<html><head><title>خبر</title></head><body><div>{Arabic}</div></body></html>");
        var a = HtmlArticleReader.Read(bytes, "old.htm", _ => { });
        Assert.Equal(Arabic, a!.Text);
        Assert.Equal("ar", a.Lang);
        var en = HtmlArticleReader.Read("<html><body><p>The new market opened near the port on Monday.</p></body></html>"u8, "en.html", _ => { });
        Assert.Equal("en", en!.Lang);
    }

    [Fact]
    public void ControlAndBidiOverrideCharactersAreNeutralizedOneForOneWithANote()
    {
        // Same length and same white space as the input, so evidence offsets still count the published text.
        string input = "نص\u202Eمقلوب\u0007 هنا\u001Cآخر";
        string text = TextChecks.Sanitize(input, out var note);
        Assert.Equal("نص\u200Fمقلوب\u200B هنا آخر", text);
        Assert.Equal(input.Length, text.Length);
        Assert.Equal(TextFolder.Fold(input).Length, TextFolder.Fold(text).Length);
        Assert.Contains("bidirectional", note, StringComparison.Ordinal);
    }
}
