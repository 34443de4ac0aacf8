using Marsad.Events;
using Marsad.Storage;
using Marsad.Text;
using static Marsad.Tests.Storage.StoreSamples;

namespace Marsad.Tests.Storage;

/// <summary>The store features the API adds: certainty and article-text filters, paging, map points and reading an article back, on each engine.</summary>
public sealed class ApiQueryStoreTests
{
    public static TheoryData<string> Backends => StoreBackends.All();

    [Theory]
    [MemberData(nameof(Backends))]
    public void CertaintyTextAndPagingFilterMergedEvents(string backend)
    {
        using var db = new TestDb(backend);
        using var store = db.Open();
        store.SaveArticle(Doc("a-1", text: "اشتباكات عنيفة في سرت بين الجيش ومسلحين"), [Ev("a-1", "confirmed", 1, 31.2, 16.6)]);
        store.SaveArticle(Doc("a-2", text: "مظاهرة في طرابلس ضد الغلاء"), [Ev("a-2", "reported", 2, 32.9, 13.2), Ev("a-2", "speculative", 3, null, null)]);

        Assert.Equal(["a-1"], Articles(store, new EventQuery { Certainty = ["confirmed"] }));
        Assert.Equal(["a-2", "a-2"], Articles(store, new EventQuery { Certainty = ["reported", "speculative"] }));

        // Words are normalized like the search index: hamza and taa marbuta forms match.
        Assert.Equal(["a-1"], Articles(store, new EventQuery { Text = "سرت" }));
        Assert.Equal(["a-2", "a-2"], Articles(store, new EventQuery { Text = "مظاهره طرابلس" }));
        Assert.Empty(Articles(store, new EventQuery { Text = "سرت طرابلس" }));
        Assert.Empty(Articles(store, new EventQuery { Text = "  ،  " }));

        var all = store.QueryMergedEvents(new EventQuery { Order = EventOrder.Newest });
        Assert.Equal(3, all.Count);
        var page = store.QueryMergedEvents(new EventQuery { Order = EventOrder.Newest, Limit = 2, Offset = 1 });
        Assert.Equal(all.Skip(1).Select(m => m.Id), page.Select(m => m.Id));
        Assert.Equal(all.Skip(2).Select(m => m.Id), store.QueryMergedEvents(new EventQuery { Order = EventOrder.Newest, Offset = 2 }).Select(m => m.Id));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void PointsCarryLocatedRepresentativesOnly(string backend)
    {
        using var db = new TestDb(backend);
        using var store = db.Open();
        store.SaveArticle(Doc("a-1"), [Ev("a-1", "confirmed", 1, 31.2, 16.6), Ev("a-1", "reported", 2, null, null)]);
        // Told again by a second article: merged, so still one point.
        store.SaveArticle(Doc("a-2"), [Ev("a-2", "confirmed", 1, 31.2, 16.6)]);

        var points = store.QueryEventPoints();
        var point = Assert.Single(points);
        Assert.Equal((31.2, 16.6, "battles", "armed_clash", "confirmed"), (point.Lat, point.Lon, point.Type, point.Subtype, point.Certainty));
        Assert.Equal(new DateOnly(2016, 10, 1), point.Date);
        Assert.Empty(store.QueryEventPoints(new EventQuery { Box = new BoundingBox(0, 0, 10, 10) }));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void ArticleIsReadBackWithItsText(string backend)
    {
        using var db = new TestDb(backend);
        using var store = db.Open();
        store.SaveArticle(Doc("a-1"), [FullEvent("a-1")]);
        var article = store.GetArticle("a-1");
        Assert.NotNull(article);
        Assert.Equal((StoreSamples.Text, "اشتباكات في بنغازي", "ar", "https://example.org/a-1"), (article.Text, article.Title, article.Lang, article.Url));
        Assert.Equal(new DateOnly(2016, 10, 25), article.Published);
        Assert.Null(article.DuplicateOf);
        Assert.Null(store.GetArticle("missing"));
    }

    private static List<string> Articles(IEventStore store, EventQuery query) =>
        store.QueryMergedEvents(query).Select(m => m.Representative.ArticleId).ToList();

    private static EventRecord Ev(string article, string certainty, int day, double? lat, double? lon) => MinimalEvent(article) with
    {
        Type = "battles",
        Subtype = "armed_clash",
        Certainty = certainty,
        Actor1 = "الجيش",
        Date = DateValue.Day(new DateOnly(2016, 10, day)),
        Place = lat is { } la && lon is { } lo ? new PlaceRef("مكان", "LY", la, lo, "point", null) : null,
    };
}
