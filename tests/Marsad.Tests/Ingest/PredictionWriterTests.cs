using System.Text;
using System.Text.Json;
using Marsad.Events;
using Marsad.Ingest;
using Marsad.Text;

namespace Marsad.Tests.Ingest;

public class PredictionWriterTests
{
    private const string Text = "أعلنت السلطات الجزائرية عن ضبط 17 صاروخا في الوادي";

    private static EventRecord Sample() => new()
    {
        ArticleId = "seed-sirte",
        Type = "strategic_developments",
        Subtype = "disrupted_weapons_use",
        Actor1 = "السلطات الجزائرية",
        Place = new PlaceRef("El Oued", "DZ", 33.368, 6.863, "point", "geonames:2500017"),
        Date = new DateValue(new DateOnly(2016, 9, 25), new DateOnly(2016, 10, 25), DatePrecision.Range),
        Quantities = new Dictionary<string, long> { ["weapons"] = 17, ["arrests"] = 2 },
        Certainty = "confirmed",
        ReportedBy = "السلطات الجزائرية",
        Evidence = TextSpan.FromBounds(0, Text.Length),
        EvidenceText = Text,
        Trigger = new TextSpan(Text.IndexOf("ضبط", StringComparison.Ordinal), 3),
        ArgumentSpans = new Dictionary<string, TextSpan> { ["actor1"] = new(6, 17) },
    };

    private static readonly string[] Keys =
        ["article", "type", "subtype", "actor1", "actor2", "place", "origin", "date", "quantities", "fatalities", "certainty", "reported_by", "evidence"];

    [Fact]
    public void WritesTheFormatKeysInOrderAndRoundTrips()
    {
        using var buffer = new MemoryStream();
        using (var writer = new PredictionWriter(buffer))
        {
            writer.Write(Sample(), Text);
            writer.Write(Sample() with { Place = null, Date = null, Actor1 = null, Fatalities = 3 }, Text);
            Assert.Equal(2, writer.Count);
        }
        string output = Encoding.UTF8.GetString(buffer.ToArray());
        var lines = output.Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal("", lines[2]);
        Assert.Contains("السلطات الجزائرية", lines[0]); // unescaped Arabic

        using var doc = JsonDocument.Parse(lines[0]);
        var root = doc.RootElement;
        Assert.Equal(Keys, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("seed-sirte", root.GetProperty("article").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("actor2").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("origin").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("fatalities").ValueKind);
        var place = root.GetProperty("place");
        Assert.Equal(["name", "country", "lat", "lon", "precision", "gazetteer_id"], place.EnumerateObject().Select(p => p.Name));
        Assert.Equal(33.368, place.GetProperty("lat").GetDouble());
        Assert.Equal("geonames:2500017", place.GetProperty("gazetteer_id").GetString());
        var date = root.GetProperty("date");
        Assert.Equal(["start", "end", "precision"], date.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2016-09-25", date.GetProperty("start").GetString());
        Assert.Equal("range", date.GetProperty("precision").GetString());
        Assert.Equal(17, root.GetProperty("quantities").GetProperty("weapons").GetInt32());
        var ev = root.GetProperty("evidence");
        Assert.Equal(["start", "end", "text"], ev.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Text.Length, ev.GetProperty("end").GetInt32());
        Assert.Equal(Text, ev.GetProperty("text").GetString());
        Assert.False(root.TryGetProperty("explain", out _));

        using var doc2 = JsonDocument.Parse(lines[1]);
        Assert.Equal(JsonValueKind.Null, doc2.RootElement.GetProperty("place").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc2.RootElement.GetProperty("date").ValueKind);
        Assert.Equal(3, doc2.RootElement.GetProperty("fatalities").GetInt32());
    }

    [Fact]
    public void ExplainAddsTriggerAndArgumentSpans()
    {
        string line = PredictionWriter.ToJsonLine(Sample(), Text, explain: true);
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        Assert.Equal([.. Keys, "explain"], root.EnumerateObject().Select(p => p.Name));
        var explain = root.GetProperty("explain");
        Assert.Equal("ضبط", explain.GetProperty("trigger").GetProperty("text").GetString());
        var actor = explain.GetProperty("arguments").GetProperty("actor1");
        Assert.Equal(6, actor.GetProperty("start").GetInt32());
        Assert.Equal(23, actor.GetProperty("end").GetInt32());
        Assert.Equal("السلطات الجزائرية", actor.GetProperty("text").GetString());
    }

    [Fact]
    public void OffsetsAreCodePointsWhenTheTextHasAstralCharacters()
    {
        string text = "😀 " + Text;
        var e = Sample() with { Evidence = new TextSpan(3, Text.Length), EvidenceText = Text };
        using var doc = JsonDocument.Parse(PredictionWriter.ToJsonLine(e, text));
        var ev = doc.RootElement.GetProperty("evidence");
        Assert.Equal(2, ev.GetProperty("start").GetInt32());
        Assert.Equal(2 + Text.Length, ev.GetProperty("end").GetInt32());
    }
}
