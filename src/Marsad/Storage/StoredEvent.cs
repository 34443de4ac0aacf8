using Marsad.Events;

namespace Marsad.Storage;

/// <summary>An event read back from the store, with its row id and the article it came from.</summary>
/// <param name="MergedId">The merged event this mention belongs to (equal to <paramref name="Id"/> for a representative).</param>
/// <param name="MergeReason">Why the mention joined its merged event; null for the first mention.</param>
public sealed record StoredEvent(
    long Id,
    EventRecord Event,
    string? ArticleTitle,
    DateOnly? ArticlePublished,
    string? ArticleSource,
    long MergedId = 0,
    string? MergeReason = null,
    string? ArticleUrl = null)
{
    public string ArticleId => Event.ArticleId;
}

/// <summary>Filters for <see cref="IEventStore.QueryEvents"/>; every filter left null matches everything.</summary>
public sealed record EventQuery
{
    public string? ArticleId { get; init; }

    /// <summary>Keep the mentions of this merged event; with <see cref="IEventStore.QueryMergedEvents"/>, that one event (a dashboard's detail view).</summary>
    public long? MergedId { get; init; }

    public string? Type { get; init; }

    public string? Subtype { get; init; }

    /// <summary>Keep events whose actor1 or actor2 contains this text (after Arabic normalization of neither side: stored names are canonical).</summary>
    public string? Actor { get; init; }

    /// <summary>Keep events whose actor1 or actor2 is exactly this canonical name: indexed, unlike the substring match of <see cref="Actor"/>.</summary>
    public string? ActorName { get; init; }

    /// <summary>ISO 3166 alpha-2 code of the event's place.</summary>
    public string? Country { get; init; }

    /// <summary>The place name, exactly as stored.</summary>
    public string? Place { get; init; }

    /// <summary>Keep events whose date range ends on or after this day (undated events are dropped).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Keep events whose date range starts on or before this day (undated events are dropped).</summary>
    public DateOnly? To { get; init; }

    /// <summary>Keep events whose place lies in this box (events without coordinates are dropped).</summary>
    public BoundingBox? Box { get; init; }

    /// <summary>Keep events coded with one of these certainty codes (confirmed, reported, …).</summary>
    public IReadOnlyList<string>? Certainty { get; init; }

    /// <summary>Keep events whose article contains every word of this text (full-text search, Arabic-normalized).</summary>
    public string? Text { get; init; }

    public int? Limit { get; init; }

    /// <summary>Rows to skip before the first returned (paging with <see cref="Limit"/>).</summary>
    public int? Offset { get; init; }

    /// <summary>Row order; <see cref="EventOrder.Newest"/> drops undated events.</summary>
    public EventOrder Order { get; init; }

    public static EventQuery All { get; } = new();

    public static EventQuery ForArticle(string articleId) => new() { ArticleId = articleId };
}

/// <summary>The order <see cref="IEventStore.QueryEvents"/> and <see cref="IEventStore.QueryMergedEvents"/> return rows in.</summary>
public enum EventOrder
{
    /// <summary>By article id, then insertion: stable, what exports use.</summary>
    Stored,

    /// <summary>Latest start date first (ties: latest stored first), as a dashboard lists events; undated events are left out.</summary>
    Newest,
}

/// <summary>A longitude/latitude rectangle (west, south, east, north), as GeoJSON writes bounding boxes.</summary>
public sealed record BoundingBox(double West, double South, double East, double North)
{
    /// <summary>Parses "west,south,east,north".</summary>
    public static BoundingBox Parse(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 4
            || !double.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var w)
            || !double.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var s)
            || !double.TryParse(parts[2], System.Globalization.CultureInfo.InvariantCulture, out var e)
            || !double.TryParse(parts[3], System.Globalization.CultureInfo.InvariantCulture, out var n)
            || s > n || w > e)
        {
            throw new FormatException($"not a bounding box: '{text}' (expected WEST,SOUTH,EAST,NORTH in degrees)");
        }
        // NaN passes every comparison above and infinity every range test a caller makes: refuse both here, where
        // every entry point (API, query, export) parses, rather than let them reach the database.
        if (!double.IsFinite(w) || !double.IsFinite(s) || !double.IsFinite(e) || !double.IsFinite(n))
            throw new FormatException($"not a bounding box: '{text}' (every coordinate must be a finite number of degrees)");
        return new BoundingBox(w, s, e, n);
    }
}
