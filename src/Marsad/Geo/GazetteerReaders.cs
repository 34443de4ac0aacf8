using System.Globalization;
using System.Text.Json;
using Marsad.Text;

namespace Marsad.Geo;

/// <summary>Readers for the gazetteer sources Marsad builds its index from: GeoNames dumps, alternate names, JSON and TSV gazetteers.</summary>
public static class GazetteerReaders
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>True when the string holds Arabic-script letters (Arabic, and Persian or Urdu spellings of the same names).</summary>
    public static bool HasArabic(string s)
    {
        foreach (char c in s)
            if (ArabicNormalizer.IsArabicLetter(c))
                return true;
        return false;
    }

    /// <summary>
    /// Reads a GeoNames dump (allCountries.txt, a per-country file, cities500.txt: 19 tab-separated columns).
    /// Keeps features that news names (populated places, administrative divisions, regions, border posts,
    /// mountains) and drops historical or abandoned places. Extra Arabic names come from <paramref name="extraNames"/>
    /// (alternateNamesV2) by GeoNames id. Only records with an Arabic name, or all when <paramref name="arabicOnly"/> is false.
    /// </summary>
    public static IEnumerable<IndexedPlace> ReadGeoNames(TextReader reader, string sourceName,
        IReadOnlyDictionary<int, List<string>>? extraNames = null, bool arabicOnly = true)
    {
        int line = 0;
        string? raw;
        while ((raw = reader.ReadLine()) is not null)
        {
            line++;
            if (raw.Length == 0 || raw[0] == '#')
                continue;
            var f = raw.Split('\t');
            if (f.Length != 19)
                throw new InvalidDataException($"{sourceName}:{line}: expected the 19 tab-separated GeoNames columns, found {f.Length} (truncated or not a GeoNames dump?)");
            if (!int.TryParse(f[0], NumberStyles.None, Inv, out int id)
                || !double.TryParse(f[4], NumberStyles.Float, Inv, out double lat) || Math.Abs(lat) > 90
                || !double.TryParse(f[5], NumberStyles.Float, Inv, out double lon) || Math.Abs(lon) > 180)
                throw new InvalidDataException($"{sourceName}:{line}: bad id or coordinates ('{f[0]}', '{f[4]}', '{f[5]}')");
            string cls = f[6], code = f[7];
            var precision = GeoNamesPrecision(cls, code);
            if (precision is null)
                continue;
            var names = new List<string>();
            foreach (var n in f[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                if (HasArabic(n))
                    names.Add(n);
            if (extraNames is not null && extraNames.TryGetValue(id, out var extra))
                names.AddRange(extra);
            if (arabicOnly && names.Count == 0)
                continue;
            names.Add(f[1]);
            if (f[2].Length > 0)
                names.Add(f[2]);
            _ = int.TryParse(f[14], NumberStyles.AllowLeadingSign, Inv, out int pop);
            var entry = new GazetteerEntry("geonames:" + id, f[2].Length > 0 ? f[2] : f[1], f[8], lat, lon, precision)
            {
                Population = Math.Max(0, pop),
                FeatureCode = code,
            };
            yield return new IndexedPlace(entry, Distinct(names));
        }
    }

    /// <summary>The precision a GeoNames feature resolves to, or null for features Marsad leaves out.</summary>
    public static string? GeoNamesPrecision(string featureClass, string code) => featureClass switch
    {
        "P" => code is "PPLH" or "PPLQ" or "PPLW" or "PPLCH" ? null : "point",
        "A" => code switch
        {
            "ADM1" => "admin1",
            "ADM2" or "ADM3" => "admin2",
            "PCLI" or "PCLD" or "PCLF" or "PCL" or "PCLS" or "TERR" => "country",
            _ => null,
        },
        "L" => code is "RGN" or "AREA" or "OAS" ? "region" : code is "MILB" or "PRT" ? "point" : null,
        "S" => code is "PSTB" or "AIRB" or "AIRP" or "AIRF" or "MLTY" or "CMP" or "PRN" ? "point" : null,
        "T" => code is "MT" or "MTS" or "PASS" or "PLAT" or "DSRT" or "PEN" or "ISL" ? "point" : null,
        _ => null,
    };

    /// <summary>Arabic names by GeoNames id from alternateNamesV2.txt (or the older 8-column file); historic names left out.</summary>
    public static Dictionary<int, List<string>> ReadAlternateNames(TextReader reader, string sourceName)
    {
        var result = new Dictionary<int, List<string>>();
        int line = 0;
        string? raw;
        while ((raw = reader.ReadLine()) is not null)
        {
            line++;
            if (raw.Length == 0 || raw[0] == '#')
                continue;
            var f = raw.Split('\t');
            if (f.Length < 8)
                throw new InvalidDataException($"{sourceName}:{line}: expected at least 8 tab-separated alternate-name columns, found {f.Length} (truncated?)");
            if (!int.TryParse(f[1], NumberStyles.None, Inv, out int id))
                throw new InvalidDataException($"{sourceName}:{line}: bad GeoNames id '{f[1]}'");
            string lang = f[2];
            if (!(lang == "ar" || lang.StartsWith("ar-", StringComparison.Ordinal) || lang is "arz" or "ary" or "apc" or "ajp" or "aeb" or "arq" or "acm"))
                continue;
            if (f[7] == "1" || !HasArabic(f[3]))
                continue;
            if (!result.TryGetValue(id, out var list))
                result[id] = list = [];
            list.Add(f[3]);
        }
        return result;
    }

    /// <summary>Country names from i18n-iso-countries' langs/*.json: code → names (a value may be one name or a list).</summary>
    public static Dictionary<string, List<string>> ReadCountryNames(Stream json, string sourceName)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        try
        {
            using var doc = JsonDocument.Parse(json);
            foreach (var p in doc.RootElement.GetProperty("countries").EnumerateObject())
            {
                var list = result[p.Name] = [];
                if (p.Value.ValueKind == JsonValueKind.String)
                    list.Add(p.Value.GetString()!);
                else if (p.Value.ValueKind == JsonValueKind.Array)
                    list.AddRange(p.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!));
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{sourceName}: not an i18n-iso-countries language file: {ex.Message}", ex);
        }
        return result;
    }

    /// <summary>
    /// Reads a JSON gazetteer: a GeoJSON FeatureCollection of points, or an array of place objects (at the root or
    /// under "data"/"places"/"features") with latitude/longitude and names ("name" as text, as an object of
    /// languages or a list of such objects; "name:ar", "name_ar", "nom", …). The country comes from the record
    /// ("country", "country_code"), else from <paramref name="countryOf"/> (the nearest known place).
    /// </summary>
    public static List<IndexedPlace> ReadJson(Stream json, string sourceName, Func<double, double, string?> countryOf, out int skipped)
    {
        skipped = 0;
        var result = new List<IndexedPlace>();
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{sourceName}:{(ex.LineNumber ?? 0) + 1}: not valid JSON (truncated?): {ex.Message}", ex);
        }
        using (doc)
        {
            var root = doc.RootElement;
            JsonElement items = root;
            if (root.ValueKind == JsonValueKind.Object)
            {
                items = default;
                foreach (var key in new[] { "features", "data", "places", "items", "records" })
                    if (root.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Array) { items = v; break; }
            }
            if (items.ValueKind != JsonValueKind.Array)
                throw new InvalidDataException($"{sourceName}: no list of places found (expected a GeoJSON FeatureCollection or an array of places)");
            int index = 0;
            string prefix = SourcePrefix(sourceName);
            foreach (var item in items.EnumerateArray())
            {
                index++;
                if (item.ValueKind != JsonValueKind.Object)
                    throw new InvalidDataException($"{sourceName}: item {index} is not an object");
                var props = item.TryGetProperty("properties", out var pr) && pr.ValueKind == JsonValueKind.Object ? pr : item;
                if (!TryCoordinates(item, out double lat, out double lon))
                {
                    skipped++;
                    continue;
                }
                var names = new List<string>();
                foreach (var p in props.EnumerateObject())
                    CollectNames(p.Name, p.Value, names, top: true);
                if (names.Count == 0)
                {
                    skipped++;
                    continue;
                }
                string? country = Str(props, "country_code") ?? Str(props, "countryCode") ?? Str(props, "country") ?? Str(props, "iso2");
                if (country is null || country.Length != 2)
                    country = countryOf(lat, lon);
                if (country is null)
                {
                    skipped++;
                    continue;
                }
                string id = Str(props, "id") ?? Str(item, "id") ?? index.ToString(Inv);
                string type = Str(props, "type") ?? Str(props, "place") ?? Str(props, "feature_code") ?? "";
                string english = Str(props, "name_en") ?? Str(props, "name:en") ?? EnglishOf(props) ?? names.FirstOrDefault(n => !HasArabic(n)) ?? names[0];
                var entry = new GazetteerEntry($"{prefix}:{id}", english, country.ToUpperInvariant(), lat, lon, TypePrecision(type))
                {
                    Population = (int)Math.Min(int.MaxValue, Num(props, "population") ?? 0),
                    FeatureCode = type,
                };
                result.Add(new IndexedPlace(entry, Distinct(names)));
            }
        }
        return result;
    }

    /// <summary>Reads a TSV gazetteer in the places.tsv layout: id, English name, country, lat, lon, precision, names (|).</summary>
    public static List<IndexedPlace> ReadTsv(TextReader reader, string sourceName)
    {
        var result = new List<IndexedPlace>();
        int line = 0;
        string? raw;
        while ((raw = reader.ReadLine()) is not null)
        {
            line++;
            if (raw.Trim().Length == 0 || raw.TrimStart().StartsWith('#'))
                continue;
            var f = raw.Split('\t').Select(x => x.Trim()).ToArray();
            if (f.Length < 7)
                throw new InvalidDataException($"{sourceName}:{line}: expected 7 tab-separated fields (id, name, country, lat, lon, precision, names), found {f.Length}");
            if (!double.TryParse(f[3], NumberStyles.Float, Inv, out double lat) || Math.Abs(lat) > 90
                || !double.TryParse(f[4], NumberStyles.Float, Inv, out double lon) || Math.Abs(lon) > 180)
                throw new InvalidDataException($"{sourceName}:{line}: '{f[3]}', '{f[4]}' are not coordinates in degrees");
            if (f[5] is not ("point" or "admin2" or "admin1" or "country" or "region"))
                throw new InvalidDataException($"{sourceName}:{line}: precision '{f[5]}' is not one of point, admin2, admin1, country, region");
            var names = LexiconFiles.SplitList(f[6]).ToList();
            result.Add(new IndexedPlace(new GazetteerEntry(f[0], f[1], f[2].ToUpperInvariant(), lat, lon, f[5]), names));
        }
        return result;
    }

    private static string SourcePrefix(string sourceName)
    {
        var stem = Path.GetFileNameWithoutExtension(sourceName).ToLowerInvariant();
        return new string(stem.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
    }

    private static string TypePrecision(string type) => type.ToLowerInvariant() switch
    {
        "state" or "province" or "governorate" or "wilaya" or "adm1" => "admin1",
        "county" or "district" or "municipality" or "adm2" => "admin2",
        "country" => "country",
        "region" => "region",
        _ => "point",
    };

    private static bool IsNameKey(string key)
    {
        var k = key.ToLowerInvariant();
        return k == "name" || k.StartsWith("name:", StringComparison.Ordinal) || k.StartsWith("name_", StringComparison.Ordinal)
            || k is "nom" or "alt_name" or "official_name" or "commune_name" or "commune_name_ascii" or "names";
    }

    private static void CollectNames(string key, JsonElement value, List<string> names, bool top)
    {
        if (top && !IsNameKey(key))
            return;
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                foreach (var n in value.GetString()!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    names.Add(n);
                break;
            case JsonValueKind.Array:
                foreach (var v in value.EnumerateArray())
                    CollectNames(key, v, names, top: false);
                break;
            case JsonValueKind.Object:
                // A name per language: keep Arabic, English and French, the languages Marsad reads.
                foreach (var p in value.EnumerateObject())
                    if (p.Name is "ar" or "en" or "fr" or "arz" or "ary" && p.Value.ValueKind == JsonValueKind.String)
                        names.Add(p.Value.GetString()!);
                break;
        }
    }

    private static string? EnglishOf(JsonElement props)
    {
        if (!props.TryGetProperty("name", out var n))
            return null;
        if (n.ValueKind == JsonValueKind.Array)
            n = n.EnumerateArray().FirstOrDefault();
        return n.ValueKind == JsonValueKind.Object && n.TryGetProperty("en", out var en) && en.ValueKind == JsonValueKind.String ? en.GetString() : null;
    }

    private static bool TryCoordinates(JsonElement item, out double lat, out double lon)
    {
        lat = lon = 0;
        if (item.TryGetProperty("geometry", out var g) && g.ValueKind == JsonValueKind.Object
            && g.TryGetProperty("coordinates", out var c) && c.ValueKind == JsonValueKind.Array && c.GetArrayLength() >= 2
            && c[0].ValueKind == JsonValueKind.Number)
        {
            lon = c[0].GetDouble();
            lat = c[1].GetDouble();
            return Math.Abs(lat) <= 90 && Math.Abs(lon) <= 180;
        }
        var props = item.TryGetProperty("properties", out var pr) && pr.ValueKind == JsonValueKind.Object ? pr : item;
        double? la = Num(props, "latitude") ?? Num(props, "lat");
        double? lo = Num(props, "longitude") ?? Num(props, "lon") ?? Num(props, "lng");
        if (la is null || lo is null || Math.Abs(la.Value) > 90 || Math.Abs(lo.Value) > 180)
            return false;
        (lat, lon) = (la.Value, lo.Value);
        return true;
    }

    private static string? Str(JsonElement o, string key) =>
        o.TryGetProperty(key, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;

    private static double? Num(JsonElement o, string key) =>
        !o.TryGetProperty(key, out var v) ? null
        : v.ValueKind == JsonValueKind.Number ? v.GetDouble()
        : v.ValueKind == JsonValueKind.String && double.TryParse(v.GetString(), NumberStyles.Float, Inv, out var d) ? d
        : null;

    private static List<string> Distinct(List<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>(names.Count);
        foreach (var n in names)
        {
            var t = n.Trim();
            if (t.Length > 0 && seen.Add(ArabicNormalizer.NormalizePhrase(t)))
                result.Add(t);
        }
        return result;
    }
}
