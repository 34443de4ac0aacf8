using System.Security.Cryptography;
using System.Text;
using Marsad.Analysis;
using Marsad.Entities;
using Marsad.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marsad.Web.Api;

/// <summary>The routes under <c>/api/</c>.</summary>
public static class ApiEndpoints
{
    /// <summary>Most events one list request returns.</summary>
    public const int MaxPage = 1000;

    /// <summary>Most map points one request returns (a map of 100,000 events is one request).</summary>
    public const int MaxPoints = 200_000;

    /// <summary>Most features one GeoJSON request returns (each carries its sources, so they are heavier than points).</summary>
    public const int MaxFeatures = 10_000;

    private static readonly string[] Paging = ["limit", "offset"];

    public static void Map(WebApplication app, ServerOptions options)
    {
        var read = app.MapGroup("/api").AddEndpointFilter(KeyFilter(options, write: false));
        var write = app.MapGroup("/api").AddEndpointFilter(KeyFilter(options, write: true)).RequireRateLimiting("writes");

        read.MapGet("/config", (StorePool stores) =>
                new ConfigDto(options.TileUrl, options.ReadRequiresKey, ApiQuery.Types, ApiQuery.Certainties, stores.Location))
            .WithSummary("Settings the dashboard needs: tile URL (if any), event types, certainty codes.");

        read.MapGet("/status", (HttpRequest request, StorePool stores) =>
            {
                ApiQuery.From(request, []);
                using var lease = stores.Rent();
                var store = lease.Store;
                return new StatusDto(store.CountArticles(), store.CountMergedEvents(), store.CountEvents(), store.SchemaVersion);
            })
            .WithSummary("What the store holds now: a dashboard polls it to show events as they land.");

        read.MapGet("/events", (HttpRequest request, StorePool stores, ActorDictionary actors) =>
            {
                var q = ApiQuery.From(request, [.. ApiQuery.FilterNames, .. Paging, "order"]);
                int limit = q.Int("limit", 100, 1, MaxPage);
                int offset = q.Int("offset", 0, 0, 10_000_000);
                var order = q.OneOf("order", ["newest", "stored"]) == "stored" ? EventOrder.Stored : EventOrder.Newest;
                var filter = q.Filter(actors) with { Limit = limit + 1, Offset = offset, Order = order };
                using var lease = stores.Rent();
                var rows = lease.Store.QueryMergedEvents(filter);
                bool more = rows.Count > limit;
                var items = rows.Take(limit).Select(EventDto.Of).ToList();
                return new EventPageDto(limit, offset, more ? offset + limit : null, items);
            })
            .WithSummary("Merged events matching the filters, newest first (order=stored keeps undated events too), a page at a time.")
            .WithDescription("Filters: from, to (YYYY-MM-DD; an event matches when its date range overlaps), type, subtype, actor (canonical name or any alias, e.g. داعش), country (ISO alpha-2), place (name as stored), bbox (west,south,east,north), certainty (comma list), q (words the article must contain). limit 1..1000 (default 100), offset.");

        read.MapGet("/events/points", (HttpRequest request, StorePool stores, ActorDictionary actors) =>
            {
                var q = ApiQuery.From(request, [.. ApiQuery.FilterNames, "limit"]);
                int limit = q.Int("limit", 100_000, 1, MaxPoints);
                var filter = q.Filter(actors) with { Limit = limit + 1, Order = EventOrder.Stored };
                IReadOnlyList<EventPoint> points;
                using (var lease = stores.Rent())
                    points = lease.Store.QueryEventPoints(filter);
                return new PointsResult(points, limit);
            })
            .Produces<PointsDto>()
            .WithSummary("Located events as compact map points: one array per event, the field names given once.");

        read.MapGet("/events.geojson", (HttpRequest request, StorePool stores, ActorDictionary actors) =>
            {
                var q = ApiQuery.From(request, [.. ApiQuery.FilterNames, "limit"]);
                int limit = q.Int("limit", 1000, 1, MaxFeatures);
                var filter = q.Filter(actors) with { Limit = limit, Order = EventOrder.Stored };
                using var lease = stores.Rent();
                var features = lease.Store.QueryMergedEvents(filter)
                    .Where(m => m.Representative.Event.Place is { Lat: not null, Lon: not null })
                    .Select(m =>
                    {
                        var dto = EventDto.Of(m);
                        var place = m.Representative.Event.Place!;
                        return new
                        {
                            type = "Feature",
                            id = m.Id,
                            geometry = new { type = "Point", coordinates = new[] { place.Lon!.Value, place.Lat!.Value } },
                            properties = dto,
                        };
                    });
                return Results.Json(new { type = "FeatureCollection", features }, contentType: "application/geo+json");
            })
            .WithSummary("The filtered events as a GeoJSON FeatureCollection (points at the event's place).");

        read.MapGet("/events/{id:long}", (long id, HttpRequest request, StorePool stores) =>
            {
                ApiQuery.From(request, []);
                using var lease = stores.Rent();
                var merged = lease.Store.QueryMergedEvents(new EventQuery { MergedId = id });
                if (merged.Count == 0)
                    throw new ApiException(404, $"no event {id}");
                var mentions = lease.Store.QueryEvents(new EventQuery { MergedId = id });
                return new EventDetailDto(EventDto.Of(merged[0]), mentions.Select(MentionDto.Of).ToList());
            })
            .WithSummary("One merged event with every mention: its article, evidence, trigger and argument spans, and why it was merged.");

        read.MapGet("/aggregates", (HttpRequest request, StorePool stores, ActorDictionary actors) =>
            {
                var q = ApiQuery.From(request, [.. ApiQuery.FilterNames, "by", "limit"]);
                var by = q.OneOf("by", ["week", "type", "place", "country", "actor"]) ?? throw new ApiException(400, "by is required: week, type, place, country or actor");
                int limit = q.Int("limit", by == "week" ? 1000 : 20, 1, 5000);
                return new AggregateDto(by, Counts(stores, Enum.Parse<Grouping>(by, ignoreCase: true), q.Filter(actors), limit));
            })
            .WithSummary("Counts of the filtered events per week (Monday), type, place, country or actor.");

        read.MapGet("/actors", (HttpRequest request, StorePool stores, ActorDictionary actors) =>
            {
                var q = ApiQuery.From(request, [.. ApiQuery.FilterNames, "limit"]);
                return Counts(stores, Grouping.Actor, q.Filter(actors), q.Int("limit", 100, 1, 5000));
            })
            .WithSummary("Actors (as first actor) with their event counts, most active first.");

        read.MapGet("/places", (HttpRequest request, StorePool stores, ActorDictionary actors) =>
            {
                var q = ApiQuery.From(request, [.. ApiQuery.FilterNames, "limit"]);
                return Counts(stores, Grouping.Place, q.Filter(actors), q.Int("limit", 100, 1, 5000));
            })
            .WithSummary("Places with their event counts, busiest first.");

        read.MapGet("/movement", (HttpRequest request, StorePool stores, ActorDictionary actors) =>
            {
                var q = ApiQuery.From(request, ["actor", "from", "to"]);
                var name = q.Required("actor");
                var actor = actors.ResolveName(name) ?? name;
                var from = q.Date("from");
                var to = q.Date("to");
                if (from is { } f && to is { } t && f > t)
                    throw new ApiException(400, $"from ({f:yyyy-MM-dd}) is after to ({t:yyyy-MM-dd})");
                using var lease = stores.Rent();
                var report = ActorMovement.Analyze(lease.Store, actor, from, to);
                var english = MovementSummary.Write(report, actors, "en");
                return new MovementDto(report.Actor, report.From, report.To, report.Truncated, report.Track, report.Moves, report.Regions,
                    english, new Dictionary<string, string> { ["en"] = english, ["ar"] = MovementSummary.Write(report, actors, "ar") });
            })
            .WithSummary("An actor's located events over time, the movements the text reports (origin → destination, with certainty), and where its activity rose or fell.");

        read.MapGet("/articles", (HttpRequest request, StorePool stores) =>
            {
                var q = ApiQuery.From(request, ["q", "limit"]);
                var text = q.Required("q");
                int limit = q.Int("limit", 20, 1, 200);
                using var lease = stores.Rent();
                return lease.Store.SearchArticles(text, limit);
            })
            .WithSummary("Full-text search over articles (Arabic-normalized; every word must occur).");

        read.MapGet("/articles/{id}", (string id, HttpRequest request, StorePool stores) =>
            {
                ApiQuery.From(request, []);
                if (id.Length > 200)
                    throw new ApiException(400, "id: at most 200 characters");
                using var lease = stores.Rent();
                var article = lease.Store.GetArticle(id) ?? throw new ApiException(404, $"no article '{(id.Length > 60 ? id[..60] + "…" : id)}'");
                var events = lease.Store.QueryEvents(EventQuery.ForArticle(id))
                    .Select(s => new ArticleEventDto(s.Id, s.MergedId, s.Event.Type, s.Event.Subtype, s.Event.Certainty,
                        SpanDto.Of(s.Event.Evidence), SpanDto.Of(s.Event.Trigger),
                        s.Event.ArgumentSpans.ToDictionary(kv => kv.Key, kv => SpanDto.Of(kv.Value), StringComparer.Ordinal)))
                    .ToList();
                return new ArticleDto(article.Id, article.Title, article.Text, article.Published, article.Lang, article.Source, article.Url,
                    article.DuplicateOf?.ArticleId, article.DuplicateOf?.Reason, events);
            })
            .WithSummary("One article's text (as stored, untrusted: render it as text) and the spans of the events coded from it.");

        write.MapPost("/articles", async (HttpRequest request, StorePool stores, ArticleIntake intake, CancellationToken cancel) =>
            {
                var input = await ReadBody<ArticleInput>(request, cancel);
                if (input is null)
                    throw new ApiException(400, "the body must be a JSON object with at least \"text\"");
                var article = ArticleIntake.ToArticle(input);
                var result = await intake.IngestAsync(article, stores, cancel);
                return Results.Json(result, statusCode: result.Status == "stored" ? 201 : 200);
            })
            .Accepts<ArticleInput>("application/json")
            .Produces<IngestResultDto>(201)
            .WithSummary("Ingest one article (JSON: text, and optionally id, title, published, lang, source, url). Needs the API key.");

        write.MapPost("/articles/fetch", async (HttpRequest request, StorePool stores, ArticleIntake intake, CancellationToken cancel) =>
            {
                var input = await ReadBody<FetchInput>(request, cancel);
                if (string.IsNullOrWhiteSpace(input?.Url))
                    throw new ApiException(400, "url is required");
                var article = await intake.FetchAsync(input.Url.Trim(), cancel);
                var result = await intake.IngestAsync(article, stores, cancel);
                return Results.Json(result, statusCode: result.Status == "stored" ? 201 : 200);
            })
            .Accepts<FetchInput>("application/json")
            .Produces<IngestResultDto>(201)
            .WithSummary("Fetch an article page by URL (public addresses only) and ingest it. Needs the API key.");
    }

    // Read by hand rather than bound: a wrong content type then gets a 415 that says so, not a 404 from route matching.
    private static async Task<T?> ReadBody<T>(HttpRequest request, CancellationToken cancel) where T : class
    {
        if (!request.HasJsonContentType())
            throw new ApiException(415, "send the body as JSON with Content-Type: application/json");
        return await request.ReadFromJsonAsync<T>(cancel);
    }

    private static List<CountDto> Counts(StorePool stores, Grouping by, EventQuery filter, int limit)
    {
        using var lease = stores.Rent();
        return lease.Store.CountBy(by, filter, limit).Select(c => new CountDto(c.Key, c.Events, c.Mentions)).ToList();
    }

    // Writes always need the key; reads only when configured so. The comparison takes the same time whatever the key's prefix.
    private static Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> KeyFilter(ServerOptions options, bool write) =>
        async (context, next) =>
        {
            if (write || options.ReadRequiresKey)
            {
                if (options.ApiKey is null)
                    throw new ApiException(write ? 403 : 401, write ? "writes are disabled: start the server with --api-key (or MARSAD_API_KEY)" : "this server requires an API key");
                var given = KeyOf(context.HttpContext.Request);
                if (given is null)
                    throw new ApiException(401, "an API key is required: send it in the X-Api-Key header (or Authorization: Bearer)");
                if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(options.ApiKey)))
                    throw new ApiException(401, "the API key is not valid");
            }
            return await next(context);
        };

    private static string? KeyOf(HttpRequest request)
    {
        if (request.Headers.TryGetValue("X-Api-Key", out var key) && key.Count == 1 && !string.IsNullOrEmpty(key[0]))
            return key[0];
        var auth = request.Headers.Authorization.ToString();
        return auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? auth[7..].Trim() : null;
    }
}
