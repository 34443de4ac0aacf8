using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Marsad.Pipeline;
using Marsad.Text;

namespace Marsad.Bench;

/// <summary>Timed throughput run of the pipeline over the SaudiNewsNet corpus (see bench/README.md).</summary>
public static class Program
{
    private const int WarmupArticles = 20;

    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "ingest")
            return IngestBench.Run(args[1..], DefaultDataDir());
        if (args.Length > 0 && args[0] == "query")
            return QueryBench.Run(args[1..]);
        if (args.Length > 0 && args[0] == "dashboard")
            return DashboardBench.Run(args[1..]).GetAwaiter().GetResult();
        if (args.Length == 0 || args[0] != "extract")
            return Usage();

        string? dataDir = null;
        int? limit = null;
        string? gazetteer = null;
        for (int i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--data" when i + 1 < args.Length:
                    dataDir = args[++i];
                    break;
                case "--gazetteer" when i + 1 < args.Length:
                    gazetteer = args[++i];
                    break;
                case "--limit" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0:
                    limit = n;
                    i++;
                    break;
                default:
                    return Usage();
            }
        }

        dataDir ??= DefaultDataDir();
        if (dataDir is null || !Directory.Exists(dataDir))
        {
            Console.Error.WriteLine($"bench: data folder not found: {dataDir ?? "(no Marsad.sln above the current folder)"}; pass --data DIR");
            return 1;
        }

        var zips = Directory.GetFiles(dataDir, "*.zip").Order(StringComparer.Ordinal).ToArray();
        if (zips.Length == 0)
        {
            Console.Error.WriteLine($"bench: no .zip files in {dataDir}");
            return 1;
        }

        return Extract(dataDir, zips, limit ?? int.MaxValue, gazetteer);
    }

    private static int Extract(string dataDir, string[] zips, int limit, string? gazetteer)
    {
        // --gazetteer DIR: a store's gazetteer folder (e.g. .data/gazetteer), to measure what the index lookup costs.
        var pipeline = MarsadPipeline.CreateDefault(null, gazetteer);
        // The raw pass is the floor every article pays: fold the text, split sentences, tokenize with clitics.
        var tokenizer = new Marsad.Text.TextAnalyzer();
        var load = new Stopwatch();
        var raw = new Stopwatch();
        var full = new Stopwatch();
        long articles = 0, chars = 0, tokens = 0, events = 0;
        bool warmedUp = false;

        foreach (var zip in zips)
        {
            if (articles >= limit)
                break;

            // One zip's articles at a time: I/O and JSON parsing stay outside the timed loops,
            // and memory holds a day of news rather than the whole corpus.
            load.Start();
            var batch = ReadZip(zip, (int)Math.Min(int.MaxValue, limit - articles));
            load.Stop();
            if (batch.Count == 0)
                continue;

            if (!warmedUp)
            {
                // Let the JIT tier up before the clocks run, so small --limit runs are not all start-up.
                foreach (var a in batch.Take(WarmupArticles))
                    pipeline.Process(a);
                warmedUp = true;
            }

            raw.Start();
            foreach (var a in batch)
            {
                var doc = new Marsad.Text.Document(a);
                tokenizer.Process(doc);
                tokens += doc.Tokens.Count;
            }
            raw.Stop();

            full.Start();
            foreach (var a in batch)
                events += pipeline.Process(a).Events.Count;
            full.Stop();

            articles += batch.Count;
            foreach (var a in batch)
                chars += a.Text.Length;
        }

        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        double rawSec = raw.Elapsed.TotalSeconds, fullSec = full.Elapsed.TotalSeconds;

        Console.WriteLine("Marsad extract benchmark");
        Console.WriteLine($"  data           {dataDir} ({zips.Length} zips)");
        Console.WriteLine($"  articles       {articles:N0} ({chars / 1e6:F1} M chars, {tokens:N0} tokens)");
        Console.WriteLine($"  load           {load.Elapsed.TotalSeconds,8:F2} s   unzip + JSON, not counted below");
        Console.WriteLine($"  raw  (fold+tokenize) {rawSec,8:F2} s   {Rate(articles, rawSec),10:N1} articles/s");
        Console.WriteLine($"  full (Process) {fullSec,8:F2} s   {Rate(articles, fullSec),10:N1} articles/s");
        Console.WriteLine($"  full/raw       {(rawSec > 0 ? fullSec / rawSec : 0),8:F2} x");
        Console.WriteLine($"  events found   {events:N0}");
        Console.WriteLine($"  peak memory    {peak / (1024.0 * 1024.0):F0} MB (peak working set)");
        return 0;
    }

    private static List<Article> ReadZip(string zipPath, int max)
    {
        var name = Path.GetFileNameWithoutExtension(zipPath);
        var result = new List<Article>();
        using var archive = ZipFile.OpenRead(zipPath);
        foreach (var entry in archive.Entries)
        {
            if (!entry.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                continue;
            using var stream = entry.Open();
            // Deserializing from the stream parses the array incrementally without a string copy of the file.
            var items = JsonSerializer.Deserialize(stream, BenchJson.Default.ListSnnItem) ?? [];
            foreach (var item in items)
            {
                if (result.Count >= max)
                    return result;
                if (string.IsNullOrWhiteSpace(item.Content))
                    continue;
                result.Add(new Article(
                    Id: $"{name}#{result.Count}",
                    Text: item.Content,
                    Title: item.Title,
                    Published: ParseDay(item.DateExtracted),
                    Lang: "ar",
                    Source: item.Source,
                    Url: item.Url));
            }
        }
        return result;
    }

    private static DateOnly? ParseDay(string? timestamp) =>
        timestamp is { Length: >= 10 } && DateOnly.TryParseExact(timestamp[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : null;

    private static double Rate(long count, double seconds) => seconds > 0 ? count / seconds : 0;

    /// <summary>The repository's ../shared/data/news/saudinewsnet, found from the folder holding Marsad.sln.</summary>
    internal static string? DefaultDataDir()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Marsad.sln")))
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "news", "saudinewsnet"));
            }
        }
        return null;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: Marsad.Bench extract [--data DIR] [--limit N] [--gazetteer DIR]");
        Console.Error.WriteLine("       Marsad.Bench ingest [--data DIR] [--db FILE|postgres://…] [--limit N] [--gazetteer DIR] [--batch N]");
        Console.Error.WriteLine("       Marsad.Bench query [--db FILE|postgres://…] [--events 1000000] [--runs 200] [--before-runs 20] [--keep] [--reuse [--schema NAME]]");
        Console.Error.WriteLine("       Marsad.Bench dashboard [--events 140000] [--db FILE] [--keep] [--runs 3] [--chromium PATH]");
        return 2;
    }
}

/// <summary>One SaudiNewsNet record as it sits in the corpus' JSON arrays.</summary>
internal sealed record SnnItem(
    [property: JsonPropertyName("source")] string? Source,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("date_extracted")] string? DateExtracted,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("author")] string? Author,
    [property: JsonPropertyName("content")] string? Content);

[JsonSerializable(typeof(List<SnnItem>))]
internal sealed partial class BenchJson : JsonSerializerContext;
