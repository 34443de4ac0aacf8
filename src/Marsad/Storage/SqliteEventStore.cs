using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Marsad.Events;
using Marsad.Text;
using Microsoft.Data.Sqlite;

namespace Marsad.Storage;

/// <summary>
/// The embedded event store: one SQLite file (WAL, foreign keys on) holding articles, their coded
/// events, quantities and explanation spans. Not thread-safe; open one instance per thread.
/// </summary>
public sealed class SqliteEventStore : IDisposable
{
    private const string DateFormat = "yyyy-MM-dd";

    private readonly SqliteConnection _connection;

    private SqliteEventStore(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    /// <summary>The database file this store writes to.</summary>
    public string Path { get; }

    /// <summary>The schema version the database is at after opening (the latest this build knows).</summary>
    public int SchemaVersion => ReadSchemaVersion(null);

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
        };
        var connection = new SqliteConnection(builder.ToString());
        var store = new SqliteEventStore(connection, path);
        try
        {
            connection.Open();
            if (!inMemory)
                store.Execute("PRAGMA journal_mode = WAL;");
            // WAL makes NORMAL durable against application crashes; FULL would fsync every commit.
            store.Execute("PRAGMA synchronous = NORMAL;");
            store.Migrate();
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Stores the article and its events in one transaction. Saving an article id again replaces
    /// the article row and all of its earlier events.
    /// </summary>
    public void SaveArticle(Document doc, IReadOnlyList<EventRecord> events)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            if (e.ArticleId != doc.Id)
                throw new ArgumentException($"Event for article '{e.ArticleId}' passed with document '{doc.Id}'.", nameof(events));
        }

        using var tx = _connection.BeginTransaction();

        // Quantities and argument spans go with their events through ON DELETE CASCADE.
        using (var delete = Command(tx, "DELETE FROM events WHERE article_id = $id;"))
        {
            delete.Parameters.AddWithValue("$id", doc.Id);
            delete.ExecuteNonQuery();
        }

        UpsertArticle(tx, doc);

        if (events.Count > 0)
            InsertEvents(tx, events);

        tx.Commit();
    }

    /// <summary>Reads events back, joined with their article's title, ordered by article and insertion.</summary>
    public IReadOnlyList<StoredEvent> QueryEvents(EventQuery? query = null)
    {
        query ??= EventQuery.All;
        var (where, parameters) = BuildFilter(query);

        var events = new List<Row>();
        var byId = new Dictionary<long, Row>();
        using (var cmd = Command(null, $"""
            SELECT e.id, e.article_id, e.type, e.subtype, e.actor1, e.actor2,
                   e.place_name, e.place_country, e.place_lat, e.place_lon, e.place_precision, e.place_gazetteer_id, e.place_start, e.place_end,
                   e.origin_name, e.origin_country, e.origin_lat, e.origin_lon, e.origin_precision, e.origin_gazetteer_id, e.origin_start, e.origin_end,
                   e.date_start, e.date_end, e.date_precision, e.fatalities, e.certainty, e.reported_by,
                   e.evidence_start, e.evidence_end, e.evidence_text, e.trigger_start, e.trigger_end,
                   a.title, a.published, a.source
            {where};
            """))
        {
            AddAll(cmd, parameters);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var row = ReadRow(r);
                events.Add(row);
                byId[row.Id] = row;
            }
        }

        if (events.Count == 0)
            return [];

        // Two set-wise reads instead of one per event: the filter is repeated as a subquery.
        using (var cmd = Command(null, $"SELECT event_id, key, value FROM event_quantities WHERE event_id IN (SELECT e.id {where});"))
        {
            AddAll(cmd, parameters);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                if (byId.TryGetValue(r.GetInt64(0), out var row))
                    row.Quantities[r.GetString(1)] = r.GetInt64(2);
            }
        }

        using (var cmd = Command(null, $"SELECT event_id, name, start, \"end\" FROM event_arguments WHERE event_id IN (SELECT e.id {where});"))
        {
            AddAll(cmd, parameters);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                if (byId.TryGetValue(r.GetInt64(0), out var row))
                    row.Arguments[r.GetString(1)] = TextSpan.FromBounds(r.GetInt32(2), r.GetInt32(3));
            }
        }

        return events.ConvertAll(row => row.ToStoredEvent());
    }

    public int CountArticles() => ScalarInt("SELECT COUNT(*) FROM articles;");

    public int CountEvents() => ScalarInt("SELECT COUNT(*) FROM events;");

    public void Dispose() => _connection.Dispose();

    /// <summary>Reads a PRAGMA's current value (journal_mode, foreign_keys, …); for diagnostics and tests.</summary>
    internal string? Pragma(string name)
    {
        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            throw new ArgumentException("Not a pragma name.", nameof(name));
        using var cmd = Command(null, $"PRAGMA {name};");
        return Convert.ToString(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private void Migrate()
    {
        Execute(Schema.CreateVersionTable);
        int current = ReadSchemaVersion(null);
        if (current > Schema.LatestVersion)
        {
            throw new InvalidOperationException(
                $"{Path} has schema version {current}; this build of Marsad knows up to {Schema.LatestVersion}.");
        }

        foreach (var migration in Schema.Migrations)
        {
            if (migration.Version <= current)
                continue;
            using var tx = _connection.BeginTransaction();
            // Another process may have migrated between our read and taking the write lock.
            if (ReadSchemaVersion(tx) >= migration.Version)
            {
                tx.Rollback();
                continue;
            }
            using (var cmd = Command(tx, migration.Sql))
                cmd.ExecuteNonQuery();
            using (var cmd = Command(tx, "INSERT INTO schema_version (version, description, applied_at) VALUES ($v, $d, $t);"))
            {
                cmd.Parameters.AddWithValue("$v", migration.Version);
                cmd.Parameters.AddWithValue("$d", migration.Description);
                cmd.Parameters.AddWithValue("$t", Timestamp());
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
        }
    }

    private int ReadSchemaVersion(SqliteTransaction? tx)
    {
        using var cmd = Command(tx, "SELECT COALESCE(MAX(version), 0) FROM schema_version;");
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private void UpsertArticle(SqliteTransaction tx, Document doc)
    {
        var a = doc.Article;
        using var cmd = Command(tx, """
            INSERT INTO articles (id, source, url, title, published, lang, text, content_hash, ingested_at)
            VALUES ($id, $source, $url, $title, $published, $lang, $text, $hash, $ingested)
            ON CONFLICT (id) DO UPDATE SET
                source = excluded.source, url = excluded.url, title = excluded.title,
                published = excluded.published, lang = excluded.lang, text = excluded.text,
                content_hash = excluded.content_hash, ingested_at = excluded.ingested_at;
            """);
        cmd.Parameters.AddWithValue("$id", doc.Id);
        cmd.Parameters.AddWithValue("$source", Db(a.Source));
        cmd.Parameters.AddWithValue("$url", Db(a.Url));
        cmd.Parameters.AddWithValue("$title", Db(a.Title));
        cmd.Parameters.AddWithValue("$published", Db(a.Published?.ToString(DateFormat, CultureInfo.InvariantCulture)));
        cmd.Parameters.AddWithValue("$lang", doc.Lang);
        // The folded text is stored because every span in the events points into it.
        cmd.Parameters.AddWithValue("$text", doc.Text);
        cmd.Parameters.AddWithValue("$hash", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(doc.Text))));
        cmd.Parameters.AddWithValue("$ingested", Timestamp());
        cmd.ExecuteNonQuery();
    }

    private void InsertEvents(SqliteTransaction tx, IReadOnlyList<EventRecord> events)
    {
        using var ev = Command(tx, """
            INSERT INTO events (
                article_id, type, subtype, actor1, actor2,
                place_name, place_country, place_lat, place_lon, place_precision, place_gazetteer_id, place_start, place_end,
                origin_name, origin_country, origin_lat, origin_lon, origin_precision, origin_gazetteer_id, origin_start, origin_end,
                date_start, date_end, date_precision, fatalities, certainty, reported_by,
                evidence_start, evidence_end, evidence_text, trigger_start, trigger_end)
            VALUES (
                $article_id, $type, $subtype, $actor1, $actor2,
                $place_name, $place_country, $place_lat, $place_lon, $place_precision, $place_gazetteer_id, $place_start, $place_end,
                $origin_name, $origin_country, $origin_lat, $origin_lon, $origin_precision, $origin_gazetteer_id, $origin_start, $origin_end,
                $date_start, $date_end, $date_precision, $fatalities, $certainty, $reported_by,
                $evidence_start, $evidence_end, $evidence_text, $trigger_start, $trigger_end)
            RETURNING id;
            """);
        using var qty = Command(tx, "INSERT INTO event_quantities (event_id, key, value) VALUES ($event, $key, $value);");
        using var arg = Command(tx, "INSERT INTO event_arguments (event_id, name, start, \"end\") VALUES ($event, $name, $start, $end);");

        foreach (var e in events)
        {
            var p = ev.Parameters;
            p.Clear();
            p.AddWithValue("$article_id", e.ArticleId);
            p.AddWithValue("$type", e.Type);
            p.AddWithValue("$subtype", e.Subtype);
            p.AddWithValue("$actor1", Db(e.Actor1));
            p.AddWithValue("$actor2", Db(e.Actor2));
            AddPlace(p, "place", e.Place);
            AddPlace(p, "origin", e.Origin);
            p.AddWithValue("$date_start", Db(e.Date?.Start.ToString(DateFormat, CultureInfo.InvariantCulture)));
            p.AddWithValue("$date_end", Db(e.Date?.End.ToString(DateFormat, CultureInfo.InvariantCulture)));
            p.AddWithValue("$date_precision", Db(e.Date?.PrecisionCode));
            p.AddWithValue("$fatalities", Db(e.Fatalities));
            p.AddWithValue("$certainty", e.Certainty);
            p.AddWithValue("$reported_by", Db(e.ReportedBy));
            p.AddWithValue("$evidence_start", e.Evidence.Start);
            p.AddWithValue("$evidence_end", e.Evidence.End);
            p.AddWithValue("$evidence_text", e.EvidenceText);
            p.AddWithValue("$trigger_start", e.Trigger.Start);
            p.AddWithValue("$trigger_end", e.Trigger.End);
            long id = Convert.ToInt64(ev.ExecuteScalar(), CultureInfo.InvariantCulture);

            foreach (var (key, value) in e.Quantities)
            {
                qty.Parameters.Clear();
                qty.Parameters.AddWithValue("$event", id);
                qty.Parameters.AddWithValue("$key", key);
                qty.Parameters.AddWithValue("$value", value);
                qty.ExecuteNonQuery();
            }

            foreach (var (name, span) in e.ArgumentSpans)
            {
                arg.Parameters.Clear();
                arg.Parameters.AddWithValue("$event", id);
                arg.Parameters.AddWithValue("$name", name);
                arg.Parameters.AddWithValue("$start", span.Start);
                arg.Parameters.AddWithValue("$end", span.End);
                arg.ExecuteNonQuery();
            }
        }
    }

    private static void AddPlace(SqliteParameterCollection p, string prefix, PlaceRef? place)
    {
        p.AddWithValue($"${prefix}_name", Db(place?.Name));
        p.AddWithValue($"${prefix}_country", Db(place?.Country));
        p.AddWithValue($"${prefix}_lat", Db(place?.Lat));
        p.AddWithValue($"${prefix}_lon", Db(place?.Lon));
        p.AddWithValue($"${prefix}_precision", Db(place?.Precision));
        p.AddWithValue($"${prefix}_gazetteer_id", Db(place?.GazetteerId));
        p.AddWithValue($"${prefix}_start", Db(place?.Span?.Start));
        p.AddWithValue($"${prefix}_end", Db(place?.Span?.End));
    }

    private static (string Sql, List<(string Name, object Value)> Parameters) BuildFilter(EventQuery q)
    {
        var conditions = new List<string>();
        var parameters = new List<(string, object)>();
        if (q.ArticleId is not null)
        {
            conditions.Add("e.article_id = $article_id");
            parameters.Add(("$article_id", q.ArticleId));
        }
        if (q.Type is not null)
        {
            conditions.Add("e.type = $type");
            parameters.Add(("$type", q.Type));
        }
        if (q.Subtype is not null)
        {
            conditions.Add("e.subtype = $subtype");
            parameters.Add(("$subtype", q.Subtype));
        }
        // ISO dates compare correctly as text.
        if (q.From is { } from)
        {
            conditions.Add("e.date_end >= $from");
            parameters.Add(("$from", from.ToString(DateFormat, CultureInfo.InvariantCulture)));
        }
        if (q.To is { } to)
        {
            conditions.Add("e.date_start <= $to");
            parameters.Add(("$to", to.ToString(DateFormat, CultureInfo.InvariantCulture)));
        }

        var sql = new StringBuilder("FROM events e JOIN articles a ON a.id = e.article_id");
        if (conditions.Count > 0)
            sql.Append(" WHERE ").AppendJoin(" AND ", conditions);
        sql.Append(" ORDER BY e.article_id, e.id");
        if (q.Limit is { } limit)
        {
            sql.Append(" LIMIT $limit");
            parameters.Add(("$limit", Math.Max(0, limit)));
        }
        return (sql.ToString(), parameters);
    }

    private static void AddAll(SqliteCommand cmd, List<(string Name, object Value)> parameters)
    {
        foreach (var (name, value) in parameters)
            cmd.Parameters.AddWithValue(name, value);
    }

    private static Row ReadRow(SqliteDataReader r)
    {
        string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        double? D(int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
        int? I(int i) => r.IsDBNull(i) ? null : r.GetInt32(i);
        DateOnly? Day(int i) => r.IsDBNull(i) ? null : DateOnly.ParseExact(r.GetString(i), DateFormat, CultureInfo.InvariantCulture);

        PlaceRef? Place(int i)
        {
            if (r.IsDBNull(i))
                return null;
            TextSpan? span = I(i + 6) is { } start && I(i + 7) is { } end ? TextSpan.FromBounds(start, end) : null;
            return new PlaceRef(r.GetString(i), S(i + 1), D(i + 2), D(i + 3), S(i + 4) ?? "", S(i + 5), span);
        }

        DateValue? date = null;
        if (Day(22) is { } ds && Day(23) is { } de)
        {
            var precision = Enum.Parse<DatePrecision>(S(24) ?? nameof(DatePrecision.Range), ignoreCase: true);
            date = new DateValue(ds, de, precision);
        }

        return new Row
        {
            Id = r.GetInt64(0),
            ArticleId = r.GetString(1),
            Type = r.GetString(2),
            Subtype = r.GetString(3),
            Actor1 = S(4),
            Actor2 = S(5),
            Place = Place(6),
            Origin = Place(14),
            Date = date,
            Fatalities = r.IsDBNull(25) ? null : r.GetInt64(25),
            Certainty = r.GetString(26),
            ReportedBy = S(27),
            Evidence = TextSpan.FromBounds(r.GetInt32(28), r.GetInt32(29)),
            EvidenceText = r.GetString(30),
            Trigger = TextSpan.FromBounds(r.GetInt32(31), r.GetInt32(32)),
            ArticleTitle = S(33),
            ArticlePublished = Day(34),
            ArticleSource = S(35),
        };
    }

    private SqliteCommand Command(SqliteTransaction? tx, string sql)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd;
    }

    private void Execute(string sql)
    {
        using var cmd = Command(null, sql);
        cmd.ExecuteNonQuery();
    }

    private int ScalarInt(string sql)
    {
        using var cmd = Command(null, sql);
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static object Db<T>(T? value) => value is null ? DBNull.Value : value;

    private static string Timestamp() =>
        DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    // Mutable while the quantities and arguments of a query are gathered, then frozen into a record.
    private sealed class Row
    {
        public long Id { get; init; }
        public required string ArticleId { get; init; }
        public required string Type { get; init; }
        public required string Subtype { get; init; }
        public string? Actor1 { get; init; }
        public string? Actor2 { get; init; }
        public PlaceRef? Place { get; init; }
        public PlaceRef? Origin { get; init; }
        public DateValue? Date { get; init; }
        public long? Fatalities { get; init; }
        public required string Certainty { get; init; }
        public string? ReportedBy { get; init; }
        public TextSpan Evidence { get; init; }
        public required string EvidenceText { get; init; }
        public TextSpan Trigger { get; init; }
        public string? ArticleTitle { get; init; }
        public DateOnly? ArticlePublished { get; init; }
        public string? ArticleSource { get; init; }
        public Dictionary<string, long> Quantities { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, TextSpan> Arguments { get; } = new(StringComparer.Ordinal);

        public StoredEvent ToStoredEvent() => new(
            Id,
            new EventRecord
            {
                ArticleId = ArticleId,
                Type = Type,
                Subtype = Subtype,
                Actor1 = Actor1,
                Actor2 = Actor2,
                Place = Place,
                Origin = Origin,
                Date = Date,
                Quantities = Quantities,
                Fatalities = Fatalities,
                Certainty = Certainty,
                ReportedBy = ReportedBy,
                Evidence = Evidence,
                EvidenceText = EvidenceText,
                Trigger = Trigger,
                ArgumentSpans = Arguments,
            },
            ArticleTitle,
            ArticlePublished,
            ArticleSource);
    }
}
