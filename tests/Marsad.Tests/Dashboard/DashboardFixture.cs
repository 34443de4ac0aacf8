using System.Net.Http.Json;
using System.Text.Json;
using Marsad.Ingest;
using Marsad.Pipeline;
using Marsad.Storage;
using Marsad.Web;
using Microsoft.Playwright;

namespace Marsad.Tests.Dashboard;

/// <summary>
/// One real server for the dashboard tests: a temporary SQLite store into which the real pipeline has
/// ingested samples/articles.jsonl and the dev articles of ../shared (the seed article among them), served on
/// 127.0.0.1 with a free port, and Debian's chromium driven through Playwright.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string ApiKey = "dashboard-test-key";

    private readonly TempDir _dir = new();
    private MarsadServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string Url => _server?.Url ?? throw new InvalidOperationException("the server has not started");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("the browser has not started");

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Where screenshots go: artifacts/screenshots under the repository root (gitignored).</summary>
    public static string ScreenshotDir => Path.Combine(Shared.RepoRoot, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        // Checked first: without a browser nothing here can run, and the message says how to get one.
        var chromium = BrowserLauncher.FindChromium();

        var dev = Shared.PathOf("eval", "dev", "articles.jsonl");
        if (!File.Exists(dev))
            throw new InvalidOperationException($"the dashboard tests need the dev articles (the seed article among them) at {dev}");
        var samples = Path.Combine(Shared.RepoRoot, "samples", "articles.jsonl");
        var articles = ArticleReader.Read(samples, _ => { }).Concat(ArticleReader.Read(dev, _ => { })).ToList();

        var db = Path.Combine(_dir.Path, "dashboard.db");
        using (var store = EventStores.Open(db))
        {
            var stats = new Ingestor(store, MarsadPipeline.CreateDefault().Process).Run(articles);
            if (stats.Stored != articles.Count || stats.Events == 0)
                throw new InvalidOperationException($"ingest stored {stats.Stored} of {articles.Count} articles with {stats.Events} events");
        }

        _server = MarsadServer.Create(new ServerOptions { Db = db, Host = "127.0.0.1", Port = 0, ApiKey = ApiKey });
        if (!_server.WebRoot.Built)
            throw new InvalidOperationException($"the dashboard's libraries are missing in {_server.WebRoot.Path}/lib: the client build (src/Marsad.Web/client, run by Marsad.Web.csproj) did not run");
        await _server.StartAsync();
        Http.BaseAddress = new Uri(_server.Url);

        (_playwright, _browser) = await BrowserLauncher.LaunchAsync(chromium);
        Directory.CreateDirectory(ScreenshotDir);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.CloseAsync();
        _playwright?.Dispose();
        if (_server is not null)
            await _server.DisposeAsync();
        Http.Dispose();
        _dir.Dispose();
    }

    public async Task<JsonElement> GetJson(string pathAndQuery)
    {
        using var response = await Http.GetAsync(pathAndQuery);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {pathAndQuery}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The number of events matching a filter, as the API counts them (the sum over types).</summary>
    public async Task<long> CountEvents(string filterQuery)
    {
        var aggregates = await GetJson("/api/aggregates?by=type" + (filterQuery.Length > 0 ? "&" + filterQuery : ""));
        return aggregates.GetProperty("counts").EnumerateArray().Sum(c => c.GetProperty("events").GetInt64());
    }

    public async Task<JsonElement> PostArticle(object article)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = JsonContent.Create(article) };
        request.Headers.Add("X-Api-Key", ApiKey);
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /api/articles: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
