using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Marsad.Ingest;

/// <summary>Limits of one fetch.</summary>
/// <param name="MaxBytes">Largest body read; a larger one is refused.</param>
/// <param name="Timeout">Time for the whole fetch, redirects included.</param>
/// <param name="MaxRedirects">Redirects followed before giving up.</param>
/// <param name="AllowPrivateHosts">
/// Host names allowed to resolve to private, loopback or link-local addresses (<c>*</c> for any).
/// Empty by default: a URL in a feed must not make Marsad probe the local network.
/// </param>
public sealed record FetchOptions(
    long MaxBytes = 20L << 20,
    TimeSpan? Timeout = null,
    int MaxRedirects = 5,
    IReadOnlySet<string>? AllowPrivateHosts = null)
{
    /// <summary>The time limit in force (30 seconds unless set).</summary>
    public TimeSpan TimeLimit => Timeout ?? TimeSpan.FromSeconds(30);

    /// <summary>True when <paramref name="host"/> may resolve to a non-public address.</summary>
    public bool MayBePrivate(string host) =>
        AllowPrivateHosts is { } set && (set.Contains("*") || set.Contains(host));
}

/// <summary>What a fetch gave: the body and its metadata, or why there is none.</summary>
/// <param name="Url">The URL finally fetched (after redirects).</param>
/// <param name="Status">HTTP status of the last response; 0 when no response came.</param>
/// <param name="Body">The body; null on error or 304 Not Modified.</param>
/// <param name="ContentType">The Content-Type header value.</param>
/// <param name="ETag">The ETag header, for conditional requests next time.</param>
/// <param name="LastModified">The Last-Modified header, for conditional requests next time.</param>
/// <param name="Error">A sentence saying why nothing usable came back.</param>
public sealed record FetchResult(Uri Url, int Status, byte[]? Body, string? ContentType, string? ETag, string? LastModified, string? Error)
{
    /// <summary>True when the server said the resource is unchanged since the given validators.</summary>
    public bool NotModified => Status == 304;
}

/// <summary>
/// Fetches web pages and feeds without letting a hostile URL reach the local network: every address
/// a host resolves to is checked at connection time (so DNS tricks and redirects are covered), only
/// http and https are followed, redirects are bounded, and body size and total time are capped.
/// </summary>
public sealed class SafeFetcher : IDisposable
{
    private readonly FetchOptions _options;
    private readonly HttpClient _client;

    public SafeFetcher(FetchOptions? options = null)
    {
        _options = options ?? new FetchOptions();
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
            ConnectCallback = ConnectAsync,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("Marsad/1.0 (news event monitor)");
    }

    /// <summary>Fetches <paramref name="url"/>, sending the validators of an earlier fetch when given.</summary>
    public async Task<FetchResult> FetchAsync(Uri url, string? etag = null, string? lastModified = null, CancellationToken cancel = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(_options.TimeLimit);
        var current = url;
        try
        {
            for (int hop = 0; ; hop++)
            {
                if (current.Scheme is not ("http" or "https"))
                    return Fail(current, 0, $"only http and https URLs are fetched, not {current.Scheme}:");
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                if (etag is not null)
                    request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                if (lastModified is not null)
                    request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                int status = (int)response.StatusCode;
                if (status is 301 or 302 or 303 or 307 or 308)
                {
                    if (hop >= _options.MaxRedirects)
                        return Fail(current, status, $"more than {_options.MaxRedirects} redirects (a redirect loop?)");
                    if (response.Headers.Location is not { } location)
                        return Fail(current, status, "a redirect without a Location header");
                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    continue;
                }
                if (status == 304)
                    return new FetchResult(current, status, null, null, etag, lastModified, null);
                if (status is < 200 or > 299)
                    return Fail(current, status, $"the server answered {status} {response.ReasonPhrase}");
                var body = await ReadCapped(response.Content, timeout.Token).ConfigureAwait(false);
                if (body is null)
                    return Fail(current, status, $"the body is larger than the {ReaderLimits.Size(_options.MaxBytes)} limit; refused");
                return new FetchResult(current, status, body,
                    response.Content.Headers.ContentType?.ToString(),
                    response.Headers.ETag?.ToString(),
                    response.Content.Headers.LastModified?.ToString("R"),
                    null);
            }
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            return Fail(current, 0, $"no complete answer within {_options.TimeLimit.TotalSeconds:0.#} s; gave up");
        }
        catch (HttpRequestException ex)
        {
            var refused = ex.InnerException as RefusedAddressException ?? ex.InnerException?.InnerException as RefusedAddressException;
            return Fail(current, 0, refused?.Message ?? $"cannot fetch: {ex.Message}");
        }
    }

    private async Task<byte[]?> ReadCapped(HttpContent content, CancellationToken cancel)
    {
        if (content.Headers.ContentLength is { } declared && declared > _options.MaxBytes)
            return null;
        await using var stream = await content.ReadAsStreamAsync(cancel).ConfigureAwait(false);
        var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int n;
        while ((n = await stream.ReadAsync(chunk, cancel).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > _options.MaxBytes)
                return null;
        }
        return buffer.ToArray();
    }

    private static FetchResult Fail(Uri url, int status, string error) => new(url, status, null, null, null, null, error);

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancel)
    {
        string host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancel).ConfigureAwait(false);
        var usable = _options.MayBePrivate(host) ? addresses : addresses.Where(IsPublic).ToArray();
        if (usable.Length == 0)
            throw new RefusedAddressException(addresses.Length == 0
                ? $"{host} does not resolve to any address"
                : $"{host} resolves to a non-public address ({addresses[0]}); refused (private, loopback and link-local addresses must be allowed explicitly)");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(usable, context.DnsEndPoint.Port, cancel).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>True for addresses on the public internet; false for private, loopback, link-local, shared, multicast and reserved ranges.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] is 0 or 10 or 127 or >= 224
                || b[0] == 100 && b[1] is >= 64 and <= 127
                || b[0] == 169 && b[1] == 254
                || b[0] == 172 && b[1] is >= 16 and <= 31
                || b[0] == 192 && b[1] == 168
                || b[0] == 192 && b[1] == 0 && b[2] is 0 or 2
                || b[0] == 198 && b[1] is 18 or 19
                || b[0] == 198 && b[1] == 51 && b[2] == 100
                || b[0] == 203 && b[1] == 0 && b[2] == 113);
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal
                || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal)
                return false;
            var b = address.GetAddressBytes();
            // 2001:db8::/32 is documentation; 64:ff9b::/96 and ::/96 embed IPv4 addresses a gateway may translate to private ones.
            if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8)
                return false;
            if (b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b || b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
                return IsPublic(new IPAddress(b.AsSpan(12, 4)));
            return true;
        }
        return false;
    }

    public void Dispose() => _client.Dispose();

    /// <summary>Raised inside the connection callback when every address of a host is off limits.</summary>
    private sealed class RefusedAddressException(string message) : IOException(message);
}

/// <summary>Reading a fetched page into an article, with the charset the server declared.</summary>
public static class FetchedPage
{
    /// <summary>The article in a fetched HTML page, or null (reported) when it cannot be trusted.</summary>
    public static Text.Article? ToArticle(FetchResult result, Action<IngestDiagnostic> report)
    {
        if (result.Body is null)
        {
            report(new IngestDiagnostic(result.Url.ToString(), 0, result.Error ?? "no body", DiagnosticKind.FileProblem));
            return null;
        }
        string? charset = TextDecoder.CharsetOf(result.ContentType);
        return HtmlArticleReader.Read(result.Body, result.Url.ToString(), report, charset, result.Url.ToString());
    }

    /// <summary>The media type of a Content-Type value (<c>text/html</c>), lower case, or null.</summary>
    public static string? MediaType(string? contentType) =>
        contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var v) ? v.MediaType?.ToLowerInvariant() : null;
}
