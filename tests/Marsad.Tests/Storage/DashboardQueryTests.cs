using Marsad.Events;
using Marsad.Storage;
using Marsad.Text;
using static Marsad.Tests.Storage.StoreSamples;

namespace Marsad.Tests.Storage;

/// <summary>Schemas 4 to 6 and the query paths the dashboard uses (newest first, one event's detail, exact actor, counts), on a tiny database per engine.</summary>
public sealed class DashboardQueryTests
{
    public static TheoryData<string> Backends => StoreBackends.All();

    [Theory]
    [MemberData(nameof(Backends))]
    public void SchemasFourToSixCreateTheDashboardIndexes(string backend)
    {
        using var db = new TestDb(backend);
        using (db.Open()) { }
        var sql = backend == StoreBackends.Sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_%' ORDER BY name;"
            : "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname LIKE 'ix_%' ORDER BY indexname;";
        var names = db.Query(sql);
        Assert.Contains("ix_events_rep_type_date", names);
        Assert.Contains("ix_events_rep_date_box", names);
        Assert.Contains("ix_events_date_cover", names);
        Assert.Contains("ix_events_actor1_cover", names);
        Assert.Contains("ix_events_actor2_cover_a1", names);
        Assert.Contains("ix_merged_events_days_month", names);
        Assert.Contains("ix_merged_events_days_year", names);
        Assert.Contains("ix_merged_events_days_long", names);
        Assert.DoesNotContain("ix_events_actor2_cover", names);
        Assert.DoesNotContain("ix_events_actor1_date", names);
        Assert.DoesNotContain("ix_events_date", names);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void DashboardQueriesReturnTheRightEvents(string backend)
    {
        using var db = new TestDb(backend);
        using var store = db.Open();
        // Three articles: a-2 tells a-1's clash again (merged), a-3 reports other events.
        store.SaveArticle(Doc("a-1"), [Ev("a-1", "battles", "الجيش", null, 2016, 10, 24, 32.1, 20.1)]);
        store.SaveArticle(Doc("a-2"), [Ev("a-2", "battles", "الجيش", "مسلحون", 2016, 10, 24, 32.11, 20.09)]);
        store.SaveArticle(Doc("a-3"), [
            Ev("a-3", "battles", "مسلحون", "الجيش", 2016, 11, 2, 33.5, 36.3),
            Ev("a-3", "protests", "متظاهرون", null, 2016, 11, 9, 32.1, 20.1),
            Ev("a-3", "battles", null, null, null, 0, 0, null, null),
        ]);
        Assert.Equal(5, store.CountEvents());
        Assert.Equal(4, store.CountMergedEvents());

        // Newest first, dated only, representatives only: a-2's mention is inside a-1's event.
        var battles = store.QueryMergedEvents(new EventQuery { Type = "battles", From = new(2016, 1, 1), To = new(2016, 12, 31), Order = EventOrder.Newest, Limit = 100 });
        Assert.Equal(["a-3", "a-1"], battles.Select(m => m.Representative.ArticleId));
        Assert.Equal(2, battles[1].Sources.Count);
        var newest = Assert.Single(store.QueryMergedEvents(new EventQuery { Order = EventOrder.Newest, Limit = 1 }));
        Assert.Equal("protests", newest.Representative.Event.Type);

        // A box around Benghazi in October and November: the clash and the protest, not Damascus.
        var box = store.QueryMergedEvents(new EventQuery { Box = new BoundingBox(19, 31, 21, 33), From = new(2016, 10, 1), To = new(2016, 11, 30), Order = EventOrder.Newest, Limit = 500 });
        Assert.Equal(["protests", "battles"], box.Select(m => m.Representative.Event.Type));

        // One event's detail: both mentions with their articles, representative first.
        var detail = Assert.Single(store.QueryMergedEvents(new EventQuery { MergedId = battles[1].Id }));
        Assert.Equal(["a-1", "a-2"], detail.Sources.Select(s => s.ArticleId));
        Assert.Equal("مسلحون", detail.Representative.Event.Actor2);

        // Exact actor on either side; a substring is not a name.
        Assert.Equal(3, store.QueryEvents(new EventQuery { ActorName = "الجيش" }).Count);
        Assert.Empty(store.QueryEvents(new EventQuery { ActorName = "الجي" }));
        var weekly = store.CountBy(Grouping.Week, new EventQuery { ActorName = "الجيش", From = new(2016, 10, 1), To = new(2016, 12, 31) });
        Assert.Equal([new GroupCount("2016-10-24", 1, 2), new GroupCount("2016-10-31", 1, 1)], weekly);

        Assert.Equal(
            [new GroupCount("2016-10-24", 1, 2), new GroupCount("2016-10-31", 1, 1), new GroupCount("2016-11-07", 1, 1)],
            store.CountBy(Grouping.Week, new EventQuery { From = new(2016, 10, 1), To = new(2016, 11, 30) }));
        var places = store.CountBy(Grouping.Place, new EventQuery { From = new(2016, 10, 1), To = new(2016, 11, 30) });
        Assert.Equal(new GroupCount("مكان-32.1 (LY)", 2, 3), places[0]);
    }

    private static EventRecord Ev(string article, string type, string? actor1, string? actor2, int? year, int month, int day, double? lat, double? lon) =>
        MinimalEvent(article) with
        {
            Type = type,
            Subtype = type == "battles" ? "armed_clash" : "peaceful_protest",
            Actor1 = actor1,
            Actor2 = actor2,
            Date = year is { } y ? DateValue.Day(new DateOnly(y, month, day)) : null,
            Place = lat is { } la && lon is { } lo
                ? new PlaceRef(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"مكان-{Math.Round(la, 1)}"), lo < 30 ? "LY" : "SY", la, lo, "point", null, null)
                : null,
        };
}
