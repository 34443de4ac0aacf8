using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Marsad.Geo;
using Marsad.Ingest;
using Marsad.Pipeline;
using Marsad.Storage;

namespace Marsad.Cli;

/// <summary>`marsad watch --feeds FILE`: polls RSS and Atom feeds and ingests their new items.</summary>
public static class WatchCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var feeds = new Option<string>("--feeds") { Description = "Feed list: one URL a line (# comments), or an .opml file.", Required = true };
        var db = IngestCommand.DbOption();
        var once = new Option<bool>("--once") { Description = "Process every feed once and exit." };
        var interval = new Option<double>("--interval") { Description = "Seconds between passes over the feeds (default 900).", DefaultValueFactory = _ => 900 };
        var allow = new Option<string[]>("--allow-host")
        {
            Description = "Host names allowed to resolve to private, loopback or link-local addresses (refused otherwise).",
            AllowMultipleArgumentsPerToken = true,
        };
        var state = new Option<string>("--state") { Description = "State file of validators and seen items (default: beside the SQLite database, or feeds-state.json in the data folder)." };
        var hostDelay = new Option<double>("--host-delay") { Description = "Least seconds between two requests to one host (default 1).", DefaultValueFactory = _ => 1 };
        var attempts = new Option<int>("--attempts") { Description = "Tries of a URL on server errors and timeouts (default 3).", DefaultValueFactory = _ => 3 };
        var backoff = new Option<double>("--backoff") { Description = "Seconds before the first retry, doubled for each further one (default 2).", DefaultValueFactory = _ => 2 };
        var timeout = new Option<double>("--timeout") { Description = "Seconds allowed for one request (default 30).", DefaultValueFactory = _ => 30 };
        var cmd = new Command("watch", "Poll RSS and Atom feeds (conditional requests, polite per host, retries) and ingest new items; restarts never ingest twice.");
        foreach (var o in new Option[] { feeds, db, once, interval, allow, state, hostDelay, attempts, backoff, timeout })
            cmd.Options.Add(o);
        cmd.SetAction(async (r, cancel) =>
        {
            double every = r.GetValue(interval), delay = r.GetValue(hostDelay), wait = r.GetValue(backoff), limit = r.GetValue(timeout);
            int tries = r.GetValue(attempts);
            if (every < 1 || delay < 0 || wait < 0 || limit <= 0 || tries < 1)
            {
                stderr.WriteLine("marsad: --interval must be at least 1, --attempts at least 1, --timeout positive and --host-delay and --backoff not negative");
                return 2;
            }
            string list = r.GetValue(feeds)!;
            if (!File.Exists(list))
            {
                stderr.WriteLine($"marsad: {list}: no such file");
                return 2;
            }
            var urls = FeedList.Read(list, m => stderr.WriteLine("marsad: " + m));
            if (urls.Count == 0)
            {
                stderr.WriteLine($"marsad: {list}: no feed URLs");
                return 2;
            }
            string dbPath = DemoCommand.ResolveDbPath(r.GetValue(db));
            string statePath = r.GetValue(state) ?? StatePathFor(dbPath);
            var fetchOptions = new FetchOptions(Timeout: TimeSpan.FromSeconds(limit),
                AllowPrivateHosts: new HashSet<string>(r.GetValue(allow) ?? [], StringComparer.OrdinalIgnoreCase));
            var watchOptions = new WatchOptions(TimeSpan.FromSeconds(delay), tries, TimeSpan.FromSeconds(wait));
            try
            {
                var pipeline = MarsadPipeline.CreateDefault(null, GazetteerCommands.EnsureIndex(stderr));
                using var store = EventStores.Open(dbPath);
                using var fetcher = new SafeFetcher(fetchOptions);
                var watcher = new FeedWatcher(fetcher, new Ingestor(store, pipeline.Process), statePath, watchOptions, m => stderr.WriteLine("marsad: " + m));
                while (true)
                {
                    var s = await watcher.RunOnceAsync(urls, cancel);
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"watch: {s.Feeds} feeds ({s.NotModified} unchanged, {s.FeedsFailed} failed), {s.NewItems} new items, {s.Stored} articles stored, {s.ItemsFailed} items not read; {store.Location} holds {store.CountArticles():N0} articles"));
                    if (r.GetValue(once))
                        return s.FeedsFailed == s.Feeds ? 1 : 0;
                    await Task.Delay(TimeSpan.FromSeconds(every), cancel);
                }
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                return 0;
            }
            catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or InvalidOperationException or InvalidDataException or ArgumentException)
            {
                stderr.WriteLine($"marsad: {e.Message}");
                return 1;
            }
        });
        return cmd;
    }

    // Beside a SQLite file, so each database has its own memory of what it already holds.
    internal static string StatePathFor(string db) =>
        PostgresUrl.IsPostgres(db)
            ? Path.Combine(GazetteerStore.DefaultHome, "feeds-state.json")
            : Path.ChangeExtension(Path.GetFullPath(db), ".feeds.json");
}
