using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Marsad.Entities.Ner;
using Marsad.Text;

namespace Marsad.Bench.Ner;

/// <summary>Entry point: BenchmarkDotNet's switcher (pass --filter, --job short … as usual).</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}

/// <summary>
/// Tagging throughput of the default NER model on exactly <see cref="Tokens"/> tokens per invocation, so the
/// reported time per operation is the time per token (tokens/s = 1e9 / ns per op).
/// </summary>
[MemoryDiagnoser]
public class NerTagging
{
    public const int Tokens = 10_000;

    private NerModel _model = null!;
    private List<string[]> _sentences = [];
    private List<TokenObservation[]> _observed = [];
    private int[] _tags = new int[1024];

    [GlobalSetup]
    public void Setup()
    {
        _model = NerModel.Load(NerModel.DefaultPath);
        _sentences = TakeTokens(LoadSentences(), Tokens);
        _observed = _sentences.Select(s => s.Select(TokenObservation.Of).ToArray()).ToList();
    }

    /// <summary>From token strings: clitic segmentation, features, decoding.</summary>
    [Benchmark(OperationsPerInvoke = Tokens)]
    public int TagTokens()
    {
        int entities = 0;
        foreach (var s in _sentences)
            foreach (var t in _model.Tag(s))
                if (t[0] == 'B') entities++;
        return entities;
    }

    /// <summary>From already segmented tokens (as in the pipeline, where the tokenizer segments): features and decoding.</summary>
    [Benchmark(OperationsPerInvoke = Tokens)]
    public int TagObserved()
    {
        int sum = 0;
        foreach (var s in _observed)
        {
            _model.TagObserved(s, _tags.AsSpan(0, s.Length));
            sum += _tags[0];
        }
        return sum;
    }

    // ANERcorp's test file when ../shared is there; otherwise a few bundled sentences repeated.
    private static List<string[]> LoadSentences()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Marsad.sln")))
            dir = dir.Parent;
        string? test = dir is null ? null : Path.Combine(dir.FullName, "..", "shared", "data", "ner", "anercorp", "test.camel-split.txt");
        if (test is not null && File.Exists(test))
            return ConllReader.ReadFile(test).Select(s => s.Tokens.ToArray()).ToList();
        string[] fallback =
        [
            "وقال الرئيس الأمريكي باراك أوباما في واشنطن إن الأمم المتحدة ستعقد اجتماعا طارئا يوم الاثنين .",
            "أعلنت وزارة الداخلية السعودية القبض على خلية في الرياض والدمام تضم 12 شخصا .",
            "وصل وزير الخارجية الفرنسي لوران فابيوس إلى طهران في زيارة رسمية تستغرق يومين .",
        ];
        return fallback.Select(s => Tokenizer.Tokenize(s).Select(t => t.Surface).ToArray()).ToList();
    }

    private static List<string[]> TakeTokens(List<string[]> sentences, int count)
    {
        var result = new List<string[]>();
        int have = 0;
        while (have < count)
        {
            foreach (var s in sentences)
            {
                int take = Math.Min(s.Length, count - have);
                if (take == 0) break;
                result.Add(s[..take]);
                have += take;
            }
        }
        return result;
    }
}

/// <summary>Time to load the default model from disk.</summary>
public class NerModelLoad
{
    [Benchmark]
    public int Load() => NerModel.Load(NerModel.DefaultPath).FeatureCount;
}
