using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Marsad.Text;

namespace Marsad.Ingest;

/// <summary>
/// Streams articles out of JSON Lines, CSV, saved web pages, plain text and zip files of these (or a
/// folder of them), one at a time so memory stays flat on large inputs. Bad records and refused files
/// never stop the batch: each becomes an <see cref="IngestDiagnostic"/> passed to the caller's
/// callback, and reading goes on.
/// </summary>
public static partial class ArticleReader
{
    /// <summary>The file name endings read, in the order they are listed to users.</summary>
    public static readonly IReadOnlyList<string> Extensions = [".jsonl", ".ndjson", ".json", ".csv", ".html", ".htm", ".txt", ".zip"];

    private static readonly string ExtensionList = string.Join(", ", Extensions);

    /// <summary>The files <see cref="Read"/> will visit: the file itself, or a folder's supported files in ordinal order.</summary>
    public static IReadOnlyList<string> ListFiles(string path)
    {
        if (!Directory.Exists(path))
            return [path];
        var files = Directory.EnumerateFiles(path)
            .Where(IsSupported)
            .ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    // The final target of a symbolic link that resolves outside root (links to links followed); null for an
    // ordinary file or a link that stays inside.
    private static string? LeadsOutside(string file, string root)
    {
        var info = new FileInfo(file);
        if (info.LinkTarget is null)
            return null;
        var target = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(info.LinkTarget, Path.GetDirectoryName(file)!);
        var folder = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        // The folder itself may be reached through links: compare real paths on both sides.
        var realFolder = new DirectoryInfo(folder).ResolveLinkTarget(returnFinalTarget: true)?.FullName is { } rf
            ? rf.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar : folder;
        return target.StartsWith(folder, StringComparison.Ordinal) || target.StartsWith(realFolder, StringComparison.Ordinal) ? null : target;
    }

    /// <summary>True when the file name ends with one of <see cref="Extensions"/>.</summary>
    public static bool IsSupported(string file) =>
        Extensions.Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads every article in a file or folder; problems go to <paramref name="report"/>.</summary>
    public static IEnumerable<Article> Read(string path, Action<IngestDiagnostic> report, ReaderLimits? limits = null)
    {
        if (Directory.Exists(path))
        {
            // A link inside the folder that leads out of it (ln -s /etc/os-release d/a.txt) is not the folder's
            // content: it is named and skipped, so ingesting a folder never publishes files from elsewhere.
            var files = new List<string>();
            foreach (var file in ListFiles(path))
            {
                if (LeadsOutside(file, path) is { } target)
                    report(new IngestDiagnostic(file, 0, $"a link to {target}, outside the folder being read; skipped", DiagnosticKind.FileProblem));
                else
                    files.Add(file);
            }
            if (files.Count == 0)
                report(new IngestDiagnostic(path, 0, $"no article files ({ExtensionList}) in this folder", DiagnosticKind.FileProblem));
            // Every file in the folder is accounted for: the ones not read are named, with why.
            foreach (var other in Directory.EnumerateFiles(path).Where(f => !IsSupported(f) && !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal))
                report(new IngestDiagnostic(other, 0, $"unsupported file type (expected {ExtensionList}); skipped", DiagnosticKind.FileProblem));
            foreach (var file in files)
                foreach (var a in ReadFile(file, report, limits))
                    yield return a;
            yield break;
        }
        foreach (var a in ReadFile(path, report, limits))
            yield return a;
    }

    /// <summary>Reads one file, choosing the format by its extension.</summary>
    public static IEnumerable<Article> ReadFile(string file, Action<IngestDiagnostic> report, ReaderLimits? limits = null)
    {
        limits ??= ReaderLimits.Default;
        if (!File.Exists(file))
        {
            report(new IngestDiagnostic(file, 0, "file not found", DiagnosticKind.FileProblem));
            yield break;
        }
        if (!IsSupported(file))
        {
            report(new IngestDiagnostic(file, 0, $"unsupported file type (expected {ExtensionList})", DiagnosticKind.FileProblem));
            yield break;
        }
        int count = 0;
        bool refused = false;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        void Track(IngestDiagnostic d)
        {
            refused |= d.Kind == DiagnosticKind.FileProblem;
            report(d);
        }
        var articles = file.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)
            ? ReadZip(file, Track, limits)
            : ReadStreamFile(file, Track, limits);
        foreach (var a in Guard(articles, file, Track))
        {
            // Two records with one id in a file: the first wins, as it would in the store, and the user hears of it.
            if (!ids.Add(a.Id))
            {
                report(new IngestDiagnostic(file, 0, $"duplicate id '{a.Id}' (an earlier record in this file has it); the later record is skipped", DiagnosticKind.SkippedRecord));
                continue;
            }
            count++;
            yield return a;
        }
        // A file already refused with its reason needs no second, vaguer message.
        if (count == 0 && !refused)
            report(new IngestDiagnostic(file, 0, "no articles", DiagnosticKind.FileProblem));
    }

    private static IEnumerable<Article> ReadStreamFile(string file, Action<IngestDiagnostic> report, ReaderLimits limits)
    {
        long length = new FileInfo(file).Length;
        if (length == 0)
        {
            report(new IngestDiagnostic(file, 0, "empty file", DiagnosticKind.FileProblem));
            yield break;
        }
        using var stream = OpenRead(file);
        foreach (var a in ReadStream(stream, file, length, report, limits))
            yield return a;
    }

    /// <summary>Reads one file or zip entry, choosing the format by the extension of <paramref name="name"/>.</summary>
    private static IEnumerable<Article> ReadStream(Stream stream, string name, long length, Action<IngestDiagnostic> report, ReaderLimits limits)
    {
        string ext = Path.GetExtension(name).ToLowerInvariant();
        if (ext is ".html" or ".htm" or ".txt")
        {
            var whole = ReadWhole(stream, name, length, report, limits);
            if (whole is null)
                yield break;
            var article = ext == ".txt"
                ? ReadPlainText(whole, name, report)
                : HtmlArticleReader.Read(whole, name, report);
            if (article is not null)
                yield return article;
            yield break;
        }
        if (!PeekText(stream, name, report))
            yield break;
        var articles = ext == ".csv"
            ? ReadCsv(stream, name, report, limits)
            // JSON Lines are read line by line whatever the first line holds: a first line that happens to start
            // with '[' must cost that line, not every valid line after it.
            : ext is ".jsonl" or ".ndjson"
                ? ReadJsonLines(stream, name, report, limits)
            // A zip entry cannot be rewound after peeking; SaudiNewsNet's .json entries are arrays.
            : (stream.CanSeek ? LooksLikeArray(stream) : ext == ".json")
                ? ReadJsonArray(stream, name, report, limits)
                : ReadJsonLines(stream, name, report, limits);
        foreach (var a in articles)
            yield return a;
    }

    /// <summary>The whole of a file read at once, or null (reported) when it is too large, empty or binary.</summary>
    private static byte[]? ReadWhole(Stream stream, string name, long length, Action<IngestDiagnostic> report, ReaderLimits limits)
    {
        if (length > limits.MaxFileBytes)
        {
            report(new IngestDiagnostic(name, 0, $"file is {ReaderLimits.Size(length)}, above the {ReaderLimits.Size(limits.MaxFileBytes)} limit for HTML and text files; skipped", DiagnosticKind.FileProblem));
            return null;
        }
        var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int n;
        // The declared length of a zip entry can lie, so the limit is enforced on the bytes actually read.
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > limits.MaxFileBytes)
            {
                report(new IngestDiagnostic(name, 0, $"file is larger than the {ReaderLimits.Size(limits.MaxFileBytes)} limit for HTML and text files; skipped", DiagnosticKind.FileProblem));
                return null;
            }
        }
        var bytes = buffer.ToArray();
        if (bytes.Length == 0)
        {
            report(new IngestDiagnostic(name, 0, "empty file", DiagnosticKind.FileProblem));
            return null;
        }
        // NULs further in are caught after decoding, where UTF-16 no longer shows them.
        if (TextChecks.LooksBinary(bytes.AsSpan(0, Math.Min(bytes.Length, 8192))))
        {
            report(new IngestDiagnostic(name, 0, "binary content (NUL or control bytes), not text; skipped", DiagnosticKind.FileProblem));
            return null;
        }
        return bytes;
    }

    /// <summary>Refuses a streamed file whose first bytes are binary (an image or archive renamed .jsonl, say); rewinds when it can.</summary>
    private static bool PeekText(Stream stream, string name, Action<IngestDiagnostic> report)
    {
        if (!stream.CanSeek)
            return true;
        var head = new byte[8192];
        int n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        var span = head.AsSpan(0, n);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            report(new IngestDiagnostic(name, 0, "UTF-16 text; JSON Lines and CSV must be UTF-8 (convert the file); skipped", DiagnosticKind.FileProblem));
            return false;
        }
        if (TextChecks.LooksBinary(span))
        {
            report(new IngestDiagnostic(name, 0, "binary content (NUL or control bytes), not text; skipped", DiagnosticKind.FileProblem));
            return false;
        }
        return true;
    }

    /// <summary>A plain text file as one article; the id comes from the text so re-reading it changes nothing.</summary>
    public static Article? ReadPlainText(ReadOnlySpan<byte> bytes, string name, Action<IngestDiagnostic> report)
    {
        var decoded = TextDecoder.Decode(bytes);
        foreach (var w in decoded.Warnings)
            report(new IngestDiagnostic(name, 0, w, DiagnosticKind.Warning));
        if (!decoded.Ok)
        {
            report(new IngestDiagnostic(name, 0, decoded.Error + "; file skipped", DiagnosticKind.FileProblem));
            return null;
        }
        string text = decoded.Text!.Trim();
        if (text.Contains('\0'))
        {
            report(new IngestDiagnostic(name, 0, "binary content (NUL characters), not text; skipped", DiagnosticKind.FileProblem));
            return null;
        }
        text = TextChecks.Sanitize(text, out var note);
        if (note is not null)
            report(new IngestDiagnostic(name, 0, note, DiagnosticKind.Warning));
        if (string.IsNullOrWhiteSpace(text))
        {
            report(new IngestDiagnostic(name, 0, "no text (only white space or a byte order mark); file skipped", DiagnosticKind.FileProblem));
            return null;
        }
        if (TextChecks.NotProse(text) is { } why)
        {
            report(new IngestDiagnostic(name, 0, why + "; file skipped", DiagnosticKind.FileProblem));
            return null;
        }
        return new Article("txt-" + ShortHash(text), text, Lang: HtmlArticleReader.ScriptLanguage(text));
    }

    /// <summary>Reads JSON Lines: one article object per line (FORMAT.md); blank lines are ignored.</summary>
    public static IEnumerable<Article> ReadJsonLines(Stream stream, string name, Action<IngestDiagnostic> report, ReaderLimits? limits = null)
    {
        int maxLine = (limits ?? ReaderLimits.Default).MaxRecordBytes;
        var src = new ByteSource(stream);
        var line = new ByteBuffer();
        int lineNo = 0;
        while (src.ReadLine(line, maxLine, out bool tooLong))
        {
            lineNo++;
            if (tooLong)
            {
                report(new IngestDiagnostic(name, lineNo, $"line longer than {ReaderLimits.Size(maxLine)} (the record size limit); line skipped", DiagnosticKind.SkippedRecord));
                continue;
            }
            line.TrimEnd((byte)'\r');
            var bytes = line.Span;
            if (lineNo == 1 && bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                bytes = bytes[3..];
            if (IsBlank(bytes))
                continue;
            if (!Utf8.IsValid(bytes))
            {
                report(new IngestDiagnostic(name, lineNo, "invalid UTF-8; line skipped", DiagnosticKind.SkippedRecord));
                continue;
            }
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(line.Memory[(line.Length - bytes.Length)..]);
            }
            catch (JsonException ex)
            {
                report(new IngestDiagnostic(name, lineNo, $"not valid JSON ({JsonArrayStreamer.FirstSentence(ex.Message)}); line skipped", DiagnosticKind.SkippedRecord));
                continue;
            }
            using (doc)
            {
                var article = SafeMap(doc.RootElement, name, lineNo, report);
                if (article is not null)
                    yield return article;
            }
        }
    }

    /// <summary>
    /// Reads CSV with a header row naming at least <c>text</c> (and usually <c>id</c>; optional
    /// <c>title</c>, <c>published</c>, <c>lang</c>, <c>source</c>, <c>url</c>). Other columns are ignored.
    /// </summary>
    public static IEnumerable<Article> ReadCsv(Stream stream, string name, Action<IngestDiagnostic> report, ReaderLimits? limits = null)
    {
        Dictionary<string, int>? columns = null;
        foreach (var rec in CsvReader.Read(stream, (limits ?? ReaderLimits.Default).MaxRecordBytes))
        {
            if (columns is null)
            {
                columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                for (int i = 0; i < rec.Fields.Count; i++)
                    columns.TryAdd(rec.Fields[i].Trim(), i);
                if (!columns.ContainsKey("text"))
                {
                    report(new IngestDiagnostic(name, rec.Line, "the header has no 'text' column; file skipped", DiagnosticKind.FileProblem));
                    yield break;
                }
                if (!columns.ContainsKey("id"))
                    report(new IngestDiagnostic(name, rec.Line, "the header has no 'id' column; ids are generated from the text", DiagnosticKind.Warning));
                continue;
            }
            if (rec.Error is not null)
            {
                report(new IngestDiagnostic(name, rec.Line, rec.Error + "; record skipped", DiagnosticKind.SkippedRecord));
                continue;
            }
            string? Field(string column) =>
                columns.TryGetValue(column, out int i) && i < rec.Fields.Count ? rec.Fields[i] : null;
            var article = Build(
                name, rec.Line, report,
                id: Field("id"), idWasNamed: columns.ContainsKey("id"),
                text: Field("text"), title: Field("title"), published: Field("published"),
                lang: Field("lang"), source: Field("source"), url: Field("url"));
            if (article is not null)
                yield return article;
        }
    }

    /// <summary>Reads a top-level JSON array of article objects (FORMAT.md or SaudiNewsNet shape).</summary>
    public static IEnumerable<Article> ReadJsonArray(Stream stream, string name, Action<IngestDiagnostic> report, ReaderLimits? limits = null)
    {
        foreach (var el in new JsonArrayStreamer(stream, (limits ?? ReaderLimits.Default).MaxRecordBytes).Elements())
        {
            if (el.Error is not null)
            {
                report(new IngestDiagnostic(name, el.Line, el.Error + "; rest of the file skipped", DiagnosticKind.FileProblem));
                yield break;
            }
            if (!Utf8.IsValid(el.Json))
            {
                report(new IngestDiagnostic(name, el.Line, "invalid UTF-8; skipped", DiagnosticKind.SkippedRecord));
                continue;
            }
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(el.Json);
            }
            catch (JsonException ex)
            {
                report(new IngestDiagnostic(name, el.Line, $"not valid JSON ({JsonArrayStreamer.FirstSentence(ex.Message)}); skipped", DiagnosticKind.SkippedRecord));
                continue;
            }
            using var _ = doc;
            var article = SafeMap(doc.RootElement, name, el.Line, report);
            if (article is not null)
                yield return article;
        }
    }

    /// <summary>
    /// Reads a zip archive: SaudiNewsNet's <c>.json</c> arrays and any other supported file inside it.
    /// Entries that would expand beyond the limits (zip bombs) and nested archives are refused.
    /// </summary>
    public static IEnumerable<Article> ReadZip(string file, Action<IngestDiagnostic> report, ReaderLimits? limits = null)
    {
        limits ??= ReaderLimits.Default;
        using var zip = ZipFile.OpenRead(file);
        var entries = zip.Entries
            .Where(e => !e.FullName.EndsWith('/'))
            .OrderBy(e => e.FullName, StringComparer.Ordinal)
            .ToList();
        if (entries.Count == 0)
            report(new IngestDiagnostic(file, 0, "the zip archive is empty", DiagnosticKind.FileProblem));
        long total = 0;
        foreach (var entry in entries)
        {
            string name = $"{file}/{entry.FullName}";
            if (entry.FullName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                report(new IngestDiagnostic(name, 0, "nested archives are not read; entry skipped", DiagnosticKind.FileProblem));
                continue;
            }
            if (!IsSupported(entry.FullName))
                continue;
            if (ZipEntryProblem(entry, limits, total) is { } problem)
            {
                report(new IngestDiagnostic(name, 0, problem + "; entry skipped", DiagnosticKind.FileProblem));
                continue;
            }
            total += entry.Length;
            using var stream = new CappedStream(entry.Open(), Math.Min(entry.Length, limits.MaxZipEntryBytes), name);
            foreach (var a in Guard(ReadStream(stream, name, entry.Length, report, limits), name, report))
                yield return a;
        }
    }

    private static string? ZipEntryProblem(ZipArchiveEntry entry, ReaderLimits limits, long totalSoFar)
    {
        long size = entry.Length, packed = Math.Max(entry.CompressedLength, 1);
        if (size > limits.MaxZipEntryBytes)
            return $"expands to {ReaderLimits.Size(size)}, above the {ReaderLimits.Size(limits.MaxZipEntryBytes)} limit for one zip entry";
        if (size > 1 << 20 && size / packed > limits.MaxZipRatio)
            return $"expands {size / packed}:1 (from {ReaderLimits.Size(packed)} to {ReaderLimits.Size(size)}), above the {limits.MaxZipRatio}:1 limit: a likely zip bomb";
        if (totalSoFar + size > limits.MaxZipTotalBytes)
            return $"the archive would expand beyond {ReaderLimits.Size(limits.MaxZipTotalBytes)} in total";
        return null;
    }

    private static Article? SafeMap(JsonElement root, string name, int line, Action<IngestDiagnostic> report)
    {
        try
        {
            return MapObject(root, name, line, report);
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses to turn a lone surrogate escape (\ud800) into a string.
            report(new IngestDiagnostic(name, line, "a string holds an invalid \\u escape (an unpaired surrogate); skipped", DiagnosticKind.SkippedRecord));
            return null;
        }
    }

    private static Article? MapObject(JsonElement root, string name, int line, Action<IngestDiagnostic> report)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            report(new IngestDiagnostic(name, line, $"expected a JSON object, found {Describe(root.ValueKind)}; skipped", DiagnosticKind.SkippedRecord));
            return null;
        }
        bool snn = !root.TryGetProperty("text", out _) && root.TryGetProperty("content", out _);
        if (snn)
        {
            string? url = Str(root, "url");
            string? content = Str(root, "content");
            string? stamp = Str(root, "date_extracted");
            string key = !string.IsNullOrWhiteSpace(url) ? url : content ?? "";
            return Build(name, line, report,
                id: "snn-" + ShortHash(key), idWasNamed: true,
                text: content, title: Str(root, "title"), published: stamp,
                lang: null, source: Str(root, "source"), url: url, publishedField: "date_extracted");
        }
        if (root.TryGetProperty("text", out var textEl) && textEl.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            report(new IngestDiagnostic(name, line, $"'text' is {Describe(textEl.ValueKind)}, not a string; skipped", DiagnosticKind.SkippedRecord));
            return null;
        }
        string? published = null;
        if (root.TryGetProperty("published", out var pub) && pub.ValueKind != JsonValueKind.Null)
            published = pub.ValueKind == JsonValueKind.String ? pub.GetString() : pub.GetRawText();
        return Build(name, line, report,
            id: Str(root, "id"), idWasNamed: true,
            text: Str(root, "text"), title: Str(root, "title"), published: published,
            lang: Str(root, "lang"), source: Str(root, "source"), url: Str(root, "url"));
    }

    private static Article? Build(
        string name, int line, Action<IngestDiagnostic> report,
        string? id, bool idWasNamed, string? text, string? title, string? published,
        string? lang, string? source, string? url, string publishedField = "published")
    {
        id = id?.Trim();
        // An id is a key in the store, the API's URLs and exports: a bounded, printable one. A longer one or one
        // with control characters is replaced by an id made from the text (nothing is lost; the user is told).
        if (!string.IsNullOrEmpty(id) && (id.Length > MaxIdLength || id.Any(char.IsControl)) && !string.IsNullOrWhiteSpace(text))
        {
            string fault = id.Length > MaxIdLength ? $"is {id.Length:N0} characters long (at most {MaxIdLength})" : "holds control characters";
            string made = "gen-" + ShortHash(text);
            report(new IngestDiagnostic(name, line, $"the article id {fault}; using generated id '{made}'", DiagnosticKind.Warning));
            id = made;
        }
        string label = string.IsNullOrEmpty(id) ? "article" : $"article '{id}'";
        if (string.IsNullOrWhiteSpace(text))
        {
            report(new IngestDiagnostic(name, line, $"{label} has no text; skipped", DiagnosticKind.SkippedRecord));
            return null;
        }
        if (string.IsNullOrEmpty(id))
        {
            id = "gen-" + ShortHash(text);
            // A header without an id column was reported once; do not repeat it on every row.
            if (idWasNamed)
                report(new IngestDiagnostic(name, line, $"article has no id; using generated id '{id}'", DiagnosticKind.Warning));
        }
        if (TextChecks.MojibakeSample(text) is { } sample)
        {
            report(new IngestDiagnostic(name, line, $"{label}: the text is mojibake (\"{sample}\"): it was decoded with the wrong encoding before it was saved; skipped", DiagnosticKind.SkippedRecord));
            return null;
        }
        text = TextChecks.Sanitize(text, out var note);
        if (note is not null)
            report(new IngestDiagnostic(name, line, $"{label}: {note}", DiagnosticKind.Warning));
        if (title is not null)
            title = TextChecks.Sanitize(title, out _);
        if (string.IsNullOrWhiteSpace(text))
        {
            report(new IngestDiagnostic(name, line, $"{label} has no text after removing control characters; skipped", DiagnosticKind.SkippedRecord));
            return null;
        }
        if (TextChecks.NotProse(text) is { } why)
        {
            report(new IngestDiagnostic(name, line, $"{label} {why}; skipped", DiagnosticKind.SkippedRecord));
            return null;
        }
        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(published))
        {
            if (PublishedDate.TryParse(published, out var d) && d.Year >= 1900 && d.Year <= DateTime.UtcNow.Year + 1)
                date = d;
            else if (PublishedDate.TryParse(published, out d))
                report(new IngestDiagnostic(name, line,
                    $"article '{id}': {publishedField} \"{published}\" is not a plausible publication date (year {d.Year}); read without a publication date",
                    DiagnosticKind.Warning));
            else
                report(new IngestDiagnostic(name, line,
                    $"article '{id}': cannot read {publishedField} \"{published}\" (expected YYYY-MM-DD, optionally with a time); read without a publication date",
                    DiagnosticKind.Warning));
        }
        // A language is a BCP 47 tag (ar, en, en-GB; zh_Hant written with '_' is read as zh-Hant); anything else
        // is reported and read as Arabic, the default, rather than stored as given.
        string tag = "ar";
        if (!string.IsNullOrWhiteSpace(lang))
        {
            var t = lang.Trim().Replace('_', '-');
            if (LanguageTag().IsMatch(t))
                tag = t;
            else
                report(new IngestDiagnostic(name, line, $"{label}: lang \"{Clip(lang)}\" is not a language tag (e.g. ar, en, en-GB); read as Arabic", DiagnosticKind.Warning));
        }
        return new Article(
            id, text,
            Title: string.IsNullOrWhiteSpace(title) ? null : title,
            Published: date,
            Lang: tag,
            Source: string.IsNullOrWhiteSpace(source) ? null : source,
            Url: string.IsNullOrWhiteSpace(url) ? null : url);
    }

    /// <summary>The longest article id kept as given (real ones reach a few hundred characters: GSR protest rows have 276).</summary>
    public const int MaxIdLength = 1000;

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,4}$")]
    private static partial System.Text.RegularExpressions.Regex LanguageTag();

    // A value quoted back in a message: short and printable.
    private static string Clip(string s)
    {
        var printable = new string(s.Select(c => char.IsControl(c) ? '?' : c).Take(40).ToArray());
        return s.Length > 40 ? printable + "…" : printable;
    }

    /// <summary>A short stable id fragment: the first 12 hex digits of the SHA-256 of the UTF-8 bytes.</summary>
    public static string ShortHash(string s) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)), 0, 6);

    private static string? Str(JsonElement obj, string property)
    {
        if (!obj.TryGetProperty(property, out var v))
            return null;
        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
            _ => null,
        };
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "an object",
    };

    private static bool IsBlank(ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                return false;
        return true;
    }

    /// <summary>Peeks past white space (and a BOM) for a '[' that marks a whole-file JSON array, then rewinds.</summary>
    private static bool LooksLikeArray(Stream stream)
    {
        if (!stream.CanSeek)
            return false;
        var head = new byte[256];
        int n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        var span = head.AsSpan(0, n);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            span = span[3..];
        foreach (byte b in span)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
                continue;
            return b == '[';
        }
        return false;
    }

    private static FileStream OpenRead(string file) =>
        new(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);

    /// <summary>
    /// Turns an I/O failure in the middle of a file (a truncated zip, a vanished disk) into a
    /// diagnostic so the batch goes on with the next file.
    /// </summary>
    private static IEnumerable<Article> Guard(IEnumerable<Article> source, string file, Action<IngestDiagnostic> report)
    {
        IEnumerator<Article> e;
        try
        {
            e = source.GetEnumerator();
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            report(new IngestDiagnostic(file, 0, "cannot read: " + ex.Message, DiagnosticKind.FileProblem));
            yield break;
        }
        using (e)
        {
            while (true)
            {
                try
                {
                    if (!e.MoveNext())
                        yield break;
                }
                catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
                {
                    report(new IngestDiagnostic(file, 0, "cannot read: " + ex.Message, DiagnosticKind.FileProblem));
                    yield break;
                }
                yield return e.Current;
            }
        }
    }
}
