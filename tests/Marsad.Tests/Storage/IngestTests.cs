using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Marsad.Cli;
using Marsad.Ingest;
using Marsad.Pipeline;
using Marsad.Storage;
using Marsad.Text;

namespace Marsad.Tests.Storage;

/// <summary>Ingesting through the pipeline into each store: idempotent, duplicates linked, and safe to kill.</summary>
public sealed class IngestTests
{
    private static readonly Lazy<MarsadPipeline> Pipeline = new(() => MarsadPipeline.CreateDefault());

    public static TheoryData<string> Backends => StoreBackends.All();

    [Theory]
    [MemberData(nameof(Backends))]
    public void IngestingTwiceChangesNothingAndRepublishedStoriesAreLinked(string backend)
    {
        var articles = ReadSamples();
        var original = articles.First(a => a.Text.Length > 400);
        // A wire story republished: exactly, and with a dateline and another headline.
        var copies = new[]
        {
            original with { Id = "copy-exact", Title = "عنوان آخر" },
            original with { Id = "copy-near", Text = "(وكالات) " + original.Text + " المصدر: وكالات." },
        };

        using var db = new TestDb(backend);
        using var store = db.Open();
        var ingestor = new Ingestor(store, Pipeline.Value.Process, batchSize: 3);
        var first = ingestor.Run(articles.Concat(copies));
        Assert.Equal(articles.Count, first.Stored);
        Assert.Equal(1, first.ExactDuplicates);
        Assert.Equal(1, first.NearDuplicates);
        Assert.Equal(new DuplicateLink(original.Id, "exact"), store.DuplicateOf("copy-exact"));
        Assert.StartsWith("near:", store.DuplicateOf("copy-near")!.Reason);
        int events = store.CountEvents();
        Assert.True(events > 0);
        Assert.Equal(first.Events, events);
        Assert.Empty(store.QueryEvents(EventQuery.ForArticle("copy-near")));

        var second = ingestor.Run(articles.Concat(copies));
        Assert.Equal(articles.Count + 2, second.AlreadyStored);
        Assert.Equal(0, second.Stored + second.Events);
        Assert.Equal(articles.Count + 2, store.CountArticles());
        Assert.Equal(events, store.CountEvents());
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void TwoWorkersShareTheQueueAndStoreEachArticleOnce(string backend)
    {
        var articles = ReadSamples();
        var extra = Enumerable.Range(0, 30).Select(i => new Article($"w-{i}", $"خبر رقم {i}: " + string.Join(' ', Enumerable.Range(0, 50).Select(j => $"كلمة{i}x{j}")), null, new DateOnly(2020, 1, 1)));
        using var db = new TestDb(backend);
        using (var store = db.Open())
        {
            Assert.Equal(articles.Count + 30, store.Enqueue(articles.Concat(extra)));
            Assert.Equal(0, store.Enqueue(articles));
        }

        // Two stores (connections) working the same queue at once, as two processes would.
        var results = new IngestStats[2];
        Parallel.For(0, 2, i =>
        {
            using var store = db.Open();
            results[i] = new Ingestor(store, a => { lock (Pipeline) return Pipeline.Value.Process(a); }, batchSize: 4)
                .RunWorker("w" + i, exitWhenEmpty: true, CancellationToken.None);
        });

        using var check = db.Open();
        Assert.Equal(articles.Count + 30, results.Sum(r => r.Read));
        Assert.Equal(articles.Count + 30, check.CountArticles());
        Assert.Equal((0, articles.Count + 30), check.QueueCounts());
        Assert.Equal(results.Sum(r => r.Events), check.CountEvents());
    }

    [Fact]
    public void CliIngestThenQueryCountAndExport()
    {
        using var tmp = new TempFolder();
        var dbPath = tmp.File("cli.db");
        var (code, stdout, _) = Run("ingest", SamplesFile(), "--db", dbPath);
        Assert.Equal(0, code);
        Assert.Contains($"{ReadSamples().Count} new", stdout);

        (code, stdout, _) = Run("query", "--db", dbPath, "--count", "--mentions");
        Assert.Equal(0, code);
        using var store = SqliteEventStore.Open(dbPath);
        Assert.Equal(store.CountEvents().ToString(CultureInfo.InvariantCulture), stdout.Trim());
        (_, stdout, _) = Run("query", "--db", dbPath, "--count");
        Assert.Equal(store.CountMergedEvents().ToString(CultureInfo.InvariantCulture), stdout.Trim());

        (code, stdout, _) = Run("query", "--db", dbPath, "--top", "types");
        Assert.Equal(0, code);
        Assert.Contains("events", stdout);

        var jsonl = tmp.File("out.jsonl");
        (code, _, _) = Run("export", "--db", dbPath, "--format", "jsonl", "--out", jsonl);
        Assert.Equal(0, code);
        var lines = File.ReadAllLines(jsonl);
        Assert.Equal(store.CountMergedEvents(), lines.Length);
        using (var first = JsonDocument.Parse(lines[0]))
        {
            Assert.True(first.RootElement.TryGetProperty("evidence", out _));
            Assert.True(first.RootElement.GetProperty("sources").GetArrayLength() >= 1);
        }

        var csv = tmp.File("out.csv");
        (code, _, _) = Run("export", "--db", dbPath, "--format", "acled-csv", "--out", csv, "--country", "LY");
        Assert.Equal(0, code);
        var header = File.ReadLines(csv).First();
        Assert.StartsWith("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1", header);

        var geo = tmp.File("out.geojson");
        (code, _, _) = Run("export", "--db", dbPath, "--format", "geojson", "--out", geo, "--bbox", "-20,0,60,45");
        Assert.Equal(0, code);
        using var geojson = JsonDocument.Parse(File.ReadAllText(geo));
        Assert.Equal("FeatureCollection", geojson.RootElement.GetProperty("type").GetString());
    }

    /// <summary>
    /// kill -9 during ingest at random moments, resume, and the database equals an uninterrupted run's:
    /// same articles, duplicate links, events and merged events.
    /// </summary>
    [Fact]
    public void KillingIngestAndResumingEqualsAnUninterruptedRun()
    {
        using var tmp = new TempFolder();
        var input = tmp.File("articles.jsonl");
        int n = WriteCrashInput(input);
        var reference = tmp.File("reference.db");
        var crashed = tmp.File("crashed.db");

        Assert.Equal(0, RunChild(input, reference, killAfter: null));
        var random = new Random(Environment.TickCount);
        int kills = 0;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            // Start-up (lexicons, gazetteer, NER model) takes about a second; kill somewhere in the ingest after it.
            if (RunChild(input, crashed, TimeSpan.FromMilliseconds(random.Next(900, 2500))) != 0)
                kills++;
        }
        Assert.Equal(0, RunChild(input, crashed, killAfter: null));
        Assert.True(kills >= 1, "no run was killed before it finished; the input is too small for this machine");

        var expected = Dump(reference);
        var actual = Dump(crashed);
        Assert.Equal(n, expected.Articles);
        Assert.Equal(expected.Articles, actual.Articles);
        Assert.Equal(expected.Events, actual.Events);
        Assert.Equal(expected.Merged, actual.Merged);
        Assert.Equal(expected.Rows, actual.Rows);
    }

    private static (int Articles, int Events, int Merged, List<string> Rows) Dump(string path)
    {
        using var store = SqliteEventStore.Open(path);
        var rows = new List<string>();
        var articleOf = new Dictionary<long, string>();
        var events = store.QueryEvents();
        foreach (var e in events)
            articleOf[e.Id] = e.ArticleId + "#" + events.Where(x => x.ArticleId == e.ArticleId).ToList().IndexOf(e);
        // Row ids may differ between runs; compare what they point to: an article and the event's place in it.
        foreach (var e in events)
            rows.Add($"{articleOf[e.Id]} {PredictionWriter.ToJsonLine(e.Event)} merged-with {articleOf[e.MergedId]} {e.MergeReason?.Split("compared with")[0]}");
        foreach (var id in events.Select(e => e.ArticleId).Distinct())
            rows.Add($"{id} dup {store.DuplicateOf(id)}");
        return (store.CountArticles(), store.CountEvents(), store.CountMergedEvents(), rows);
    }

    // Runs `marsad ingest` in a child process; kills it (SIGKILL) after the delay when one is given.
    private static int RunChild(string input, string db, TimeSpan? killAfter)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "Marsad.Cli.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { cli, "ingest", input, "--db", db, "--batch", "10" })
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (killAfter is { } delay && !process.WaitForExit(delay))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return -9;
        }
        process.WaitForExit();
        return process.ExitCode;
    }

    // Real news when ../shared is there (about 2.5 s of ingest), else the samples many times over with distinct ids and words.
    private static int WriteCrashInput(string path)
    {
        var articles = new List<Article>();
        var zip = Path.Combine(RepoRoot(), "..", "shared", "data", "news", "saudinewsnet", "2015-07-21.zip");
        if (File.Exists(zip))
            articles.AddRange(ArticleReader.Read(zip, _ => { }).Take(500));
        else
        {
            var samples = ReadSamples();
            for (int i = 0; i < 60; i++)
                articles.AddRange(samples.Select(a => a with { Id = $"{a.Id}-{i}", Text = $"نشرة رقم {i} " + string.Join(' ', Enumerable.Range(0, 40).Select(j => $"كلمة{i}x{j}")) + " " + a.Text }));
        }
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        foreach (var a in articles)
        {
            writer.WriteLine(JsonSerializer.Serialize(new Dictionary<string, string?>
            {
                ["id"] = a.Id,
                ["title"] = a.Title,
                ["published"] = a.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["source"] = a.Source,
                ["url"] = a.Url,
                ["text"] = a.Text,
            }));
        }
        return articles.DistinctBy(a => a.Id).Count();
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static List<Article> ReadSamples() => ArticleReader.Read(SamplesFile(), _ => { }).ToList();

    private static string SamplesFile() => Path.Combine(RepoRoot(), "samples", "articles.jsonl");

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Marsad.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Marsad.sln not found above " + AppContext.BaseDirectory);
    }
}
