using System.Globalization;
using Marsad.Events;
using Marsad.Text;

namespace Marsad.Storage;

/// <summary>The fields of a merged event that decide whether a new mention is the same occurrence.</summary>
public sealed record MergeCandidate(
    long Id,
    string Type,
    string Subtype,
    string? Actor1,
    string? Actor2,
    string? PlaceName,
    string? Country,
    double? Lat,
    double? Lon,
    string? Precision,
    DateOnly Start,
    DateOnly End);

/// <summary>
/// Decides whether an event told by one article is the same occurrence as a merged event told by
/// others, and says why in words an analyst can check: same type, compatible actors, places within
/// a distance, overlapping dates. Events without a date or a place never merge: too little to tell
/// two occurrences apart.
/// </summary>
public static class EventMerger
{
    /// <summary>Dates may be off by this much: «أمس» resolves against publication days that differ between outlets.</summary>
    public const int DateToleranceDays = 1;

    /// <summary>Longer date ranges (a month, a year) say too little about when to tell occurrences apart.</summary>
    public const int MaxRangeDays = 7;

    /// <summary>The widest radius any precision allows, for the coarse SQL prefilter.</summary>
    public const double MaxRadiusKm = 100;

    /// <summary>The mergeable date window of an event, or null when it cannot merge at all.</summary>
    public static (DateOnly From, DateOnly To)? Window(EventRecord e)
    {
        if (e.Date is not { } d || e.Place is null || d.End.DayNumber - d.Start.DayNumber > MaxRangeDays)
            return null;
        return (d.Start.AddDays(-DateToleranceDays), d.End.AddDays(DateToleranceDays));
    }

    /// <summary>Null when <paramref name="e"/> is not the occurrence <paramref name="c"/> describes; otherwise the reason, and the distance used to prefer the nearest.</summary>
    public static (string Reason, double DistanceKm)? Match(MergeCandidate c, EventRecord e)
    {
        if (e.Type != c.Type || e.Place is not { } place || e.Date is not { } date)
            return null;
        if (Window(e) is not { } window || window.From > c.End || window.To < c.Start)
            return null;
        if (c.End.DayNumber - c.Start.DayNumber > MaxRangeDays)
            return null;
        if (!Compatible(c.Actor1, e.Actor1, out var a1) || !Compatible(c.Actor2, e.Actor2, out var a2))
            return null;
        if (PlaceMatch(c, place) is not { } where)
            return null;

        var reason = string.Create(CultureInfo.InvariantCulture,
            $"same type {e.Type}{(e.Subtype == c.Subtype ? "/" + e.Subtype : $" (subtypes {c.Subtype}, {e.Subtype})")}; actor1 {a1}; actor2 {a2}; {where.Text}; dates overlap ({Iso(c.Start)}…{Iso(c.End)} and {Iso(date.Start)}…{Iso(date.End)}); compared with event {c.Id}");
        return (reason, where.Km);
    }

    /// <summary>The radius two places of these precisions may be apart; null means "same country" is the test.</summary>
    public static double? RadiusKm(string? precision) => precision switch
    {
        "point" => 25,
        "admin2" => 50,
        "admin1" => 100,
        _ => null,
    };

    /// <summary>Great-circle distance in kilometres.</summary>
    public static double HaversineKm(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6371.0088;
        double dLat = double.DegreesToRadians(lat2 - lat1);
        double dLon = double.DegreesToRadians(lon2 - lon1);
        double a = Math.Pow(Math.Sin(dLat / 2), 2)
            + Math.Cos(double.DegreesToRadians(lat1)) * Math.Cos(double.DegreesToRadians(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>The form actor names are compared in.</summary>
    public static string ActorKey(string name) => ArabicNormalizer.NormalizePhrase(name);

    private static bool Compatible(string? a, string? b, out string how)
    {
        if (a is null || b is null)
        {
            how = a is null && b is null ? "unnamed in both" : $"'{a ?? b}' named by one only";
            return true;
        }
        how = $"'{a}' in both";
        return ActorKey(a) == ActorKey(b);
    }

    private static (string Text, double Km)? PlaceMatch(MergeCandidate c, PlaceRef p)
    {
        // The coarser of the two precisions sets the test: a town and its province match at province scale.
        double? ra = RadiusKm(c.Precision), rb = RadiusKm(p.Precision);
        bool byCountry = ra is null || rb is null || c.Lat is null || c.Lon is null || p.Lat is null || p.Lon is null;
        if (byCountry)
        {
            if (c.Country is null || p.Country is null || !string.Equals(c.Country, p.Country, StringComparison.OrdinalIgnoreCase))
                return null;
            return ($"same country {p.Country} ({c.PlaceName}, {p.Name})", 0);
        }
        double radius = Math.Max(ra!.Value, rb!.Value);
        double km = HaversineKm(c.Lat!.Value, c.Lon!.Value, p.Lat!.Value, p.Lon!.Value);
        if (km > radius)
            return null;
        return (string.Create(CultureInfo.InvariantCulture, $"places {km:0.#} km apart ({c.PlaceName}, {p.Name}; limit {radius:0} km)"), km);
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
