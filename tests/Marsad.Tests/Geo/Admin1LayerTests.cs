using System.Globalization;
using System.Text;
using Marsad.Geo;
using Marsad.Text;

namespace Marsad.Tests.Geo;

/// <summary>
/// The admin1 layer built from small fixtures written here in the layouts of the two npm packages
/// (iso3166-2-db's data/iso3166-2.json, country-state-city's lib/assets/state.json) and of GeoNames cities500;
/// the entries are facts with rounded coordinates, the Béja record copies a real mismatch of the second package.
/// </summary>
public sealed class Admin1LayerTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private const string NamesJson = """
        {
          "YE": { "iso": "YE", "regions": [
            { "iso": "AB", "name": "Abyan Governorate", "names": { "ar": "أبْيَن", "en": "Abyan Governorate", "geonames": "Abyan" }, "admin": "01" },
            { "iso": "DH", "name": "Dhamar Governorate", "names": { "ar": "محافظة ذمار", "en": "Dhamar Governorate" } } ] },
          "TN": { "iso": "TN", "regions": [
            { "iso": "42", "name": "Kasserine Governorate", "names": { "ar": "ولاية القصرين", "en": "Kasserine Governorate", "geonames": "Al Qasrayn" }, "admin": "02" },
            { "iso": "31", "name": "Béja Governorate", "names": { "ar": "ولاية باجة", "en": "Béja Governorate" }, "admin": "17" } ] },
          "LY": { "iso": "LY", "regions": [
            { "iso": "MQ", "name": "Murzuq District", "names": { "ar": "شعبية مرزق", "en": "Murzuq District" }, "admin": "73" } ] },
          "BH": { "iso": "BH", "regions": [
            { "iso": "13", "name": "Capital Governorate", "names": { "ar": "محافظة العاصمة", "en": "Capital Governorate" }, "admin": "16" } ] },
          "FR": { "iso": "FR", "regions": [
            { "iso": "IDF", "name": "Île-de-France", "names": { "ar": "إيل دو فرانس", "en": "Île-de-France" }, "admin": "11" } ] }
        }
        """;

    // Dhamar's record has no GeoNames admin1 code, so its point is the state's centre, 25 km from the town.
    private const string StatesJson = """
        [
          { "name": "Abyan Governorate", "isoCode": "AB", "countryCode": "YE", "latitude": "13.63", "longitude": "46.06" },
          { "name": "Dhamar Governorate", "isoCode": "DH", "countryCode": "YE", "latitude": "14.72", "longitude": "44.25" },
          { "name": "Kasserine Governorate", "isoCode": "42", "countryCode": "TN", "latitude": "35.08", "longitude": "8.66" },
          { "name": "Kassrine", "isoCode": "31", "countryCode": "TN", "latitude": "35.17", "longitude": "8.83" },
          { "name": "Murzuq", "isoCode": "MQ", "countryCode": "LY", "latitude": "25.92", "longitude": "13.92" },
          { "name": "Capital Governorate", "isoCode": "13", "countryCode": "BH", "latitude": "26.22", "longitude": "50.58" },
          { "name": "Île-de-France", "isoCode": "IDF", "countryCode": "FR", "latitude": "48.85", "longitude": "2.35" }
        ]
        """;

    // cities500 rows with the admin1 code in column 11; ids are made up.
    // A cities500 line with the first-level code the layer reads the seats of divisions from.
    private static string City(int id, string name, string arabic, double lat, double lon, string code, string country, string admin1, int pop) =>
        GeoFixtures.GeoNamesLine(id, name, arabic, lat, lon, "P", code, country, pop, admin1, "Asia/Aden");

    private static readonly string[] Cities =
    [
        City(910001, "Zinjibar", "زنجبار", 13.13, 45.38, "PPLA", "YE", "01", 20_000),
        City(910002, "Jaar", "جعار", 13.22, 45.31, "PPL", "YE", "01", 60_000),
        City(910003, "Dhamar", "ذمار", 14.54, 44.41, "PPLA", "YE", "11", 160_000),
        City(910004, "Kasserine", "القصرين", 35.17, 8.84, "PPLA", "TN", "02", 82_000),
        City(910005, "Murzuq", "مرزق", 25.92, 13.92, "PPLA", "LY", "73", 40_000),
        City(910006, "Manama", "المنامة", 26.23, 50.59, "PPLC", "BH", "16", 150_000),
    ];

    private static Stream Utf8(string s) => new MemoryStream(Encoding.UTF8.GetBytes(s));

    private static Admin1Join BuildLayer()
    {
        var names = Admin1Layer.ReadNames(Utf8(NamesJson), "iso3166-2.json");
        var points = Admin1Layer.ReadPoints(Utf8(StatesJson), "state.json");
        var seats = Admin1Layer.ReadSeats(new StringReader(string.Join('\n', Cities)), "cities500.txt");
        var lexicons = LexiconFiles.DefaultDirectory;
        return Admin1Layer.Join(names, points, seats, PlaceCues.Load(lexicons, "ar"), PlaceCues.Load(lexicons, "en"), ["تونس", "Tunisia"],
            (country, lat, lon) => country != "FR" || lat > 40);
    }

    [Fact]
    public void TheLayerJoinsNamesToSeatsOrCentresAndStripsTheUnitNoun()
    {
        var join = BuildLayer();
        var byId = join.Places.ToDictionary(p => p.Entry.Id);
        // The watched countries only; the Béja code whose second-package record names Kasserine is left out.
        Assert.Equal(["iso3166-2:BH-13", "iso3166-2:LY-MQ", "iso3166-2:TN-42", "iso3166-2:YE-AB", "iso3166-2:YE-DH"], byId.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(join.Rejected, r => r.StartsWith("TN-31", StringComparison.Ordinal));

        var abyan = byId["iso3166-2:YE-AB"];
        Assert.Equal(("Abyan Governorate", "YE", "admin1", "ADM1"), (abyan.Entry.Name, abyan.Entry.Country, abyan.Entry.Precision, abyan.Entry.FeatureCode));
        // At the seat (Zinjibar, the PPLA, not the bigger Jaar), not the state's centre.
        Assert.Equal((13.13, 45.38), (abyan.Entry.Lat, abyan.Entry.Lon));
        Assert.Equal((14.72, 44.25), (byId["iso3166-2:YE-DH"].Entry.Lat, byId["iso3166-2:YE-DH"].Entry.Lon));
        Assert.Contains("Abyan", abyan.Names);

        // After an administrative noun of the cues the bare name is enough; other unit words keep both forms.
        var kasserine = byId["iso3166-2:TN-42"].Names;
        Assert.Contains("القصرين", kasserine);
        Assert.DoesNotContain("ولاية القصرين", kasserine);
        Assert.Contains("Kasserine", kasserine);
        var murzuq = byId["iso3166-2:LY-MQ"].Names;
        Assert.Contains("مرزق", murzuq);
        Assert.Contains("شعبية مرزق", murzuq);
        // "العاصمة" alone would be every capital of every article: only the full form names the unit.
        var capital = byId["iso3166-2:BH-13"].Names;
        Assert.Contains("محافظة العاصمة", capital);
        Assert.DoesNotContain("العاصمة", capital);
        Assert.DoesNotContain("Capital", capital);
    }

    [Fact]
    public void LayerNamesAreMatchedThroughTheArabicNormalizer()
    {
        var g = Gazetteer.Load(LexiconFiles.DefaultDirectory, Marsad.Entities.ActorDictionary.Load(LexiconFiles.DefaultDirectory), StoreWithLayer().Directory);
        // Written with sukun and fatha, found bare, with the article's hamza dropped and ة as ه.
        Assert.Equal("iso3166-2:YE-AB", g.Table.Find("ابين")?.Candidates.Single().Id);
        Assert.Equal("iso3166-2:YE-AB", g.Geocode("محافظه أبين")?.Id);
        Assert.Equal("iso3166-2:YE-DH", g.Geocode("محافظة ذمار")?.Id);
        Assert.Equal("geonames:910003", g.Geocode("ذمار")?.Id);
    }

    [Fact]
    public void AGovernorateAfterItsNounIsTheUnitAndTheBareNameStaysTheTown()
    {
        var p = GeoFixtures.Pipeline(StoreWithLayer());
        // No town is called Abyan: the governorate, whatever the words around it.
        var abyan = Assert.Single(GeoFixtures.Places(p, "قتل ثلاثة جنود في هجوم على نقطة عسكرية في محافظة أبين جنوب البلاد."), e => e.Place!.Id.StartsWith("iso3166-2:", StringComparison.Ordinal));
        Assert.Equal(("iso3166-2:YE-AB", "admin1"), (abyan.Place!.Id, abyan.Place.Precision));
        Assert.Contains(GeoFixtures.Places(p, "وصلت تعزيزات إلى أبين."), e => e.Place!.Id == "iso3166-2:YE-AB");
        // Dhamar is a town and a governorate: the town for the bare name, the unit after محافظة.
        Assert.Equal("geonames:910003", GeoFixtures.Places(p, "سقط قتلى في قصف على ذمار.").Single().Place!.Id);
        var unit = GeoFixtures.Places(p, "سقط قتلى في قصف على محافظة ذمار.").Single();
        Assert.Equal(("iso3166-2:YE-DH", "admin1"), (unit.Place!.Id, unit.Place.Precision));
    }

    [Fact]
    public void ASeatIsThePplaOfItsAdmin1Code()
    {
        var seats = Admin1Layer.ReadSeats(new StringReader(string.Join('\n', Cities)), "cities500.txt");
        Assert.Equal("Zinjibar", seats["YE.01"].Name);
        Assert.Equal("Manama", seats["BH.16"].Name);
        var ex = Assert.Throws<InvalidDataException>(() => Admin1Layer.ReadSeats(new StringReader("1\tZinjibar\t13.13"), "cut.txt"));
        Assert.Contains("cut.txt:1", ex.Message, StringComparison.Ordinal);
    }

    // A store whose base index holds the fixture towns and the admin1 layer, as `marsad setup` writes it.
    private GazetteerStore StoreWithLayer()
    {
        var store = new GazetteerStore(Path.Combine(_tmp.Path, "home"));
        var towns = GazetteerReaders.ReadGeoNames(new StringReader(string.Join('\n', Cities)), "cities500.txt").ToList();
        PlaceIndexFile.Write(store.BasePath, [.. towns, .. BuildLayer().Places], "fixture");
        return store;
    }
}
