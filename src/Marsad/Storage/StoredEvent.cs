using Marsad.Events;

namespace Marsad.Storage;

/// <summary>An event read back from the store, with its row id and the article it came from.</summary>
public sealed record StoredEvent(
    long Id,
    EventRecord Event,
    string? ArticleTitle,
    DateOnly? ArticlePublished,
    string? ArticleSource)
{
    public string ArticleId => Event.ArticleId;
}

/// <summary>Filters for <see cref="SqliteEventStore.QueryEvents"/>; every filter left null matches everything.</summary>
public sealed record EventQuery
{
    public string? ArticleId { get; init; }

    public string? Type { get; init; }

    public string? Subtype { get; init; }

    /// <summary>Keep events whose date range ends on or after this day (undated events are dropped).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Keep events whose date range starts on or before this day (undated events are dropped).</summary>
    public DateOnly? To { get; init; }

    public int? Limit { get; init; }

    public static EventQuery All { get; } = new();

    public static EventQuery ForArticle(string articleId) => new() { ArticleId = articleId };
}
