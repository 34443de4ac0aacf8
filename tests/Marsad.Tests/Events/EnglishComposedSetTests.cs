using System.Text.Json;
using Marsad.Evaluation;
using Marsad.Ingest;

namespace Marsad.Tests.Events;

/// <summary>
/// The composed English development set (tests/Marsad.Tests/Data/english-composed: fictional reports written for
/// Marsad, and the rules were tuned on them) as a regression guard: the scores must not fall below what the
/// English path reached, and the set itself must follow FORMAT.md.
/// </summary>
public class EnglishComposedSetTests(EnglishFixture fx) : IClassFixture<EnglishFixture>
{
    private static string DataDir()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Marsad.sln")))
                return Path.Combine(dir.FullName, "tests", "Marsad.Tests", "Data", "english-composed");
        throw new InvalidOperationException("Marsad.sln not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void TheSetFollowsTheFormat()
    {
        var articles = ArticleReader.Read(Path.Combine(DataDir(), "articles.jsonl"), d => Assert.Fail(d.ToString())).ToList();
        Assert.InRange(articles.Count, 10, 15);
        Assert.All(articles, a => Assert.Equal("en", a.Lang));
        Assert.All(articles, a => Assert.NotNull(a.Published));
        var texts = articles.ToDictionary(a => a.Id, a => Marsad.Text.TextFolder.Fold(a.Text));
        var gold = EventScorer.LoadJsonLines(Path.Combine(DataDir(), "gold.jsonl"));
        var types = new HashSet<string>();
        foreach (var g in gold)
        {
            var article = g.GetProperty("article").GetString()!;
            Assert.Contains(g.GetProperty("evidence").GetString()!, texts[article]);
            types.Add(g.GetProperty("type").GetString()!);
        }
        // Every event type of ONTOLOGY.md is in the set.
        Assert.Equal(9, types.Count);
    }

    [Fact]
    public void TheEnglishPathScoresOnTheComposedSet()
    {
        using var tmp = new TempDir();
        var pred = Path.Combine(tmp.Path, "pred.jsonl");
        using (var w = PredictionWriter.Create(pred))
            foreach (var a in ArticleReader.Read(Path.Combine(DataDir(), "articles.jsonl"), _ => { }))
            {
                var (doc, events) = fx.Pipeline.Process(a);
                foreach (var e in events)
                    w.Write(e, doc.Text);
            }
        var score = EventScorer.ScoreEventFiles(Path.Combine(DataDir(), "articles.jsonl"), Path.Combine(DataDir(), "gold.jsonl"), pred);
        Assert.True(score.DetectionTyped.F1 >= 0.9, score.ToJson());
        var fields = score.OnTypedMatches.ToDictionary(kv => kv.Key, kv => kv.Value.Accuracy ?? 0);
        Assert.True(fields["actor1"] >= 0.85 && fields["place"] >= 0.85 && fields["date"] >= 0.85 && fields["certainty"] >= 0.85, score.ToJson());
    }
}
