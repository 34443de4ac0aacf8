using System.Globalization;

namespace Marsad.Events.Learning;

/// <summary>
/// A trained argument stage: for each (event, choice) pair, the probabilities of the choice's classes. Roles
/// (none, actor1, actor2) over actor mentions, places (other, place) over the places an article names, counts
/// (other, count) over the numbers of a sentence; a choice fills its slot when its probability reaches the threshold.
/// </summary>
public sealed class ChoiceModel
{
    public static readonly string[] RoleClasses = ["none", "actor1", "actor2"];
    public static readonly string[] PlaceClasses = ["other", "place"];
    public static readonly string[] CountClasses = ["other", "count"];

    public ChoiceModel(SoftmaxModel model, double threshold)
    {
        Model = model;
        Threshold = threshold;
    }

    public SoftmaxModel Model { get; }

    /// <summary>A choice fills its slot when its probability for the slot's class reaches this.</summary>
    public double Threshold { get; }

    public double[] Probabilities(IEnumerable<string> features) => Model.Probabilities(features);

    /// <summary>The probability of the second class (place, count) for a two-class model.</summary>
    public double Probability(IEnumerable<string> features) => Model.Probabilities(features)[1];

    public static ChoiceModel Train(string[] classes, IReadOnlyList<(string[] Features, int Label)> examples, double threshold, int epochs = 10, int seed = 17) =>
        new(SoftmaxModel.Train(classes, examples.Select(e => new LabeledExample(e.Features, e.Label)).ToList(), epochs, rate: 0.02, seed: seed), threshold);

    public void Save(string path, string what)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var writer = new StreamWriter(path) { NewLine = "\n" };
        writer.WriteLine($"## Marsad {what} (logistic regression). Written by `marsad train events`; see Lexicons/ar/models/README.md.");
        writer.WriteLine("##threshold\t" + Threshold.ToString("0.####", CultureInfo.InvariantCulture));
        Model.Write(writer);
    }

    public static ChoiceModel Load(string path)
    {
        var lines = File.ReadAllLines(path);
        double threshold = 0.5;
        for (int i = 0; i < lines.Length; i++)
            if (lines[i].StartsWith("##threshold\t", StringComparison.Ordinal)
                && !double.TryParse(lines[i]["##threshold\t".Length..], NumberStyles.Float, CultureInfo.InvariantCulture, out threshold))
                throw new FormatException($"{path}:{i + 1}: the threshold is not a number");
        return new ChoiceModel(SoftmaxModel.Read(lines, path), threshold);
    }
}
