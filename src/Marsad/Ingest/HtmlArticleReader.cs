using System.Globalization;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Marsad.Text;

namespace Marsad.Ingest;

/// <summary>
/// Turns a web page (saved file or fetched body) into an article: the main text (SmartReader's port
/// of Readability, falling back to the page body without navigation), the title, the publication date
/// (meta tags, JSON-LD, <c>&lt;time&gt;</c>) and the language (<c>&lt;html lang&gt;</c>, else the script of the text).
/// Scripts, styles and other non-text elements never reach the text.
/// </summary>
public static class HtmlArticleReader
{
    // Readability gives up below this many characters; short news items are common, so the body fallback takes them.
    private const int MinReadabilityChars = 200;

    private static readonly string[] NonText = ["script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "head > link"];

    private static readonly string[] Boilerplate = ["nav", "header", "footer", "aside", "form", "menu", "button", "select", "[role=navigation]", "[aria-hidden=true]", "[hidden]"];

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "main",
        "blockquote", "pre", "tr", "table", "figcaption", "figure", "dd", "dt", "dl", "hr", "address", "td", "th",
    };

    /// <summary>Reads one page; every problem is reported, and null is returned when no article can be trusted.</summary>
    /// <param name="bytes">The raw page.</param>
    /// <param name="name">File name or URL used in messages and, without a canonical URL, never in the id.</param>
    /// <param name="report">Receives diagnostics.</param>
    /// <param name="charset">The charset a server declared, if any.</param>
    /// <param name="url">Where the page came from, if fetched.</param>
    /// <param name="feedTitle">A title from the feed item, used when the page has none.</param>
    /// <param name="feedPublished">A date from the feed item, used when the page has none.</param>
    public static Article? Read(
        ReadOnlySpan<byte> bytes, string name, Action<IngestDiagnostic> report,
        string? charset = null, string? url = null, string? feedTitle = null, DateOnly? feedPublished = null)
    {
        var decoded = TextDecoder.Decode(bytes, charset, html: true);
        foreach (var w in decoded.Warnings)
            report(new IngestDiagnostic(name, 0, w, DiagnosticKind.Warning));
        if (!decoded.Ok)
        {
            report(new IngestDiagnostic(name, 0, decoded.Error + "; file skipped", DiagnosticKind.FileProblem));
            return null;
        }
        return ReadText(decoded.Text!, name, report, url, feedTitle, feedPublished);
    }

    /// <summary>Reads a page already decoded to text.</summary>
    public static Article? ReadText(
        string html, string name, Action<IngestDiagnostic> report,
        string? url = null, string? feedTitle = null, DateOnly? feedPublished = null)
    {
        if (html.Contains('\0'))
        {
            report(new IngestDiagnostic(name, 0, "holds NUL characters: a binary file, not a web page; file skipped", DiagnosticKind.FileProblem));
            return null;
        }
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var doc = parser.ParseDocument(html);
        int depth = MaxDepth(doc);
        if (depth > MaxNesting)
        {
            // Readability and serialisation recurse over the tree; a hostile page must not overflow the stack.
            report(new IngestDiagnostic(name, 0, $"markup nested {depth} levels deep (the limit is {MaxNesting}): broken or hostile page; file skipped", DiagnosticKind.FileProblem));
            return null;
        }

        string? title = Clean(Meta(doc, "og:title")) ?? Clean(doc.Title) ?? Clean(doc.QuerySelector("h1")?.TextContent) ?? feedTitle;
        string? canonical = Clean(doc.QuerySelector("link[rel=canonical]")?.GetAttribute("href")) ?? Clean(Meta(doc, "og:url")) ?? url;
        var published = PublicationDate(doc, name, report) ?? feedPublished;
        string? declaredLang = LanguageTag(doc.DocumentElement.GetAttribute("lang") ?? doc.DocumentElement.GetAttribute("xml:lang"));

        foreach (var el in doc.QuerySelectorAll(string.Join(", ", NonText)).ToList())
            el.Remove();

        string text = MainText(doc, canonical);
        text = TextChecks.Sanitize(text, out var note);
        if (note is not null)
            report(new IngestDiagnostic(name, 0, note, DiagnosticKind.Warning));
        text = FoldBlankLines(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            report(new IngestDiagnostic(name, 0, "no text left after removing markup, scripts and styles; file skipped", DiagnosticKind.FileProblem));
            return null;
        }
        if (TextChecks.NotProse(text) is { } why)
        {
            report(new IngestDiagnostic(name, 0, $"the page text {why}; file skipped", DiagnosticKind.FileProblem));
            return null;
        }
        if (TextChecks.MojibakeSample(text) is { } sample)
        {
            report(new IngestDiagnostic(name, 0, $"the page text is mojibake (\"{sample}\"): it was saved in the wrong encoding; file skipped", DiagnosticKind.FileProblem));
            return null;
        }
        string lang = declaredLang ?? ScriptLanguage(text);
        string id = "html-" + ArticleReader.ShortHash(canonical ?? text);
        return new Article(id, text, title is null ? null : TextChecks.Sanitize(title, out _), published, lang, Source: HostOf(canonical), Url: canonical);
    }

    private const int MaxNesting = 400;

    /// <summary>The depth of the element tree, measured without recursion.</summary>
    private static int MaxDepth(IHtmlDocument doc)
    {
        int max = 0;
        var stack = new Stack<(INode Node, int Depth)>();
        stack.Push((doc.DocumentElement, 1));
        while (stack.Count > 0)
        {
            var (node, d) = stack.Pop();
            max = Math.Max(max, d);
            if (max > MaxNesting)
                return max;
            foreach (var child in node.ChildNodes)
                if (child is IElement)
                    stack.Push((child, d + 1));
        }
        return max;
    }

    private static string MainText(IHtmlDocument doc, string? url)
    {
        string fallback = BodyText(doc);
        try
        {
            // Readability rewrites the tree it reads, so it gets its own copy of the cleaned page.
            using var copy = new HtmlParser().ParseDocument(doc.DocumentElement.OuterHtml);
            using var reader = new SmartReader.Reader(url ?? "https://localhost/", copy) { CharThreshold = MinReadabilityChars };
            var article = reader.GetArticle();
            if (article.IsReadable && article.TextContent is { } t && t.Trim().Length >= MinReadabilityChars
                && t.Trim().Length * 3 >= fallback.Length)
                return t;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Readability is a heuristic over arbitrary markup; when it trips, the plain body is still good text.
        }
        return fallback;
    }

    /// <summary>The visible text of the body without navigation, headers, footers and forms, one line per block.</summary>
    private static string BodyText(IHtmlDocument doc)
    {
        var root = (IElement?)doc.QuerySelector("article") ?? doc.QuerySelector("main") ?? doc.Body ?? doc.DocumentElement;
        foreach (var el in root.QuerySelectorAll(string.Join(", ", Boilerplate)).ToList())
            el.Remove();
        var sb = new StringBuilder();
        Walk(root, sb, 0);
        return sb.ToString();
    }

    private static void Walk(INode node, StringBuilder sb, int depth)
    {
        // Pathologically nested markup must not overflow the stack; anything that deep is not prose.
        if (depth > MaxNesting + 8)
            return;
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t)
            {
                sb.Append(t.Data);
                continue;
            }
            if (child is not IElement e)
                continue;
            bool block = BlockTags.Contains(e.LocalName);
            if (block)
                sb.Append('\n');
            Walk(e, sb, depth + 1);
            if (block)
                sb.Append('\n');
        }
    }

    private static string FoldBlankLines(string text)
    {
        var lines = text.Split('\n')
            .Select(l => string.Join(' ', l.Split((char[])[' ', '\t', '\r', '\u00A0'], StringSplitOptions.RemoveEmptyEntries)))
            .Where(l => l.Length > 0);
        return string.Join('\n', lines);
    }

    private static string? Meta(IHtmlDocument doc, string key)
    {
        foreach (var m in doc.QuerySelectorAll("meta"))
        {
            string? k = m.GetAttribute("property") ?? m.GetAttribute("name") ?? m.GetAttribute("itemprop");
            if (k is not null && k.Equals(key, StringComparison.OrdinalIgnoreCase))
                return m.GetAttribute("content");
        }
        return null;
    }

    private static DateOnly? PublicationDate(IHtmlDocument doc, string name, Action<IngestDiagnostic> report)
    {
        var candidates = new List<(string Where, string Value)>();
        foreach (var key in (string[])["article:published_time", "datePublished", "pubdate", "publishdate", "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.date"])
            if (Clean(Meta(doc, key)) is { } v)
                candidates.Add(($"meta {key}", v));
        foreach (var script in doc.QuerySelectorAll("script[type='application/ld+json']"))
            if (JsonLdDate(script.TextContent, name, report) is { } v)
                candidates.Add(("JSON-LD datePublished", v));
        foreach (var time in doc.QuerySelectorAll("time[datetime]"))
            if (Clean(time.GetAttribute("datetime")) is { } v)
                candidates.Add(("<time datetime>", v));

        foreach (var (where, value) in candidates)
        {
            if (TryParseDate(value, out var d))
                return d;
            report(new IngestDiagnostic(name, 0, $"cannot read the publication date \"{TextDecoder.Clip(value, 40)}\" in {where}; ignored", DiagnosticKind.Warning));
        }
        return null;
    }

    /// <summary>ISO dates (the date as written, zone ignored) and RFC 1123 dates as feeds write them; years outside 1900 to next year are refused.</summary>
    public static bool TryParseDate(string value, out DateOnly date)
    {
        if (!PublishedDate.TryParse(value, out date))
        {
            if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dto))
                return false;
            date = DateOnly.FromDateTime(dto.DateTime);
        }
        return date.Year >= 1900 && date.Year <= DateTime.UtcNow.Year + 1;
    }

    private static string? JsonLdDate(string json, string name, Action<IngestDiagnostic> report)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return FindDate(doc.RootElement, 0);
        }
        catch (JsonException ex)
        {
            report(new IngestDiagnostic(name, 0, $"unreadable JSON-LD block ignored ({JsonArrayStreamer.FirstSentence(ex.Message)})", DiagnosticKind.Warning));
            return null;
        }
    }

    private static string? FindDate(JsonElement el, int depth)
    {
        if (depth > 16)
            return null;
        if (el.ValueKind == JsonValueKind.Object)
        {
            if (el.TryGetProperty("datePublished", out var d) && d.ValueKind == JsonValueKind.String)
                return d.GetString();
            foreach (var p in el.EnumerateObject())
                if (p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array && FindDate(p.Value, depth + 1) is { } v)
                    return v;
        }
        else if (el.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in el.EnumerateArray())
                if (FindDate(item, depth + 1) is { } v)
                    return v;
        }
        return null;
    }

    /// <summary>The primary subtag of a BCP 47 tag (<c>ar-EG</c> → <c>ar</c>), or null when it is not one.</summary>
    public static string? LanguageTag(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
            return null;
        string primary = tag.Trim().Split('-', '_')[0].ToLowerInvariant();
        return primary.Length is 2 or 3 && primary.All(char.IsAsciiLetterLower) ? primary : null;
    }

    /// <summary>The language the letters suggest: Arabic script → <c>ar</c>, Latin → <c>en</c>, otherwise <c>und</c>.</summary>
    public static string ScriptLanguage(string text)
    {
        int arabic = 0, latin = 0;
        foreach (char c in text.Length > 20000 ? text[..20000] : text)
        {
            if (c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFEFC')
                arabic++;
            else if (char.IsAsciiLetter(c) || c is >= '\u00C0' and <= '\u024F')
                latin++;
        }
        if (arabic == 0 && latin == 0)
            return "und";
        return arabic >= latin ? "ar" : "en";
    }

    private static string? HostOf(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? u.Host : null;

    private static string? Clean(string? s)
    {
        if (string.IsNullOrWhiteSpace(s))
            return null;
        s = string.Join(' ', s.Split((char[])[' ', '\t', '\r', '\n', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));
        return s.Length == 0 ? null : s;
    }
}
