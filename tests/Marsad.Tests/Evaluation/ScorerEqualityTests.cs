using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marsad.Evaluation;
using Marsad.Text;

namespace Marsad.Tests.Evaluation;

/// <summary>The C# scorer must print exactly what ../shared/eval/score.py prints for the same files.</summary>
public class ScorerEqualityTests
{
    private static string Articles => Shared.PathOf("eval", "dev", "articles.jsonl");

    private static string Gold => Shared.PathOf("eval", "dev", "gold.jsonl");

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void EventsMatchTheReferenceScorer(int seed)
    {
        using var tmp = new TempDir();
        var pred = tmp.File("pred.jsonl", string.Join("\n", Perturb(seed)) + "\n");

        var score = EventScorer.ScoreEventFiles(Articles, Gold, pred);
        string pyCompact = Shared.Python(Shared.ScorePy, "events", "--articles", Articles, "--gold", Gold, "--pred", pred, "--json").TrimEnd('\n');
        string pyIndented = Shared.Python(Shared.ScorePy, "events", "--articles", Articles, "--gold", Gold, "--pred", pred).TrimEnd('\n');

        AssertSameFields(pyCompact, score.ToJson(indented: false));
        Assert.Equal(pyCompact, score.ToJson(indented: false));
        Assert.Equal(pyIndented, score.ToJson());
        if (seed == 0)
        {
            // The perturbations must exercise the metrics, not leave them all perfect or all empty.
            Assert.InRange(score.DetectionTyped.F1, 0.05, 0.99);
            Assert.All(score.OnTypedMatches, kv => Assert.True(kv.Value.N > 0, kv.Key));
            Assert.Contains(score.OnTypedMatches, kv => kv.Value.Accuracy is < 1.0);
        }
    }

    [Fact]
    public void EmptyPredictionsMatchTheReferenceScorer()
    {
        using var tmp = new TempDir();
        var pred = tmp.File("pred.jsonl", "");
        string py = Shared.Python(Shared.ScorePy, "events", "--articles", Articles, "--gold", Gold, "--pred", pred, "--json").TrimEnd('\n');
        Assert.Equal(py, EventScorer.ScoreEventFiles(Articles, Gold, pred).ToJson(indented: false));
    }

    [Theory]
    [InlineData("assault", 0)]
    [InlineData("assault", 1)]
    [InlineData("protest", 0)]
    [InlineData("protest", 2)]
    public void SentencesMatchTheReferenceScorer(string kind, int seed)
    {
        string csv = Shared.PathOf("data", "events", "gsr-dev", $"{kind}_dev.csv");
        using var tmp = new TempDir();
        var rng = new Random(seed);
        var lines = new List<string>();
        using (var stream = File.OpenRead(csv))
        {
            foreach (var row in EventScorer.ReadDictRows(stream))
            {
                string id = row["id"];
                int roll = rng.Next(10);
                string[] types = roll switch
                {
                    < 4 => [],
                    4 => ["battles"],
                    5 => ["violence_against_civilians", "protests"],
                    6 => ["protests"],
                    7 => ["riots", "strategic_developments"],
                    8 => ["strategic_developments"],
                    _ => ["explosions_remote_violence"],
                };
                foreach (var t in types)
                    lines.Add(new JsonObject { ["article"] = id, ["type"] = t, ["subtype"] = "x" }.ToJsonString());
            }
        }
        lines.Add(new JsonObject { ["article"] = "not-in-the-csv", ["type"] = "battles" }.ToJsonString());
        var pred = tmp.File("pred.jsonl", string.Join("\n", lines) + "\n");

        var score = EventScorer.ScoreSentenceFiles(csv, kind, pred);
        string pyCompact = Shared.Python(Shared.ScorePy, "sentences", "--csv", csv, "--kind", kind, "--pred", pred, "--json").TrimEnd('\n');
        string pyIndented = Shared.Python(Shared.ScorePy, "sentences", "--csv", csv, "--kind", kind, "--pred", pred).TrimEnd('\n');

        AssertSameFields(pyCompact, score.ToJson(indented: false));
        Assert.Equal(pyCompact, score.ToJson(indented: false));
        Assert.Equal(pyIndented, score.ToJson());
        Assert.InRange(score.F1, 0.01, 0.99);
    }

    /// <summary>Field-by-field comparison first, so a failure names the metric that differs.</summary>
    private static void AssertSameFields(string expectedJson, string actualJson)
    {
        using var e = JsonDocument.Parse(expectedJson);
        using var a = JsonDocument.Parse(actualJson);
        var expected = Flatten(e.RootElement, "");
        var actual = Flatten(a.RootElement, "");
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (key, value) in expected)
            Assert.True(value == actual[key], $"{key}: python {value}, C# {actual[key]}");
    }

    private static Dictionary<string, string> Flatten(JsonElement el, string prefix)
    {
        var d = new Dictionary<string, string>();
        if (el.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in el.EnumerateObject())
                foreach (var kv in Flatten(p.Value, prefix + "/" + p.Name))
                    d[kv.Key] = kv.Value;
        }
        else
            d[prefix] = el.GetRawText();
        return d;
    }

    /// <summary>
    /// Predictions built from the gold events with deliberate damage: dropped and duplicated events,
    /// wrong types, shifted or missing evidence, moved places, altered dates, names, certainty and
    /// counts, plus spurious events and events for unknown articles.
    /// </summary>
    private static IEnumerable<string> Perturb(int seed)
    {
        var rng = new Random(seed);
        var texts = new Dictionary<string, string>();
        foreach (var line in File.ReadLines(Articles).Where(l => l.Trim().Length > 0))
        {
            var a = JsonNode.Parse(line)!;
            texts[(string)a["id"]!] = TextFolder.Fold((string)a["text"]!);
        }
        int i = 0;
        foreach (var line in File.ReadLines(Gold).Where(l => l.Trim().Length > 0))
        {
            i++;
            var g = JsonNode.Parse(line)!.AsObject();
            string article = (string)g["article"]!;
            string text = texts[article];
            string evidence = TextFolder.Fold((string)g["evidence"]!);
            int at = text.IndexOf(evidence, StringComparison.Ordinal);
            int start = at >= 0 ? CodePoints(text, at) : rng.Next(0, 200);
            int end = start + CodePoints(evidence, evidence.Length);

            // Seed 0 keeps most events intact so the per-argument accuracies stay informative.
            double damage = seed == 0 ? 0.25 : 0.5;
            bool Hit() => rng.NextDouble() < damage;

            if (Hit() && rng.Next(3) == 0)
                continue;
            var p = new JsonObject
            {
                ["article"] = article,
                ["type"] = Hit() ? "battles" : (string?)g["type"],
                ["subtype"] = Hit() ? "armed_clash" : (string?)g["subtype"],
                ["actor1"] = Name(g["actor1"], rng, Hit()),
                ["actor2"] = Name(g["actor2"], rng, Hit()),
                ["place"] = Place(g["place"], rng, Hit()),
                ["origin"] = null,
                ["date"] = Date(g["date"], rng, Hit()),
                ["quantities"] = Quantities(g["quantities"], Hit()),
                ["fatalities"] = g["fatalities"]?.DeepClone(),
                ["certainty"] = Hit() ? "possible" : First(g["certainty"]),
                ["reported_by"] = Name(g["reported_by"], rng, false),
            };
            int shift = Hit() ? rng.Next(-40, 40) : 0;
            p["evidence"] = rng.Next(25) == 0
                ? null
                : new JsonObject { ["start"] = Math.Max(0, start + shift), ["end"] = Math.Max(0, end + shift), ["text"] = evidence };
            if (rng.Next(12) == 0)
                p["evidence"] = new JsonObject { ["start"] = end + 5000, ["end"] = end + 5100, ["text"] = "" };
            yield return p.ToJsonString();
            if (rng.Next(8) == 0)
                yield return p.ToJsonString(); // a duplicate can match only once
            if (rng.Next(6) == 0)
            {
                var spurious = (JsonObject)p.DeepClone();
                spurious["type"] = "protests";
                spurious["evidence"] = new JsonObject { ["start"] = 0, ["end"] = 3 + rng.Next(30), ["text"] = "" };
                yield return spurious.ToJsonString();
            }
        }
        yield return new JsonObject { ["article"] = "no-such-article", ["type"] = "battles", ["evidence"] = new JsonObject { ["start"] = 0, ["end"] = 10 } }.ToJsonString();
    }

    private static int CodePoints(string s, int utf16Length) =>
        utf16Length - s[..utf16Length].Count(char.IsLowSurrogate);

    private static JsonNode? First(JsonNode? v) => v is JsonArray a ? a.FirstOrDefault()?.DeepClone() : v?.DeepClone();

    private static JsonNode? Name(JsonNode? names, Random rng, bool damage)
    {
        var list = names is JsonArray a ? a.Select(n => (string)n!).ToList() : [];
        if (damage)
            return rng.Next(3) switch
            {
                0 => "Unknown gunmen",
                1 => list.Count > 0 ? null : "الجيش",
                _ => list.Count > 0 ? list[0] + " extra" : null,
            };
        if (list.Count == 0)
            return null;
        string name = list[rng.Next(list.Count)];
        return rng.Next(4) switch
        {
            // Variants the normalization or the word-bounded containment rule should accept.
            0 => name.ToUpperInvariant(),
            1 => "«" + name.Replace('ا', 'أ') + "»",
            2 => "the " + name,
            _ => name,
        };
    }

    private static JsonNode? Place(JsonNode? place, Random rng, bool damage)
    {
        if (place is null)
            return damage ? new JsonObject { ["name"] = "Tripoli", ["country"] = "LY", ["lat"] = 32.9, ["lon"] = 13.18, ["precision"] = "point" } : null;
        var p = (JsonObject)place.DeepClone();
        p["gazetteer_id"] = null;
        if (damage)
        {
            switch (rng.Next(4))
            {
                case 0:
                    p["lat"] = (double)p["lat"]! + rng.NextDouble() * 1.2;
                    break;
                case 1:
                    p["country"] = "EG";
                    p["lat"] = (double)p["lat"]! + 0.1;
                    break;
                case 2:
                    p["lat"] = null;
                    break;
                default:
                    return null;
            }
        }
        else if (rng.Next(2) == 0)
        {
            p["lat"] = Math.Round((double)p["lat"]! + 0.05, 3);
            p["country"] = ((string?)p["country"])?.ToLowerInvariant();
        }
        return p;
    }

    private static JsonNode? Date(JsonNode? date, Random rng, bool damage)
    {
        if (date is null)
            return damage ? new JsonObject { ["start"] = "2016-01-01", ["end"] = null, ["precision"] = "day" } : null;
        var d = (JsonObject)date.DeepClone();
        if (!damage)
            return rng.Next(3) == 0 ? new JsonObject { ["start"] = d["start"]!.DeepClone(), ["end"] = null, ["precision"] = "day" } : d;
        var start = DateOnly.ParseExact((string)d["start"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return rng.Next(3) switch
        {
            0 => null,
            1 => new JsonObject { ["start"] = start.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["end"] = d["end"]?.DeepClone(), ["precision"] = "range" },
            _ => new JsonObject { ["start"] = start.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["end"] = null, ["precision"] = "day" },
        };
    }

    private static JsonNode Quantities(JsonNode? q, bool damage)
    {
        var o = q is JsonObject obj ? (JsonObject)obj.DeepClone() : [];
        if (damage)
        {
            if (o.Count > 0)
            {
                var key = o.First().Key;
                o[key] = (long)o[key]! + 1;
            }
            else
                o["people"] = 3;
        }
        return o;
    }
}
