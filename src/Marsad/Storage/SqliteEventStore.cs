using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Marsad.Storage;

/// <summary>
/// The embedded event store: one SQLite file (WAL, foreign keys on) holding articles, their coded
/// events, quantities, explanation spans, merged events and an FTS5 index over normalized text.
/// Not thread-safe; open one instance per thread.
/// </summary>
public sealed class SqliteEventStore : SqlEventStore
{
    private SqliteEventStore(SqliteConnection connection, string path)
        : base(connection) => Path = path;

    /// <summary>The database file this store writes to.</summary>
    public string Path { get; }

    public override string Location => Path;

    private protected override IReadOnlyList<Schema.Migration> Migrations => Schema.Sqlite;

    /// <summary>Opens the database at <paramref name="path"/>, creating the file, its folder and the schema as needed.</summary>
    public static SqliteEventStore Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        bool inMemory = path == ":memory:";
        if (!inMemory)
        {
            path = System.IO.Path.GetFullPath(path);
            var folder = System.IO.Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(folder))
                Directory.CreateDirectory(folder);
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            // The store holds one connection for its lifetime; pooling would only keep the file
            // open (and locked on Windows) after Dispose.
            Pooling = false,
            // Another process writing (a second ingest, a reader during a batch) waits rather than fails.
            DefaultTimeout = 60,
        };
        var connection = new SqliteConnection(builder.ToString());
        var store = new SqliteEventStore(connection, path);
        try
        {
            connection.Open();
            if (!inMemory)
                store.Execute(null, "PRAGMA journal_mode = WAL;");
            // WAL makes NORMAL durable against application crashes; FULL would fsync every commit.
            store.Execute(null, "PRAGMA synchronous = NORMAL;");
            store.Execute(null, "PRAGMA busy_timeout = 60000;");
            store.Migrate();
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>Reads a PRAGMA's current value (journal_mode, foreign_keys, …); for diagnostics and tests.</summary>
    internal string? Pragma(string name)
    {
        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            throw new ArgumentException("Not a pragma name.", nameof(name));
        using var cmd = Command(null, $"PRAGMA {name};");
        return Convert.ToString(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    // The UPDATE takes SQLite's single write lock first, so two processes never claim the same rows.
    private protected override string ClaimSql => """
        UPDATE ingest_queue SET worker = @worker
        WHERE id IN (SELECT id FROM ingest_queue WHERE state = 'queued' ORDER BY id LIMIT @n)
        RETURNING id, payload;
        """;

    // Julian day numbers count from a Monday, so whole-day number / 7 * 7 is the week's Monday;
    // integer arithmetic per row is cheaper than strftime and date() with a modifier string.
    private protected override (string Group, string Label) WeekOf(string column)
    {
        string monday = $"(CAST(julianday({column}) + 0.5 AS INTEGER) / 7 * 7)";
        return (monday, $"date({monday} - 0.5)");
    }

    // Julian day 1721425.5 is midnight of 0001-01-01, day number 0.
    private protected override string DayNumber(string column) => $"CAST(julianday({column}) - 1721425.5 AS INTEGER)";

    private protected override void WriteSearchText(DbTransaction tx, string articleId, string body, bool replace)
    {
        if (replace)
        {
            // article_id is unindexed in FTS5, so this scans; only re-saving an article (the demo) comes here.
            using var delete = Command(tx, "DELETE FROM article_search WHERE article_id = @id;");
            Set(delete, "id", articleId);
            delete.ExecuteNonQuery();
        }
        using var insert = Command(tx, "INSERT INTO article_search (article_id, body) VALUES (@id, @body);");
        Set(insert, "id", articleId);
        Set(insert, "body", body);
        insert.ExecuteNonQuery();
    }

    private protected override (string Condition, string Value) ArticleTextCondition(IReadOnlyList<string> words) =>
        ("e.article_id IN (SELECT article_id FROM article_search WHERE article_search MATCH @f_text)",
         string.Join(' ', words.Select(w => "\"" + w + "\"")));

    private protected override IReadOnlyList<ArticleHit> Search(IReadOnlyList<string> words, int limit)
    {
        // Each word quoted: FTS5 then reads it as a plain term, never as query syntax.
        var match = string.Join(' ', words.Select(w => "\"" + w + "\""));
        using var cmd = Command(null, """
            SELECT a.id, a.title, a.published, a.source
            FROM (SELECT article_id, rank FROM article_search WHERE article_search MATCH @q LIMIT @candidates) s
            JOIN articles a ON a.id = s.article_id
            ORDER BY s.rank, a.id
            LIMIT @limit;
            """);
        Set(cmd, "q", match);
        Set(cmd, "candidates", SearchCandidates);
        Set(cmd, "limit", limit);
        var hits = new List<ArticleHit>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
            hits.Add(new ArticleHit(r.GetString(0), Str(r, 1), Day(r, 2), Str(r, 3)));
        return hits;
    }
}
