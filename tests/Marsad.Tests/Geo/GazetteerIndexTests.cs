using Marsad.Geo;
using Xunit.Abstractions;

namespace Marsad.Tests.Geo;

public sealed class GazetteerIndexTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void GeoNamesDumpBuildsAnIndexThatReadsBack()
    {
        var store = GeoFixtures.FixtureStore(_tmp);
        var file = Assert.Single(store.IndexFiles);
        var places = PlaceIndexFile.Read(file, out var source);
        Assert.Equal("fixture.txt", source);
        // The historical place (PPLH) is left out; the others keep their Arabic and Latin names.
        Assert.Equal(5, places.Count);
        var zuwara = places.Single(p => p.Entry.Id == "geonames:900003");
        Assert.Equal("LY", zuwara.Entry.Country);
        Assert.Equal("point", zuwara.Entry.Precision);
        Assert.Equal(45_000, zuwara.Entry.Population);
        Assert.Contains("زوارة", zuwara.Names);
        Assert.Contains("Zuwarah", zuwara.Names);
    }

    [Fact]
    public void ImportIsIdempotentAndReplacesItsOwnFile()
    {
        var store = GeoFixtures.FixtureStore(_tmp);
        var dump = Path.Combine(_tmp.Path, "fixture.txt");
        store.Import(dump, null, null, _ => { });
        Assert.Single(store.IndexFiles);
        Assert.Equal(5, PlaceIndexFile.Read(store.IndexFiles[0]).Count);
    }

    [Theory]
    [InlineData("truncated.txt")]
    [InlineData("broken.json")]
    [InlineData("bad.tsv")]
    public void CorruptInputGivesAClearErrorAndLeavesTheIndexIntact(string name)
    {
        var store = GeoFixtures.FixtureStore(_tmp);
        // An earlier import of the same name that must survive the failed one.
        var good = _tmp.File(name, name.EndsWith(".json", StringComparison.Ordinal)
            ? """[{"name": {"ar": "غات", "en": "Ghat"}, "latitude": 24.96, "longitude": 10.18, "country": "LY"}]"""
            : "x:ghat\tGhat\tLY\t24.96\t10.18\tpoint\tغات|Ghat\n");
        if (name.EndsWith(".txt", StringComparison.Ordinal))
            File.WriteAllText(good, string.Join('\n', GeoFixtures.GeoNamesDump) + "\n");
        store.Import(good, null, null, _ => { });
        var target = store.IndexFiles.Single(f => f.Contains("import-" + Path.GetFileNameWithoutExtension(name), StringComparison.Ordinal));
        var before = File.ReadAllBytes(target);

        string corrupt = name switch
        {
            // Cut in the middle of a record, as an interrupted download leaves it.
            "truncated.txt" => string.Join('\n', GeoFixtures.GeoNamesDump)[..^40],
            "broken.json" => """[{"name": {"ar": "غات"}, "latitude": 24.96, "longi""",
            _ => "x:ghat\tGhat\tLY\tnorth\t10.18\tpoint\tغات\n",
        };
        File.WriteAllText(good, corrupt);
        var ex = Assert.Throws<InvalidDataException>(() => store.Import(good, null, null, _ => { }));
        output.WriteLine(ex.Message);
        Assert.Contains(name, ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(target));
        Assert.Empty(Directory.GetFiles(store.Directory, "*.tmp"));
    }

    [Fact]
    public void TruncatedIndexFileIsRefused()
    {
        var store = GeoFixtures.FixtureStore(_tmp);
        var file = store.IndexFiles[0];
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);
        var ex = Assert.Throws<InvalidDataException>(() => PlaceIndexFile.Read(file));
        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AlternateNamesAddArabicNamesToADump()
    {
        var dump = _tmp.File("LY.txt", GeoFixtures.GeoNamesLine(900010, "Ghat", "", 24.96, 10.18, "P", "PPLA", "LY", 24_000) + "\n");
        var alt = _tmp.File("alternateNamesV2.txt", "1\t900010\tar\tغات\t1\t\t\t\t\t\n2\t900010\tfr\tGhat\t\t\t\t\t\t\n3\t900010\tar\tغاث القديمة\t\t\t\t1\t\t\n");
        var store = new GazetteerStore(Path.Combine(_tmp.Path, "home"));
        Assert.Throws<InvalidDataException>(() => store.Import(dump, null, null, _ => { }));
        store.Import(dump, alt, null, _ => { });
        var p = Assert.Single(PlaceIndexFile.Read(store.IndexFiles[0]));
        Assert.Contains("غات", p.Names);
        Assert.DoesNotContain("غاث القديمة", p.Names); // historic names are left out
    }
}
