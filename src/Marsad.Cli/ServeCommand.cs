using System.CommandLine;
using System.Data.Common;
using Marsad.Web;

namespace Marsad.Cli;

/// <summary>`marsad serve`: the dashboard and the JSON API over a store, until Ctrl+C.</summary>
public static class ServeCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var db = IngestCommand.DbOption();
        var host = new Option<string>("--host") { Description = "Address to listen on (default 127.0.0.1: this machine only).", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "Port (default 5080; 0 picks a free one).", DefaultValueFactory = _ => 5080 };
        var apiKey = new Option<string>("--api-key") { Description = "Key that write endpoints require (default: $MARSAD_API_KEY; without one, writes are refused)." };
        var readKey = new Option<bool>("--read-requires-key") { Description = "Require the API key for read endpoints too." };
        var tiles = new Option<string>("--tile-url") { Description = "Map tile URL template, e.g. https://tile.example.org/{z}/{x}/{y}.png (default: $MARSAD_TILE_URL; none: country boundaries only, offline)." };
        var maxBody = new Option<int>("--max-body-kb") { Description = "Largest request body in KB (default 2048).", DefaultValueFactory = _ => 2048 };
        var rate = new Option<int>("--rate") { Description = "Requests per minute per client address (default 1200; writes: 60).", DefaultValueFactory = _ => 1200 };
        var lexicons = new Option<string>("--lexicons") { Description = "Folder of lexicons for articles posted to the API." };
        var allowHost = new Option<string[]>("--allow-host") { Description = "Hosts a posted URL may reach even on a private or loopback address.", AllowMultipleArgumentsPerToken = true };
        var cmd = new Command("serve", "Serve the dashboard at / and the JSON API under /api/ (OpenAPI: /openapi/v1.json).");
        foreach (var o in new Option[] { db, host, port, apiKey, readKey, tiles, maxBody, rate, lexicons, allowHost })
            cmd.Options.Add(o);
        cmd.SetAction(r =>
        {
            int p = r.GetValue(port), kb = r.GetValue(maxBody), perMinute = r.GetValue(rate);
            if (p is < 0 or > 65535 || kb is < 1 or > 1024 * 1024 || perMinute < 1)
            {
                stderr.WriteLine("marsad: --port must be 0..65535, --max-body-kb 1..1048576 and --rate at least 1");
                return 2;
            }
            var options = new ServerOptions
            {
                Db = DemoCommand.ResolveDbPath(r.GetValue(db)),
                Host = r.GetValue(host) ?? "127.0.0.1",
                Port = p,
                ApiKey = NonEmpty(r.GetValue(apiKey)) ?? NonEmpty(Environment.GetEnvironmentVariable("MARSAD_API_KEY")),
                ReadRequiresKey = r.GetValue(readKey),
                TileUrl = NonEmpty(r.GetValue(tiles)) ?? NonEmpty(Environment.GetEnvironmentVariable("MARSAD_TILE_URL")),
                MaxBodyBytes = kb * 1024L,
                RequestsPerMinute = perMinute,
                LexiconDir = r.GetValue(lexicons),
                GazetteerDir = GazetteerCommands.EnsureIndex(stderr),
                AllowHosts = r.GetValue(allowHost) ?? [],
            };
            if (options.ReadRequiresKey && options.ApiKey is null)
            {
                stderr.WriteLine("marsad: --read-requires-key needs --api-key (or MARSAD_API_KEY)");
                return 2;
            }
            return Run(options, stdout, stderr);
        });
        return cmd;
    }

    /// <summary>Starts the server, prints its URL, and serves until Ctrl+C or SIGTERM.</summary>
    public static int Run(ServerOptions options, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            using var stop = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            using var onTerm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c =>
            {
                c.Cancel = true;
                stop.Cancel();
            });
            try
            {
                var server = MarsadServer.Create(options, stderr);
                server.StartAsync(stop.Token).GetAwaiter().GetResult();
                stdout.WriteLine($"Marsad dashboard: {server.Url}/   (API: {server.Url}/api/events, OpenAPI: {server.Url}/openapi/v1.json)");
                stdout.WriteLine($"store: {server.StoreLocation}; writes {(options.ApiKey is null ? "disabled (no --api-key)" : "need the API key")}; Ctrl+C stops.");
                if (!server.WebRoot.Built)
                    stderr.WriteLine($"marsad: the dashboard's libraries are missing in {server.WebRoot.Path}/lib (the client build did not run); the API works, the map will not.");
                stdout.Flush();
                server.RunAsync(stop.Token).GetAwaiter().GetResult();
                server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
            return 0;
        }
        catch (IOException e) when (e.InnerException is System.Net.Sockets.SocketException || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            stderr.WriteLine($"marsad: cannot listen on {options.Host}:{options.Port}: {e.Message} (try --port)");
            return 1;
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            stderr.WriteLine($"marsad: serve: {e.Message}");
            return 1;
        }
    }

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
