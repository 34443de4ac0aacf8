using System.Globalization;
using System.Text.Json;
using Marsad.Entities;
using Marsad.Geo;
using Marsad.Text;
using Xunit.Abstractions;

namespace Marsad.Tests.Geo;

/// <summary>
/// Arabic names of Libyan towns (OpenStreetMap extract in ../shared, read at test time) geocoded against the default
/// gazetteer (supplement + GeoNames cities500), then again after importing the extract itself.
/// </summary>
public sealed class GeocodingTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void LibyanTownsBeforeAndAfterImport()
    {
        var file = Shared.PathOf("data", "gazetteer-extra", "libya-osm-places.json");
        if (!File.Exists(file))
        {
            output.WriteLine($"SKIPPED: {file} not found (../shared is absent); nothing to measure");
            return;
        }
        var base0 = GeoFixtures.BaseStore;
        if (base0 is null)
            output.WriteLine("npm unavailable: 'before' uses the supplement only");
        var cases = new List<(string Name, double Lat, double Lon)>();
        using (var doc = JsonDocument.Parse(File.ReadAllBytes(file)))
            foreach (var p in doc.RootElement.GetProperty("data").EnumerateArray())
                if (p.GetProperty("name")[0].TryGetProperty("ar", out var ar) && ar.GetString() is { Length: > 0 } name)
                    cases.Add((name, p.GetProperty("latitude").GetDouble(), p.GetProperty("longitude").GetDouble()));

        var lex = LexiconFiles.DefaultDirectory;
        var before = Gazetteer.Load(lex, ActorDictionary.Load(lex), base0?.Directory);
        double accBefore = Accuracy(before, cases);

        // Import into a copy of the base store, so the shared base index is not changed.
        var store = new GazetteerStore(Path.Combine(_tmp.Path, "home"));
        Directory.CreateDirectory(store.Directory);
        if (base0 is not null)
            File.Copy(base0.BasePath, store.BasePath);
        var report = store.Import(file, null, base0 is null ? "LY" : null, _ => { });
        var after = Gazetteer.Load(lex, ActorDictionary.Load(lex), store.Directory);
        double accAfter = Accuracy(after, cases);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Libya OSM geocoding at 25 km ({cases.Count} Arabic names): before import {accBefore:0.000}, after import {accAfter:0.000} ({report.Records} places imported)"));
        Assert.True(accAfter >= 0.9, $"after import {accAfter:0.000}");
        Assert.True(accAfter > accBefore);
    }

    private static double Accuracy(Gazetteer g, List<(string Name, double Lat, double Lon)> cases)
    {
        int ok = 0;
        foreach (var (name, lat, lon) in cases)
            if (g.Geocode(name, "LY") is { } e && GeoMath.Km(e.Lat, e.Lon, lat, lon) <= 25)
                ok++;
        return (double)ok / cases.Count;
    }

    [Fact]
    public void IndexLoadsInUnderASecond()
    {
        var store = GeoFixtures.BaseStore;
        if (store is null)
        {
            output.WriteLine("SKIPPED: npm unavailable, no base index to time");
            return;
        }
        var lex = LexiconFiles.DefaultDirectory;
        var actors = ActorDictionary.Load(lex);
        long mem0 = GC.GetTotalMemory(forceFullCollection: true);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var g = Gazetteer.Load(lex, actors, store.Directory);
        int names = g.Table.NameCount;
        clock.Stop();
        long mem1 = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"index load: {names} names in {clock.Elapsed.TotalMilliseconds:0} ms, {(mem1 - mem0) / 1048576.0:0.0} MB managed"));
        GC.KeepAlive(g);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"load took {clock.Elapsed}");
    }
}
