using System.Globalization;

namespace Marsad.Events;

/// <summary>One training example for the event filter: the features of a candidate and whether it is a real event.</summary>
public sealed record FilterExample(IReadOnlyList<string> Features, bool IsEvent, string Group)
{
    /// <summary>
    /// Stands for a labelled event the rules raised no candidate for: never trained on, never kept, but
    /// counted as a miss so that cross-validated scores equal what <c>score.py</c> would report.
    /// </summary>
    public bool Unreached { get; init; }
}

/// <summary>
/// A logistic-regression filter over candidate events: lexicon triggers over-generate (a crime named
/// as a charge, a film plot, a policy debate), and the words around a trigger tell an occurrence from
/// talk about one. Trained by <c>marsad train events</c> from labelled sentences; weights are a plain
/// TSV file beside the lexicons so that training is reproducible and the model inspectable.
/// </summary>
public sealed class EventFilter
{
    private readonly Dictionary<string, double> _weights;

    public EventFilter(Dictionary<string, double> weights, double bias, double threshold)
    {
        _weights = weights;
        Bias = bias;
        Threshold = threshold;
    }

    public double Bias { get; }

    /// <summary>Candidates scoring below this probability are dropped.</summary>
    public double Threshold { get; init; }

    /// <summary>Per event-type group thresholds (violent, protest); types without one are kept as the rules found them.</summary>
    public Dictionary<string, double> GroupThresholds { get; init; } = [];

    /// <summary>The group a type's threshold is looked up under.</summary>
    public static string GroupOf(string type) => type switch
    {
        "battles" or "explosions_remote_violence" or "violence_against_civilians" => "violent",
        "protests" or "riots" => "protest",
        _ => "other",
    };

    public bool Keeps(string type, IEnumerable<string> features) =>
        !GroupThresholds.TryGetValue(GroupOf(type), out var t) || Probability(features) >= t;

    public int FeatureCount => _weights.Count;

    public Dictionary<string, double> Weights => _weights;

    public double Probability(IEnumerable<string> features)
    {
        double z = Bias;
        foreach (var f in features)
            if (_weights.TryGetValue(f, out var w))
                z += w;
        return 1 / (1 + Math.Exp(-z));
    }


    /// <summary>
    /// Trains by stochastic gradient descent with L2 shrinkage, visiting examples in a fixed shuffled
    /// order (seeded) so the same data always gives the same weights.
    /// </summary>
    public static EventFilter Train(IReadOnlyList<FilterExample> examples, int epochs = 12, double rate = 0.1, double l2 = 1e-4, double threshold = 0.5, int seed = 17)
    {
        examples = examples.Where(e => !e.Unreached).ToList();
        var w = new Dictionary<string, double>(StringComparer.Ordinal);
        double bias = 0;
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var rng = new Random(seed);
        // Classes are unbalanced (most sentences naming violence report none); weight positives up to even them.
        int pos = examples.Count(e => e.IsEvent), neg = examples.Count - pos;
        double posWeight = pos == 0 ? 1 : Math.Max(1, (double)neg / pos);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            rng.Shuffle(order);
            double lr = rate / (1 + epoch * 0.5);
            foreach (int i in order)
            {
                var ex = examples[i];
                double z = bias;
                foreach (var f in ex.Features)
                    if (w.TryGetValue(f, out var v)) z += v;
                double p = 1 / (1 + Math.Exp(-z));
                double g = ((ex.IsEvent ? 1 : 0) - p) * (ex.IsEvent ? posWeight : 1);
                bias += lr * g;
                foreach (var f in ex.Features)
                {
                    w.TryGetValue(f, out var v);
                    w[f] = v * (1 - lr * l2) + lr * g;
                }
            }
        }
        foreach (var k in w.Where(kv => Math.Abs(kv.Value) < 1e-4).Select(kv => kv.Key).ToList())
            w.Remove(k);
        return new EventFilter(w, bias, threshold);
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var writer = new StreamWriter(path);
        writer.WriteLine("# Marsad event filter (logistic regression). Written by `marsad train events`; see Lexicons/ar/models/README.md.");
        writer.WriteLine(FormattableString.Invariant($"#bias\t{Bias:R}"));
        foreach (var (g, t) in GroupThresholds.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            writer.WriteLine(FormattableString.Invariant($"#threshold:{g}\t{t:R}"));
        foreach (var (f, v) in _weights.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            writer.WriteLine(FormattableString.Invariant($"{f}\t{v:R}"));
    }

    public static EventFilter Load(string path)
    {
        var w = new Dictionary<string, double>(StringComparer.Ordinal);
        double bias = 0, threshold = 0.5;
        var groups = new Dictionary<string, double>(StringComparer.Ordinal);
        int n = 0;
        foreach (var line in File.ReadLines(path))
        {
            n++;
            if (line.Length == 0 || (line[0] == '#' && !line.StartsWith("#bias\t", StringComparison.Ordinal) && !line.StartsWith("#threshold:", StringComparison.Ordinal)))
                continue;
            int tab = line.LastIndexOf('\t');
            if (tab <= 0 || !double.TryParse(line.AsSpan(tab + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                throw new FormatException($"{path}:{n}: expected 'feature<TAB>weight'");
            var key = line[..tab];
            if (key == "#bias") bias = v;
            else if (key.StartsWith("#threshold:", StringComparison.Ordinal)) groups[key["#threshold:".Length..]] = v;
            else w[key] = v;
        }
        return new EventFilter(w, bias, threshold) { GroupThresholds = groups };
    }
}
