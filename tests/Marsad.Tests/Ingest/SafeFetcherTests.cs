using System.Net;
using System.Net.Sockets;
using System.Text;
using Marsad.Ingest;

namespace Marsad.Tests.Ingest;

/// <summary>The fetcher against a real HTTP server on 127.0.0.1 started here: pages in two encodings, redirects, a slow and a huge answer.</summary>
public sealed class SafeFetcherTests : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly string _base;

    public SafeFetcherTests()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _base = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(_base);
        _listener.Start();
        _ = Task.Run(Serve);
    }

    private async Task Serve()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => Answer(ctx));
        }
    }

    private async Task Answer(HttpListenerContext ctx)
    {
        var res = ctx.Response;
        try
        {
            TextDecoder.EnsureCodePages();
            string page = $"<html><head><title>خبر</title></head><body><p>{EncodingAndHtmlTests.Arabic}</p></body></html>";
            switch (ctx.Request.Url!.AbsolutePath)
            {
                case "/utf8":
                    await Write(res, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(page));
                    break;
                case "/cp1256":
                    await Write(res, "text/html; charset=windows-1256", Encoding.GetEncoding(1256).GetBytes(page));
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
                    await Task.Delay(5000, _stop.Token);
                    await Write(res, "text/plain", "late"u8.ToArray());
                    break;
                case "/huge":
                    res.ContentType = "text/html";
                    res.SendChunked = true;
                    var chunk = new byte[1 << 16];
                    chunk.AsSpan().Fill((byte)'a');
                    for (int i = 0; i < 64; i++)
                        await res.OutputStream.WriteAsync(chunk, _stop.Token);
                    break;
                default:
                    res.StatusCode = 404;
                    break;
            }
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client hung up (size or time limit reached): that is the point of the test.
        }
        finally
        {
            try
            {
                res.Close();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
            }
        }
    }

    private static async Task Write(HttpListenerResponse res, string type, byte[] body)
    {
        res.ContentType = type;
        res.ContentLength64 = body.Length;
        await res.OutputStream.WriteAsync(body);
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

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }
}
