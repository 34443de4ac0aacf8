using System.Globalization;
using System.Text;
using System.Text.Json;
using Marsad.Ingest;
using Marsad.Storage;
using Marsad.Text;

namespace Marsad.Export;

/// <summary>The export formats: FORMAT.md predictions plus sources, ACLED-style CSV, GeoJSON.</summary>
public enum ExportFormat
{
    Jsonl,
    AcledCsv,
    GeoJson,
}

/// <summary>What analysts know about names the store only holds as codes: country names and actor categories.</summary>
/// <param name="CountryName">ISO alpha-2 code → English name, or null.</param>
/// <param name="ActorCategory">Canonical actor name → the actor dictionary's category (state, rebel, islamist, …), or null.</param>
public sealed record ExportContext(Func<string, string?> CountryName, Func<string, string?> ActorCategory)
{
    public static ExportContext Empty { get; } = new(_ => null, _ => null);

    /// <summary>Reads countries.tsv and actors.tsv from a lexicon folder.</summary>
    public static ExportContext FromLexicons(string lexiconDir)
    {
        var countries = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var countryFile = Path.Combine(lexiconDir, "countries.tsv");
        if (File.Exists(countryFile))
            foreach (var (_, f) in LexiconFiles.ReadRows(countryFile, 2))
                countries[f[0]] = f[1];
        var actors = new Dictionary<string, string>(StringComparer.Ordinal);
        var actorFile = Path.Combine(lexiconDir, "actors.tsv");
        if (File.Exists(actorFile))
            foreach (var (_, f) in LexiconFiles.ReadRows(actorFile, 2))
                actors[f[0]] = f[1];
        return new ExportContext(code => countries.GetValueOrDefault(code), name =>
        {
            if (actors.TryGetValue(name, out var category))
                return category;
            // State bodies built from a nationality ("Military Forces of Turkey") are not dictionary rows.
            return name.StartsWith("Military Forces of ", StringComparison.Ordinal)
                || name.StartsWith("Police Forces of ", StringComparison.Ordinal)
                || name.StartsWith("Government of ", StringComparison.Ordinal) ? "state" : null;
        });
    }
}

/// <summary>Writes merged events to a file in one of the <see cref="ExportFormat"/>s.</summary>
public static class EventExporter
{
    /// <summary>The ACLED columns, in the order of ACLED's own exports.</summary>
    public static readonly IReadOnlyList<string> AcledColumns =
    [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
        "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
        "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
        "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
    ];

    /// <summary>Writes the events; returns how many were written (GeoJSON leaves out events without coordinates).</summary>
    public static int Write(IReadOnlyList<MergedEvent> events, ExportFormat format, Stream output, ExportContext? context = null)
    {
        context ??= ExportContext.Empty;
        return format switch
        {
            ExportFormat.Jsonl => WriteJsonl(events, output),
            ExportFormat.AcledCsv => WriteAcled(events, output, context),
            ExportFormat.GeoJson => WriteGeoJson(events, output),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    }

    /// <summary>Parses a --format value (jsonl, acled-csv, geojson).</summary>
    public static ExportFormat ParseFormat(string text) => text.ToLowerInvariant() switch
    {
        "jsonl" => ExportFormat.Jsonl,
        "acled-csv" or "acled" or "csv" => ExportFormat.AcledCsv,
        "geojson" => ExportFormat.GeoJson,
        _ => throw new FormatException($"unknown format '{text}' (expected jsonl, acled-csv or geojson)"),
    };

    private static int WriteJsonl(IReadOnlyList<MergedEvent> events, Stream output)
    {
        using var json = new Utf8JsonWriter(output, PredictionWriter.JsonOptions);
        foreach (var m in events)
        {
            json.Reset();
            PredictionWriter.WriteObject(json, m.Representative.Event, null, w =>
            {
                w.WriteNumber("event_id", m.Id);
                w.WriteNumber("mentions", m.Sources.Count);
                w.WriteStartArray("sources");
                foreach (var s in m.Sources)
                {
                    w.WriteStartObject();
                    w.WriteString("article", s.ArticleId);
                    w.WriteNumber("event_id", s.EventId);
                    Nullable(w, "source", s.Source);
                    Nullable(w, "url", s.Url);
                    Nullable(w, "title", s.Title);
                    Nullable(w, "published", s.Published is { } p ? Iso(p) : null);
                    w.WriteString("evidence", s.EvidenceText);
                    Nullable(w, "merge_reason", s.MergeReason);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            });
            json.Flush();
            output.WriteByte((byte)'\n');
        }
        return events.Count;
    }

    private static int WriteAcled(IReadOnlyList<MergedEvent> events, Stream output, ExportContext context)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine(string.Join(',', AcledColumns));
        long timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        foreach (var m in events)
        {
            var e = m.Representative.Event;
            var country = e.Place?.Country;
            var (eventType, subType) = AcledLabels.For(e.Type, e.Subtype);
            string inter1 = AcledLabels.Inter(e.Actor1 is null ? null : context.ActorCategory(e.Actor1));
            string inter2 = AcledLabels.Inter(e.Actor2 is null ? null : context.ActorCategory(e.Actor2));
            var sources = m.Sources.Select(s => s.Source ?? s.Url ?? s.ArticleId).Distinct(StringComparer.Ordinal);
            var tags = new List<string> { "certainty=" + e.Certainty, "mentions=" + m.Sources.Count.ToString(CultureInfo.InvariantCulture) };
            if (e.Type.StartsWith("x_", StringComparison.Ordinal))
                tags.Add("marsad_type=" + e.Type + "/" + e.Subtype);
            if (e.ReportedBy is { } by)
                tags.Add("reported_by=" + by);
            string?[] row =
            [
                (country ?? "XX") + m.Id.ToString(CultureInfo.InvariantCulture),
                e.Date is { } d ? Iso(d.Start) : null,
                e.Date?.Start.Year.ToString(CultureInfo.InvariantCulture),
                e.Date is null ? null : AcledLabels.TimePrecision(e.Date).ToString(CultureInfo.InvariantCulture),
                AcledLabels.DisorderType(e.Type, e.Subtype),
                eventType,
                subType,
                e.Actor1,
                null,
                inter1,
                e.Actor2,
                null,
                inter2,
                inter1.Length > 0 && inter2.Length > 0 ? $"{inter1}-{inter2}" : inter1.Length > 0 ? $"{inter1} only" : null,
                e.Type == "violence_against_civilians" ? "Civilian targeting" : null,
                null,
                null,
                country is null ? null : context.CountryName(country) ?? country,
                null,
                null,
                null,
                e.Place?.Name,
                e.Place?.Lat?.ToString("0.####", CultureInfo.InvariantCulture),
                e.Place?.Lon?.ToString("0.####", CultureInfo.InvariantCulture),
                e.Place is null ? null : AcledLabels.GeoPrecision(e.Place.Precision).ToString(CultureInfo.InvariantCulture),
                string.Join("; ", sources),
                null,
                TextFolder.Fold(e.EvidenceText),
                (e.Fatalities ?? 0).ToString(CultureInfo.InvariantCulture),
                string.Join("; ", tags),
                timestamp.ToString(CultureInfo.InvariantCulture),
            ];
            writer.WriteLine(string.Join(',', row.Select(Csv)));
        }
        return events.Count;
    }

    private static int WriteGeoJson(IReadOnlyList<MergedEvent> events, Stream output)
    {
        using var w = new Utf8JsonWriter(output, PredictionWriter.JsonOptions);
        int written = 0;
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteStartArray("features");
        foreach (var m in events)
        {
            var e = m.Representative.Event;
            if (e.Place is not { Lat: { } lat, Lon: { } lon } place || !double.IsFinite(lat) || !double.IsFinite(lon))
                continue;
            written++;
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteStartObject("geometry");
            w.WriteString("type", "Point");
            w.WriteStartArray("coordinates");
            // GeoJSON puts longitude first.
            w.WriteNumberValue(lon);
            w.WriteNumberValue(lat);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("properties");
            w.WriteNumber("event_id", m.Id);
            w.WriteString("type", e.Type);
            w.WriteString("subtype", e.Subtype);
            Nullable(w, "actor1", e.Actor1);
            Nullable(w, "actor2", e.Actor2);
            w.WriteString("place", place.Name);
            Nullable(w, "country", place.Country);
            w.WriteString("precision", place.Precision);
            Nullable(w, "date_start", e.Date is { } d ? Iso(d.Start) : null);
            Nullable(w, "date_end", e.Date is { } d2 ? Iso(d2.End) : null);
            if (e.Fatalities is { } f)
                w.WriteNumber("fatalities", f);
            else
                w.WriteNull("fatalities");
            w.WriteString("certainty", e.Certainty);
            w.WriteNumber("mentions", m.Sources.Count);
            w.WriteStartArray("articles");
            foreach (var s in m.Sources)
                w.WriteStringValue(s.ArticleId);
            w.WriteEndArray();
            w.WriteString("evidence", e.EvidenceText);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        return written;
    }

    private static void Nullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
            w.WriteNull(name);
        else
            w.WriteString(name, value);
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // RFC 4180: quote fields holding a comma, quote or line break, doubling inner quotes.
    private static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}

/// <summary>ACLED's labels and codes for Marsad's event codes (ONTOLOGY.md), as ACLED writes them.</summary>
public static class AcledLabels
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["battles"] = "Battles",
        ["explosions_remote_violence"] = "Explosions/Remote violence",
        ["violence_against_civilians"] = "Violence against civilians",
        ["protests"] = "Protests",
        ["riots"] = "Riots",
        ["strategic_developments"] = "Strategic developments",
        ["x_movement"] = "Movement of armed actors",
        ["x_security_measure"] = "Security measure",
        ["x_threat"] = "Threat or propaganda",
    };

    private static readonly Dictionary<string, string> Subtypes = new(StringComparer.Ordinal)
    {
        ["armed_clash"] = "Armed clash",
        ["government_regains_territory"] = "Government regains territory",
        ["non_state_actor_overtakes_territory"] = "Non-state actor overtakes territory",
        ["chemical_weapon"] = "Chemical weapon",
        ["air_drone_strike"] = "Air/drone strike",
        ["suicide_bomb"] = "Suicide bomb",
        ["shelling_artillery_missile_attack"] = "Shelling/artillery/missile attack",
        ["remote_explosive_landmine_ied"] = "Remote explosive/landmine/IED",
        ["grenade"] = "Grenade",
        ["sexual_violence"] = "Sexual violence",
        ["attack"] = "Attack",
        ["abduction_forced_disappearance"] = "Abduction/forced disappearance",
        ["peaceful_protest"] = "Peaceful protest",
        ["protest_with_intervention"] = "Protest with intervention",
        ["excessive_force_against_protesters"] = "Excessive force against protesters",
        ["violent_demonstration"] = "Violent demonstration",
        ["mob_violence"] = "Mob violence",
        ["agreement"] = "Agreement",
        ["arrests"] = "Arrests",
        ["change_to_group_activity"] = "Change to group/activity",
        ["disrupted_weapons_use"] = "Disrupted weapons use",
        ["headquarters_or_base_established"] = "Headquarters or base established",
        ["looting_property_destruction"] = "Looting/property destruction",
        ["non_violent_transfer_of_territory"] = "Non-violent transfer of territory",
        ["other"] = "Other",
        ["relocation"] = "Relocation",
        ["infiltration"] = "Infiltration",
        ["deployment"] = "Deployment",
        ["border_fortification"] = "Border fortification",
        ["alert_or_patrol"] = "Alert or patrol",
        ["procurement"] = "Procurement",
        ["threat"] = "Threat",
    };

    /// <summary>The event_type and sub_event_type labels; unknown codes pass through unchanged.</summary>
    public static (string EventType, string SubEventType) For(string type, string subtype) =>
        (Types.GetValueOrDefault(type) ?? type, Subtypes.GetValueOrDefault(subtype) ?? subtype);

    /// <summary>ACLED's disorder_type: which of its three families the event belongs to.</summary>
    public static string DisorderType(string type, string subtype) => (type, subtype) switch
    {
        ("protests", "excessive_force_against_protesters") => "Political violence; Demonstrations",
        ("protests", _) or ("riots", "violent_demonstration") => "Demonstrations",
        ("battles" or "explosions_remote_violence" or "violence_against_civilians" or "riots", _) => "Political violence",
        _ => "Strategic developments",
    };

    /// <summary>time_precision: 1 the day is known, 2 the week, 3 only the month or longer.</summary>
    public static int TimePrecision(DateValue date) =>
        date.Precision == DatePrecision.Day || date.Start == date.End ? 1
        : date.End.DayNumber - date.Start.DayNumber <= 7 ? 2 : 3;

    /// <summary>geo_precision: 1 the town or site, 2 its district or a nearby place, 3 a province or larger.</summary>
    public static int GeoPrecision(string precision) => precision switch
    {
        "point" => 1,
        "admin2" => 2,
        _ => 3,
    };

    /// <summary>ACLED's actor type (inter1/inter2) for an actor dictionary category; empty when the category has none.</summary>
    public static string Inter(string? category) => category switch
    {
        "state" => "State forces",
        "rebel" or "islamist" => "Rebel group",
        "militia" or "unidentified" => "Political militia",
        "protesters" => "Protesters",
        "civilians" => "Civilians",
        "international" or "coalition" => "External/Other forces",
        _ => "",
    };
}
