using Marsad.Events.Learning;

namespace Marsad.Tests.Events.Learning;

public class SoftmaxModelTests
{
    // A toy task a linear model must solve: one cue word per class, shared noise words.
    private static List<LabeledExample> Toy()
    {
        var list = new List<LabeledExample>();
        for (int i = 0; i < 60; i++)
        {
            list.Add(new LabeledExample(["w:talk", $"n:{i % 7}"], 0));
            list.Add(new LabeledExample(["w:strike", $"n:{i % 5}"], 1));
            list.Add(new LabeledExample(["w:march", $"n:{i % 3}"], 2));
        }
        return list;
    }

    private static readonly string[] Classes = ["none", "strike", "protest"];

    [Fact]
    public void LearnsEachClassFromItsCue()
    {
        var model = SoftmaxModel.Train(Classes, Toy(), epochs: 20, rate: 0.2);
        Assert.True(model.Probabilities(["w:strike"])[1] > 0.8);
        Assert.True(model.Probabilities(["w:march", "n:1"])[2] > 0.8);
        Assert.True(model.Probabilities(["w:talk"])[0] > 0.8);
        Assert.Equal(1.0, model.Probabilities(["unseen"]).Sum(), 9);
    }

    [Fact]
    public void TrainingIsDeterministicAndTheFileRoundTrips()
    {
        var a = SoftmaxModel.Train(Classes, Toy(), seed: 5);
        var b = SoftmaxModel.Train(Classes, Toy(), seed: 5);
        var wa = new StringWriter();
        var wb = new StringWriter();
        a.Write(wa);
        b.Write(wb);
        Assert.Equal(wa.ToString(), wb.ToString());

        var read = SoftmaxModel.Read(wa.ToString().Split('\n'), "toy");
        var again = new StringWriter();
        read.Write(again);
        Assert.Equal(wa.ToString(), again.ToString());
        Assert.Equal(a.Probabilities(["w:strike", "n:2"]), read.Probabilities(["w:strike", "n:2"]));
    }

    [Fact]
    public void ADamagedFileNamesItsLine()
    {
        var ex = Assert.Throws<FormatException>(() => SoftmaxModel.Read(["#classes\tnone\tstrike", "#bias\t0\t0", "w:x\t0.5\tabc"], "model.tsv"));
        Assert.Contains("model.tsv:3", ex.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => SoftmaxModel.Read(["w:x\t0.5\t1"], "model.tsv"));
        Assert.Throws<FormatException>(() => SoftmaxModel.Read(["#classes\tnone\tstrike", "w:x\t0.5"], "model.tsv"));
    }
}
