using System.CommandLine;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Marsad.Ingest;
using Marsad.Pipeline;
using Marsad.Storage;

namespace Marsad.Cli;

/// <summary>`marsad ingest PATH...`: articles through the pipeline into the store, resumable and idempotent.</summary>
public static class IngestCommand
{
    /// <summary>The --db option shared by ingest, query, export and worker.</summary>
    public static Option<string> DbOption() => new("--db")
    {
        Description = "SQLite file or postgres://user@host:port/db (default: $MARSAD_DATA, else marsad.db in $MARSAD_HOME or ./.data).",
    };

    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "JSON Lines, CSV, HTML (.html/.htm), plain text (.txt) or zip files, or folders of them.",
            Arity = ArgumentArity.OneOrMore,
        };
        var db = DbOption();
        var lexicons = new Option<string>("--lexicons") { Description = "Folder of lexicons to use instead of the ones shipped beside the binaries." };
        var batch = new Option<int>("--batch") { Description = "Articles per transaction (default 200).", DefaultValueFactory = _ => 200 };
        var maxFile = new Option<int>("--max-file-mb") { Description = "Largest HTML or text file (or zip entry) read, in MB (default 20); larger ones are refused.", DefaultValueFactory = _ => 20 };
        var allowHost = new Option<string[]>("--allow-host") { Description = "Hosts a URL argument may reach even on a private or loopback address (default: none).", AllowMultipleArgumentsPerToken = true };
        var maxRecord = new Option<int>("--max-record-mb") { Description = "Largest JSON line or CSV record read, in MB (default 20).", DefaultValueFactory = _ => 20 };
        var cmd = new Command("ingest", "Extract events from articles and store them (skips what is stored; links duplicates; merges events).");
        cmd.Arguments.Add(paths);
        cmd.Options.Add(db);
        cmd.Options.Add(lexicons);
        cmd.Options.Add(batch);
        cmd.Options.Add(maxFile);
        cmd.Options.Add(maxRecord);
        cmd.Options.Add(allowHost);
        cmd.SetAction(r =>
        {
            int fileMb = r.GetValue(maxFile), recordMb = r.GetValue(maxRecord);
            if (fileMb is < 1 or > 2047 || recordMb is < 1 or > 2047)
            {
                stderr.WriteLine("marsad: --max-file-mb and --max-record-mb must be between 1 and 2047");
                return 2;
            }
            var limits = ReaderLimits.Default with { MaxFileBytes = (long)fileMb << 20, MaxRecordBytes = recordMb << 20 };
            return Run(r.GetValue(paths)!, r.GetValue(db), r.GetValue(lexicons), r.GetValue(batch), stdout, stderr, limits, r.GetValue(allowHost));
        });
        return cmd;
    }

    public static int Run(string[] paths, string? db, string? lexicons, int batchSize, TextWriter stdout, TextWriter stderr, ReaderLimits? limits = null, string[]? allowHosts = null)
    {
        if (batchSize < 1)
        {
            stderr.WriteLine("marsad: --batch must be at least 1");
            return 2;
        }
        if (lexicons is not null && !Directory.Exists(lexicons))
        {
            stderr.WriteLine($"marsad: {lexicons}: lexicon folder not found");
            return 2;
        }
        db = DemoCommand.ResolveDbPath(db);
        try
        {
            var pipeline = MarsadPipeline.CreateDefault(lexicons, GazetteerCommands.EnsureIndex(stderr));
            using var store = EventStores.Open(db);
            var progress = new ProgressLine(stderr);
            var ingestor = new Ingestor(store, pipeline.Process, batchSize);
            var stats = ingestor.Run(
                ReadAll(paths, stderr, limits, allowHosts),
                progress.Report,
                (article, ex) => stderr.WriteLine($"marsad: article '{article.Id}': extraction failed: {ex.GetType().Name}: {ex.Message}"),
                (article, message) => stderr.WriteLine($"marsad: article '{article.Id}': {message}"));
            progress.Done();
            stdout.WriteLine(Summary(stats, store));
            return stats.Read > 0 ? 0 : 1;
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            stderr.WriteLine($"marsad: {db}: {e.Message}");
            return 1;
        }
    }

    /// <summary>The closing line: what this run did and what the store now holds.</summary>
    public static string Summary(IngestStats s, IEventStore store) => string.Create(CultureInfo.InvariantCulture,
        $"ingested {s.Read:N0} articles in {s.Elapsed.TotalSeconds:0.0} s ({s.ArticlesPerSecond:0.0} articles/s): {s.Stored:N0} new, {s.ExactDuplicates:N0} exact and {s.NearDuplicates:N0} near duplicates linked, {s.AlreadyStored:N0} already stored, {s.Failed:N0} failed; {s.Events:N0} events ({s.Merged:N0} merged into events other articles told). {store.Location} holds {store.CountArticles():N0} articles, {store.CountEvents():N0} event mentions, {store.CountMergedEvents():N0} events.");

    private static IEnumerable<Text.Article> ReadAll(string[] paths, TextWriter stderr, ReaderLimits? limits, string[]? allowHosts)
    {
        foreach (var path in paths)
        {
            if (Uri.TryCreate(path, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            {
                if (FetchPage(url, stderr, limits, allowHosts) is { } page)
                    yield return page;
                continue;
            }
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                stderr.WriteLine($"marsad: {path}: no such file or folder");
                continue;
            }
            foreach (var article in ArticleReader.Read(path, d => stderr.WriteLine("marsad: " + d), limits))
                yield return article;
        }
    }

    // A single article URL: fetched without reaching private addresses (unless allowed by name), then read
    // like a saved page. The fetch is synchronous because the batch reader that consumes it is.
    private static Text.Article? FetchPage(Uri url, TextWriter stderr, ReaderLimits? limits, string[]? allowHosts)
    {
        var options = new FetchOptions(MaxBytes: (limits ?? ReaderLimits.Default).MaxFileBytes,
            AllowPrivateHosts: allowHosts is { Length: > 0 } ? new HashSet<string>(allowHosts, StringComparer.OrdinalIgnoreCase) : null);
        using var fetcher = new SafeFetcher(options);
        var result = fetcher.FetchAsync(url).GetAwaiter().GetResult();
        if (result.Body is null)
        {
            stderr.WriteLine($"marsad: {url}: not fetched: {result.Error}");
            return null;
        }
        return HtmlArticleReader.Read(result.Body, url.ToString(), d => stderr.WriteLine("marsad: " + d),
            TextDecoder.CharsetOf(result.ContentType), result.Url.ToString());
    }

    /// <summary>One line of progress: redrawn in place on a terminal, printed every few seconds into a log.</summary>
    private sealed class ProgressLine(TextWriter stderr)
    {
        private readonly bool _terminal = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
        private readonly Stopwatch _sinceLast = Stopwatch.StartNew();
        private bool _drawn;

        public void Report(IngestStats s)
        {
            if (_sinceLast.Elapsed < TimeSpan.FromSeconds(_terminal ? 0.5 : 5))
                return;
            _sinceLast.Restart();
            var line = string.Create(CultureInfo.InvariantCulture,
                $"marsad: ingest: {s.Read:N0} articles, {s.ArticlesPerSecond:0.0} articles/s, {s.Events:N0} events found, {s.ExactDuplicates + s.NearDuplicates:N0} duplicates, {s.AlreadyStored:N0} already stored");
            if (_terminal)
            {
                stderr.Write("\r" + line + "\u001b[K");
                _drawn = true;
            }
            else
                stderr.WriteLine(line);
        }

        public void Done()
        {
            if (_drawn)
                stderr.WriteLine();
        }
    }
}
