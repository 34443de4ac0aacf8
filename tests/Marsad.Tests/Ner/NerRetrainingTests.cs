using Marsad.Entities.Ner;

namespace Marsad.Tests.Ner;

/// <summary>CI-sized retraining from ../shared/data: shows that training works end to end, in a few seconds.</summary>
public class NerRetrainingTests
{
    [SharedNerDataFact]
    public void SmallModelFromAnercorpClearsAModestFloor()
    {
        var train = ConllReader.ReadFile(NerTestData.AnercorpTrain, lenient: true).Take(1500).ToList();
        var test = ConllReader.ReadFile(NerTestData.AnercorpTest).Take(300).ToList();
        var gaz = Directory.Exists(NerTestData.AnerGazet) ? NerGazetteer.LoadFolder(NerTestData.AnerGazet) : null;
        var fx = new NerFeatureExtractor(NerFeatureGroups.All, gaz, null);
        var model = NerTrainer.Train(train, fx, new NerTrainingOptions { Epochs = 4 });
        var score = EntityScorer.Score(test.Select(s => s.Tags).ToList(), test.Select(s => (IReadOnlyList<string>)model.Tag(s.Tokens)).ToList());
        Assert.True(score.Micro.F1 >= 0.5, score.Format());
    }

    [SharedNerDataFact]
    public void CliTrainsAndEvaluates()
    {
        using var dir = new TempDir();
        string model = Path.Combine(dir.Path, "m.bin");
        // A small slice keeps this quick: the first 400 sentences of the training file.
        var lines = File.ReadLines(NerTestData.AnercorpTrain).Take(12_000).ToList();
        string train = dir.File("train.txt", string.Join('\n', lines) + "\n");
        var outw = new StringWriter();
        var errw = new StringWriter();
        Assert.Equal(0, Marsad.Cli.Program.Run(["train", "ner", "--train", train, "--out", model, "--epochs", "2"], outw, errw));
        Assert.True(File.Exists(model), errw.ToString());
        outw = new StringWriter();
        Assert.Equal(0, Marsad.Cli.Program.Run(["eval", "ner", "--conll", NerTestData.AnercorpTest, "--model", model], outw, errw));
        var text = outw.ToString();
        Assert.Contains("micro", text);
        Assert.Contains("PER", text);
    }
}
