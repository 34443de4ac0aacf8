using Marsad.Entities;
using Marsad.Geo;
using Marsad.Pipeline;
using Marsad.Text;

namespace Marsad.Tests.Geo;

/// <summary>Small gazetteer fixtures written for the tests (facts with rounded coordinates) and helpers to run the pipeline on them.</summary>
internal static class GeoFixtures
{
    // GeoNames dump layout (19 columns); ids are made up for the fixture.
    public static string GeoNamesLine(int id, string name, string arabic, double lat, double lon, string cls, string code, string country, int pop,
        string admin1 = "01", string timezone = "Africa/Tripoli") =>
        string.Join('\t', id.ToString(System.Globalization.CultureInfo.InvariantCulture), name, name, arabic,
            lat.ToString(System.Globalization.CultureInfo.InvariantCulture), lon.ToString(System.Globalization.CultureInfo.InvariantCulture),
            cls, code, country, "", admin1, "", "", "", pop.ToString(System.Globalization.CultureInfo.InvariantCulture), "", "100", timezone, "2020-01-01");

    public static readonly string[] GeoNamesDump =
    [
        GeoNamesLine(900001, "Tripoli", "طرابلس,Tarabulus", 34.44, 35.85, "P", "PPLA", "LB", 229_000),
        GeoNamesLine(900002, "Farah", "فرح", 32.37, 62.11, "P", "PPLA", "AF", 109_000),
        GeoNamesLine(900003, "Zuwarah", "زوارة,زواره", 32.93, 12.08, "P", "PPLA", "LY", 45_000),
        GeoNamesLine(900004, "Riqdalin", "رقدالين", 32.89, 11.83, "P", "PPL", "LY", 7_000),
        GeoNamesLine(900005, "Ben Gardane", "بنڤردان", 33.14, 11.22, "P", "PPL", "TN", 79_000),
        GeoNamesLine(900006, "Old Town", "المدينة القديمة", 1, 1, "P", "PPLH", "LY", 0),
    ];

    /// <summary>A store in a temporary folder with the fixture dump imported as its only index.</summary>
    public static GazetteerStore FixtureStore(TempDir tmp)
    {
        var store = new GazetteerStore(Path.Combine(tmp.Path, "home"));
        var dump = tmp.File("fixture.txt", string.Join('\n', GeoNamesDump) + "\n");
        store.Import(dump, null, null, _ => { });
        return store;
    }

    public static MarsadPipeline Pipeline(GazetteerStore? store = null) =>
        MarsadPipeline.CreateDefault(null, store?.Directory);

    public static List<EntityMention> Places(MarsadPipeline p, string text) =>
        p.Analyze(new Article("a", text)).Entities.Where(e => e.Kind == EntityKind.Place).ToList();

    /// <summary>A store with the real base index (GeoNames cities500 via npm), built once per test run into a temp folder; null without npm.</summary>
    public static GazetteerStore? BaseStore => s_base.Value;

    private static readonly Lazy<GazetteerStore?> s_base = new(() =>
    {
        var home = Path.Combine(Path.GetTempPath(), "marsad-test-gazetteer-" + Environment.ProcessId);
        var store = new GazetteerStore(home);
        // Reuse packages a developer's `marsad setup` already fetched, so the test does not hit the network again.
        var cached = Path.Combine(Shared.RepoRoot, ".data", "cache", "npm");
        if (Directory.Exists(cached))
        {
            Directory.CreateDirectory(store.NpmCache);
            foreach (var f in Directory.GetFiles(cached, "*.tgz"))
                File.Copy(f, Path.Combine(store.NpmCache, Path.GetFileName(f)), overwrite: true);
        }
        try
        {
            store.Setup(force: false, _ => { });
            return store;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    });
}
