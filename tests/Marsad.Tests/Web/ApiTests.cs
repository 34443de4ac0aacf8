using System.Net;
using System.Text;
using System.Text.Json;
using Marsad.Tests.Storage;
using Marsad.Web;

namespace Marsad.Tests.Web;

/// <summary>The JSON API over real HTTP on 127.0.0.1: filters, detail, aggregates, movement, writes and their refusals.</summary>
public sealed class ApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task EventsComeNewestFirstAndPageWithoutOverlap()
    {
        var first = await server.Get("/api/events?limit=5");
        var items = first.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(5, items.Count);
        var dates = items.Select(i => i.GetProperty("date").GetProperty("start").GetString()!).ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
        Assert.Equal(5, first.GetProperty("next_offset").GetInt32());

        var second = await server.Get("/api/events?limit=5&offset=5");
        var ids = items.Select(i => i.GetProperty("id").GetInt64()).ToHashSet();
        Assert.DoesNotContain(second.GetProperty("items").EnumerateArray(), i => ids.Contains(i.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task FiltersNarrowTheEvents()
    {
        var all = await AllEvents("/api/events?order=stored&limit=1000");
        Assert.True(all.Count > 20, $"only {all.Count} events stored");

        var movement = await AllEvents("/api/events?type=x_movement&limit=1000");
        Assert.NotEmpty(movement);
        Assert.All(movement, e => Assert.Equal("x_movement", e.GetProperty("type").GetString()));

        // An alias finds the canonical actor's events, on either side.
        var isis = await AllEvents("/api/events?order=stored&limit=1000&actor=" + Uri.EscapeDataString("داعش"));
        Assert.NotEmpty(isis);
        Assert.All(isis, e => Assert.Contains("Islamic State", new[] { e.GetProperty("actor1").GetString(), e.GetProperty("actor2").GetString() }));
        Assert.Equal(isis.Count, (await AllEvents("/api/events?order=stored&limit=1000&actor=ISIS")).Count);

        var october = await AllEvents("/api/events?from=2016-10-01&to=2016-10-31&limit=1000");
        Assert.NotEmpty(october);
        Assert.All(october, e =>
        {
            var date = e.GetProperty("date");
            Assert.True(string.CompareOrdinal(date.GetProperty("end").GetString(), "2016-10-01") >= 0);
            Assert.True(string.CompareOrdinal(date.GetProperty("start").GetString(), "2016-10-31") <= 0);
        });

        var libya = await AllEvents("/api/events?bbox=9,19,26,34&limit=1000");
        Assert.NotEmpty(libya);
        Assert.All(libya, e =>
        {
            var place = e.GetProperty("place");
            Assert.InRange(place.GetProperty("lon").GetDouble(), 9, 26);
            Assert.InRange(place.GetProperty("lat").GetDouble(), 19, 34);
        });

        var reported = await AllEvents("/api/events?order=stored&limit=1000&certainty=reported,speculative");
        Assert.NotEmpty(reported);
        Assert.All(reported, e => Assert.Contains(e.GetProperty("certainty").GetString(), new[] { "reported", "speculative" }));
        Assert.True(reported.Count < all.Count);

        var sirte = await AllEvents("/api/events?order=stored&limit=1000&q=" + Uri.EscapeDataString("سرت"));
        Assert.NotEmpty(sirte);
        Assert.True(sirte.Count < all.Count);
        Assert.Contains(sirte, e => e.GetProperty("article").GetProperty("id").GetString() == "seed-sirte");

        var dz = await AllEvents("/api/events?order=stored&limit=1000&country=dz");
        Assert.All(dz, e => Assert.Equal("DZ", e.GetProperty("place").GetProperty("country").GetString()));
    }

    [Theory]
    [InlineData("/api/events?from=2016-13-01", "from")]
    [InlineData("/api/events?from=yesterday", "YYYY-MM-DD")]
    [InlineData("/api/events?from=2016-11-01&to=2016-10-01", "after")]
    [InlineData("/api/events?bbox=1,2,3", "bbox")]
    [InlineData("/api/events?bbox=10,50,20,40", "bbox")]
    [InlineData("/api/events?bbox=-200,0,10,10", "bbox")]
    [InlineData("/api/events?bbox=NaN,NaN,NaN,NaN", "bbox")]
    [InlineData("/api/events/points?bbox=0,0,Infinity,10", "bbox")]
    [InlineData("/api/aggregates?by=type&bbox=NaN,0,10,10", "bbox")]
    [InlineData("/api/events?limit=0", "limit")]
    [InlineData("/api/events?limit=abc", "limit")]
    [InlineData("/api/events?limit=100000", "limit")]
    [InlineData("/api/events?type=war", "type")]
    [InlineData("/api/events?certainty=sure", "certainty")]
    [InlineData("/api/events?country=Libya", "country")]
    [InlineData("/api/events?tpye=battles", "tpye")]
    [InlineData("/api/events?type=battles&type=riots", "once")]
    [InlineData("/api/aggregates", "by")]
    [InlineData("/api/aggregates?by=month", "by")]
    [InlineData("/api/movement", "actor")]
    [InlineData("/api/articles", "q")]
    public async Task BadParametersGet400WithAMessage(string path, string mentioned)
    {
        var body = await server.Get(path, 400);
        Assert.Equal(400, body.GetProperty("status").GetInt32());
        Assert.Contains(mentioned, body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task DetailSpansPointAtTheEvidenceInTheArticle()
    {
        var page = await server.Get("/api/events?order=stored&limit=50&actor=ISIS");
        foreach (var item in page.GetProperty("items").EnumerateArray())
        {
            var detail = await server.Get($"/api/events/{item.GetProperty("id").GetInt64()}");
            Assert.Equal(item.GetProperty("id").GetInt64(), detail.GetProperty("event").GetProperty("id").GetInt64());
            foreach (var mention in detail.GetProperty("mentions").EnumerateArray())
            {
                var articleId = mention.GetProperty("article").GetProperty("id").GetString()!;
                var article = await server.Get("/api/articles/" + Uri.EscapeDataString(articleId));
                var text = article.GetProperty("text").GetString()!;
                var span = mention.GetProperty("evidence_span");
                int start = span.GetProperty("start").GetInt32(), end = span.GetProperty("end").GetInt32();
                Assert.Equal(mention.GetProperty("evidence").GetString(), text[start..end]);
                Assert.Contains(article.GetProperty("events").EnumerateArray(), e => e.GetProperty("event_id").GetInt64() == mention.GetProperty("event_id").GetInt64());
            }
        }
        await server.Get("/api/events/999999999", 404);
        await server.Get("/api/articles/no-such-article", 404);
    }

    [Fact]
    public async Task AggregatesPointsAndGeoJsonAgreeWithTheList()
    {
        var list = await AllEvents("/api/events?type=battles&order=stored&limit=1000");
        var byType = await server.Get("/api/aggregates?by=type");
        var battles = byType.GetProperty("counts").EnumerateArray().Single(c => c.GetProperty("key").GetString() == "battles");
        Assert.Equal(list.Count, battles.GetProperty("events").GetInt32());

        var weeks = (await server.Get("/api/aggregates?by=week&type=battles")).GetProperty("counts").EnumerateArray().ToList();
        Assert.Equal(list.Count(e => e.GetProperty("date").ValueKind == JsonValueKind.Object), weeks.Sum(w => w.GetProperty("events").GetInt32()));
        Assert.All(weeks, w => Assert.Equal(DayOfWeek.Monday, DateOnly.Parse(w.GetProperty("key").GetString()!, System.Globalization.CultureInfo.InvariantCulture).DayOfWeek));

        var located = list.Count(e => e.GetProperty("place").ValueKind == JsonValueKind.Object && e.GetProperty("place").GetProperty("lat").ValueKind == JsonValueKind.Number);
        var points = await server.Get("/api/events/points?type=battles");
        Assert.Equal(located, points.GetProperty("count").GetInt32());
        Assert.Equal(["id", "lat", "lon", "type", "subtype", "date", "certainty"], points.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));

        using var response = await server.Client.GetAsync("/api/events.geojson?type=battles");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var geo = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("FeatureCollection", geo.GetProperty("type").GetString());
        Assert.Equal(located, geo.GetProperty("features").GetArrayLength());
    }

    [Fact]
    public async Task MovementOfIslamicStateOnTheSeedReport()
    {
        var report = await server.Get("/api/movement?actor=" + Uri.EscapeDataString("تنظيم الدولة"));
        Assert.Equal("Islamic State", report.GetProperty("actor").GetString());
        var moves = report.GetProperty("moves").EnumerateArray().ToList();
        Assert.Contains(moves, m => m.GetProperty("article_id").GetString() == "seed-sirte");
        Assert.Contains(moves, m => m.GetProperty("destination") is { ValueKind: JsonValueKind.Object } d && d.GetProperty("country").GetString() is "LY" or "IT");
        // "فرار مئات المقاتلين ... من سرت": a departure from Sirte, not a journey to it.
        Assert.Contains(moves, m => m.GetProperty("destination").ValueKind == JsonValueKind.Null && m.GetProperty("origin").GetProperty("name").GetString() == "Sirte");
        var track = report.GetProperty("track").EnumerateArray().Select(t => t.GetProperty("date").GetString()).Where(d => d is not null).ToList();
        Assert.Equal(track.Order(StringComparer.Ordinal), track);
        Assert.Contains("Libya", report.GetProperty("summary").GetString());
        Assert.Contains("ليبيا", report.GetProperty("summaries").GetProperty("ar").GetString());
        Assert.Equal(report.GetProperty("summary").GetString(), report.GetProperty("summaries").GetProperty("en").GetString());
        Assert.NotEmpty(report.GetProperty("regions").EnumerateArray());
    }

    [Fact]
    public async Task WritesNeedTheKey()
    {
        var article = new { text = "قتل ثلاثة جنود في هجوم على دورية للجيش قرب سرت أمس", published = "2024-03-05", id = "api-key-test" };
        var (status, body) = await server.Post("/api/articles", article, key: null);
        Assert.Equal(401, status);
        Assert.Contains("API key", body.GetProperty("error").GetString());
        (status, _) = await server.Post("/api/articles", article, key: "wrong");
        Assert.Equal(401, status);
        await server.Get("/api/articles/api-key-test", 404);

        var before = await server.Get("/api/status");
        (status, body) = await server.Post("/api/articles", article);
        Assert.Equal(201, status);
        var after = await server.Get("/api/status");
        Assert.Equal(before.GetProperty("articles").GetInt32() + 1, after.GetProperty("articles").GetInt32());
        Assert.True(after.GetProperty("mentions").GetInt32() > before.GetProperty("mentions").GetInt32());
        Assert.Equal("stored", body.GetProperty("status").GetString());
        var stored = await server.Get("/api/articles/api-key-test");
        Assert.Equal(article.text, stored.GetProperty("text").GetString());

        // The same id again changes nothing.
        (status, body) = await server.Post("/api/articles", article);
        Assert.Equal(200, status);
        Assert.Equal("already_stored", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task BadBodiesAreRefusedWithTheirReason()
    {
        var huge = new { text = new string('ب', 100_000) };
        var (status, body) = await server.Post("/api/articles", huge);
        Assert.Equal(413, status);
        Assert.Contains("too large", body.GetProperty("error").GetString());

        (status, body) = await Send("{\"text\": ", "application/json");
        Assert.Equal(400, status);
        Assert.Contains("JSON", body.GetProperty("error").GetString());

        (status, _) = await Send("text=hello", "application/x-www-form-urlencoded");
        Assert.Equal(415, status);

        (status, body) = await server.Post("/api/articles", new { title = "no text" });
        Assert.Equal(400, status);
        Assert.Contains("text", body.GetProperty("error").GetString());

        (status, body) = await server.Post("/api/articles", new { text = "نص", published = "yesterday" });
        Assert.Equal(400, status);
        Assert.Contains("published", body.GetProperty("error").GetString());

        (status, body) = await server.Post("/api/articles/fetch", new { url = "http://127.0.0.1:1/page" });
        Assert.Equal(502, status);
        Assert.Contains("non-public", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task MarkupInAnArticleComesBackEscapedAsData()
    {
        const string payload = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">";
        var (status, _) = await server.Post("/api/articles", new { id = "xss-1", title = payload, text = "اشتباكات في سرت " + payload, published = "2024-01-01" });
        Assert.Equal(201, status);

        using var response = await server.Client.GetAsync("/api/articles/xss-1");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        var raw = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", raw, StringComparison.OrdinalIgnoreCase);
        // Escaped, not stripped: the analyst still sees what the page said.
        var article = JsonDocument.Parse(raw).RootElement;
        Assert.Equal(payload, article.GetProperty("title").GetString());
        Assert.EndsWith(payload, article.GetProperty("text").GetString());
    }

    [Fact]
    public async Task UnknownPathsAndTheOpenApiDescription()
    {
        var missing = await server.Get("/api/nothing-here", 404);
        Assert.Contains("no such endpoint", missing.GetProperty("error").GetString());
        var openApi = await server.Get("/openapi/v1.json");
        var paths = openApi.GetProperty("paths");
        foreach (var path in new[] { "/api/events", "/api/events/{id}", "/api/movement", "/api/articles", "/api/aggregates" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} missing from the OpenAPI description");
    }

    [Fact]
    public async Task RateLimitAndReadKeyAreEnforced()
    {
        await using var limited = MarsadServer.Create(new ServerOptions { Db = server.Db, Port = 0, RequestsPerMinute = 3, ApiKey = "k", ReadRequiresKey = true });
        await limited.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(limited.Url) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/events?limit=1")).StatusCode);
        client.DefaultRequestHeaders.Add("X-Api-Key", "k");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/events?limit=1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/config")).StatusCode);
        using var refused = await client.GetAsync("/api/events?limit=1");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("too many requests", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WritesAreRefusedWhenNoKeyIsConfigured()
    {
        await using var readOnly = MarsadServer.Create(new ServerOptions { Db = server.Db, Port = 0 });
        await readOnly.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(readOnly.Url) };
        using var response = await client.PostAsync("/api/articles", new StringContent("{\"text\":\"نص\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("--api-key", await response.Content.ReadAsStringAsync());
    }

    private async Task<(int Status, JsonElement Body)> Send(string body, string contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add("X-Api-Key", ServerFixture.ApiKey);
        using var response = await server.Client.SendAsync(request);
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private async Task<List<JsonElement>> AllEvents(string path) =>
        (await server.Get(path)).GetProperty("items").EnumerateArray().ToList();
}
