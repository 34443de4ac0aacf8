using Marsad.Events;
using Marsad.Storage;
using Marsad.Text;
using static Marsad.Tests.Storage.StoreSamples;

namespace Marsad.Tests.Storage;

/// <summary>The behaviour every <see cref="IEventStore"/> must have, run against each engine in <see cref="StoreBackends"/>.</summary>
public sealed class EventStoreContractTests
{
    public static TheoryData<string> Backends => StoreBackends.All();

    [Theory]
    [MemberData(nameof(Backends))]
    public void NewStoreIsEmptyAtLatestSchema(string backend)
    {
        using var db = new TestDb(backend);
        using var store = db.Open();
        Assert.Equal(6, store.SchemaVersion);
        Assert.Equal(0, store.CountArticles());
        Assert.Equal(0, store.CountEvents());
        Assert.Equal(0, store.CountMergedEvents());
        Assert.Equal(["1", "2", "3", "4", "5", "6"], db.Query("SELECT version FROM schema_version ORDER BY version;"));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void SavedEventsReadBackWithEqualFields(string backend)
    {
        using var db = new TestDb(backend);
        using var store = db.Open();
        var events = new[] { FullEvent("a-1"), MinimalEvent("a-1") };
        store.SaveArticle(Doc("a-1"), events);

        var stored = store.QueryEvents();
        Assert.Equal(2, stored.Count);
        AssertSameEvent(events[0], stored[0].Event);
        AssertSameEvent(events[1], stored[1].Event);
        Assert.Equal("a-1", stored[0].ArticleId);
        Assert.Equal("اشتباكات في بنغازي", stored[0].ArticleTitle);
        Assert.Equal(new DateOnly(2016, 10, 25), stored[0].ArticlePublished);
        Assert.Equal("وكالة مرصد التجريبية", stored[0].ArticleSource);
        Assert.Equal("https://example.org/a-1", stored[0].ArticleUrl);
        Assert.True(stored[0].Id < stored[1].Id);
        // Each event of a lone article is its own merged event.
        Assert.Equal(stored[0].Id, stored[0].MergedId);
        Assert.Equal(2, store.CountMergedEvents());
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void ArticleRowKeepsFoldedTextAndHash(string backend)
    {
        using var db = new TestDb(backend);
        using (var store = db.Open())
            store.SaveArticle(new Document(new Article("a-ws", "  نص   فيه\n\nفراغات  ", "عنوان", null, "ar", null, null)), []);

        var row = db.Query("SELECT text || '|' || lang || '|' || COALESCE(published, 'null') || '|' || length(content_hash) FROM articles;");
        Assert.Equal(["نص فيه فراغات|ar|null|64"], row);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void QuantitiesAndArgumentSpansRoundTrip(string backend)
    {
        var e = FullEvent("a-1") with
        {
            Quantities = new Dictionary<string, long> { ["weapons"] = 17, ["arrests"] = 3, ["fatalities"] = 4 },
            ArgumentSpans = new Dictionary<string, TextSpan>
            {
                ["actor1"] = new(60, 5),
                ["place"] = new(80, 6),
                ["date"] = new(40, 10),
                ["certainty"] = new(0, 5),
            },
        };
        using var db = new TestDb(backend);
        using var store = db.Open();
        store.SaveArticle(Doc("a-1"), [e]);

        var back = Assert.Single(store.QueryEvents()).Event;
        Assert.Equal(e.Quantities.OrderBy(kv => kv.Key), back.Quantities.OrderBy(kv => kv.Key));
        Assert.Equal(e.ArgumentSpans.OrderBy(kv => kv.Key), back.ArgumentSpans.OrderBy(kv => kv.Key));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void SavingTheSameArticleAgainReplacesItsEvents(string backend)
    {
        using var db = new TestDb(backend);
        using var store = db.Open();
        store.SaveArticle(Doc("a-1"), [FullEvent("a-1"), MinimalEvent("a-1")]);
        store.SaveArticle(Doc("a-1"), [FullEvent("a-1"), MinimalEvent("a-1")]);

        Assert.Equal(1, store.CountArticles());
        Assert.Equal(2, store.CountEvents());
        Assert.Equal(2, store.CountMergedEvents());

        store.SaveArticle(Doc("a-1", title: "عنوان معدل"), [MinimalEvent("a-1")]);

        Assert.Equal(1, store.CountArticles());
        var only = Assert.Single(store.QueryEvents());
        Assert.Equal("عنوان معدل", only.ArticleTitle);
        AssertSameEvent(MinimalEvent("a-1"), only.Event);
        Assert.Equal(1, store.CountMergedEvents());
        // The replaced events' child rows went with them, and the search index holds the article once.
        Assert.Equal(["0"], db.Query("SELECT COUNT(*) FROM event_quantities;"));
        Assert.Equal(["0"], db.Query("SELECT COUNT(*) FROM event_arguments;"));
        Assert.Equal(["1"], db.Query("SELECT COUNT(*) FROM article_search;"));
        Assert.Equal("a-1", Assert.Single(store.SearchArticles("معدل")).Id);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void ReopeningKeepsTheData(string backend)
    {
        using var db = new TestDb(backend);
        using (var store = db.Open())
            store.SaveArticle(Doc("a-1"), [FullEvent("a-1")]);

        using (var store = db.Open())
        {
            Assert.Equal(6, store.SchemaVersion);
            Assert.Equal(1, store.CountArticles());
            AssertSameEvent(FullEvent("a-1"), Assert.Single(store.QueryEvents()).Event);
        }
        Assert.Equal(["6"], db.Query("SELECT COUNT(*) FROM schema_version;"));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void QueryFilters(string backend)
    {
        using var db = new TestDb(backend);
        using var store = db.Open();
        store.SaveArticle(Doc("a-1"), [FullEvent("a-1"), MinimalEvent("a-1")]);
        store.SaveArticle(Doc("a-2"), [FullEvent("a-2") with
        {
            Date = DateValue.Day(new DateOnly(2016, 11, 2)),
            Actor1 = "Islamic State",
            Place = new PlaceRef("Aleppo", "SY", 36.2, 37.16, "point", null),
        }]);

        Assert.Equal(2, store.QueryEvents(EventQuery.ForArticle("a-1")).Count);
        Assert.Empty(store.QueryEvents(EventQuery.ForArticle("missing")));
        Assert.Equal("a-1", Assert.Single(store.QueryEvents(new EventQuery { Type = "x_threat" })).ArticleId);
        Assert.Equal("a-2", Assert.Single(store.QueryEvents(new EventQuery { From = new DateOnly(2016, 11, 1), To = new DateOnly(2016, 11, 30) })).ArticleId);
        Assert.Equal("a-2", Assert.Single(store.QueryEvents(new EventQuery { Actor = "Islamic" })).ArticleId);
        Assert.Equal("a-1", Assert.Single(store.QueryEvents(new EventQuery { Actor = "الجيش" })).ArticleId);
        Assert.Equal("a-2", Assert.Single(store.QueryEvents(new EventQuery { Country = "sy" })).ArticleId);
        Assert.Equal("a-1", Assert.Single(store.QueryEvents(new EventQuery { Box = BoundingBox.Parse("19,31,21,33") })).ArticleId);
        Assert.Equal("a-2", Assert.Single(store.QueryEvents(new EventQuery { Place = "Aleppo" })).ArticleId);
        var limited = store.QueryEvents(new EventQuery { Limit = 1 });
        Assert.Single(limited);
        Assert.Single(limited[0].Event.Quantities);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void EventsOfAnotherArticleAreRejectedAndNothingIsWritten(string backend)
    {
        using var db = new TestDb(backend);
        using var store = db.Open();
        Assert.Throws<ArgumentException>(() => store.SaveArticle(Doc("a-1"), [FullEvent("a-2")]));
        Assert.Throws<ArgumentException>(() => store.SaveBatch([Prepared("a-1", StoreSamples.Text, FullEvent("a-2"))]));
        Assert.Equal(0, store.CountArticles());
        Assert.Equal(0, store.CountEvents());
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void ADatabaseFromANewerVersionIsRefused(string backend)
    {
        using var db = new TestDb(backend);
        using (db.Open())
        {
        }
        db.Execute("INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'future', '2030-01-01');");
        var error = Assert.Throws<InvalidOperationException>(() => db.Open());
        Assert.Contains("99", error.Message);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void SearchMatchesNormalizedWords(string backend)
    {
        using var db = new TestDb(backend);
        using var store = db.Open();
        store.SaveArticle(Doc("a-1", title: "الأمن يضبط أسلحة", text: "أعلنت السُّلطات ضبط أسلحةٍ في مدينة إدلب."), []);
        store.SaveArticle(Doc("a-2", title: "طقس", text: "أمطار غزيرة على الساحل."), []);

        // Hamza, diacritics and ta marbuta differ between the query and the text.
        Assert.Equal("a-1", Assert.Single(store.SearchArticles("ادلب")).Id);
        Assert.Equal("a-1", Assert.Single(store.SearchArticles("السلطات اسلحه")).Id);
        Assert.Equal("a-1", Assert.Single(store.SearchArticles("يضبط")).Id);
        Assert.Empty(store.SearchArticles("السلطات أمطار"));
        Assert.Empty(store.SearchArticles("\" OR * -"));
        Assert.Equal("a-2", Assert.Single(store.SearchArticles("غزيرة")).Id);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void ReplayingABatchChangesNothing(string backend)
    {
        using var db = new TestDb(backend);
        using var store = db.Open();
        var batch = new[] { Prepared("b-1", LongText(1), FullEvent("b-1")), Prepared("b-2", LongText(2), MinimalEvent("b-2")) };

        var first = store.SaveBatch(batch);
        Assert.Equal(new BatchResult(2, 0, 2, 0), first);
        var again = store.SaveBatch(batch);
        Assert.Equal(new BatchResult(0, 0, 0, 0), again);
        Assert.Equal(2, store.CountArticles());
        Assert.Equal(2, store.CountEvents());

        var lookup = store.Lookup(["b-1", "zz"], [batch[1].ContentHash, "nohash"]);
        Assert.Equal(["b-1"], lookup.KnownIds);
        Assert.Equal("b-2", Assert.Single(lookup.OriginalByHash).Value);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void DuplicatesAreLinkedAndTheirEventsNotStored(string backend)
    {
        using var db = new TestDb(backend);
        using var store = db.Open();
        var original = Prepared("o-1", LongText(7), FullEvent("o-1"));
        store.SaveBatch([original]);

        // The same story with a dateline added: a few SimHash bits differ.
        var republished = Doc("r-1", text: "(رويترز) " + LongText(7));
        ulong sim = TextFingerprint.SimHash(republished.Article.Text)!.Value;
        var near = store.FindNearDuplicate(sim, TextFingerprint.NearDuplicateBits);
        Assert.NotNull(near);
        Assert.Equal("o-1", near.ArticleId);
        Assert.StartsWith("near:", near.Reason);
        Assert.Null(store.FindNearDuplicate(TextFingerprint.SimHash(LongText(8))!.Value, TextFingerprint.NearDuplicateBits));

        var result = store.SaveBatch([SqlEventStore.Prepare(republished, [FullEvent("r-1")], near)]);
        Assert.Equal(new BatchResult(0, 1, 0, 0), result);
        Assert.Equal(2, store.CountArticles());
        Assert.Equal(1, store.CountEvents());
        Assert.Equal(near, store.DuplicateOf("r-1"));
        Assert.Null(store.DuplicateOf("o-1"));
        // Republished text stays searchable.
        Assert.Equal(["o-1", "r-1"], store.SearchArticles("قنفودة").Select(h => h.Id).Order(StringComparer.Ordinal));
        Assert.Equal("r-1", Assert.Single(store.SearchArticles("رويترز قنفودة")).Id);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void TheSameOccurrenceFromTwoArticlesIsMergedWithAReason(string backend)
    {
        using var db = new TestDb(backend);
        using var store = db.Open();
        var a = FullEvent("m-1");
        // Another outlet: the army unnamed, the place a point 5 km away, the day after publication read as the day.
        var b = FullEvent("m-2") with { Actor1 = null, Place = new PlaceRef("بنغازي", "LY", 32.11, 19.99, "point", null), Date = DateValue.Day(new DateOnly(2016, 10, 25)) };
        var elsewhere = FullEvent("m-3") with { Place = new PlaceRef("سرت", "LY", 31.2, 16.58, "point", null) };
        var otherActor = FullEvent("m-4") with { Actor1 = "Islamic State" };
        store.SaveBatch([Prepared("m-1", LongText(11), a), Prepared("m-2", LongText(12), b), Prepared("m-3", LongText(13), elsewhere), Prepared("m-4", LongText(14), otherActor)]);

        Assert.Equal(4, store.CountEvents());
        Assert.Equal(3, store.CountMergedEvents());
        var events = store.QueryEvents();
        var first = events.Single(e => e.ArticleId == "m-1");
        var second = events.Single(e => e.ArticleId == "m-2");
        Assert.Equal(first.Id, second.MergedId);
        Assert.Null(first.MergeReason);
        Assert.Contains("same type battles/armed_clash", second.MergeReason);
        Assert.Contains("km apart", second.MergeReason);
        Assert.Contains("named by one only", second.MergeReason);
        Assert.NotEqual(first.MergedId, events.Single(e => e.ArticleId == "m-3").MergedId);

        var merged = store.QueryMergedEvents();
        Assert.Equal(3, merged.Count);
        var both = merged.Single(m => m.Id == first.Id);
        Assert.Equal(["m-1", "m-2"], both.Sources.Select(s => s.ArticleId));
        Assert.Equal("https://example.org/m-2", both.Sources[1].Url);

        var byType = Assert.Single(store.CountBy(Grouping.Type));
        Assert.Equal(new GroupCount("battles", 3, 4), byType);
        Assert.Equal("2016-10-24", Assert.Single(store.CountBy(Grouping.Week)).Key);
        // m-2's mention (Benghazi) counts with its merged event, under the representative's place.
        Assert.Equal(new GroupCount("قنفودة (LY)", 2, 3), store.CountBy(Grouping.Place)[0]);

        // Reversible: the second mention leaves, the first keeps its merged event; nothing is lost.
        store.Unmerge(second.Id);
        Assert.Equal(4, store.CountMergedEvents());
        Assert.Equal(4, store.CountEvents());
        var split = store.QueryEvents(EventQuery.ForArticle("m-2")).Single();
        Assert.Equal(split.Id, split.MergedId);
        Assert.Contains("split off by hand", split.MergeReason);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void UnmergingTheRepresentativeKeepsTheOtherMentionsTogether(string backend)
    {
        using var db = new TestDb(backend);
        using var store = db.Open();
        store.SaveBatch(new[] { 1, 2, 3 }.Select(i => Prepared($"k-{i}", LongText(20 + i), FullEvent($"k-{i}") with { Actor2 = i == 3 ? null : "مسلحون" })).ToArray());
        Assert.Equal(1, store.CountMergedEvents());
        var events = store.QueryEvents();
        store.Unmerge(events[0].Id);

        Assert.Equal(2, store.CountMergedEvents());
        var after = store.QueryEvents();
        Assert.Equal(after[0].Id, after[0].MergedId);
        Assert.Equal(after[1].Id, after[1].MergedId);
        Assert.Equal(after[1].Id, after[2].MergedId);
        var group = store.QueryMergedEvents().Single(m => m.Id == after[1].Id);
        Assert.Equal(2, group.Sources.Count);

        // Re-saving an article takes its mention out of the merged event first.
        store.SaveArticle(Doc("k-2"), []);
        Assert.Equal(2, store.CountEvents());
        Assert.Equal(2, store.CountMergedEvents());
        Assert.Equal(["1", "1"], db.Query("SELECT mentions FROM merged_events ORDER BY id;"));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void EventsOfOneArticleNeverMergeWithEachOther(string backend)
    {
        using var db = new TestDb(backend);
        using var store = db.Open();
        store.SaveArticle(Doc("s-1"), [FullEvent("s-1"), FullEvent("s-1") with { Fatalities = 2 }]);
        Assert.Equal(2, store.CountMergedEvents());
    }
}
