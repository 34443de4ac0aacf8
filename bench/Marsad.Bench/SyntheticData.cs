using System.Globalization;
using System.Text;
using Marsad.Storage;
using Marsad.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Marsad.Bench;

/// <summary>
/// A reproducible event database shaped like a busy deployment's: skewed types, actors and places
/// over the Middle East and North Africa, five years of dates, two events per article and one
/// mention in five joining an earlier merged event. Rows are written with bulk statements only.
/// </summary>
internal sealed class SyntheticData
{
    public static readonly DateOnly Start = new(2019, 1, 1);
    public const int Days = 5 * 365;

    // (type, subtype) pairs as the ontology names them; frequency falls with position.
    private static readonly (string Type, string Subtype)[] Types =
    [
        ("battles", "armed_clash"), ("explosions", "air_strike"), ("explosions", "shelling"), ("protests", "peaceful_protest"),
        ("violence_against_civilians", "attack"), ("strategic_developments", "arrests"), ("explosions", "remote_explosive"),
        ("riots", "violent_demonstration"), ("strategic_developments", "agreement"), ("battles", "government_regains_territory"),
        ("explosions", "suicide_bomb"), ("violence_against_civilians", "abduction"), ("protests", "protest_with_intervention"),
        ("strategic_developments", "looting"), ("battles", "non_state_overtakes_territory"), ("explosions", "drone_strike"),
        ("riots", "mob_violence"), ("strategic_developments", "headquarters_established"), ("x_threat", "threat"),
        ("x_diplomacy", "visit"), ("x_diplomacy", "statement"), ("x_economy", "sanctions"), ("x_cyber", "cyber_attack"),
        ("x_terrorism", "designation"), ("x_displacement", "displacement"), ("x_security", "seizure"),
        ("strategic_developments", "disrupted_weapons_use"), ("violence_against_civilians", "sexual_violence"),
        ("x_maritime", "ship_attack"), ("x_health", "epidemic"),
    ];

    // Countries with a centre and a spread in degrees: where the generated places fall.
    private static readonly (string Code, double Lat, double Lon, double Spread, double Weight)[] Countries =
    [
        ("SY", 35.0, 38.5, 1.8, 20), ("YE", 15.5, 47.5, 2.0, 18), ("IQ", 33.2, 43.7, 2.2, 15), ("LY", 30.0, 17.0, 3.5, 10),
        ("PS", 31.7, 34.9, 0.4, 8), ("LB", 33.9, 35.8, 0.4, 6), ("SA", 24.0, 45.0, 4.0, 6), ("EG", 27.0, 30.5, 3.0, 5),
        ("SD", 14.5, 30.0, 3.5, 5), ("TN", 35.0, 9.5, 1.2, 2), ("DZ", 32.0, 3.0, 4.0, 1.5), ("MA", 32.0, -6.5, 2.0, 1),
        ("JO", 31.5, 36.5, 0.8, 1), ("IR", 32.5, 53.0, 4.0, 1), ("AE", 24.3, 54.5, 0.8, 0.5),
    ];

    private static readonly char[] Letters = "بتثجحخدذرزسشصضطظعغفقكلمنهوي".ToCharArray();

    private readonly string[] _words;
    private readonly string[] _actors;
    private readonly (string Name, string Country, double Lat, double Lon)[] _places;
    private readonly Gen[] _events;
    private readonly int[] _mentions;
    private readonly List<long> _mergedIds = [];

    // One generated mention: indexes into the pools, its article and the merged event it belongs to.
    private readonly record struct Gen(int Type, int Actor1, int Actor2, int Place, int Day, int Span, int Article, long MergedId, int Fatalities);

    public SyntheticData(int events, int seed)
    {
        var rng = new Random(seed);
        _words = Enumerable.Range(0, 5000).Select(_ => Word(rng, 3, 7)).Distinct(StringComparer.Ordinal).ToArray();
        _actors = Enumerable.Range(0, 400).Select(i => Word(rng, 3, 6) + " " + Word(rng, 3, 6)).Distinct(StringComparer.Ordinal).ToArray();
        double total = Countries.Sum(c => c.Weight);
        _places = new (string, string, double, double)[3000];
        for (int i = 0; i < _places.Length; i++)
        {
            double pick = rng.NextDouble() * total;
            var c = Countries.First(x => (pick -= x.Weight) < 0 || x == Countries[^1]);
            _places[i] = (Word(rng, 3, 7), c.Code, c.Lat + Gauss(rng) * c.Spread / 2, c.Lon + Gauss(rng) * c.Spread / 2);
        }

        _events = new Gen[events];
        _mentions = new int[events + 1];
        for (int i = 0; i < events; i++)
        {
            long id = i + 1;
            int article = i / 2;
            // One mention in five tells an occurrence already stored, reported a little earlier by another outlet.
            if (i >= 10 && rng.Next(5) == 0)
            {
                var rep = _events[i - 3 - rng.Next(Math.Min(i - 3, 2000))];
                var rootId = rep.MergedId;
                _events[i] = rep with { Article = article, Actor2 = rng.Next(3) == 0 ? -1 : rep.Actor2, MergedId = rootId };
                _mentions[rootId]++;
                continue;
            }
            int span = rng.Next(10) == 0 ? rng.Next(1, 30) : rng.Next(3) == 0 ? 1 : 0;
            _events[i] = new Gen(
                Zipf(rng, Types.Length, 1.0),
                rng.Next(10) < 7 ? Zipf(rng, _actors.Length, 1.1) : -1,
                rng.Next(10) < 3 ? Zipf(rng, _actors.Length, 1.1) : -1,
                rng.Next(10) < 9 ? Zipf(rng, _places.Length, 0.9) : -1,
                rng.Next(50) == 0 ? -1 : rng.Next(Days),
                span,
                article,
                id,
                rng.Next(3) == 0 ? rng.Next(1, 40) : -1);
            _mentions[id] = 1;
            _mergedIds.Add(id);
        }
    }

    public int Events => _events.Length;

    public int MergedCount => _mergedIds.Count;

    public int Articles => (_events.Length + 1) / 2;

    public string PickType(Random rng) => Types[Zipf(rng, Types.Length, 1.0)].Type;

    public string PickActor(Random rng) => _actors[Zipf(rng, _actors.Length, 1.1)];

    public long PickMergedId(Random rng) => _mergedIds[rng.Next(_mergedIds.Count)];

    /// <summary>A map view: 1 to 6 degrees wide around a place, as a user zooms to a region.</summary>
    public BoundingBox PickBox(Random rng)
    {
        var p = _places[Zipf(rng, _places.Length, 0.9)];
        double half = 0.5 + rng.NextDouble() * 2.5;
        return new BoundingBox(p.Lon - half, p.Lat - half, p.Lon + half, p.Lat + half);
    }

    /// <summary>One or two words of the middle of the vocabulary (a name, a place), never the commonest function-word-like ones.</summary>
    public string PickSearch(Random rng)
    {
        string w = _words[50 + rng.Next(2000)];
        return rng.Next(2) == 0 ? w : w + " " + _words[Zipf(rng, 500, 1.0)];
    }

    public void InsertSqlite(SqliteConnection c)
    {
        using (var pragma = c.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF; PRAGMA cache_size = -200000;";
            pragma.ExecuteNonQuery();
        }
        var rng = new Random(7);
        using var tx = c.BeginTransaction();
        using (var cmd = c.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO articles (id, source, url, title, published, lang, text, content_hash, ingested_at) VALUES (@id, @source, @url, @title, @published, 'ar', @text, @hash, '2024-01-01T00:00:00.000Z');";
            using var search = c.CreateCommand();
            search.Transaction = tx;
            search.CommandText = "INSERT INTO article_search (article_id, body) VALUES (@id, @body);";
            var p = Params(cmd, "id", "source", "url", "title", "published", "text", "hash");
            var s = Params(search, "id", "body");
            foreach (var a in ArticleRows(rng))
            {
                for (int i = 0; i < a.Length - 1; i++)
                    p[i].Value = a[i] ?? (object)DBNull.Value;
                cmd.ExecuteNonQuery();
                s[0].Value = a[0];
                s[1].Value = a[^1];
                search.ExecuteNonQuery();
            }
        }
        Bulk(c, tx, "merged_events", MergedColumns, MergedRows());
        Bulk(c, tx, "events", EventColumns, EventRows());
        tx.Commit();
    }

    public void CopyPostgres(NpgsqlConnection c)
    {
        var rng = new Random(7);
        var bodies = new List<(string Id, string Body)>(Articles);
        using (var w = c.BeginBinaryImport("COPY articles (id, source, url, title, published, lang, text, content_hash, ingested_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var a in ArticleRows(rng))
            {
                w.StartRow();
                for (int i = 0; i < 5; i++)
                    Write(w, a[i]);
                w.Write("ar", NpgsqlDbType.Text);
                Write(w, a[5]);
                Write(w, a[6]);
                w.Write("2024-01-01T00:00:00.000Z", NpgsqlDbType.Text);
                bodies.Add(((string)a[0]!, (string)a[^1]!));
            }
            w.Complete();
        }
        using (var ws = c.BeginBinaryImport("COPY article_search (article_id, body) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (id, body) in bodies)
            {
                ws.StartRow();
                ws.Write(id, NpgsqlDbType.Text);
                ws.Write(body, NpgsqlDbType.Text);
            }
            ws.Complete();
        }
        Copy(c, "merged_events", MergedColumns, MergedRows());
        Copy(c, "events", EventColumns, EventRows());
    }

    private const string MergedColumns = "id, type, subtype, actor1, actor2, place_name, place_country, place_lat, place_lon, place_precision, date_start, date_end, start_day, end_day, mentions";

    private const string EventColumns = "id, article_id, type, subtype, actor1, actor2, place_name, place_country, place_lat, place_lon, place_precision, date_start, date_end, date_precision, fatalities, certainty, evidence_start, evidence_end, evidence_text, trigger_start, trigger_end, merged_id, merge_reason";

    private IEnumerable<object?[]> ArticleRows(Random rng)
    {
        var sb = new StringBuilder();
        var firstDay = new int[Articles];
        Array.Fill(firstDay, -1);
        foreach (var e in _events)
        {
            if (firstDay[e.Article] < 0)
                firstDay[e.Article] = e.Day;
        }
        for (int a = 0; a < Articles; a++)
        {
            string title = Sentence(rng, sb, 6 + rng.Next(6));
            string text = Sentence(rng, sb, 30 + rng.Next(40));
            // Published a day or two after what it reports.
            var published = firstDay[a] < 0 ? Start.AddDays(rng.Next(Days)) : Start.AddDays(firstDay[a] + rng.Next(3));
            string id = "syn-" + a.ToString(CultureInfo.InvariantCulture);
            string body = TextFingerprint.Normalize(new Article(id, text, title));
            yield return [id, "مصدر " + (a % 40).ToString(CultureInfo.InvariantCulture), "https://example.org/" + id, title, Iso(published), text, a.ToString("x16", CultureInfo.InvariantCulture), body];
        }
    }

    private IEnumerable<object?[]> MergedRows()
    {
        for (int i = 0; i < _events.Length; i++)
        {
            var e = _events[i];
            if (e.MergedId != i + 1)
                continue;
            var t = Types[e.Type];
            var p = e.Place >= 0 ? _places[e.Place] : default;
            yield return [e.MergedId, t.Type, t.Subtype, Actor(e.Actor1), Actor(e.Actor2), e.Place >= 0 ? p.Name : null, e.Place >= 0 ? p.Country : null,
                e.Place >= 0 ? p.Lat : null, e.Place >= 0 ? p.Lon : null, e.Place >= 0 ? "point" : null, DayIso(e.Day, 0), DayIso(e.Day, e.Span),
                DayNumber(e.Day, 0), DayNumber(e.Day, e.Span), (long)_mentions[e.MergedId]];
        }
    }

    private IEnumerable<object?[]> EventRows()
    {
        var rng = new Random(8);
        var sb = new StringBuilder();
        for (int i = 0; i < _events.Length; i++)
        {
            var e = _events[i];
            long id = i + 1;
            var t = Types[e.Type];
            var p = e.Place >= 0 ? _places[e.Place] : default;
            string evidence = Sentence(rng, sb, 8 + rng.Next(10));
            yield return [id, "syn-" + e.Article.ToString(CultureInfo.InvariantCulture), t.Type, t.Subtype, Actor(e.Actor1), Actor(e.Actor2),
                e.Place >= 0 ? p.Name : null, e.Place >= 0 ? p.Country : null, e.Place >= 0 ? p.Lat : null, e.Place >= 0 ? p.Lon : null, e.Place >= 0 ? "point" : null,
                DayIso(e.Day, 0), DayIso(e.Day, e.Span), e.Day < 0 ? null : e.Span == 0 ? "day" : "range", e.Fatalities >= 0 ? (long)e.Fatalities : null,
                "reported", 0L, (long)evidence.Length, evidence, 0L, 4L, e.MergedId, e.MergedId == id ? null : "synthetic: same occurrence"];
        }
    }

    private static void Bulk(SqliteConnection c, SqliteTransaction tx, string table, string columns, IEnumerable<object?[]> rows)
    {
        var names = columns.Split(", ");
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO {table} ({columns}) VALUES ({string.Join(", ", names.Select(n => "@" + n))});";
        var p = Params(cmd, names);
        foreach (var row in rows)
        {
            for (int i = 0; i < row.Length; i++)
                p[i].Value = row[i] ?? DBNull.Value;
            cmd.ExecuteNonQuery();
        }
    }

    private static void Copy(NpgsqlConnection c, string table, string columns, IEnumerable<object?[]> rows)
    {
        using var w = c.BeginBinaryImport($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            w.StartRow();
            foreach (var v in row)
                Write(w, v);
        }
        w.Complete();
    }

    private static void Write(NpgsqlBinaryImporter w, object? v)
    {
        switch (v)
        {
            case null: w.WriteNull(); break;
            case string s: w.Write(s, NpgsqlDbType.Text); break;
            case long l: w.Write(l, NpgsqlDbType.Bigint); break;
            case int n: w.Write(n, NpgsqlDbType.Integer); break;
            case double d: w.Write(d, NpgsqlDbType.Double); break;
            default: throw new ArgumentException($"no COPY type for {v.GetType()}");
        }
    }

    private static SqliteParameter[] Params(SqliteCommand cmd, params string[] names) =>
        names.Select(n => cmd.Parameters.Add(new SqliteParameter("@" + n, null))).ToArray();

    private string? Actor(int i) => i >= 0 ? _actors[i] : null;

    private static string? DayIso(int day, int span) => day < 0 ? null : Iso(Start.AddDays(day + span));

    private static object? DayNumber(int day, int span) => day < 0 ? null : Start.AddDays(day + span).DayNumber;

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string Sentence(Random rng, StringBuilder sb, int words)
    {
        sb.Clear();
        for (int i = 0; i < words; i++)
            sb.Append(i == 0 ? "" : " ").Append(_words[Zipf(rng, _words.Length, 1.0)]);
        return sb.ToString();
    }

    private static string Word(Random rng, int min, int max)
    {
        var chars = new char[rng.Next(min, max + 1)];
        for (int i = 0; i < chars.Length; i++)
            chars[i] = Letters[rng.Next(Letters.Length)];
        return new string(chars);
    }

    private static double Gauss(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    // A rank in [0, n) with probability falling as 1/(rank+1)^s, by inverting the continuous approximation.
    private static int Zipf(Random rng, int n, double s)
    {
        double u = rng.NextDouble();
        double x = Math.Abs(s - 1) < 1e-9
            ? Math.Exp(u * Math.Log(n + 1)) - 1
            : Math.Pow(u * (Math.Pow(n + 1, 1 - s) - 1) + 1, 1 / (1 - s)) - 1;
        return Math.Clamp((int)x, 0, n - 1);
    }
}
