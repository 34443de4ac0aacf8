using System.Globalization;
using System.Text;
using System.Text.Json;
using Marsad.Text;

namespace Marsad.Geo;

/// <summary>A subdivision's names from iso3166-2-db's data/iso3166-2.json, by ISO 3166-2 code (YE-AB).</summary>
/// <param name="Arabic">Arabic names as the source writes them (ولاية القصرين, أبين).</param>
/// <param name="English">English names, from the same Wikipedia articles as the Arabic ones (Abyan Governorate).</param>
/// <param name="GeoNames">The GeoNames name, sometimes of a later division under the same code (Morocco's 2015 regions).</param>
/// <param name="GeoNamesAdmin1">The division's GeoNames admin1 code (YE.25 for Taiz), or null.</param>
public sealed record SubdivisionNames(string Code, IReadOnlyList<string> Arabic, IReadOnlyList<string> English, IReadOnlyList<string> GeoNames,
    string? GeoNamesAdmin1 = null);

/// <summary>
/// A point for a division: a state from country-state-city's lib/assets/state.json (ISO 3166-2 code, English name,
/// centre), or the seat of a GeoNames admin1 code (YE.25, the town's name and position).
/// </summary>
public sealed record SubdivisionPoint(string Code, string Name, double Lat, double Lon);

/// <summary>The admin1 places a join kept, and the codes it left out with the reason, for setup's log and the tests.</summary>
public sealed record Admin1Join(IReadOnlyList<IndexedPlace> Places, IReadOnlyList<string> Rejected);

/// <summary>
/// First-level administrative divisions (governorates, provinces, wilayas) for the gazetteer: Arabic names from one
/// source joined on the ISO 3166-2 code with a centre point from another, since no npm package has both. Each
/// entry is named as the source writes it (ولاية القصرين) and bare (القصرين): news writes either, and a bare name
/// after an administrative noun is read as the unit (<see cref="PlaceResolver"/>).
/// </summary>
public static class Admin1Layer
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// The countries whose divisions are indexed: the Arab League, the Sahel, Turkey, Iran, Afghanistan, Pakistan,
    /// Israel/Palestine, and the Horn and Lake Chad neighbours the same conflicts spill into.
    /// </summary>
    public static readonly IReadOnlySet<string> Countries = new HashSet<string>(StringComparer.Ordinal)
    {
        "DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA", "SA", "SO", "SD", "SY",
        "TN", "AE", "YE", "ML", "NE", "TD", "BF", "NG", "SS", "TR", "IR", "AF", "PK", "IL", "EH", "ER", "ET", "CM",
    };

    // Leading words of source names that name the kind of unit besides the administrative nouns of the cues:
    // منطقة (Saudi regions; the other place nouns, جبل or وادي, are part of names: جبل لبنان), Libya's شعبية
    // (also the adjective "popular", so no cue in running text) and the UAE's إمارة.
    private static readonly HashSet<string> ExtraUnitWords = new(new[] { "منطقة", "شعبية", "إمارة" }.Select(w => ToponymTable.NameWords(w)[0]), StringComparer.Ordinal);

    /// <summary>Reads iso3166-2-db's data/iso3166-2.json: country code → { regions: [{ iso, name, names: { ar, en, geonames, … } }] }.</summary>
    public static Dictionary<string, SubdivisionNames> ReadNames(Stream json, string sourceName)
    {
        var result = new Dictionary<string, SubdivisionNames>(StringComparer.Ordinal);
        try
        {
            using var doc = JsonDocument.Parse(json);
            foreach (var country in doc.RootElement.EnumerateObject())
            {
                if (!country.Value.TryGetProperty("regions", out var regions) || regions.ValueKind != JsonValueKind.Array)
                    continue;
                foreach (var r in regions.EnumerateArray())
                {
                    var iso = Str(r, "iso");
                    if (string.IsNullOrEmpty(iso))
                        continue;
                    string code = country.Name + "-" + iso;
                    List<string> arabic = [], english = [], geonames = [];
                    string? admin = Str(r, "admin") is { Length: > 0 } a ? country.Name + "." + a : null;
                    if (Str(r, "name") is { Length: > 0 } name)
                        english.Add(name);
                    if (r.TryGetProperty("names", out var names) && names.ValueKind == JsonValueKind.Object)
                    {
                        if (Str(names, "ar") is { Length: > 0 } ar)
                            arabic.Add(ar);
                        if (Str(names, "en") is { Length: > 0 } en)
                            english.Add(en);
                        if (Str(names, "geonames") is { Length: > 0 } gn)
                            geonames.Add(gn);
                    }
                    // The source lists some regions twice (Sanaa city and governorate under one code): keep every name.
                    if (result.TryGetValue(code, out var seen))
                        (arabic, english, geonames, admin) = ([.. seen.Arabic, .. arabic], [.. seen.English, .. english], [.. seen.GeoNames, .. geonames], seen.GeoNamesAdmin1 ?? admin);
                    result[code] = new SubdivisionNames(code, arabic, english, geonames, admin);
                }
            }
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{sourceName}: not iso3166-2-db's region list: {ex.Message}", ex);
        }
        return result;
    }

    /// <summary>Reads country-state-city's lib/assets/state.json: an array of { name, isoCode, countryCode, latitude, longitude }.</summary>
    public static Dictionary<string, SubdivisionPoint> ReadPoints(Stream json, string sourceName)
    {
        var result = new Dictionary<string, SubdivisionPoint>(StringComparer.Ordinal);
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
                throw new InvalidDataException($"{sourceName}: expected an array of states");
            foreach (var s in doc.RootElement.EnumerateArray())
            {
                string? iso = Str(s, "isoCode"), country = Str(s, "countryCode"), name = Str(s, "name");
                // Some records carry no coordinates: no point, no place.
                if (string.IsNullOrEmpty(iso) || string.IsNullOrEmpty(country) || string.IsNullOrEmpty(name)
                    || !double.TryParse(Str(s, "latitude"), NumberStyles.Float, Inv, out double lat) || Math.Abs(lat) > 90
                    || !double.TryParse(Str(s, "longitude"), NumberStyles.Float, Inv, out double lon) || Math.Abs(lon) > 180)
                    continue;
                string code = country + "-" + iso;
                result.TryAdd(code, new SubdivisionPoint(code, name, lat, lon));
            }
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{sourceName}: not country-state-city's state list: {ex.Message}", ex);
        }
        return result;
    }

    /// <summary>
    /// The seats of first-level divisions in a GeoNames dump (cities500.txt): the PPLA of each admin1 code (else
    /// its PPLC, else the most populous), keyed like <see cref="SubdivisionNames.GeoNamesAdmin1"/> (YE.25).
    /// </summary>
    public static Dictionary<string, SubdivisionPoint> ReadSeats(TextReader geonames, string sourceName)
    {
        var best = new Dictionary<string, (SubdivisionPoint Seat, int Rank, int Pop)>(StringComparer.Ordinal);
        int line = 0;
        string? raw;
        while ((raw = geonames.ReadLine()) is not null)
        {
            line++;
            var f = raw.Split('\t');
            if (f.Length != 19)
                throw new InvalidDataException($"{sourceName}:{line}: expected the 19 tab-separated GeoNames columns, found {f.Length}");
            if (f[6] != "P" || f[10].Length == 0 || f[10] == "00"
                || !double.TryParse(f[4], NumberStyles.Float, Inv, out double lat) || !double.TryParse(f[5], NumberStyles.Float, Inv, out double lon))
                continue;
            int rank = f[7] switch { "PPLA" => 2, "PPLC" => 1, _ => 0 };
            _ = int.TryParse(f[14], NumberStyles.None, Inv, out int pop);
            string key = f[8] + "." + f[10];
            if (!best.TryGetValue(key, out var b) || rank > b.Rank || rank == b.Rank && pop > b.Pop)
                best[key] = (new SubdivisionPoint(key, f[2].Length > 0 ? f[2] : f[1], lat, lon), rank, pop);
        }
        return best.Where(kv => kv.Value.Rank > 0).ToDictionary(kv => kv.Key, kv => kv.Value.Seat, StringComparer.Ordinal);
    }

    /// <summary>
    /// Joins names and points on the ISO 3166-2 code for <see cref="Countries"/>. The point is the division's seat
    /// (<paramref name="seats"/>: news places a governorate's events where its capital is, and so do the gold
    /// events, while a centre can lie 200 km out in the desert), else the state's centre from
    /// <paramref name="points"/>. A code is trusted only when the two packages' English names for it agree (they
    /// date from different years: Morocco's pre-2015 regions hold codes that GeoNames gives the new ones), else
    /// the one state of the country with the same name is taken, with its seat only when near its centre; a centre
    /// must pass <paramref name="plausible"/>, which catches the ones copied from namesakes on other continents.
    /// Names that would be read in every other sentence (العاصمة, الشمال, North: place words only, or "never" in
    /// the cues) are left out, but not the full form with its unit noun (محافظة العاصمة).
    /// </summary>
    /// <param name="countryNames">Names of countries: a division's name that is also one (ولاية تونس → تونس, Niger State → Niger) is left to the country.</param>
    public static Admin1Join Join(IReadOnlyDictionary<string, SubdivisionNames> names, IReadOnlyDictionary<string, SubdivisionPoint> points,
        IReadOnlyDictionary<string, SubdivisionPoint> seats, PlaceCues arabicCues, PlaceCues englishCues, IEnumerable<string> countryNames,
        Func<string, double, double, bool> plausible)
    {
        var countryPhrases = countryNames.Select(c => string.Join(' ', ToponymTable.NameWords(c))).ToHashSet(StringComparer.Ordinal);
        bool Usable(string alias) => !countryPhrases.Contains(string.Join(' ', ToponymTable.NameWords(alias)));
        var places = new List<IndexedPlace>();
        var rejected = new List<string>();
        var pointsByCountry = points.Values.GroupBy(p => p.Code[..p.Code.IndexOf('-')])
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var (code, n) in names.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            string country = code[..code.IndexOf('-')];
            if (!Countries.Contains(country))
                continue;
            var seat = n.GeoNamesAdmin1 is { } admin ? seats.GetValueOrDefault(admin) : null;
            // The English names are the ones that go with the Arabic: GeoNames' may name a later division.
            bool hasState = points.TryGetValue(code, out var state);
            if (hasState && !n.English.Any(l => SameName(l, state!.Name, englishCues)))
            {
                // Renumbered codes (Iran's provinces): the one state of the country with the same English name.
                // Kerman and Kermanshah both agree with "Kerman": then only the identical spelling counts.
                var byName = pointsByCountry.GetValueOrDefault(country)?.Where(q => n.English.Any(l => SameName(l, q.Name, englishCues))).ToList();
                if (byName is { Count: > 1 })
                    byName = byName.Where(q => n.English.Any(l => LatinKey(l, englishCues) == LatinKey(q.Name, englishCues))).ToList();
                if (byName is not { Count: 1 })
                {
                    rejected.Add($"{code}: '{state!.Name}' is not '{n.English.FirstOrDefault()}'");
                    continue;
                }
                state = byName[0];
                // The names' own admin1 code may be of the other vintage too: its seat must be near the state.
                if (seat is not null && GeoMath.Km(seat.Lat, seat.Lon, state.Lat, state.Lon) > 150)
                    seat = null;
            }
            if (seat is null && state is not null && !plausible(country, state.Lat, state.Lon))
            {
                rejected.Add($"{code}: {state.Lat.ToString(Inv)},{state.Lon.ToString(Inv)} is not in {country}");
                continue;
            }
            if ((seat ?? state) is not { } p)
            {
                rejected.Add($"{code}: no point");
                continue;
            }
            var aliases = new List<string>();
            // The bare name (القصرين) always, when it is usable. The full form (ولاية القصرين) only where the text
            // needs it: after an administrative noun of the cues the recognizer reads the bare name as the unit
            // already, with the project's own entries (places.tsv) in the running, which a longer name would
            // shut out; other unit words (منطقة، شعبية، إمارة) and units whose bare name is generic need the full one.
            void AddForms(string full, string? bare, string unitWord)
            {
                bool bareOk = bare is not null && !IsGeneric(bare, arabicCues, englishCues) && Usable(bare);
                if (bareOk)
                    aliases.Add(bare!);
                bool unitIsCue = unitWord.Length > 0 && (arabicCues.ClassOf(string.Join(' ', ToponymTable.NameWords(unitWord))) is "admin1" or "admin2"
                    || englishCues.ClassOf(string.Join(' ', ToponymTable.NameWords(unitWord))) is "admin1" or "admin2");
                if (!(bareOk && unitIsCue) && !IsNever(full, arabicCues, englishCues) && (bare is not null || !IsGeneric(full, arabicCues, englishCues)) && Usable(full))
                    aliases.Add(full);
            }
            foreach (var ar in n.Arabic)
            {
                // Wikipedia's disambiguation after a comma or in brackets: "المنطقة الشمالية، الكاميرون", "Bay, Somalia".
                var full = ar.Split('،', ',', '(')[0].Trim();
                AddForms(full, WithoutUnitWord(full, arabicCues), full[..Math.Max(0, full.IndexOf(' '))]);
            }
            var latin = n.English.Concat(state is null ? [] : [state.Name])
                .Concat(n.GeoNames.Where(g => n.English.Any(e => SameName(e, g, englishCues))))
                .Select(l => l.Split(',', '(')[0].Trim()).Where(l => l.Length > 0).ToList();
            foreach (var l in latin)
            {
                var bare = WithoutUnitSuffix(l, englishCues);
                AddForms(l, bare, bare is null ? "" : l[(l.LastIndexOf(' ') + 1)..]);
            }
            if (aliases.Count == 0)
            {
                rejected.Add($"{code}: only generic names");
                continue;
            }

            // "Cairo Governorate" rather than "Cairo" where a source says so: the entry must not read as the city.
            var name = latin.FirstOrDefault(l => WithoutUnitSuffix(l, englishCues) is not null) ?? latin.FirstOrDefault() ?? code;
            var entry = new GazetteerEntry("iso3166-2:" + code, name, country, Math.Round(p.Lat, 4), Math.Round(p.Lon, 4), "admin1") { FeatureCode = "ADM1" };
            places.Add(new IndexedPlace(entry, Distinct(aliases)));
        }
        return new Admin1Join(places, rejected);
    }

    /// <summary>The name without a leading unit noun (ولاية القصرين → القصرين, شعبية درنة → درنة, not جبل لبنان), or null when it has none.</summary>
    public static string? WithoutUnitWord(string name, PlaceCues cues)
    {
        int space = name.IndexOf(' ');
        if (space < 0)
            return null;
        // Only the indefinite noun of a construct (محافظة X) is the unit's kind; المنطقة الشرقية is a name in itself.
        var first = ToponymTable.NameWords(name[..space]);
        if (first.Length != 1 || !(cues.ClassOf(first[0]) is "admin1" or "admin2" || ExtraUnitWords.Contains(first[0])))
            return null;
        var rest = name[(space + 1)..].Trim();
        return rest.Length > 0 ? rest : null;
    }

    private static bool IsNever(string name, PlaceCues ar, PlaceCues en)
    {
        var phrase = string.Join(' ', ToponymTable.NameWords(name));
        return ar.EvidenceFor(phrase) == PlaceEvidence.Never || en.EvidenceFor(phrase) == PlaceEvidence.Never;
    }

    // Only place words, with or without the article (العاصمة, الشمال, North), or never a place by the cues.
    private static bool IsGeneric(string name, PlaceCues ar, PlaceCues en)
    {
        var words = ToponymTable.NameWords(name);
        return words.Length == 0 || IsNever(name, ar, en) || words.All(w => IsCueWord(w, ar) || IsCueWord(w, en));
    }

    private static bool IsCueWord(string word, PlaceCues cues) =>
        cues.ClassOf(word) is not null || word.Length > 4 && word.StartsWith("ال", StringComparison.Ordinal) && cues.ClassOf(word[2..]) is not null;

    // "Abyan Governorate" → "Abyan", "Sahel Region" → "Sahel"; English writes the unit after the name.
    private static string? WithoutUnitSuffix(string name, PlaceCues cues)
    {
        int space = name.LastIndexOf(' ');
        if (space <= 0)
            return null;
        var last = ToponymTable.NameWords(name[(space + 1)..]);
        return last.Length == 1 && cues.ClassOf(last[0]) is "admin1" or "admin2" or "noun" ? name[..space].Trim() : null;
    }

    // Two spellings of one unit: "Ta'izz Governorate" and "Ta'izz", "Tamanrasset Province" and "Tamanghasset",
    // but not "Béja Governorate" and "Kassrine". Letters only, without accents, unit words and articles; one
    // contains the other or both start alike.
    private static bool SameName(string a, string b, PlaceCues cues)
    {
        string ka = LatinKey(a, cues), kb = LatinKey(b, cues);
        if (ka.Length == 0 || kb.Length == 0)
            return false;
        if (ka.Contains(kb, StringComparison.Ordinal) || kb.Contains(ka, StringComparison.Ordinal))
            return true;
        int k = 0;
        while (k < ka.Length && k < kb.Length && ka[k] == kb[k])
            k++;
        return k >= 4;
    }

    private static string LatinKey(string name, PlaceCues cues)
    {
        var sb = new StringBuilder();
        foreach (var word in name.ToLowerInvariant().Split([' ', '-', '\''], StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = AsciiLetters(word);
            if (letters is "al" or "el" or "ad" or "an" or "as" or "ar" or "at" or "ash" or "the" or "of" or "muhafazat" || cues.ClassOf(letters) is "admin1" or "admin2" or "noun")
                continue;
            sb.Append(letters);
        }
        // "Capital Governorate" is all unit words: then the words themselves are the name.
        return sb.Length > 0 ? sb.ToString() : AsciiLetters(name.ToLowerInvariant());
    }

    // The build runs with invariant globalization, where string.Normalize does not decompose: the accented letters
    // of transliterations (Naâma, Ismāʿīlīyyah, Şırnak) are folded by hand; other marks (ʿ) are dropped.
    private static readonly Dictionary<char, char> Unaccented = new[]
    {
        ("àáâãäåāăą", 'a'), ("çćĉċč", 'c'), ("ďđ", 'd'), ("èéêëēĕėęě", 'e'), ("ĝğġģ", 'g'), ("ĥħ", 'h'), ("ìíîïĩīĭįı", 'i'),
        ("ĵ", 'j'), ("ķ", 'k'), ("ĺļľŀł", 'l'), ("ñńņňṇ", 'n'), ("òóôõöøōŏő", 'o'), ("ŕŗř", 'r'), ("śŝşšșṣ", 's'),
        ("ţťŧțṭ", 't'), ("ùúûüũūŭůűų", 'u'), ("ŵ", 'w'), ("ýÿŷ", 'y'), ("źżžẓ", 'z'), ("ḍ", 'd'), ("ḥ", 'h'),
    }.SelectMany(p => p.Item1.Select(c => (c, p.Item2))).ToDictionary(p => p.c, p => p.Item2);

    private static string AsciiLetters(string lower)
    {
        var sb = new StringBuilder(lower.Length);
        foreach (char c in lower)
        {
            if (char.IsAsciiLetter(c))
                sb.Append(c);
            else if (Unaccented.TryGetValue(c, out var plain))
                sb.Append(plain);
        }
        return sb.ToString();
    }

    private static string? Str(JsonElement o, string key) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(key, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;

    private static List<string> Distinct(List<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>(names.Count);
        foreach (var n in names)
            if (n.Length > 0 && seen.Add(string.Join(' ', ToponymTable.NameWords(n))))
                result.Add(n);
        return result;
    }
}
