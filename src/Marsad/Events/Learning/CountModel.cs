using System.Globalization;

namespace Marsad.Events.Learning;

/// <summary>The trained argument stage for counts: for each (event, number) pair, the probability that the number is one of the event's counts.</summary>
public sealed class CountModel
{
    public static readonly string[] Classes = ["other", "count"];

    public CountModel(SoftmaxModel model, double threshold)
    {
        Model = model;
        Threshold = threshold;
    }

    public SoftmaxModel Model { get; }

    /// <summary>The likeliest number of a kind is the event's count when its probability reaches this.</summary>
    public double Threshold { get; }

    public double Probability(IEnumerable<string> features) => Model.Probabilities(features)[1];

    public static CountModel Train(IReadOnlyList<(string[] Features, bool IsCount)> examples, double threshold, int epochs = 10, int seed = 17) =>
        new(SoftmaxModel.Train(Classes, examples.Select(e => new LabeledExample(e.Features, e.IsCount ? 1 : 0)).ToList(), epochs, rate: 0.02, seed: seed), threshold);

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var writer = new StreamWriter(path) { NewLine = "\n" };
        writer.WriteLine("## Marsad count model (logistic regression over event-number pairs). Written by `marsad train events`.");
        writer.WriteLine("##threshold\t" + Threshold.ToString("0.####", CultureInfo.InvariantCulture));
        Model.Write(writer);
    }

    public static CountModel Load(string path)
    {
        var lines = File.ReadAllLines(path);
        double threshold = 0.5;
        foreach (var line in lines)
            if (line.StartsWith("##threshold\t", StringComparison.Ordinal))
                threshold = double.Parse(line["##threshold\t".Length..], CultureInfo.InvariantCulture);
        return new CountModel(SoftmaxModel.Read(lines, path), threshold);
    }
}
