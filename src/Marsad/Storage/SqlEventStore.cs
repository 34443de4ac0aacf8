using System.Data.Common;
using System.Globalization;
using System.Text;
using Marsad.Events;
using Marsad.Text;

namespace Marsad.Storage;

/// <summary>
/// Everything the SQLite and PostgreSQL stores share: the SQL is written once in the subset both
/// engines accept (named @parameters, ON CONFLICT, RETURNING, ISO dates as text), and each engine
/// supplies only what differs (migrations, full-text search, week arithmetic, locking).
/// </summary>
public abstract class SqlEventStore : IEventStore
{
    private protected const string DateFormat = "yyyy-MM-dd";

    // How many values go into one IN (…) list: far below both engines' parameter limits.
    private const int InChunk = 500;

    private const string EventColumns = """
        e.id, e.article_id, e.type, e.subtype, e.actor1, e.actor2,
        e.place_name, e.place_country, e.place_lat, e.place_lon, e.place_precision, e.place_gazetteer_id, e.place_start, e.place_end,
        e.origin_name, e.origin_country, e.origin_lat, e.origin_lon, e.origin_precision, e.origin_gazetteer_id, e.origin_start, e.origin_end,
        e.date_start, e.date_end, e.date_precision, e.fatalities, e.certainty, e.reported_by,
        e.evidence_start, e.evidence_end, e.evidence_text, e.trigger_start, e.trigger_end,
        a.title, a.published, a.source, e.merged_id, e.merge_reason, a.url
        """;

    // The transaction a queue batch runs in: lookups made while preparing the batch must run inside it.
    private DbTransaction? _current;

    private protected SqlEventStore(DbConnection connection) => Connection = connection;

    private protected DbConnection Connection { get; }

    public abstract string Location { get; }

    public int SchemaVersion => ReadSchemaVersion(null);

    private protected abstract IReadOnlyList<Schema.Migration> Migrations { get; }

    /// <summary>
    /// SQL naming the week of the ISO date in <paramref name="column"/>: <c>Group</c> is any value that
    /// sorts and groups by week, <c>Label</c> turns that group value into the Monday (yyyy-MM-dd).
    /// </summary>
    private protected abstract (string Group, string Label) WeekOf(string column);

    /// <summary>SQL turning the ISO date in <paramref name="column"/> into its <see cref="DateOnly.DayNumber"/> (null stays null).</summary>
    private protected abstract string DayNumber(string column);

    /// <summary>Writes the article's normalized text into the engine's search index (replacing what was there when asked).</summary>
    private protected abstract void WriteSearchText(DbTransaction tx, string articleId, string body, bool replace);

    /// <summary>Article hits for already-normalized words, every word required, best first.</summary>
    private protected abstract IReadOnlyList<ArticleHit> Search(IReadOnlyList<string> words, int limit);

    /// <summary>
    /// How many matching articles a search ranks at most. A word common in the news matches tens of
    /// thousands of articles, and ranking reads each one's indexed text: on a million-event database that
    /// took PostgreSQL 150–250 ms. Past this many matches, the best hits are chosen among the first ones
    /// the index yields (on both engines, so they answer alike), which a further word narrows.
    /// </summary>
    internal const int SearchCandidates = 1000;

    /// <summary>A condition on <c>e.article_id</c> that holds when the article contains every word of the parameter <c>@f_text</c>, and the parameter's value.</summary>
    private protected abstract (string Condition, string Value) ArticleTextCondition(IReadOnlyList<string> words);

    /// <summary>Serializes schema changes between processes (PostgreSQL takes an advisory lock); called first in each migration's transaction.</summary>
    private protected virtual void LockForMigration(DbTransaction tx)
    {
    }

    public void SaveArticle(Document doc, IReadOnlyList<EventRecord> events)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(events);
        CheckArticleIds(doc.Id, events);
        var prepared = Prepare(doc, events);

        using var tx = Connection.BeginTransaction();
        DetachArticleEvents(tx, doc.Id);
        using var writer = new Writer(this, tx);
        writer.UpsertArticle(prepared);
        WriteSearchText(tx, doc.Id, prepared.Normalized, replace: true);
        writer.InsertEvents(events);
        writer.Finish();
        tx.Commit();
    }

    /// <summary>Computes the deduplication keys of an article that has been through the pipeline.</summary>
    public static PreparedArticle Prepare(Document doc, IReadOnlyList<EventRecord> events, DuplicateLink? duplicateOf = null) => new(
        doc.Article,
        TextFingerprint.Normalize(doc.Article),
        TextFingerprint.ContentHash(doc.Article),
        TextFingerprint.SimHash(doc.Article.Text) ?? 0,
        duplicateOf,
        doc,
        events);

    public BatchResult SaveBatch(IReadOnlyList<PreparedArticle> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var item in batch)
            CheckArticleIds(item.Article.Id, item.Events);

        using var tx = Connection.BeginTransaction();
        var result = WriteBatch(tx, batch);
        tx.Commit();
        return result;
    }

    /// <summary>The SQL that claims queued rows for one worker; PostgreSQL skips rows other workers hold.</summary>
    private protected abstract string ClaimSql { get; }

    public int Enqueue(IEnumerable<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        int added = 0;
        foreach (var chunk in articles.Chunk(500))
        {
            using var tx = Connection.BeginTransaction();
            using var cmd = Command(tx, "INSERT INTO ingest_queue (article_id, payload) VALUES (@id, @payload) ON CONFLICT (article_id) DO NOTHING;");
            foreach (var a in chunk)
            {
                Set(cmd, "id", a.Id);
                Set(cmd, "payload", QueuePayload.Write(a));
                added += cmd.ExecuteNonQuery();
            }
            tx.Commit();
        }
        return added;
    }

    public int ProcessQueue(string worker, int batchSize, Func<IReadOnlyList<Article>, IReadOnlyList<PreparedArticle>> prepare, out BatchResult result)
    {
        ArgumentNullException.ThrowIfNull(prepare);
        using var tx = Connection.BeginTransaction();
        _current = tx;
        try
        {
            var claimed = new List<(long Id, Article Article)>();
            using (var claim = Command(tx, ClaimSql))
            {
                Set(claim, "worker", worker);
                Set(claim, "n", batchSize);
                using var r = claim.ExecuteReader();
                while (r.Read())
                    claimed.Add((Long(r, 0), QueuePayload.Read(r.GetString(1))));
            }
            if (claimed.Count == 0)
            {
                tx.Rollback();
                result = new BatchResult(0, 0, 0, 0);
                return 0;
            }
            claimed.Sort((a, b) => a.Id.CompareTo(b.Id));
            result = WriteBatch(tx, prepare(claimed.ConvertAll(c => c.Article)));
            using (var done = Command(tx, "UPDATE ingest_queue SET state = 'done', worker = @worker, finished_at = @t WHERE id = @id;"))
            {
                foreach (var (id, _) in claimed)
                {
                    Set(done, "worker", worker);
                    Set(done, "t", Timestamp());
                    Set(done, "id", id);
                    done.ExecuteNonQuery();
                }
            }
            tx.Commit();
            return claimed.Count;
        }
        finally
        {
            _current = null;
        }
    }

    public (int Queued, int Done) QueueCounts() =>
        (ScalarInt("SELECT COUNT(*) FROM ingest_queue WHERE state = 'queued';"), ScalarInt("SELECT COUNT(*) FROM ingest_queue WHERE state = 'done';"));

    private BatchResult WriteBatch(DbTransaction tx, IReadOnlyList<PreparedArticle> batch)
    {
        foreach (var item in batch)
            CheckArticleIds(item.Article.Id, item.Events);
        int articles = 0, duplicates = 0;
        using var writer = new Writer(this, tx);
        foreach (var item in batch)
        {
            // Stored already (a replayed batch, or another worker was first): leave it as it is.
            if (!writer.InsertArticleIfNew(item))
                continue;
            WriteSearchText(tx, item.Article.Id, item.Normalized, replace: false);
            if (item.DuplicateOf is not null)
            {
                duplicates++;
                continue;
            }
            articles++;
            writer.InsertEvents(item.Events);
        }
        writer.Finish();
        return new BatchResult(articles, duplicates, writer.EventsInserted, writer.EventsMerged);
    }

    public StoredLookup Lookup(IReadOnlyCollection<string> ids, IReadOnlyCollection<string> contentHashes)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(InChunk))
        {
            using var cmd = Command(null, $"SELECT id FROM articles WHERE id IN ({InList(chunk.Length)});");
            SetList(cmd, chunk);
            using var r = cmd.ExecuteReader();
            while (r.Read())
                known.Add(r.GetString(0));
        }
        var byHash = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in contentHashes.Distinct(StringComparer.Ordinal).Chunk(InChunk))
        {
            // The original, not a duplicate, so links never chain; the earliest stored wins for a stable answer.
            using var cmd = Command(null, $"SELECT content_hash, COALESCE(duplicate_of, id) FROM articles WHERE content_hash IN ({InList(chunk.Length)}) ORDER BY ingested_at, id;");
            SetList(cmd, chunk);
            using var r = cmd.ExecuteReader();
            while (r.Read())
                byHash.TryAdd(r.GetString(0), r.GetString(1));
        }
        return new StoredLookup(known, byHash);
    }

    public DuplicateLink? FindNearDuplicate(ulong simHash, int maxDistance)
    {
        if (maxDistance is < 0 or > TextFingerprint.NearDuplicateBits)
            throw new ArgumentOutOfRangeException(nameof(maxDistance), $"the four-band lookup finds distances up to {TextFingerprint.NearDuplicateBits}");
        using var cmd = Command(null, "SELECT id, simhash, duplicate_of FROM articles WHERE sh0 = @b0 OR sh1 = @b1 OR sh2 = @b2 OR sh3 = @b3;");
        for (int band = 0; band < 4; band++)
            Set(cmd, "b" + band.ToString(CultureInfo.InvariantCulture), TextFingerprint.Band(simHash, band));
        using var r = cmd.ExecuteReader();
        (string Id, int Distance)? best = null;
        while (r.Read())
        {
            if (r.IsDBNull(1))
                continue;
            int d = TextFingerprint.Distance(simHash, unchecked((ulong)Long(r, 1)));
            if (d > maxDistance)
                continue;
            string original = r.IsDBNull(2) ? r.GetString(0) : r.GetString(2);
            if (best is null || d < best.Value.Distance || (d == best.Value.Distance && string.CompareOrdinal(original, best.Value.Id) < 0))
                best = (original, d);
        }
        return best is { } b ? new DuplicateLink(b.Id, NearReason(b.Distance)) : null;
    }

    /// <summary>The reason recorded for a near duplicate.</summary>
    public static string NearReason(int distance) =>
        string.Create(CultureInfo.InvariantCulture, $"near: {distance} of 64 SimHash bits differ");

    public IReadOnlyList<StoredEvent> QueryEvents(EventQuery? query = null)
    {
        var filter = Filter.Build(this, query ?? EventQuery.All, representativesOnly: false);
        return ReadEvents(filter);
    }

    public IReadOnlyList<MergedEvent> QueryMergedEvents(EventQuery? query = null)
    {
        var filter = Filter.Build(this, query ?? EventQuery.All, representativesOnly: true);
        var reps = ReadEvents(filter);
        if (reps.Count == 0)
            return [];

        var actors = new Dictionary<long, (string? A1, string? A2)>();
        var sources = new Dictionary<long, List<EventSource>>();
        foreach (var chunk in reps.Select(r => r.MergedId).Chunk(InChunk))
        {
            using (var cmd = Command(null, $"SELECT id, actor1, actor2 FROM merged_events WHERE id IN ({InList(chunk.Length)});"))
            {
                SetList(cmd, chunk);
                using var r = cmd.ExecuteReader();
                while (r.Read())
                    actors[Long(r, 0)] = (Str(r, 1), Str(r, 2));
            }
            using (var cmd = Command(null, $"""
                SELECT e.merged_id, e.id, e.article_id, a.source, a.url, a.title, a.published, e.evidence_text, e.merge_reason
                FROM events e JOIN articles a ON a.id = e.article_id
                WHERE e.merged_id IN ({InList(chunk.Length)}) ORDER BY e.merged_id, e.id;
                """))
            {
                SetList(cmd, chunk);
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    long merged = Long(r, 0);
                    if (!sources.TryGetValue(merged, out var list))
                        sources[merged] = list = [];
                    list.Add(new EventSource(Long(r, 1), r.GetString(2), Str(r, 3), Str(r, 4), Str(r, 5), Day(r, 6), r.GetString(7), Str(r, 8)));
                }
            }
        }

        return reps.ConvertAll(rep =>
        {
            var e = rep.Event;
            if (actors.TryGetValue(rep.MergedId, out var a))
                e = e with { Actor1 = e.Actor1 ?? a.A1, Actor2 = e.Actor2 ?? a.A2 };
            return new MergedEvent(rep.MergedId, rep with { Event = e }, sources.GetValueOrDefault(rep.MergedId) ?? []);
        });
    }

    public IReadOnlyList<EventPoint> QueryEventPoints(EventQuery? query = null)
    {
        var filter = Filter.Build(this, query ?? EventQuery.All, representativesOnly: true, extra: "e.place_lat IS NOT NULL AND e.place_lon IS NOT NULL", joinArticles: false);
        // Stored order is the events' own: ordering 100,000 points by article id first was a sort the map does not need.
        var order = (query ?? EventQuery.All).Order == EventOrder.Stored ? "e.id" : filter.OrderSql;
        using var cmd = Command(null, $"SELECT e.id, e.place_lat, e.place_lon, e.type, e.subtype, e.date_start, e.certainty {filter.From} ORDER BY {order} {filter.LimitSql};");
        filter.Apply(cmd);
        var points = new List<EventPoint>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
            points.Add(new EventPoint(Long(r, 0), r.GetDouble(1), r.GetDouble(2), r.GetString(3), r.GetString(4), Day(r, 5), r.GetString(6)));
        return points;
    }

    public IReadOnlyList<GroupCount> CountBy(Grouping by, EventQuery? query = null, int limit = 20)
    {
        if (!Enum.IsDefined(by))
            throw new ArgumentOutOfRangeException(nameof(by));
        var q = (query ?? EventQuery.All) with { Limit = null, Offset = null, Order = EventOrder.Stored };
        limit = Math.Max(0, limit);
        // Actors are completed from every mention, so who took part is a question about mentions.
        return by == Grouping.Actor || q.Actor is not null || q.ActorName is not null
            ? CountMentions(by, q, limit)
            : CountRepresentatives(by, q, limit);
    }

    // The longest date range (end - start, in days) each of schema 6's count indexes holds, null for the
    // open-ended last one; a range that ends on or after From starts no earlier than From minus this.
    private static readonly (string Span, int? Longest)[] SpanParts =
    [
        ("m.end_day - m.start_day <= 31", 31),
        ("m.end_day - m.start_day > 31 AND m.end_day - m.start_day <= 366", 366),
        ("m.end_day - m.start_day > 366", null),
    ];

    // Each merged event once, by its representative's fields (merged_events holds them and the mention count).
    private List<GroupCount> CountRepresentatives(Grouping by, EventQuery q, int limit)
    {
        var (columns, label) = by switch
        {
            Grouping.Type => ("m.type", "u.type"),
            Grouping.Place => ("m.place_name, m.place_country", "u.place_name || ' (' || COALESCE(u.place_country, '?') || ')'"),
            Grouping.Country => ("m.place_country", "u.place_country"),
            _ => ("m.start_day / 7 * 7 AS week", "u.week"),
        };
        string groupBy = by switch
        {
            Grouping.Type => "u.type",
            Grouping.Place => "u.place_name, u.place_country",
            Grouping.Country => "u.place_country",
            _ => "u.week",
        };
        var conditions = new List<string>();
        var parameters = new List<(string Name, object Value)>();
        void Add(string condition, string name, object value)
        {
            conditions.Add(condition);
            parameters.Add((name, value));
        }

        conditions.Add(by switch
        {
            Grouping.Place => "m.place_name IS NOT NULL",
            Grouping.Country => "m.place_country IS NOT NULL",
            Grouping.Week => "m.start_day IS NOT NULL",
            _ => "1 = 1",
        });
        // What merged_events does not copy (the article, the certainty, the article's words) is tested on the representative's row.
        var onRow = EventQuery.All with { ArticleId = q.ArticleId, Certainty = q.Certainty, Text = q.Text };
        if (onRow != EventQuery.All)
        {
            var row = Filter.Build(this, onRow, representativesOnly: true, extra: "e.id = m.id", joinArticles: false);
            conditions.Add($"EXISTS (SELECT 1 {row.From})");
            parameters.AddRange(row.Parameters);
        }
        if (q.MergedId is { } merged)
            Add("m.id = @f_merged", "f_merged", merged);
        if (q.Type is not null)
            Add("m.type = @f_type", "f_type", q.Type);
        if (q.Subtype is not null)
            Add("m.subtype = @f_subtype", "f_subtype", q.Subtype);
        if (q.Country is not null)
            Add("m.place_country = @f_country", "f_country", q.Country.ToUpperInvariant());
        if (q.Place is not null)
            Add("m.place_name = @f_place", "f_place", q.Place);
        if (q.To is { } to)
            Add("m.start_day <= @f_to", "f_to", to.DayNumber);
        if (q.Box is { } box)
        {
            Add("m.place_lat >= @f_south", "f_south", box.South);
            Add("m.place_lat <= @f_north", "f_north", box.North);
            Add("m.place_lon >= @f_west", "f_west", box.West);
            Add("m.place_lon <= @f_east", "f_east", box.East);
        }

        string where = string.Join(" AND ", conditions);
        var parts = new List<string>();
        if (q.From is { } from)
        {
            parameters.Add(("f_from", from.DayNumber));
            for (int i = 0; i < SpanParts.Length; i++)
            {
                var (span, longest) = SpanParts[i];
                string lower = "";
                if (longest is { } days)
                {
                    string name = "f_lo" + i.ToString(CultureInfo.InvariantCulture);
                    parameters.Add((name, from.DayNumber - days));
                    lower = $" AND m.start_day >= @{name}";
                }
                parts.Add($"SELECT {columns}, m.mentions FROM merged_events m WHERE {span}{lower} AND m.end_day >= @f_from AND {where}");
            }
        }
        else
        {
            parts.Add($"SELECT {columns}, m.mentions FROM merged_events m WHERE {where}");
        }

        // Weeks read as a time series; everything else as a ranking.
        string order = by == Grouping.Week ? "k" : "ev DESC, k";
        using var cmd = Command(null, $"""
            SELECT {label} AS k, COUNT(*) AS ev, SUM(u.mentions) AS mentions
            FROM ({string.Join(" UNION ALL ", parts)}) u
            GROUP BY {groupBy} ORDER BY {order} LIMIT @limit;
            """);
        foreach (var (name, value) in parameters)
            Set(cmd, name, value);
        Set(cmd, "limit", limit);
        var rows = new List<GroupCount>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            string key = by == Grouping.Week ? Iso(DateOnly.FromDayNumber((int)Long(r, 0)))! : r.GetString(0);
            rows.Add(new GroupCount(key, Long(r, 1), Long(r, 2)));
        }
        return rows;
    }

    // The merged events any of whose mentions passes the filters, counted once per group of the mention's value.
    private List<GroupCount> CountMentions(Grouping by, EventQuery q, int limit)
    {
        var week = WeekOf("u.date_start");
        var (columns, key) = by switch
        {
            Grouping.Type => ("e.type", "u.type"),
            Grouping.Actor => ("e.actor1", "u.actor1"),
            Grouping.Place => ("e.place_name, e.place_country", "u.place_name || ' (' || COALESCE(u.place_country, '?') || ')'"),
            Grouping.Country => ("e.place_country", "u.place_country"),
            _ => ("e.date_start", week.Group),
        };
        // The label is computed once per group, not once per mention: on a 1M-event database the per-row date formatting was a third of a weekly count.
        string label = by == Grouping.Week ? week.Label : key;
        string notNull = by switch
        {
            Grouping.Actor => "e.actor1 IS NOT NULL",
            Grouping.Place => "e.place_name IS NOT NULL",
            Grouping.Country => "e.place_country IS NOT NULL",
            Grouping.Week => "e.date_start IS NOT NULL",
            _ => "1 = 1",
        };
        // No article column is read or filtered on, so the join is left out: a count then reads only the events' indexes.
        var filters = new List<Filter>();
        if (q.ActorName is { } name)
        {
            // Two index reads instead of an OR (which PostgreSQL answers from the table, not the indexes);
            // a mention naming the actor on both sides is taken from the first.
            var rest = q with { ActorName = null };
            filters.Add(Filter.Build(this, rest, representativesOnly: false, extra: notNull + " AND e.actor1 = @f_actor_name", joinArticles: false, ("f_actor_name", name)));
            filters.Add(Filter.Build(this, rest, representativesOnly: false, extra: notNull + " AND e.actor2 = @f_actor_name AND (e.actor1 IS NULL OR e.actor1 <> @f_actor_name)", joinArticles: false, ("f_actor_name", name)));
        }
        else
        {
            filters.Add(Filter.Build(this, q, representativesOnly: false, extra: notNull, joinArticles: false));
        }
        string union = string.Join(" UNION ALL ", filters.Select(f => $"SELECT {columns}, e.merged_id {f.From}"));
        string order = by == Grouping.Week ? key : "ev DESC, k";
        using var cmd = Command(null, $"SELECT {label} AS k, COUNT(DISTINCT u.merged_id) AS ev, COUNT(*) AS mentions FROM ({union}) u GROUP BY {(by == Grouping.Place ? "u.place_name, u.place_country" : key)} ORDER BY {order} LIMIT @limit;");
        foreach (var f in filters)
            f.Apply(cmd);
        Set(cmd, "limit", limit);
        var rows = new List<GroupCount>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
            rows.Add(new GroupCount(r.GetString(0), Long(r, 1), Long(r, 2)));
        return rows;
    }

    public IReadOnlyList<ArticleHit> SearchArticles(string query, int limit = 20)
    {
        ArgumentNullException.ThrowIfNull(query);
        var words = Words(ArabicNormalizer.NormalizePhrase(query));
        return words.Count == 0 ? [] : Search(words, Math.Max(0, limit));
    }

    public void Unmerge(long eventId)
    {
        using var tx = Connection.BeginTransaction();
        Split(tx, eventId, "split off by hand");
        tx.Commit();
    }

    public DuplicateLink? DuplicateOf(string articleId)
    {
        using var cmd = Command(null, "SELECT duplicate_of, duplicate_reason FROM articles WHERE id = @id;");
        Set(cmd, "id", articleId);
        using var r = cmd.ExecuteReader();
        return r.Read() && !r.IsDBNull(0) ? new DuplicateLink(r.GetString(0), Str(r, 1) ?? "") : null;
    }

    public StoredArticle? GetArticle(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        using var cmd = Command(null, "SELECT id, text, title, published, lang, source, url, duplicate_of, duplicate_reason FROM articles WHERE id = @id;");
        Set(cmd, "id", id);
        using var r = cmd.ExecuteReader();
        if (!r.Read())
            return null;
        var duplicate = r.IsDBNull(7) ? null : new DuplicateLink(r.GetString(7), Str(r, 8) ?? "");
        return new StoredArticle(r.GetString(0), r.GetString(1), Str(r, 2), Day(r, 3), r.GetString(4), Str(r, 5), Str(r, 6), duplicate);
    }

    public int CountArticles() => ScalarInt("SELECT COUNT(*) FROM articles;");

    public int CountEvents() => ScalarInt("SELECT COUNT(*) FROM events;");

    public int CountMergedEvents() => ScalarInt("SELECT COUNT(*) FROM merged_events;");

    public void Dispose()
    {
        Connection.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs the migrations this build knows past the database's version, each in its own transaction.</summary>
    private protected void Migrate()
    {
        Execute(null, Schema.CreateVersionTable);
        int current = ReadSchemaVersion(null);
        int latest = Migrations[^1].Version;
        if (current > latest)
            throw new InvalidOperationException($"{Location} has schema version {current}; this build of Marsad knows up to {latest}.");

        foreach (var migration in Migrations)
        {
            if (migration.Version <= current)
                continue;
            using var tx = Connection.BeginTransaction();
            LockForMigration(tx);
            // Another process may have migrated between our read and taking the lock.
            if (ReadSchemaVersion(tx) >= migration.Version)
            {
                tx.Rollback();
                continue;
            }
            Execute(tx, migration.Sql);
            migration.Backfill?.Invoke(Connection, tx);
            using (var cmd = Command(tx, "INSERT INTO schema_version (version, description, applied_at) VALUES (@v, @d, @t);"))
            {
                Set(cmd, "v", migration.Version);
                Set(cmd, "d", migration.Description);
                Set(cmd, "t", Timestamp());
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
        }
    }

    /// <summary>Schema 2's backfill: content hashes, SimHash bands and search text for articles stored before them.</summary>
    internal static void BackfillFingerprints(DbConnection connection, DbTransaction tx)
    {
        var rows = new List<Article>();
        using (var read = connection.CreateCommand())
        {
            read.Transaction = tx;
            read.CommandText = "SELECT id, title, text FROM articles;";
            using var r = read.ExecuteReader();
            while (r.Read())
                rows.Add(new Article(r.GetString(0), r.GetString(2), Str(r, 1)));
        }
        if (rows.Count == 0)
            return;
        using var update = connection.CreateCommand();
        update.Transaction = tx;
        update.CommandText = "UPDATE articles SET content_hash = @hash, simhash = @sim, sh0 = @b0, sh1 = @b1, sh2 = @b2, sh3 = @b3 WHERE id = @id;";
        using var search = connection.CreateCommand();
        search.Transaction = tx;
        search.CommandText = "INSERT INTO article_search (article_id, body) VALUES (@id, @body);";
        foreach (var a in rows)
        {
            ulong? sim = TextFingerprint.SimHash(a.Text);
            update.Parameters.Clear();
            Set(update, "hash", TextFingerprint.ContentHash(a));
            SetSim(update, sim);
            Set(update, "id", a.Id);
            update.ExecuteNonQuery();
            search.Parameters.Clear();
            Set(search, "id", a.Id);
            Set(search, "body", TextFingerprint.Normalize(a));
            search.ExecuteNonQuery();
        }
    }

    private static void CheckArticleIds(string articleId, IReadOnlyList<EventRecord> events)
    {
        foreach (var e in events)
        {
            if (e.ArticleId != articleId)
                throw new ArgumentException($"Event for article '{e.ArticleId}' passed with document '{articleId}'.", nameof(events));
        }
    }

    // Before an article's events are replaced, each leaves its merged event (which keeps its other
    // mentions under a new representative), then the events and their now-empty merged events go.
    private void DetachArticleEvents(DbTransaction tx, string articleId)
    {
        var ids = new List<long>();
        using (var cmd = Command(tx, "SELECT id FROM events WHERE article_id = @id ORDER BY id;"))
        {
            Set(cmd, "id", articleId);
            using var r = cmd.ExecuteReader();
            while (r.Read())
                ids.Add(Long(r, 0));
        }
        if (ids.Count == 0)
            return;
        foreach (var id in ids)
            Split(tx, id, "article re-saved");
        using (var cmd = Command(tx, "DELETE FROM events WHERE article_id = @id;"))
        {
            Set(cmd, "id", articleId);
            cmd.ExecuteNonQuery();
        }
        foreach (var chunk in ids.Chunk(InChunk))
        {
            using var cmd = Command(tx, $"DELETE FROM merged_events WHERE id IN ({InList(chunk.Length)});");
            SetList(cmd, chunk);
            cmd.ExecuteNonQuery();
        }
    }

    // Moves one mention into a merged event of its own. When it was the representative, the other
    // mentions move to a new merged event represented by the earliest of them.
    private void Split(DbTransaction tx, long eventId, string reason)
    {
        long? merged;
        using (var cmd = Command(tx, "SELECT merged_id FROM events WHERE id = @id;"))
        {
            Set(cmd, "id", eventId);
            var value = cmd.ExecuteScalar();
            if (value is null)
                throw new ArgumentException($"no event {eventId}", nameof(eventId));
            merged = value is DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
        }
        var others = new List<long>();
        if (merged is { } m)
        {
            using var cmd = Command(tx, "SELECT id FROM events WHERE merged_id = @m AND id <> @id ORDER BY id;");
            Set(cmd, "m", m);
            Set(cmd, "id", eventId);
            using var r = cmd.ExecuteReader();
            while (r.Read())
                others.Add(Long(r, 0));
        }
        if (merged == eventId && others.Count == 0)
            return;

        if (merged == eventId)
        {
            // The others get a new representative; this event keeps the merged row that bears its id.
            long rep = others[0];
            InsertMergedFrom(tx, rep);
            using (var cmd = Command(tx, "UPDATE events SET merged_id = @rep WHERE merged_id = @m AND id <> @m;"))
            {
                Set(cmd, "rep", rep);
                Set(cmd, "m", eventId);
                cmd.ExecuteNonQuery();
            }
            using (var cmd = Command(tx, "UPDATE events SET merge_reason = NULL WHERE id = @rep;"))
            {
                Set(cmd, "rep", rep);
                cmd.ExecuteNonQuery();
            }
            RefreshMerged(tx, rep);
        }
        else
        {
            InsertMergedFrom(tx, eventId);
            using (var cmd = Command(tx, "UPDATE events SET merged_id = @id WHERE id = @id;"))
            {
                Set(cmd, "id", eventId);
                cmd.ExecuteNonQuery();
            }
            if (merged is { } old)
                RefreshMerged(tx, old);
        }
        using (var cmd = Command(tx, "UPDATE events SET merge_reason = @reason WHERE id = @id;"))
        {
            Set(cmd, "reason", string.Create(CultureInfo.InvariantCulture, $"{reason} from merged event {merged}"));
            Set(cmd, "id", eventId);
            cmd.ExecuteNonQuery();
        }
        RefreshMerged(tx, eventId);
    }

    private void InsertMergedFrom(DbTransaction tx, long eventId)
    {
        using var cmd = Command(tx, $"""
            INSERT INTO merged_events (id, type, subtype, actor1, actor2, place_name, place_country, place_lat, place_lon, place_precision, date_start, date_end, start_day, end_day, mentions)
            SELECT id, type, subtype, actor1, actor2, place_name, place_country, place_lat, place_lon, place_precision, date_start, date_end, {DayNumber("date_start")}, {DayNumber("date_end")}, 1 FROM events WHERE id = @id
            ON CONFLICT (id) DO NOTHING;
            """);
        Set(cmd, "id", eventId);
        cmd.ExecuteNonQuery();
    }

    // Mentions and actors recomputed from the members: the first actor named in id order, as merging fills them.
    private void RefreshMerged(DbTransaction tx, long mergedId)
    {
        using var cmd = Command(tx, """
            UPDATE merged_events SET
                mentions = (SELECT COUNT(*) FROM events x WHERE x.merged_id = @m),
                actor1 = (SELECT x.actor1 FROM events x WHERE x.merged_id = @m AND x.actor1 IS NOT NULL ORDER BY x.id LIMIT 1),
                actor2 = (SELECT x.actor2 FROM events x WHERE x.merged_id = @m AND x.actor2 IS NOT NULL ORDER BY x.id LIMIT 1)
            WHERE id = @m;
            """);
        Set(cmd, "m", mergedId);
        cmd.ExecuteNonQuery();
    }

    private List<StoredEvent> ReadEvents(Filter filter)
    {
        var rows = new List<Row>();
        var byId = new Dictionary<long, Row>();
        using (var cmd = Command(null, $"SELECT {EventColumns} {filter.From} ORDER BY {filter.OrderSql} {filter.LimitSql};"))
        {
            filter.Apply(cmd);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var row = ReadRow(r);
                rows.Add(row);
                byId[row.Id] = row;
            }
        }
        if (rows.Count == 0)
            return [];

        foreach (var chunk in byId.Keys.Chunk(InChunk))
        {
            using (var cmd = Command(null, $"SELECT event_id, key, value FROM event_quantities WHERE event_id IN ({InList(chunk.Length)});"))
            {
                SetList(cmd, chunk);
                using var r = cmd.ExecuteReader();
                while (r.Read())
                    byId[Long(r, 0)].Quantities[r.GetString(1)] = Long(r, 2);
            }
            using (var cmd = Command(null, $"SELECT event_id, name, start, \"end\" FROM event_arguments WHERE event_id IN ({InList(chunk.Length)});"))
            {
                SetList(cmd, chunk);
                using var r = cmd.ExecuteReader();
                while (r.Read())
                    byId[Long(r, 0)].Arguments[r.GetString(1)] = TextSpan.FromBounds((int)Long(r, 2), (int)Long(r, 3));
            }
        }
        return rows.ConvertAll(row => row.ToStoredEvent());
    }

    private int ReadSchemaVersion(DbTransaction? tx)
    {
        using var cmd = Command(tx, "SELECT COALESCE(MAX(version), 0) FROM schema_version;");
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private protected DbCommand Command(DbTransaction? tx, string sql)
    {
        var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx ?? _current;
        return cmd;
    }

    private protected void Execute(DbTransaction? tx, string sql)
    {
        using var cmd = Command(tx, sql);
        cmd.ExecuteNonQuery();
    }

    private int ScalarInt(string sql)
    {
        using var cmd = Command(null, sql);
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Sets (adding when new) the parameter written <c>@name</c> in the SQL.</summary>
    private protected static void Set(DbCommand cmd, string name, object? value)
    {
        string full = "@" + name;
        DbParameter? p = null;
        // A plain scan: providers differ on whether IndexOf matches names with or without the '@'.
        foreach (DbParameter existing in cmd.Parameters)
        {
            if (existing.ParameterName == full)
            {
                p = existing;
                break;
            }
        }
        if (p is null)
        {
            p = cmd.CreateParameter();
            p.ParameterName = full;
            cmd.Parameters.Add(p);
        }
        p.Value = value ?? DBNull.Value;
    }

    private static void SetSim(DbCommand cmd, ulong? sim)
    {
        Set(cmd, "sim", sim is { } s ? unchecked((long)s) : null);
        for (int band = 0; band < 4; band++)
            Set(cmd, "b" + band.ToString(CultureInfo.InvariantCulture), sim is { } v ? TextFingerprint.Band(v, band) : null);
    }

    private static string InList(int count) =>
        string.Join(", ", Enumerable.Range(0, count).Select(i => "@p" + i.ToString(CultureInfo.InvariantCulture)));

    private static void SetList<T>(DbCommand cmd, T[] values)
    {
        for (int i = 0; i < values.Length; i++)
            Set(cmd, "p" + i.ToString(CultureInfo.InvariantCulture), values[i]);
    }

    private protected static string? Str(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private protected static long Long(DbDataReader r, int i) => Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);

    private static long? LongOrNull(DbDataReader r, int i) => r.IsDBNull(i) ? null : Long(r, i);

    private static double? Dbl(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToDouble(r.GetValue(i), CultureInfo.InvariantCulture);

    private protected static DateOnly? Day(DbDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateOnly.ParseExact(r.GetString(i), DateFormat, CultureInfo.InvariantCulture);

    private static string? Iso(DateOnly? d) => d?.ToString(DateFormat, CultureInfo.InvariantCulture);

    private protected static string Timestamp() =>
        DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Letter-and-digit words of normalized text: what both search indexes tokenize into.</summary>
    private static List<string> Words(string normalized)
    {
        var words = new List<string>();
        var sb = new StringBuilder();
        foreach (char c in normalized + " ")
        {
            if (char.IsLetterOrDigit(c))
                sb.Append(c);
            else if (sb.Length > 0)
            {
                words.Add(sb.ToString());
                sb.Clear();
            }
        }
        return words;
    }

    private static Row ReadRow(DbDataReader r)
    {
        int? I(int i) => r.IsDBNull(i) ? null : (int)Long(r, i);

        PlaceRef? Place(int i)
        {
            if (r.IsDBNull(i))
                return null;
            TextSpan? span = I(i + 6) is { } start && I(i + 7) is { } end ? TextSpan.FromBounds(start, end) : null;
            return new PlaceRef(r.GetString(i), Str(r, i + 1), Dbl(r, i + 2), Dbl(r, i + 3), Str(r, i + 4) ?? "", Str(r, i + 5), span);
        }

        DateValue? date = null;
        if (Day(r, 22) is { } ds && Day(r, 23) is { } de)
        {
            var precision = Enum.Parse<DatePrecision>(Str(r, 24) ?? nameof(DatePrecision.Range), ignoreCase: true);
            date = new DateValue(ds, de, precision);
        }

        return new Row
        {
            Id = Long(r, 0),
            ArticleId = r.GetString(1),
            Type = r.GetString(2),
            Subtype = r.GetString(3),
            Actor1 = Str(r, 4),
            Actor2 = Str(r, 5),
            Place = Place(6),
            Origin = Place(14),
            Date = date,
            Fatalities = LongOrNull(r, 25),
            Certainty = r.GetString(26),
            ReportedBy = Str(r, 27),
            Evidence = TextSpan.FromBounds((int)Long(r, 28), (int)Long(r, 29)),
            EvidenceText = r.GetString(30),
            Trigger = TextSpan.FromBounds((int)Long(r, 31), (int)Long(r, 32)),
            ArticleTitle = Str(r, 33),
            ArticlePublished = Day(r, 34),
            ArticleSource = Str(r, 35),
            MergedId = LongOrNull(r, 36) ?? Long(r, 0),
            MergeReason = Str(r, 37),
            ArticleUrl = Str(r, 38),
        };
    }

    /// <summary>An event filter as SQL: the FROM … WHERE part and its parameter values.</summary>
    private sealed record Filter(string From, string LimitSql, string OrderSql, List<(string Name, object Value)> Parameters)
    {
        public static Filter Build(SqlEventStore store, EventQuery q, bool representativesOnly, string? extra = null, bool joinArticles = true, params (string Name, object Value)[] extraParameters)
        {
            var conditions = new List<string>();
            var parameters = new List<(string, object)>(extraParameters);
            void Add(string condition, string name, object value)
            {
                conditions.Add(condition);
                parameters.Add((name, value));
            }

            if (representativesOnly)
                conditions.Add("e.merged_id = e.id");
            if (extra is not null)
                conditions.Add(extra);
            if (q.ArticleId is not null)
                Add("e.article_id = @f_article", "f_article", q.ArticleId);
            if (q.MergedId is { } merged)
                Add("e.merged_id = @f_merged", "f_merged", merged);
            if (q.Type is not null)
                Add("e.type = @f_type", "f_type", q.Type);
            if (q.Subtype is not null)
                Add("e.subtype = @f_subtype", "f_subtype", q.Subtype);
            if (q.Actor is not null)
            {
                // A substring of either actor; LIKE wildcards typed by the user are taken literally.
                var pattern = "%" + q.Actor.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
                Add("(e.actor1 LIKE @f_actor ESCAPE '\\' OR e.actor2 LIKE @f_actor ESCAPE '\\')", "f_actor", pattern);
            }
            if (q.ActorName is not null)
                Add("(e.actor1 = @f_actor_name OR e.actor2 = @f_actor_name)", "f_actor_name", q.ActorName);
            if (q.Country is not null)
                Add("e.place_country = @f_country", "f_country", q.Country.ToUpperInvariant());
            if (q.Place is not null)
                Add("e.place_name = @f_place", "f_place", q.Place);
            // ISO dates compare correctly as text.
            if (q.From is { } from)
                Add("e.date_end >= @f_from", "f_from", Iso(from)!);
            if (q.To is { } to)
                Add("e.date_start <= @f_to", "f_to", Iso(to)!);
            if (q.Certainty is { Count: > 0 } certainties)
            {
                var names = certainties.Select((_, i) => "@f_cert" + i).ToList();
                conditions.Add($"e.certainty IN ({string.Join(", ", names)})");
                for (int i = 0; i < certainties.Count; i++)
                    parameters.Add(("f_cert" + i, certainties[i]));
            }
            if (q.Text is not null)
            {
                var words = Words(ArabicNormalizer.NormalizePhrase(q.Text));
                if (words.Count == 0)
                {
                    conditions.Add("1 = 0");
                }
                else
                {
                    var (condition, value) = store.ArticleTextCondition(words);
                    Add(condition, "f_text", value);
                }
            }
            if (q.Box is { } box)
            {
                Add("e.place_lat >= @f_south", "f_south", box.South);
                Add("e.place_lat <= @f_north", "f_north", box.North);
                Add("e.place_lon >= @f_west", "f_west", box.West);
                Add("e.place_lon <= @f_east", "f_east", box.East);
            }

            string order = "e.article_id, e.id";
            if (q.Order == EventOrder.Newest)
            {
                // Undated rows would sort first on PostgreSQL and last on SQLite; leaving them out keeps both equal and lets a date index serve the order.
                conditions.Add("e.date_start IS NOT NULL");
                order = "e.date_start DESC, e.id DESC";
            }

            var sql = new StringBuilder(joinArticles ? "FROM events e JOIN articles a ON a.id = e.article_id" : "FROM events e");
            if (conditions.Count > 0)
                sql.Append(" WHERE ").AppendJoin(" AND ", conditions);
            string limit = "";
            if (q.Limit is { } n)
            {
                limit = "LIMIT @f_limit";
                parameters.Add(("f_limit", Math.Max(0, n)));
            }
            if (q.Offset is { } skip && skip > 0)
            {
                // Both engines want a LIMIT before OFFSET; -1 (SQLite) and ALL (PostgreSQL) differ, so a large number stands in.
                if (limit.Length == 0)
                    limit = "LIMIT " + int.MaxValue.ToString(CultureInfo.InvariantCulture);
                limit += " OFFSET @f_offset";
                parameters.Add(("f_offset", skip));
            }
            return new Filter(sql.ToString(), limit, order, parameters);
        }

        public void Apply(DbCommand cmd)
        {
            foreach (var (name, value) in Parameters)
                Set(cmd, name, value);
        }
    }

    /// <summary>
    /// The statements of one write transaction, prepared once and run per row: parsing SQL per row
    /// would cost more than the inserts themselves.
    /// </summary>
    private sealed class Writer : IDisposable
    {
        private readonly SqlEventStore _store;
        private readonly DbTransaction _tx;
        private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);
        private readonly List<(long Id, string? Actor1, string? Actor2)> _joins = [];

        public Writer(SqlEventStore store, DbTransaction tx)
        {
            _store = store;
            _tx = tx;
        }

        public int EventsInserted { get; private set; }

        public int EventsMerged { get; private set; }

        public bool InsertArticleIfNew(PreparedArticle a)
        {
            var cmd = Get("""
                INSERT INTO articles (id, source, url, title, published, lang, text, content_hash, ingested_at, duplicate_of, duplicate_reason, simhash, sh0, sh1, sh2, sh3)
                VALUES (@id, @source, @url, @title, @published, @lang, @text, @hash, @ingested, @dup, @dup_reason, @sim, @b0, @b1, @b2, @b3)
                ON CONFLICT (id) DO NOTHING
                RETURNING id;
                """);
            SetArticle(cmd, a);
            return cmd.ExecuteScalar() is string;
        }

        public void UpsertArticle(PreparedArticle a)
        {
            var cmd = Get("""
                INSERT INTO articles (id, source, url, title, published, lang, text, content_hash, ingested_at, duplicate_of, duplicate_reason, simhash, sh0, sh1, sh2, sh3)
                VALUES (@id, @source, @url, @title, @published, @lang, @text, @hash, @ingested, @dup, @dup_reason, @sim, @b0, @b1, @b2, @b3)
                ON CONFLICT (id) DO UPDATE SET
                    source = excluded.source, url = excluded.url, title = excluded.title,
                    published = excluded.published, lang = excluded.lang, text = excluded.text,
                    content_hash = excluded.content_hash, ingested_at = excluded.ingested_at,
                    duplicate_of = excluded.duplicate_of, duplicate_reason = excluded.duplicate_reason,
                    simhash = excluded.simhash, sh0 = excluded.sh0, sh1 = excluded.sh1, sh2 = excluded.sh2, sh3 = excluded.sh3;
                """);
            SetArticle(cmd, a);
            cmd.ExecuteNonQuery();
        }

        public void InsertEvents(IReadOnlyList<EventRecord> events)
        {
            var ev = Get("""
                INSERT INTO events (
                    article_id, type, subtype, actor1, actor2,
                    place_name, place_country, place_lat, place_lon, place_precision, place_gazetteer_id, place_start, place_end,
                    origin_name, origin_country, origin_lat, origin_lon, origin_precision, origin_gazetteer_id, origin_start, origin_end,
                    date_start, date_end, date_precision, fatalities, certainty, reported_by,
                    evidence_start, evidence_end, evidence_text, trigger_start, trigger_end, merged_id, merge_reason)
                VALUES (
                    @article_id, @type, @subtype, @actor1, @actor2,
                    @place_name, @place_country, @place_lat, @place_lon, @place_precision, @place_gazetteer_id, @place_start, @place_end,
                    @origin_name, @origin_country, @origin_lat, @origin_lon, @origin_precision, @origin_gazetteer_id, @origin_start, @origin_end,
                    @date_start, @date_end, @date_precision, @fatalities, @certainty, @reported_by,
                    @evidence_start, @evidence_end, @evidence_text, @trigger_start, @trigger_end, @merged_id, @merge_reason)
                RETURNING id;
                """);
            var qty = Get("INSERT INTO event_quantities (event_id, key, value) VALUES (@event, @key, @value);");
            var arg = Get("INSERT INTO event_arguments (event_id, name, start, \"end\") VALUES (@event, @name, @start, @end);");

            foreach (var e in events)
            {
                var match = FindMerge(e);
                Set(ev, "article_id", e.ArticleId);
                Set(ev, "type", e.Type);
                Set(ev, "subtype", e.Subtype);
                Set(ev, "actor1", e.Actor1);
                Set(ev, "actor2", e.Actor2);
                SetPlace(ev, "place", e.Place);
                SetPlace(ev, "origin", e.Origin);
                Set(ev, "date_start", Iso(e.Date?.Start));
                Set(ev, "date_end", Iso(e.Date?.End));
                Set(ev, "date_precision", e.Date?.PrecisionCode);
                Set(ev, "fatalities", e.Fatalities);
                Set(ev, "certainty", e.Certainty);
                Set(ev, "reported_by", e.ReportedBy);
                Set(ev, "evidence_start", e.Evidence.Start);
                Set(ev, "evidence_end", e.Evidence.End);
                Set(ev, "evidence_text", e.EvidenceText);
                Set(ev, "trigger_start", e.Trigger.Start);
                Set(ev, "trigger_end", e.Trigger.End);
                Set(ev, "merged_id", match?.Id);
                Set(ev, "merge_reason", match?.Reason);
                long id = Convert.ToInt64(ev.ExecuteScalar(), CultureInfo.InvariantCulture);
                EventsInserted++;

                if (match is { } m)
                {
                    _joins.Add((m.Id, e.Actor1, e.Actor2));
                    EventsMerged++;
                }
                else
                {
                    // A new occurrence: its merged event takes the mention's id, so it is found from either side.
                    var create = Get("""
                        INSERT INTO merged_events (id, type, subtype, actor1, actor2, place_name, place_country, place_lat, place_lon, place_precision, date_start, date_end, start_day, end_day, mentions)
                        VALUES (@id, @type, @subtype, @actor1, @actor2, @place_name, @place_country, @place_lat, @place_lon, @place_precision, @date_start, @date_end, @start_day, @end_day, 1);
                        """);
                    Set(create, "id", id);
                    Set(create, "type", e.Type);
                    Set(create, "subtype", e.Subtype);
                    Set(create, "actor1", e.Actor1);
                    Set(create, "actor2", e.Actor2);
                    Set(create, "place_name", e.Place?.Name);
                    Set(create, "place_country", e.Place?.Country);
                    Set(create, "place_lat", e.Place?.Lat);
                    Set(create, "place_lon", e.Place?.Lon);
                    Set(create, "place_precision", e.Place?.Precision);
                    Set(create, "date_start", Iso(e.Date?.Start));
                    Set(create, "date_end", Iso(e.Date?.End));
                    Set(create, "start_day", e.Date?.Start.DayNumber);
                    Set(create, "end_day", e.Date?.End.DayNumber);
                    create.ExecuteNonQuery();
                    var link = Get("UPDATE events SET merged_id = @id WHERE id = @id;");
                    Set(link, "id", id);
                    link.ExecuteNonQuery();
                }

                foreach (var (key, value) in e.Quantities)
                {
                    Set(qty, "event", id);
                    Set(qty, "key", key);
                    Set(qty, "value", value);
                    qty.ExecuteNonQuery();
                }
                foreach (var (name, span) in e.ArgumentSpans)
                {
                    Set(arg, "event", id);
                    Set(arg, "name", name);
                    Set(arg, "start", span.Start);
                    Set(arg, "end", span.End);
                    arg.ExecuteNonQuery();
                }
            }
        }

        /// <summary>
        /// Applies the merged events' new mention counts and actors, in id order: concurrent writers
        /// then lock shared merged events in the same order and cannot deadlock on them.
        /// </summary>
        public void Finish()
        {
            var join = Get("""
                UPDATE merged_events SET mentions = mentions + 1,
                    actor1 = COALESCE(actor1, @a1), actor2 = COALESCE(actor2, @a2)
                WHERE id = @m;
                """);
            foreach (var (id, a1, a2) in _joins.OrderBy(j => j.Id))
            {
                Set(join, "a1", a1);
                Set(join, "a2", a2);
                Set(join, "m", id);
                join.ExecuteNonQuery();
            }
            _joins.Clear();
        }

        public void Dispose()
        {
            foreach (var cmd in _commands.Values)
                cmd.Dispose();
        }

        // The nearest merged event from another article that passes EventMerger; ties go to the oldest.
        private (long Id, string Reason)? FindMerge(EventRecord e)
        {
            if (EventMerger.Window(e) is not { } window)
                return null;
            var cmd = Get("""
                SELECT m.id, m.type, m.subtype, m.actor1, m.actor2, m.place_name, m.place_country, m.place_lat, m.place_lon, m.place_precision, m.date_start, m.date_end
                FROM merged_events m
                WHERE m.type = @type AND m.date_start >= @earliest AND m.date_start <= @to AND m.date_end >= @from
                  AND NOT EXISTS (SELECT 1 FROM events x WHERE x.merged_id = m.id AND x.article_id = @article)
                ORDER BY m.id
                LIMIT 200;
                """);
            Set(cmd, "type", e.Type);
            // Mergeable ranges are at most MaxRangeDays long, so a candidate starts no earlier than this: the index range stays narrow.
            Set(cmd, "earliest", Iso(window.From.AddDays(-EventMerger.MaxRangeDays)));
            Set(cmd, "to", Iso(window.To));
            Set(cmd, "from", Iso(window.From));
            Set(cmd, "article", e.ArticleId);
            (long Id, string Reason, double Km)? best = null;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var c = new MergeCandidate(Long(r, 0), r.GetString(1), r.GetString(2), Str(r, 3), Str(r, 4), Str(r, 5), Str(r, 6),
                    Dbl(r, 7), Dbl(r, 8), Str(r, 9), Day(r, 10)!.Value, Day(r, 11)!.Value);
                if (EventMerger.Match(c, e) is { } m && (best is null || m.DistanceKm < best.Value.Km))
                    best = (c.Id, m.Reason, m.DistanceKm);
            }
            return best is { } b ? (b.Id, b.Reason) : null;
        }

        private DbCommand Get(string sql)
        {
            if (!_commands.TryGetValue(sql, out var cmd))
                _commands[sql] = cmd = _store.Command(_tx, sql);
            return cmd;
        }

        private static void SetArticle(DbCommand cmd, PreparedArticle p)
        {
            var a = p.Article;
            Set(cmd, "id", a.Id);
            Set(cmd, "source", a.Source);
            Set(cmd, "url", a.Url);
            Set(cmd, "title", a.Title);
            Set(cmd, "published", Iso(a.Published));
            Set(cmd, "lang", a.Lang);
            // The folded text is stored because every span in the events points into it.
            Set(cmd, "text", p.Document?.Text ?? TextFolder.Fold(a.Text));
            Set(cmd, "hash", p.ContentHash);
            Set(cmd, "ingested", Timestamp());
            Set(cmd, "dup", p.DuplicateOf?.ArticleId);
            Set(cmd, "dup_reason", p.DuplicateOf?.Reason);
            SetSim(cmd, p.SimHash == 0 ? null : p.SimHash);
        }

        private static void SetPlace(DbCommand cmd, string prefix, PlaceRef? place)
        {
            Set(cmd, prefix + "_name", place?.Name);
            Set(cmd, prefix + "_country", place?.Country);
            Set(cmd, prefix + "_lat", place?.Lat);
            Set(cmd, prefix + "_lon", place?.Lon);
            Set(cmd, prefix + "_precision", place?.Precision);
            Set(cmd, prefix + "_gazetteer_id", place?.GazetteerId);
            Set(cmd, prefix + "_start", place?.Span?.Start);
            Set(cmd, prefix + "_end", place?.Span?.End);
        }
    }

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
        public string? ArticleUrl { get; init; }
        public long MergedId { get; init; }
        public string? MergeReason { get; init; }
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
            ArticleSource,
            MergedId,
            MergeReason,
            ArticleUrl);
    }
}
