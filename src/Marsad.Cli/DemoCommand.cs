using System.Globalization;
using System.Text;
using System.Text.Json;
using Marsad.Pipeline;
using Marsad.Storage;
using Marsad.Text;

namespace Marsad.Cli;

/// <summary>`marsad demo`: runs the shipped sample articles through the pipeline into SQLite and prints what was stored.</summary>
public static class DemoCommand
{
    private const int EvidenceWidth = 60;

    private static readonly (string Header, int Width)[] Columns =
    [
        ("type/subtype", 40),
        ("actor1 → actor2", 32),
        ("place (country)", 22),
        ("date", 21),
        ("certainty", 11),
        ("reported by", 20),
        ("evidence", EvidenceWidth),
    ];

    public static int Run(string? dbPath, TextWriter output)
    {
        var samples = Path.Combine(AppContext.BaseDirectory, "samples", "articles.jsonl");
        if (!File.Exists(samples))
        {
            output.WriteLine($"demo: sample file not found: {samples}");
            return 1;
        }

        var path = ResolveDbPath(dbPath);
        try
        {
            var articles = ReadArticles(samples);
            var pipeline = MarsadPipeline.CreateDefault(null, GazetteerCommands.EnsureIndex(Console.Error));
            using var store = EventStores.Open(path);

            int extracted = 0;
            foreach (var article in articles)
            {
                var (doc, events) = pipeline.Process(article);
                store.SaveArticle(doc, events);
                extracted += events.Count;
            }

            output.WriteLine($"Marsad demo: {articles.Count} sample articles → {store.Location}");
            output.WriteLine($"Extracted {extracted} events; the database now holds {store.CountArticles()} articles and {store.CountEvents()} events.");
            output.WriteLine();

            // Read back from the database rather than printing what the pipeline returned,
            // so the table shows what a later query will see.
            var ids = articles.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            var stored = store.QueryEvents().Where(e => ids.Contains(e.ArticleId)).ToList();
            if (stored.Count == 0)
            {
                output.WriteLine("No events were found in the sample articles.");
                return 0;
            }

            WriteTable(stored, output);
            output.WriteLine();
            WriteTotals(stored, output);
            return 0;
        }
        catch (Exception e) when (e is IOException or JsonException or System.Data.Common.DbException or UnauthorizedAccessException or FormatException or InvalidOperationException)
        {
            output.WriteLine($"demo: {e.Message}");
            return 1;
        }
    }

    /// <summary>An explicit --db wins; then the default of <see cref="EventStores.DefaultDb"/>.</summary>
    internal static string ResolveDbPath(string? dbPath) =>
        string.IsNullOrWhiteSpace(dbPath) ? EventStores.DefaultDb() : dbPath;

    // A minimal reader for the FORMAT.md article shape; the general-purpose readers live in Ingest.
    private static List<Article> ReadArticles(string file)
    {
        var articles = new List<Article>();
        int lineNumber = 0;
        foreach (var line in File.ReadLines(file, Encoding.UTF8))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            string? Str(string name) =>
                root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

            var id = Str("id") ?? throw new FormatException($"{file}:{lineNumber}: no id");
            var text = Str("text") ?? throw new FormatException($"{file}:{lineNumber}: no text");
            DateOnly? published = Str("published") is { } p
                ? DateOnly.ParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                : null;
            articles.Add(new Article(id, text, Str("title"), published, Str("lang") ?? "ar", Str("source"), Str("url")));
        }
        return articles;
    }

    private static void WriteTable(IReadOnlyList<StoredEvent> events, TextWriter output)
    {
        WriteRow(output, Columns.Select(c => c.Header).ToArray());
        output.WriteLine(new string('─', Columns.Sum(c => c.Width) + 2 * (Columns.Length - 1)));

        string? currentArticle = null;
        foreach (var stored in events)
        {
            if (stored.ArticleId != currentArticle)
            {
                currentArticle = stored.ArticleId;
                var published = stored.ArticlePublished?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";
                output.WriteLine($"[{stored.ArticleId}, {published}] {stored.ArticleTitle}");
            }

            var e = stored.Event;
            WriteRow(output,
            [
                $"{e.Type}/{e.Subtype}",
                $"{e.Actor1 ?? "—"} → {e.Actor2 ?? "—"}",
                e.Place is { } place ? $"{place.Name} ({place.Country ?? "?"})" : "—",
                FormatDate(e.Date),
                e.Certainty,
                e.ReportedBy ?? "—",
                e.EvidenceText,
            ]);
        }
    }

    private static void WriteTotals(IReadOnlyList<StoredEvent> events, TextWriter output)
    {
        output.WriteLine("Totals by type:");
        var byType = events
            .GroupBy(e => e.Event.Type, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal);
        int width = Math.Max("total".Length, events.Max(e => e.Event.Type.Length));
        foreach (var group in byType)
            output.WriteLine($"  {group.Key.PadRight(width)}  {group.Count(),5}");
        output.WriteLine($"  {"total".PadRight(width)}  {events.Count,5}");
    }

    private static string FormatDate(DateValue? date)
    {
        if (date is null)
            return "—";
        var start = date.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (date.Precision == DatePrecision.Day)
            return start;
        var end = date.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return date.Start == date.End ? $"{start} ({date.PrecisionCode})" : $"{start}…{end}";
    }

    private static void WriteRow(TextWriter output, string[] cells)
    {
        var line = new StringBuilder();
        for (int i = 0; i < Columns.Length; i++)
        {
            bool last = i == Columns.Length - 1;
            var cell = TerminalText.Fit(cells[i], Columns[i].Width);
            line.Append(cell);
            // The last column is not padded, so lines carry no trailing blanks.
            if (!last)
                line.Append(' ', Columns[i].Width - TerminalText.Width(cell) + 2);
        }
        output.WriteLine(line.ToString());
    }
}
