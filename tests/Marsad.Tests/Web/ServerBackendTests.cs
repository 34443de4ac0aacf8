using System.Net.Http.Json;
using System.Text.Json;
using Marsad.Ingest;
using Marsad.Pipeline;
using Marsad.Tests.Events;
using Marsad.Tests.Storage;
using Marsad.Web;

namespace Marsad.Tests.Web;

/// <summary>The server over each store engine (PostgreSQL when MARSAD_TEST_PG is set): a team's server reads the database its workers fill.</summary>
public sealed class ServerBackendTests(PipelineFixture fx) : IClassFixture<PipelineFixture>
{
    public static TheoryData<string> Backends => StoreBackends.All();

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task ServesTheStoreOfEitherEngine(string backend)
    {
        using var db = new TestDb(backend);
        var samples = ArticleReader.Read(Path.Combine(Shared.RepoRoot, "samples", "articles.jsonl"), _ => { }).ToList();
        using (var store = db.Open())
            new Ingestor(store, fx.Pipeline.Process).Run(samples);

        await using var server = MarsadServer.Create(new ServerOptions { Db = db.Db, Port = 0, ApiKey = "k" });
        await server.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(server.Url) };

        var status = await client.GetFromJsonAsync<JsonElement>("/api/status");
        Assert.Equal(samples.Count, status.GetProperty("articles").GetInt32());
        int events = status.GetProperty("events").GetInt32();
        Assert.True(events > 0);

        var page = await client.GetFromJsonAsync<JsonElement>("/api/events?order=stored&limit=1000");
        Assert.Equal(events, page.GetProperty("items").GetArrayLength());
        var byType = await client.GetFromJsonAsync<JsonElement>("/api/aggregates?by=type");
        Assert.Equal(events, byType.GetProperty("counts").EnumerateArray().Sum(c => c.GetProperty("events").GetInt32()));
        var first = page.GetProperty("items")[0];
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/events/{first.GetProperty("id").GetInt64()}");
        Assert.Equal(first.GetProperty("evidence").GetString(), detail.GetProperty("mentions")[0].GetProperty("evidence").GetString());

        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/articles")
        {
            Content = JsonContent.Create(new { id = "backend-post", text = "قتل ثلاثة جنود في هجوم مسلح على دورية للجيش قرب سرت أمس", published = "2024-03-05" }),
        };
        post.Headers.Add("X-Api-Key", "k");
        using var response = await client.SendAsync(post);
        Assert.Equal(201, (int)response.StatusCode);
        var after = await client.GetFromJsonAsync<JsonElement>("/api/status");
        Assert.Equal(samples.Count + 1, after.GetProperty("articles").GetInt32());
    }
}
