using System.Globalization;

namespace Marsad.Events.Learning;

/// <summary>
/// The trained event decision: for each candidate the broad trigger lexicon raises, is it an event an
/// analyst codes, and of which type. The rules' verdicts (the gate that would have dropped a candidate,
/// the type its trigger names) are features here, weighed by what coded articles say.
/// </summary>
public sealed class EventTypeModel
{
    /// <summary>The class that means "not an event".</summary>
    public const string None = "none";

    private readonly SoftmaxModel _model;
    private readonly Dictionary<string, string> _defaultSubtype;

    public EventTypeModel(SoftmaxModel model, double threshold, Dictionary<string, string> defaultSubtype)
    {
        _model = model;
        Threshold = threshold;
        _defaultSubtype = defaultSubtype;
    }

    /// <summary>A candidate is kept when the probability that it is some event reaches this.</summary>
    public double Threshold { get; }

    public SoftmaxModel Model => _model;

    public IReadOnlyDictionary<string, string> DefaultSubtypes => _defaultSubtype;

    public EventTypeModel WithThreshold(double threshold) => new(_model, threshold, _defaultSubtype);

    /// <summary>The features the model reads of a candidate: the extractor's own, its gate, and gate by type.</summary>
    public static string[] FeaturesOf(IReadOnlyList<string> candidateFeatures, string? gate, string ruleType)
    {
        var f = new string[candidateFeatures.Count + 3];
        for (int i = 0; i < candidateFeatures.Count; i++)
            f[i] = candidateFeatures[i];
        var g = gate ?? "pass";
        f[^3] = "gate:" + g;
        f[^2] = "gate_t:" + g + "|" + ruleType;
        f[^1] = "bias_t:" + ruleType;
        return f;
    }

    /// <summary>The type to code the candidate as, with the probability that it is an event; type null means drop it.</summary>
    public (string? Type, double Score) Decide(IReadOnlyList<string> features)
    {
        var p = _model.Probabilities(features);
        double eventProb = 1 - p[0];
        int best = 1;
        for (int c = 2; c < p.Length; c++)
            if (p[c] > p[best]) best = c;
        return eventProb >= Threshold ? (_model.Classes[best], eventProb) : (null, eventProb);
    }

    /// <summary>The subtype for a candidate whose type the model changed: the type's most frequent one in training.</summary>
    public string SubtypeFor(string type) => _defaultSubtype.GetValueOrDefault(type, EventSubtype.Other);

    // Cross-validated typed F1 0.500 at rate 0.2, 0.532 at 0.05, 0.538 at 0.02, 0.525 at 0.01 (before the broad lexicon).
    private const double LearningRate = 0.02;

    public static EventTypeModel Train(IReadOnlyList<(string[] Features, string Label, string? Subtype)> examples, double threshold,
        int epochs = 10, int seed = 17)
    {
        var classes = new List<string> { None };
        classes.AddRange(examples.Select(e => e.Label).Where(l => l != None).Distinct().Order(StringComparer.Ordinal));
        var index = classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var model = SoftmaxModel.Train(classes, examples.Select(e => new LabeledExample(e.Features, index[e.Label])).ToList(), epochs, rate: LearningRate, seed: seed);
        var subtypes = examples.Where(e => e.Label != None && e.Subtype is not null)
            .GroupBy(e => e.Label)
            .ToDictionary(g => g.Key, g => g.GroupBy(e => e.Subtype!).OrderByDescending(s => s.Count()).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key,
                StringComparer.Ordinal);
        return new EventTypeModel(model, threshold, subtypes);
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var writer = new StreamWriter(path) { NewLine = "\n" };
        writer.WriteLine("## Marsad event model (multinomial logistic regression). Written by `marsad train events`; see Lexicons/ar/models/README.md.");
        writer.WriteLine("##threshold\t" + Threshold.ToString("0.####", CultureInfo.InvariantCulture));
        foreach (var (t, s) in _defaultSubtype.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            writer.WriteLine($"##subtype\t{t}\t{s}");
        _model.Write(writer);
    }

    public static EventTypeModel Load(string path)
    {
        var lines = File.ReadAllLines(path);
        double threshold = 0.5;
        var subtypes = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split('\t');
            if (parts[0] == "##threshold" && parts.Length == 2)
                threshold = double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var t) ? t
                    : throw new FormatException($"{path}:{i + 1}: bad threshold");
            else if (parts[0] == "##subtype" && parts.Length == 3)
                subtypes[parts[1]] = parts[2];
        }
        return new EventTypeModel(SoftmaxModel.Read(lines, path), threshold, subtypes);
    }
}
