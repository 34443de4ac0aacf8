using System.Data.Common;

namespace Marsad.Storage;

/// <summary>
/// The store's schema as ordered lists of migrations, one list per database engine; a database
/// records the last version applied. Version N means the same tables and columns on both engines.
/// </summary>
internal static class Schema
{
    /// <summary>
    /// One forward step of the schema, applied once inside its own transaction. <paramref name="Backfill"/>
    /// computes in C# what SQL cannot (normalized search text, fingerprints) for rows that already exist.
    /// </summary>
    internal sealed record Migration(int Version, string Description, string Sql, Action<DbConnection, DbTransaction>? Backfill = null);

    // Append only: a migration that has shipped is never edited, because databases in the field
    // already carry its version number and would not run it again.
    internal static readonly IReadOnlyList<Migration> Sqlite =
    [
        new(1, "articles, events, quantities, argument spans", """
            CREATE TABLE articles (
                id            TEXT PRIMARY KEY,
                source        TEXT,
                url           TEXT,
                title         TEXT,
                published     DATE,
                lang          TEXT NOT NULL,
                text          TEXT NOT NULL,
                content_hash  TEXT NOT NULL,
                ingested_at   TEXT NOT NULL
            );

            CREATE TABLE events (
                id                   INTEGER PRIMARY KEY,
                article_id           TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                type                 TEXT NOT NULL,
                subtype              TEXT NOT NULL,
                actor1               TEXT,
                actor2               TEXT,
                place_name           TEXT,
                place_country        TEXT,
                place_lat            REAL,
                place_lon            REAL,
                place_precision      TEXT,
                place_gazetteer_id   TEXT,
                place_start          INTEGER,
                place_end            INTEGER,
                origin_name          TEXT,
                origin_country       TEXT,
                origin_lat           REAL,
                origin_lon           REAL,
                origin_precision     TEXT,
                origin_gazetteer_id  TEXT,
                origin_start         INTEGER,
                origin_end           INTEGER,
                date_start           DATE,
                date_end             DATE,
                date_precision       TEXT,
                fatalities           INTEGER,
                certainty            TEXT NOT NULL,
                reported_by          TEXT,
                evidence_start       INTEGER NOT NULL,
                evidence_end         INTEGER NOT NULL,
                evidence_text        TEXT NOT NULL,
                trigger_start        INTEGER NOT NULL,
                trigger_end          INTEGER NOT NULL
            );
            CREATE INDEX ix_events_article ON events(article_id);
            CREATE INDEX ix_events_type ON events(type, subtype);
            CREATE INDEX ix_events_date ON events(date_start);

            CREATE TABLE event_quantities (
                event_id  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
                key       TEXT NOT NULL,
                value     INTEGER NOT NULL,
                PRIMARY KEY (event_id, key)
            );

            CREATE TABLE event_arguments (
                event_id  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
                name      TEXT NOT NULL,
                start     INTEGER NOT NULL,
                "end"     INTEGER NOT NULL,
                PRIMARY KEY (event_id, name)
            );
            """),
        new(2, "duplicate links and fingerprints, FTS5 search over normalized text, merged events", """
            ALTER TABLE articles ADD COLUMN duplicate_of TEXT REFERENCES articles(id);
            ALTER TABLE articles ADD COLUMN duplicate_reason TEXT;
            ALTER TABLE articles ADD COLUMN simhash INTEGER;
            ALTER TABLE articles ADD COLUMN sh0 INTEGER;
            ALTER TABLE articles ADD COLUMN sh1 INTEGER;
            ALTER TABLE articles ADD COLUMN sh2 INTEGER;
            ALTER TABLE articles ADD COLUMN sh3 INTEGER;
            CREATE INDEX ix_articles_content_hash ON articles(content_hash);
            CREATE INDEX ix_articles_duplicate_of ON articles(duplicate_of);
            CREATE INDEX ix_articles_sh0 ON articles(sh0);
            CREATE INDEX ix_articles_sh1 ON articles(sh1);
            CREATE INDEX ix_articles_sh2 ON articles(sh2);
            CREATE INDEX ix_articles_sh3 ON articles(sh3);

            -- Normalized title and text; the article id is carried unindexed so hits need no join key.
            CREATE VIRTUAL TABLE article_search USING fts5(article_id UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 2');

            CREATE TABLE merged_events (
                id               INTEGER PRIMARY KEY,
                type             TEXT NOT NULL,
                subtype          TEXT NOT NULL,
                actor1           TEXT,
                actor2           TEXT,
                place_name       TEXT,
                place_country    TEXT,
                place_lat        REAL,
                place_lon        REAL,
                place_precision  TEXT,
                date_start       TEXT,
                date_end         TEXT,
                mentions         INTEGER NOT NULL
            );
            CREATE INDEX ix_merged_events_type_date ON merged_events(type, date_start);

            ALTER TABLE events ADD COLUMN merged_id INTEGER REFERENCES merged_events(id);
            ALTER TABLE events ADD COLUMN merge_reason TEXT;

            -- Events stored before merging existed each become a merged event of one mention.
            INSERT INTO merged_events (id, type, subtype, actor1, actor2, place_name, place_country, place_lat, place_lon, place_precision, date_start, date_end, mentions)
            SELECT id, type, subtype, actor1, actor2, place_name, place_country, place_lat, place_lon, place_precision, date_start, date_end, 1 FROM events;
            UPDATE events SET merged_id = id;
            CREATE INDEX ix_events_merged ON events(merged_id);
            CREATE INDEX ix_events_place ON events(place_country, place_name);
            CREATE INDEX ix_events_actor1 ON events(actor1);
            """, Backfill: SqlEventStore.BackfillFingerprints),
        new(3, "work queue for marsad worker", """
            CREATE TABLE ingest_queue (
                id           INTEGER PRIMARY KEY,
                article_id   TEXT NOT NULL UNIQUE,
                payload      TEXT NOT NULL,
                state        TEXT NOT NULL DEFAULT 'queued',
                worker       TEXT,
                finished_at  TEXT
            );
            CREATE INDEX ix_ingest_queue_state ON ingest_queue(state, id);
            """),
        new(4, "indexes for the dashboard's queries", DashboardIndexes),
        new(5, "covering actor indexes for per-actor counts", ActorCoverIndexes),
        new(6, "day numbers on merged events and indexes counting them by their representative", """
            ALTER TABLE merged_events ADD COLUMN start_day INTEGER;
            ALTER TABLE merged_events ADD COLUMN end_day INTEGER;
            -- Julian day 1721425.5 is midnight of 0001-01-01, day number 0.
            UPDATE merged_events SET start_day = CAST(julianday(date_start) - 1721425.5 AS INTEGER), end_day = CAST(julianday(date_end) - 1721425.5 AS INTEGER)
            WHERE date_start IS NOT NULL AND date_end IS NOT NULL;
            """ + RepresentativeCountIndexes),
    ];

    /// <summary>The same schema for PostgreSQL: identity keys, BIGINT and DOUBLE PRECISION, a GIN index for search.</summary>
    internal static readonly IReadOnlyList<Migration> Postgres =
    [
        new(1, "articles, events, quantities, argument spans", """
            CREATE TABLE articles (
                id            TEXT PRIMARY KEY,
                source        TEXT,
                url           TEXT,
                title         TEXT,
                published     TEXT,
                lang          TEXT NOT NULL,
                text          TEXT NOT NULL,
                content_hash  TEXT NOT NULL,
                ingested_at   TEXT NOT NULL
            );

            CREATE TABLE events (
                id                   BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                article_id           TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                type                 TEXT NOT NULL,
                subtype              TEXT NOT NULL,
                actor1               TEXT,
                actor2               TEXT,
                place_name           TEXT,
                place_country        TEXT,
                place_lat            DOUBLE PRECISION,
                place_lon            DOUBLE PRECISION,
                place_precision      TEXT,
                place_gazetteer_id   TEXT,
                place_start          BIGINT,
                place_end            BIGINT,
                origin_name          TEXT,
                origin_country       TEXT,
                origin_lat           DOUBLE PRECISION,
                origin_lon           DOUBLE PRECISION,
                origin_precision     TEXT,
                origin_gazetteer_id  TEXT,
                origin_start         BIGINT,
                origin_end           BIGINT,
                date_start           TEXT,
                date_end             TEXT,
                date_precision       TEXT,
                fatalities           BIGINT,
                certainty            TEXT NOT NULL,
                reported_by          TEXT,
                evidence_start       BIGINT NOT NULL,
                evidence_end         BIGINT NOT NULL,
                evidence_text        TEXT NOT NULL,
                trigger_start        BIGINT NOT NULL,
                trigger_end          BIGINT NOT NULL
            );
            CREATE INDEX ix_events_article ON events(article_id);
            CREATE INDEX ix_events_type ON events(type, subtype);
            CREATE INDEX ix_events_date ON events(date_start);

            CREATE TABLE event_quantities (
                event_id  BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
                key       TEXT NOT NULL,
                value     BIGINT NOT NULL,
                PRIMARY KEY (event_id, key)
            );

            CREATE TABLE event_arguments (
                event_id  BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
                name      TEXT NOT NULL,
                start     BIGINT NOT NULL,
                "end"     BIGINT NOT NULL,
                PRIMARY KEY (event_id, name)
            );
            """),
        new(2, "duplicate links and fingerprints, full-text search over normalized text, merged events", """
            ALTER TABLE articles ADD COLUMN duplicate_of TEXT REFERENCES articles(id);
            ALTER TABLE articles ADD COLUMN duplicate_reason TEXT;
            ALTER TABLE articles ADD COLUMN simhash BIGINT;
            ALTER TABLE articles ADD COLUMN sh0 INTEGER;
            ALTER TABLE articles ADD COLUMN sh1 INTEGER;
            ALTER TABLE articles ADD COLUMN sh2 INTEGER;
            ALTER TABLE articles ADD COLUMN sh3 INTEGER;
            CREATE INDEX ix_articles_content_hash ON articles(content_hash);
            CREATE INDEX ix_articles_duplicate_of ON articles(duplicate_of);
            CREATE INDEX ix_articles_sh0 ON articles(sh0);
            CREATE INDEX ix_articles_sh1 ON articles(sh1);
            CREATE INDEX ix_articles_sh2 ON articles(sh2);
            CREATE INDEX ix_articles_sh3 ON articles(sh3);

            -- The 'simple' configuration: no stemming or stop words, the text is normalized already.
            CREATE TABLE article_search (
                article_id  TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
                body        TEXT NOT NULL
            );
            CREATE INDEX ix_article_search ON article_search USING GIN (to_tsvector('simple', body));

            CREATE TABLE merged_events (
                id               BIGINT PRIMARY KEY,
                type             TEXT NOT NULL,
                subtype          TEXT NOT NULL,
                actor1           TEXT,
                actor2           TEXT,
                place_name       TEXT,
                place_country    TEXT,
                place_lat        DOUBLE PRECISION,
                place_lon        DOUBLE PRECISION,
                place_precision  TEXT,
                date_start       TEXT,
                date_end         TEXT,
                mentions         BIGINT NOT NULL
            );
            CREATE INDEX ix_merged_events_type_date ON merged_events(type, date_start);

            ALTER TABLE events ADD COLUMN merged_id BIGINT REFERENCES merged_events(id);
            ALTER TABLE events ADD COLUMN merge_reason TEXT;

            INSERT INTO merged_events (id, type, subtype, actor1, actor2, place_name, place_country, place_lat, place_lon, place_precision, date_start, date_end, mentions)
            SELECT id, type, subtype, actor1, actor2, place_name, place_country, place_lat, place_lon, place_precision, date_start, date_end, 1 FROM events;
            UPDATE events SET merged_id = id;
            CREATE INDEX ix_events_merged ON events(merged_id);
            CREATE INDEX ix_events_place ON events(place_country, place_name);
            CREATE INDEX ix_events_actor1 ON events(actor1);
            """, Backfill: SqlEventStore.BackfillFingerprints),
        new(3, "work queue for marsad worker", """
            CREATE TABLE ingest_queue (
                id           BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                article_id   TEXT NOT NULL UNIQUE,
                payload      TEXT NOT NULL,
                state        TEXT NOT NULL DEFAULT 'queued',
                worker       TEXT,
                finished_at  TEXT
            );
            CREATE INDEX ix_ingest_queue_state ON ingest_queue(state, id);
            """),
        new(4, "indexes for the dashboard's queries; search over a stored tsvector", DashboardIndexes + """

            -- Ranking read to_tsvector(body) again for every hit; stored once, a common word costs a read, not a re-parse.
            ALTER TABLE article_search ADD COLUMN body_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED;
            CREATE INDEX ix_article_search_tsv ON article_search USING GIN (body_tsv);
            DROP INDEX ix_article_search;
            """),
        new(5, "covering actor indexes for per-actor counts", ActorCoverIndexes),
        new(6, "day numbers on merged events and indexes counting them by their representative", """
            ALTER TABLE merged_events ADD COLUMN start_day INTEGER;
            ALTER TABLE merged_events ADD COLUMN end_day INTEGER;
            UPDATE merged_events SET start_day = CAST(date_start AS date) - DATE '0001-01-01', end_day = CAST(date_end AS date) - DATE '0001-01-01'
            WHERE date_start IS NOT NULL AND date_end IS NOT NULL;
            """ + RepresentativeCountIndexes),
    ];

    // Version 4 on both engines (measured in bench/README.md, "query"). Partial indexes hold only
    // representatives (merged_id = id), the rows merged-event lists read, so they are 0.8x the
    // table and a date-ordered LIMIT stops early; date_end rides along so the range test needs no
    // table row. The counts (per week, per place) read all mentions of a date range from one
    // covering index. The single-column date and actor1 indexes become prefixes of these and go.
    internal const string DashboardIndexes = """
        CREATE INDEX ix_events_rep_type_date ON events(type, date_start, date_end) WHERE merged_id = id;
        CREATE INDEX ix_events_rep_date_box ON events(date_start, date_end, place_lat, place_lon) WHERE merged_id = id;
        CREATE INDEX ix_events_date_cover ON events(date_start, date_end, merged_id, place_name, place_country);
        CREATE INDEX ix_events_actor1_date ON events(actor1, date_start);
        CREATE INDEX ix_events_actor2_date ON events(actor2, date_start);
        DROP INDEX ix_events_date;
        DROP INDEX ix_events_actor1;
        """;

    // Version 5 on both engines. An actor's weekly counts filter on date_end and count distinct
    // merged_id; schema 4's (actor, date_start) indexes made each of a busy actor's ~28k mentions
    // cost a table row for those two columns. Carrying them in the index makes the count index-only.
    internal const string ActorCoverIndexes = """
        CREATE INDEX ix_events_actor1_cover ON events(actor1, date_start, date_end, merged_id);
        CREATE INDEX ix_events_actor2_cover ON events(actor2, date_start, date_end, merged_id);
        DROP INDEX ix_events_actor1_date;
        DROP INDEX ix_events_actor2_date;
        """;

    // Version 6 on both engines. Counts by type, place, country and week count each merged event
    // once by its representative, and merged_events holds the representative's type, place and
    // dates (copied when the row is made; a new representative gets a new row) with the mention
    // count, so they read this table alone. start_day/end_day are DateOnly.DayNumber values: day 0
    // (0001-01-01) is a Monday, so day / 7 * 7 is the week's Monday in integer arithmetic on both
    // engines. A date range test (end >= From, start <= To) bounds the index scan only from above;
    // the indexes are split by the length of the range so that each part also has a lower bound
    // (start >= From - its longest length): ranges up to a month (nearly every event), up to a
    // year, and longer (rare, scanned up to To). Without it a count read every event before To.
    // The second actor index carries actor1 so "actor2 is X and actor1 is not" (the second half of
    // an actor's mentions, each counted once) stays an index-only read on PostgreSQL too.
    internal const string RepresentativeCountIndexes = """

        CREATE INDEX ix_merged_events_days_month ON merged_events(start_day, end_day, type, place_country, place_name, mentions)
            WHERE end_day - start_day <= 31;
        CREATE INDEX ix_merged_events_days_year ON merged_events(start_day, end_day, type, place_country, place_name, mentions)
            WHERE end_day - start_day > 31 AND end_day - start_day <= 366;
        CREATE INDEX ix_merged_events_days_long ON merged_events(start_day, end_day, type, place_country, place_name, mentions)
            WHERE end_day - start_day > 366;
        CREATE INDEX ix_events_actor2_cover_a1 ON events(actor2, date_start, date_end, merged_id, actor1);
        DROP INDEX ix_events_actor2_cover;
        """;

    internal const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version      INTEGER PRIMARY KEY,
            description  TEXT NOT NULL,
            applied_at   TEXT NOT NULL
        );
        """;
}
