using System.Net;
using System.Text;
using Marsad.Ingest;

namespace Marsad.Tests.Ingest;

/// <summary>The fetcher against a real HTTP server on 127.0.0.1 started here: pages in two encodings, redirects, a slow and a huge answer.</summary>
public sealed class SafeFetcherTests : IDisposable
{
    private readonly LocalHttpServer _server;
    private readonly string _base;

    public SafeFetcherTests()
    {
        _server = new LocalHttpServer(Answer);
        _base = _server.Base;
    }

    private async Task Answer(HttpListenerContext ctx, CancellationToken stop)
    {
        var res = ctx.Response;
        TextDecoder.EnsureCodePages();
        string page = $"<html><head><title>خبر</title></head><body><p>{EncodingAndHtmlTests.Arabic}</p></body></html>";
        switch (ctx.Request.Url!.AbsolutePath)
        {
            case "/utf8":
                await LocalHttpServer.Write(res, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(page));
                break;
            case "/cp1256":
                await LocalHttpServer.Write(res, "text/html; charset=windows-1256", Encoding.GetEncoding(1256).GetBytes(page));
                break;
            case "/loop":
                res.StatusCode = 302;
                res.RedirectLocation = "/loop";
                break;
            case "/to-localhost":
                res.StatusCode = 302;
                res.RedirectLocation = _base.Replace("127.0.0.1", "localhost", StringComparison.Ordinal) + "utf8";
                break;
            case "/to-file":
                res.StatusCode = 302;
                res.RedirectLocation = "file:///etc/passwd";
                break;
            case "/slow":
                await Task.Delay(5000, stop);
                await LocalHttpServer.Write(res, "text/plain", "late"u8.ToArray());
                break;
            case "/huge":
                res.ContentType = "text/html";
                res.SendChunked = true;
                var chunk = new byte[1 << 16];
                chunk.AsSpan().Fill((byte)'a');
                for (int i = 0; i < 64; i++)
                    await res.OutputStream.WriteAsync(chunk, stop);
                break;
            default:
                res.StatusCode = 404;
                break;
        }
    }

    private static FetchOptions Local(long maxBytes = 1 << 20, double seconds = 10) =>
        new(maxBytes, TimeSpan.FromSeconds(seconds), 5, new HashSet<string> { "127.0.0.1" });

    [Fact]
    public async Task LoopbackIsRefusedUnlessAllowed()
    {
        using var fetcher = new SafeFetcher();
        var r = await fetcher.FetchAsync(new Uri(_base + "utf8"));
        Assert.Null(r.Body);
        Assert.Contains("non-public address", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PagesInUtf8AndWindows1256BecomeTheSameArticleText()
    {
        using var fetcher = new SafeFetcher(Local());
        foreach (var path in (string[])["utf8", "cp1256"])
        {
            var r = await fetcher.FetchAsync(new Uri(_base + path));
            Assert.True(r.Error is null, r.Error);
            var a = FetchedPage.ToArticle(r, _ => { });
            Assert.Equal(EncodingAndHtmlTests.Arabic, a!.Text);
            Assert.Equal("خبر", a.Title);
        }
    }

    [Theory]
    [InlineData("loop", "more than 5 redirects")]
    [InlineData("to-localhost", "localhost resolves to a non-public address")]
    [InlineData("to-file", "only http and https")]
    [InlineData("huge", "larger than the 1 MB limit")]
    [InlineData("missing", "404")]
    public async Task RedirectsSizeAndErrorsAreBounded(string path, string expected)
    {
        using var fetcher = new SafeFetcher(Local());
        var r = await fetcher.FetchAsync(new Uri(_base + path));
        Assert.Null(r.Body);
        Assert.Contains(expected, r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASlowServerTimesOut()
    {
        using var fetcher = new SafeFetcher(Local(seconds: 0.5));
        var r = await fetcher.FetchAsync(new Uri(_base + "slow"));
        Assert.Contains("no complete answer within 0.5 s", r.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("8.8.8.8", true)]
    [InlineData("2a00:1450:4001::1", true)]
    public void PublicAddresses(string ip, bool isPublic) =>
        Assert.Equal(isPublic, SafeFetcher.IsPublic(IPAddress.Parse(ip)));

    public void Dispose() => _server.Dispose();
}
