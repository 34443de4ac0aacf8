using System.Diagnostics;
using System.Globalization;
using Marsad.Ingest;
using Marsad.Pipeline;
using Marsad.Storage;
using Marsad.Text;

namespace Marsad.Bench;

/// <summary>
/// `ingest`: the whole corpus read, extracted and stored into a fresh database, as `marsad ingest`
/// does it, timed end to end; then, in the same process, the raw read-fold-tokenize rate over the
/// same files, so the ratio says what extraction and storage cost on top of reading.
/// </summary>
internal static class IngestBench
{
    public static int Run(string[] args, string? defaultData)
    {
        string? data = defaultData, db = null, gazetteer = null;
        int limit = int.MaxValue, batch = 200;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--data" when i + 1 < args.Length: data = args[++i]; break;
                case "--db" when i + 1 < args.Length: db = args[++i]; break;
                case "--gazetteer" when i + 1 < args.Length: gazetteer = args[++i]; break;
                case "--limit" when i + 1 < args.Length: limit = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--batch" when i + 1 < args.Length: batch = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"bench: unknown argument {args[i]}");
                    return 2;
            }
        }
        if (data is null || !Directory.Exists(data))
        {
            Console.Error.WriteLine($"bench: data folder not found: {data}; pass --data DIR");
            return 1;
        }
        gazetteer ??= FindGazetteer();

        // A fresh database each run: a SQLite file in the temp folder, or a new schema on the server.
        string label;
        if (db is null || !PostgresUrl.IsPostgres(db))
        {
            db ??= Path.Combine(Path.GetTempPath(), "marsad-bench.db");
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                File.Delete(db + suffix);
            label = "SQLite " + db;
        }
        else
        {
            var schema = "bench_" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            var builder = PostgresUrl.ToBuilder(db);
            builder.SearchPath = schema;
            db = builder.ConnectionString;
            label = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database} schema {schema}";
        }

        var pipeline = MarsadPipeline.CreateDefault(null, gazetteer);
        // JIT warm-up on a few articles outside the clocks, as the extract bench does.
        foreach (var a in Read(data, 20))
            pipeline.Process(a);

        var extract = new Stopwatch();
        (Document, IReadOnlyList<Marsad.Events.EventRecord>) Process(Article a)
        {
            extract.Start();
            try
            {
                return pipeline.Process(a);
            }
            finally
            {
                extract.Stop();
            }
        }

        var clock = Stopwatch.StartNew();
        IngestStats stats;
        int articles, events, merged;
        using (var store = EventStores.Open(db))
        {
            stats = new Ingestor(store, Process, batch).Run(Read(data, limit));
            articles = store.CountArticles();
            events = store.CountEvents();
            merged = store.CountMergedEvents();
        }
        clock.Stop();

        // The floor: read the same files, fold each text, split sentences and tokenize.
        var analyzer = new TextAnalyzer();
        var rawClock = Stopwatch.StartNew();
        long rawArticles = 0;
        foreach (var a in Read(data, limit))
        {
            var doc = new Document(a);
            analyzer.Process(doc);
            rawArticles++;
        }
        rawClock.Stop();

        double e2e = stats.Read / clock.Elapsed.TotalSeconds;
        double raw = rawArticles / rawClock.Elapsed.TotalSeconds;
        double extractRate = (stats.Stored) / Math.Max(extract.Elapsed.TotalSeconds, 1e-9);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine("Marsad ingest benchmark");
        Console.WriteLine($"  data            {data}");
        Console.WriteLine($"  store           {label}");
        Console.WriteLine(string.Create(inv, $"  articles        {stats.Read:N0} read: {stats.Stored:N0} stored with events, {stats.ExactDuplicates:N0} exact + {stats.NearDuplicates:N0} near duplicates linked, {stats.Failed:N0} failed"));
        Console.WriteLine(string.Create(inv, $"  events          {events:N0} mentions, {merged:N0} after merging ({stats.Merged:N0} merged); {articles:N0} article rows"));
        Console.WriteLine(string.Create(inv, $"  end to end      {clock.Elapsed.TotalSeconds,8:F1} s   {e2e,9:N1} articles/s   (read + dedup + extract + store)"));
        Console.WriteLine(string.Create(inv, $"    of which extraction {extract.Elapsed.TotalSeconds,4:F1} s ({extractRate:N1} articles/s); reading, dedup and storage {clock.Elapsed.TotalSeconds - extract.Elapsed.TotalSeconds:F1} s"));
        Console.WriteLine(string.Create(inv, $"  raw read+fold+tokenize {rawClock.Elapsed.TotalSeconds,3:F1} s   {raw,9:N1} articles/s"));
        Console.WriteLine(string.Create(inv, $"  end-to-end / raw rate  {e2e / raw:F3}   (raw is {raw / e2e:F1}x faster)"));
        Console.WriteLine(string.Create(inv, $"  peak memory     {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0):F0} MB"));
        return 0;
    }

    private static IEnumerable<Article> Read(string data, int limit) =>
        ArticleReader.Read(data, _ => { }).Take(limit);

    private static string? FindGazetteer()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var g = Path.Combine(dir.FullName, ".data", "gazetteer");
            if (File.Exists(Path.Combine(dir.FullName, "Marsad.sln")))
                return Directory.Exists(g) ? g : null;
        }
        return null;
    }
}
