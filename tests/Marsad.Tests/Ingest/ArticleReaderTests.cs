using System.IO.Compression;
using System.Text;
using Marsad.Ingest;
using Marsad.Text;

namespace Marsad.Tests.Ingest;

public class ArticleReaderTests
{
    private static (List<Article> Articles, List<IngestDiagnostic> Diagnostics) ReadAll(string path)
    {
        var diags = new List<IngestDiagnostic>();
        var articles = ArticleReader.Read(path, diags.Add).ToList();
        return (articles, diags);
    }

    [Fact]
    public void AJsonLinesFileIsReadLineByLineEvenWhenItsFirstLineLooksLikeAnArray()
    {
        using var tmp = new TempDir();
        var file = tmp.File("a.jsonl", string.Join("\n",
            "[garbage from a bad export",
            """{"id": "b1", "text": "قتل ثلاثة"}""",
            """{"id": "b2", "text": "نص آخر"}"""));
        var (articles, diags) = ReadAll(file);
        Assert.Equal(["b1", "b2"], articles.Select(a => a.Id));
        var bad = Assert.Single(diags, d => d.Kind == DiagnosticKind.SkippedRecord);
        Assert.Equal(1, bad.Line);
    }

    [Fact]
    public void OverlongOrControlIdsAndBadLanguageTagsAreReplacedWithANote()
    {
        using var tmp = new TempDir();
        string longId = new('x', 1500);
        var file = tmp.File("a.jsonl", string.Join("\n",
            $$"""{"id": "{{longId}}", "text": "قتل ثلاثة في سرت"}""",
            """{"id": "c\u0000d", "text": "نص آخر في بنغازي"}""",
            """{"id": "c3", "lang": "../../etc", "text": "نص ثالث"}""",
            """{"id": "c4", "lang": "en_US", "text": "Clashes in Sirte"}"""));
        var (articles, diags) = ReadAll(file);
        Assert.Equal(4, articles.Count);
        Assert.StartsWith("gen-", articles[0].Id, StringComparison.Ordinal);
        Assert.StartsWith("gen-", articles[1].Id, StringComparison.Ordinal);
        Assert.Contains(diags, d => d.Line == 1 && d.Message.Contains("1,500 characters", StringComparison.Ordinal));
        Assert.Contains(diags, d => d.Line == 2 && d.Message.Contains("control characters", StringComparison.Ordinal));
        Assert.Equal("ar", articles[2].Lang);
        Assert.Contains(diags, d => d.Line == 3 && d.Message.Contains("not a language tag", StringComparison.Ordinal));
        Assert.Equal("en-US", articles[3].Lang);
        Assert.All(articles, a => Assert.True(a.Id.Length <= ArticleReader.MaxIdLength));
    }

    [Fact]
    public void AFolderNeverReadsALinkThatLeadsOutOfIt()
    {
        using var outside = new TempDir();
        using var tmp = new TempDir();
        var secret = outside.File("secret.txt", "هذا نص خارج المجلد لا يجوز أن يقرأ أبدا لأنه ليس من محتوى المجلد المطلوب.");
        tmp.File("a.jsonl", """{"id": "in1", "text": "قتل ثلاثة في سرت"}""" + "\n");
        var link = Path.Combine(tmp.Path, "b.txt");
        File.CreateSymbolicLink(link, secret);
        var inner = tmp.File("c.jsonl", """{"id": "in2", "text": "نص داخل المجلد"}""" + "\n");
        File.CreateSymbolicLink(Path.Combine(tmp.Path, "d.jsonl"), inner);

        var (articles, diags) = ReadAll(tmp.Path);

        Assert.Equal(["in1", "in2"], articles.Select(a => a.Id).Distinct());
        Assert.DoesNotContain(articles, a => a.Text.Contains("خارج المجلد", StringComparison.Ordinal));
        Assert.Contains(diags, d => d.File == link && d.Message.Contains("outside the folder", StringComparison.Ordinal));
    }

    [Fact]
    public void JsonLinesKeepsGoingPastBadLines()
    {
        using var tmp = new TempDir();
        var file = tmp.File("a.jsonl", string.Join("\n",
            """{"id": "a1", "lang": "ar", "published": "2016-10-25", "source": "s", "url": null, "title": "عنوان", "text": "قتل ثلاثة"}""",
            """{"id": "a2", "text": "broken""",
            """[1, 2]""",
            """{"id": "a3", "published": "2015-07-24 10:00:00", "text": "نص"}""",
            "",
            """{"id": "a4", "published": "2015-07-24T10:00:00Z", "text": "نص"}""",
            """{"id": "a5", "text": "   "}""",
            """{"text": "بلا معرف"}""",
            """{"id": "a7", "published": "24/07/2015", "text": "تاريخ سيئ"}""",
            """{"id": "a8", "text": "no date at all"}""") + "\n");

        var (articles, diags) = ReadAll(file);

        Assert.Equal(["a1", "a3", "a4", "gen-" + ArticleReader.ShortHash("بلا معرف"), "a7", "a8"], articles.Select(a => a.Id));
        Assert.Equal(new DateOnly(2016, 10, 25), articles[0].Published);
        Assert.Equal("عنوان", articles[0].Title);
        Assert.Null(articles[0].Url);
        Assert.Equal(new DateOnly(2015, 7, 24), articles[1].Published);
        Assert.Equal(new DateOnly(2015, 7, 24), articles[2].Published);
        Assert.Null(articles[4].Published);
        Assert.Null(articles[5].Published);
        Assert.Equal("ar", articles[5].Lang);

        Assert.Equal([2, 3, 7, 8, 9], diags.Select(d => d.Line));
        Assert.Contains("not valid JSON", diags[0].Message);
        Assert.Equal(DiagnosticKind.SkippedRecord, diags[0].Kind);
        Assert.Contains("expected a JSON object, found an array", diags[1].Message);
        Assert.Contains("has no text", diags[2].Message);
        Assert.Equal(DiagnosticKind.SkippedRecord, diags[2].Kind);
        Assert.Contains("no id", diags[3].Message);
        Assert.Equal(DiagnosticKind.Warning, diags[3].Kind);
        Assert.Contains("\"24/07/2015\"", diags[4].Message);
        Assert.Equal(DiagnosticKind.Warning, diags[4].Kind);
        Assert.Equal($"{file}:2: {diags[0].Message}", diags[0].ToString());
    }

    [Fact]
    public void JsonLinesSkipsInvalidUtf8AndAcceptsBomAndCrLf()
    {
        using var tmp = new TempDir();
        var bytes = new List<byte>([0xEF, 0xBB, 0xBF]);
        bytes.AddRange(Encoding.UTF8.GetBytes("{\"id\": \"x1\", \"text\": \"أول\"}\r\n{\"id\": \"x2\", \"text\": \""));
        bytes.AddRange([0xD9, 0x28, 0xFF]);
        bytes.AddRange(Encoding.UTF8.GetBytes("\"}\r\n{\"id\": \"x3\", \"text\": \"ثالث\"}"));
        var file = tmp.File("u.ndjson", bytes.ToArray());

        var (articles, diags) = ReadAll(file);

        Assert.Equal(["x1", "x3"], articles.Select(a => a.Id));
        var d = Assert.Single(diags);
        Assert.Equal(2, d.Line);
        Assert.Contains("invalid UTF-8", d.Message);
    }

    [Fact]
    public void CsvHandlesQuotedMultiLineFieldsAndReportsRecordStartLine()
    {
        using var tmp = new TempDir();
        var file = tmp.File("a.csv",
            "id,title,text,published,extra\r\n" +
            "c1,\"عنوان, مع فاصلة\",\"السطر الأول\r\nالسطر \"\"الثاني\"\", وفاصلة\",2015-07-24,x\r\n" +
            "c2,,\"نص\nمن\nثلاثة أسطر\",bad-date,y\r\n" +
            "c3,,,,\n" +
            "\n" +
            "c4,t,آخر نص\n", bom: true);

        var (articles, diags) = ReadAll(file);

        Assert.Equal(["c1", "c2", "c4"], articles.Select(a => a.Id));
        Assert.Equal("السطر الأول\r\nالسطر \"الثاني\", وفاصلة", articles[0].Text);
        Assert.Equal("عنوان, مع فاصلة", articles[0].Title);
        Assert.Equal(new DateOnly(2015, 7, 24), articles[0].Published);
        Assert.Null(articles[1].Published);
        Assert.Equal("آخر نص", articles[2].Text);

        Assert.Equal(2, diags.Count);
        Assert.Equal(4, diags[0].Line);
        Assert.Contains("bad-date", diags[0].Message);
        Assert.Equal(7, diags[1].Line);
        Assert.Contains("c3", diags[1].Message);
        Assert.Contains("no text", diags[1].Message);
    }

    [Fact]
    public void CsvReportsInvalidUtf8AndUnterminatedQuotes()
    {
        using var tmp = new TempDir();
        var bytes = new List<byte>(Encoding.UTF8.GetBytes("id,text\nk1,جيد\nk2,"));
        bytes.AddRange([0xC3, 0x28]);
        bytes.AddRange(Encoding.UTF8.GetBytes("\nk3,\"لم يغلق\nأبدا"));
        var file = tmp.File("b.csv", bytes.ToArray());

        var (articles, diags) = ReadAll(file);

        Assert.Equal(["k1"], articles.Select(a => a.Id));
        Assert.Equal([3, 4], diags.Select(d => d.Line));
        Assert.Contains("invalid UTF-8", diags[0].Message);
        Assert.Contains("unterminated", diags[1].Message);
    }

    [Fact]
    public void CsvWithoutTextColumnIsAFileProblem()
    {
        using var tmp = new TempDir();
        var file = tmp.File("c.csv", "id,body\n1,x\n");
        var (articles, diags) = ReadAll(file);
        Assert.Empty(articles);
        Assert.Contains(diags, d => d.Kind == DiagnosticKind.FileProblem && d.Message.Contains("'text'"));
    }

    [Fact]
    public void EmptyAndMissingFilesAreReported()
    {
        using var tmp = new TempDir();
        var empty = tmp.File("empty.jsonl", "");
        var (articles, diags) = ReadAll(empty);
        Assert.Empty(articles);
        var d = Assert.Single(diags);
        Assert.Equal("empty file", d.Message);
        Assert.Equal($"{empty}: empty file", d.ToString());

        var missing = Path.Combine(tmp.Path, "missing.jsonl");
        (articles, diags) = ReadAll(missing);
        Assert.Empty(articles);
        Assert.Equal("file not found", Assert.Single(diags).Message);
    }

    [Fact]
    public void FolderReadsSupportedFilesInOrder()
    {
        using var tmp = new TempDir();
        tmp.File("b.csv", "id,text\nb1,نص\n");
        tmp.File("a.jsonl", "{\"id\": \"a1\", \"text\": \"نص\"}\n");
        tmp.File("notes.md", "ignored");
        tmp.File("c.txt", "نص عادي");
        var (articles, diags) = ReadAll(tmp.Path);
        Assert.Equal(["a1", "b1", "txt-" + ArticleReader.ShortHash("نص عادي")], articles.Select(a => a.Id));
        Assert.Contains("unsupported file type", Assert.Single(diags).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SaudiNewsNetZipStreamsTheArrayWithLineNumbers()
    {
        using var tmp = new TempDir();
        var sb = new StringBuilder("[\n");
        const int n = 3000; // well past the 64 KB read buffer, so elements straddle refills
        for (int i = 0; i < n; i++)
        {
            string content = i == 1500 ? " " : $"محتوى الخبر رقم {i} " + new string('ب', i % 50);
            string url = i == 10 ? "" : $"http://example.com/{i}";
            sb.Append("    {\n")
              .Append($"        \"source\": \"sabq\",\n")
              .Append($"        \"url\": \"{url}\",\n")
              .Append($"        \"date_extracted\": \"2015-07-2{i % 3} 02:51:32\",\n")
              .Append($"        \"title\": \"{(i % 2 == 0 ? "" : "عنوان")}\",\n")
              .Append($"        \"author\": \"\",\n")
              .Append($"        \"content\": \"{content}\"\n")
              .Append(i == n - 1 ? "    }\n" : "    },\n");
        }
        sb.Append("]\n");
        string zipPath = Path.Combine(tmp.Path, "2015-07-21.zip");
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            using var w = new StreamWriter(zip.CreateEntry("2015-07-21.json").Open(), new UTF8Encoding(false));
            w.Write(sb.ToString());
        }

        var (articles, diags) = ReadAll(zipPath);

        Assert.Equal(n - 1, articles.Count);
        Assert.Equal("snn-" + ArticleReader.ShortHash("http://example.com/0"), articles[0].Id);
        Assert.Equal(new DateOnly(2015, 7, 20), articles[0].Published);
        Assert.Null(articles[0].Title);
        Assert.Equal("عنوان", articles[1].Title);
        Assert.Equal("sabq", articles[1].Source);
        Assert.Equal("snn-" + ArticleReader.ShortHash(articles[10].Text), articles[10].Id);
        Assert.Equal(new DateOnly(2015, 7, 22), articles[2].Published);
        var d = Assert.Single(diags);
        Assert.Equal(2 + 1500 * 8, d.Line);
        Assert.Equal($"{zipPath}/2015-07-21.json", d.File);
        Assert.Contains("no text", d.Message);
    }

    [Fact]
    public void TruncatedJsonArrayReportsAndKeepsWhatCameBefore()
    {
        using var tmp = new TempDir();
        var file = tmp.File("arr.json", "[\n {\"id\": \"j1\", \"text\": \"نص\"},\n 42,\n {\"id\": \"j2\", \"text\": \"نص\"},\n {\"id\": \"j3\", \"te");
        var (articles, diags) = ReadAll(file);
        Assert.Equal(["j1", "j2"], articles.Select(a => a.Id));
        Assert.Equal(3, diags[0].Line);
        Assert.Contains("found a number", diags[0].Message);
        Assert.Equal(DiagnosticKind.FileProblem, diags[1].Kind);
    }

    [Fact]
    public void ReadsARealSaudiNewsNetArchive()
    {
        string zip = Shared.PathOf("data", "news", "saudinewsnet", "2015-07-23.zip");
        if (!File.Exists(zip))
            return;
        var (articles, _) = ReadAll(zip);
        Assert.True(articles.Count > 500);
        Assert.All(articles, a => Assert.StartsWith("snn-", a.Id));
        Assert.All(articles, a => Assert.NotNull(a.Published));
        Assert.Equal(articles.Count, articles.Select(a => a.Id).Distinct().Count());
    }

    [Theory]
    [InlineData("2015-07-24", true)]
    [InlineData("2015-07-24 10:00:00", true)]
    [InlineData("2015-07-24T10:00:00Z", true)]
    [InlineData("2015-07-24T10:00:00.123+03:00", true)]
    [InlineData("2015-07-24T10:00", true)]
    [InlineData("2015-02-30", false)]
    [InlineData("24/07/2015", false)]
    [InlineData("2015-07-24 25:00", false)]
    [InlineData("yesterday", false)]
    public void PublishedDateShapes(string value, bool ok)
    {
        Assert.Equal(ok, PublishedDate.TryParse(value, out var d));
        if (ok)
            Assert.Equal(new DateOnly(2015, 7, 24), d);
    }
}
