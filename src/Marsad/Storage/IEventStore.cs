using Marsad.Events;
using Marsad.Text;

namespace Marsad.Storage;

/// <summary>
/// Where articles, their coded events, duplicate links and merged events are kept. SQLite and
/// PostgreSQL implement it and pass the same test suite. An instance holds one connection: not
/// thread-safe, open one per thread or process.
/// </summary>
public interface IEventStore : IDisposable
{
    /// <summary>What the store writes to, for messages: a file path or host:port/database (never a password).</summary>
    string Location { get; }

    /// <summary>The schema version the database is at after opening (the latest this build knows).</summary>
    int SchemaVersion { get; }

    /// <summary>
    /// Stores one article and its events in one transaction. Saving an article id again replaces
    /// the article row and all of its earlier events (their merged events are split off first).
    /// </summary>
    void SaveArticle(Document doc, IReadOnlyList<EventRecord> events);

    /// <summary>
    /// Stores a batch of prepared articles in one transaction: either all of it is written or none.
    /// An article whose id is already stored is left as it is (so a batch can be replayed after a
    /// crash); events of articles linked as duplicates are not stored. Each new event joins a merged
    /// event when one matches (<see cref="EventMerger"/>). Returns how many articles and events were new.
    /// </summary>
    BatchResult SaveBatch(IReadOnlyList<PreparedArticle> batch);

    /// <summary>
    /// Which of these article ids and content hashes are stored already: the known ids, and for each
    /// known hash the id of the stored original carrying it.
    /// </summary>
    StoredLookup Lookup(IReadOnlyCollection<string> ids, IReadOnlyCollection<string> contentHashes);

    /// <summary>The stored original (not itself a duplicate) whose SimHash is nearest to <paramref name="simHash"/>, within <paramref name="maxDistance"/> bits.</summary>
    DuplicateLink? FindNearDuplicate(ulong simHash, int maxDistance);

    /// <summary>Reads event mentions back, joined with their article, ordered by article and insertion.</summary>
    IReadOnlyList<StoredEvent> QueryEvents(EventQuery? query = null);

    /// <summary>Merged events matching the filter (applied to their representative mention), with every mention's source.</summary>
    IReadOnlyList<MergedEvent> QueryMergedEvents(EventQuery? query = null);

    /// <summary>Merged events with coordinates as map points (the representative's place), newest first or (stored order) by event id: a map of 100,000 events reads no sources or spans.</summary>
    IReadOnlyList<EventPoint> QueryEventPoints(EventQuery? query = null);

    /// <summary>
    /// Counts merged events grouped by <paramref name="by"/>: the <paramref name="limit"/> largest
    /// groups, largest first (ties by key), or for <see cref="Grouping.Week"/> the first weeks in date
    /// order. <see cref="EventQuery.Limit"/>, <see cref="EventQuery.Offset"/> and <see cref="EventQuery.Order"/> are ignored.
    /// <para>
    /// By <see cref="Grouping.Type"/>, <see cref="Grouping.Place"/>, <see cref="Grouping.Country"/> or
    /// <see cref="Grouping.Week"/> without an actor filter, a merged event is one occurrence and counts
    /// once, under its representative's type, place, country or start week; every filter (dates, type,
    /// place, country, box, certainty, article, text) tests the representative too, as
    /// <see cref="QueryMergedEvents"/> does, so the counts add up to the events it lists.
    /// <see cref="GroupCount.Mentions"/> is then the total mentions of the counted merged events.
    /// </para>
    /// <para>
    /// By <see cref="Grouping.Actor"/>, or with <see cref="EventQuery.Actor"/> or
    /// <see cref="EventQuery.ActorName"/>, the count is over mentions, because a merged event's actors
    /// are completed from all of them: a merged event counts in a group when any of its mentions names
    /// the actor and passes the filters, once per group (distinct), grouped by that mention's value;
    /// <see cref="GroupCount.Mentions"/> is the number of such mentions. A merged event whose mentions
    /// differ (one starts a day later, in the next week) can then count in two groups.
    /// </para>
    /// </summary>
    IReadOnlyList<GroupCount> CountBy(Grouping by, EventQuery? query = null, int limit = 20);

    /// <summary>Full-text search over articles (title and text, Arabic-normalized); every word must occur. Best ranked first; when more than a thousand articles match, the ranking is over the first thousand the index yields.</summary>
    IReadOnlyList<ArticleHit> SearchArticles(string query, int limit = 20);

    /// <summary>One stored article with its full text, or null when the id is unknown.</summary>
    StoredArticle? GetArticle(string id);

    /// <summary>Takes one mention out of its merged event into a merged event of its own; the reason says so.</summary>
    void Unmerge(long eventId);

    /// <summary>The stored article row's duplicate link, or null when the article is an original (or unknown).</summary>
    DuplicateLink? DuplicateOf(string articleId);

    /// <summary>Adds articles to the work queue that <c>marsad worker</c> processes; ids already queued are left alone. Returns how many were added.</summary>
    int Enqueue(IEnumerable<Article> articles);

    /// <summary>
    /// Claims up to <paramref name="batchSize"/> queued articles no other worker holds (PostgreSQL:
    /// FOR UPDATE SKIP LOCKED), has <paramref name="prepare"/> turn them into stored form, saves them and
    /// marks them done, all in one transaction: a worker that dies releases its claim, and no article
    /// is stored twice. Returns how many were claimed; 0 means the queue is empty.
    /// </summary>
    int ProcessQueue(string worker, int batchSize, Func<IReadOnlyList<Article>, IReadOnlyList<PreparedArticle>> prepare, out BatchResult result);

    /// <summary>Queue rows still waiting and rows done.</summary>
    (int Queued, int Done) QueueCounts();

    int CountArticles();

    /// <summary>Stored event mentions (one per event coded from one article).</summary>
    int CountEvents();

    /// <summary>Events after merging: mentions of the same occurrence count once.</summary>
    int CountMergedEvents();
}

/// <summary>An article ready to store: its text's keys for deduplication and, for originals, the pipeline's output.</summary>
/// <param name="Article">The article as read.</param>
/// <param name="Normalized">The Arabic-normalized folded text (title first), indexed for search.</param>
/// <param name="ContentHash">SHA-256 of the normalized text: equal hashes are exact duplicates.</param>
/// <param name="SimHash">64-bit SimHash over word shingles: near duplicates differ in few bits.</param>
/// <param name="DuplicateOf">Set when the article repeats a stored one; then no events are stored for it.</param>
/// <param name="Document">The pipeline's document (folded text every span points into); null for duplicates.</param>
/// <param name="Events">The events extracted from the article; empty for duplicates.</param>
public sealed record PreparedArticle(
    Article Article,
    string Normalized,
    string ContentHash,
    ulong SimHash,
    DuplicateLink? DuplicateOf,
    Document? Document,
    IReadOnlyList<EventRecord> Events);

/// <summary>A link from a republished article to the original it repeats, with why.</summary>
/// <param name="ArticleId">The original's id.</param>
/// <param name="Reason">"exact" (same normalized text) or "near: N of 64 SimHash bits differ".</param>
public sealed record DuplicateLink(string ArticleId, string Reason);

/// <summary>What <see cref="IEventStore.SaveBatch"/> wrote.</summary>
public sealed record BatchResult(int ArticlesStored, int DuplicatesStored, int EventsStored, int EventsMerged);

/// <summary>The answer of <see cref="IEventStore.Lookup"/>.</summary>
public sealed record StoredLookup(IReadOnlySet<string> KnownIds, IReadOnlyDictionary<string, string> OriginalByHash);

/// <summary>An article as stored: the folded text every event span points into.</summary>
public sealed record StoredArticle(
    string Id,
    string Text,
    string? Title,
    DateOnly? Published,
    string Lang,
    string? Source,
    string? Url,
    DuplicateLink? DuplicateOf);

/// <summary>A merged event as a map point.</summary>
public sealed record EventPoint(long Id, double Lat, double Lon, string Type, string Subtype, DateOnly? Date, string Certainty);

/// <summary>One search result.</summary>
public sealed record ArticleHit(string Id, string? Title, DateOnly? Published, string? Source);

/// <summary>A value and how many merged events (and mentions) carry it; see <see cref="IEventStore.CountBy"/> for which mentions count.</summary>
/// <param name="Key">The group's value: a type, actor, "place (country)", country code, or a week's Monday (yyyy-MM-dd).</param>
/// <param name="Events">Merged events in the group, each counted once.</param>
/// <param name="Mentions">The articles' mentions behind them.</param>
public sealed record GroupCount(string Key, long Events, long Mentions);

/// <summary>What <see cref="IEventStore.CountBy"/> groups on.</summary>
public enum Grouping
{
    /// <summary>The event's type (every mention of a merged event has the same).</summary>
    Type,

    /// <summary>actor1 as each mention names it: a merged event counts once under every actor its mentions name.</summary>
    Actor,

    /// <summary>The representative's place name with its country, "name (CC)" (with an actor filter, each mention's); events without a place are left out.</summary>
    Place,

    /// <summary>The representative's country code (with an actor filter, each mention's); events without one are left out.</summary>
    Country,

    /// <summary>The Monday of the week the representative's date starts in (with an actor filter, each mention's); undated events are left out.</summary>
    Week,
}

/// <summary>One occurrence told by one or more articles: the representative mention plus every source.</summary>
/// <param name="Id">The merged event's id (the id of its representative mention).</param>
/// <param name="Representative">The first mention stored; its fields describe the event, completed with actors other mentions name.</param>
/// <param name="Sources">Every mention, representative first.</param>
public sealed record MergedEvent(long Id, StoredEvent Representative, IReadOnlyList<EventSource> Sources);

/// <summary>One article's mention of a merged event.</summary>
public sealed record EventSource(
    long EventId,
    string ArticleId,
    string? Source,
    string? Url,
    string? Title,
    DateOnly? Published,
    string EvidenceText,
    string? MergeReason);
