using System.Xml;
using System.Xml.Linq;

namespace Marsad.Ingest;

/// <summary>Reads the list of feeds to watch: one URL a line with # comments, or an OPML file.</summary>
public static class FeedList
{
    /// <summary>The feed URLs in <paramref name="path"/>, in order and without repeats; bad lines are reported and skipped.</summary>
    public static IReadOnlyList<Uri> Read(string path, Action<string> report)
    {
        var urls = new List<Uri>();
        var seen = new HashSet<Uri>();
        void Add(string raw, string where)
        {
            if (!Uri.TryCreate(raw, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                report($"{where}: \"{TextDecoder.Clip(raw, 80)}\" is not an http or https URL; skipped");
            else if (seen.Add(uri))
                urls.Add(uri);
        }

        if (path.EndsWith(".opml", StringComparison.OrdinalIgnoreCase))
        {
            XDocument doc;
            try
            {
                using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
                doc = XDocument.Load(reader, LoadOptions.SetLineInfo);
            }
            catch (XmlException ex)
            {
                report($"{path}: not a readable OPML file: malformed XML at line {ex.LineNumber}: {ex.Message}");
                return urls;
            }
            // Feeds are the outlines with an xmlUrl; outlines without one are folders.
            foreach (var outline in doc.Descendants().Where(e => e.Name.LocalName == "outline"))
                if (outline.Attribute("xmlUrl")?.Value.Trim() is { Length: > 0 } url)
                    Add(url, $"{path}:{((IXmlLineInfo)outline).LineNumber}");
            return urls;
        }

        int n = 0;
        foreach (var line in File.ReadLines(path))
        {
            n++;
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
                continue;
            Add(text, $"{path}:{n}");
        }
        return urls;
    }
}
