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
    public void PositivesTheRulesMissedCountAgainstEveryThreshold()
    {
        // 40 sentences with an event the rules found, 40 that only talk about one, and 40 events the rules
        // raised nothing for: at threshold 0 the filter keeps every candidate, as score.py would count it.
        var examples = Toy().Select(e => e with { Group = "assault:" + e.Group }).ToList();
        for (int i = 0; i < 40; i++)
            examples.Add(new FilterExample([], true, $"assault:missed{i}") { Unreached = true });
        var rulesAlone = EventFilterTrainer.CrossValidate(examples).First(s => s.Threshold == 0);
        // 40 found events, 40 talk sentences kept, 40 missed: F1 = 2·40 / (2·40 + 40 + 40).
        Assert.Equal(0.5, rulesAlone.AssaultF1, 3);
        Assert.DoesNotContain(EventFilter.Train(examples).Weights.Keys, k => k.Length == 0);
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
