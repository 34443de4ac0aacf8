using Marsad.Events;
using Marsad.Storage;
using Marsad.Text;
using Microsoft.Data.Sqlite;

namespace Marsad.Tests.Storage;

public sealed class SqliteEventStoreTests : IDisposable
{
    private const string Text =
        "أفادت مصادر محلية بأن اشتباكات اندلعت أمس الاثنين بين الجيش ومسلحين في قنفودة غرب بنغازي، قتل فيها أربعة جنود. "
        + "وأعلنت السلطات ضبط 17 قطعة سلاح قرب الوادي.";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void OpenCreatesFolderFileAndSchemaAtLatestVersion()
    {
        var path = _temp.File("nested", "deeper", "marsad.db");

        using (var store = SqliteEventStore.Open(path))
        {
            Assert.Equal(1, store.SchemaVersion);
            Assert.Equal("wal", store.Pragma("journal_mode"));
            Assert.Equal("1", store.Pragma("foreign_keys"));
            Assert.Equal(0, store.CountArticles());
            Assert.Equal(0, store.CountEvents());
        }

        Assert.True(File.Exists(path));
        var tables = RawQuery(path, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name;");
        Assert.Equal(["articles", "event_arguments", "event_quantities", "events", "schema_version"], tables);
        Assert.Equal(["1"], RawQuery(path, "SELECT version FROM schema_version;"));

        var eventColumns = RawQuery(path, "SELECT name FROM pragma_table_info('events');");
        foreach (var column in new[] { "article_id", "place_gazetteer_id", "origin_lat", "date_precision", "evidence_text", "trigger_end" })
            Assert.Contains(column, eventColumns);
    }

    [Fact]
    public void SavedEventsReadBackWithEqualFields()
    {
        var doc = Doc("a-1");
        var events = new[] { FullEvent("a-1"), MinimalEvent("a-1") };

        using var store = SqliteEventStore.Open(_temp.File("m.db"));
        store.SaveArticle(doc, events);

        var stored = store.QueryEvents();
        Assert.Equal(2, stored.Count);
        AssertSameEvent(events[0], stored[0].Event);
        AssertSameEvent(events[1], stored[1].Event);
        Assert.Equal("a-1", stored[0].ArticleId);
        Assert.Equal("اشتباكات في بنغازي", stored[0].ArticleTitle);
        Assert.Equal(new DateOnly(2016, 10, 25), stored[0].ArticlePublished);
        Assert.Equal("وكالة مرصد التجريبية", stored[0].ArticleSource);
        Assert.True(stored[0].Id < stored[1].Id);
    }

    [Fact]
    public void ArticleRowKeepsFoldedTextAndHash()
    {
        var doc = new Document(new Article("a-ws", "  نص   فيه\n\nفراغات  ", "عنوان", null, "ar", null, null));
        using var store = SqliteEventStore.Open(_temp.File("m.db"));
        store.SaveArticle(doc, []);

        var row = RawQuery(store.Path, "SELECT text || '|' || lang || '|' || COALESCE(published, 'null') || '|' || length(content_hash) FROM articles;");
        Assert.Equal(["نص فيه فراغات|ar|null|64"], row);
    }

    [Fact]
    public void QuantitiesAndArgumentSpansRoundTrip()
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

        using var store = SqliteEventStore.Open(_temp.File("m.db"));
        store.SaveArticle(Doc("a-1"), [e]);

        var back = Assert.Single(store.QueryEvents()).Event;
        Assert.Equal(e.Quantities.OrderBy(kv => kv.Key), back.Quantities.OrderBy(kv => kv.Key));
        Assert.Equal(e.ArgumentSpans.OrderBy(kv => kv.Key), back.ArgumentSpans.OrderBy(kv => kv.Key));
    }

    [Fact]
    public void SavingTheSameArticleAgainReplacesItsEvents()
    {
        using var store = SqliteEventStore.Open(_temp.File("m.db"));
        store.SaveArticle(Doc("a-1"), [FullEvent("a-1"), MinimalEvent("a-1")]);
        store.SaveArticle(Doc("a-1"), [FullEvent("a-1"), MinimalEvent("a-1")]);

        Assert.Equal(1, store.CountArticles());
        Assert.Equal(2, store.CountEvents());

        store.SaveArticle(Doc("a-1", title: "عنوان معدل"), [MinimalEvent("a-1")]);

        Assert.Equal(1, store.CountArticles());
        var only = Assert.Single(store.QueryEvents());
        Assert.Equal("عنوان معدل", only.ArticleTitle);
        AssertSameEvent(MinimalEvent("a-1"), only.Event);
        // The replaced events' child rows went with them.
        Assert.Equal(["0"], RawQuery(store.Path, "SELECT COUNT(*) FROM event_quantities;"));
        Assert.Equal(["0"], RawQuery(store.Path, "SELECT COUNT(*) FROM event_arguments;"));
    }

    [Fact]
    public void ReopeningAnExistingFileKeepsItsData()
    {
        var path = _temp.File("data", "m.db");
        using (var store = SqliteEventStore.Open(path))
            store.SaveArticle(Doc("a-1"), [FullEvent("a-1")]);

        using (var store = SqliteEventStore.Open(path))
        {
            Assert.Equal(1, store.SchemaVersion);
            Assert.Equal(1, store.CountArticles());
            Assert.Equal(1, store.CountEvents());
            AssertSameEvent(FullEvent("a-1"), Assert.Single(store.QueryEvents()).Event);
        }

        Assert.Equal(["1"], RawQuery(path, "SELECT COUNT(*) FROM schema_version;"));
    }

    [Fact]
    public void QueryFiltersByArticleTypeAndDate()
    {
        using var store = SqliteEventStore.Open(_temp.File("m.db"));
        store.SaveArticle(Doc("a-1"), [FullEvent("a-1"), MinimalEvent("a-1")]);
        store.SaveArticle(Doc("a-2"), [FullEvent("a-2") with { Date = DateValue.Day(new DateOnly(2016, 11, 2)) }]);

        Assert.Equal(2, store.QueryEvents(EventQuery.ForArticle("a-1")).Count);
        Assert.Single(store.QueryEvents(EventQuery.ForArticle("a-2")));
        Assert.Empty(store.QueryEvents(EventQuery.ForArticle("missing")));

        var threats = store.QueryEvents(new EventQuery { Type = "x_threat" });
        Assert.Equal("a-1", Assert.Single(threats).ArticleId);

        var november = store.QueryEvents(new EventQuery { From = new DateOnly(2016, 11, 1), To = new DateOnly(2016, 11, 30) });
        Assert.Equal("a-2", Assert.Single(november).ArticleId);

        var limited = store.QueryEvents(new EventQuery { Limit = 1 });
        Assert.Single(limited);
        Assert.Single(limited[0].Event.Quantities);
    }

    [Fact]
    public void EventsOfAnotherArticleAreRejectedAndNothingIsWritten()
    {
        using var store = SqliteEventStore.Open(_temp.File("m.db"));
        Assert.Throws<ArgumentException>(() => store.SaveArticle(Doc("a-1"), [FullEvent("a-2")]));
        Assert.Equal(0, store.CountArticles());
        Assert.Equal(0, store.CountEvents());
    }

    [Fact]
    public void ADatabaseFromANewerVersionIsRefused()
    {
        var path = _temp.File("m.db");
        using (SqliteEventStore.Open(path))
        {
        }
        RawExecute(path, "INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'future', '2030-01-01');");

        var error = Assert.Throws<InvalidOperationException>(() => SqliteEventStore.Open(path));
        Assert.Contains("99", error.Message);
    }

    private static Document Doc(string id, string title = "اشتباكات في بنغازي") =>
        new(new Article(id, Text, title, new DateOnly(2016, 10, 25), "ar", "وكالة مرصد التجريبية", null));

    private static EventRecord FullEvent(string articleId)
    {
        int start = Text.IndexOf("اشتباكات", StringComparison.Ordinal);
        int end = Text.IndexOf("جنود.", StringComparison.Ordinal) + "جنود".Length;
        int place = Text.IndexOf("قنفودة", StringComparison.Ordinal);
        return new EventRecord
        {
            ArticleId = articleId,
            Type = "battles",
            Subtype = "armed_clash",
            Actor1 = "الجيش الليبي",
            Actor2 = "مسلحون",
            Place = new PlaceRef("قنفودة", "LY", 32.0842, 19.9487, "point", "geonames:0000001", new TextSpan(place, "قنفودة".Length)),
            Origin = new PlaceRef("بنغازي", "LY", 32.1167, 20.0667, "admin1", null),
            Date = new DateValue(new DateOnly(2016, 10, 24), new DateOnly(2016, 10, 24), DatePrecision.Day),
            Quantities = new Dictionary<string, long> { ["fatalities"] = 4 },
            Fatalities = 4,
            Certainty = "reported",
            ReportedBy = "مصادر محلية",
            Evidence = TextSpan.FromBounds(start, end),
            EvidenceText = Text[start..end],
            Trigger = new TextSpan(start, "اشتباكات".Length),
            ArgumentSpans = new Dictionary<string, TextSpan> { ["place"] = new(place, "قنفودة".Length), ["certainty"] = new(0, 5) },
        };
    }

    private static EventRecord MinimalEvent(string articleId) => new()
    {
        ArticleId = articleId,
        Type = "x_threat",
        Subtype = "threat",
        Certainty = "speculative",
        Evidence = new TextSpan(0, 10),
        EvidenceText = Text[..10],
    };

    private static void AssertSameEvent(EventRecord expected, EventRecord actual)
    {
        Assert.Equal(expected.ArticleId, actual.ArticleId);
        Assert.Equal(expected.Type, actual.Type);
        Assert.Equal(expected.Subtype, actual.Subtype);
        Assert.Equal(expected.Actor1, actual.Actor1);
        Assert.Equal(expected.Actor2, actual.Actor2);
        Assert.Equal(expected.Place, actual.Place);
        Assert.Equal(expected.Origin, actual.Origin);
        Assert.Equal(expected.Date, actual.Date);
        Assert.Equal(expected.Fatalities, actual.Fatalities);
        Assert.Equal(expected.Certainty, actual.Certainty);
        Assert.Equal(expected.ReportedBy, actual.ReportedBy);
        Assert.Equal(expected.Evidence, actual.Evidence);
        Assert.Equal(expected.EvidenceText, actual.EvidenceText);
        Assert.Equal(expected.Trigger, actual.Trigger);
        Assert.Equal(expected.Quantities.OrderBy(kv => kv.Key), actual.Quantities.OrderBy(kv => kv.Key));
        Assert.Equal(expected.ArgumentSpans.OrderBy(kv => kv.Key), actual.ArgumentSpans.OrderBy(kv => kv.Key));
    }

    private static List<string> RawQuery(string path, string sql)
    {
        using var connection = RawConnection(path);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) ?? "");
        return rows;
    }

    private static void RawExecute(string path, string sql)
    {
        using var connection = RawConnection(path);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static SqliteConnection RawConnection(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
