using System.Text;
using Marsad.Cli;
using Marsad.Storage;

namespace Marsad.Tests.Ingest;

/// <summary>`marsad ingest URL`: a single article page fetched over real HTTP on 127.0.0.1.</summary>
public class UrlIngestTests
{
    private const string Page = """
        <html lang="ar"><head><meta charset="utf-8"><title>اشتباكات في سبها</title>
        <meta property="article:published_time" content="2016-10-25T08:00:00Z"></head>
        <body><article><p>اندلعت أمس الاثنين اشتباكات عنيفة بين وحدات من الجيش الليبي ومسلحين في مدينة سبها جنوب ليبيا، بحسب مصادر محلية.</p>
        <p>وقالت المصادر إن المواجهات استمرت ساعات قبل أن تتوقف مع حلول المساء، دون أن تعلن حصيلة للقتلى.</p></article></body></html>
        """;

    private static LocalHttpServer Server() => new(async (ctx, cancel) =>
    {
        var bytes = Encoding.UTF8.GetBytes(Page);
        ctx.Response.ContentType = "text/html; charset=utf-8";
        await ctx.Response.OutputStream.WriteAsync(bytes, cancel);
        ctx.Response.Close();
    });

    private static (int Code, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, stdout, stderr);
        return (code, stderr.ToString());
    }

    [Fact]
    public void AnAllowedLocalPageIsFetchedAndStored()
    {
        using var server = Server();
        var db = Path.Combine(Path.GetTempPath(), $"marsad-url-{Guid.NewGuid():N}.db");
        try
        {
            var (code, err) = Run("ingest", server.Base + "news/1", "--db", db, "--allow-host", "127.0.0.1");
            Assert.True(code == 0, err);
            using var store = EventStores.Open(db);
            Assert.Equal(1, store.CountArticles());
            Assert.True(store.CountEvents() >= 1);
        }
        finally
        {
            File.Delete(db);
        }
    }

    [Fact]
    public void ALoopbackPageIsRefusedUnlessAllowed()
    {
        using var server = Server();
        var db = Path.Combine(Path.GetTempPath(), $"marsad-url-{Guid.NewGuid():N}.db");
        try
        {
            var (code, err) = Run("ingest", server.Base + "news/1", "--db", db);
            Assert.Equal(1, code);
            Assert.Contains("not fetched", err, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(db);
        }
    }
}
