using Marsad.Events;
using Marsad.Storage;

namespace Marsad.Analysis;

/// <summary>Where one actor's events appear over time, where the text says its members moved, and which regions gain or lose activity.</summary>
/// <param name="Actor">The canonical actor name the report is about.</param>
/// <param name="From">First day of the period (the earliest event's day when not given).</param>
/// <param name="To">Last day of the period (the latest event's day when not given).</param>
/// <param name="Track">The actor's located events, earliest first.</param>
/// <param name="Moves">Movement events the actor is the mover of, earliest first.</param>
/// <param name="Regions">Activity per region in the first and second half of the period, biggest change first.</param>
/// <param name="Truncated">True when the actor has more events than were read.</param>
public sealed record MovementReport(
    string Actor,
    DateOnly? From,
    DateOnly? To,
    IReadOnlyList<TrackPoint> Track,
    IReadOnlyList<Move> Moves,
    IReadOnlyList<RegionTrend> Regions,
    bool Truncated);

/// <summary>One located event of the actor.</summary>
/// <param name="Date">The event's first day, or the article's publication day when the text gives none (then <paramref name="DateFromArticle"/>).</param>
public sealed record TrackPoint(
    long EventId,
    string Type,
    string Subtype,
    DateOnly? Date,
    bool DateFromArticle,
    PlaceRef Place,
    string Certainty,
    int Mentions);

/// <summary>
/// A movement the text reports, with how certain the text is: from the origin to the destination, to a
/// destination whose origin is not named, or a departure (<see cref="Destination"/> null: "fled Sirte").
/// </summary>
public sealed record Move(
    long EventId,
    string Subtype,
    PlaceRef? Origin,
    PlaceRef? Destination,
    DateOnly? Date,
    bool DateFromArticle,
    string Certainty,
    string? ReportedBy,
    string Evidence,
    string ArticleId);

/// <summary>Events in a region (a country) in the first and second half of the period.</summary>
/// <param name="Trend">rising, falling, steady, new (none before) or gone (none after).</param>
public sealed record RegionTrend(string Region, int Earlier, int Later, string Trend);

/// <summary>Builds a <see cref="MovementReport"/> from the events a store holds for one actor.</summary>
public static class ActorMovement
{
    /// <summary>The most events read for one report; a busier actor's report says it was truncated.</summary>
    public const int MaxEvents = 20_000;

    public static MovementReport Analyze(IEventStore store, string actor, DateOnly? from = null, DateOnly? to = null, int maxEvents = MaxEvents)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        // Stored order keeps undated events (a date-ordered query drops them); they are placed by their article's day.
        var events = store.QueryMergedEvents(new EventQuery { ActorName = actor, From = from, To = to, Limit = maxEvents + 1 });
        bool truncated = events.Count > maxEvents;
        return Build(actor, from, to, truncated ? events.Take(maxEvents).ToList() : events, truncated);
    }

    /// <summary>The report over events already read (every one naming the actor).</summary>
    public static MovementReport Build(string actor, DateOnly? from, DateOnly? to, IReadOnlyList<MergedEvent> events, bool truncated = false)
    {
        var track = new List<TrackPoint>();
        var moves = new List<Move>();
        foreach (var merged in events)
        {
            var rep = merged.Representative;
            var e = rep.Event;
            var (date, fromArticle) = DayOf(rep);
            if (e.Place is { Lat: not null, Lon: not null } place)
                track.Add(new TrackPoint(merged.Id, e.Type, e.Subtype, date, fromArticle, place, e.Certainty, merged.Sources.Count));
            if (e.Type == "x_movement" && e.Actor1 == actor && e.Place is { } moved)
            {
                // "Fled Sirte" codes the town left as both place and origin: a departure, whose destination the text does not give.
                bool departure = e.Origin is { } o && SamePlace(o, moved);
                moves.Add(new Move(merged.Id, e.Subtype, e.Origin, departure ? null : moved, date, fromArticle, e.Certainty, e.ReportedBy, e.EvidenceText, rep.ArticleId));
            }
        }

        track.Sort((a, b) => CompareDates(a.Date, b.Date) is var c && c != 0 ? c : a.EventId.CompareTo(b.EventId));
        moves.Sort((a, b) => CompareDates(a.Date, b.Date) is var c && c != 0 ? c : a.EventId.CompareTo(b.EventId));

        var dated = track.Where(t => t.Date is not null).Select(t => t.Date!.Value).ToList();
        DateOnly? start = from ?? (dated.Count > 0 ? dated.Min() : null);
        DateOnly? end = to ?? (dated.Count > 0 ? dated.Max() : null);
        return new MovementReport(actor, start, end, track, moves, Trends(track, start, end), truncated);
    }

    /// <summary>
    /// Splits the period at its middle day and compares each country's event count in the two halves.
    /// A change counts as rising or falling when it is at least two events and half again the smaller side;
    /// a handful of events moving by one is noise, not a trend.
    /// </summary>
    public static IReadOnlyList<RegionTrend> Trends(IReadOnlyList<TrackPoint> track, DateOnly? start, DateOnly? end)
    {
        if (start is not { } s || end is not { } e)
            return [];
        int span = e.DayNumber - s.DayNumber;
        var middle = DateOnly.FromDayNumber(s.DayNumber + span / 2);
        var counts = new Dictionary<string, (int Earlier, int Later)>(StringComparer.Ordinal);
        foreach (var point in track)
        {
            if (point.Date is not { } d || d < s || d > e)
                continue;
            var region = point.Place.Country ?? point.Place.Name;
            var (earlier, later) = counts.GetValueOrDefault(region);
            // With a one-day period both halves are that day: everything is "earlier", nothing can be rising.
            counts[region] = span == 0 || d <= middle ? (earlier + 1, later) : (earlier, later + 1);
        }
        return counts
            .Select(kv => new RegionTrend(kv.Key, kv.Value.Earlier, kv.Value.Later, TrendOf(kv.Value.Earlier, kv.Value.Later, span > 0)))
            .OrderByDescending(t => Math.Abs(t.Later - t.Earlier))
            .ThenByDescending(t => t.Earlier + t.Later)
            .ThenBy(t => t.Region, StringComparer.Ordinal)
            .ToList();
    }

    private static string TrendOf(int earlier, int later, bool twoHalves)
    {
        if (!twoHalves)
            return "steady";
        if (earlier == 0 && later > 0)
            return "new";
        if (later == 0 && earlier > 0)
            return "gone";
        int diff = later - earlier;
        int smaller = Math.Min(earlier, later);
        if (Math.Abs(diff) >= 2 && Math.Abs(diff) * 2 >= smaller)
            return diff > 0 ? "rising" : "falling";
        return "steady";
    }

    private static (DateOnly? Date, bool FromArticle) DayOf(StoredEvent e) =>
        e.Event.Date is { } d ? (d.Start, false) : (e.ArticlePublished, e.ArticlePublished is not null);

    private static int CompareDates(DateOnly? a, DateOnly? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        _ => a.Value.CompareTo(b.Value),
    };

    private static bool SamePlace(PlaceRef a, PlaceRef b) =>
        (a.GazetteerId is not null && a.GazetteerId == b.GazetteerId)
        || (a.Name == b.Name && a.Country == b.Country);
}
