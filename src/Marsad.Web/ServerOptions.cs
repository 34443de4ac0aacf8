namespace Marsad.Web;

/// <summary>How <c>marsad serve</c> runs: which store, where it listens, who may write, and its limits.</summary>
public sealed record ServerOptions
{
    /// <summary>The store: a SQLite file or a PostgreSQL URL (as <c>--db</c> takes it).</summary>
    public required string Db { get; init; }

    /// <summary>The address to listen on; loopback unless the operator opens it up on purpose.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The port; 0 picks a free one (tests), and <see cref="MarsadServer.Url"/> says which.</summary>
    public int Port { get; init; } = 5080;

    /// <summary>The key write endpoints require (header <c>X-Api-Key</c> or <c>Authorization: Bearer</c>); without one, writes are refused.</summary>
    public string? ApiKey { get; init; }

    /// <summary>When true, read endpoints require the key too.</summary>
    public bool ReadRequiresKey { get; init; }

    /// <summary>The largest request body accepted; larger ones get 413.</summary>
    public long MaxBodyBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>Requests one client address may make per minute before getting 429.</summary>
    public int RequestsPerMinute { get; init; } = 1200;

    /// <summary>Write requests one client address may make per minute.</summary>
    public int WritesPerMinute { get; init; } = 60;

    /// <summary>A map tile URL template (<c>https://…/{z}/{x}/{y}.png</c>) the dashboard may use; none by default, so it works offline.</summary>
    public string? TileUrl { get; init; }

    /// <summary>Lexicon folder for the pipeline that ingests posted articles (default: the shipped one).</summary>
    public string? LexiconDir { get; init; }

    /// <summary>Gazetteer index folder for that pipeline.</summary>
    public string? GazetteerDir { get; init; }

    /// <summary>Where the dashboard's files are (default: wwwroot beside the binaries).</summary>
    public string? WebRoot { get; init; }

    /// <summary>Hosts a posted URL may reach even on a private address (tests on 127.0.0.1); none by default.</summary>
    public IReadOnlyCollection<string> AllowHosts { get; init; } = [];
}
