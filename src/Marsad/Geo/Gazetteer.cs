using Marsad.Entities;
using Marsad.Text;

namespace Marsad.Geo;

/// <summary>
/// The places Marsad can resolve: the project's countries and supplement (always, from the lexicon folder) and,
/// when a gazetteer folder is given, the compact index that <c>marsad setup</c> and <c>marsad gazetteer import</c>
/// build there. The index is read on first use, so a pipeline that never sees a document never pays for it.
/// </summary>
public sealed class Gazetteer
{
    private readonly List<IndexedPlace> _curated;
    private readonly IReadOnlyList<string> _indexFiles;
    private readonly Lazy<ToponymTable> _table;
    private readonly Dictionary<string, GazetteerEntry> _countries = new(StringComparer.OrdinalIgnoreCase);

    private Gazetteer(List<IndexedPlace> curated, IReadOnlyList<string> indexFiles, PlaceCues cues)
    {
        _curated = curated;
        _indexFiles = indexFiles;
        Cues = cues;
        _table = new Lazy<ToponymTable>(BuildTable, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>A curated entry (countries.tsv, places.tsv) by its English name ("Tunisia–Libya border"), or null.</summary>
    public GazetteerEntry? CuratedByName(string englishName) =>
        _curated.FirstOrDefault(p => string.Equals(p.Entry.Name, englishName, StringComparison.OrdinalIgnoreCase))?.Entry;

    /// <summary>Context words for places: place-type nouns, prepositions, ambiguous names.</summary>
    public PlaceCues Cues { get; }

    /// <summary>The index files in use (empty when only the supplement is loaded).</summary>
    public IReadOnlyList<string> IndexFiles => _indexFiles;

    /// <summary>Every name the gazetteer knows; loads the index on first use.</summary>
    public ToponymTable Table => _table.Value;

    /// <summary>Loads the supplement from <paramref name="lexiconDir"/> and, lazily, the index files in <paramref name="indexDir"/> (a store's gazetteer folder).</summary>
    public static Gazetteer Load(string lexiconDir, ActorDictionary countries, string? indexDir = null)
    {
        var curated = new List<IndexedPlace>();
        var countriesFile = Path.Combine(lexiconDir, "countries.tsv");
        var byCode = new Dictionary<string, GazetteerEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in countries.CountriesByCode.Values)
            byCode[c.Code] = new GazetteerEntry("country:" + c.Code, c.Name, c.Code, c.Lat, c.Lon, "country") { Curated = true, FeatureCode = "PCLI" };
        foreach (var (_, f) in LexiconFiles.ReadRows(countriesFile, 6))
            curated.Add(new IndexedPlace(byCode[f[0]], [.. LexiconFiles.SplitList(f[4]), f[1]]));
        var places = Path.Combine(lexiconDir, "places.tsv");
        foreach (var (line, f) in LexiconFiles.ReadRows(places, 7))
        {
            if (f[5] is not ("point" or "admin2" or "admin1" or "country" or "region"))
                throw new FormatException($"{places}:{line}: precision '{f[5]}' is not one of point, admin2, admin1, country, region");
            var e = new GazetteerEntry(f[0], f[1], f[2], LexiconFiles.ParseCoordinate(f[3], places, line),
                LexiconFiles.ParseCoordinate(f[4], places, line), f[5]) { Curated = true };
            curated.Add(new IndexedPlace(e, LexiconFiles.SplitList(f[6])));
        }
        var files = indexDir is null || !Directory.Exists(indexDir) ? []
            : new[] { Path.Combine(indexDir, "base.gaz") }.Where(File.Exists)
                .Concat(Directory.GetFiles(indexDir, "import-*.gaz").OrderBy(x => x, StringComparer.Ordinal)).ToArray();
        var g = new Gazetteer(curated, files, PlaceCues.Load(lexiconDir));
        foreach (var e in byCode.Values)
            g._countries[e.Country] = e;
        return g;
    }

    private ToponymTable BuildTable()
    {
        var table = new ToponymTable();
        foreach (var p in _curated)
            foreach (var n in p.Names)
                table.Add(n, p.Entry);
        foreach (var file in _indexFiles)
        {
            foreach (var p in PlaceIndexFile.Read(file))
            {
                if (p.Entry.Precision == "country")
                    _countries.TryAdd(p.Entry.Country, p.Entry);
                foreach (var n in p.Names)
                {
                    var words = ToponymTable.NameWords(n);
                    // One- and two-letter names are abbreviations or noise in the sources and collide with clitics.
                    if (words.Length == 1 && words[0].Length < 3)
                        continue;
                    table.Add(words, p.Entry);
                }
            }
        }
        return table;
    }

    /// <summary>The longest place name starting at token <paramref name="i"/>, or null.</summary>
    public ToponymMatch? MatchAt(IReadOnlyList<Token> tokens, int i, int end) => Table.MatchAt(tokens, i, end);

    /// <summary>The country entry for an ISO code (from countries.tsv, else the index), or null.</summary>
    public GazetteerEntry? Country(string code)
    {
        _ = Table;
        return _countries.GetValueOrDefault(code);
    }

    /// <summary>
    /// Resolves a bare place name (no surrounding text) to its most likely entry, preferring places in
    /// <paramref name="country"/> when given: what an analyst typing a name into a search box expects.
    /// </summary>
    public GazetteerEntry? Geocode(string name, string? country = null)
    {
        var candidates = Candidates(name, out var unit);
        return candidates.Count == 0 ? null
            : candidates.MaxBy(c => PlaceResolver.Prior(c, unit) + (country is not null && c.Country == country ? 3 : 0));
    }

    /// <summary>
    /// The entries a bare name can stand for, under every variant <see cref="Geocode"/> tries; <paramref name="unit"/>
    /// is the precision a leading administrative noun asks for (محافظة تعز → admin1), whose unit then replaces the
    /// towns of its country as in running text.
    /// </summary>
    public IReadOnlyList<GazetteerEntry> Candidates(string name, out string? unit)
    {
        var words = ToponymTable.NameWords(name);
        unit = words.Length > 1 ? Cues.ClassOf(words[0]) switch { "admin1" => "admin1", "admin2" => "admin2", _ => null } : null;
        var candidates = new List<GazetteerEntry>();
        foreach (var variant in NameVariants(name))
            if (Table.Find(variant) is { } tn)
                candidates.AddRange(tn.Candidates.Where(c => !candidates.Contains(c)));
        return PlaceResolver.UnitOrTowns(candidates, unit);
    }

    // The name as written, then without a leading place noun (مدينة جرمة) and with or without the article.
    private IEnumerable<string> NameVariants(string name)
    {
        var words = ToponymTable.NameWords(name);
        if (words.Length == 0)
            yield break;
        yield return string.Join(' ', words);
        if (words.Length > 1 && Cues.IsPlaceNoun(words[0]))
            words = words[1..];
        yield return string.Join(' ', words);
        var first = words[0];
        yield return string.Join(' ', [first.StartsWith("ال", StringComparison.Ordinal) && first.Length > 4 ? first[2..] : "ال" + first, .. words[1..]]);
    }
}
