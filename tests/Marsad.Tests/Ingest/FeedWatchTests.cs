using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Marsad.Cli;
using Marsad.Ingest;
using Marsad.Storage;

namespace Marsad.Tests.Ingest;

/// <summary>`watch --feeds --once` against feeds and pages served on 127.0.0.1: storing, conditional requests, dead feeds.</summary>
public sealed class FeedWatchTests : IDisposable
{
    private const string ETag = "\"feed-v1\"";
    private const string Page1 = "أعلن المجلس البلدي في مدينة سوسة يوم الثلاثاء عن خطة لترميم السوق القديم، وقال رئيس المجلس إن الأشغال ستبدأ الشهر المقبل وتستمر عاما كاملا بتمويل من الدولة.";
    private const string Page2 = "افتتحت وزارة الصحة مستشفى جديدا في مدينة صفاقس يوم الأربعاء، وقال الوزير إن المستشفى يضم مئتي سرير وسيخدم سكان الجنوب الذين كانوا يقطعون مسافات طويلة للعلاج.";

    private readonly LocalHttpServer _server;
    private readonly TempDir _tmp = new();
    private readonly ConcurrentQueue<(string Path, string? IfNoneMatch, int Status)> _requests = new();
    private readonly ConcurrentQueue<DateTime> _times = new();
    private int _flakyPageCalls;

    public FeedWatchTests() => _server = new LocalHttpServer(Answer);

    private async Task Answer(HttpListenerContext ctx, CancellationToken stop)
    {
        TextDecoder.EnsureCodePages();
        var req = ctx.Request;
        var res = ctx.Response;
        string path = req.Url!.AbsolutePath;
        string? inm = req.Headers["If-None-Match"];
        _times.Enqueue(DateTime.UtcNow);
        switch (path)
        {
            case "/atom.xml":
                await LocalHttpServer.Write(res, "application/atom+xml", Encoding.UTF8.GetBytes(AtomFeed()));
                break;
            case "/flaky.xml" when inm == ETag:
                res.StatusCode = 304;
                break;
            case "/flaky.xml":
                res.Headers["ETag"] = ETag;
                await LocalHttpServer.Write(res, "application/rss+xml", Encoding.UTF8.GetBytes(
                    $"<rss><channel><item><guid>flaky-1</guid><title>خبر</title><link>{_server.Base}flaky-page</link></item></channel></rss>"));
                break;
            case "/flaky-page" when Interlocked.Increment(ref _flakyPageCalls) <= 2:
                res.StatusCode = 503;
                break;
            case "/flaky-page":
                await LocalHttpServer.Write(res, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(Page("خبر", Page1)));
                break;
            case "/feed.xml" when inm == ETag:
                res.StatusCode = 304;
                break;
            case "/feed.xml":
                res.Headers["ETag"] = ETag;
                await LocalHttpServer.Write(res, "application/rss+xml; charset=utf-8", Encoding.UTF8.GetBytes(Feed()));
                break;
            case "/a1":
                await LocalHttpServer.Write(res, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(Page("ترميم السوق", Page1)));
                break;
            case "/a2":
                // No charset in the header: the page's meta tag and content must reveal Windows-1256.
                await LocalHttpServer.Write(res, "text/html", Encoding.GetEncoding(1256).GetBytes(Page("مستشفى صفاقس", Page2, "windows-1256")));
                break;
            case "/error.xml":
                res.StatusCode = 500;
                break;
            case "/broken.xml":
                await LocalHttpServer.Write(res, "application/rss+xml", Encoding.UTF8.GetBytes("<rss><channel><item><title>مقطوع"));
                break;
            case "/slow.xml":
                await Task.Delay(3000, stop);
                res.StatusCode = 204;
                break;
            default:
                res.StatusCode = 404;
                break;
        }
        _requests.Enqueue((path, inm, res.StatusCode));
    }

    private string Feed() => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>أخبار محلية</title>
          <item><guid>local-1</guid><title>ترميم السوق القديم</title><link>{_server.Base}a1</link><pubDate>Tue, 04 Mar 2025 09:00:00 GMT</pubDate><description>خطة لترميم السوق</description></item>
          <item><guid>local-2</guid><title>مستشفى جديد</title><link>{_server.Base}a2</link><pubDate>Wed, 05 Mar 2025 09:00:00 GMT</pubDate></item>
        </channel></rss>
        """;

    private string AtomFeed() => $"""
        <feed xmlns="http://www.w3.org/2005/Atom"><title>موجز</title>
          <entry><id>tag:local,2025:1</id><title>مستشفى</title><link href="{_server.Base}never"/>
            <updated>2025-03-05T09:00:00Z</updated>
            <content type="html">&lt;p&gt;{Page2} {Page1} {Page2}&lt;/p&gt;</content></entry>
        </feed>
        """;

    private static string Page(string title, string text, string charset = "utf-8") =>
        $"<html lang=\"ar\"><head><meta charset=\"{charset}\"><title>{title}</title></head><body><nav>الرئيسية</nav><article><p>{text}</p></article></body></html>";

    private (int Code, string Out, string Err) Watch(string feedList, params string[] extra)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        string[] args = ["watch", "--feeds", feedList, "--db", Db, "--once", "--allow-host", "127.0.0.1", "--backoff", "0.05", "--attempts", "2", .. extra];
        if (!extra.Contains("--host-delay"))
            args = [.. args, "--host-delay", "0"];
        int code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string Db => Path.Combine(_tmp.Path, "watch.db");

    private int StoredArticles()
    {
        using var store = EventStores.Open(Db);
        return store.CountArticles();
    }

    [Fact]
    public void FeedItemsInUtf8AndWindows1256PagesAreStored()
    {
        var list = _tmp.File("feeds.txt", $"# local news\n{_server.Base}feed.xml\n");
        var (code, stdout, err) = Watch(list);
        Assert.True(code == 0, err);
        Assert.Contains("1 feeds (0 unchanged, 0 failed), 2 new items, 2 articles stored", stdout, StringComparison.Ordinal);
        Assert.Equal(2, StoredArticles());
        using var store = EventStores.Open(Db);
        // The Windows-1256 page is searchable in Arabic, so it was decoded rather than stored as mojibake.
        var hit = Assert.Single(store.SearchArticles("مستشفى صفاقس"));
        Assert.Equal(new DateOnly(2025, 3, 5), hit.Published);
        Assert.Single(store.SearchArticles("السوق القديم"));
        var memory = FeedState.Load(Path.Combine(_tmp.Path, "watch.feeds.json")).Feeds[_server.Base + "feed.xml"];
        Assert.Equal(["local-1", "local-2"], memory.Seen.Order(StringComparer.Ordinal));
        Assert.Equal(ETag, memory.ETag);
    }

    [Fact]
    public void ASecondRunSendsIfNoneMatchAndStoresNothing()
    {
        var list = _tmp.File("feeds.txt", $"{_server.Base}feed.xml\n");
        Assert.Equal(0, Watch(list).Code);
        int pagesBefore = _requests.Count(r => r.Path is "/a1" or "/a2");
        _requests.Clear();

        var (code, stdout, err) = Watch(list);

        Assert.True(code == 0, err);
        Assert.Contains("1 unchanged", stdout, StringComparison.Ordinal);
        Assert.Contains("0 new items, 0 articles stored", stdout, StringComparison.Ordinal);
        var feedRequest = Assert.Single(_requests);
        Assert.Equal(("/feed.xml", ETag, 304), feedRequest);
        Assert.Equal(2, pagesBefore);
        Assert.Equal(2, StoredArticles());
    }

    [Fact]
    public void SeenItemsAreNotFetchedAgainWhenTheFeedChangesValidators()
    {
        var list = _tmp.File("feeds.txt", $"{_server.Base}feed.xml\n");
        Assert.Equal(0, Watch(list).Code);
        // Drop the validators only: the feed comes back whole, but its items are remembered by guid.
        var statePath = Path.Combine(_tmp.Path, "watch.feeds.json");
        var state = FeedState.Load(statePath);
        state.Feeds.Values.Single().ETag = null;
        state.Save(statePath);
        _requests.Clear();

        var (code, stdout, _) = Watch(list);

        Assert.Equal(0, code);
        Assert.Contains("0 new items", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(_requests, r => r.Path is "/a1" or "/a2");
        Assert.Equal(2, StoredArticles());
    }

    [Fact]
    public void DeadFeedsAreReportedAndTheOthersStillRun()
    {
        var list = _tmp.File("feeds.txt", $"http://127.0.0.1:1/refused.xml\n{_server.Base}error.xml\n{_server.Base}broken.xml\n{_server.Base}slow.xml\n{_server.Base}feed.xml\n");

        var (code, stdout, err) = Watch(list, "--timeout", "0.3");

        Assert.Equal(0, code);
        Assert.Contains("marsad: http://127.0.0.1:1/refused.xml: feed not fetched: cannot fetch:", err, StringComparison.Ordinal);
        Assert.Contains($"marsad: {_server.Base}error.xml: feed not fetched: the server answered 500 Internal Server Error (2 attempts)", err, StringComparison.Ordinal);
        Assert.Contains($"marsad: {_server.Base}broken.xml: not a readable feed: malformed XML", err, StringComparison.Ordinal);
        Assert.Contains($"marsad: {_server.Base}slow.xml: feed not fetched: no complete answer within 0.3 s; gave up (2 attempts)", err, StringComparison.Ordinal);
        Assert.Equal(2, _requests.Count(r => r.Path == "/error.xml"));
        Assert.Contains("5 feeds (0 unchanged, 4 failed), 2 new items, 2 articles stored", stdout, StringComparison.Ordinal);
        Assert.Equal(2, StoredArticles());
    }

    [Fact]
    public void ItemContentWithEnoughTextIsUsedWithoutFetchingThePage()
    {
        var list = _tmp.File("feeds.txt", $"{_server.Base}atom.xml\n");
        var (code, stdout, err) = Watch(list);
        Assert.True(code == 0, err);
        Assert.Contains("1 new items, 1 articles stored", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(_requests, r => r.Path == "/never");
        using var store = EventStores.Open(Db);
        Assert.Equal(new DateOnly(2025, 3, 5), Assert.Single(store.SearchArticles("مستشفى صفاقس")).Published);
    }

    [Fact]
    public void AnItemWhosePageFailsIsTriedAgainOnTheNextRun()
    {
        var list = _tmp.File("feeds.txt", $"{_server.Base}flaky.xml\n");
        var (code, stdout, err) = Watch(list);
        Assert.Equal(0, code);
        Assert.Contains("flaky-page: page not fetched: the server answered 503 Service Unavailable (2 attempts)", err, StringComparison.Ordinal);
        Assert.Contains("0 articles stored, 1 items not read", stdout, StringComparison.Ordinal);
        _requests.Clear();

        // The feed's validators were not kept, so the feed is read whole again rather than answered 304.
        (code, stdout, err) = Watch(list);

        Assert.True(code == 0, err);
        Assert.Contains("1 new items, 1 articles stored", stdout, StringComparison.Ordinal);
        Assert.Contains(_requests, r => r is { Path: "/flaky.xml", IfNoneMatch: null, Status: 200 });
        Assert.Equal(1, StoredArticles());
    }

    [Fact]
    public void RequestsToOneHostAreSpacedByTheHostDelay()
    {
        var list = _tmp.File("feeds.txt", $"{_server.Base}feed.xml\n");
        var (code, _, err) = Watch(list, "--host-delay", "0.3");
        Assert.True(code == 0, err);
        var times = _times.ToArray();
        Assert.Equal(3, times.Length);
        for (int i = 1; i < times.Length; i++)
            Assert.True(times[i] - times[i - 1] >= TimeSpan.FromSeconds(0.25), $"requests {i} and {i + 1} came {(times[i] - times[i - 1]).TotalMilliseconds:0} ms apart");
    }

    [Fact]
    public void AllFeedsFailingExitsWithOne()
    {
        var list = _tmp.File("feeds.txt", $"{_server.Base}error.xml\n");
        Assert.Equal(1, Watch(list).Code);
    }

    [Fact]
    public void OpmlListsTheOutlinesWithAFeedUrl()
    {
        var opml = _tmp.File("subs.opml", """
            <opml version="2.0"><body>
              <outline text="عربي">
                <outline text="أ" type="rss" xmlUrl="https://a.example/rss"/>
                <outline text="ب" type="rss" xmlUrl="ftp://b.example/rss"/>
              </outline>
              <outline text="ج" type="rss" xmlUrl="https://a.example/rss"/>
            </body></opml>
            """);
        var messages = new List<string>();
        var urls = FeedList.Read(opml, messages.Add);
        Assert.Equal([new Uri("https://a.example/rss")], urls);
        Assert.Contains("is not an http or https URL", Assert.Single(messages), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _server.Dispose();
        _tmp.Dispose();
    }
}
