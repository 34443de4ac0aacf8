using System.Net.Http.Json;
using System.Text.Json;
using Marsad.Ingest;
using Marsad.Pipeline;
using Marsad.Storage;
using Marsad.Tests.Storage;
using Marsad.Web;

namespace Marsad.Tests.Web;

/// <summary>
/// A real server on 127.0.0.1 (a free port) over a SQLite store holding the sample reports and the
/// dev set's articles (the seed report among them), ingested by the real pipeline.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public const string ApiKey = "test-key-5b1f";

    private readonly TempFolder _temp = new();
    private MarsadServer? _server;

    public string Db => _temp.File("api.db");

    public HttpClient Client { get; } = new();

    public string Url => _server?.Url ?? throw new InvalidOperationException("not started");

    public static JsonSerializerOptions Json { get; } = MakeJson();

    public async Task InitializeAsync()
    {
        var samples = Path.Combine(Shared.RepoRoot, "samples", "articles.jsonl");
        var dev = Shared.PathOf("eval", "dev", "articles.jsonl");
        var articles = ArticleReader.Read(samples, _ => { }).ToList();
        if (File.Exists(dev))
            articles.AddRange(ArticleReader.Read(dev, _ => { }));
        using (var store = EventStores.Open(Db))
            new Ingestor(store, MarsadPipeline.CreateDefault().Process).Run(articles);

        _server = MarsadServer.Create(new ServerOptions { Db = Db, Port = 0, ApiKey = ApiKey, MaxBodyBytes = 64 * 1024, WritesPerMinute = 1000 });
        await _server.StartAsync();
        Client.BaseAddress = new Uri(_server.Url);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_server is not null)
            await _server.DisposeAsync();
        _temp.Dispose();
    }

    /// <summary>GETs a path and parses the JSON answer, asserting the status.</summary>
    public async Task<JsonElement> Get(string path, int status = 200)
    {
        using var response = await Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"GET {path}: expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.StartsWith("application/", response.Content.Headers.ContentType?.MediaType ?? "");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task<(int Status, JsonElement Body)> Post(string path, object body, string? key = ApiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (key is not null)
            request.Headers.Add("X-Api-Key", key);
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static JsonSerializerOptions MakeJson()
    {
        var o = new JsonSerializerOptions();
        MarsadServer.Configure(o);
        return o;
    }
}
