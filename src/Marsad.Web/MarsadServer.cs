using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Marsad.Entities;
using Marsad.Text;
using Marsad.Web.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marsad.Web;

/// <summary>
/// <c>marsad serve</c>: the JSON API under <c>/api/</c>, its OpenAPI description, and the dashboard's
/// static files at <c>/</c>, over one store.
/// </summary>
public sealed class MarsadServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StorePool _stores;

    private MarsadServer(WebApplication app, StorePool stores)
    {
        _app = app;
        _stores = stores;
    }

    /// <summary>The address the server listens on, once started (with the real port when 0 was asked for).</summary>
    public string Url { get; private set; } = "";

    /// <summary>What the store is (for the start-up line).</summary>
    public string StoreLocation => _stores.Location;

    /// <summary>Where the dashboard's files are served from, and whether its npm libraries have been built into it.</summary>
    public (string Path, bool Built) WebRoot { get; private init; }

    public static MarsadServer Create(ServerOptions options, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!IPAddress.TryParse(options.Host, out var address) && options.Host != "localhost")
            throw new ArgumentException($"--host: '{options.Host}' is not an IP address");

        var stores = new StorePool(options.Db);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        if (log is not null)
        {
            builder.Logging.AddProvider(new TextWriterLoggerProvider(log));
            // Start-up failures are reported by the caller in one line; the host's own copy would repeat them with a stack trace.
            builder.Logging.AddFilter((category, level) => level >= LogLevel.Warning
                && (category == "Marsad.Web" || category?.StartsWith("Microsoft.AspNetCore.Server.Kestrel", StringComparison.Ordinal) == true));
        }
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            k.AddServerHeader = false;
            if (options.Host == "localhost")
                k.ListenLocalhost(options.Port);
            else
                k.Listen(address!, options.Port);
        });
        builder.Services.Configure<JsonOptions>(o => Configure(o.SerializerOptions));
        // A body that does not bind (bad JSON, too large) throws, so that the error middleware can say why instead of an empty 400.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Marsad API";
            doc.Info.Description = "Events coded from Arabic and English news: filters, details with evidence spans, aggregates, movement, and article intake.";
            return Task.CompletedTask;
        }));
        builder.Services.AddRateLimiter(r =>
        {
            r.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            r.OnRejected = async (context, cancel) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await WriteError(context.HttpContext, 429, "too many requests from this address; wait a minute", cancel);
            };
            r.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                RateLimitPartition.GetFixedWindowLimiter(ClientOf(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.RequestsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                }));
            r.AddPolicy("writes", http => RateLimitPartition.GetFixedWindowLimiter(ClientOf(http), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.WritesPerMinute,
                Window = TimeSpan.FromMinutes(1),
            }));
        });
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(stores);
        builder.Services.AddSingleton(new ArticleIntake(options));
        builder.Services.AddSingleton(_ => LoadActors(options.LexiconDir));

        var app = builder.Build();
        app.Use(SecurityHeaders);
        app.Use(Errors);
        app.UseRateLimiter();

        var webRoot = options.WebRoot ?? Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (Directory.Exists(webRoot))
        {
            var files = new PhysicalFileProvider(Path.GetFullPath(webRoot));
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }

        app.MapOpenApi("/openapi/{documentName}.json");
        ApiEndpoints.Map(app, options);
        // An unknown path under /api/ is a JSON 404, not the dashboard page.
        // Write routes declare a JSON body, so routing passes over a POST of another type: say what is wrong with it.
        app.Map("/api/{**rest}", (HttpContext http) => throw (HttpMethods.IsPost(http.Request.Method) && !http.Request.HasJsonContentType()
            ? new ApiException(415, "send the body as JSON with Content-Type: application/json")
            : new ApiException(404, $"no such endpoint: {http.Request.Method} {http.Request.Path}")));

        return new MarsadServer(app, stores)
        {
            WebRoot = (webRoot, File.Exists(Path.Combine(webRoot, "lib", "leaflet", "leaflet.js"))),
        };
    }

    public async Task StartAsync(CancellationToken cancel = default)
    {
        await _app.StartAsync(cancel);
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        Url = addresses?.FirstOrDefault()?.Replace("[::1]", "localhost", StringComparison.Ordinal) ?? "";
    }

    /// <summary>Runs until <paramref name="cancel"/> fires (Ctrl+C in the CLI).</summary>
    public async Task RunAsync(CancellationToken cancel)
    {
        if (Url.Length == 0)
            await StartAsync(cancel);
        try
        {
            await Task.Delay(Timeout.Infinite, cancel);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stores.Dispose();
    }

    /// <summary>The JSON settings of every answer: snake_case names, enums as strings, nulls written (a missing field reads as "not coded").</summary>
    public static void Configure(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        // Arabic stays readable, but <, >, &, ' and " are always escaped: article text is untrusted, and a
        // response that some client mistakes for HTML must not carry live markup.
        o.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        o.DictionaryKeyPolicy = null;
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        o.MaxDepth = 32;
    }

    internal static Task WriteError(HttpContext http, int status, string message, CancellationToken cancel = default)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(new ErrorDto(status, message), cancel);
    }

    private static ActorDictionary LoadActors(string? lexiconDir) =>
        ActorDictionary.Load(lexiconDir ?? LexiconFiles.DefaultDirectory);

    private static string ClientOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    // Article text is untrusted: the dashboard renders it as text, and the policy forbids inline and foreign scripts
    // so that a slip there still runs nothing. Tiles may come from the configured host.
    private static async Task SecurityHeaders(HttpContext http, Func<Task> next)
    {
        var options = http.RequestServices.GetRequiredService<ServerOptions>();
        var tiles = options.TileUrl is { } t && Uri.TryCreate(t.Replace("{s}", "a", StringComparison.Ordinal).Replace("{z}", "0", StringComparison.Ordinal).Replace("{x}", "0", StringComparison.Ordinal).Replace("{y}", "0", StringComparison.Ordinal), UriKind.Absolute, out var u)
            ? " " + u.GetLeftPart(UriPartial.Authority).Replace("//a.", "//*.", StringComparison.Ordinal)
            : "";
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = $"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:{tiles}; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        await next();
    }

    // Every failure of an API call becomes a JSON error with a message; nothing of the server's internals is shown.
    private static async Task Errors(HttpContext http, Func<Task> next)
    {
        try
        {
            await next();
        }
        catch (ApiException e) when (!http.Response.HasStarted)
        {
            await WriteError(http, e.Status, e.Message);
        }
        catch (BadHttpRequestException e) when (!http.Response.HasStarted)
        {
            var message = e.StatusCode == 413
                ? $"request body too large (limit {http.RequestServices.GetRequiredService<ServerOptions>().MaxBodyBytes:N0} bytes)"
                : "bad request: " + (e.InnerException is JsonException j ? "the body is not valid JSON (" + j.Message + ")" : e.Message);
            await WriteError(http, e.StatusCode, message);
        }
        catch (JsonException e) when (!http.Response.HasStarted)
        {
            await WriteError(http, 400, "the body is not valid JSON: " + e.Message);
        }
        catch (Exception e) when (!http.Response.HasStarted && e is not OperationCanceledException)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Marsad.Web").LogError(e, "{Method} {Path} failed", http.Request.Method, http.Request.Path);
            await WriteError(http, 500, "internal error (" + e.GetType().Name + "); the server log has the details");
        }
    }
}
