using System.Text;
using Marsad.Ingest;

namespace Marsad.Tests.Ingest;

/// <summary>RSS and Atom parsing: Arabic titles, bad dates, duplicate guids and broken XML.</summary>
public class FeedReaderTests
{
    private const string Rss = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel>
            <title>أخبار مرصد</title>
            <item>
              <title>اشتباكات في سرت</title>
              <link>https://news.example/a/1</link>
              <guid isPermaLink="false">urn:news:1</guid>
              <pubDate>Mon, 03 Mar 2025 10:00:00 +0000</pubDate>
              <description>&lt;p&gt;ملخص الخبر&lt;/p&gt;</description>
              <content:encoded><![CDATA[<p>النص الكامل</p>]]></content:encoded>
            </item>
            <item>
              <title>خبر بلا معرف</title>
              <link>https://news.example/a/2</link>
            </item>
          </channel>
        </rss>
        """;

    private const string AtomFeed = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>موجز</title>
          <entry>
            <id>tag:news.example,2025:7</id>
            <title>مظاهرة في تونس</title>
            <link rel="self" href="https://news.example/api/7"/>
            <link rel="alternate" href="https://news.example/7"/>
            <published>2025-03-04T08:30:00+01:00</published>
            <summary>خرج المئات</summary>
            <content type="html">&lt;p&gt;خرج المئات في شارع الحبيب بورقيبة&lt;/p&gt;</content>
          </entry>
        </feed>
        """;

    [Fact]
    public void Rss2ItemsWithArabicTitles()
    {
        var feed = FeedReader.Parse(Rss, "rss.xml");
        Assert.Equal("أخبار مرصد", feed.Title);
        Assert.Equal(2, feed.Items.Count);
        var a = feed.Items[0];
        Assert.Equal("urn:news:1", a.Id);
        Assert.Equal("https://news.example/a/1", a.Link);
        Assert.Equal("اشتباكات في سرت", a.Title);
        Assert.Equal(new DateOnly(2025, 3, 3), a.Published);
        Assert.Equal("<p>ملخص الخبر</p>", a.Summary);
        Assert.Equal("<p>النص الكامل</p>", a.Content);
        // Without a guid the link identifies the item.
        Assert.Equal("https://news.example/a/2", feed.Items[1].Id);
        Assert.Empty(feed.Messages);
    }

    [Fact]
    public void AtomEntriesUseTheAlternateLink()
    {
        var feed = FeedReader.Parse(AtomFeed, "atom.xml");
        Assert.Equal("موجز", feed.Title);
        var e = Assert.Single(feed.Items);
        Assert.Equal("tag:news.example,2025:7", e.Id);
        Assert.Equal("https://news.example/7", e.Link);
        Assert.Equal("مظاهرة في تونس", e.Title);
        Assert.Equal(new DateOnly(2025, 3, 4), e.Published);
        Assert.Equal("خرج المئات", e.Summary);
        Assert.Contains("الحبيب بورقيبة", e.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Windows1256FeedIsDecodedFromItsDeclaration()
    {
        TextDecoder.EnsureCodePages();
        var xml = Rss.Replace("encoding=\"utf-8\"", "encoding=\"windows-1256\"", StringComparison.Ordinal);
        var feed = FeedReader.Parse(Encoding.GetEncoding(1256).GetBytes(xml), "cp1256.xml");
        Assert.Equal("اشتباكات في سرت", feed.Items[0].Title);
    }

    [Fact]
    public void TheServerCharsetAppliesWhenTheFeedDeclaresNone()
    {
        TextDecoder.EnsureCodePages();
        var bytes = Encoding.GetEncoding(1256).GetBytes("<rss><channel><item><guid>1</guid><title>اشتباكات في سرت</title></item></channel></rss>");
        Assert.Equal("اشتباكات في سرت", FeedReader.Parse(bytes, "cp1256.xml", "windows-1256").Items[0].Title);
        // A declaration in the document wins over the header.
        var utf8 = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><item><guid>1</guid><title>سرت</title></item></channel></rss>");
        Assert.Equal("سرت", FeedReader.Parse(utf8, "utf8.xml", "windows-1256").Items[0].Title);
    }

    [Fact]
    public void InvalidDatesKeepTheItemWithoutADate()
    {
        var xml = """
            <rss version="2.0"><channel><title>t</title>
              <item><guid>g1</guid><title>أ</title><pubDate>yesterday-ish</pubDate></item>
              <item><guid>g2</guid><title>ب</title><pubDate>Tue, 31 Feb 2025 10:00:00 GMT</pubDate></item>
            </channel></rss>
            """;
        var feed = FeedReader.Parse(xml, "dates.xml");
        Assert.Equal(2, feed.Items.Count);
        Assert.All(feed.Items, i => Assert.Null(i.Published));
        Assert.Equal(2, feed.Messages.Count);
        Assert.Contains("dates.xml: item 1: cannot read the date \"yesterday-ish\"; item kept without a date", feed.Messages);
    }

    [Fact]
    public void DuplicateGuidsKeepTheFirst()
    {
        var xml = """
            <rss version="2.0"><channel>
              <item><guid>same</guid><title>الأول</title></item>
              <item><guid>other</guid><title>آخر</title></item>
              <item><guid>same</guid><title>الثاني</title></item>
            </channel></rss>
            """;
        var feed = FeedReader.Parse(xml, "dup.xml");
        Assert.Equal(["الأول", "آخر"], feed.Items.Select(i => i.Title));
        var m = Assert.Single(feed.Messages);
        Assert.Equal("dup.xml: item 3: duplicate id \"same\"; skipped (the first one is kept)", m);
    }

    [Fact]
    public void ItemsWithoutAnyIdAreSkippedWithAMessage()
    {
        var feed = FeedReader.Parse("<rss><channel><item><title>يتيم</title></item></channel></rss>", "noid.xml");
        Assert.Empty(feed.Items);
        Assert.Contains("no guid, id or link", Assert.Single(feed.Messages), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<rss><channel><item><title>مكسور</title></channel></rss>", "malformed XML at line 1")]
    [InlineData("", "malformed XML")]
    [InlineData("<html><body>not a feed</body></html>", "the root element is <html>")]
    [InlineData("<!DOCTYPE x [<!ENTITY a \"aaaa\">]><rss><channel><item><title>&a;</title></item></channel></rss>", "malformed XML")]
    public void BrokenFeedsNameTheFeed(string xml, string expected)
    {
        var ex = Assert.Throws<FeedFormatException>(() => FeedReader.Parse(xml, "https://bad.example/feed"));
        Assert.StartsWith("https://bad.example/feed: not a readable feed", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
