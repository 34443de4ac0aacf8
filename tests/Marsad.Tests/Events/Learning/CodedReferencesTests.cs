using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marsad.Events.Learning;
using Marsad.Text;

namespace Marsad.Tests.Events.Learning;

// Coded articles are kept as offsets into SaudiNewsNet texts that are read at test time, never stored.
public class CodedReferencesTests
{
    private static string News => Shared.PathOf("data", "news", "saudinewsnet");

    [Fact]
    public void PackedReferencesRebuildTheEvidenceAndNamesTheCoderWrote()
    {
        using var tmp = new TempDir();
        const string zip = "2015-07-21.zip";
        string entry;
        JsonArray day;
        using (var archive = ZipFile.OpenRead(Path.Combine(News, zip)))
        {
            var json = archive.Entries.First(x => x.FullName.EndsWith(".json", StringComparison.Ordinal));
            entry = json.FullName;
            using var s = json.Open();
            day = JsonNode.Parse(s)!.AsArray();
        }
        int index = Enumerable.Range(0, day.Count).First(i => (day[i]?["content"]?.GetValue<string>() ?? "").Length > 400);
        var text = TextFolder.Fold(day[index]!["content"]!.GetValue<string>());
        var evidence = text.Substring(100, 80);
        var arabicName = text.Split(' ').Skip(5).First(w => w.Length > 3 && w.Any(c => c is >= '\u0621' and <= '\u064A'));
        // A coded set as a coder writes it (FORMAT.md, with the ref the pool was drawn with), built here from the data.
        var articles = tmp.File("articles.jsonl", JsonSerializer.Serialize(new
        {
            id = "snn-c-test", lang = "ar", published = "2015-07-21", source = "x", text = day[index]!["content"]!.GetValue<string>(),
            @ref = new { zip, entry, index },
        }) + "\n");
        var gold = tmp.File("gold.jsonl", JsonSerializer.Serialize(new
        {
            article = "snn-c-test", type = "battles", subtype = "armed_clash", actor1 = new[] { "Houthis", arabicName },
            actor2 = Array.Empty<string>(), place = (object?)null, date = (object?)null, quantities = new { }, fatalities = (object?)null,
            certainty = "confirmed", reported_by = Array.Empty<string>(), evidence,
        }) + "\n");
        var packed = Path.Combine(tmp.Path, "packed");
        Shared.Python(Path.Combine(Shared.RepoRoot, "training", "pack-coded.py"), "--articles", articles, "--gold", gold, "--out", packed);

        // What the repository keeps has no text of the article.
        var kept = File.ReadAllText(Path.Combine(packed, "articles.jsonl")) + File.ReadAllText(Path.Combine(packed, "gold.jsonl"));
        Assert.DoesNotContain(evidence, kept, StringComparison.Ordinal);
        Assert.DoesNotContain(arabicName, kept, StringComparison.Ordinal);

        var problems = new List<string>();
        var coded = Assert.Single(CodedReferences.Load(Path.Combine(packed, "articles.jsonl"), Path.Combine(packed, "gold.jsonl"), News, problems.Add));
        Assert.Empty(problems);
        Assert.Equal(text, TextFolder.Fold(coded.Article.Text));
        var e = Assert.Single(coded.Gold);
        Assert.Equal(evidence, e.GetProperty("evidence").GetString());
        Assert.Equal(["Houthis", arabicName], e.GetProperty("actor1").EnumerateArray().Select(x => x.GetString()!).ToArray());
    }

    [Fact]
    public void AReferenceOutsideTheNewsIsReportedAndSkipped()
    {
        using var tmp = new TempDir();
        var articles = tmp.File("articles.jsonl", "{\"id\":\"c1\",\"lang\":\"ar\",\"ref\":{\"zip\":\"2015-07-21.zip\",\"entry\":\"2015-07-21.json\",\"index\":999999}}\n");
        var gold = tmp.File("gold.jsonl", "");
        var problems = new List<string>();
        Assert.Empty(CodedReferences.Load(articles, gold, News, problems.Add));
        Assert.Contains(problems, p => p.Contains("999999", StringComparison.Ordinal));
        var missing = tmp.File("missing.jsonl", "{\"id\":\"c1\",\"ref\":{\"zip\":\"1999-01-01.zip\",\"entry\":\"x.json\",\"index\":0}}\n");
        Assert.Throws<FileNotFoundException>(() => CodedReferences.Load(missing, gold, News, problems.Add));
    }
}
