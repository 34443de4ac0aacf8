using System.Globalization;
using Marsad.Events;
using Marsad.Storage;
using Marsad.Text;
using static Marsad.Tests.Storage.StoreSamples;

namespace Marsad.Tests.Storage;

/// <summary>
/// What <see cref="IEventStore.CountBy"/> counts (each merged event once, by its representative; over
/// mentions when actors are involved) and that schema 6's day columns stay exact through merging,
/// unmerging and re-saving, on each engine.
/// </summary>
public sealed class RepresentativeCountTests
{
    private const string Army = "الجيش";

    public static TheoryData<string> Backends => StoreBackends.All();

    [Theory]
    [MemberData(nameof(Backends))]
    public void CountsFollowTheRepresentativeThroughMergeUnmergeAndResave(string backend)
    {
        using var db = new TestDb(backend);
        using var store = db.Open();
        // One clash told three times: first as Sunday in Qanfouda, then as Monday in Benghazi (12 km away).
        store.SaveArticle(Doc("k-1"), [Clash("k-1", Army, Qanfouda, Day(2016, 10, 23))]);
        store.SaveArticle(Doc("k-2"), [Clash("k-2", null, Benghazi, Day(2016, 10, 24))]);
        store.SaveArticle(Doc("k-3"), [Clash("k-3", Army, Benghazi, Day(2016, 10, 24))]);
        store.SaveArticle(Doc("k-4"), [Protest("k-4", "متظاهرون", Day(2016, 11, 2)), Clash("k-4", null, Qanfouda, null)]);
        Assert.Equal(5, store.CountEvents());
        Assert.Equal(3, store.CountMergedEvents());

        // The clash counts once, in its first report's week and place, with all three mentions.
        Assert.Equal([new GroupCount("2016-10-17", 1, 3), new GroupCount("2016-10-31", 1, 1)], store.CountBy(Grouping.Week));
        Assert.Equal([new GroupCount("قنفودة (LY)", 2, 4), new GroupCount("طرابلس (LY)", 1, 1)], store.CountBy(Grouping.Place));
        Assert.Equal([new GroupCount("battles", 2, 4), new GroupCount("protests", 1, 1)], store.CountBy(Grouping.Type));
        // A range that holds only the later mentions' Monday does not hold the event.
        Assert.Empty(store.CountBy(Grouping.Week, new EventQuery { From = new(2016, 10, 24), To = new(2016, 10, 30) }));
        AssertCountsMatchMergedEvents(store);

        // Unmerging the representative: the other two stay together under the earliest of them.
        var k1 = Assert.Single(store.QueryEvents(EventQuery.ForArticle("k-1")));
        store.Unmerge(k1.Id);
        Assert.Equal(
            [new GroupCount("2016-10-17", 1, 1), new GroupCount("2016-10-24", 1, 2), new GroupCount("2016-10-31", 1, 1)],
            store.CountBy(Grouping.Week));
        Assert.Contains(new GroupCount("بنغازي (LY)", 1, 2), store.CountBy(Grouping.Place));
        AssertCountsMatchMergedEvents(store);

        // Re-saving k-2 (now a representative) with another event: k-3 represents itself, the new
        // mention joins k-4's protest.
        store.SaveArticle(Doc("k-2"), [Protest("k-2", null, Day(2016, 11, 2))]);
        Assert.Equal(
            [new GroupCount("2016-10-17", 1, 1), new GroupCount("2016-10-24", 1, 1), new GroupCount("2016-10-31", 1, 2)],
            store.CountBy(Grouping.Week));
        AssertCountsMatchMergedEvents(store);

        // Merging into an event again after all that, and an article re-saved without events.
        store.SaveArticle(Doc("k-5"), [Clash("k-5", Army, Benghazi, Day(2016, 10, 25))]);
        store.SaveArticle(Doc("k-1"), []);
        Assert.Equal([new GroupCount("2016-10-24", 1, 2), new GroupCount("2016-10-31", 1, 2)], store.CountBy(Grouping.Week));
        AssertCountsMatchMergedEvents(store);

        store.Unmerge(Assert.Single(store.QueryEvents(EventQuery.ForArticle("k-5"))).Id);
        AssertCountsMatchMergedEvents(store);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void RangesThatStartBeforeFromAreCounted(string backend)
    {
        using var db = new TestDb(backend);
        using var store = db.Open();
        store.SaveArticle(Doc("r-1"), [
            Clash("r-1", null, Qanfouda, Day(2016, 10, 1)),
            Clash("r-1", null, Qanfouda, Range(2016, 9, 15, 2016, 10, 14)),
            Clash("r-1", null, Qanfouda, Range(2016, 1, 1, 2016, 12, 31)),
            Clash("r-1", null, Qanfouda, Range(2014, 1, 1, 2017, 12, 31)),
            Clash("r-1", null, Qanfouda, Range(2016, 9, 1, 2016, 9, 30)),
            Clash("r-1", null, Qanfouda, Range(2016, 11, 1, 2016, 11, 30)),
            // Ending on From: the longest range of the first index part (31 days), the shortest and the
            // longest of the second (32, 366) and the shortest of the third (367), each at its lower bound.
            Clash("r-1", null, Qanfouda, Range(2016, 8, 31, 2016, 10, 1)),
            Clash("r-1", null, Qanfouda, Range(2016, 8, 30, 2016, 10, 1)),
            Clash("r-1", null, Qanfouda, Range(2015, 10, 1, 2016, 10, 1)),
            Clash("r-1", null, Qanfouda, Range(2015, 9, 30, 2016, 10, 1)),
        ]);
        var october = new EventQuery { From = new(2016, 10, 1), To = new(2016, 10, 31) };

        Assert.Equal(
            [
                new GroupCount("2013-12-30", 1, 1), new GroupCount("2015-09-28", 2, 2), new GroupCount("2015-12-28", 1, 1), new GroupCount("2016-08-29", 2, 2),
                new GroupCount("2016-09-12", 1, 1), new GroupCount("2016-09-26", 1, 1),
            ],
            store.CountBy(Grouping.Week, october));
        Assert.Equal([new GroupCount("battles", 8, 8)], store.CountBy(Grouping.Type, october));
        Assert.Equal(8, store.QueryMergedEvents(october).Count);
        AssertCountsMatchMergedEvents(store);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void ActorCountsGoOverMentions(string backend)
    {
        using var db = new TestDb(backend);
        using var store = db.Open();
        store.SaveArticle(Doc("k-1"), [Clash("k-1", Army, Qanfouda, Day(2016, 10, 23))]);
        store.SaveArticle(Doc("k-2"), [Clash("k-2", null, Benghazi, Day(2016, 10, 24))]);
        store.SaveArticle(Doc("k-3"), [Clash("k-3", Army, Benghazi, Day(2016, 10, 24))]);
        // The army on both sides of one mention (a mutiny) is one mention, not two.
        store.SaveArticle(Doc("k-4"), [Clash("k-4", Army, Sirte, Day(2016, 11, 2)) with { Actor2 = Army }]);
        store.SaveArticle(Doc("k-5"), [Clash("k-5", "مسلحون", Sirte, Day(2016, 11, 9)) with { Actor2 = Army }]);
        Assert.Equal(3, store.CountMergedEvents());

        // The merged clash counts in each week one of its mentions naming the army falls in; k-2 names nobody.
        var weekly = store.CountBy(Grouping.Week, new EventQuery { ActorName = Army, From = new(2016, 10, 1), To = new(2016, 11, 30) });
        Assert.Equal(
            [new GroupCount("2016-10-17", 1, 1), new GroupCount("2016-10-24", 1, 1), new GroupCount("2016-10-31", 1, 1), new GroupCount("2016-11-07", 1, 1)],
            weekly);
        Assert.Equal([new GroupCount("battles", 3, 4)], store.CountBy(Grouping.Type, new EventQuery { ActorName = Army }));
        Assert.Equal([new GroupCount("battles", 1, 1)], store.CountBy(Grouping.Type, new EventQuery { ActorName = Army, Place = "سرت", To = new(2016, 11, 5) }));
        Assert.Equal([new GroupCount("battles", 3, 4)], store.CountBy(Grouping.Type, new EventQuery { Actor = "لجي" }));
        Assert.Equal([new GroupCount(Army, 2, 3), new GroupCount("مسلحون", 1, 1)], store.CountBy(Grouping.Actor));
        Assert.Equal(
            new[] { new GroupCount("قنفودة (LY)", 1, 1), new GroupCount("بنغازي (LY)", 1, 1), new GroupCount("سرت (LY)", 2, 2) }.OrderBy(g => g.Key, StringComparer.Ordinal),
            store.CountBy(Grouping.Place, new EventQuery { ActorName = Army }).OrderBy(g => g.Key, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void SchemaSixGivesExistingMergedEventsTheirDays(string backend)
    {
        using var db = new TestDb(backend);
        db.Migrate(upTo: 5);
        db.Execute("""
            INSERT INTO articles (id, lang, text, content_hash, ingested_at) VALUES ('old-1', 'ar', 'نص', 'x', '2025-01-01');
            INSERT INTO merged_events (id, type, subtype, place_name, place_country, date_start, date_end, mentions)
            VALUES (1, 'battles', 'armed_clash', 'سرت', 'LY', '2016-09-20', '2016-10-20', 2), (3, 'protests', 'peaceful_protest', NULL, NULL, NULL, NULL, 1);
            INSERT INTO events (id, article_id, type, subtype, place_name, place_country, date_start, date_end, certainty, evidence_start, evidence_end, evidence_text, trigger_start, trigger_end, merged_id)
            VALUES (1, 'old-1', 'battles', 'armed_clash', 'سرت', 'LY', '2016-09-20', '2016-10-20', 'reported', 0, 2, 'نص', 0, 2, 1),
                   (2, 'old-1', 'battles', 'armed_clash', 'سرت', 'LY', '2016-09-21', '2016-10-20', 'reported', 0, 2, 'نص', 0, 2, 1),
                   (3, 'old-1', 'protests', 'peaceful_protest', NULL, NULL, NULL, NULL, 'reported', 0, 2, 'نص', 0, 2, 3);
            """);

        using var store = db.Open();
        Assert.Equal(6, store.SchemaVersion);
        Assert.Equal(
            [new DateOnly(2016, 9, 20).DayNumber.ToString(CultureInfo.InvariantCulture) + "|" + new DateOnly(2016, 10, 20).DayNumber.ToString(CultureInfo.InvariantCulture), "|"],
            db.Query("SELECT COALESCE(CAST(start_day AS TEXT), '') || '|' || COALESCE(CAST(end_day AS TEXT), '') FROM merged_events ORDER BY id;"));
        Assert.Equal([new GroupCount("2016-09-19", 1, 2)], store.CountBy(Grouping.Week, new EventQuery { From = new(2016, 10, 1) }));
        Assert.Equal([new GroupCount("battles", 1, 2), new GroupCount("protests", 1, 1)], store.CountBy(Grouping.Type));
    }

    // Every grouping under several filters equals what the merged events listed by QueryMergedEvents
    // add up to: the representative's fields, each event once, its sources as mentions.
    private static void AssertCountsMatchMergedEvents(IEventStore store)
    {
        var queries = new[]
        {
            EventQuery.All,
            new EventQuery { From = new(2016, 10, 24), To = new(2016, 11, 1) },
            new EventQuery { From = new(2016, 10, 1) },
            new EventQuery { To = new(2016, 10, 23) },
            new EventQuery { Type = "battles" },
            new EventQuery { Country = "ly", Place = "بنغازي" },
            new EventQuery { Box = new BoundingBox(19.9, 32, 20, 32.1) },
            new EventQuery { Subtype = "armed_clash", From = new(2016, 10, 24) },
            new EventQuery { Certainty = ["speculative"] },
            new EventQuery { ArticleId = "k-3", To = new(2016, 12, 31) },
            new EventQuery { Text = "اشتباكات", From = new(2016, 10, 1) },
            new EventQuery { Text = "كلمةغائبة" },
        };
        foreach (var query in queries)
        {
            var merged = store.QueryMergedEvents(query);
            foreach (var by in new[] { Grouping.Type, Grouping.Place, Grouping.Country, Grouping.Week })
            {
                var expected = merged
                    .Select(m => (Key: Key(by, m.Representative.Event), Mentions: (long)m.Sources.Count))
                    .Where(x => x.Key is not null)
                    .GroupBy(x => x.Key!, StringComparer.Ordinal)
                    .Select(g => new GroupCount(g.Key, g.Count(), g.Sum(x => x.Mentions)))
                    .OrderBy(g => g.Key, StringComparer.Ordinal);
                var actual = store.CountBy(by, query, int.MaxValue).OrderBy(g => g.Key, StringComparer.Ordinal);
                Assert.True(expected.SequenceEqual(actual), $"{by} {query}: expected {string.Join(", ", expected)}; got {string.Join(", ", actual)}");
            }
        }
    }

    private static string? Key(Grouping by, EventRecord e) => by switch
    {
        Grouping.Type => e.Type,
        Grouping.Place => e.Place is { } p ? $"{p.Name} ({p.Country ?? "?"})" : null,
        Grouping.Country => e.Place?.Country,
        _ => e.Date is { } d ? d.Start.AddDays(-(((int)d.Start.DayOfWeek + 6) % 7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
    };

    private static readonly PlaceRef Qanfouda = new("قنفودة", "LY", 32.0842, 19.9487, "point", null);
    private static readonly PlaceRef Benghazi = new("بنغازي", "LY", 32.1167, 20.0667, "point", null);
    private static readonly PlaceRef Sirte = new("سرت", "LY", 31.2, 16.58, "point", null);
    private static readonly PlaceRef Tripoli = new("طرابلس", "LY", 32.8872, 13.1913, "point", null);

    private static DateValue Day(int y, int m, int d) => DateValue.Day(new DateOnly(y, m, d));

    private static DateValue Range(int y1, int m1, int d1, int y2, int m2, int d2) =>
        new(new DateOnly(y1, m1, d1), new DateOnly(y2, m2, d2), DatePrecision.Range);

    private static EventRecord Clash(string article, string? actor1, PlaceRef place, DateValue? date) =>
        FullEvent(article) with { Actor1 = actor1, Actor2 = null, Place = place, Date = date };

    private static EventRecord Protest(string article, string? actor1, DateValue date) =>
        MinimalEvent(article) with { Type = "protests", Subtype = "peaceful_protest", Actor1 = actor1, Place = Tripoli, Date = date };
}
