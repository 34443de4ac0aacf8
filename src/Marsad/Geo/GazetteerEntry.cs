namespace Marsad.Geo;

/// <summary>A gazetteer place: a resolved location with coordinates and precision.</summary>
/// <param name="Id">Stable identifier with its source as prefix (<c>geonames:2210554</c>, <c>marsad:tn-rasjedir</c>, <c>country:LY</c>).</param>
/// <param name="Precision"><c>point</c>, <c>admin2</c>, <c>admin1</c>, <c>country</c> or <c>region</c>.</param>
public sealed record GazetteerEntry(string Id, string Name, string Country, double Lat, double Lon, string Precision)
{
    /// <summary>Inhabitants according to the source (0 when unknown).</summary>
    public int Population { get; init; }

    /// <summary>GeoNames feature code (PPLC, PPLA, ADM1, …) or the source's own type; empty when unknown.</summary>
    public string FeatureCode { get; init; } = "";

    /// <summary>Written by this project (countries.tsv, places.tsv) rather than imported: trusted more in disambiguation.</summary>
    public bool Curated { get; init; }
}

/// <summary>Distances on the sphere, in kilometres.</summary>
public static class GeoMath
{
    private const double EarthRadiusKm = 6371.0;

    public static double Km(double lat1, double lon1, double lat2, double lon2)
    {
        double toRad = Math.PI / 180;
        double dLat = (lat2 - lat1) * toRad, dLon = (lon2 - lon1) * toRad;
        double h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(lat1 * toRad) * Math.Cos(lat2 * toRad) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Sqrt(Math.Min(1, h)));
    }

    public static double Km(GazetteerEntry a, GazetteerEntry b) => Km(a.Lat, a.Lon, b.Lat, b.Lon);
}
