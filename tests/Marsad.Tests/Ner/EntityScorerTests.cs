using Marsad.Entities.Ner;

namespace Marsad.Tests.Ner;

public class EntityScorerTests
{
    private static IReadOnlyList<string> T(string tags) => tags.Split(' ');

    [Fact]
    public void SpansFollowConllevalRules()
    {
        Assert.Equal([new EntitySpan(0, 2, "PER"), new EntitySpan(3, 1, "LOC")], EntityScorer.Spans(T("B-PER I-PER O B-LOC")));
        // An I without a B starts an entity; an I of another type starts a new one.
        Assert.Equal([new EntitySpan(1, 1, "ORG"), new EntitySpan(2, 1, "LOC")], EntityScorer.Spans(T("O I-ORG I-LOC")));
        Assert.Equal([new EntitySpan(0, 1, "PER"), new EntitySpan(1, 1, "PER")], EntityScorer.Spans(T("B-PER B-PER")));
    }

    [Fact]
    public void ExactSpanAndTypeMatchOnly()
    {
        var gold = new[] { T("B-PER I-PER O B-LOC O B-ORG") };
        var pred = new[] { T("B-PER O O B-LOC O B-LOC") };
        var s = EntityScorer.Score(gold, pred);
        // Predicted: PER(0,1) wrong span, LOC(3) right, LOC(5) wrong type → 1 of 3.
        Assert.Equal(1, s.Micro.Correct);
        Assert.Equal(3, s.Micro.Predicted);
        Assert.Equal(3, s.Micro.Gold);
        Assert.Equal(1.0 / 3, s.Micro.F1, 6);
        var loc = s.Types.Single(t => t.Type == "LOC");
        Assert.Equal(0.5, loc.Precision, 6);
        Assert.Equal(1.0, loc.Recall, 6);
        Assert.Equal(0, s.Types.Single(t => t.Type == "PER").Correct);
        Assert.Equal(4.0 / 6, s.TokenAccuracy, 6);
    }

    [Fact]
    public void PerfectAndEmptyPredictions()
    {
        var gold = new[] { T("B-MISC I-MISC O") };
        Assert.Equal(1.0, EntityScorer.Score(gold, gold).Micro.F1);
        var none = EntityScorer.Score(gold, [T("O O O")]);
        Assert.Equal(0, none.Micro.F1);
        Assert.Equal(0, none.Micro.Precision);
    }

    [Fact]
    public void LengthMismatchIsReported()
    {
        var ex = Assert.Throws<ArgumentException>(() => EntityScorer.Score([T("O O")], [T("O")]));
        Assert.Contains("sentence 1", ex.Message);
    }
}
