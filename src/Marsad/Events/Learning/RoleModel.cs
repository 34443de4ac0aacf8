using System.Globalization;

namespace Marsad.Events.Learning;

/// <summary>
/// The trained argument stage for actors: for each (event, mention) pair, the probabilities that the mention is
/// none of the event's actors, its actor1 (who acted) or its actor2 (on whom, or the other side).
/// </summary>
public sealed class RoleModel
{
    public static readonly string[] Classes = ["none", "actor1", "actor2"];

    public RoleModel(SoftmaxModel model, double threshold)
    {
        Model = model;
        Threshold = threshold;
    }

    public SoftmaxModel Model { get; }

    /// <summary>A mention fills a role when its probability for it reaches this.</summary>
    public double Threshold { get; }

    public double[] Probabilities(IEnumerable<string> features) => Model.Probabilities(features);

    public static RoleModel Train(IReadOnlyList<(string[] Features, int Role)> examples, double threshold, int epochs = 10, int seed = 17) =>
        new(SoftmaxModel.Train(Classes, examples.Select(e => new LabeledExample(e.Features, e.Role)).ToList(), epochs, rate: 0.02, seed: seed), threshold);

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var writer = new StreamWriter(path) { NewLine = "\n" };
        writer.WriteLine("## Marsad actor role model (multinomial logistic regression over event-mention pairs). Written by `marsad train events`.");
        writer.WriteLine("##threshold\t" + Threshold.ToString("0.####", CultureInfo.InvariantCulture));
        Model.Write(writer);
    }

    public static RoleModel Load(string path)
    {
        var lines = File.ReadAllLines(path);
        double threshold = 0.5;
        foreach (var line in lines)
            if (line.StartsWith("##threshold\t", StringComparison.Ordinal))
                threshold = double.Parse(line["##threshold\t".Length..], CultureInfo.InvariantCulture);
        return new RoleModel(SoftmaxModel.Read(lines, path), threshold);
    }
}
