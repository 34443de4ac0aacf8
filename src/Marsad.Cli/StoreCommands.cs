using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Marsad.Export;
using Marsad.Storage;
using Marsad.Text;

namespace Marsad.Cli;

/// <summary>`marsad query` and `marsad export`: reading the store from the shell.</summary>
public static class StoreCommands
{
    public static Command BuildQuery(TextWriter stdout, TextWriter stderr)
    {
        var db = IngestCommand.DbOption();
        var filters = new FilterOptions();
        var count = new Option<bool>("--count") { Description = "Print the number of merged events passing the filters (tested on each event's first mention; --actor: on any mention)." };
        var mentions = new Option<bool>("--mentions") { Description = "With --count: count the articles' mentions of those events instead." };
        var top = new Option<string>("--top") { Description = "Rank places, types or countries by merged events (each once, by its first mention), or actors by the events any mention names them in." };
        top.AcceptOnlyFromAmong("places", "actors", "types", "countries");
        var weekly = new Option<bool>("--weekly") { Description = "Merged events per week their first mention's date starts in (weeks start on Monday)." };
        var search = new Option<string>("--search") { Description = "Articles whose title and text hold every word (Arabic-normalized)." };
        var cmd = new Command("query", "Ask the store: events by type, actor, place and date; top places; counts per week; article search.");
        cmd.Options.Add(db);
        filters.AddTo(cmd);
        cmd.Options.Add(count);
        cmd.Options.Add(mentions);
        cmd.Options.Add(top);
        cmd.Options.Add(weekly);
        cmd.Options.Add(search);
        cmd.SetAction(r => WithStore(r.GetValue(db), stderr, store =>
        {
            var query = filters.Build(r);
            if (r.GetValue(count))
            {
                bool unfiltered = query == EventQuery.All with { Limit = query.Limit };
                long n = unfiltered
                    ? (r.GetValue(mentions) ? store.CountEvents() : store.CountMergedEvents())
                    : store.CountBy(Grouping.Type, query, int.MaxValue).Sum(g => r.GetValue(mentions) ? g.Mentions : g.Events);
                stdout.WriteLine(n.ToString(CultureInfo.InvariantCulture));
                return 0;
            }
            int limit = query.Limit ?? 50;
            if (r.GetValue(search) is { } words)
            {
                var hits = store.SearchArticles(words, limit);
                Table.Print(stdout, ["article", "published", "source", "title"],
                    hits.Select(h => new[] { h.Id, h.Published is { } p ? Iso(p) : "", h.Source ?? "", h.Title ?? "" }));
                return 0;
            }
            if (r.GetValue(top) is { } what)
            {
                var by = what switch { "places" => Grouping.Place, "actors" => Grouping.Actor, "countries" => Grouping.Country, _ => Grouping.Type };
                var rows = store.CountBy(by, query with { Limit = null }, limit);
                Table.Print(stdout, [what.TrimEnd('s'), "events", "mentions"], rows.Select(g => new[] { g.Key, Num(g.Events), Num(g.Mentions) }));
                return 0;
            }
            if (r.GetValue(weekly))
            {
                var rows = store.CountBy(Grouping.Week, query with { Limit = null }, int.MaxValue);
                Table.Print(stdout, ["week of", "events", "mentions"], rows.Select(g => new[] { g.Key, Num(g.Events), Num(g.Mentions) }));
                return 0;
            }
            var events = store.QueryMergedEvents(query with { Limit = limit });
            Table.Print(stdout, ["id", "date", "type/subtype", "actor1 → actor2", "place", "sources", "evidence"],
                events.Select(m =>
                {
                    var e = m.Representative.Event;
                    return new[]
                    {
                        m.Id.ToString(CultureInfo.InvariantCulture),
                        e.Date is { } d ? Iso(d.Start) + (d.End != d.Start ? "…" + Iso(d.End) : "") : "—",
                        $"{e.Type}/{e.Subtype}",
                        $"{e.Actor1 ?? "—"} → {e.Actor2 ?? "—"}",
                        e.Place is { } p ? $"{p.Name} ({p.Country ?? "?"})" : "—",
                        m.Sources.Count.ToString(CultureInfo.InvariantCulture),
                        e.EvidenceText,
                    };
                }));
            return 0;
        }));
        return cmd;
    }

    public static Command BuildExport(TextWriter stdout, TextWriter stderr)
    {
        var db = IngestCommand.DbOption();
        var filters = new FilterOptions();
        var format = new Option<string>("--format") { Description = "jsonl (FORMAT.md predictions plus sources), acled-csv or geojson.", Required = true };
        format.AcceptOnlyFromAmong("jsonl", "acled-csv", "geojson");
        var output = new Option<string>("--out") { Description = "The file to write ('-' for standard output).", Required = true };
        var cmd = new Command("export", "Write merged events, with their sources, as JSON Lines, ACLED-style CSV or GeoJSON.");
        cmd.Options.Add(db);
        filters.AddTo(cmd);
        cmd.Options.Add(format);
        cmd.Options.Add(output);
        cmd.SetAction(r => WithStore(r.GetValue(db), stderr, store =>
        {
            var events = store.QueryMergedEvents(filters.Build(r));
            var context = ExportContext.FromLexicons(LexiconFiles.DefaultDirectory);
            string path = r.GetValue(output)!;
            int written;
            if (path == "-")
            {
                using var std = Console.OpenStandardOutput();
                written = EventExporter.Write(events, EventExporter.ParseFormat(r.GetValue(format)!), std, context);
            }
            else
            {
                var dir = Path.GetDirectoryName(Path.GetFullPath(path));
                if (!string.IsNullOrEmpty(dir))
                    Directory.CreateDirectory(dir);
                using var file = File.Create(path);
                written = EventExporter.Write(events, EventExporter.ParseFormat(r.GetValue(format)!), file, context);
            }
            string left = written < events.Count ? $" ({events.Count - written} without coordinates left out)" : "";
            stderr.WriteLine($"marsad: {written} events written to {path}{left}");
            return 0;
        }));
        return cmd;
    }

    private static int WithStore(string? db, TextWriter stderr, Func<IEventStore, int> action)
    {
        db = DemoCommand.ResolveDbPath(db);
        try
        {
            using var store = EventStores.Open(db);
            return action(store);
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException or InvalidOperationException or FormatException or ArgumentException)
        {
            stderr.WriteLine($"marsad: {db}: {e.Message}");
            return 1;
        }
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Num(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The event filters shared by query and export.</summary>
    private sealed class FilterOptions
    {
        private readonly Option<string> _type = new("--type") { Description = "Event type code (ONTOLOGY.md), e.g. battles." };
        private readonly Option<string> _subtype = new("--subtype") { Description = "Event subtype code." };
        private readonly Option<string> _actor = new("--actor") { Description = "Events whose actor1 or actor2 contains this text." };
        private readonly Option<string> _country = new("--country") { Description = "ISO 3166 alpha-2 code of the event's place, e.g. LY." };
        private readonly Option<string> _place = new("--place") { Description = "The place name as stored." };
        private readonly Option<string> _from = new("--from") { Description = "Events on or after this day (YYYY-MM-DD)." };
        private readonly Option<string> _to = new("--to") { Description = "Events on or before this day (YYYY-MM-DD)." };
        private readonly Option<string> _bbox = new("--bbox") { Description = "Events inside WEST,SOUTH,EAST,NORTH (degrees)." };
        private readonly Option<int?> _limit = new("--limit") { Description = "At most this many rows." };

        public void AddTo(Command cmd)
        {
            foreach (var o in new Option[] { _type, _subtype, _actor, _country, _place, _from, _to, _bbox, _limit })
                cmd.Options.Add(o);
        }

        public EventQuery Build(ParseResult r) => new()
        {
            Type = r.GetValue(_type),
            Subtype = r.GetValue(_subtype),
            Actor = r.GetValue(_actor),
            Country = r.GetValue(_country),
            Place = r.GetValue(_place),
            From = Day(r.GetValue(_from), "--from"),
            To = Day(r.GetValue(_to), "--to"),
            Box = r.GetValue(_bbox) is { } box ? BoundingBox.Parse(box) : null,
            Limit = r.GetValue(_limit),
        };

        private static DateOnly? Day(string? text, string option) =>
            text is null ? null
            : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
            : throw new FormatException($"{option}: '{text}' is not a date (YYYY-MM-DD)");
    }
}

/// <summary>Prints rows as a plain text table, columns as wide as their content (capped), no trailing blanks.</summary>
internal static class Table
{
    private const int MaxWidth = 60;

    public static void Print(TextWriter output, string[] headers, IEnumerable<string[]> rows)
    {
        var cells = rows.Select(r => r.Select(c => TerminalText.Fit(c, MaxWidth)).ToArray()).ToList();
        var widths = headers.Select((h, i) => Math.Max(TerminalText.Width(h), cells.Count == 0 ? 0 : cells.Max(r => TerminalText.Width(r[i])))).ToArray();
        Line(output, headers, widths);
        output.WriteLine(new string('─', widths.Sum() + 2 * (widths.Length - 1)));
        foreach (var row in cells)
            Line(output, row, widths);
        if (cells.Count == 0)
            output.WriteLine("(none)");
    }

    private static void Line(TextWriter output, string[] cells, int[] widths)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < cells.Length; i++)
        {
            sb.Append(cells[i]);
            if (i < cells.Length - 1)
                sb.Append(' ', widths[i] - TerminalText.Width(cells[i]) + 2);
        }
        output.WriteLine(sb.ToString().TrimEnd());
    }
}
