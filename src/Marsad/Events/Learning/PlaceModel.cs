using System.Globalization;

namespace Marsad.Events.Learning;

/// <summary>The trained argument stage for places: for each (event, place mention) pair, the probability that the mention is where the event happened.</summary>
public sealed class PlaceModel
{
    public static readonly string[] Classes = ["other", "place"];

    public PlaceModel(SoftmaxModel model, double threshold)
    {
        Model = model;
        Threshold = threshold;
    }

    public SoftmaxModel Model { get; }

    /// <summary>The best mention replaces the rules' place when its probability reaches this.</summary>
    public double Threshold { get; }

    public double Probability(IEnumerable<string> features) => Model.Probabilities(features)[1];

    public static PlaceModel Train(IReadOnlyList<(string[] Features, bool IsPlace)> examples, double threshold, int epochs = 10, int seed = 17) =>
        new(SoftmaxModel.Train(Classes, examples.Select(e => new LabeledExample(e.Features, e.IsPlace ? 1 : 0)).ToList(), epochs, rate: 0.02, seed: seed), threshold);

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var writer = new StreamWriter(path) { NewLine = "\n" };
        writer.WriteLine("## Marsad place model (logistic regression over event-place pairs). Written by `marsad train events`.");
        writer.WriteLine("##threshold\t" + Threshold.ToString("0.####", CultureInfo.InvariantCulture));
        Model.Write(writer);
    }

    public static PlaceModel Load(string path)
    {
        var lines = File.ReadAllLines(path);
        double threshold = 0.5;
        foreach (var line in lines)
            if (line.StartsWith("##threshold\t", StringComparison.Ordinal))
                threshold = double.Parse(line["##threshold\t".Length..], CultureInfo.InvariantCulture);
        return new PlaceModel(SoftmaxModel.Read(lines, path), threshold);
    }
}
