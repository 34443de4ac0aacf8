using Marsad.Analysis;
using Marsad.Events;
using Marsad.Storage;
using Marsad.Text;

namespace Marsad.Web.Api;

// The API's JSON shapes. Names are written snake_case (as FORMAT.md's predictions are). Offsets are
// UTF-16 code units into the stored article text, which is what a browser's String.slice counts.

/// <summary>A place as the API writes it.</summary>
public sealed record PlaceDto(string Name, string? Country, double? Lat, double? Lon, string Precision, string? GazetteerId)
{
    public static PlaceDto? Of(PlaceRef? p) => p is null ? null : new(p.Name, p.Country, p.Lat, p.Lon, p.Precision, p.GazetteerId);
}

/// <summary>A date or date range.</summary>
public sealed record DateDto(DateOnly Start, DateOnly End, string Precision)
{
    public static DateDto? Of(DateValue? d) => d is null ? null : new(d.Start, d.End, d.PrecisionCode);
}

/// <summary>A span of the article text: [start, end).</summary>
public sealed record SpanDto(int Start, int End)
{
    public static SpanDto Of(TextSpan s) => new(s.Start, s.End);
}

/// <summary>The article a mention comes from.</summary>
public sealed record ArticleRefDto(string Id, string? Title, string? Source, string? Url, DateOnly? Published);

/// <summary>A merged event in a list.</summary>
public sealed record EventDto(
    long Id,
    string Type,
    string Subtype,
    string? Actor1,
    string? Actor2,
    PlaceDto? Place,
    PlaceDto? Origin,
    DateDto? Date,
    string Certainty,
    string? ReportedBy,
    long? Fatalities,
    IReadOnlyDictionary<string, long> Quantities,
    string Evidence,
    int Mentions,
    ArticleRefDto Article)
{
    public static EventDto Of(MergedEvent m)
    {
        var rep = m.Representative;
        var e = rep.Event;
        return new(m.Id, e.Type, e.Subtype, e.Actor1, e.Actor2, PlaceDto.Of(e.Place), PlaceDto.Of(e.Origin), DateDto.Of(e.Date),
            e.Certainty, e.ReportedBy, e.Fatalities, e.Quantities, e.EvidenceText, Math.Max(1, m.Sources.Count),
            new ArticleRefDto(rep.ArticleId, rep.ArticleTitle, rep.ArticleSource, rep.ArticleUrl, rep.ArticlePublished));
    }
}

/// <summary>One article's mention of an event, with the spans that support each field.</summary>
public sealed record MentionDto(
    long EventId,
    ArticleRefDto Article,
    string Certainty,
    string? ReportedBy,
    string Evidence,
    SpanDto EvidenceSpan,
    SpanDto TriggerSpan,
    IReadOnlyDictionary<string, SpanDto> Arguments,
    string? MergeReason)
{
    public static MentionDto Of(StoredEvent s) => new(
        s.Id,
        new ArticleRefDto(s.ArticleId, s.ArticleTitle, s.ArticleSource, s.ArticleUrl, s.ArticlePublished),
        s.Event.Certainty,
        s.Event.ReportedBy,
        s.Event.EvidenceText,
        SpanDto.Of(s.Event.Evidence),
        SpanDto.Of(s.Event.Trigger),
        s.Event.ArgumentSpans.ToDictionary(kv => kv.Key, kv => SpanDto.Of(kv.Value), StringComparer.Ordinal),
        s.MergeReason);
}

/// <summary>A merged event with every mention: why each joined, and where in its article each field comes from.</summary>
public sealed record EventDetailDto(EventDto Event, IReadOnlyList<MentionDto> Mentions);

/// <summary>A page of events.</summary>
public sealed record EventPageDto(int Limit, int Offset, int? NextOffset, IReadOnlyList<EventDto> Items);

/// <summary>Map points in a compact form: one array per event, the fields named once.</summary>
public sealed record PointsDto(int Count, bool Truncated, IReadOnlyList<string> Fields, IReadOnlyList<object?[]> Points);

/// <summary>An article with its full text and the spans of the events coded from it.</summary>
public sealed record ArticleDto(
    string Id,
    string? Title,
    string Text,
    DateOnly? Published,
    string Lang,
    string? Source,
    string? Url,
    string? DuplicateOf,
    string? DuplicateReason,
    IReadOnlyList<ArticleEventDto> Events);

/// <summary>An event coded from an article, as the article view highlights it.</summary>
public sealed record ArticleEventDto(
    long EventId,
    long MergedId,
    string Type,
    string Subtype,
    string Certainty,
    SpanDto EvidenceSpan,
    SpanDto TriggerSpan,
    IReadOnlyDictionary<string, SpanDto> Arguments);

/// <summary>A value and how many events carry it.</summary>
public sealed record CountDto(string Key, long Events, long Mentions);

/// <summary>An aggregate over the filtered events.</summary>
public sealed record AggregateDto(string By, IReadOnlyList<CountDto> Counts);

/// <summary>What an article posted to the API became.</summary>
public sealed record IngestResultDto(string Id, string Status, string? DuplicateOf, int Events, string Message);

/// <summary>The body of <c>POST /api/articles</c>.</summary>
public sealed record ArticleInput(string? Id, string? Title, string? Text, string? Published, string? Lang, string? Source, string? Url);

/// <summary>The body of <c>POST /api/articles/fetch</c>.</summary>
public sealed record FetchInput(string? Url);

/// <summary>The dashboard's settings.</summary>
public sealed record ConfigDto(string? TileUrl, bool ReadRequiresKey, IReadOnlyList<string> Types, IReadOnlyList<string> Certainties, string Store);

/// <summary>What the store holds: articles, events after merging, their mentions, and the schema version.</summary>
public sealed record StatusDto(int Articles, int Events, int Mentions, int SchemaVersion);

/// <summary>An error: the status and what to change.</summary>
public sealed record ErrorDto(int Status, string Error);

/// <summary>The movement view's data; <c>summary</c> is English, <c>summaries</c> holds it in English and Arabic.</summary>
public sealed record MovementDto(
    string Actor,
    DateOnly? From,
    DateOnly? To,
    bool Truncated,
    IReadOnlyList<TrackPoint> Track,
    IReadOnlyList<Move> Moves,
    IReadOnlyList<RegionTrend> Regions,
    string Summary,
    IReadOnlyDictionary<string, string> Summaries);
