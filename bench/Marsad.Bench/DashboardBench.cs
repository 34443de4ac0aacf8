using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Marsad.Storage;
using Marsad.Web;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace Marsad.Bench;

/// <summary>
/// `dashboard`: issue 8's "the map with 100,000 events stays interactive". Writes a synthetic SQLite store with the
/// query benchmark's generator (140,000 mentions make about 112,000 merged events, of which 100,000 located ones fill the map's cap), serves it with
/// the real server on 127.0.0.1, opens the dashboard in Debian's chromium and reports the first view's load time
/// (window.marsadTimings.firstView: navigation start → map clustered, list, counts and timeline drawn), then how long
/// zoom and pan steps take to settle and the frame intervals while the map is dragged with the mouse.
/// </summary>
internal static class DashboardBench
{
    public static async Task<int> Run(string[] args)
    {
        int events = 140_000, runs = 3;
        string? db = null, chromium = null;
        bool keep = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--events" when i + 1 < args.Length: events = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--runs" when i + 1 < args.Length: runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--db" when i + 1 < args.Length: db = args[++i]; break;
                case "--chromium" when i + 1 < args.Length: chromium = args[++i]; break;
                case "--keep": keep = true; break;
                default:
                    Console.Error.WriteLine($"bench: unknown argument {args[i]}");
                    return 2;
            }
        }
        chromium ??= Environment.GetEnvironmentVariable("MARSAD_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            Console.Error.WriteLine($"bench: chromium not found at {chromium} (apt-get install -y chromium, or --chromium PATH)");
            return 1;
        }

        // An existing --db file is served as it is, so that runs can be repeated on the same data; a file named by --db is kept.
        bool generate = db is null || !File.Exists(db);
        keep |= db is not null;
        db ??= Path.Combine(Path.GetTempPath(), "marsad-dashboard-bench.db");
        if (generate)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                File.Delete(db + suffix);
            using (EventStores.Open(db)) { }
            var clock = Stopwatch.StartNew();
            var data = new SyntheticData(events, seed: 8);
            using (var connection = (SqliteConnection)QueryBench.Connect(db, pg: false))
            {
                data.InsertSqlite(connection);
                QueryBench.Analyze(connection, pg: false);
            }
            Console.WriteLine($"generated {data.Events:N0} event mentions, {data.MergedCount:N0} merged events in {clock.Elapsed.TotalSeconds:F0} s: {db}");
        }

        await using var server = MarsadServer.Create(new ServerOptions { Db = db, Port = 0, RequestsPerMinute = 100_000 });
        if (!server.WebRoot.Built)
        {
            Console.Error.WriteLine($"bench: the dashboard's libraries are missing in {server.WebRoot.Path}/lib (the client build did not run)");
            return 1;
        }
        await server.StartAsync();

        // The server alone: the one request that carries every point.
        using (var http = new HttpClient { BaseAddress = new Uri(server.Url), Timeout = TimeSpan.FromMinutes(5) })
        {
            var apiTimes = new List<double>();
            long bytes = 0;
            for (int i = 0; i < 3; i++)
            {
                var sw = Stopwatch.StartNew();
                var body = await http.GetByteArrayAsync("/api/events/points?limit=100000");
                apiTimes.Add(sw.Elapsed.TotalMilliseconds);
                bytes = body.Length;
            }
            Console.WriteLine($"GET /api/events/points?limit=100000: {string.Join(", ", apiTimes.Select(t => $"{t:F0} ms"))} ({bytes / 1024.0 / 1024.0:F1} MB)");
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });

        var firstViews = new List<JsonElement>();
        JsonElement? interaction = null;
        for (int run = 1; run <= runs; run++)
        {
            // A new context per run: an empty cache, as a first visit.
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
            await context.AddInitScriptAsync("localStorage.setItem('marsad.lang', 'en');");
            var page = await context.NewPageAsync();
            var wall = Stopwatch.StartNew();
            await page.GotoAsync(server.Url + "/");
            while (!await page.EvaluateAsync<bool>("() => window.marsadTimings?.firstView > 0"))
            {
                if (wall.Elapsed > TimeSpan.FromMinutes(3))
                    throw new TimeoutException("the dashboard did not finish its first view in 3 minutes: " + await page.TextContentAsync("#status"));
                await Task.Delay(25);
            }
            var t = await page.EvaluateAsync<JsonElement>("() => window.marsadTimings");
            firstViews.Add(t);
            Console.WriteLine($"run {run}: first view {t.GetProperty("firstView").GetDouble():F0} ms (points {t.GetProperty("points").GetInt32():N0}: fetch+parse {t.GetProperty("pointsFetch").GetDouble():F0} ms, markers {t.GetProperty("markersBuild").GetDouble():F0} ms, clustering {t.GetProperty("clusterLoad").GetDouble():F0} ms); status: {await page.TextContentAsync("#status")}");
            if (run == runs)
            {
                interaction = await page.EvaluateAsync<JsonElement>(ZoomPanScript);
                var box = await page.Locator("#map").BoundingBoxAsync() ?? throw new InvalidOperationException("no map");
                await page.EvaluateAsync(StartFramesScript);
                float x = box.X + box.Width / 2, y = box.Y + box.Height / 2;
                await page.Mouse.MoveAsync(x, y);
                await page.Mouse.DownAsync();
                for (int i = 1; i <= 30; i++)
                    await page.Mouse.MoveAsync(x + (i * 12) % 240 - 120, y + (i * 7) % 140 - 70);
                await page.Mouse.UpAsync();
                var frames = await page.EvaluateAsync<double[]>(StopFramesScript);
                foreach (var kind in new[] { "zoom", "pan" })
                    Console.WriteLine($"{kind} steps, until redrawn (ms): {Summary(interaction.Value.GetProperty(kind).EnumerateArray().Select(e => e.GetDouble()).ToList())}");
                Console.WriteLine($"mouse drag, frame intervals (ms): {Summary(frames.ToList())}");
            }
        }

        var fv = firstViews.Select(t => t.GetProperty("firstView").GetDouble()).ToList();
        Console.WriteLine();
        Console.WriteLine($"Marsad dashboard benchmark: {firstViews[0].GetProperty("points").GetInt32():N0} map points, {runs} cold loads");
        Console.WriteLine($"first view (ms): {Summary(fv)}");
        if (!keep && generate)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                File.Delete(db + suffix);
        }
        return 0;
    }

    private static string Summary(List<double> values)
    {
        if (values.Count == 0)
            return "none";
        var sorted = values.Order().ToList();
        double P(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        return $"n {sorted.Count}, p50 {P(0.5):F0}, p95 {P(0.95):F0}, max {sorted[^1]:F0}";
    }

    // Each step: a zoom or pan without animation, timed until the map's moveend and two frames later (clusters redrawn).
    private const string ZoomPanScript = """
        async () => {
          const map = window.marsad.map;
          const settle = () => new Promise((resolve) => map.once('moveend', () => requestAnimationFrame(() => requestAnimationFrame(resolve))));
          const zoomIn = ['zoom', () => map.zoomIn(1, { animate: false })];
          const zoomOut = ['zoom', () => map.zoomOut(1, { animate: false })];
          const pan = (x, y) => ['pan', () => map.panBy([x, y], { animate: false })];
          const steps = [zoomIn, pan(300, 0), pan(0, 200), zoomIn, pan(-400, -100), zoomIn, pan(250, 150), zoomOut, zoomOut, zoomOut];
          const times = { zoom: [], pan: [] };
          for (let round = 0; round < 3; round++) {
            for (const [kind, step] of steps) {
              const t0 = performance.now();
              const done = settle();
              step();
              await done;
              times[kind].push(performance.now() - t0);
            }
          }
          return times;
        }
        """;

    private const string StartFramesScript = """
        () => {
          window.__frames = [];
          let last = performance.now();
          const tick = (now) => {
            window.__frames.push(now - last);
            last = now;
            if (window.__framesOn) requestAnimationFrame(tick);
          };
          window.__framesOn = true;
          requestAnimationFrame(tick);
        }
        """;

    private const string StopFramesScript = """
        async () => {
          await new Promise((r) => setTimeout(r, 300));
          window.__framesOn = false;
          return window.__frames.slice(1);
        }
        """;
}
