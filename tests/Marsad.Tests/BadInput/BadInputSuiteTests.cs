using System.IO.Compression;
using System.Text;
using Marsad.Cli;
using Marsad.Ingest;
using Marsad.Tests.Storage;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Marsad.Tests.BadInput;

/// <summary>
/// Malformed and hostile inputs, all generated here, ingested through `marsad ingest FOLDER` into a
/// real SQLite store that already holds good articles: each input gets a clear message naming it,
/// nothing stored is lost or altered, and the good files of the same batch are stored.
/// </summary>
public sealed class BadInputSuiteTests(ITestOutputHelper output)
{
    private const string Arabic = "أعلن مجلس البلدية صباح اليوم إغلاق الطريق الساحلي مؤقتا لأعمال الصيانة، وقال متحدث باسم المجلس إن العمل سينتهي خلال أسبوعين.";

    /// <summary>One hostile input: its file name, how to write it, and a phrase its message must contain.</summary>
    private sealed record Case(string File, Action<string> Write, string Expect, string? Key = null);

    private static Encoding Cp(int page)
    {
        TextDecoder.EnsureCodePages();
        return Encoding.GetEncoding(page);
    }

    private static string Html(string body, string head = "") => $"<html><head>{head}</head><body>{body}</body></html>";

    private static string JsonLine(string id, string text) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = id, ["text"] = text });

    private static IReadOnlyList<Case> Cases()
    {
        var utf8 = Encoding.UTF8.GetBytes(Arabic);
        var cutMidLetter = Encoding.UTF8.GetBytes(Arabic.TrimEnd('.'))[..^1];
        string doubled = Cp(1252).GetString(utf8);
        return
        [
            new("truncated-utf8.txt", p => File.WriteAllBytes(p, cutMidLetter), "cut off in the middle of a character"),
            new("corrupt-utf8.html", p => File.WriteAllBytes(p, [.. Encoding.UTF8.GetBytes("<html><body><p>"), .. utf8[..40], 0xFF, 0xFE, .. utf8[40..], .. Encoding.UTF8.GetBytes("</p></body></html>")]), "invalid UTF-8 at byte"),
            new("truncated-utf8-line.jsonl", p => File.WriteAllBytes(p, [.. Encoding.UTF8.GetBytes("{\"id\":\"t1\",\"text\":\""), .. cutMidLetter, .. "\"}\n"u8]), "invalid UTF-8"),
            new("declared-utf8-is-1256.html", p => File.WriteAllBytes(p, Cp(1256).GetBytes(Html($"<p>{Arabic} (أ)</p>", "<meta charset=\"utf-8\">"))), "declares UTF-8 but the bytes are not valid UTF-8"),
            new("declared-latin1-is-1256.html", p => File.WriteAllBytes(p, Cp(1256).GetBytes(Html($"<p>{Arabic} (ب)</p>", "<meta charset=\"iso-8859-1\">"))), "read as windows-1256"),
            new("unknown-charset.html", p => File.WriteAllBytes(p, utf8.Length > 0 ? Encoding.UTF8.GetBytes(Html($"<p>{Arabic} (ت)</p>", "<meta charset=\"klingon-7\">")) : []), "unknown charset"),
            new("mojibake.jsonl", p => File.WriteAllText(p, JsonLine("moji", doubled) + "\n"), "mojibake"),
            new("mojibake.html", p => File.WriteAllText(p, Html($"<p>{doubled}</p>", "<meta charset=\"utf-8\">")), "mojibake"),
            new("mojibake-1256.txt", p => File.WriteAllText(p, Cp(1256).GetString(utf8)), "mojibake"),
            new("nul-bytes.txt", p => File.WriteAllBytes(p, [.. utf8[..30], 0, 0, 0, .. utf8[30..]]), "binary content"),
            new("binary-image.jsonl", p => File.WriteAllBytes(p, [0x89, .. "PNG\r\n\u001a\n"u8, 0, 0, 0, 0x0D, .. "IHDR"u8, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0]), "binary content"),
            new("huge-line.jsonl", WriteHugeLine, "line longer than 20 MB"),
            new("huge-page.html", p =>
            {
                using var f = File.Create(p);
                f.SetLength(21L << 20);
            }, "above the 20 MB limit"),
            new("zip-bomb.zip", WriteZipBomb, "likely zip bomb"),
            new("nested.zip", p =>
            {
                using var zip = ZipFile.Open(p, ZipArchiveMode.Create);
                using var s = zip.CreateEntry("inner.zip").Open();
                s.Write("PK\u0005\u0006"u8);
            }, "nested archives"),
            new("corrupt.zip", p => File.WriteAllBytes(p, [.. "PK\u0003\u0004"u8, .. Enumerable.Range(0, 200).Select(i => (byte)(i * 7))]), "cannot read"),
            new("empty.zip", p => ZipFile.Open(p, ZipArchiveMode.Create).Dispose(), "zip archive is empty"),
            new("script-style-only.html", p => File.WriteAllText(p, Html("<script>var x = 'نص';</script><style>p{}</style>", "<script>alert(1)</script>")), "no text left after removing markup"),
            new("whitespace-only.html", p => File.WriteAllText(p, Html("   \n\t  ")), "no text left"),
            new("deep-nesting.html", p => File.WriteAllText(p, Html(string.Concat(Enumerable.Repeat("<div>", 5000)) + Arabic)), "nested"),
            new("invalid-date.jsonl", p => File.WriteAllText(p, "{\"id\":\"bad-date\",\"published\":\"2024-13-45\",\"text\":\"" + Arabic + " (ث)\"}\n"), "cannot read published"),
            new("implausible-date.jsonl", p => File.WriteAllText(p, "{\"id\":\"far-date\",\"published\":\"9999-01-01\",\"text\":\"" + Arabic + " (ج)\"}\n"), "not a plausible publication date"),
            new("invalid-date.html", p => File.WriteAllText(p, Html($"<p>{Arabic} (ح)</p>", "<meta property=\"article:published_time\" content=\"قبل ساعتين\">")), "cannot read the publication date"),
            new("duplicate-ids.jsonl", p => File.WriteAllText(p, JsonLine("dup-1", Arabic + " (خ)") + "\n" + JsonLine("dup-1", "نص آخر تحت المعرف نفسه") + "\n"), "duplicate id 'dup-1'"),
            new("id-already-stored.jsonl", p => File.WriteAllText(p, JsonLine("sample-01", "نص مختلف يحاول أن يحل محل المقال المخزن") + "\n"), "already stored with a different text", Key: "'sample-01'"),
            new("empty.txt", p => File.WriteAllBytes(p, []), "empty file"),
            new("bom-only.txt", p => File.WriteAllBytes(p, [0xEF, 0xBB, 0xBF]), "no text"),
            new("bom-only.jsonl", p => File.WriteAllBytes(p, [0xEF, 0xBB, 0xBF]), "no articles"),
            new("unterminated-quote.csv", p => File.WriteAllText(p, "id,text\nq1,\"" + Arabic + "\n"), "unterminated quoted field"),
            new("no-text-column.csv", p => File.WriteAllText(p, "id,body\nc1,نص\n"), "no 'text' column"),
            new("utf16.csv", p => File.WriteAllBytes(p, [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("id,text\nu1,نص\n")]), "must be UTF-8"),
            new("truncated-array.json", p => File.WriteAllText(p, "[\n" + JsonLine("arr-1", Arabic + " (د)") + ",\n{\"id\":\"arr-2\",\"text\":\"نص"), "malformed JSON"),
            new("deep-nesting.jsonl", p => File.WriteAllText(p, "{\"id\":\"deep\",\"text\":\"نص\",\"x\":" + new string('[', 10000) + new string(']', 10000) + "}\n"), "maximum configured depth"),
            new("not-json.jsonl", p => File.WriteAllText(p, "هذا سطر نصي وليس JSON\n"), "not valid JSON"),
            new("text-is-number.jsonl", p => File.WriteAllText(p, "{\"id\":\"num\",\"text\":42}\n"), "not a string"),
            new("array-of-numbers.json", p => File.WriteAllText(p, "[1, 2, 3]"), "expected a JSON object"),
            new("lone-surrogate.jsonl", p => File.WriteAllText(p, "{\"id\":\"sur\",\"text\":\"نص \\ud800 هنا\"}\n"), "unpaired surrogate"),
            new("control-chars.jsonl", p => File.WriteAllText(p, JsonLine("ctl", "نص\u0001فيه\u0007محارف\u001b تحكم " + Arabic) + "\n"), "control"),
            new("rtl-override.txt", p => File.WriteAllText(p, "\u202Eخبر مقلوب الاتجاه\u202C " + Arabic + " (ذ)"), "bidirectional override"),
            new("long-token.txt", p => File.WriteAllText(p, Arabic + " " + new string('ب', 1 << 20)), "characters without a space"),
            new("unsupported.pdf", p => File.WriteAllBytes(p, "%PDF-1.4\n%\u00e2\u00e3"u8.ToArray()), "unsupported file type"),
        ];
    }

    private static void WriteHugeLine(string path)
    {
        // Streamed to disk chunk by chunk: the 100 MB line never exists in memory, here or in the reader.
        using var f = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        f.Write("{\"id\":\"huge\",\"text\":\""u8);
        var chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("نص طويل جدا ", 4096)));
        for (long written = 0; written < 100L << 20; written += chunk.Length)
            f.Write(chunk);
        f.Write("\"}\n"u8);
    }

    private static void WriteZipBomb(string path)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using var s = zip.CreateEntry("bomb.txt", CompressionLevel.SmallestSize).Open();
        var spaces = new byte[1 << 20];
        spaces.AsSpan().Fill((byte)' ');
        for (int i = 0; i < 200; i++)
            s.Write(spaces);
    }

    [Fact]
    public void EveryBadInputIsReportedAndNothingStoredChanges()
    {
        using var tmp = new TempFolder();
        string db = tmp.File("store.db");
        var (code, _, err) = Cli("ingest", SamplesFile(), "--db", db);
        Assert.True(code == 0, err);
        var before = Snapshot(db);
        Assert.Equal(File.ReadAllLines(SamplesFile()).Count(l => l.Trim().Length > 0), before.Articles);

        string folder = tmp.File("batch");
        Directory.CreateDirectory(folder);
        var cases = Cases();
        foreach (var c in cases)
            c.Write(Path.Combine(folder, c.File));
        // Good files before, among and after the bad ones: the whole batch goes on.
        File.WriteAllText(Path.Combine(folder, "a-good.jsonl"), JsonLine("good-1", Arabic) + "\n");
        File.WriteAllBytes(Path.Combine(folder, "m-good-1256.htm"), Cp(1256).GetBytes(Html($"<article><p>{Arabic} (ر)</p></article>", "<title>صيانة الطريق</title>")));
        File.WriteAllText(Path.Combine(folder, "zz-good.txt"), "نشرة قصيرة: " + Arabic);

        (code, var stdout, err) = Cli("ingest", folder, "--db", db);
        Assert.Equal(0, code);
        var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var table = new StringBuilder("| input | message |\n|---|---|\n");
        var missing = new List<string>();
        foreach (var c in cases)
        {
            var said = lines.Where(l => l.Contains(c.File, StringComparison.Ordinal) || c.Key is not null && l.Contains(c.Key, StringComparison.Ordinal))
                .Select(l => l.Replace(folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal).Replace("marsad: ", "", StringComparison.Ordinal).Trim())
                .ToList();
            if (!said.Any(l => l.Contains(c.Expect, StringComparison.Ordinal)))
                missing.Add($"{c.File}: expected \"{c.Expect}\", got [{string.Join(" / ", said)}]");
            table.Append($"| `{c.File}` | {string.Join("<br>", said.Select(l => l.Replace("|", "\\|", StringComparison.Ordinal)))} |\n");
        }
        output.WriteLine(table.ToString());
        output.WriteLine(stdout);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "bad-input-table.md"), table.ToString());
        Assert.True(missing.Count == 0, string.Join("\n", missing));
        Assert.True(cases.Count >= 30);

        var after = Snapshot(db);
        foreach (var (table2, rows) in before.Rows)
        {
            var now = after.Rows[table2];
            Assert.True(rows.IsSubsetOf(now), $"{table2}: stored rows were lost or altered");
        }
        using var conn = Open(db);
        string? Text(string id) => Scalar(conn, "SELECT text FROM articles WHERE id = $id", id);
        Assert.Equal(before.Sample01Text, Text("sample-01"));
        // The good files of the batch, and the inputs that were repaired with a warning, are stored.
        foreach (var id in (string[])["good-1", "dup-1", "bad-date", "far-date", "ctl"])
            Assert.NotNull(Text(id));
        Assert.Null(Text("moji"));
        Assert.Null(Text("huge"));
        Assert.Equal("1", Scalar(conn, "SELECT count(*) FROM articles WHERE text LIKE '%' || $id || '%'", "نشرة قصيرة"));
        // No stored text carries mojibake, replacement characters, bidi overrides or control characters.
        using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = "SELECT id, text FROM articles";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                string t = r.GetString(1);
                Assert.Null(TextChecks.MojibakeSample(t));
                Assert.False(t.Any(ch => ch is '\uFFFD' or '\u202E' or '\u202D' || ch < ' ' && ch is not ('\n' or '\r' or '\t')), r.GetString(0));
            }
        }
        Assert.Equal(before.Articles + 13, after.Articles);
    }

    private sealed record StoreSnapshot(int Articles, string? Sample01Text, Dictionary<string, HashSet<string>> Rows);

    private static StoreSnapshot Snapshot(string db)
    {
        using var conn = Open(db);
        var rows = new Dictionary<string, HashSet<string>>();
        foreach (var table in (string[])["articles", "events", "event_quantities", "event_arguments"])
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT * FROM {table}";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var values = new object[r.FieldCount];
                r.GetValues(values);
                set.Add(string.Join("\u001f", values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))));
            }
            rows[table] = set;
        }
        return new StoreSnapshot(
            int.Parse(Scalar(conn, "SELECT count(*) FROM articles", null)!, System.Globalization.CultureInfo.InvariantCulture),
            Scalar(conn, "SELECT text FROM articles WHERE id = $id", "sample-01"),
            rows);
    }

    private static SqliteConnection Open(string db)
    {
        var conn = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        conn.Open();
        return conn;
    }

    private static string? Scalar(SqliteConnection conn, string sql, string? id)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        if (id is not null)
            cmd.Parameters.AddWithValue("$id", id);
        return cmd.ExecuteScalar() is { } v and not DBNull ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static (int Code, string Out, string Err) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    internal static string SamplesFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Marsad.sln")))
                return Path.Combine(dir.FullName, "samples", "articles.jsonl");
        throw new InvalidOperationException("Marsad.sln not found above " + AppContext.BaseDirectory);
    }
}
