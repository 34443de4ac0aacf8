namespace Marsad.Storage;

/// <summary>The store's schema as an ordered list of migrations; a database records the last one applied.</summary>
internal static class Schema
{
    /// <summary>One forward step of the schema, applied once inside its own transaction.</summary>
    internal sealed record Migration(int Version, string Description, string Sql);

    // Append only: a migration that has shipped is never edited, because databases in the field
    // already carry its version number and would not run it again.
    internal static readonly IReadOnlyList<Migration> Migrations =
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
    ];

    internal static int LatestVersion => Migrations[^1].Version;

    internal const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version      INTEGER PRIMARY KEY,
            description  TEXT NOT NULL,
            applied_at   TEXT NOT NULL
        );
        """;
}
