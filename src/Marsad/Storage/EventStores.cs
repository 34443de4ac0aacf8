namespace Marsad.Storage;

/// <summary>Opens the store a <c>--db</c> value names: a PostgreSQL URL or connection string, else a SQLite file.</summary>
public static class EventStores
{
    /// <summary>
    /// True for failures that a retry of the whole transaction resolves: a PostgreSQL deadlock or
    /// serialization failure between workers, SQLite's busy or locked database.
    /// </summary>
    public static bool IsTransient(Exception e) => e switch
    {
        Npgsql.PostgresException pg => pg.SqlState is "40P01" or "40001",
        Microsoft.Data.Sqlite.SqliteException sq => sq.SqliteErrorCode is 5 or 6,
        _ => false,
    };

    public static IEventStore Open(string db) =>
        PostgresUrl.IsPostgres(db) ? PostgresEventStore.Open(db) : SqliteEventStore.Open(db);

    /// <summary>
    /// The default database when <c>--db</c> is not given: $MARSAD_DATA (a .db file, or a folder),
    /// else marsad.db in the data folder ($MARSAD_HOME, else ./.data).
    /// </summary>
    public static string DefaultDb()
    {
        var env = Environment.GetEnvironmentVariable("MARSAD_DATA");
        if (!string.IsNullOrWhiteSpace(env))
        {
            bool isFile = env.EndsWith(".db", StringComparison.OrdinalIgnoreCase)
                || env.EndsWith(".sqlite", StringComparison.OrdinalIgnoreCase)
                || File.Exists(env)
                || PostgresUrl.IsPostgres(env);
            return isFile ? env : Path.Combine(env, "marsad.db");
        }
        return Path.Combine(Geo.GazetteerStore.DefaultHome, "marsad.db");
    }
}
