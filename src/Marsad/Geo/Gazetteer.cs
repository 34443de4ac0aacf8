using System.Globalization;
using Marsad.Entities;
using Marsad.Text;


namespace Marsad.Geo;

/// <summary>A gazetteer place: a resolved location with coordinates and precision.</summary>
public sealed record GazetteerEntry(string Id, string Name, string Country, double Lat, double Lon, string Precision);

/// <summary>
/// The places Marsad can resolve: countries and the supplement of places news often names.
/// A small built-in index; a full GeoNames index plugs in behind the same lookup.
/// </summary>
public sealed class Gazetteer
{
    public PhraseLexicon<GazetteerEntry> Names { get; } = new();

    public static Gazetteer Load(string lexiconDir, ActorDictionary countries)
    {
        var g = new Gazetteer();
        foreach (var c in countries.CountriesByCode.Values)
        {
            var entry = new GazetteerEntry("country:" + c.Code, c.Name, c.Code, c.Lat, c.Lon, "country");
            g._countries[c.Code] = entry;
        }
        var countriesFile = Path.Combine(lexiconDir, "countries.tsv");
        foreach (var (line, f) in LexiconFiles.ReadRows(countriesFile, 6))
            foreach (var name in LexiconFiles.SplitList(f[4]).Append(f[1]))
                g.Names.Add(name, g._countries[f[0]], $"{countriesFile}:{line}");
        var places = Path.Combine(lexiconDir, "places.tsv");
        foreach (var (line, f) in LexiconFiles.ReadRows(places, 7))
        {
            var e = new GazetteerEntry(f[0], f[1], f[2], LexiconFiles.ParseCoordinate(f[3], places, line),
                LexiconFiles.ParseCoordinate(f[4], places, line), f[5]);
            foreach (var name in LexiconFiles.SplitList(f[6]))
                g.Names.Add(name, e, $"{places}:{line}");
        }
        return g;
    }

    private readonly Dictionary<string, GazetteerEntry> _countries = new(StringComparer.OrdinalIgnoreCase);

    public GazetteerEntry? Country(string code) => _countries.GetValueOrDefault(code);
}
