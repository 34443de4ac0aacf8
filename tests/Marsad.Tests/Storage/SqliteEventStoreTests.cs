using Marsad.Storage;
using Microsoft.Data.Sqlite;

namespace Marsad.Tests.Storage;

/// <summary>What only the SQLite store does: the file, its pragmas, and migrating a version-1 file.</summary>
public sealed class SqliteEventStoreTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void OpenCreatesFolderFileAndSchemaAtLatestVersion()
    {
        var path = _temp.File("nested", "deeper", "marsad.db");

        using (var store = SqliteEventStore.Open(path))
        {
            Assert.Equal(6, store.SchemaVersion);
            Assert.Equal("wal", store.Pragma("journal_mode"));
            Assert.Equal("1", store.Pragma("foreign_keys"));
        }

        Assert.True(File.Exists(path));
        var tables = RawQuery(path, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'article_search_%' ORDER BY name;");
        Assert.Equal(["article_search", "articles", "event_arguments", "event_quantities", "events", "ingest_queue", "merged_events", "schema_version"], tables);

        var eventColumns = RawQuery(path, "SELECT name FROM pragma_table_info('events');");
        foreach (var column in new[] { "article_id", "place_gazetteer_id", "origin_lat", "date_precision", "evidence_text", "trigger_end", "merged_id", "merge_reason" })
            Assert.Contains(column, eventColumns);
    }

    [Fact]
    public void AVersionOneFileIsMigratedWithItsArticlesIndexedAndEventsMerged()
    {
        var path = _temp.File("v1.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var tx = connection.BeginTransaction();
            using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = Schema.CreateVersionTable + Schema.Sqlite[0].Sql + """
                INSERT INTO schema_version VALUES (1, 'v1', '2025-01-01');
                INSERT INTO articles (id, title, lang, text, content_hash, ingested_at) VALUES ('old-1', 'عنوان', 'ar', 'اشتباكات في إدلب', 'x', '2025-01-01');
                INSERT INTO events (article_id, type, subtype, certainty, evidence_start, evidence_end, evidence_text, trigger_start, trigger_end)
                VALUES ('old-1', 'battles', 'armed_clash', 'confirmed', 0, 8, 'اشتباكات', 0, 8);
                """;
            cmd.ExecuteNonQuery();
            tx.Commit();
        }

        using var store = SqliteEventStore.Open(path);
        Assert.Equal(6, store.SchemaVersion);
        Assert.Equal("old-1", Assert.Single(store.SearchArticles("ادلب")).Id);
        Assert.Equal(1, store.CountMergedEvents());
        var e = Assert.Single(store.QueryEvents());
        Assert.Equal(e.Id, e.MergedId);
        Assert.Equal([64], RawQuery(path, "SELECT length(content_hash) FROM articles;").Select(int.Parse));
    }

    private static List<string> RawQuery(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) ?? "");
        return rows;
    }
}
