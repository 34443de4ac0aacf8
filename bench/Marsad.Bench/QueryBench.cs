using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Marsad.Storage;
using Marsad.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Marsad.Bench;

/// <summary>
/// `query`: a synthetic database of N events written straight into the tables (no extraction),
/// then the dashboard's typical queries run through <see cref="IEventStore"/> with varied
/// parameters, p50/p95/max each; once without schema 4 to 6's indexes (unless --before-runs 0) and once with them.
/// </summary>
internal static class QueryBench
{
    public static int Run(string[] args)
    {
        string? db = null, pgSchema = null;
        int events = 1_000_000, runs = 200, beforeRuns = 20;
        bool keep = false, reuse = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--db" when i + 1 < args.Length: db = args[++i]; break;
                case "--events" when i + 1 < args.Length: events = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--runs" when i + 1 < args.Length: runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--before-runs" when i + 1 < args.Length: beforeRuns = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--keep": keep = true; break;
                case "--reuse": reuse = true; break;
                case "--schema" when i + 1 < args.Length: pgSchema = args[++i]; break;
                default:
                    Console.Error.WriteLine($"bench: unknown argument {args[i]}");
                    return 2;
            }
        }

        bool pg = db is not null && PostgresUrl.IsPostgres(db);
        if (reuse && pg && pgSchema is null)
        {
            Console.Error.WriteLine("bench: --reuse on PostgreSQL needs --schema NAME (the schema a --keep run printed)");
            return 2;
        }
        // --reuse: the database holds this generator's data already (same --events); opening it applies any newer migrations.
        keep |= reuse;
        string label, schema = "";
        if (!pg)
        {
            db ??= Path.Combine(Path.GetTempPath(), "marsad-query-bench.db");
            if (!reuse)
            {
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                    File.Delete(db + suffix);
            }
            label = "SQLite " + db;
        }
        else
        {
            var builder = PostgresUrl.ToBuilder(db!);
            schema = pgSchema ?? "qbench_" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            builder.SearchPath = schema;
            db = builder.ConnectionString;
            label = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database} schema {builder.SearchPath}";
        }

        // Opening creates the schema (all migrations); the rows are then written on a connection of our own.
        var clock = Stopwatch.StartNew();
        using (EventStores.Open(db)) { }
        var data = new SyntheticData(events, seed: 6);
        if (reuse)
            Console.WriteLine($"reusing {label}; opened (and migrated) in {clock.Elapsed.TotalSeconds:F0} s");
        clock.Restart();
        using (var connection = Connect(db, pg))
        {
            if (!reuse)
            {
                if (pg)
                    data.CopyPostgres((NpgsqlConnection)connection);
                else
                    data.InsertSqlite((SqliteConnection)connection);
                Console.WriteLine($"generated {data.Events:N0} events, {data.MergedCount:N0} merged, {data.Articles:N0} articles in {clock.Elapsed.TotalSeconds:F0} s ({label})");
            }

            if (beforeRuns > 0)
            {
                // "Before": schema 3's indexes only, as a database was before migrations 4 to 6 (6's day columns stay: they are data, not indexes).
                Exec(connection, "DROP INDEX ix_events_rep_type_date; DROP INDEX ix_events_rep_date_box; DROP INDEX ix_events_date_cover; DROP INDEX ix_events_actor1_cover; DROP INDEX ix_events_actor2_cover_a1;"
                    + "DROP INDEX ix_merged_events_days_month; DROP INDEX ix_merged_events_days_year; DROP INDEX ix_merged_events_days_long;"
                    + "CREATE INDEX ix_events_date ON events(date_start); CREATE INDEX ix_events_actor1 ON events(actor1);");
            }
            Analyze(connection, pg);
        }

        // --before-runs 0 skips the slow unindexed pass (minutes per query on PostgreSQL) and times the current schema only.
        var before = beforeRuns > 0 ? Measure(db, data, beforeRuns) : null;
        if (before is not null)
        {
            using var connection = Connect(db, pg);
            clock.Restart();
            Exec(connection, Schema.DashboardIndexes + Schema.ActorCoverIndexes + Schema.RepresentativeCountIndexes);
            Analyze(connection, pg);
            Console.WriteLine($"schema 4 to 6 indexes built in {clock.Elapsed.TotalSeconds:F0} s");
        }
        var after = Measure(db, data, runs);

        Console.WriteLine();
        Console.WriteLine($"Marsad query benchmark: {label}, {data.Events:N0} events");
        Console.WriteLine($"{"query",-34} {"before p50",10} {"p95",8} {"max",8}   {"after p50",10} {"p95",8} {"max",8}  (ms; {beforeRuns} / {runs} runs)");
        for (int i = 0; i < after.Count; i++)
        {
            var (name, a) = after[i];
            string b = before is null ? $"{"-",10} {"-",8} {"-",8}" : $"{before[i].Stats.P50,10:F1} {before[i].Stats.P95,8:F1} {before[i].Stats.Max,8:F1}";
            Console.WriteLine($"{name,-34} {b}   {a.P50,10:F1} {a.P95,8:F1} {a.Max,8:F1}");
        }

        if (pg && !keep)
        {
            using var connection = Connect(db, pg);
            Exec(connection, $"DROP SCHEMA {schema} CASCADE;");
        }
        return 0;
    }

    private sealed record Stats(double P50, double P95, double Max);

    // Each query's parameters vary run to run, drawn from the generated data's own distributions.
    private static List<(string Name, Stats Stats)> Measure(string db, SyntheticData data, int runs)
    {
        using var store = EventStores.Open(db);
        var rng = new Random(42);
        var results = new List<(string, Stats)>();

        (DateOnly From, DateOnly To) Range(int minDays, int maxDays)
        {
            int days = rng.Next(minDays, maxDays + 1);
            var from = SyntheticData.Start.AddDays(rng.Next(0, SyntheticData.Days - days));
            return (from, from.AddDays(days));
        }

        void Time(string name, Func<int> query)
        {
            query(); // first call outside the clock: JIT and the engine's statement cache
            var ms = new double[runs];
            long rows = 0;
            for (int i = 0; i < runs; i++)
            {
                var t = Stopwatch.GetTimestamp();
                rows += query();
                ms[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            }
            Array.Sort(ms);
            var s = new Stats(ms[(int)(0.5 * (runs - 1))], ms[(int)Math.Ceiling(0.95 * (runs - 1))], ms[^1]);
            Console.WriteLine($"  {name,-34} p50 {s.P50,8:F1}  p95 {s.P95,8:F1}  max {s.Max,8:F1} ms   ({rows / (double)runs:F0} rows/run)");
            results.Add((name, s));
        }

        Time("count merged events", () => store.CountMergedEvents() > 0 ? 1 : 0);
        Time("type + 1-12 months, newest 100", () =>
        {
            var (from, to) = Range(30, 365);
            return store.QueryMergedEvents(new EventQuery { Type = data.PickType(rng), From = from, To = to, Order = EventOrder.Newest, Limit = 100 }).Count;
        });
        Time("bbox + 1-6 months, newest 500", () =>
        {
            var (from, to) = Range(30, 180);
            return store.QueryMergedEvents(new EventQuery { Box = data.PickBox(rng), From = from, To = to, Order = EventOrder.Newest, Limit = 500 }).Count;
        });
        Time("actor per week, 1 year", () =>
        {
            var (from, to) = Range(365, 365);
            return store.CountBy(Grouping.Week, new EventQuery { ActorName = data.PickActor(rng), From = from, To = to }, limit: 60).Count;
        });
        Time("counts per week, 1-6 months", () =>
        {
            var (from, to) = Range(30, 180);
            return store.CountBy(Grouping.Week, new EventQuery { From = from, To = to }, limit: 30).Count;
        });
        Time("top 20 places, 1-3 months", () =>
        {
            var (from, to) = Range(30, 90);
            return store.CountBy(Grouping.Place, new EventQuery { From = from, To = to }, limit: 20).Count;
        });
        Time("event detail with sources", () =>
        {
            var e = Assert(store.QueryMergedEvents(new EventQuery { MergedId = data.PickMergedId(rng) }));
            return e.Sources.Count;
        });
        Time("full-text search, 1-2 words", () =>
            store.SearchArticles(data.PickSearch(rng), limit: 20).Count);
        return results;
    }

    private static MergedEvent Assert(IReadOnlyList<MergedEvent> events) =>
        events.Count == 1 ? events[0] : throw new InvalidOperationException($"detail query returned {events.Count} events");

    internal static DbConnection Connect(string db, bool pg)
    {
        DbConnection c = pg
            ? new NpgsqlConnection(db)
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false, DefaultTimeout = 600 }.ToString());
        c.Open();
        return c;
    }

    private static void Exec(DbConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 3600;
        cmd.ExecuteNonQuery();
    }

    // Fresh planner statistics, as after a day of ingest; PostgreSQL's VACUUM also sets the visibility map index-only scans need.
    internal static void Analyze(DbConnection c, bool pg) => Exec(c, pg ? "VACUUM ANALYZE;" : "ANALYZE;");
}
