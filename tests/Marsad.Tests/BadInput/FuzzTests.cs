using System.Diagnostics;
using System.Text;
using Marsad.Ingest;
using Marsad.Pipeline;
using Marsad.Text;
using Xunit.Abstractions;

namespace Marsad.Tests.BadInput;

/// <summary>
/// A seeded fuzz run over the decoders, the readers and the pipeline: random bytes and mutated
/// fixtures for a fixed budget (inputs and seconds), asserting that nothing throws and that every
/// article produced is clean text. A failure names the seed and the input so it can be replayed.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20251107;
    private const int Inputs = 5000;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(40);

    private static readonly Lazy<MarsadPipeline> Pipeline = new(() => MarsadPipeline.CreateDefault());

    private const string Arabic = "قالت الشرطة في المدينة الشمالية أمس الأحد إنها أوقفت ثلاثة أشخاص بعد شجار قرب السوق، ولم تقع إصابات.";

    private static byte[][] Fixtures()
    {
        TextDecoder.EnsureCodePages();
        return
        [
            Encoding.UTF8.GetBytes(Arabic),
            Encoding.GetEncoding(1256).GetBytes(Arabic),
            Encoding.GetEncoding(28596).GetBytes(Arabic),
            [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Arabic)],
            Encoding.UTF8.GetBytes($"<html lang=\"ar\"><head><title>خبر</title><meta property=\"article:published_time\" content=\"2024-01-02\"><script>var a=1;</script></head><body><nav>قائمة</nav><article><p>{Arabic}</p><time datetime=\"2024-01-02\">أمس</time></article></body></html>"),
            Encoding.UTF8.GetBytes("{\"id\":\"f1\",\"published\":\"2024-01-02\",\"text\":\"" + Arabic + "\"}\n{\"id\":\"f2\",\"text\":\"نص ثان\"}\n"),
            Encoding.UTF8.GetBytes("id,text,published\nc1,\"" + Arabic + "\",2024-01-02\nc2,نص,2024-13-01\n"),
            Encoding.UTF8.GetBytes("[{\"id\":\"a1\",\"text\":\"" + Arabic + "\"},{\"url\":\"u\",\"content\":\"نص\",\"date_extracted\":\"2015-01-01 10:00:00\"}]"),
        ];
    }

    private static readonly byte[][] Tokens =
    [
        "<"u8.ToArray(), "\""u8.ToArray(), "\n"u8.ToArray(), "\r"u8.ToArray(), [0], [0xFF], [0xD8], [0xEF, 0xBB, 0xBF],
        "\u202E"u8.ToArray(), "<script>"u8.ToArray(), "</p>"u8.ToArray(), "[[[["u8.ToArray(), "{"u8.ToArray(), ","u8.ToArray(),
        "\\u0000"u8.ToArray(), "\\ud800"u8.ToArray(), "<meta charset=windows-1256>"u8.ToArray(), "Ø§Ù„"u8.ToArray(), "١٢٣"u8.ToArray(),
    ];

    private static byte[] Mutate(Random rng, byte[][] fixtures)
    {
        if (rng.Next(5) == 0)
        {
            var random = new byte[rng.Next(0, 600)];
            rng.NextBytes(random);
            return random;
        }
        var bytes = new List<byte>(fixtures[rng.Next(fixtures.Length)]);
        int ops = rng.Next(1, 8);
        for (int i = 0; i < ops; i++)
        {
            int at = rng.Next(bytes.Count + 1);
            switch (rng.Next(6))
            {
                case 0 when bytes.Count > 0:
                    bytes[Math.Min(at, bytes.Count - 1)] = (byte)rng.Next(256);
                    break;
                case 1:
                    bytes.InsertRange(at, Tokens[rng.Next(Tokens.Length)]);
                    break;
                case 2 when bytes.Count > 0:
                    bytes.RemoveRange(Math.Min(at, bytes.Count - 1), Math.Min(rng.Next(1, 20), bytes.Count - Math.Min(at, bytes.Count - 1)));
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 4 when bytes.Count > 0:
                    int from = rng.Next(bytes.Count), len = Math.Min(rng.Next(1, 64), bytes.Count - from);
                    bytes.InsertRange(at, bytes.GetRange(from, len));
                    break;
                default:
                    var noise = new byte[rng.Next(1, 8)];
                    rng.NextBytes(noise);
                    bytes.InsertRange(at, noise);
                    break;
            }
        }
        return [.. bytes];
    }

    [Fact]
    public void ReadersAndPipelineSurviveRandomAndMutatedInputs()
    {
        var rng = new Random(Seed);
        var fixtures = Fixtures();
        var clock = Stopwatch.StartNew();
        int tried = 0, articles = 0, diagnostics = 0, decodedOk = 0, processed = 0, events = 0;
        long bytesTried = 0;
        var readers = new (string Name, Func<byte[], Action<IngestDiagnostic>, IEnumerable<Article>> Read)[]
        {
            ("html", (b, r) => HtmlArticleReader.Read(b, "fuzz.html", r) is { } a ? [a] : []),
            ("txt", (b, r) => ArticleReader.ReadPlainText(b, "fuzz.txt", r) is { } a ? [a] : []),
            ("jsonl", (b, r) => ArticleReader.ReadJsonLines(new MemoryStream(b), "fuzz.jsonl", r)),
            ("csv", (b, r) => ArticleReader.ReadCsv(new MemoryStream(b), "fuzz.csv", r)),
            ("json", (b, r) => ArticleReader.ReadJsonArray(new MemoryStream(b), "fuzz.json", r)),
        };
        var perReader = readers.ToDictionary(r => r.Name, _ => 0);
        while (tried < Inputs && clock.Elapsed < Budget)
        {
            var input = Mutate(rng, fixtures);
            var (name, read) = readers[tried % readers.Length];
            tried++;
            perReader[name]++;
            bytesTried += input.Length;
            try
            {
                if (TextDecoder.Decode(input, html: name == "html").Ok)
                    decodedOk++;
                foreach (var a in read(input, _ => diagnostics++).ToList())
                {
                    articles++;
                    Assert.False(string.IsNullOrWhiteSpace(a.Text));
                    Assert.Null(TextChecks.MojibakeSample(a.Text));
                    Assert.DoesNotContain('\u202E', a.Text);
                    var (_, evs) = Pipeline.Value.Process(a);
                    processed++;
                    events += evs.Count;
                }
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"seed {Seed}, input #{tried} ({name} reader, {input.Length} bytes: {Convert.ToHexString(input.AsSpan(0, Math.Min(64, input.Length)))}…): {ex}");
            }
        }
        string report =
            $"fuzz: seed {Seed}, {tried} inputs ({string.Join(", ", perReader.Select(p => $"{p.Key} {p.Value}"))}), {bytesTried:N0} bytes, " +
            $"{clock.Elapsed.TotalSeconds:0.0} s; {decodedOk} decoded as trusted text, {articles} articles read, {diagnostics} diagnostics, " +
            $"{processed} articles through the pipeline ({events} events); no exception";
        output.WriteLine(report);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "fuzz-report.txt"), report + "\n");
        Assert.True(tried >= 500, $"only {tried} inputs within the budget");
    }
}
