using Marsad.Ingest;
using Marsad.Pipeline;
using Marsad.Storage;
using Marsad.Text;

namespace Marsad.Web.Api;

/// <summary>
/// Turns articles posted to the API into stored events, through the same <see cref="Ingestor"/> as
/// <c>marsad ingest</c> (duplicates linked, events merged, one transaction). The pipeline is loaded on
/// the first write, not at start-up, so a read-only server starts fast.
/// </summary>
public sealed class ArticleIntake(ServerOptions options)
{
    /// <summary>The longest article text accepted, in characters (the body limit applies first).</summary>
    public const int MaxTextLength = 1_000_000;

    private readonly Lazy<MarsadPipeline> _pipeline = new(() => MarsadPipeline.CreateDefault(options.LexiconDir, options.GazetteerDir));

    // One article at a time: the pipeline's stages are not written for concurrent use, and SQLite takes one writer anyway.
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Checks a posted article and makes it an <see cref="Article"/>; a bad field is a 400 that names it.</summary>
    public static Article ToArticle(ArticleInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Text))
            throw new ApiException(400, "text is required");
        if (input.Text.Length > MaxTextLength)
            throw new ApiException(413, $"text: at most {MaxTextLength:N0} characters");
        var text = TextChecks.Sanitize(input.Text, out _);
        DateOnly? published = null;
        if (!string.IsNullOrWhiteSpace(input.Published))
        {
            // Read as every reader reads it: the day the outlet wrote, a time after it allowed and no zone conversion.
            var p = input.Published.Trim();
            if (!PublishedDate.TryParse(p, out var day))
                throw new ApiException(400, $"published: '{ApiQuery.Clip(p)}' is not a date; write YYYY-MM-DD or an ISO 8601 timestamp");
            published = day;
        }
        var lang = string.IsNullOrWhiteSpace(input.Lang) ? "ar" : input.Lang.Trim().ToLowerInvariant();
        if (lang.Length is < 2 or > 8 || !lang.All(c => char.IsAsciiLetterLower(c) || c == '-'))
            throw new ApiException(400, $"lang: '{ApiQuery.Clip(lang)}' is not a language code");
        if (input.Url is { Length: > 0 } url && !(Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
            throw new ApiException(400, $"url: '{ApiQuery.Clip(url)}' is not an http(s) URL");
        var id = string.IsNullOrWhiteSpace(input.Id) ? "api-" + ArticleReader.ShortHash(text) : input.Id.Trim();
        if (id.Length > 200 || id.Any(char.IsControl))
            throw new ApiException(400, "id: at most 200 characters, no control characters");
        return new Article(id, text, Field(input.Title, "title", 1000), published, lang, Field(input.Source, "source", 200), Field(input.Url, "url", 2000));
    }

    /// <summary>Extracts and stores one article; the answer says whether it was new, a duplicate, or already stored.</summary>
    public async Task<IngestResultDto> IngestAsync(Article article, StorePool stores, CancellationToken cancel)
    {
        await _gate.WaitAsync(cancel);
        try
        {
            using var lease = stores.Rent();
            var store = lease.Store;
            var failures = new List<string>();
            var notices = new List<string>();
            var stats = new Ingestor(store, _pipeline.Value.Process, batchSize: 1)
                .Run([article], null, (_, e) => failures.Add(e.Message), (_, message) => notices.Add(message));
            if (failures.Count > 0)
                throw new ApiException(422, "extraction failed: " + failures[0]);
            if (stats.AlreadyStored > 0)
                return new IngestResultDto(article.Id, "already_stored", null, 0, notices.Count > 0 ? notices[0] : "an article with this id is stored; it was left as it is");
            var duplicate = store.DuplicateOf(article.Id);
            if (duplicate is not null)
                return new IngestResultDto(article.Id, "duplicate", duplicate.ArticleId, 0, $"repeats {duplicate.ArticleId} ({duplicate.Reason}); linked, no events stored");
            return new IngestResultDto(article.Id, "stored", null, (int)stats.Events, $"{stats.Events} events stored, {stats.Merged} merged into events other articles told");
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Fetches an article page (never a private address unless allowed by name) and reads it as <c>ingest URL</c> does.</summary>
    public async Task<Article> FetchAsync(string url, CancellationToken cancel)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new ApiException(400, $"url: '{ApiQuery.Clip(url)}' is not an http(s) URL");
        var fetchOptions = new FetchOptions(MaxBytes: 20L << 20, Timeout: TimeSpan.FromSeconds(30),
            AllowPrivateHosts: options.AllowHosts.Count > 0 ? new HashSet<string>(options.AllowHosts, StringComparer.OrdinalIgnoreCase) : null);
        using var fetcher = new SafeFetcher(fetchOptions);
        var result = await fetcher.FetchAsync(uri, cancel: cancel);
        var problems = new List<string>();
        var article = FetchedPage.ToArticle(result, d => problems.Add(d.Message));
        if (result.Body is null)
            throw new ApiException(502, $"{uri}: not fetched: {result.Error}");
        return article ?? throw new ApiException(422, $"{uri}: no article text could be read" + (problems.Count > 0 ? ": " + problems[0] : ""));
    }

    private static string? Field(string? value, string name, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (value.Length > max)
            throw new ApiException(400, $"{name}: at most {max} characters");
        return TextChecks.Sanitize(value.Trim(), out _);
    }

}
