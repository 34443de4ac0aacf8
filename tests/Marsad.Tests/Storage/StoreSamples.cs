using Marsad.Events;
using Marsad.Storage;
using Marsad.Text;

namespace Marsad.Tests.Storage;

/// <summary>Articles and events the store tests save and read back.</summary>
internal static class StoreSamples
{
    public const string Text =
        "أفادت مصادر محلية بأن اشتباكات اندلعت أمس الاثنين بين الجيش ومسلحين في قنفودة غرب بنغازي، قتل فيها أربعة جنود. "
        + "وأعلنت السلطات ضبط 17 قطعة سلاح قرب الوادي.";

    public static Document Doc(string id, string title = "اشتباكات في بنغازي", string text = Text) =>
        new(new Article(id, text, title, new DateOnly(2016, 10, 25), "ar", "وكالة مرصد التجريبية", "https://example.org/" + id));

    public static EventRecord FullEvent(string articleId)
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

    public static EventRecord MinimalEvent(string articleId) => new()
    {
        ArticleId = articleId,
        Type = "x_threat",
        Subtype = "threat",
        Certainty = "speculative",
        Evidence = new TextSpan(0, 10),
        EvidenceText = Text[..10],
    };

    /// <summary>A batch item for an original article with these events.</summary>
    public static PreparedArticle Prepared(string id, string text, params EventRecord[] events) =>
        SqlEventStore.Prepare(Doc(id, text: text), events);

    /// <summary>A long enough text (for SimHash) about one event, numbered so each is distinct.</summary>
    public static string LongText(int n) =>
        string.Join(' ', Enumerable.Range(0, 60).Select(i => $"كلمة{(n * 1000) + i}")) + " " + Text;

    public static void AssertSameEvent(EventRecord expected, EventRecord actual)
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
}
