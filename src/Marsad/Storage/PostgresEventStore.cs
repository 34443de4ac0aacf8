using System.Data.Common;
using Npgsql;

namespace Marsad.Storage;

/// <summary>
/// The team store: the same schema and behaviour as <see cref="SqliteEventStore"/> on a PostgreSQL
/// server, so several processes (workers, the web server) share one database.
/// </summary>
public sealed class PostgresEventStore : SqlEventStore
{
    // An arbitrary constant naming Marsad's advisory lock for schema migrations.
    private const long MigrationLockKey = 0x4D617273_61640006;

    private readonly string _location;

    private PostgresEventStore(NpgsqlConnection connection, string location)
        : base(connection) => _location = location;

    public override string Location => _location;

    private protected override IReadOnlyList<Schema.Migration> Migrations => Schema.Postgres;

    /// <summary>
    /// Connects with a <c>postgres://user:password@host:port/database?schema=NAME</c> URL or an Npgsql
    /// connection string, creates the schema named by <c>schema</c> (search path) when missing, and migrates.
    /// </summary>
    public static PostgresEventStore Open(string urlOrConnectionString)
    {
        var builder = PostgresUrl.ToBuilder(urlOrConnectionString);
        string location = $"{builder.Host}:{builder.Port}/{builder.Database}" + (builder.SearchPath is { Length: > 0 } sp ? $" (schema {sp})" : "");
        var connection = new NpgsqlConnection(builder.ConnectionString);
        var store = new PostgresEventStore(connection, location);
        try
        {
            connection.Open();
            if (builder.SearchPath is { Length: > 0 } schema)
            {
                // Identifiers cannot be parameters; quote_ident-style quoting keeps any name literal.
                var first = schema.Split(',')[0].Trim().Trim('"');
                store.Execute(null, $"CREATE SCHEMA IF NOT EXISTS \"{first.Replace("\"", "\"\"", StringComparison.Ordinal)}\";");
            }
            store.Migrate();
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    private protected override void LockForMigration(DbTransaction tx)
    {
        using var cmd = Command(tx, "SELECT pg_advisory_xact_lock(@key);");
        Set(cmd, "key", MigrationLockKey);
        cmd.ExecuteNonQuery();
    }

    // Rows another worker's open transaction holds are skipped, not waited for: workers share the queue.
    private protected override string ClaimSql => """
        UPDATE ingest_queue SET worker = @worker
        WHERE id IN (SELECT id FROM ingest_queue WHERE state = 'queued' ORDER BY id LIMIT @n FOR UPDATE SKIP LOCKED)
        RETURNING id, payload;
        """;

    private protected override (string Group, string Label) WeekOf(string column)
    {
        string monday = $"date_trunc('week', CAST({column} AS date))";
        return (monday, $"to_char({monday}, 'YYYY-MM-DD')");
    }

    private protected override string DayNumber(string column) => $"(CAST({column} AS date) - DATE '0001-01-01')";

    private protected override void WriteSearchText(DbTransaction tx, string articleId, string body, bool replace)
    {
        using var cmd = Command(tx, replace
            ? "INSERT INTO article_search (article_id, body) VALUES (@id, @body) ON CONFLICT (article_id) DO UPDATE SET body = excluded.body;"
            : "INSERT INTO article_search (article_id, body) VALUES (@id, @body) ON CONFLICT (article_id) DO NOTHING;");
        Set(cmd, "id", articleId);
        Set(cmd, "body", body);
        cmd.ExecuteNonQuery();
    }

    private protected override (string Condition, string Value) ArticleTextCondition(IReadOnlyList<string> words) =>
        ("e.article_id IN (SELECT article_id FROM article_search WHERE body_tsv @@ plainto_tsquery('simple', @f_text))", string.Join(' ', words));

    private protected override IReadOnlyList<ArticleHit> Search(IReadOnlyList<string> words, int limit)
    {
        // The words joined with & as a tsquery of plain lexemes; plainto_tsquery does the quoting.
        // Ranking reads every match's row; a common word matches tens of thousands, so only the first
        // SearchCandidates the index yields are ranked (SqlEventStore.SearchCandidates says why).
        using var cmd = Command(null, """
            SELECT a.id, a.title, a.published, a.source
            FROM (SELECT article_id, body_tsv FROM article_search
                  WHERE body_tsv @@ plainto_tsquery('simple', @q) LIMIT @candidates) s
            JOIN articles a ON a.id = s.article_id
            ORDER BY ts_rank(s.body_tsv, plainto_tsquery('simple', @q)) DESC, a.id
            LIMIT @limit;
            """);
        Set(cmd, "q", string.Join(' ', words));
        Set(cmd, "candidates", SearchCandidates);
        Set(cmd, "limit", limit);
        var hits = new List<ArticleHit>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
            hits.Add(new ArticleHit(r.GetString(0), Str(r, 1), Day(r, 2), Str(r, 3)));
        return hits;
    }
}

/// <summary>Turns <c>postgres://</c> URLs (the form most tools print) into Npgsql connection strings.</summary>
public static class PostgresUrl
{
    /// <summary>True for <c>postgres://</c> and <c>postgresql://</c> URLs and for Npgsql connection strings (<c>Host=…</c>).</summary>
    public static bool IsPostgres(string db) =>
        db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || db.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses a URL (user, password, host, port, database; query keys <c>schema</c>, <c>sslmode</c> and any Npgsql keyword) or passes a connection string through.</summary>
    public static NpgsqlConnectionStringBuilder ToBuilder(string db)
    {
        if (!db.Contains("://", StringComparison.Ordinal))
            return new NpgsqlConnectionStringBuilder(db);
        var uri = new Uri(db);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = string.IsNullOrEmpty(uri.Host) ? "127.0.0.1" : uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } name ? name : "postgres",
        };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
                builder.Password = Uri.UnescapeDataString(parts[1]);
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            string key = Uri.UnescapeDataString(kv[0]);
            string value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
            switch (key.ToLowerInvariant())
            {
                case "schema" or "search_path":
                    builder.SearchPath = value;
                    break;
                case "sslmode":
                    builder.SslMode = Enum.Parse<SslMode>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true);
                    break;
                default:
                    builder[key] = value;
                    break;
            }
        }
        return builder;
    }
}
