using System.Diagnostics;
using Marsad.Events;
using Marsad.Storage;
using Marsad.Text;

namespace Marsad.Ingest;

/// <summary>Running totals of an ingest, reported after every batch.</summary>
/// <param name="Read">Articles read from the input.</param>
/// <param name="AlreadyStored">Articles whose id was stored by an earlier run (skipped: resuming costs reading only).</param>
/// <param name="Stored">Original articles stored with their events.</param>
/// <param name="ExactDuplicates">Articles repeating a stored text exactly, stored as links.</param>
/// <param name="NearDuplicates">Articles repeating a stored text with small edits, stored as links.</param>
/// <param name="Events">Event mentions stored.</param>
/// <param name="Merged">Of those, mentions that joined an event another article told.</param>
/// <param name="Failed">Articles the pipeline failed on (not stored, so a later run retries them).</param>
public sealed record IngestStats(
    long Read, long AlreadyStored, long Stored, long ExactDuplicates, long NearDuplicates,
    long Events, long Merged, long Failed, TimeSpan Elapsed)
{
    public double ArticlesPerSecond => Read / Math.Max(Elapsed.TotalSeconds, 1e-9);
}

/// <summary>
/// Streams articles through the pipeline into a store in batches, one transaction per batch, so that
/// a run killed at any point and started again loses nothing and stores nothing twice: a batch is
/// either committed whole or not at all, and articles whose id is stored are skipped before the
/// pipeline runs. Exact and near duplicates are linked to their original instead of being extracted.
/// </summary>
public sealed class Ingestor
{
    private readonly IEventStore _store;
    private readonly Func<Article, (Document Document, IReadOnlyList<EventRecord> Events)> _process;
    private readonly int _batchSize;

    public Ingestor(IEventStore store, Func<Article, (Document Document, IReadOnlyList<EventRecord> Events)> process, int batchSize = 200)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _store = store;
        _process = process;
        _batchSize = batchSize;
    }

    /// <summary>Ingests every article; <paramref name="progress"/> sees the totals after each batch, <paramref name="error"/> each failed article.</summary>
    public IngestStats Run(IEnumerable<Article> articles, Action<IngestStats>? progress = null, Action<Article, Exception>? error = null)
        => Run(articles, progress, error, null);

    /// <summary>
    /// As <see cref="Run(IEnumerable{Article}, Action{IngestStats}?, Action{Article, Exception}?)"/>; <paramref name="notice"/>
    /// hears of articles whose id is stored with another text (the stored one is kept, never overwritten).
    /// </summary>
    public IngestStats Run(IEnumerable<Article> articles, Action<IngestStats>? progress, Action<Article, Exception>? error, Action<Article, string>? notice)
    {
        var clock = Stopwatch.StartNew();
        var totals = new Totals();
        var batch = new List<Article>(_batchSize);
        foreach (var article in articles)
        {
            totals.Read++;
            batch.Add(article);
            if (batch.Count < _batchSize)
                continue;
            Flush(batch, totals, error, notice);
            batch.Clear();
            progress?.Invoke(totals.ToStats(clock.Elapsed));
        }
        if (batch.Count > 0)
        {
            Flush(batch, totals, error, notice);
            progress?.Invoke(totals.ToStats(clock.Elapsed));
        }
        return totals.ToStats(clock.Elapsed);
    }

    /// <summary>
    /// Works the store's queue (see <see cref="IEventStore.ProcessQueue"/>) until it is empty (and then
    /// waits for more, unless <paramref name="exitWhenEmpty"/>), one claimed batch per transaction.
    /// </summary>
    public IngestStats RunWorker(string worker, bool exitWhenEmpty, CancellationToken cancel, Action<IngestStats>? progress = null, Action<Article, Exception>? error = null)
    {
        var clock = Stopwatch.StartNew();
        var totals = new Totals();
        while (!cancel.IsCancellationRequested)
        {
            var before = totals.Copy();
            int claimed;
            BatchResult result;
            try
            {
                claimed = _store.ProcessQueue(worker, _batchSize, batch => Prepare(batch, totals, error), out result);
            }
            catch (Exception ex) when (EventStores.IsTransient(ex))
            {
                // The server rolled the batch back and released its claim: count nothing and claim again.
                totals.Restore(before);
                continue;
            }
            if (claimed == 0)
            {
                if (exitWhenEmpty)
                    break;
                cancel.WaitHandle.WaitOne(TimeSpan.FromSeconds(1));
                continue;
            }
            totals.Read += claimed;
            Account(result, totals);
            progress?.Invoke(totals.ToStats(clock.Elapsed));
        }
        return totals.ToStats(clock.Elapsed);
    }

    private void Flush(List<Article> batch, Totals totals, Action<Article, Exception>? error, Action<Article, string>? notice)
    {
        var items = Prepare(batch, totals, error, notice);
        Account(_store.SaveBatch(items), totals);
    }

    // Dedup keys, duplicate links and extraction for one batch; counts what was skipped, linked or failed.
    private List<PreparedArticle> Prepare(IReadOnlyList<Article> batch, Totals totals, Action<Article, Exception>? error, Action<Article, string>? notice = null)
    {
        var keys = batch.Select(a => TextFingerprint.Compute(a)).ToList();
        var lookup = _store.Lookup(batch.Select(a => a.Id).ToList(), keys.Select(k => k.ContentHash).ToList());

        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        var originalByHash = new Dictionary<string, string>(StringComparer.Ordinal);
        var batchSims = new List<(string Id, ulong Sim)>();
        var items = new List<PreparedArticle>(batch.Count);
        for (int i = 0; i < batch.Count; i++)
        {
            var article = batch[i];
            var (normalized, hash, sim) = keys[i];
            if (lookup.KnownIds.Contains(article.Id) || !seenIds.Add(article.Id))
            {
                totals.AlreadyStored++;
                // Resuming a run re-reads the same texts silently; a different text under a stored id is worth a word.
                if (lookup.KnownIds.Contains(article.Id) && !lookup.OriginalByHash.ContainsKey(hash))
                    notice?.Invoke(article, "id already stored with a different text; the stored article is kept unchanged");
                continue;
            }

            DuplicateLink? duplicate = null;
            if (lookup.OriginalByHash.TryGetValue(hash, out var original) || originalByHash.TryGetValue(hash, out original))
                duplicate = new DuplicateLink(original, "exact");
            else if (sim is { } s)
                duplicate = NearInBatch(batchSims, s) ?? _store.FindNearDuplicate(s, TextFingerprint.NearDuplicateBits);

            if (duplicate is not null)
            {
                items.Add(new PreparedArticle(article, normalized, hash, sim ?? 0, duplicate, null, []));
                if (duplicate.Reason == "exact")
                    totals.Exact++;
                else
                    totals.Near++;
                continue;
            }

            Document doc;
            IReadOnlyList<EventRecord> events;
            try
            {
                (doc, events) = _process(article);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // One article that trips the extractor must not cost the rest of the batch.
                totals.Failed++;
                error?.Invoke(article, ex);
                continue;
            }
            items.Add(new PreparedArticle(article, normalized, hash, sim ?? 0, null, doc, events));
            originalByHash.TryAdd(hash, article.Id);
            if (sim is { } own)
                batchSims.Add((article.Id, own));
        }
        totals.Pending = items.Count;
        return items;
    }

    private static void Account(BatchResult result, Totals totals)
    {
        totals.Stored += result.ArticlesStored;
        totals.Events += result.EventsStored;
        totals.Merged += result.EventsMerged;
        // Items the store already had (another worker was first) count as already stored; the
        // duplicate counts may then be a little high, which only the progress line shows.
        totals.AlreadyStored += totals.Pending - (result.ArticlesStored + result.DuplicatesStored);
        totals.Pending = 0;
    }

    private static DuplicateLink? NearInBatch(List<(string Id, ulong Sim)> sims, ulong sim)
    {
        (string Id, int D)? best = null;
        foreach (var (id, other) in sims)
        {
            int d = TextFingerprint.Distance(sim, other);
            if (d <= TextFingerprint.NearDuplicateBits && (best is null || d < best.Value.D))
                best = (id, d);
        }
        return best is { } b ? new DuplicateLink(b.Id, SqlEventStore.NearReason(b.D)) : null;
    }

    private sealed class Totals
    {
        public long Read, AlreadyStored, Stored, Exact, Near, Events, Merged, Failed, Pending;

        public Totals Copy() => (Totals)MemberwiseClone();

        public void Restore(Totals t) =>
            (Read, AlreadyStored, Stored, Exact, Near, Events, Merged, Failed, Pending) =
            (t.Read, t.AlreadyStored, t.Stored, t.Exact, t.Near, t.Events, t.Merged, t.Failed, t.Pending);

        public IngestStats ToStats(TimeSpan elapsed) => new(Read, AlreadyStored, Stored, Exact, Near, Events, Merged, Failed, elapsed);
    }
}
