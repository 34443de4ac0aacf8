using Marsad.Events;

namespace Marsad.Tests.Events;

public class EventFilterTests
{
    // A toy task a linear model must solve: "happened" words mark events, "debate" words mark talk about them.
    private static List<FilterExample> Toy()
    {
        var list = new List<FilterExample>();
        for (int i = 0; i < 40; i++)
        {
            list.Add(new FilterExample(["w:امس", "w:قتل", $"w:noise{i % 7}"], true, $"g{i}"));
            list.Add(new FilterExample(["w:محاكمه", "w:قتل", $"w:noise{i % 5}"], false, $"h{i}"));
        }
        return list;
    }

    [Fact]
    public void LearnsToSeparateOccurrencesFromTalk()
    {
        var model = EventFilter.Train(Toy());
        Assert.True(model.Probability(["w:امس", "w:قتل"]) > 0.8);
        Assert.True(model.Probability(["w:محاكمه", "w:قتل"]) < 0.2);
    }

    [Fact]
    public void TrainingIsDeterministic()
    {
        var a = EventFilter.Train(Toy());
        var b = EventFilter.Train(Toy());
        Assert.Equal(a.Bias, b.Bias);
        Assert.Equal(a.Weights.OrderBy(k => k.Key), b.Weights.OrderBy(k => k.Key));
    }

    [Fact]
    public void SavedModelLoadsWithTheSameScoresAndThresholds()
    {
        var model = new EventFilter(EventFilter.Train(Toy()).Weights, 0.25, 0.5) { GroupThresholds = { ["violent"] = 0.4 } };
        var path = Path.Combine(Path.GetTempPath(), $"marsad-filter-{Guid.NewGuid():N}.tsv");
        try
        {
            model.Save(path);
            var loaded = EventFilter.Load(path);
            Assert.Equal(model.Probability(["w:امس"]), loaded.Probability(["w:امس"]), 12);
            Assert.Equal(0.4, loaded.GroupThresholds["violent"]);
            // Types without a threshold are never filtered.
            Assert.True(loaded.Keeps("x_threat", ["w:محاكمه"]));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MalformedModelLineNamesTheLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"marsad-filter-{Guid.NewGuid():N}.tsv");
        try
        {
            File.WriteAllText(path, "#bias\t0.1\nw:امس\tnot-a-number\n");
            var ex = Assert.Throws<FormatException>(() => EventFilter.Load(path));
            Assert.Contains(":2:", ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
