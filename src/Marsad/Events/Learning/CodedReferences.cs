using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marsad.Ingest;
using Marsad.Text;

namespace Marsad.Events.Learning;

/// <summary>
/// Articles this project coded itself, kept in the repository as labels and offsets only: each article line
/// names where its text is (<c>ref</c>: a SaudiNewsNet day's zip, the entry and the index in its JSON array),
/// and each gold line gives its evidence and any Arabic name as <c>{"start","end"}</c> (UTF-16 offsets into
/// the folded text) instead of copied text. The texts are rebuilt from the news folder at training time.
/// </summary>
public static class CodedReferences
{
    /// <summary>Reads a coded set written as references, rebuilding texts from <paramref name="newsDir"/>.</summary>
    public static List<CodedArticle> Load(string articlesPath, string goldPath, string newsDir, Action<string> report)
    {
        var gold = new Dictionary<string, List<JsonNode>>(StringComparer.Ordinal);
        int n = 0;
        foreach (var line in File.ReadLines(goldPath))
        {
            n++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var node = JsonNode.Parse(line) ?? throw new FormatException($"{goldPath}:{n}: empty line");
            var id = node["article"]?.GetValue<string>() ?? throw new FormatException($"{goldPath}:{n}: no article id");
            if (!gold.TryGetValue(id, out var list)) gold[id] = list = [];
            list.Add(node);
        }
        var result = new List<CodedArticle>();
        var zips = new Dictionary<string, JsonArray>(StringComparer.Ordinal);
        n = 0;
        foreach (var line in File.ReadLines(articlesPath))
        {
            n++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var a = JsonNode.Parse(line)!.AsObject();
            var where = $"{articlesPath}:{n}";
            if (a["ref"] is not JsonObject r || r["zip"]?.GetValue<string>() is not { } zip || r["entry"]?.GetValue<string>() is not { } entry
                || r["index"]?.GetValue<int>() is not { } index)
                throw new FormatException($"{where}: an article needs \"ref\": {{\"zip\", \"entry\", \"index\"}}");
            var day = Day(newsDir, zip, entry, zips);
            if (index < 0 || index >= day.Count || day[index]?["content"]?.GetValue<string>() is not { } content)
            {
                report($"{where}: {zip}/{entry}[{index}] has no article text; skipped");
                continue;
            }
            a["text"] = content;
            a["title"] ??= day[index]?["title"]?.GetValue<string>();
            a.Remove("ref");
            // The same reader as every other set, so the text is cleaned exactly as at extraction time.
            var bytes = Encoding.UTF8.GetBytes(a.ToJsonString() + "\n");
            var article = ArticleReader.ReadJsonLines(new MemoryStream(bytes), where, d => report(d.ToString())).FirstOrDefault();
            if (article is null)
                continue;
            var folded = TextFolder.Fold(article.Text);
            var events = new List<JsonElement>();
            foreach (var g in gold.GetValueOrDefault(article.Id, []))
                if (Rebuild(g.DeepClone(), folded, where, report) is { } e)
                    events.Add(e);
            result.Add(new CodedArticle(article, events));
        }
        return result;
    }

    private static JsonArray Day(string newsDir, string zip, string entry, Dictionary<string, JsonArray> cache)
    {
        var key = zip + "/" + entry;
        if (cache.TryGetValue(key, out var day))
            return day;
        var path = Path.Combine(newsDir, zip);
        if (!File.Exists(path))
            throw new FileNotFoundException($"coded articles refer to {path}, which is missing (pass --news with the SaudiNewsNet folder)");
        using var archive = ZipFile.OpenRead(path);
        var e = archive.GetEntry(entry) ?? throw new FileNotFoundException($"{path} has no entry {entry}");
        using var stream = e.Open();
        day = JsonNode.Parse(stream)?.AsArray() ?? [];
        cache[key] = day;
        return day;
    }

    // Offsets back to text: the evidence, and Arabic names given as spans in actor1, actor2 and reported_by.
    private static JsonElement? Rebuild(JsonNode g, string folded, string where, Action<string> report)
    {
        string? Slice(JsonNode? span)
        {
            if (span is not JsonObject o || o["start"]?.GetValue<int>() is not { } s || o["end"]?.GetValue<int>() is not { } e || s < 0 || e > folded.Length || s >= e)
                return null;
            return folded[s..e];
        }
        var evidence = Slice(g["evidence"]);
        if (evidence is null)
        {
            report($"{where}: an event of {g["article"]} has evidence outside its text; skipped");
            return null;
        }
        g["evidence"] = evidence;
        foreach (var field in new[] { "actor1", "actor2", "reported_by" })
            if (g[field] is JsonArray names)
            {
                var rebuilt = new JsonArray();
                foreach (var name in names)
                    if (name is JsonValue v && v.TryGetValue<string>(out var text)) rebuilt.Add(text);
                    else if (Slice(name) is { } span) rebuilt.Add(span);
                g[field] = rebuilt;
            }
        foreach (var field in new[] { "place", "origin" })
            if (g[field] is JsonObject p && p["name"] is JsonObject nameSpan)
                p["name"] = Slice(nameSpan) ?? "";
        return JsonSerializer.SerializeToElement(g);
    }
}
