namespace Marsad.Tests.Geo;

public sealed class DisambiguationTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void TheArticlesCountryDecidesBetweenNamesakes()
    {
        var p = GeoFixtures.Pipeline(GeoFixtures.FixtureStore(_tmp));
        var libya = GeoFixtures.Places(p, "اندلعت اشتباكات في طرابلس بين ميليشيات ليبية.").Single(e => e.Name == "Tripoli");
        Assert.Equal("LY", libya.Place!.Country);
        var lebanon = GeoFixtures.Places(p, "قال الجيش اللبناني إن اشتباكات اندلعت في طرابلس شمال لبنان.").Single(e => e.Name == "Tripoli");
        Assert.Equal("LB", lebanon.Place!.Country);
        Assert.Equal("geonames:900001", lebanon.Place.Id);
    }

    [Fact]
    public void AnAdministrativeNounMakesTheTownItsProvince()
    {
        var p = GeoFixtures.Pipeline();
        var places = GeoFixtures.Places(p, "عثر الأمن على مخزن في بن قردان في ولاية مدنين");
        Assert.Equal("point", places.Single(e => e.Place!.Id == "marsad:tn-benguerdane").Place!.Precision);
        Assert.Equal("admin1", places.Single(e => e.Place!.Id == "marsad:tn-medenine").Place!.Precision);
        var oued = Assert.Single(GeoFixtures.Places(p, "ضبط صواريخ على مشارف محافظة وادي سوف الحدودية"));
        Assert.Equal("admin1", oued.Place!.Precision);
    }

    [Fact]
    public void TheLibyanBorderIsTheSideOfTheCountryTheSentenceIsAbout()
    {
        var p = GeoFixtures.Pipeline();
        var dz = GeoFixtures.Places(p, "أما في الجزائر فقد كثفت من بناء منظومتها الأمنية على الحدود الليبية").Single(e => e.Place!.Precision == "region");
        Assert.Equal("DZ", dz.Place!.Country);
        var tn = GeoFixtures.Places(p, "وفي تونس كشف مخزن للسلاح في منطقة بن قردان المتاخمة للحدود الليبية").Single(e => e.Place!.Precision == "region");
        Assert.Equal("TN", tn.Place!.Country);
    }

    [Fact]
    public void TheCountryMeansTheArticlesCountry()
    {
        var p = GeoFixtures.Pipeline();
        var places = GeoFixtures.Places(p, "قالت الحكومة التركية إن 297 شخصا اعتقلوا في أنحاء مختلفة من البلاد");
        Assert.Equal("country:TR", Assert.Single(places).Place!.Id);
        Assert.Empty(GeoFixtures.Places(p, "غادر البلاد أمس"));
    }
}
