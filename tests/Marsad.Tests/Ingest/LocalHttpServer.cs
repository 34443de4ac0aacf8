using System.Net;
using System.Net.Sockets;

namespace Marsad.Tests.Ingest;

/// <summary>A real HTTP server on 127.0.0.1 and a free port, answering with the handler a test gives.</summary>
public sealed class LocalHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<HttpListenerContext, CancellationToken, Task> _answer;

    public LocalHttpServer(Func<HttpListenerContext, CancellationToken, Task> answer)
    {
        _answer = answer;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Base = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Base);
        _listener.Start();
        _ = Task.Run(Serve);
    }

    /// <summary>The server's root URL, ending in a slash.</summary>
    public string Base { get; }

    private async Task Serve()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => Answer(ctx));
        }
    }

    private async Task Answer(HttpListenerContext ctx)
    {
        var res = ctx.Response;
        try
        {
            await _answer(ctx, _stop.Token);
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client hung up (size or time limit reached): that is the point of some tests.
        }
        finally
        {
            try
            {
                res.Close();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
            }
        }
    }

    /// <summary>Sends a whole body with its content type.</summary>
    public static async Task Write(HttpListenerResponse res, string type, byte[] body)
    {
        res.ContentType = type;
        res.ContentLength64 = body.Length;
        await res.OutputStream.WriteAsync(body);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }
}
