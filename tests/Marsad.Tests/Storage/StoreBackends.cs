using System.Data.Common;
using Marsad.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Marsad.Tests.Storage;

/// <summary>
/// The engines the shared store tests run against: SQLite always, PostgreSQL when MARSAD_TEST_PG
/// holds a connection string or postgres:// URL (.ci/run starts a server and sets it). Without it
/// no PostgreSQL case exists, rather than cases that pass without testing anything.
/// </summary>
public static class StoreBackends
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static string? PostgresUrl => Environment.GetEnvironmentVariable("MARSAD_TEST_PG") is { Length: > 0 } v ? v : null;

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string> { Sqlite };
        if (PostgresUrl is not null)
            data.Add(Postgres);
        return data;
    }
}

/// <summary>A fresh, empty database of one engine (a temp SQLite file, or a PostgreSQL schema of its own), removed on dispose.</summary>
internal sealed class TestDb : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string? _schema;

    public TestDb(string backend)
    {
        Backend = backend;
        if (backend == StoreBackends.Sqlite)
        {
            Db = _temp.File("store.db");
        }
        else
        {
            _schema = "t_" + Guid.NewGuid().ToString("N")[..16];
            var builder = Marsad.Storage.PostgresUrl.ToBuilder(StoreBackends.PostgresUrl!);
            builder.SearchPath = _schema;
            Db = builder.ConnectionString;
        }
    }

    public string Backend { get; }

    /// <summary>What --db would be given: the file path or the connection string (with this test's schema).</summary>
    public string Db { get; }

    public IEventStore Open() => EventStores.Open(Db);

    /// <summary>The first column of every row of a query, as text, on a connection of its own.</summary>
    public List<string> Query(string sql)
    {
        using var connection = Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) ?? "");
        return rows;
    }

    public void Execute(string sql)
    {
        using var connection = Connect();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>Creates the database as a build knowing migrations up to <paramref name="upTo"/> would have, so a test can fill it and see the later ones run.</summary>
    public void Migrate(int upTo)
    {
        var migrations = Backend == StoreBackends.Sqlite ? Schema.Sqlite : Schema.Postgres;
        if (_schema is not null)
        {
            var builder = Marsad.Storage.PostgresUrl.ToBuilder(StoreBackends.PostgresUrl!);
            using var admin = new NpgsqlConnection(builder.ConnectionString);
            admin.Open();
            using var create = admin.CreateCommand();
            create.CommandText = $"CREATE SCHEMA {_schema};";
            create.ExecuteNonQuery();
        }
        using var connection = Connect();
        foreach (var migration in migrations.Where(m => m.Version <= upTo).Prepend(new Schema.Migration(0, "", Schema.CreateVersionTable)))
        {
            using var tx = connection.BeginTransaction();
            using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = migration.Sql;
            cmd.ExecuteNonQuery();
            migration.Backfill?.Invoke(connection, tx);
            if (migration.Version > 0)
            {
                cmd.CommandText = $"INSERT INTO schema_version (version, description, applied_at) VALUES ({migration.Version}, 'test', '2025-01-01');";
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
        }
    }

    public void Dispose()
    {
        if (_schema is not null)
        {
            try
            {
                var builder = Marsad.Storage.PostgresUrl.ToBuilder(StoreBackends.PostgresUrl!);
                using var connection = new NpgsqlConnection(builder.ConnectionString);
                connection.Open();
                using var cmd = connection.CreateCommand();
                cmd.CommandText = $"DROP SCHEMA IF EXISTS {_schema} CASCADE;";
                cmd.ExecuteNonQuery();
            }
            catch (NpgsqlException)
            {
                // A leftover test schema is not worth failing a test over.
            }
        }
        _temp.Dispose();
    }

    private DbConnection Connect()
    {
        DbConnection connection = Backend == StoreBackends.Sqlite
            ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Db, Pooling = false }.ToString())
            : new NpgsqlConnection(Db);
        connection.Open();
        return connection;
    }
}
