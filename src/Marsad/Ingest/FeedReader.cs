using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Marsad.Ingest;

/// <summary>One item of an RSS or Atom feed.</summary>
/// <param name="Id">The guid (RSS) or id (Atom); the link when the feed gives neither.</param>
/// <param name="Link">The item's page, if any.</param>
/// <param name="Title">The item's title, if any.</param>
/// <param name="Published">The publication date, or null when absent or unreadable.</param>
/// <param name="Summary">The description (RSS) or summary (Atom), as the feed gives it (may be HTML).</param>
/// <param name="Content">The full content (content:encoded or Atom content), as the feed gives it (may be HTML).</param>
public sealed record FeedItem(string Id, string? Link, string? Title, DateOnly? Published, string? Summary, string? Content);

/// <summary>A parsed feed: its title, its items in document order, and what was odd about it.</summary>
public sealed record Feed(string? Title, IReadOnlyList<FeedItem> Items, IReadOnlyList<string> Messages);

/// <summary>A feed that cannot be read at all (malformed XML, not RSS or Atom).</summary>
public sealed class FeedFormatException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Reads RSS 2.0 (and 0.9x/RDF item lists) and Atom 1.0 feeds into <see cref="FeedItem"/>s.</summary>
public static class FeedReader
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace ContentNs = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    /// <summary>Parses a feed's bytes; the XML declaration's encoding is honoured (Windows-1256 included).</summary>
    /// <param name="bytes">The feed document.</param>
    /// <param name="name">The feed's URL or file name, used in every message.</param>
    /// <param name="charset">The charset the server declared; used only when the document itself declares none.</param>
    public static Feed Parse(byte[] bytes, string name, string? charset = null)
    {
        TextDecoder.EnsureCodePages();
        if (charset is not null && !DeclaresEncoding(bytes) && TextDecoder.Lookup(charset) is { } declared && declared.CodePage != Encoding.UTF8.CodePage)
        {
            // XML without a BOM or an encoding declaration would be read as UTF-8; the server's word is better.
            return Parse(Encoding.UTF8.GetBytes(declared.GetString(bytes)), name);
        }
        var settings = new XmlReaderSettings
        {
            // Old feeds carry a DOCTYPE; ignoring it (never resolving anything) keeps entity expansion attacks out.
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            MaxCharactersFromEntities = 1 << 20,
        };
        XDocument doc;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
            doc = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new FeedFormatException($"{name}: not a readable feed: malformed XML at line {ex.LineNumber}, position {ex.LinePosition}: {ex.Message}", ex);
        }
        catch (ArgumentException ex)
        {
            // An unknown encoding name in the XML declaration surfaces as ArgumentException.
            throw new FeedFormatException($"{name}: not a readable feed: {ex.Message}", ex);
        }
        return Parse(doc, name);
    }

    /// <summary>Parses a feed given as text.</summary>
    public static Feed Parse(string xml, string name) => Parse(Encoding.UTF8.GetBytes(StripDeclaredEncoding(xml)), name);

    private static bool DeclaresEncoding(byte[] bytes)
    {
        if (bytes.Length >= 2 && (bytes[0] is 0xEF or 0xFE or 0xFF))
            return true;
        // The declaration is ASCII in every encoding a feed uses, so its bytes can be read as Latin-1.
        string head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 200));
        int end = head.IndexOf("?>", StringComparison.Ordinal);
        return head.StartsWith("<?xml", StringComparison.Ordinal) && end > 0 && head[..end].Contains("encoding", StringComparison.Ordinal);
    }

    private static string StripDeclaredEncoding(string xml)
    {
        // The text is already decoded; a declared encoding would make the reader decode the UTF-8 bytes wrongly.
        if (!xml.StartsWith("<?xml", StringComparison.Ordinal))
            return xml;
        int end = xml.IndexOf("?>", StringComparison.Ordinal);
        return end < 0 ? xml : xml[(end + 2)..];
    }

    private static Feed Parse(XDocument doc, string name)
    {
        var root = doc.Root ?? throw new FeedFormatException($"{name}: not a readable feed: the document is empty");
        var messages = new List<string>();
        IEnumerable<XElement> entries;
        string? title;
        bool atom = root.Name == Atom + "feed";
        if (atom)
        {
            entries = root.Elements(Atom + "entry");
            title = Text(root.Element(Atom + "title"));
        }
        else if (root.Name.LocalName is "rss" or "RDF")
        {
            var channel = root.Elements().FirstOrDefault(e => e.Name.LocalName == "channel");
            title = Text(channel?.Elements().FirstOrDefault(e => e.Name.LocalName == "title"));
            // RSS 2.0 nests items in the channel; RSS 1.0 (RDF) puts them beside it.
            entries = (channel?.Elements() ?? []).Concat(root.Elements()).Where(e => e.Name.LocalName == "item");
        }
        else
            throw new FeedFormatException($"{name}: not a readable feed: the root element is <{root.Name.LocalName}>, not <rss> or Atom <feed>");

        var items = new List<FeedItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int index = 0;
        foreach (var e in entries)
        {
            index++;
            var item = atom ? AtomItem(e, index, name, messages) : RssItem(e, index, name, messages);
            if (item is null)
                continue;
            if (!seen.Add(item.Id))
            {
                messages.Add($"{name}: item {index}: duplicate id \"{TextDecoder.Clip(item.Id, 80)}\"; skipped (the first one is kept)");
                continue;
            }
            items.Add(item);
        }
        return new Feed(title, items, messages);
    }

    private static FeedItem? RssItem(XElement e, int index, string name, List<string> messages)
    {
        XElement? Child(string local) => e.Elements().FirstOrDefault(c => c.Name.LocalName == local && c.Name.Namespace != ContentNs && c.Name.Namespace != Dc);
        string? link = Text(Child("link")) ?? e.Attribute(XName.Get("about", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"))?.Value.Trim();
        string? title = Text(Child("title"));
        string? id = Text(Child("guid")) ?? link;
        var dateElement = Child("pubDate") ?? e.Element(Dc + "date");
        return Finish(id, link, title, dateElement, Text(Child("description")), Text(e.Element(ContentNs + "encoded")), index, name, messages);
    }

    private static FeedItem? AtomItem(XElement e, int index, string name, List<string> messages)
    {
        var links = e.Elements(Atom + "link").ToList();
        // The alternate link is the article page; "self", "edit" or "enclosure" links are not.
        var alternate = links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate") ?? links.FirstOrDefault();
        string? link = alternate?.Attribute("href")?.Value.Trim();
        string? id = Text(e.Element(Atom + "id")) ?? link;
        var dateElement = e.Element(Atom + "published") ?? e.Element(Atom + "updated");
        return Finish(id, link, Text(e.Element(Atom + "title")), dateElement,
            Text(e.Element(Atom + "summary")), Text(e.Element(Atom + "content")), index, name, messages);
    }

    private static FeedItem? Finish(string? id, string? link, string? title, XElement? dateElement, string? summary, string? content, int index, string name, List<string> messages)
    {
        if (id is null)
        {
            messages.Add($"{name}: item {index}{(title is null ? "" : $" (\"{TextDecoder.Clip(title, 60)}\")")}: no guid, id or link to know it by; skipped");
            return null;
        }
        DateOnly? published = null;
        if (Text(dateElement) is { } raw)
        {
            if (HtmlArticleReader.TryParseDate(raw, out var d))
                published = d;
            else
                messages.Add($"{name}: item {index}: cannot read the date \"{TextDecoder.Clip(raw, 60)}\"; item kept without a date");
        }
        return new FeedItem(id, link, title, published, summary, content);
    }

    private static string? Text(XElement? e)
    {
        var s = e?.Value.Trim();
        return string.IsNullOrEmpty(s) ? null : s;
    }
}
