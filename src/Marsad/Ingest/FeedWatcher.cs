using System.Text.RegularExpressions;
using Marsad.Text;

namespace Marsad.Ingest;

/// <summary>How the watcher paces and retries its requests.</summary>
/// <param name="HostDelay">Least time between two requests to one host.</param>
/// <param name="Attempts">Tries of one URL when the server fails (5xx), is busy (429) or does not answer.</param>
/// <param name="Backoff">Wait before the second try; doubled before each further one.</param>
/// <param name="MinFeedTextChars">An item whose feed content has this much text is not fetched from its page.</param>
public sealed record WatchOptions(TimeSpan HostDelay, int Attempts = 3, TimeSpan? Backoff = null, int MinFeedTextChars = 400)
{
    /// <summary>The first backoff in force (2 seconds unless set).</summary>
    public TimeSpan FirstBackoff => Backoff ?? TimeSpan.FromSeconds(2);
}

/// <summary>What one pass over the feeds did.</summary>
public sealed record WatchStats(int Feeds, int FeedsFailed, int NotModified, int NewItems, int Stored, int ItemsFailed);

/// <summary>
/// Polls feeds and ingests their new items: conditional requests, per-host politeness, retries with
/// exponential backoff, and a state file saved after each feed so a restart never ingests an item twice.
/// </summary>
public sealed partial class FeedWatcher(SafeFetcher fetcher, Ingestor ingestor, string statePath, WatchOptions options, Action<string> report)
{
    private readonly Dictionary<string, DateTime> _lastRequest = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Processes every feed once; a failing feed is reported and the others still run.</summary>
    public async Task<WatchStats> RunOnceAsync(IReadOnlyList<Uri> feeds, CancellationToken cancel = default)
    {
        var state = FeedState.Load(statePath);
        int failed = 0, notModified = 0, newItems = 0, stored = 0, itemsFailed = 0;
        foreach (var feed in feeds)
        {
            cancel.ThrowIfCancellationRequested();
            var memory = state.For(feed);
            var result = await FetchAsync(feed, memory.ETag, memory.LastModified, cancel).ConfigureAwait(false);
            if (result.NotModified)
            {
                notModified++;
                continue;
            }
            if (result.Body is null)
            {
                failed++;
                report($"{feed}: feed not fetched: {result.Error}");
                continue;
            }
            Feed parsed;
            try
            {
                parsed = FeedReader.Parse(result.Body, feed.ToString(), TextDecoder.CharsetOf(result.ContentType));
            }
            catch (FeedFormatException ex)
            {
                failed++;
                report(ex.Message);
                continue;
            }
            foreach (var m in parsed.Messages)
                report(m);

            var fresh = parsed.Items.Where(i => !memory.Seen.Contains(i.Id)).ToList();
            newItems += fresh.Count;
            var articles = new List<Article>();
            bool retryLater = false;
            foreach (var item in fresh)
            {
                var (article, final) = await ArticleOf(feed, item, cancel).ConfigureAwait(false);
                if (article is not null)
                    articles.Add(article);
                else
                    itemsFailed++;
                // A transient failure (server down) leaves the item unseen so the next pass tries again.
                if (final)
                    memory.Seen.Add(item.Id);
                else
                    retryLater = true;
            }
            if (articles.Count > 0)
            {
                var stats = ingestor.Run(articles, null,
                    (a, ex) => report($"{feed}: article '{a.Id}': extraction failed: {ex.GetType().Name}: {ex.Message}"),
                    (a, message) => report($"{feed}: article '{a.Id}': {message}"));
                stored += (int)stats.Stored + (int)stats.ExactDuplicates + (int)stats.NearDuplicates;
            }
            // Ids the feed no longer lists are forgotten so the state stays the size of the feed; should one come
            // back, the store still knows its article and keeps it once.
            memory.Seen.IntersectWith(parsed.Items.Select(i => i.Id));
            // Validators and seen ids are saved only after the items are stored: a crash before the save refetches
            // the feed, it does not lose items. With items left to retry, the feed must not answer 304 next time.
            memory.ETag = retryLater ? null : result.ETag;
            memory.LastModified = retryLater ? null : result.LastModified;
            state.Save(statePath);
        }
        return new WatchStats(feeds.Count, failed, notModified, newItems, stored, itemsFailed);
    }

    /// <summary>The article of one item, and whether the outcome is final (false: try again next pass).</summary>
    private async Task<(Article? Article, bool Final)> ArticleOf(Uri feed, FeedItem item, CancellationToken cancel)
    {
        string name = item.Link ?? $"{feed} item {item.Id}";
        void Report(IngestDiagnostic d) => report(d.ToString());
        string? feedText = item.Content ?? item.Summary;
        if (feedText is not null && PlainLength(feedText) >= options.MinFeedTextChars || item.Link is null)
        {
            if (feedText is null)
            {
                report($"{name}: the item has neither a link nor any text; skipped");
                return (null, true);
            }
            var fromFeed = HtmlArticleReader.ReadText(feedText, name, Report, item.Link, item.Title, item.Published);
            if (fromFeed is not null && item.Link is null)
                fromFeed = fromFeed with { Id = "feed-" + ArticleReader.ShortHash(feed + "\n" + item.Id), Source = feed.Host };
            return (fromFeed, true);
        }
        if (!Uri.TryCreate(feed, item.Link, out var page))
        {
            report($"{name}: the item's link is not a URL; skipped");
            return (null, true);
        }
        var result = await FetchAsync(page, null, null, cancel).ConfigureAwait(false);
        if (result.Body is null)
        {
            report($"{page}: page not fetched: {result.Error}");
            return (null, !Transient(result));
        }
        var article = HtmlArticleReader.Read(result.Body, page.ToString(), Report,
            TextDecoder.CharsetOf(result.ContentType), result.Url.ToString(), item.Title, item.Published);
        return (article, true);
    }

    private static int PlainLength(string html) => Tags().Replace(html, " ").Trim().Length;

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    /// <summary>Fetches with per-host politeness and retries with exponential backoff for server errors and silence.</summary>
    private async Task<FetchResult> FetchAsync(Uri url, string? etag, string? lastModified, CancellationToken cancel)
    {
        var wait = options.FirstBackoff;
        for (int attempt = 1; ; attempt++)
        {
            await Polite(url.Host, cancel).ConfigureAwait(false);
            var result = await fetcher.FetchAsync(url, etag, lastModified, cancel).ConfigureAwait(false);
            // The delay runs from the end of the last exchange: a slow answer must not let the next request follow
            // at once (under load a request can reach the server long after it was sent).
            _lastRequest[url.Host] = DateTime.UtcNow;
            if (!Transient(result) || attempt >= options.Attempts)
            {
                if (Transient(result) && options.Attempts > 1)
                    result = result with { Error = $"{result.Error} ({attempt} attempts)" };
                return result;
            }
            await Task.Delay(wait, cancel).ConfigureAwait(false);
            wait *= 2;
        }
    }

    // Status 0 without a refused address is a network failure or a timeout, 429 asks to come back later;
    // refusals and other 4xx answers will not change on retry.
    private static bool Transient(FetchResult r) =>
        r.Status >= 500 || r.Status == 429 || r.Status == 0 && r.Error is { } e && (e.StartsWith("cannot fetch:", StringComparison.Ordinal) || e.StartsWith("no complete answer", StringComparison.Ordinal));

    private async Task Polite(string host, CancellationToken cancel)
    {
        if (_lastRequest.TryGetValue(host, out var last))
        {
            var due = last + options.HostDelay - DateTime.UtcNow;
            if (due > TimeSpan.Zero)
                await Task.Delay(due, cancel).ConfigureAwait(false);
        }
        _lastRequest[host] = DateTime.UtcNow;
    }
}
